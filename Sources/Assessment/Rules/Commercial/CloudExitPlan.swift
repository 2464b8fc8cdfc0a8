import CloudFirstCore

/// Moving onto a provider's managed services deepens the dependence on it: plan the way out before the way in.
struct CloudExitPlan: DerivedRule {
    static let description = RuleDescription(
        id: "cloud-exit-plan", title: "Critical service onto managed services: an exit plan comes first",
        category: .commercial, severity: .medium,
        rationale: "Refactored and repurchased services, and platform services replatformed onto managed services "
            + "(backup vaults, managed file shares, managed Kubernetes, managed databases), run on a provider's "
            + "own services, which are "
            + "harder to leave than virtual machines. NHS policy asks for systems that can be replaced module by "
            + "module with no lock-in, and the NHS Cloud Centre of Excellence asks for a cloud exit strategy: "
            + "how the data and the service would move if the provider or the contract had to change.",
        source: "REFERENCE.md section 1 (plug-and-play architecture, no de facto lock-in) and section 9 (NHS Cloud "
            + "exit strategy guidance); Health and Social Care Cloud Risk Framework: lock-in (section 2)",
        remediation: "Write the exit plan before the move: data export formats, open interfaces, what a second "
            + "provider would need, the notice and cost of leaving.",
        examples: [
            .triggers("""
                services:
                  - { id: a, name: A, kind: file, criticality: patient-critical, ↓strategy: replatform }
                  - { id: b, name: B, criticality: business-critical, ↓strategy: repurchase }
                  - ↓{ id: c, name: C, kind: backup, criticality: business-critical }
                """),
            .passes("""
                services:
                  - { id: a, name: A, criticality: patient-critical, strategy: rehost }
                  - { id: b, name: B, kind: backup, criticality: administrative, strategy: replatform }
                  - { id: c, name: C, criticality: business-critical, strategy: replatform }
                """),
        ],
        gate: true)

    static let critical: Set<Criticality> = [.patientCritical, .businessCritical]
    /// Strategies that put the service on a provider's own services. A replatform does too for a platform service
    /// (backup to vaults, files to a managed file service, containers to managed Kubernetes, databases to managed
    /// databases), but not for an application rebuilt on a supported operating system on VMs.
    static let managed: Set<MigrationStrategy> = [.refactor, .repurchase]
}
