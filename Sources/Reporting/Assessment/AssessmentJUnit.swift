import Assessment
import CloudFirstCore

/// JUnit XML for test reporters: a suite per service, a case per rule run on it, a failure for each rule with a
/// finding at or above the threshold.
public struct AssessmentJUnit: Renderer {
    public let identifier = "junit"
    public let summary = "JUnit XML for test reporters: a suite per service, a case per rule"

    public init() {}

    public func render(_ subject: AssessmentSubject, to output: inout some TextOutputStream) {
        output.write(Self.render(subject.view, policy: subject.policy, threshold: subject.policy.failOn ?? .high))
    }

    public func notices(for subject: AssessmentSubject) -> [String] { subject.filterNotice }

    public static func render(_ view: AssessmentView, registry: RuleRegistry = .standard, policy: Policy,
                              threshold: Severity) -> String {
        let rules = registry.descriptions.filter { policy.isEnabled($0) && !$0.gate }
        func suite(_ name: String, findings: [Finding], accepted: [AcceptedFinding]) -> JUnitXML.Suite {
            JUnitXML.Suite(name: name, cases: rules.map { rule in
                let mine = findings.filter { $0.rule == rule.id }
                let failing = mine.filter { $0.severity <= threshold }
                let outcome: JUnitXML.Outcome
                if let worst = failing.map(\.severity).min() {
                    outcome = .failed(type: worst.rawValue, message: failing[0].message, text: lines(failing))
                } else if let exception = accepted.first(where: { $0.finding.rule == rule.id }) {
                    outcome = .skipped(message: "accepted by exception: \(exception.reason)")
                } else if !mine.isEmpty {
                    outcome = .passedWithOutput(lines(mine))
                } else {
                    outcome = .passed
                }
                return JUnitXML.TestCase(className: "cloudfirst.\(name)", name: rule.id, outcome: outcome)
            })
        }
        var suites = view.services.map { suite($0.service.id, findings: $0.findings, accepted: $0.accepted) }
        if !view.unassignedServers.isEmpty {
            suites.append(suite("servers-in-no-service", findings: view.unassignedServers.flatMap(\.findings),
                                accepted: []))
        }
        return JUnitXML.document(suites)
    }

    /// Each finding as `file:line:column: severity: message`, one a line.
    static func lines(_ findings: [Finding]) -> String {
        findings.map { "\($0.location): \($0.severity.rawValue): \($0.message)" }.joined(separator: "\n")
    }
}
