import CloudFirstCore

struct OSInExtendedSecurityUpdates: ServerRule {
    static let description = RuleDescription(
        id: "os-in-extended-security-updates", title: "Operating system only on paid extended security updates",
        category: .security, severity: .high,
        rationale: "Past extended support, security fixes come only through a paid extension (Microsoft ESU, Red "
            + "Hat ELS, Ubuntu ESM) that buys time, not a future. Microsoft gives ESU free on Azure, which changes "
            + "the case for moving there first.",
        source: lifecycleSource,
        remediation: "Plan the upgrade before the extension ends; on Azure, ESU for Windows Server and SQL Server "
            + "costs nothing meanwhile.",
        examples: [
            .triggers("""
                servers:
                  - { id: s1, site: dc1, ↓os: RHEL 7.9 }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, os: Red Hat Enterprise Linux 8 (64-bit) }
                """),
            .triggers("""
                servers:
                  - { id: s1, site: dc1, ↓os: Windows Server 2012 R2 }
                """, asOf: CalendarDate(year: 2024, month: 1, day: 1)!),  // Safe: a literal, real date.
        ])

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        guard let os = server.os, let entry = context.operatingSystem(named: os),
              case .paidExtension(let standardEnded, let ends)? = SupportStage(entry, asOf: context.asOf) else { return }
        report.report("\(entry.name) left standard support on \(standardEnded); \(paidExtensionName(entry)) runs to "
            + "\(ends)\(extensionNote(entry))\(sourcesDiffer(entry))", at: server.source, field: "os")
    }
}
