import CloudFirstCore

struct PoweredOffServer: ServerRule {
    static let description = RuleDescription(
        id: "powered-off-server", title: "Powered-off server", category: .sustainability, severity: .low,
        rationale: "A server that is switched off serves nobody today. It is a candidate to retire, not to "
            + "migrate, once its owner confirms nothing on it is needed; the CDDO's legacy IT guidance and the "
            + "asset-register step of Internet First both start with knowing what is really in use.",
        source: "REFERENCE.md section 1 (Internet First: audit and build an asset register; CDDO legacy IT) and "
            + "section 7 (AWS 7 Rs: retire)",
        remediation: "Confirm with its owner why it is kept; archive what records retention requires and "
            + "decommission it.",
        examples: [
            .triggers("""
                servers:
                  - id: s1
                    site: dc1
                    ↓powered_on: false
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, powered_on: true }
                  - { id: s2, site: dc1 }
                """),
        ])

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        guard !server.poweredOn else { return }
        report.report("server '\(server.id)' is powered off: retire it unless its owner needs it",
                      at: server.source, field: "powered_on")
    }
}
