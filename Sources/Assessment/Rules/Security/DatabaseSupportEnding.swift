import CloudFirstCore

struct DatabaseSupportEnding: ServerRule {
    static let description = RuleDescription(
        id: "database-support-ending", title: "Database support ends within 24 months", category: .security,
        severity: .medium,
        rationale: "Upgrading the engine during the migration costs less than a second project after it.",
        source: lifecycleSource,
        remediation: "Move onto a current version, or a managed database, as part of the migration.",
        examples: [
            .triggers("""
                servers:
                  - { id: s1, site: dc1, software: [{ ↓product: SQL Server, version: "2017" }] }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, software: [{ product: Oracle Database 19c }] }
                """),
        ])

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        for (entry, software) in databases(on: server, in: context) {
            if case .supported(let ends?)? = SupportStage(entry, asOf: context.asOf), ends <= context.monthsAhead(24) {
                report.report("\(entry.name) on '\(server.id)' support ends on \(ends)\(sourcesDiffer(entry))", at: software.source,
                              field: "product")
            }
        }
    }
}
