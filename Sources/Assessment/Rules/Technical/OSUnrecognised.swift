import CloudFirstCore

struct OSUnrecognised: ServerRule {
    static let description = RuleDescription(
        id: "os-unrecognised", title: "Operating system not known to the lifecycle catalogue", category: .technical,
        severity: .info,
        rationale: "Without a known operating system, support dates and cloud compatibility cannot be judged; the "
            + "service's confidence drops (as Azure Migrate treats 'Other' as unknown).",
        source: "REFERENCE.md section 7 (Azure Migrate readiness: unknown for OS 'Other')",
        remediation: "Give the operating system as the vendor names it, e.g. 'Windows Server 2019' or "
            + "'Red Hat Enterprise Linux 8'.",
        examples: [
            .triggers("""
                servers:
                  - { id: s1, site: dc1, ↓os: Mitel Standard Linux 11 (CentOS 7 based) }
                  - ↓{ id: s2, site: dc1 }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, os: CentOS 7 (64-bit) }
                """),
        ])

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        guard let os = server.os else {
            report.report("no operating system is given", at: server.source)
            return
        }
        if context.operatingSystem(named: os) == nil {
            report.report("operating system '\(os)' is not in the lifecycle catalogue", at: server.source, field: "os")
        }
    }
}
