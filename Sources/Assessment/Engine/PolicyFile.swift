import CloudFirstCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Severity: InventoryEnum {
    public static let ordered = allCases
}

/// An organisation's policy file, `.cloudfirst.yml` beside the inventory or named by `--config`:
///
/// ```yaml
/// rules:
///   disable: [owner-missing]
///   severity: { hscn-connectivity: low }
/// weights: { blocker: 40, high: 10, medium: 4, low: 1, info: 0 }
/// thresholds: { minimum_confidence: 2, fail_under: 50, fail_on: blocker }
/// strategy: { planning_horizon_months: 36 }
/// ```
///
/// It is read like an inventory, so a mistake is reported with its file, line and column.
public enum PolicyFile {
    /// A policy file with mistakes (its diagnostics printed before): exit code 2, as for an invalid inventory.
    public struct Invalid: CloudFirstError, Equatable {
        public var path: String
        public var errorCount: Int

        public init(path: String, errorCount: Int) {
            self.path = path
            self.errorCount = errorCount
        }

        public var exitStatus: ExitStatus { .invalidInput }
        public var message: String {
            "cloudfirst: the policy file \(path) is invalid: \(errorCount) " + (errorCount == 1 ? "error" : "errors")
        }
    }

    public static let fileName = ".cloudfirst.yml"

    static let ruleID = ValueShape.reference(.rule)

    public static let rules = ObjectSchema("rules", description: "Which rules run, and how severe their findings are.",
        fields: [
            Field("disable", .list(ruleID), "Ids of rules not to run."),
            Field("severity", .map(key: .identifier, value: .choice(Severity.self)),
                  "A severity per rule id, replacing the rule's default."),
        ])

    public static let weights = ObjectSchema("weights",
        description: "Points a finding of each severity takes off a service's score of 100.",
        fields: Severity.allCases.map { severity in
            Field(severity.rawValue, .integer(min: 0, max: 100), "Points for a \(severity.rawValue) finding.",
                  // Safe: `Policy.defaultWeights` lists all five severities.
                  default: String(Policy.defaultWeights[severity]!))
        })

    public static let thresholds = ObjectSchema("thresholds", description: "Where the verdicts change.",
        fields: [
            Field("minimum_confidence", .integer(min: 1, max: 5),
                  "Confidence below which a service without a blocker is 'unknown'.", default: "2"),
            Field("fail_under", .integer(min: 0, max: 100), "Exit code 1 when the estate's score is below this."),
            Field("fail_on", .choice(Severity.self), "Exit code 1 when a finding in force is at least this severe."),
        ])

    public static let strategy = ObjectSchema("strategy", description: "How strategies are recommended.",
        fields: [
            Field("planning_horizon_months", .integer(min: 6, max: 120), "Months ahead the programme plans for: a "
                + "contract ending within it makes a SaaS repurchase this programme's choice; a site lease ending "
                + "within it is an exit to plan for.", default: "36"),
        ])

    public static let schema = ObjectSchema("policy", description: "An organisation's assessment policy.",
        fields: [
            Field("cloudfirst", .formatVersion, "Format version; 1."),
            Field("rules", .object(rules), "Rules to disable, and severities to change."),
            Field("weights", .object(weights), "Score weights per severity."),
            Field("thresholds", .object(thresholds), "Verdict thresholds."),
            Field("strategy", .object(strategy), "Strategy recommendation settings."),
        ])

    /// Reads a policy file; unknown rule ids are errors at the place they are written.
    public static func load(_ source: InventorySource, registry: RuleRegistry = .standard) -> (Policy?, [Diagnostic]) {
        let (object, diagnostics) = DocumentReader.read(source, schema: schema)
        guard let object else { return (nil, diagnostics) }
        let known = registry.descriptions.map(\.id)
        var problems = diagnostics
        func check(_ id: String, at position: SourcePosition?) -> Bool {
            guard known.contains(id) else {
                problems.append(DocumentReader.diagnostic(
                    .unknownRule(id, suggestion: Suggestion.closest(to: id, among: known)), in: source, at: position))
                return false
            }
            return true
        }
        var policy = Policy()
        if let rules = object.object("rules") {
            for reference in rules.references("disable") where check(reference.id, at: reference.position) {
                policy.disabledRules.insert(reference.id)
            }
            for entry in rules.map("severity") where check(entry.key, at: entry.position) {
                if case .choice(let index) = entry.value { policy.severityOverrides[entry.key] = Severity.ordered[index] }
            }
        }
        if let weights = object.object("weights") {
            for severity in Severity.allCases {
                if let weight = weights.integer(severity.rawValue) { policy.weights[severity] = weight }
            }
        }
        if let thresholds = object.object("thresholds") {
            policy.minimumConfidence = thresholds.integer("minimum_confidence") ?? policy.minimumConfidence
            policy.failUnder = thresholds.integer("fail_under")
            policy.failOn = thresholds.choice("fail_on", as: Severity.self)
        }
        if let strategy = object.object("strategy") {
            policy.planningHorizonMonths = strategy.integer("planning_horizon_months") ?? policy.planningHorizonMonths
        }
        return (problems.hasErrors ? nil : policy, problems.sorted())
    }

    /// The policy file beside the inventory: in the first folder named, or beside the first file named.
    public static func locate(for paths: [String]) -> String? {
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            let folder = info.st_mode & S_IFMT == S_IFDIR ? path
                : (path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : ".")
            let candidate = (folder.hasSuffix("/") ? folder : folder + "/") + fileName
            if access(candidate, F_OK) == 0 { return candidate }
        }
        return nil
    }
}
