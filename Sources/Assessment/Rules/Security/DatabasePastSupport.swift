import CloudFirstCore

struct DatabasePastSupport: ServerRule {
    static let description = RuleDescription(
        id: "database-past-support", title: "Database past all vendor support", category: .security,
        severity: .blocker,
        rationale: "A database engine with no security updates holds the data the service exists for; no managed "
            + "cloud database runs it, and rehosting it carries the risk to the cloud.",
        source: lifecycleSource,
        remediation: "Upgrade the engine, or move the data to a managed database on a supported version "
            + "(replatform). It weighs 25 points, not a blocker's 40: an upgrade the move itself can include "
            + "(cloudfirst's judgement).",
        examples: [
            .triggers("""
                servers:
                  - id: s1
                    site: dc1
                    software:
                      - ↓product: SQL Server 2008 R2 Express
                      - { product: Sectra IDS7 }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, software: [{ product: SQL Server 2019, edition: standard }] }
                """),
        ],
        weight: 25)

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        for (entry, software) in databases(on: server, in: context) {
            if case .pastSupport(let since)? = SupportStage(entry, asOf: context.asOf) {
                report.report("\(entry.name) on '\(server.id)' has had no security updates since \(since)\(sourcesDiffer(entry))",
                              at: software.source, field: "product")
            }
        }
    }
}
