import CloudFirstCore

struct OSPastSupport: ServerRule {
    static let description = RuleDescription(
        id: "os-past-support", title: "Operating system past all vendor support", category: .security,
        severity: .blocker,
        rationale: "An operating system that no longer gets security updates, paid or not, fails the DSPT and "
            + "was the common factor of every trust WannaCry reached in 2017. No cloud offers it a supported image.",
        source: lifecycleSource,
        remediation: "Upgrade the operating system before the move, or rebuild the service on a supported one "
            + "(replatform). It weighs 25 points, not a blocker's 40: the remedy is an upgrade the move itself can "
            + "include, where other blockers need the design or the supplier to change (cloudfirst's judgement).",
        examples: [
            .triggers("""
                servers:
                  - id: s1
                    site: dc1
                    ↓os: Microsoft Windows Server 2008 R2 (64-bit)
                  - { id: s2, site: dc1, ↓os: Win2k3 }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, os: Windows Server 2022 Datacenter }
                  - { id: s2, site: dc1, os: Windows Server 2016 }
                """),
        ],
        weight: 25)

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        guard let os = server.os, let entry = context.operatingSystem(named: os),
              case .pastSupport(let since)? = SupportStage(entry, asOf: context.asOf) else { return }
        report.report("\(entry.name) has had no security updates since \(since)\(sourcesDiffer(entry))", at: server.source, field: "os")
    }
}
