/// An organisation's policy for the assessment: from `.cloudfirst.yml`, or the defaults.
public struct Policy: Sendable, Equatable {
    /// Rules that are not run.
    public var disabledRules: Set<String> = []
    /// Severities that replace a rule's default.
    public var severityOverrides: [String: Severity] = [:]
    /// Points a finding of each severity takes off a service's score of 100.
    public var weights: [Severity: Int] = Policy.defaultWeights
    /// Confidence below which a service without a blocker is `unknown` rather than judged on too little data.
    public var minimumConfidence = 2
    /// The estate fails the policy (exit code 1) when its score is below this.
    public var failUnder: Int?
    /// The estate fails the policy when any finding in force is at least this severe.
    public var failOn: Severity?
    /// With `failUnder`: every service's score must reach it, not just the estate's.
    public var failUnderPerService = false
    /// Months ahead that a migration programme plans for: a supplier contract ending within it makes a SaaS
    /// repurchase a choice for this programme, and a site lease ending within it makes an exit to plan for.
    /// 36 is cloudfirst's judgement of an acute trust's programme (24 to 36 months; REFERENCE.md section 9,
    /// "Programme length"), set in the policy file's `strategy.planning_horizon_months`.
    public var planningHorizonMonths = 36

    public static let defaultWeights: [Severity: Int] = [.blocker: 40, .high: 10, .medium: 4, .low: 1, .info: 0]

    public init() {}

    public func severity(of rule: RuleDescription) -> Severity {
        severityOverrides[rule.id] ?? rule.severity
    }

    /// Points a finding of the rule takes off the score: the rule's own weight while its severity is the default,
    /// else the weight of the severity in force.
    public func points(for rule: RuleDescription) -> Int {
        if severityOverrides[rule.id] == nil, let weight = rule.weight { return weight }
        return weights[severity(of: rule)] ?? 0
    }

    /// Points for a severity, as a finding that weighs one severity less uses them.
    public func points(for severity: Severity) -> Int { weights[severity] ?? 0 }

    public func isEnabled(_ rule: RuleDescription) -> Bool {
        !disabledRules.contains(rule.id)
    }
}

extension Policy {
    /// Why an assessed estate fails this policy's thresholds, one sentence each; empty when it meets them.
    public func failures(of assessment: EstateAssessment) -> [String] {
        var failures: [String] = []
        if let failUnder {
            if failUnderPerService {
                let below = assessment.services.filter { $0.score < failUnder }
                if !below.isEmpty {
                    let named = below.prefix(5).map { "'\($0.service.id)' (\($0.score))" }.joined(separator: ", ")
                    failures.append("\(below.count) \(below.count == 1 ? "service scores" : "services score") below "
                        + "\(failUnder): \(named)" + (below.count > 5 ? " and \(below.count - 5) more" : ""))
                }
            } else if assessment.score < failUnder {
                failures.append("the estate's score \(assessment.score) is below \(failUnder)")
            }
        }
        if let failOn {
            let failing = assessment.distinctFindings.filter { $0.severity <= failOn }
            if !failing.isEmpty {
                let subjects = Set(failing.map(\.subject)).count
                failures.append("\(failing.count) \(failing.count == 1 ? "finding" : "findings") at or above "
                    + "\(failOn.rawValue) on \(subjects) \(subjects == 1 ? "subject" : "subjects")")
            }
        }
        return failures
    }
}
