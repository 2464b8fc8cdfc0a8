import CloudFirstCore

struct DatabaseInExtendedSecurityUpdates: ServerRule {
    static let description = RuleDescription(
        id: "database-in-extended-security-updates", title: "Database only on paid extended security updates",
        category: .security, severity: .high,
        rationale: "Past extended support, fixes come only through a paid extension; Microsoft gives SQL Server ESU "
            + "free on Azure.",
        source: lifecycleSource,
        remediation: "Plan the upgrade, or a managed database, before the extension ends.",
        examples: [
            .triggers("""
                servers:
                  - { id: s1, site: dc1, software: [{ ↓product: SQL Server 2014 SP3 Standard }] }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, software: [{ product: SQL Server 2022 }] }
                """),
        ])

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        for (entry, software) in databases(on: server, in: context) {
            if case .paidExtension(let standardEnded, let ends)? = SupportStage(entry, asOf: context.asOf) {
                report.report("\(entry.name) on '\(server.id)' left standard support on \(standardEnded); "
                    + "\(paidExtensionName(entry)) runs to \(ends)\(extensionNote(entry))\(sourcesDiffer(entry))",
                              at: software.source, field: "product")
            }
        }
    }
}
