import CloudFirstCore

// Rules the engine applies once the strategy is known: they read the recommendation or the owner's choice, which
// only exist after every other rule has spoken. `StrategyFindings.derive` raises them.

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
