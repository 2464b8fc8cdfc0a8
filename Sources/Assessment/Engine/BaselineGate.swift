import CloudFirstCore

/// What a pipeline run against a baseline is judged on: only what is new can fail. The findings new since the
/// baseline fail at or above the policy's `failOn` (`low` when it sets none); the score thresholds apply as without a
/// baseline.
public struct BaselineGate: Sendable {
    /// Findings not in the baseline, in the assessment's order.
    public let new: [Finding]
    /// Baseline entries no longer found.
    public let fixed: [Baseline.Entry]
    /// The new findings at or above `threshold`: each one fails the run.
    public let failing: [Finding]
    /// The least severe finding that fails the run when it is new.
    public let threshold: Severity
    /// Why the run fails, one sentence each (as `Policy.failures(of:)` words them); empty when it passes.
    public let failures: [String]

    public init(_ assessment: EstateAssessment, against baseline: Baseline, policy: Policy) {
        var scorePolicy = policy
        scorePolicy.failOn = nil
        var failures = scorePolicy.failures(of: assessment)
        (new, fixed) = baseline.compare(assessment)
        threshold = policy.failOn ?? .low
        let threshold = threshold
        failing = new.filter { $0.severity <= threshold }
        if !failing.isEmpty {
            failures.append("\(failing.count) new \(failing.count == 1 ? "finding" : "findings") at or above "
                + "\(threshold.rawValue) since the baseline")
        }
        self.failures = failures
    }

    public var passes: Bool { failures.isEmpty }
}
