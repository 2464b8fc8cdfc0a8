import CloudFirstCore

struct ServerInNoService: ServerRule {
    static let description = RuleDescription(
        id: "server-in-no-service", title: "Server that belongs to no service", category: .operational,
        severity: .medium,
        rationale: "Every server should run something someone owns. One that no service lists has no owner to "
            + "decide its strategy, no criticality to plan around and no data classification to protect: it "
            + "cannot be planned until it is placed, and it may be a forgotten server that can go.",
        source: "REFERENCE.md section 1 (Internet First: audit and build an asset register; CDDO legacy IT risk "
            + "assessment)",
        remediation: "Find out what it runs and add it to that service's servers, or confirm it is unused and "
            + "retire it.",
        examples: [
            .triggers("""
                servers:
                  - ↓{ id: s1, site: dc1 }
                  - { id: s2, site: dc1 }
                services:
                  - { id: a, name: A, servers: [s2] }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1 }
                services:
                  - { id: a, name: A, servers: [s1] }
                  - { id: b, name: B, servers: [s1] }
                """),
        ])

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        guard let index = context.estate.serverIndex[server.id], context.servicesOfServer[index].isEmpty else { return }
        report.report("server '\(server.id)' belongs to no service: nobody owns its strategy", at: server.source)
    }
}
