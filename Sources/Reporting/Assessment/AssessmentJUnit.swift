import Assessment
import CloudFirstCore

/// JUnit XML for test reporters: a suite per service, a case per rule run on it, a failure for each rule with a
/// finding at or above the threshold.
public struct AssessmentJUnit: Renderer {
    public let identifier = "junit"
    public let summary = "JUnit XML for test reporters: a suite per service, a case per rule"

    public init() {}

    public func render(_ subject: AssessmentSubject, to output: inout some TextOutputStream) {
        Self.write(subject.view, policy: subject.policy, threshold: subject.policy.failOn ?? .high, to: &output)
    }

    public func notices(for subject: AssessmentSubject) -> [String] { subject.filterNotice }

    /// The report as one string, for a caller that wants it whole.
    public static func render(_ view: AssessmentView, registry: RuleRegistry = .standard, policy: Policy,
                              threshold: Severity) -> String {
        var out = ""
        write(view, registry: registry, policy: policy, threshold: threshold, to: &out)
        return out
    }

    /// The report streamed: the counts are taken first (a verdict per case, without its text), then the head is
    /// written, then each case as it is made, then the tail. Memory holds one suite's verdicts, not the report.
    public static func write(_ view: AssessmentView, registry: RuleRegistry = .standard, policy: Policy,
                             threshold: Severity, to output: inout some TextOutputStream) {
        let rules = registry.descriptions.filter { policy.isEnabled($0) && !$0.gate }
        var groups = view.services.map { Group(name: $0.service.id, findings: $0.findings, accepted: $0.accepted) }
        if !view.unassignedServers.isEmpty {
            groups.append(Group(name: "servers-in-no-service", findings: view.unassignedServers.flatMap(\.findings),
                                accepted: []))
        }
        var failures = 0
        for group in groups {
            for rule in rules {
                if case .failed = verdict(rule, group, threshold: threshold) { failures += 1 }
            }
        }
        output.write(JUnitXML.head(tests: groups.count * rules.count, failures: failures))
        for group in groups {
            let verdicts = rules.map { verdict($0, group, threshold: threshold) }
            output.write(JUnitXML.suiteHead(
                name: group.name, tests: verdicts.count,
                failures: verdicts.filter { if case .failed = $0 { true } else { false } }.count,
                skipped: verdicts.filter { if case .skipped = $0 { true } else { false } }.count))
            for (rule, verdict) in zip(rules, verdicts) {
                output.write(JUnitXML.line(JUnitXML.TestCase(className: "cloudfirst.\(group.name)", name: rule.id,
                                                             outcome: outcome(verdict))))
            }
            output.write(JUnitXML.suiteTail)
        }
        output.write(JUnitXML.tail)
    }

    /// A suite's findings: a service's, or those of the servers in no service.
    struct Group {
        var name: String
        var findings: [Finding]
        var accepted: [AcceptedFinding]
    }

    /// What a case comes to, with the findings its text is made from when it is written.
    enum Verdict {
        case failed(worst: Severity, [Finding])
        case skipped(AcceptedFinding)
        case passedWithOutput([Finding])
        case passed
    }

    /// A failure for findings at or above the threshold; else skipped for an accepted finding; else passed, with
    /// the findings below the threshold as output.
    static func verdict(_ rule: RuleDescription, _ group: Group, threshold: Severity) -> Verdict {
        let mine = group.findings.filter { $0.rule == rule.id }
        let failing = mine.filter { $0.severity <= threshold }
        if let worst = failing.map(\.severity).min() { return .failed(worst: worst, failing) }
        if let exception = group.accepted.first(where: { $0.finding.rule == rule.id }) { return .skipped(exception) }
        return mine.isEmpty ? .passed : .passedWithOutput(mine)
    }

    static func outcome(_ verdict: Verdict) -> JUnitXML.Outcome {
        switch verdict {
        case .failed(let worst, let failing):
            .failed(type: worst.rawValue, message: failing[0].message, text: lines(failing))
        case .skipped(let exception): .skipped(message: "accepted by exception: \(exception.reason)")
        case .passedWithOutput(let mine): .passedWithOutput(lines(mine))
        case .passed: .passed
        }
    }

    /// Each finding as `file:line:column: severity: message`, one a line.
    static func lines(_ findings: [Finding]) -> String {
        findings.map { "\($0.location): \($0.severity.rawValue): \($0.message)" }.joined(separator: "\n")
    }
}
