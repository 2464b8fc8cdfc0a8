import CloudFirstCore

struct OSSupportEnding: ServerRule {
    static let description = RuleDescription(
        id: "os-support-ending", title: "Operating system support ends within 24 months", category: .security,
        severity: .medium,
        rationale: "A migration takes months; an operating system whose support ends within two years should "
            + "be upgraded as part of the move, not after it.",
        source: lifecycleSource,
        remediation: "Move onto the current release during the migration.",
        examples: [
            .triggers("""
                servers:
                  - { id: s1, site: dc1, ↓os: Windows Server 2016 Standard }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, os: Windows Server 2025 }
                  - { id: s2, site: dc1, os: Ubuntu 24.04 LTS }
                """),
        ])

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        guard let os = server.os, let entry = context.operatingSystem(named: os),
              case .supported(let ends?)? = SupportStage(entry, asOf: context.asOf),
              ends <= context.monthsAhead(24) else { return }
        report.report("\(entry.name) support ends on \(ends)\(sourcesDiffer(entry))", at: server.source, field: "os")
    }
}
