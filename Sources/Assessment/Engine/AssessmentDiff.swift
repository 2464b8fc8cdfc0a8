import CloudFirstCore

/// What a change to an inventory did: per service, score, readiness and strategy before and after, and the findings
/// that appeared or went; and the estate's totals.
public struct AssessmentDiff: Sendable {
    public struct ServiceChange: Sendable {
        public let id: String
        public let name: String
        /// Nil when the service is new.
        public let before: ServiceAssessment?
        /// Nil when the service was removed.
        public let after: ServiceAssessment?
        public let newFindings: [Finding]
        public let resolvedFindings: [Finding]

        public var scoreChange: Int { (after?.score ?? 0) - (before?.score ?? 0) }

        /// Worse: readiness moved towards not-ready, the score fell, or a new blocker or high finding appeared.
        public var isRegression: Bool {
            guard let before, let after else { return false }
            return AssessmentDiff.rank(after.readiness) > AssessmentDiff.rank(before.readiness)
                || after.score < before.score
                || newFindings.contains { $0.severity <= .high }
        }

        public var changed: Bool {
            guard let before, let after else { return true }
            return before.score != after.score || before.readiness != after.readiness
                || before.strategy != after.strategy || !newFindings.isEmpty || !resolvedFindings.isEmpty
        }
    }

    public let old: EstateAssessment
    public let new: EstateAssessment
    /// Services that changed, by id.
    public let services: [ServiceChange]

    public init(old: EstateAssessment, new: EstateAssessment) {
        self.old = old
        self.new = new
        let before = Dictionary(old.services.map { ($0.service.id, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.services.map { ($0.service.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ids = Set(before.keys).union(after.keys).sorted()
        services = ids.compactMap { id in
            let was = before[id], now = after[id]
            let oldPrints = Set((was?.findings ?? []).map(\.fingerprint))
            let newPrints = Set((now?.findings ?? []).map(\.fingerprint))
            let change = ServiceChange(
                id: id, name: now?.service.name ?? was?.service.name ?? id, before: was, after: now,
                newFindings: (now?.findings ?? []).filter { !oldPrints.contains($0.fingerprint) },
                resolvedFindings: (was?.findings ?? []).filter { !newPrints.contains($0.fingerprint) })
            return change.changed ? change : nil
        }
    }

    /// Worse overall: the estate's score fell, or any service regressed.
    public var isRegression: Bool {
        new.score < old.score || services.contains(where: \.isRegression)
    }

    /// ready 0, conditional 1, unknown 2, not-ready 3: higher is further from the cloud. Retained and retired are
    /// decisions not to move, not a state of readiness, so a change into them is not a regression.
    static func rank(_ readiness: Readiness) -> Int {
        switch readiness {
        case .ready, .retained, .retired: 0
        case .conditional: 1
        case .unknown: 2
        case .notReady: 3
        }
    }
}
