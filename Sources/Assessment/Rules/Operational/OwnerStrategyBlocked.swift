import CloudFirstCore

/// An owner's strategy that runs into a blocker it cannot get past.
struct OwnerStrategyBlocked: DerivedRule {
    /// Blockers that a replatform, refactor or repurchase removes by rebuilding on, or buying, something else; a
    /// rehost or relocate moves the servers as they are and keeps them.
    static let removedByRebuilding: Set<String> = [
        "os-past-support", "database-past-support", "architecture-not-x86", "architecture-32-bit",
        "uefi-legacy-windows", "exceeds-cloud-vm-limits", "oracle-rac-on-cloud-vm",
    ]

    static let description = RuleDescription(
        id: "owner-strategy-blocked", title: "Owner's strategy runs into a blocker", category: .operational,
        severity: .blocker,
        rationale: "The owner's strategy is respected, but not when it cannot be done: a rehost or relocate moves "
            + "the servers as they are, so an operating system past support, a processor no cloud runs or a server "
            + "larger than any cloud VM goes with them; no strategy moves data somewhere it may not go. Until the "
            + "blocker is resolved, or accepted with a recorded exception, the plan holds the service back from "
            + "the cloud waves.",
        source: "AWS 7 Rs: rehost and relocate move workloads unchanged, replatform changes the platform "
            + "(REFERENCE.md section 7); NCSC and DSPT on unsupported software (REFERENCE.md sections 2 and 9)",
        remediation: "Resolve the blocker (upgrade, rebuild), choose a strategy that removes it (replatform, "
            + "repurchase, retire), or accept it with an exception that records who decided and until when.",
        examples: [
            .triggers("""
                servers:
                  - { id: fax01, site: dc1, os: Windows Server 2003, architecture: x86 }
                services:
                  - { id: fax, name: Fax, servers: [fax01], ↓strategy: rehost }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, os: Windows Server 2008 R2 }
                  - { id: s2, site: dc1, os: Windows Server 2022 }
                services:
                  - { id: a, name: A, servers: [s1], strategy: replatform }
                  - { id: b, name: B, servers: [s2], strategy: rehost }
                  - id: c
                    name: C
                    servers: [s1]
                    strategy: rehost
                    exceptions: [{ rule: os-past-support, reason: "extended support bought", until: 2027-06-30 }]
                """),
        ],
        weight: 0)
}
