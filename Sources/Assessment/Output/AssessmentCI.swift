import CloudFirstCore
import Foundation

extension Finding {
    /// Stable across re-runs and unrelated edits: the rule, what it is about and what it says, never the line it is
    /// on. Baselines and SARIF's `partialFingerprints` use it.
    public var fingerprint: String {
        String(SHA256.hex(Array("\(rule)|\(subject)|\(message)".utf8)).prefix(32))
    }
}

extension EstateAssessment {
    /// Every finding in force once, in output order: a server's finding is listed under each service that runs on it.
    public var distinctFindings: [Finding] {
        Self.distinct(services.flatMap(\.findings) + unassignedServers.flatMap(\.findings))
    }

    /// Each finding once, by fingerprint, in the order given.
    static func distinct(_ findings: [Finding]) -> [Finding] {
        var seen = Set<String>()
        var out: [Finding] = []
        for finding in findings where seen.insert(finding.fingerprint).inserted {
            out.append(finding)
        }
        return out
    }
}

/// SARIF 2.1.0 for code scanning: a rule entry per rule, a result per finding, located in the inventory relative to
/// the repository root, with fingerprints that survive lines moving.
public enum AssessmentSARIF {
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

    /// `root` is the folder URIs are made relative to (the repository root); `workingDirectory` is where relative
    /// inventory paths start from.
    public static func render(_ view: AssessmentView, registry: RuleRegistry = .standard, policy: Policy,
                              version: String, root: String, workingDirectory: String) -> JSONValue {
        let descriptions = registry.descriptions
        let ruleIndex = Dictionary(uniqueKeysWithValues: descriptions.enumerated().map { ($1.id, $0) })
        let rules: [JSONValue] = descriptions.map { rule in
            .object([
                ("id", .string(rule.id)),
                ("name", .string(rule.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }
                    .joined())),
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
        let results: [JSONValue] = view.distinctFindings.map { finding in
            .object([
                ("ruleId", .string(finding.rule)),
                ("ruleIndex", .int(ruleIndex[finding.rule] ?? 0)),
                ("level", .string(level(finding.severity))),
                ("message", .object([("text", .string("\(finding.subject): \(finding.message)"))])),
                ("locations", .array([.object([("physicalLocation", .object([
                    ("artifactLocation", .object([("uri", .string(uri(finding.location.file, root: root,
                                                                      workingDirectory: workingDirectory)))])),
                    ("region", .object([("startLine", .int(finding.location.position.line)),
                                        ("startColumn", .int(finding.location.position.column))])),
                ]))])])),
                ("partialFingerprints", .object([("cloudfirstFinding/v1", .string(finding.fingerprint))])),
            ])
        }
        return .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("cloudfirst")),
                    ("semanticVersion", .string(version)),
                    ("rules", .array(rules)),
                ]))])),
                ("columnKind", .string("unicodeCodePoints")),
                ("results", .array(results)),
            ])])),
        ])
    }

    /// A path relative to `root`, with forward slashes and percent-encoding where URIs need it.
    static func uri(_ path: String, root: String, workingDirectory: String) -> String {
        let absolute = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: workingDirectory, isDirectory: true))
            .standardizedFileURL.path
        let base = URL(fileURLWithPath: root, relativeTo: URL(fileURLWithPath: workingDirectory, isDirectory: true))
            .standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        guard absolute.hasPrefix(prefix) else {
            // Outside the root: an absolute file URI, which code scanning shows but cannot place in the repository.
            return URL(fileURLWithPath: absolute).absoluteString
        }
        let relative = String(absolute.dropFirst(prefix.count))
        return relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? relative
    }
}

/// JUnit XML for test reporters: a suite per service, a case per rule run on it, a failure for each rule with a
/// finding at or above the threshold.
public enum AssessmentJUnit {
    public static func render(_ view: AssessmentView, registry: RuleRegistry = .standard, policy: Policy,
                              threshold: Severity) -> String {
        let rules = registry.descriptions.filter { policy.isEnabled($0) && !$0.gate }
        var suites: [(name: String, cases: [String], failures: Int, skipped: Int)] = []
        func suite(_ name: String, findings: [Finding], accepted: [AcceptedFinding]) {
            var cases: [String] = []
            var failures = 0, skipped = 0
            for rule in rules {
                let mine = findings.filter { $0.rule == rule.id }
                let failing = mine.filter { $0.severity <= threshold }
                var body = ""
                if !failing.isEmpty {
                    failures += 1
                    let worst = failing.map(\.severity).min()!
                    let text = failing.map { "\($0.location): \($0.severity.rawValue): \($0.message)" }
                        .joined(separator: "\n")
                    body = "<failure type=\"\(worst.rawValue)\" message=\"\(escape(failing[0].message))\">"
                        + escape(text) + "</failure>"
                } else if let exception = accepted.first(where: { $0.finding.rule == rule.id }) {
                    skipped += 1
                    body = "<skipped message=\"\(escape("accepted by exception: \(exception.reason)"))\"/>"
                } else if !mine.isEmpty {
                    body = "<system-out>" + escape(mine.map { "\($0.location): \($0.severity.rawValue): \($0.message)" }
                        .joined(separator: "\n")) + "</system-out>"
                }
                cases.append("    <testcase classname=\"cloudfirst.\(escape(name))\" name=\"\(escape(rule.id))\""
                    + (body.isEmpty ? "/>" : ">\(body)</testcase>"))
            }
            suites.append((name, cases, failures, skipped))
        }
        for service in view.services {
            suite(service.service.id, findings: service.findings, accepted: service.accepted)
        }
        if !view.unassignedServers.isEmpty {
            suite("servers-in-no-service", findings: view.unassignedServers.flatMap(\.findings), accepted: [])
        }
        let tests = suites.reduce(0) { $0 + $1.cases.count }
        let failures = suites.reduce(0) { $0 + $1.failures }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"cloudfirst\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">\n"
        for suite in suites {
            out += "  <testsuite name=\"\(escape(suite.name))\" tests=\"\(suite.cases.count)\" "
                + "failures=\"\(suite.failures)\" errors=\"0\" skipped=\"\(suite.skipped)\">\n"
            out += suite.cases.joined(separator: "\n") + "\n  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// GitHub Actions workflow commands: an annotation on the inventory line of each finding, and a Markdown summary.
public enum AssessmentGitHub {
    public static func annotations(_ view: AssessmentView) -> String {
        view.distinctFindings.map { finding in
            let command = switch finding.severity {
            case .blocker, .high: "error"
            case .medium: "warning"
            case .low, .info: "notice"
            }
            let location = finding.location
            return "::\(command) file=\(property(location.file)),line=\(location.position.line),"
                + "col=\(location.position.column),title=\(property("\(finding.rule) (\(finding.severity.rawValue))"))::"
                + data("\(finding.subject): \(finding.message)")
        }.joined(separator: "\n") + "\n"
    }

    /// The job summary: the estate's verdict, counts and the blockers.
    public static func summary(_ view: AssessmentView) -> String {
        let assessment = view.assessment
        var out = "## cloudfirst: \(assessment.estate.organisation?.name ?? "estate")\n\n"
        out += "Estate score **\(assessment.score)/100**, assessed \(assessment.asOf).\n\n"
        if let note = view.note { out += "Annotations: \(note).\n\n" }
        out += "| ready | conditional | not-ready | unknown |\n|---:|---:|---:|---:|\n"
        out += "| " + Readiness.allCases.map { String(assessment.count($0)) }.joined(separator: " | ") + " |\n"
        let blockers = assessment.topBlockers.prefix(5)
        if !blockers.isEmpty {
            out += "\nTop blockers: " + blockers.map { "`\($0.rule)` (\($0.services.count))" }.joined(separator: ", ")
                + "\n"
        }
        return out
    }

    /// Escaping of workflow-command data and properties, as the Actions toolkit does it.
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
