import Assessment
import CloudFirstCore

/// SARIF 2.1.0 for code scanning: a rule entry per rule, a result per finding, located in the inventory relative to
/// the repository root, with fingerprints that survive lines moving.
public struct AssessmentSARIF: Renderer {
    public let identifier = "sarif"
    public let summary = "SARIF 2.1.0 for code scanning, each finding on its inventory line"

    public init() {}

    public func render(_ subject: AssessmentSubject, to output: inout some TextOutputStream) {
        // Streamed: each result is made as it is written, not the whole log first.
        var json = JSONStreamWriter(output)
        SARIFLog.write(version: subject.version, rules: Self.rules(policy: subject.policy),
                       results: Self.results(subject.view, root: subject.sarifRoot,
                                             workingDirectory: subject.workingDirectory),
                       into: &json)
        output = json.finish()
    }

    public func notices(for subject: AssessmentSubject) -> [String] { subject.filterNotice }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .blocker, .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }

    /// GitHub's `security-severity` scale: critical 9.0 and over, high 7.0, medium 4.0, low 0.1.
    static func securitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .blocker: "9.0"
        case .high: "7.0"
        case .medium: "5.0"
        case .low: "3.0"
        case .info: "1.0"
        }
    }

    /// The log as one value, for a caller that wants it whole. `root` is the folder URIs are made relative to (the
    /// repository root); `workingDirectory` is where relative inventory paths start from.
    public static func render(_ view: AssessmentView, registry: RuleRegistry = .standard, policy: Policy,
                              version: String, root: String, workingDirectory: String) -> JSONValue {
        SARIFLog.document(version: version, rules: rules(registry: registry, policy: policy),
                          results: Array(results(view, registry: registry, root: root,
                                                 workingDirectory: workingDirectory)))
    }

    /// A reporting descriptor per rule, in the registry's order (the order `ruleIndex` counts).
    static func rules(registry: RuleRegistry = .standard, policy: Policy) -> [JSONValue] {
        registry.descriptions.map { rule in
            .object([
                ("id", .string(rule.id)),
                ("name", .string(SARIFLog.ruleName(rule.id))),
                ("shortDescription", .object([("text", .string(rule.title))])),
                ("fullDescription", .object([("text", .string(rule.rationale))])),
                ("help", .object([
                    ("text", .string("\(rule.remediation) Source: \(rule.source)")),
                    ("markdown", .string("**What to do:** \(rule.remediation)\n\n**Source:** \(rule.source)")),
                ])),
                ("defaultConfiguration", .object([("level", .string(level(policy.severity(of: rule))))])),
                ("properties", .object([
                    ("security-severity", .string(securitySeverity(policy.severity(of: rule)))),
                    ("tags", .array([.string(rule.category.rawValue), .string("cloud-readiness")])),
                ])),
            ])
        }
    }

    /// A result per finding shown, each made only when the sequence reaches it.
    static func results(_ view: AssessmentView, registry: RuleRegistry = .standard, root: String,
                        workingDirectory: String) -> some Sequence<JSONValue> {
        let ruleIndex = Dictionary(uniqueKeysWithValues: registry.descriptions.enumerated().map { ($1.id, $0) })
        return view.distinctFindings.lazy.map { finding in
            SARIFLog.result(ruleID: finding.rule, ruleIndex: ruleIndex[finding.rule] ?? 0,
                            level: level(finding.severity), message: "\(finding.subject): \(finding.message)",
                            file: finding.location.file, position: finding.location.position,
                            fingerprints: [("cloudfirstFinding/v1", finding.fingerprint)], root: root,
                            workingDirectory: workingDirectory)
        }
    }
}
