/// One problem found in an input, with where it is.
///
/// Printed in the compiler format editors and CI annotators understand:
/// `path:line:column: error: message [code]`. The position is absent only when the problem has none
/// (a file that cannot be opened, a folder with no YAML in it).
public struct Diagnostic: Hashable, Sendable, Comparable {
    public enum Severity: String, Sendable, Comparable {
        case error
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    /// The file as the user named it (or as found under a folder they named).
    public var file: String
    public var position: SourcePosition?
    public var severity: Severity
    /// A stable kebab-case identifier for the kind of problem, e.g. `unknown-key`.
    public var code: String
    public var message: String

    public init(file: String, position: SourcePosition?, problem: InventoryProblem) {
        self.file = file.escapingControlCharacters
        self.position = position
        self.severity = problem.severity
        self.code = problem.code
        self.message = problem.message.escapingControlCharacters
    }

    /// `path:line:column: severity: message [code]`, or `path: severity: message [code]` without a position.
    public var rendered: String {
        var out = file
        if let position { out += ":\(position.line):\(position.column)" }
        out += ": \(severity.rawValue): \(message) [\(code)]"
        return out
    }

    /// Orders by file, then position, then severity, so output is stable whatever order problems were found in.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        let l = lhs.position ?? SourcePosition(line: 0, column: 0)
        let r = rhs.position ?? SourcePosition(line: 0, column: 0)
        if l != r { return l < r }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        return lhs.message < rhs.message
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { lazy.filter { $0.severity == .warning }.count }
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
