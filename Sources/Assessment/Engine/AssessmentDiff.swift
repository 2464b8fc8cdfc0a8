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

    public func markdown() -> String {
        var out = "## cloudfirst: what this change does to cloud readiness\n\n"
        let delta = new.score - old.score
        out += "Estate score **\(old.score) → \(new.score)** (\(delta >= 0 ? "+" : "")\(delta)); "
            + "\(Plural.count(new.estate.services.count, "service")) (was \(old.estate.services.count)).\n\n"
        out += "| readiness | before | after |\n|---|---:|---:|\n"
        for readiness in Readiness.allCases {
            out += "| \(readiness.rawValue) | \(old.count(readiness)) | \(new.count(readiness)) |\n"
        }
        if services.isEmpty {
            return out + "\nNo service's score, readiness, strategy or findings changed.\n"
        }
        out += "\n| service | score | readiness | strategy | new findings | resolved |\n|---|---|---|---|---:|---:|\n"
        for change in services {
            let score = "\(change.before.map { String($0.score) } ?? "–") → \(change.after.map { String($0.score) } ?? "–")"
            let readiness = "\(change.before?.readiness.rawValue ?? "–") → \(change.after?.readiness.rawValue ?? "–")"
            let strategy = change.before?.strategy == change.after?.strategy ? change.after?.strategy.rawValue ?? "–"
                : "\(change.before?.strategy.rawValue ?? "–") → \(change.after?.strategy.rawValue ?? "–")"
            out += "| \(change.isRegression ? "⚠️ " : "")`\(change.id)` | \(score) | \(readiness) | \(strategy) | "
                + "\(change.newFindings.count) | \(change.resolvedFindings.count) |\n"
        }
        let appeared = services.flatMap(\.newFindings)
        if !appeared.isEmpty {
            out += "\n### New findings\n\n" + appeared.map { finding in
                "- **\(finding.severity.rawValue)** `\(finding.rule)` \(finding.subject): \(Self.cell(finding.message)) "
                    + "(\(finding.location))\n"
            }.joined()
        }
        let resolved = services.flatMap(\.resolvedFindings)
        if !resolved.isEmpty {
            out += "\n### Resolved\n\n" + resolved.map { finding in
                "- `\(finding.rule)` \(finding.subject): \(Self.cell(finding.message))\n"
            }.joined()
        }
        return out
    }

    public func json() -> JSONValue {
        func finding(_ finding: Finding) -> JSONValue {
            .object([("rule", .string(finding.rule)), ("severity", .string(finding.severity.rawValue)),
                     ("subject", .string(finding.subject.description)), ("message", .string(finding.message)),
                     ("fingerprint", .string(finding.fingerprint)),
                     ("location", .object([("file", .string(finding.location.file)),
                                           ("line", .int(finding.location.position.line)),
                                           ("column", .int(finding.location.position.column))]))])
        }
        func side(_ service: ServiceAssessment?) -> JSONValue {
            guard let service else { return .null }
            return .object([("score", .int(service.score)), ("readiness", .string(service.readiness.rawValue)),
                            ("strategy", .string(service.strategy.rawValue))])
        }
        return .object([
            ("estate", .object([
                ("score", .object([("before", .int(old.score)), ("after", .int(new.score))])),
                ("services", .object([("before", .int(old.estate.services.count)),
                                      ("after", .int(new.estate.services.count))])),
                ("readiness", .object(Readiness.allCases.map { readiness in
                    (JSONEnvelope.key(readiness.rawValue), .object([("before", .int(old.count(readiness))),
                                                  ("after", .int(new.count(readiness)))]))
                })),
            ])),
            ("regression", .bool(isRegression)),
            ("services", .array(services.map { change in
                .object([("id", .string(change.id)), ("regression", .bool(change.isRegression)),
                         ("before", side(change.before)), ("after", side(change.after)),
                         ("new_findings", .array(change.newFindings.map(finding))),
                         ("resolved_findings", .array(change.resolvedFindings.map(finding)))])
            })),
        ])
    }

    static func cell(_ text: String) -> String { text.escapingForMarkdownTable }
}
