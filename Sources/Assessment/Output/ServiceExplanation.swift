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
    /// What would raise the confidence, one sentence each; empty at 5 of 5.
    public let raiseConfidence: [String]
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
        raiseConfidence = Self.raising(evidence, service: service, servers: servers, context: context,
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

    /// What would raise the confidence: the next band's share, then the evidence that is missing, most weighty
    /// first (utilisation counts 60%, fields 40%).
    static func raising(_ evidence: Scoring.Evidence, service: Service, servers: [Server], context: AssessmentContext,
                        nothingToMeasure: Bool) -> [String] {
        guard evidence.stars < 5 else { return [] }
        var out: [String] = []
        if evidence.heldToFour {
            out.append(nothingToMeasure
                ? "nothing is measured for this service (its servers are left behind, or it has none of its own), so "
                    + "confidence stays at 4 at most"
                : "no server has utilisation figures, so confidence stays at 4 at most: CPU and memory p95 over 30 "
                    + "days on its servers would lift it")
        } else {
            let next = evidence.stars * 20 + 1
            out.append("\(evidence.stars + 1) of 5 needs \(next)% of the evidence; it has "
                + "\(percent(evidence.completeness))")
        }
        if !nothingToMeasure {
            for server in servers where server.poweredOn && Scoring.utilisationEvidence(server) < 1 {
                let now: String
                if let utilisation = server.utilisation, utilisation.cpuP95 != nil, utilisation.memoryP95 != nil {
                    now = utilisation.daysSampled.map { "\($0) days sampled" } ?? "days_sampled not given"
                } else {
                    now = "no CPU and memory p95"
                }
                out.append("server '\(server.id)': CPU and memory p95 over 30 days or more (now: \(now))")
            }
        }
        let missing = Scoring.serviceFields(of: service).filter { !$0.given }.map(\.field)
        if !missing.isEmpty { out.append("fill in the service's \(missing.joined(separator: ", "))") }
        if !(servers.isEmpty && nothingToMeasure) {
            for server in servers {
                let fields = Scoring.missingServerFields(server, context: context)
                guard !fields.isEmpty else { continue }
                out.append("fill in "
                    + fields.map { $0 == "os" ? "an os the lifecycle catalogue can place" : $0 }
                        .joined(separator: ", ") + " on server '\(server.id)'")
            }
        }
        if servers.isEmpty && !nothingToMeasure {
            out.append("list the service's servers: a service with none counts them as unfilled")
        }
        return out
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}
