import CloudFirstCore

/// How a service's findings become a score, a readiness and a confidence. README and `cloudfirst rules` document it.
public enum Scoring {
    /// Each rule in force takes its share of what is left: 100 × Π(1 − points / 100), rounded, over the rules with
    /// a finding on the service (blocker 40, high 10, medium 4, low 1, info 0 unless the policy or the rule says
    /// otherwise). A rule counts once, at its heaviest finding, however many servers or interfaces it fires on: six
    /// servers on one old operating system are one problem to solve, not six. A finding that is only on test,
    /// training, development or DR servers weighs one severity less. Gates and accepted findings cost nothing.
    /// Taking shares rather than subtracting keeps the score ranking services with many findings instead of
    /// pinning them all at 0.
    public static func score(_ findings: [Finding], policy: Policy) -> Int {
        arithmetic(findings, policy: policy).score
    }

    /// The score's working, step by step: what `score` returns is this one's `score`, so an explanation of a score
    /// and the score itself cannot disagree.
    public struct Arithmetic: Sendable {
        /// One rule's deduction: its heaviest finding in force on the service, and what it leaves.
        public struct Step: Sendable {
            public let rule: String
            /// The finding that sets the rule's points (the first of its heaviest).
            public let finding: Finding
            /// Points at the severity the finding weighs as, held to 0-100.
            public let points: Int
            /// How many of the rule's findings the step stands for (a rule counts once, at its heaviest).
            public let findings: Int
            /// 100 × Π(1 − points / 100) over this step and those before it, unrounded.
            public let remaining: Double
        }

        /// Where every service starts.
        public static let start = 100
        /// In the order the rules first appear among the findings, which is the order the product is taken in.
        public let steps: [Step]
        /// 100 × Π(1 − points / 100) before rounding.
        public let unrounded: Double
        /// The score: `unrounded`, rounded half away from zero.
        public let score: Int
    }

    public static func arithmetic(_ findings: [Finding], policy: Policy) -> Arithmetic {
        // Each rule's heaviest finding, in the order the rules first appear: a service has a few findings, so a scan
        // costs less than hashing every rule's name, and the product is taken in the same order on every run.
        var rules: [String] = []
        var heaviest: [(finding: Finding, points: Int, count: Int)] = []
        for finding in findings where !finding.gate {
            let points = min(max(finding.secondary ? policy.points(for: finding.weighsAs) : finding.points, 0), 100)
            if let index = rules.firstIndex(of: finding.rule) {
                heaviest[index].count += 1
                if points > heaviest[index].points { heaviest[index] = (finding, points, heaviest[index].count) }
            } else {
                rules.append(finding.rule)
                heaviest.append((finding, points, 1))
            }
        }
        var remaining = 1.0
        var steps: [Arithmetic.Step] = []
        steps.reserveCapacity(rules.count)
        for (rule, worst) in zip(rules, heaviest) {
            remaining *= 1 - Double(worst.points) / 100
            steps.append(Arithmetic.Step(rule: rule, finding: worst.finding, points: worst.points,
                                         findings: worst.count, remaining: remaining * 100))
        }
        return Arithmetic(steps: steps, unrounded: remaining * 100, score: Int((remaining * 100).rounded()))
    }

    /// The first that holds: the strategy in force is retire or retain: `retired` or `retained` (not a cloud
    /// candidate); a blocker in force: `not-ready`; personal data not stated, no classification given or derived,
    /// or confidence below the policy's minimum: `unknown`; a high finding: `conditional`; else `ready`. Gates
    /// (process obligations such as DCB0160 and the DPIA) do not count: readiness is about the service's technical
    /// state. Findings only on test, training, development or DR servers count one severity less. Findings on the
    /// servers a repurchase leaves behind to be switched off, or on the domain controllers a directory replaces with
    /// new ones, do not count. A replatform still rebuilds the servers it has, so its blockers stand: the service is
    /// not ready as it is. The readiness
    /// names are Azure Migrate's (REFERENCE.md section 7).
    public static func readiness(_ findings: [Finding], confidence: Int, service: Service, strategy: MigrationStrategy,
                                 policy: Policy) -> Readiness {
        readinessVerdict(findings, confidence: confidence, service: service, strategy: strategy, policy: policy)
            .readiness
    }

    /// Which condition of `readiness` held: what `readiness` returns is this one's `readiness`, so the reason given
    /// for a verdict is the one that made it.
    public enum ReadinessReason: Sendable {
        /// The strategy in force is retire or retain.
        case strategy(MigrationStrategy)
        /// The blockers that count, most serious first.
        case blockers([Finding])
        /// Too little is known to judge: what is missing.
        case unknown(personalDataMissing: Bool, classificationMissing: Bool, confidenceBelow: Int?)
        /// The high findings that count.
        case high([Finding])
        /// No blocker or high finding counts.
        case clear
    }

    public static func readinessVerdict(_ findings: [Finding], confidence: Int, service: Service,
                                        strategy: MigrationStrategy, policy: Policy)
        -> (readiness: Readiness, reason: ReadinessReason) {
        if strategy == .retire { return (.retired, .strategy(strategy)) }
        if strategy == .retain { return (.retained, .strategy(strategy)) }
        // Checked before the findings are collected: most services have neither, and this runs for every one.
        func counted(_ severity: Severity) -> [Finding]? {
            let counts = { (finding: Finding) in
                !finding.gate && finding.secondaryReason != .leftBehind && finding.weighsAs == severity
            }
            return findings.contains(where: counts) ? findings.filter(counts) : nil
        }
        if let blockers = counted(.blocker) { return (.notReady, .blockers(blockers)) }
        let classificationMissing = classification(of: service) == nil
        let personalDataMissing = service.data?.personalData == nil
        if classificationMissing || personalDataMissing || confidence < policy.minimumConfidence {
            return (.unknown, .unknown(personalDataMissing: personalDataMissing,
                                       classificationMissing: classificationMissing,
                                       confidenceBelow: confidence < policy.minimumConfidence
                                           ? policy.minimumConfidence : nil))
        }
        if let high = counted(.high) { return (.conditional, .high(high)) }
        return (.ready, .clear)
    }

    /// The service's data classification: the inventory's, else derived from the personal data it holds. Patient
    /// data is OFFICIAL-SENSITIVE by the NHS convention for personal health information (REFERENCE.md section 2:
    /// the Government Security Classifications as the NHS uses them); staff or no personal data derives nothing.
    public static func classification(of service: Service) -> (classification: DataClassification, derived: Bool)? {
        if let given = service.data?.classification { return (given, false) }
        if service.data?.personalData == .patient { return (.officialSensitive, true) }
        return nil
    }

    /// Confidence 1-5 from the evidence behind the verdict, in the spirit of Azure Migrate's performance-coverage
    /// stars (REFERENCE.md section 7): 60% from utilisation evidence, 40% from the fields the rules read, in its
    /// bands (0-20% 1 star, 21-40% 2, 41-60% 3, 61-80% 4, 81-100% 5).
    /// - Utilisation evidence is the mean over the service's powered-on servers of: 1 for CPU and memory p95 over 30
    ///   days or more (Azure Migrate's default period is a month), 0.75 for 7 to 29 days, 0.5 when the days are not
    ///   given, 0.25 for under 7 days, 0 with no utilisation.
    /// - Fields: half the service's own, half the mean over its servers.
    /// A service with servers none of which has utilisation gets at most 4. Where there is nothing to measure (a
    /// service already run as the supplier's SaaS or on another service's platform, or a repurchase that leaves its
    /// servers behind unsized), confidence comes from the fields alone (the service's own when it has no servers),
    /// also at most 4. A service that lists no servers and is neither counts them as unfilled.
    public static func confidence(of service: Service, servers: [Server], context: AssessmentContext,
                                  nothingToMeasure: Bool = false) -> Int {
        evidence(of: service, servers: servers, context: context, nothingToMeasure: nothingToMeasure).stars
    }

    /// The evidence behind a confidence, and what would raise it.
    public struct Evidence: Sendable {
        public let stars: Int
        /// The share (0-1) of utilisation evidence, and of the fields filled.
        public let utilisation: Double
        public let fields: Double
        /// The share (0-1) the stars are banded from: 60% utilisation and 40% fields, or the fields alone with
        /// nothing to measure.
        public let completeness: Double
        /// True when the stars were held to 4: no utilisation at all, or nothing to measure.
        public let heldToFour: Bool
    }

    public static func evidence(of service: Service, servers: [Server], context: AssessmentContext,
                                nothingToMeasure: Bool = false) -> Evidence {
        let serviceShare = share(serviceFields(of: service))
        // Summed in server order, reading each server in place (a filtered copy of the servers costs more).
        var fieldSum = 0.0, utilisationSum = 0.0, measured = 0
        for server in servers {
            fieldSum += serverFieldShare(server, context: context)
            if server.poweredOn {
                utilisationSum += utilisationEvidence(server)
                measured += 1
            }
        }
        let serverShare = servers.isEmpty ? 0 : fieldSum / Double(servers.count)
        let fields = servers.isEmpty && nothingToMeasure ? serviceShare : (serviceShare + serverShare) / 2
        let utilisation = measured == 0 ? 0 : utilisationSum / Double(measured)
        return evidence(utilisation: utilisation, fields: fields, nothingToMeasure: nothingToMeasure)
    }

    /// The stars from the two shares of evidence (0-1 each): the one formula `evidence(of:...)` uses, and what
    /// `cloudfirst explain` asks of evidence a service could add.
    public static func evidence(utilisation: Double, fields: Double, nothingToMeasure: Bool) -> Evidence {
        let completeness = nothingToMeasure ? fields : 0.6 * utilisation + 0.4 * fields
        let banded = min(5, max(1, Int((completeness * 100 - 0.5) / 20) + 1))
        let heldToFour = (utilisation == 0 || nothingToMeasure) && banded > 4
        return Evidence(stars: heldToFour ? 4 : banded, utilisation: utilisation, fields: fields,
                        completeness: completeness, heldToFour: heldToFour)
    }

    /// How much one server's utilisation tells: see `confidence(of:servers:context:)`.
    public static func utilisationEvidence(_ server: Server) -> Double {
        guard let utilisation = server.utilisation, utilisation.cpuP95 != nil, utilisation.memoryP95 != nil else {
            return 0
        }
        guard let days = utilisation.daysSampled else { return 0.5 }
        return days >= 30 ? 1 : days >= 7 ? 0.75 : 0.25
    }

    /// The share of the eight server fields the evidence counts that the server gives: an OS the catalogue places,
    /// cores, memory, storage, architecture, firmware, role and environment.
    static func serverFieldShare(_ server: Server, context: AssessmentContext) -> Double {
        share(serverFields(of: server, context: context))
    }

    /// The service's twelve fields the evidence counts, by the inventory's names, and whether each is given.
    public static func serviceFields(of service: Service) -> [(field: String, given: Bool)] {
        [
            ("owner", service.owner != nil), ("supplier.saas", service.supplier?.saas != nil),
            ("supplier.supported_clouds", service.supplier?.supportedClouds != nil),
            ("criticality", service.criticality != nil), ("clinical_system", service.clinicalSystem != nil),
            ("data.classification", service.data?.classification != nil),
            ("data.personal_data", service.data?.personalData != nil),
            ("availability.service_class", service.availability?.serviceClass != nil),
            ("exposure", service.exposure != nil), ("identity", !service.identity.isEmpty),
            ("licensing", service.licensing != nil), ("contract_ends", service.contractEnds != nil),
        ]
    }

    /// The eight server fields the evidence counts, by the inventory's names, and whether each is given (`os` only
    /// when the lifecycle catalogue can place it).
    public static func serverFields(of server: Server, context: AssessmentContext) -> [(field: String, given: Bool)] {
        [
            ("os", server.os.flatMap { context.operatingSystem(named: $0) } != nil),
            ("cpu_cores", server.cpuCores != nil), ("memory_gb", server.memoryGB != nil),
            ("storage_gb", server.storageGB != nil), ("architecture", server.architecture != nil),
            ("firmware", server.firmware != nil), ("role", server.role != nil),
            ("environment", server.environment != nil),
        ]
    }

    /// Whether confidence has nothing to measure: a repurchase leaves its servers behind unsized; a service with
    /// none of its own is the supplier's SaaS or runs on another service's platform (the recommendation is then a
    /// replatform).
    public static func nothingToMeasure(_ service: Service, servers: [Server], strategy: MigrationStrategy,
                                        recommended: MigrationStrategy) -> Bool {
        strategy == .repurchase || (servers.isEmpty && (service.supplier?.saas == .only || recommended == .replatform))
    }

    private static func share(_ fields: [(field: String, given: Bool)]) -> Double {
        Double(fields.reduce(0) { $0 + ($1.given ? 1 : 0) }) / Double(fields.count)
    }

    /// How much a service counts in the estate's score: patient-critical 4, business-critical 3,
    /// business-operational 2, administrative 1; 2 when the inventory does not say.
    public static func criticalityWeight(_ criticality: Criticality?) -> Int {
        Criticality.rank(of: criticality) + 1
    }

    /// The criticality-weighted mean of the services' scores, rounded; 0 for an estate with no services.
    public static func estateScore(_ services: [ServiceAssessment]) -> Int {
        let total = services.reduce(0) { $0 + criticalityWeight($1.service.criticality) }
        guard total > 0 else { return 0 }
        let weighted = services.reduce(0) { $0 + criticalityWeight($1.service.criticality) * $1.score }
        return Int((Double(weighted) / Double(total)).rounded())
    }
}
