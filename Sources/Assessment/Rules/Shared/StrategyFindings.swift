import CloudFirstCore

// Rules the engine applies once the strategy is known: they read the recommendation or the owner's choice, which
// only exist after every other rule has spoken. `StrategyFindings.derive` raises them.

/// An owner's strategy that runs into a blocker it cannot get past.
public struct OwnerStrategyBlocked: DerivedRule {
    /// Blockers that a replatform, refactor or repurchase removes by rebuilding on, or buying, something else; a
    /// rehost or relocate moves the servers as they are and keeps them.
    static let removedByRebuilding: Set<String> = [
        "os-past-support", "database-past-support", "architecture-not-x86", "architecture-32-bit",
        "uefi-legacy-windows", "exceeds-cloud-vm-limits", "oracle-rac-on-cloud-vm",
    ]

    public static let description = RuleDescription(
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

/// Buying a service again is a procurement: its assurance comes before the move.
public struct RepurchaseAssurance: DerivedRule {
    public static let description = RuleDescription(
        id: "repurchase-assurance", title: "Repurchase: the procurement's assurance comes first",
        category: .commercial, severity: .medium,
        rationale: "A repurchase replaces the trust's own installation with the supplier's service: a procurement "
            + "(a framework call-off such as G-Cloud), the Digital Technology Assessment Criteria for the new "
            + "product, the supplier's Data Security and Protection Toolkit status, a DPIA for the new processing, "
            + "DCB0160 for a clinical system, and the data migration and exit terms of the contract. These take "
            + "months of calendar time and are waited for, not worked.",
        source: "NHS England Transformation Directorate, 'Digital Technology Assessment Criteria for health and "
            + "social care (DTAC)', launched 23 February 2021: assess new products at each procurement or contract "
            + "renewal (REFERENCE.md section 10); DSPT and DPIA (REFERENCE.md section 2); NHS Cloud Centre of "
            + "Excellence adoption plan (REFERENCE.md section 9)",
        remediation: "Start the procurement early: DTAC and DSPT evidence from the supplier, the DPIA, the safety "
            + "case for a clinical system, data migration and exit terms in the contract.",
        examples: [
            .triggers("""
                servers:
                  - { id: s1, site: dc1 }
                services:
                  - { id: a, name: A, supplier: { saas: only }, ↓strategy: repurchase }
                  - ↓{ id: b, name: B, servers: [s1], supplier: { saas: only } }
                """),
            .passes("""
                services:
                  - { id: a, name: A, supplier: { saas: none } }
                  - { id: b, name: B, supplier: { saas: available }, contract_ends: 2035-01-31 }
                """),
        ],
        gate: true)
}

/// Moving onto a provider's managed services deepens the dependence on it: plan the way out before the way in.
public struct CloudExitPlan: DerivedRule {
    public static let description = RuleDescription(
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

/// A service kept on site where the site is going away.
public struct RetainedOnClosingSite: DerivedRule {
    public static let description = RuleDescription(
        id: "retained-on-closing-site", title: "Retained or held service on a site being vacated",
        category: .operational,
        severity: .high,
        rationale: "The service stays on premises, retained or held back from the cloud waves by a blocker, but a "
            + "site it runs on closes within the planning horizon: staying still means moving it, to another site, "
            + "a colocation or a cloud, before that date.",
        source: "REFERENCE.md section 4 (a trust's sites and their exits) and section 9 (cloud first does not mean "
            + "moving everything; programme length)",
        remediation: "Choose the retained service's new home (another of the trust's sites, a colocation, or the "
            + "cloud after all) and plan its move before the site's lease ends.",
        examples: [
            .triggers("""
                sites:
                  - { id: dc1, name: DC }
                  - { id: dc2, name: DR room, lease_ends: 2027-09-30 }
                servers:
                  - { id: s1, site: dc2, architecture: sparc }
                  - { id: s2, site: dc2 }
                services:
                  - ↓{ id: a, name: A, servers: [s1] }
                  - { id: b, name: B, servers: [s2], ↓strategy: retain }
                """),
            .passes("""
                sites:
                  - { id: dc1, name: DC }
                  - { id: dc2, name: DR room, lease_ends: 2035-09-30 }
                servers:
                  - { id: s1, site: dc2, architecture: sparc }
                  - { id: s2, site: dc1, architecture: sparc }
                services:
                  - { id: a, name: A, servers: [s1] }
                  - { id: b, name: B, servers: [s2] }
                """),
        ])
}

/// Raises the rules that read the strategy.
enum StrategyFindings {
    static func derive(_ service: Service, servers: [Server], decision: StrategyDecision, findings: [Finding],
                       context: AssessmentContext, policy: Policy) -> (findings: [Finding], held: String?) {
        var derived: [Finding] = []
        func raise(_ rule: RuleDescription, _ message: String, field: String?) {
            guard policy.isEnabled(rule) else { return }
            derived.append(Finding(rule: rule.id, severity: policy.severity(of: rule), category: rule.category,
                                   subject: .service(service.id), message: message.escapingControlCharacters,
                                   location: context.estate.location(of: service.source, field: field),
                                   gate: rule.gate, points: policy.points(for: rule)))
        }
        let strategy = service.strategy ?? decision.strategy
        var held: String?
        if let owners = service.strategy {
            let blockers = blocking(owners, kind: context.kind(of: service), findings: findings)
            // A relocate moves VMware VMs onto a VMware service in the cloud: nothing else can go that way.
            let notVMware = owners == .relocate
                ? servers.filter { $0.platform != .vmware }.map { server in
                    "relocate moves VMware VMs as they are, and server '\(server.id)' is "
                        + (server.platform.map { $0 == .physical ? "physical" : "on \($0.rawValue)" } ?? "not known "
                            + "to be a VMware VM")
                } : []
            if !blockers.isEmpty || !notVMware.isEmpty {
                let named = (blockers.map { "\($0.rule) (\($0.message))" } + notVMware).joined(separator: "; ")
                held = "the owner's strategy '\(owners.rawValue)' runs into \(named)"
                raise(OwnerStrategyBlocked.description, "the owner's strategy is '\(owners.rawValue)', but "
                    + "\(named) stands in its way" + (owners == decision.strategy ? ""
                        : "; the findings point to '\(decision.strategy.rawValue)'") + ". The plan holds the service "
                    + "back until the blocker is resolved or accepted", field: "strategy")
            } else if owners != decision.strategy,
                      !(decision.byDefault && [.replatform, .refactor].contains(owners)) {
                raise(StrategyDisagreement.description, "the owner's strategy is '\(owners.rawValue)'; the findings "
                    + "point to '\(decision.strategy.rawValue)': " + decision.reasons.joined(separator: "; "),
                    field: "strategy")
            }
        }
        if strategy == .repurchase {
            raise(RepurchaseAssurance.description, "a repurchase is a procurement: "
                + StrategyDecision.procurement(clinical: service.clinicalSystem == true) + ", and exit terms",
                field: service.strategy == nil ? nil : "strategy")
        }
        let kind = context.kind(of: service)
        if let criticality = service.criticality, CloudExitPlan.critical.contains(criticality),
           CloudExitPlan.managed.contains(strategy) || (strategy == .replatform && kind != .application) {
            raise(CloudExitPlan.description, "a \(criticality.rawValue) service moving by \(strategy.rawValue) onto "
                + "a provider's own services needs a cloud exit plan", field: service.strategy == nil ? nil : "strategy")
        }
        if strategy == .retain || held != nil {
            let closing = servers.compactMap { server -> (Site, Server)? in
                guard let site = server.site.flatMap({ context.estate.site($0.id) }), let ends = site.leaseEnds,
                      ends <= context.horizonEnds else { return nil }
                return (site, server)
            }
            if let (site, _) = closing.first {
                let servers = closing.filter { $0.0.id == site.id }.map { "'\($0.1.id)'" }.joined(separator: ", ")
                let staying = held == nil ? "is retained" : "is held back from the cloud waves"
                raise(RetainedOnClosingSite.description, "it \(staying), but site '\(site.id)' (\(servers)) closes on "
                    + "\(site.leaseEnds!): it needs a new home before then",
                    field: service.strategy == nil ? nil : "strategy")
            }
        }
        return (derived, held)
    }

    /// The blockers in force that the owner's strategy cannot get past.
    /// A rehost or relocate moves the servers as they are, so every blocker stands in its way, except for a
    /// directory rehosted by building new domain controllers. Replatform, refactor and repurchase rebuild or buy, so
    /// only what rebuilding does not remove stands (data that may not go there).
    static func blocking(_ strategy: MigrationStrategy, kind: ServiceKind, findings: [Finding]) -> [Finding] {
        let blockers = findings.filter { $0.weighsAs == .blocker && !$0.gate && $0.rule != OwnerStrategyBlocked.description.id }
        var seen = Set<String>()
        let unique = blockers.filter { seen.insert($0.rule).inserted }
        let stillBlocking = unique.filter { !OwnerStrategyBlocked.removedByRebuilding.contains($0.rule) }
        switch strategy {
        case .rehost:
            return kind == .directory ? stillBlocking : unique
        case .relocate:
            return unique
        case .replatform, .refactor, .repurchase:
            return stillBlocking
        case .retain, .retire:
            return []
        }
    }
}
