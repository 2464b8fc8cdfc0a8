import CloudFirstCore

/// One service in detail, as `cloudfirst explain` shows it: every fact behind its verdict. The score's working,
/// the readiness reason and the confidence evidence come from the same functions the assessment used
/// (`Scoring.arithmetic`, `Scoring.readinessVerdict`, `Scoring.evidence`), so the explanation cannot drift from the
/// verdict it explains.
public struct ServiceExplanation: Sendable {
    public let assessment: ServiceAssessment
    public let asOf: CalendarDate
    /// Where the service is defined: its mapping in the inventory.
    public let location: SourceLocation
    public let arithmetic: Scoring.Arithmetic
    public let readinessReason: Scoring.ReadinessReason
    public let evidence: Scoring.Evidence
    /// Confidence came from the fields alone (`Scoring.nothingToMeasure`).
    public let nothingToMeasure: Bool
    /// What the inventory could add to raise the confidence, and how far.
    public let confidenceAdvice: ConfidenceAdvice
    /// The policy's minimum confidence below which a service is `unknown`.
    public let minimumConfidence: Int
    /// What the decision table says in the row that gave the recommendation.
    public let strategyRule: String
    /// Where the owner's `strategy:` is written, when the inventory records one.
    public let ownerChoiceLocation: SourceLocation?
    /// What the assessment says of the owner's choice: `owner-strategy-blocked` or `strategy-disagreement`, if raised.
    public let ownerChoiceFinding: Finding?
    public let servers: [ServerLine]
    /// Each rule's remediation, by rule id, for the findings, gates and accepted findings shown.
    public let remediation: [String: String]

    /// One of the service's servers.
    public struct ServerLine: Sendable {
        public let server: Server
        public let location: SourceLocation
        /// The findings in force on the service that are about this server.
        public let findings: Int
        /// The other services that run on it.
        public let sharedWith: [String]
    }

    /// The explanation of the service `id`, or nil when the estate has no such service.
    public init?(service id: String, in estate: EstateAssessment, policy: Policy, registry: RuleRegistry = .standard) {
        guard let index = estate.estate.serviceIndex[id], index < estate.services.count,
              estate.services[index].service.id == id else { return nil }
        let assessed = estate.services[index]
        let service = assessed.service
        let context = estate.context
        assessment = assessed
        asOf = estate.asOf
        location = estate.estate.location(of: service.source)
        arithmetic = Scoring.arithmetic(assessed.findings, policy: policy)
        readinessReason = Scoring.readinessVerdict(assessed.findings, confidence: assessed.confidence,
                                                   service: service, strategy: assessed.strategy,
                                                   policy: policy).reason
        let servers = context.servers(of: service)
        nothingToMeasure = Scoring.nothingToMeasure(service, servers: servers, strategy: assessed.strategy,
                                                    recommended: assessed.recommendedStrategy)
        evidence = Scoring.evidence(of: service, servers: servers, context: context,
                                    nothingToMeasure: nothingToMeasure)
        minimumConfidence = policy.minimumConfidence
        confidenceAdvice = Self.advice(evidence, service: service, servers: servers, context: context,
                                       nothingToMeasure: nothingToMeasure)
        strategyRule = StrategyDecision.table.indices.contains(assessed.strategyRow - 1)
            ? StrategyDecision.table[assessed.strategyRow - 1].when : ""
        ownerChoiceLocation = service.strategy.map { _ in estate.estate.location(of: service.source, field: "strategy") }
        ownerChoiceFinding = (assessed.findings + assessed.accepted.map(\.finding)).first {
            $0.rule == OwnerStrategyBlocked.description.id || $0.rule == StrategyDisagreement.description.id
        }
        var seen = Set<Int>()
        self.servers = context.serversOfService[index].filter { seen.insert($0).inserted }.map { serverIndex in
            let server = context.estate.servers[serverIndex]
            return ServerLine(
                server: server, location: context.estate.location(of: server.source),
                findings: assessed.findings.filter { $0.subject == .server(server.id) }.count,
                sharedWith: context.servicesOfServer[serverIndex].filter { $0 != index }
                    .map { context.estate.services[$0].id })
        }
        var remediation: [String: String] = [:]
        for finding in assessed.findings + assessed.gates + assessed.accepted.map(\.finding) {
            remediation[finding.rule] = registry.description(of: finding.rule)?.remediation
        }
        self.remediation = remediation
    }

    /// What would raise the confidence, worked out with the formula the confidence came from.
    public struct ConfidenceAdvice: Sendable {
        /// The most the service could reach with every piece of evidence the inventory can give.
        public let ceiling: Int
        /// Why the ceiling is below 5, or nil.
        public let limit: String?
        /// The evidence to add, most weighty first (utilisation counts 60%, fields 40%); empty when nothing the
        /// inventory adds would raise it.
        public let steps: [String]
    }

    static func advice(_ evidence: Scoring.Evidence, service: Service, servers: [Server], context: AssessmentContext,
                       nothingToMeasure: Bool) -> ConfidenceAdvice {
        let poweredOn = servers.filter(\.poweredOn)
        // A service that lists no servers counts its servers' fields as unfilled, and has nothing to measure:
        // listing them is the first step, after which every lever below applies.
        let unlisted = servers.isEmpty && !nothingToMeasure
        let utilisationMax = nothingToMeasure ? 0 : unlisted || !poweredOn.isEmpty ? 1.0 : 0
        let ceiling = Scoring.evidence(utilisation: utilisationMax, fields: 1, nothingToMeasure: nothingToMeasure).stars
        var limit: String?
        if nothingToMeasure {
            limit = "with nothing to measure (servers a repurchase leaves behind, or none of its own) it is held at 4"
        } else if utilisationMax == 0 {
            limit = "every server is powered off, so there is no utilisation to measure"
        }
        guard ceiling > evidence.stars else { return ConfidenceAdvice(ceiling: ceiling, limit: limit, steps: []) }
        var steps = ["\(evidence.stars + 1) of 5 needs \(evidence.stars * 20 + 1)% of the evidence "
            + (nothingToMeasure ? "(here the fields alone)" : "(60% utilisation, 40% fields)") + "; it has "
            + percent(evidence.completeness)]
        if unlisted { steps.append("list the service's servers: with none listed their fields count as unfilled") }
        if !nothingToMeasure {
            for server in poweredOn where Scoring.utilisationEvidence(server) < 1 {
                let now: String
                if let utilisation = server.utilisation, utilisation.cpuP95 != nil, utilisation.memoryP95 != nil {
                    now = utilisation.daysSampled.map { "\($0) days sampled" } ?? "days_sampled not given"
                } else {
                    now = "no CPU and memory p95"
                }
                steps.append("server '\(server.id)': CPU and memory p95 over 30 days or more (now: \(now))")
            }
        }
        let missing = Scoring.serviceFields(of: service).filter { !$0.given }.map(\.field)
        if !missing.isEmpty { steps.append("fill in the service's \(missing.joined(separator: ", "))") }
        let stepsBeforeServers = steps.count
        for server in servers {
            let fields = Scoring.serverFields(of: server, context: context).filter { !$0.given }.map(\.field)
            guard !fields.isEmpty else { continue }
            steps.append("fill in " + fields.map { $0 == "os" ? "an os the lifecycle catalogue can place" : $0 }
                .joined(separator: ", ") + " on server '\(server.id)'")
        }
        if steps.count > stepsBeforeServers || steps.contains(where: { $0.hasPrefix("server '") }) {
            // A server whose file an import rewrites keeps a person's additions only in a file of their own.
            steps.append("for a server an import writes, give role, environment and utilisation (and software, "
                + "attached hardware) under server_facts in a file of your own, which no re-import touches; the "
                + "rest comes from the export")
        }
        // Each lever alone, where one is enough, so a reader knows which to pull first.
        if !unlisted {
            let utilisationAlone = Scoring.evidence(utilisation: utilisationMax, fields: evidence.fields,
                                                    nothingToMeasure: nothingToMeasure).stars
            let fieldsAlone = Scoring.evidence(utilisation: evidence.utilisation, fields: 1,
                                               nothingToMeasure: nothingToMeasure).stars
            if !nothingToMeasure, utilisationMax > evidence.utilisation {
                steps.append("utilisation on every powered-on server alone would make it \(utilisationAlone)/5")
            }
            if evidence.fields < 1 { steps.append("every field filled alone would make it \(fieldsAlone)/5") }
        }
        return ConfidenceAdvice(ceiling: ceiling, limit: limit, steps: steps)
    }

    public static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}
