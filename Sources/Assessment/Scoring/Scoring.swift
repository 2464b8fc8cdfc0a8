import CloudFirstCore

/// How a service's findings become a score, a readiness and a confidence. README and `cloudfirst rules` document it.
public enum Scoring {
    /// 100 less the weight of each rule in force on the service (blocker 40, high 10, medium 4, low 1, info 0 unless
    /// the policy says otherwise), never below 0. A rule counts once, at its most severe finding, however many
    /// servers or interfaces it fires on: six servers on one old operating system are one problem to solve, not six.
    /// Accepted findings cost nothing.
    public static func score(_ findings: [Finding], weights: [Severity: Int]) -> Int {
        var worst: [String: Severity] = [:]
        for finding in findings { worst[finding.rule] = min(worst[finding.rule] ?? .info, finding.severity) }
        return max(0, 100 - worst.values.reduce(0) { $0 + (weights[$1] ?? 0) })
    }

    /// The first that holds: a blocker in force: `not-ready`; the data classification or personal-data flag
    /// missing, or confidence below the policy's minimum: `unknown`; a high finding: `conditional`; else `ready`.
    /// The readiness names are Azure Migrate's (REFERENCE.md section 7).
    public static func readiness(_ findings: [Finding], confidence: Int, service: Service, policy: Policy) -> Readiness {
        if findings.contains(where: { $0.severity == .blocker }) { return .notReady }
        if service.data?.classification == nil || service.data?.personalData == nil
            || confidence < policy.minimumConfidence {
            return .unknown
        }
        if findings.contains(where: { $0.severity == .high }) { return .conditional }
        return .ready
    }

    /// Confidence 1-5 from the share of the fields the rules read that the inventory fills, in Azure Migrate's
    /// bands (REFERENCE.md section 7): 0-20% is 1 star, 21-40% 2, 41-60% 3, 61-80% 4, 81-100% 5. Half the weight
    /// is the service's own fields, half the average over its servers; a service with no servers has none of the
    /// latter.
    public static func confidence(of service: Service, servers: [Server], context: AssessmentContext) -> Int {
        let serviceFields: [Bool] = [
            service.owner != nil, service.supplier?.saas != nil, service.supplier?.supportedClouds != nil,
            service.criticality != nil, service.clinicalSystem != nil, service.data?.classification != nil,
            service.data?.personalData != nil, service.availability?.serviceClass != nil, service.exposure != nil,
            !service.identity.isEmpty, service.licensing != nil, service.contractEnds != nil,
        ]
        let serviceShare = share(serviceFields)
        let serverShare = servers.isEmpty ? 0
            : servers.map { share(serverFields($0, context: context)) }.reduce(0, +) / Double(servers.count)
        let completeness = (serviceShare + serverShare) / 2
        return min(5, max(1, Int((completeness * 100 - 0.5) / 20) + 1))
    }

    static func serverFields(_ server: Server, context: AssessmentContext) -> [Bool] {
        [
            server.os.flatMap { context.operatingSystem(named: $0) } != nil,
            server.cpuCores != nil, server.memoryGB != nil, server.storageGB != nil,
            server.utilisation?.cpuP95 != nil, server.utilisation?.memoryP95 != nil,
            server.architecture != nil, server.firmware != nil, server.role != nil, server.environment != nil,
        ]
    }

    private static func share(_ fields: [Bool]) -> Double {
        Double(fields.filter { $0 }.count) / Double(fields.count)
    }

    /// How much a service counts in the estate's score: patient-critical 4, business-critical 3,
    /// business-operational 2, administrative 1; 2 when the inventory does not say.
    public static func criticalityWeight(_ criticality: Criticality?) -> Int {
        switch criticality {
        case .patientCritical: 4
        case .businessCritical: 3
        case .businessOperational, nil: 2
        case .administrative: 1
        }
    }

    /// The criticality-weighted mean of the services' scores, rounded; 0 for an estate with no services.
    public static func estateScore(_ services: [ServiceAssessment]) -> Int {
        let total = services.reduce(0) { $0 + criticalityWeight($1.service.criticality) }
        guard total > 0 else { return 0 }
        let weighted = services.reduce(0) { $0 + criticalityWeight($1.service.criticality) * $1.score }
        return Int((Double(weighted) / Double(total)).rounded())
    }
}
