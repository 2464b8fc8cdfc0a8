import CloudFirstCore

/// Runs the rule pack over an estate: each server once, each service once, so the cost grows with
/// servers + services whatever the number of rules.
public struct Assessor: Sendable {
    public let serverRules: [any ServerRule]
    public let serviceRules: [any ServiceRule]
    public let policy: Policy
    /// Each rule's identity and severity in force, parallel to `serverRules` and `serviceRules`.
    private let serverRuleIdentities: [FindingReporter.Rule]
    private let serviceRuleIdentities: [FindingReporter.Rule]
    /// For each rule that has them, the strategies its findings are not raised for (`RuleDescription.notFor`).
    private let notFor: [String: Set<MigrationStrategy>]
    /// The strategies any rule's `notFor` names: for the others, no finding is left out.
    private let strategiesSomeRuleIsNotFor: Set<MigrationStrategy>

    public init(rules: RuleRegistry = .standard, policy: Policy = Policy()) {
        self.serverRules = rules.serverRules.filter { policy.isEnabled(type(of: $0).description) }
        self.serviceRules = rules.serviceRules.filter { policy.isEnabled(type(of: $0).description) }
        self.policy = policy
        serverRuleIdentities = serverRules.map { FindingReporter.Rule(type(of: $0).description, policy: policy) }
        serviceRuleIdentities = serviceRules.map { FindingReporter.Rule(type(of: $0).description, policy: policy) }
        notFor = Dictionary((rules.serverRules.map { type(of: $0).description }
            + rules.serviceRules.map { type(of: $0).description }).filter { !$0.notFor.isEmpty }.map { ($0.id, $0.notFor) },
            uniquingKeysWith: { first, _ in first })
        strategiesSomeRuleIsNotFor = notFor.values.reduce(into: []) { $0.formUnion($1) }
    }

    public func assess(_ estate: Estate, asOf: CalendarDate, lifecycle: LifecycleCatalogue = .embedded)
        -> EstateAssessment {
        let context = AssessmentContext(estate: estate, asOf: asOf, lifecycle: lifecycle,
                                        planningHorizonMonths: policy.planningHorizonMonths)
        let paths = estate.files.map(\.path)
        let serverFindings = Parallel.map(estate.servers.count) { index in
            let server = estate.servers[index]
            var reporter = FindingReporter(subject: .server(server.id), paths: paths)
            for (rule, identity) in zip(serverRules, serverRuleIdentities) {
                reporter.rule = identity
                rule.evaluate(server, in: context, report: &reporter)
            }
            return reporter.findings
        }
        let services = Parallel.map(estate.services.count) { index in
            assess(estate.services[index], at: index, context: context, paths: paths, serverFindings: serverFindings)
        }
        let unassigned = estate.servers.indices.compactMap { index -> UnassignedServer? in
            context.servicesOfServer[index].isEmpty
                ? UnassignedServer(server: estate.servers[index], findings: Self.ordered(serverFindings[index])) : nil
        }
        return EstateAssessment(estate: estate, asOf: asOf, services: services, unassignedServers: unassigned,
                                context: context)
    }

    /// Environments whose findings weigh less when the service also has production servers.
    static let secondaryEnvironments: Set<Environment> = [.test, .training, .development, .dr]

    private func assess(_ service: Service, at serviceIndex: Int, context: AssessmentContext, paths: [String],
                        serverFindings: [[Finding]]) -> ServiceAssessment {
        var reporter = FindingReporter(subject: .service(service.id), paths: paths)
        for (rule, identity) in zip(serviceRules, serviceRuleIdentities) {
            reporter.rule = identity
            rule.evaluate(service, in: context, report: &reporter)
        }
        var findings = reporter.findings
        // A server listed twice (a warning when the estate is read) counts once. A server whose environment is not
        // given counts as production: missing data is never a good answer.
        var seenServers = Set<Int>()
        let serverIndexes = context.serversOfService[serviceIndex].filter { seenServers.insert($0).inserted }
        let hasProduction = serverIndexes.contains {
            !Self.secondaryEnvironments.contains(context.estate.servers[$0].environment ?? .production)
        }
        for index in serverIndexes {
            let secondary = hasProduction
                && Self.secondaryEnvironments.contains(context.estate.servers[index].environment ?? .production)
            findings += secondary ? serverFindings[index].map { var finding = $0; finding.secondaryReason = .nonProduction; return finding }
                : serverFindings[index]
        }
        var (inForce, accepted) = Exceptions.apply(service.exceptions, to: findings, asOf: context.asOf)
        let servers = context.servers(of: service)
        let decision = StrategyDecision.decide(service, findings: inForce, context: context, servers: servers)
        let derived = StrategyFindings.derive(service, servers: servers, decision: decision, findings: inForce,
                                              context: context, policy: policy)
        let (derivedInForce, derivedAccepted) = Exceptions.apply(service.exceptions, to: derived.findings,
                                                                 asOf: context.asOf)
        inForce += derivedInForce
        accepted += derivedAccepted
        let held = derivedInForce.contains { $0.rule == OwnerStrategyBlocked.description.id } ? derived.held : nil
        let strategy = service.strategy ?? decision.strategy
        // Sorted and split in place: a large estate has hundreds of thousands of findings, each costly to copy.
        var ordered = Self.ordered(fitted(inForce, to: strategy, kind: context.kinds[serviceIndex].kind))
        let gates = ordered.filter(\.gate)
        if !gates.isEmpty { ordered.removeAll(where: \.gate) }
        let nothingToMeasure = Scoring.nothingToMeasure(service, servers: servers, strategy: strategy,
                                                        recommended: decision.strategy)
        let confidence = Scoring.confidence(of: service, servers: servers, context: context,
                                            nothingToMeasure: nothingToMeasure)
        let kind = context.kinds[serviceIndex]
        return ServiceAssessment(
            service: service,
            kind: kind.kind,
            kindGiven: kind.given,
            score: Scoring.score(ordered, policy: policy),
            readiness: Scoring.readiness(ordered, confidence: confidence, service: service, strategy: strategy,
                                         policy: policy),
            confidence: confidence,
            strategy: strategy,
            recommendedStrategy: decision.strategy,
            strategyReasons: decision.reasons,
            strategyRow: decision.row,
            findings: ordered,
            gates: gates,
            held: held,
            accepted: accepted)
    }

    /// The findings that matter for the strategy in force. Findings about a step the strategy does not take are not
    /// raised (`RuleDescription.notFor`): a retained service is not hosted or moved by the trust. A repurchase
    /// leaves its servers behind to be switched off, and a directory its old domain controllers, so their findings
    /// weigh less and do not head it. A retained service passes no gate; a retired one only DCB0160, which covers
    /// decommissioning a clinical system.
    private func fitted(_ findings: [Finding], to strategy: MigrationStrategy, kind: ServiceKind) -> [Finding] {
        var fitted = strategiesSomeRuleIsNotFor.contains(strategy)
            ? findings.filter { notFor[$0.rule]?.contains(strategy) != true } : findings
        if kind == .directory, strategy == .rehost {
            for index in fitted.indices {
                if case .server = fitted[index].subject, fitted[index].secondaryReason == nil {
                    fitted[index].secondaryReason = .leftBehind
                }
            }
        }
        switch strategy {
        case .retain:
            fitted.removeAll(where: \.gate)
        case .retire:
            fitted.removeAll { $0.gate && $0.rule != ClinicalSafetyDCB0160.description.id }
        case .repurchase:
            for index in fitted.indices {
                if case .server = fitted[index].subject { fitted[index].secondaryReason = .leftBehind }
            }
        default:
            break
        }
        return fitted
    }

    /// Heaviest first (a finding only on test, training, development or DR servers weighs one severity less, and
    /// comes after the production findings of its own severity), then by where they are written (file, then
    /// position), then by rule, keeping the given order among equals, so every output lists them in a stable order
    /// and a service's headline is a production finding where there is one.
    ///
    /// What is sorted is the findings' indexes, each comparison reading the two findings in place: moving or copying
    /// a finding costs a reference count for each of its strings, and a sort does that many times over. A service
    /// has a few findings, so ranking its files and rules first (hashing every string) cost more than the sort.
    static func ordered(_ findings: [Finding]) -> [Finding] {
        guard findings.count > 1 else { return findings }
        let order = findings.withUnsafeBufferPointer { buffer in
            buffer.indices.sorted { left, right in
                let weightA = buffer[left].weighsAs, weightB = buffer[right].weighsAs
                if weightA != weightB { return weightA < weightB }
                if buffer[left].secondary != buffer[right].secondary { return !buffer[left].secondary }
                if buffer[left].location.file != buffer[right].location.file {
                    return buffer[left].location.file < buffer[right].location.file
                }
                if buffer[left].location.position != buffer[right].location.position {
                    return buffer[left].location.position < buffer[right].location.position
                }
                if buffer[left].rule != buffer[right].rule { return buffer[left].rule < buffer[right].rule }
                return left < right
            }
        }
        return order.map { findings[$0] }
    }
}

/// Applies a service's exceptions: a finding of an excepted rule is accepted while the exception lasts.
enum Exceptions {
    /// An expired exception accepts nothing; `ExceptionExpired` reports it.
    static func apply(_ exceptions: [RuleException], to findings: [Finding], asOf: CalendarDate)
        -> (inForce: [Finding], accepted: [AcceptedFinding]) {
        guard !exceptions.isEmpty else { return (findings, []) }
        var active: [String: RuleException] = [:]
        for exception in exceptions where exception.until.map({ $0 >= asOf }) ?? true {
            active[exception.rule] = exception
        }
        var inForce: [Finding] = []
        var accepted: [AcceptedFinding] = []
        for finding in findings {
            if let exception = active[finding.rule] {
                accepted.append(AcceptedFinding(finding: finding, reason: exception.reason, until: exception.until))
            } else {
                inForce.append(finding)
            }
        }
        return (inForce, accepted)
    }
}
