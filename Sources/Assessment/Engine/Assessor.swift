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

    public init(rules: RuleRegistry = .standard, policy: Policy = Policy()) {
        self.serverRules = rules.serverRules.filter { policy.isEnabled(type(of: $0).description) }
        self.serviceRules = rules.serviceRules.filter { policy.isEnabled(type(of: $0).description) }
        self.policy = policy
        serverRuleIdentities = serverRules.map { FindingReporter.Rule(type(of: $0).description, policy: policy) }
        serviceRuleIdentities = serviceRules.map { FindingReporter.Rule(type(of: $0).description, policy: policy) }
    }

    public func assess(_ estate: Estate, asOf: CalendarDate, lifecycle: LifecycleCatalogue = .embedded)
        -> EstateAssessment {
        let context = AssessmentContext(estate: estate, asOf: asOf, lifecycle: lifecycle)
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
        return EstateAssessment(estate: estate, asOf: asOf, services: services, unassignedServers: unassigned)
    }

    private func assess(_ service: Service, at serviceIndex: Int, context: AssessmentContext, paths: [String],
                        serverFindings: [[Finding]]) -> ServiceAssessment {
        var reporter = FindingReporter(subject: .service(service.id), paths: paths)
        for (rule, identity) in zip(serviceRules, serviceRuleIdentities) {
            reporter.rule = identity
            rule.evaluate(service, in: context, report: &reporter)
        }
        var findings = reporter.findings
        // A server listed twice (a warning when the estate is read) counts once.
        var seenServers = Set<Int>()
        for index in context.serversOfService[serviceIndex] where seenServers.insert(index).inserted {
            findings += serverFindings[index]
        }
        let (inForce, accepted) = Exceptions.apply(service.exceptions, to: findings, asOf: context.asOf)
        findings = inForce
        let decision = StrategyDecision.decide(service, findings: findings, context: context)
        if let owners = service.strategy, owners != decision.strategy, policy.isEnabled(StrategyDisagreement.description) {
            findings.append(Finding(rule: StrategyDisagreement.description.id,
                                    severity: policy.severity(of: StrategyDisagreement.description),
                                    category: StrategyDisagreement.description.category,
                                    subject: .service(service.id),
                                    message: ("the owner's strategy is '\(owners.rawValue)'; the findings point to "
                                        + "'\(decision.strategy.rawValue)': " + decision.reasons.joined(separator: "; "))
                                        .escapingControlCharacters,
                                    location: context.estate.location(of: service.source, field: "strategy")))
        }
        findings = Self.ordered(findings)
        let confidence = Scoring.confidence(of: service, servers: context.servers(of: service), context: context)
        return ServiceAssessment(
            service: service,
            score: Scoring.score(findings, weights: policy.weights),
            readiness: Scoring.readiness(findings, confidence: confidence, service: service, policy: policy),
            confidence: confidence,
            strategy: service.strategy ?? decision.strategy,
            recommendedStrategy: decision.strategy,
            strategyReasons: decision.reasons,
            findings: findings,
            accepted: accepted)
    }

    /// Most serious first, then by where they are written, so every output lists them in a stable order.
    static func ordered(_ findings: [Finding]) -> [Finding] {
        findings.sorted {
            ($0.severity, $0.location.file, $0.location.position, $0.rule)
                < ($1.severity, $1.location.file, $1.location.position, $1.rule)
        }
    }
}

/// Applies a service's exceptions: a finding of an excepted rule is accepted while the exception lasts.
enum Exceptions {
    /// An expired exception accepts nothing; `ExceptionExpired` reports it.
    static func apply(_ exceptions: [RuleException], to findings: [Finding], asOf: CalendarDate)
        -> (inForce: [Finding], accepted: [AcceptedFinding]) {
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
