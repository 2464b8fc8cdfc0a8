/// JUnit XML, the format test reporters read: the document every cloudfirst JUnit report shares, whatever it
/// reports (`assess`'s findings, `validate`'s diagnostics). `skipped=` sits on `<testsuite>` only, where the Jenkins
/// schema that reporters follow allows it.
public enum JUnitXML {
    /// What became of one test case.
    public enum Outcome: Sendable, Equatable {
        case passed
        /// Passed, with what it saw (findings below the threshold, warnings) kept as `<system-out>`.
        case passedWithOutput(String)
        case failed(type: String, message: String, text: String)
        case skipped(message: String)
    }

    public struct TestCase: Sendable {
        public var className: String
        public var name: String
        public var outcome: Outcome

        public init(className: String, name: String, outcome: Outcome) {
            self.className = className
            self.name = name
            self.outcome = outcome
        }
    }

    public struct Suite: Sendable {
        public var name: String
        public var cases: [TestCase]

        public init(name: String, cases: [TestCase]) {
            self.name = name
            self.cases = cases
        }

        var failures: Int { cases.filter { if case .failed = $0.outcome { true } else { false } }.count }
        var skipped: Int { cases.filter { if case .skipped = $0.outcome { true } else { false } }.count }
    }

    /// The document, ending in a newline.
    public static func document(_ suites: [Suite]) -> String {
        let tests = suites.reduce(0) { $0 + $1.cases.count }
        let failures = suites.reduce(0) { $0 + $1.failures }
        var out = head(tests: tests, failures: failures)
        for suite in suites {
            out += suiteHead(name: suite.name, tests: suite.cases.count, failures: suite.failures,
                             skipped: suite.skipped)
            for testCase in suite.cases { out += line(testCase) }
            out += suiteTail
        }
        return out + tail
    }

    // The document in pieces, for a writer that streams it: `head`, then for each suite `suiteHead`, a `line` per
    // case and `suiteTail`, then `tail`. The counts go first, so a streaming writer counts before it writes.

    /// The XML declaration and the opening `<testsuites>`, with the totals over every suite.
    public static func head(tests: Int, failures: Int) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"cloudfirst\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">\n"
    }

    /// A suite's opening `<testsuite>`, with its own counts.
    public static func suiteHead(name: String, tests: Int, failures: Int, skipped: Int) -> String {
        "  <testsuite name=\"\(escape(name))\" tests=\"\(tests)\" "
            + "failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n"
    }

    /// One test case's element and its line end.
    public static func line(_ testCase: TestCase) -> String { element(testCase) + "\n" }

    public static let suiteTail = "  </testsuite>\n"
    public static let tail = "</testsuites>\n"

    static func element(_ testCase: TestCase) -> String {
        let body = switch testCase.outcome {
        case .passed: ""
        case .passedWithOutput(let text): "<system-out>" + escape(text) + "</system-out>"
        case .failed(let type, let message, let text):
            "<failure type=\"\(escape(type))\" message=\"\(escape(message))\">" + escape(text) + "</failure>"
        case .skipped(let message): "<skipped message=\"\(escape(message))\"/>"
        }
        return "    <testcase classname=\"\(escape(testCase.className))\" name=\"\(escape(testCase.name))\""
            + (body.isEmpty ? "/>" : ">\(body)</testcase>")
    }

    /// Text for XML content and attributes: the five entities escaped, control characters XML 1.0 cannot carry
    /// dropped (tab, line feed and carriage return kept).
    public static func escape(_ text: String) -> String {
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
