import CloudFirstCore

/// `validate`'s diagnostics as SARIF 2.1.0 for code scanning: a rule per diagnostic code that occurs, a result per
/// diagnostic at its file, line and column, so the first errors a pull request hits are annotated where they are.
public struct ValidationSARIF: Renderer {
    public let identifier = "sarif"
    public let summary = "SARIF 2.1.0 for code scanning, each problem on its line; the verdict on stderr"

    public init() {}

    public func render(_ subject: ValidationSubject, to output: inout some TextOutputStream) {
        output.write(Self.render(subject.report, version: subject.version, root: subject.sarifRoot,
                                 workingDirectory: subject.workingDirectory).rendered())
    }

    public func notices(for subject: ValidationSubject) -> [String] { [subject.report.summary] }

    /// `root` is the folder URIs are made relative to (the repository root); `workingDirectory` is where relative
    /// inventory paths start from.
    public static func render(_ report: ValidationReport, version: String, root: String,
                              workingDirectory: String) -> JSONValue {
        let diagnostics = report.result.diagnostics
        // A rule per code that occurs, sorted by code, so the rules and their indices do not depend on which file
        // was read first.
        var levels: [String: Diagnostic.Severity] = [:]
        for diagnostic in diagnostics {
            levels[diagnostic.code] = min(levels[diagnostic.code] ?? .warning, diagnostic.severity)
        }
        let codes = levels.keys.sorted()
        let ruleIndex = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        let rules: [JSONValue] = codes.map { code in
            .object([
                ("id", .string(code)),
                ("name", .string(SARIFLog.ruleName(code))),
                ("shortDescription", .object([
                    ("text", .string("inventory problem: " + code.replacingOccurrences(of: "-", with: " "))),
                ])),
                ("defaultConfiguration", .object([("level", .string(level(levels[code] ?? .error)))])),
                ("properties", .object([("tags", .array([.string("inventory-validation")]))])),
            ])
        }
        let results: [JSONValue] = zip(diagnostics, fingerprints(diagnostics)).map { diagnostic, fingerprint in
            SARIFLog.result(ruleID: diagnostic.code, ruleIndex: ruleIndex[diagnostic.code] ?? 0,
                            level: level(diagnostic.severity), message: diagnostic.message, file: diagnostic.file,
                            position: diagnostic.position, fingerprints: [("cloudfirstDiagnostic/v1", fingerprint)],
                            root: root, workingDirectory: workingDirectory)
        }
        return SARIFLog.document(version: version, rules: rules, results: results)
    }

    static func level(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        }
    }

    /// Stable across unrelated edits: the code and the message, never the line (the file is the result's location).
    /// The same problem twice in one file is told apart by its occurrence there, `:2` for the second, in output order.
    static func fingerprints(_ diagnostics: [Diagnostic]) -> [String] {
        var seen: [String: Int] = [:]
        return diagnostics.map { diagnostic in
            let base = String(SHA256.hex(Array("\(diagnostic.code)|\(diagnostic.message)".utf8)).prefix(32))
            let key = diagnostic.file + "\u{0}" + base
            let occurrence = (seen[key] ?? 0) + 1
            seen[key] = occurrence
            return "\(base):\(occurrence)"
        }
    }
}
