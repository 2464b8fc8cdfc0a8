import CloudFirstCore

/// What `assess` is asked to show: which services, which findings, in what order. A filter narrows what is listed,
/// never what is judged: scores, readiness and the estate's summary come from every finding, and policy thresholds
/// judge the whole estate.
public struct AssessmentFilter: Sendable {
    /// Services with one of these readiness verdicts; all when empty.
    public var readiness: Set<Readiness> = []
    /// Services of one of these criticalities (one with none given matches none); all when empty.
    public var criticality: Set<Criticality> = []
    /// Services whose strategy in force is one of these; all when empty.
    public var strategies: Set<MigrationStrategy> = []
    /// Findings, gates and accepted findings at least this severe (their severity in force); all when nil.
    public var minimumSeverity: Severity?
    /// The order services are listed in; each output's own when nil.
    public var order: ServiceOrder?

    public init(readiness: Set<Readiness> = [], criticality: Set<Criticality> = [],
                strategies: Set<MigrationStrategy> = [], minimumSeverity: Severity? = nil,
                order: ServiceOrder? = nil) {
        self.readiness = readiness
        self.criticality = criticality
        self.strategies = strategies
        self.minimumSeverity = minimumSeverity
        self.order = order
    }

    /// True when some services may be left out.
    public var narrowsServices: Bool { !readiness.isEmpty || !criticality.isEmpty || !strategies.isEmpty }

    public func includes(_ service: ServiceAssessment) -> Bool {
        (readiness.isEmpty || readiness.contains(service.readiness))
            && (criticality.isEmpty || service.service.criticality.map(criticality.contains) == true)
            && (strategies.isEmpty || strategies.contains(service.strategy))
    }

    public func shows(_ finding: Finding) -> Bool {
        minimumSeverity.map { finding.severity <= $0 } ?? true
    }

    /// The filter in words, in the order the options are documented, or nil when it leaves everything in.
    public var summary: String? {
        var parts: [String] = []
        func named<T: RawRepresentable>(_ label: String, _ values: Set<T>, in order: [T]) where T.RawValue == String {
            if !values.isEmpty { parts.append("\(label) " + order.filter(values.contains).map(\.rawValue).joined(separator: ", ")) }
        }
        named("readiness", readiness, in: Readiness.allCases)
        named("criticality", criticality, in: Criticality.ordered)
        named("strategy", strategies, in: MigrationStrategy.allCases)
        if let minimumSeverity { parts.append("findings at or above \(minimumSeverity.rawValue)") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}

/// The orders `assess --sort-by` offers, the same in every format. Ties keep the inventory's order, except
/// `readiness`, which breaks them by score, then id.
public enum ServiceOrder: String, CaseIterable, Sendable {
    /// As the inventory lists them (files in the order read).
    case inventory
    /// By id, as the table's SERVICE column shows it.
    case id
    /// By the service's name.
    case name
    /// Lowest score first: the furthest from ready at the top.
    case score
    /// Patient-critical first, then business-critical, business-operational, administrative, not given.
    case criticality
    /// Not-ready first, then conditional, unknown, ready, retained, retired; within each the lowest score first,
    /// then by id (`boardOrder`).
    case readiness

    /// Not-ready first, then conditional, unknown, ready, retained, retired; within each, the lowest score first:
    /// `assess --sort-by readiness`, for a board paper that leads with what blocks.
    static func boardOrder(_ a: ServiceAssessment, _ b: ServiceAssessment) -> Bool {
        let order: [Readiness] = [.notReady, .conditional, .unknown, .ready, .retained, .retired]
        let (ra, rb) = (order.firstIndex(of: a.readiness)!, order.firstIndex(of: b.readiness)!)
        return (ra, a.score, a.service.id) < (rb, b.score, b.service.id)
    }

    /// Sorted stably, so ties keep the order they came in.
    public func sorted(_ services: [ServiceAssessment]) -> [ServiceAssessment] {
        let keyed = services.enumerated().map { ($0.offset, $0.element) }
        func stable(_ before: (ServiceAssessment, ServiceAssessment) -> Bool?) -> [ServiceAssessment] {
            keyed.sorted { a, b in before(a.1, b.1) ?? (a.0 < b.0) }.map(\.1)
        }
        switch self {
        case .inventory:
            return services
        case .id:
            return stable { $0.service.id == $1.service.id ? nil : $0.service.id < $1.service.id }
        case .name:
            return stable { $0.service.name == $1.service.name ? nil : $0.service.name < $1.service.name }
        case .score:
            return stable { $0.score == $1.score ? nil : $0.score < $1.score }
        case .criticality:
            func rank(_ service: ServiceAssessment) -> Int {
                service.service.criticality.flatMap { Criticality.ordered.firstIndex(of: $0) } ?? Criticality.ordered.count
            }
            return stable { rank($0) == rank($1) ? nil : rank($0) < rank($1) }
        case .readiness:
            return services.sorted(by: Self.boardOrder)
        }
    }
}

/// The assessment as a command shows it: the whole estate (for the summary, which always counts every service),
/// and the services and servers listed, each with the findings the filter shows.
public struct AssessmentView: Sendable {
    public let assessment: EstateAssessment
    public let filter: AssessmentFilter
    /// The services listed, in order, each with only the findings, gates and accepted findings shown.
    public let services: [ServiceAssessment]
    /// Servers in no service, listed only when no filter on services is given (they have no readiness,
    /// criticality or strategy to match).
    public let unassignedServers: [UnassignedServer]

    /// Everything, in each output's own order.
    public init(_ assessment: EstateAssessment) {
        self.init(assessment, filter: AssessmentFilter())
    }

    public init(_ assessment: EstateAssessment, filter: AssessmentFilter) {
        self.assessment = assessment
        self.filter = filter
        var services = assessment.services.filter(filter.includes)
        if let order = filter.order { services = order.sorted(services) }
        var unassigned = filter.narrowsServices ? [] : assessment.unassignedServers
        if filter.minimumSeverity != nil {
            services = services.map { Self.narrowed($0, filter) }
            unassigned = unassigned.map { UnassignedServer(server: $0.server, findings: $0.findings.filter(filter.shows)) }
                .filter { !$0.findings.isEmpty }
        }
        self.services = services
        self.unassignedServers = unassigned
    }

    /// The service with only the findings the filter shows; its score, readiness and the rest are as assessed.
    static func narrowed(_ service: ServiceAssessment, _ filter: AssessmentFilter) -> ServiceAssessment {
        ServiceAssessment(service: service.service, kind: service.kind, kindGiven: service.kindGiven,
                          score: service.score, readiness: service.readiness, confidence: service.confidence,
                          strategy: service.strategy, recommendedStrategy: service.recommendedStrategy,
                          strategyReasons: service.strategyReasons, strategyRow: service.strategyRow,
                          findings: service.findings.filter(filter.shows), gates: service.gates.filter(filter.shows),
                          held: service.held, accepted: service.accepted.filter { filter.shows($0.finding) })
    }

    /// What is shown, when a filter leaves something out: "7 of 33 services shown (readiness not-ready)".
    public var note: String? {
        guard let summary = filter.summary else { return nil }
        return "\(services.count) of \(Plural.count(assessment.services.count, "service")) shown (\(summary)); "
            + "the summary counts the whole estate"
    }

    /// Every finding shown once, in output order (`EstateAssessment.distinctFindings` over what is listed).
    public var distinctFindings: [Finding] {
        EstateAssessment.distinct(services.flatMap(\.findings) + unassignedServers.flatMap(\.findings))
    }
}
