import CloudFirstCore

public enum Readiness: String, CaseIterable, Sendable {
    case ready
    case conditional
    case notReady = "not-ready"
    case unknown
    /// The strategy in force keeps it where it is: not a cloud candidate.
    case retained
    /// The strategy in force switches it off.
    case retired
}

/// The verdict on one service. A class, so that outputs walking tens of thousands of them pass one reference
/// rather than copying every field of the service.
public final class ServiceAssessment: Sendable {
    public let service: Service
    /// What sort of service it is, and whether the inventory said so (false: inferred).
    public let kind: ServiceKind
    public let kindGiven: Bool
    /// 0-100: 100 less the weight of each finding in force (see `Scoring`).
    public let score: Int
    public let readiness: Readiness
    /// 1-5, from how complete the fields the rules read are.
    public let confidence: Int
    /// The strategy in force: the owner's where the inventory gives one, else the recommended one.
    public let strategy: MigrationStrategy
    /// What the decision table recommends, and why.
    public let recommendedStrategy: MigrationStrategy
    public let strategyReasons: [String]
    /// The row of `StrategyDecision.table` (1-based) that gave the recommendation.
    public let strategyRow: Int
    /// Findings in force, most serious first (a finding only on test, training or DR servers after production
    /// ones of its severity); those on its servers included. Gates are apart.
    public let findings: [Finding]
    /// Process obligations before the move (clinical safety case, DPIA, supplier assurance, registrations), in the
    /// same order: work for the plan, not defects.
    public let gates: [Finding]
    /// Why the plan keeps it out of cloud waves: the owner's strategy runs into a blocker in force. Nil when not
    /// held.
    public let held: String?
    /// Findings its owner has accepted with an exception that has not expired.
    public let accepted: [AcceptedFinding]

    public init(service: Service, kind: ServiceKind, kindGiven: Bool, score: Int, readiness: Readiness,
                confidence: Int, strategy: MigrationStrategy, recommendedStrategy: MigrationStrategy,
                strategyReasons: [String], strategyRow: Int, findings: [Finding], gates: [Finding], held: String?,
                accepted: [AcceptedFinding]) {
        self.service = service
        self.kind = kind
        self.kindGiven = kindGiven
        self.score = score
        self.readiness = readiness
        self.confidence = confidence
        self.strategy = strategy
        self.recommendedStrategy = recommendedStrategy
        self.strategyReasons = strategyReasons
        self.strategyRow = strategyRow
        self.findings = findings
        self.gates = gates
        self.held = held
        self.accepted = accepted
    }

    /// What heads the service: its most serious production finding, or, where every finding is on a test,
    /// training, development or DR server, the most serious of those (outputs say it is non-production).
    public var headline: Finding? {
        findings.first { !$0.secondary } ?? findings.first
    }

    /// True when a DPIA is still to be done before the move (the `personal-data-without-dpia` gate): the plan
    /// waits for it.
    public var awaitsDPIA: Bool {
        gates.contains { $0.rule == PersonalDataWithoutDPIA.description.id }
    }

    /// The rules of its gates, each once, in order.
    public var gateRules: [String] {
        var seen = Set<String>()
        return gates.map(\.rule).filter { seen.insert($0).inserted }
    }
}

/// Findings on a server that belongs to no service: nobody else would see them.
public struct UnassignedServer: Sendable {
    public let server: Server
    public let findings: [Finding]
}

/// The verdict on a whole estate.
public struct EstateAssessment: Sendable {
    public let estate: Estate
    public let asOf: CalendarDate
    public let services: [ServiceAssessment]
    public let unassignedServers: [UnassignedServer]
    /// What the rules read, kept so that later steps (the plan) place names as the rules did, without placing them
    /// again.
    public let context: AssessmentContext

    public func count(_ readiness: Readiness) -> Int { services.lazy.filter { $0.readiness == readiness }.count }
    public func count(_ strategy: MigrationStrategy) -> Int { services.lazy.filter { $0.strategy == strategy }.count }

    /// The estate's score: services' scores weighted by criticality (see `Scoring.criticalityWeight`).
    public var score: Int { Scoring.estateScore(services) }

    /// The blockers that stop the most services, most first: (rule, services it blocks). Retained and retired
    /// services are not counted: nothing of theirs is being moved.
    public var topBlockers: [(rule: String, services: [String])] {
        var byRule: [String: [String]] = [:]
        for service in services where service.readiness != .retained && service.readiness != .retired {
            // A held owner's choice repeats a blocker already counted; it is listed with the service, not here.
            for rule in Set(service.findings.filter { $0.weighsAs == .blocker && $0.rule != OwnerStrategyBlocked.description.id }
                .map(\.rule)) {
                byRule[rule, default: []].append(service.service.id)
            }
        }
        return byRule.map { ($0.key, $0.value) }
            .sorted { ($0.services.count, $1.rule) > ($1.services.count, $0.rule) }
    }
}
