/// What `validate` tells a person or a pipeline about an estate.
public struct ValidationReport: Sendable {
    public let result: LoadResult

    public init(_ result: LoadResult) {
        self.result = result
    }

    public var isValid: Bool { !result.diagnostics.hasErrors }

    /// One line: the verdict and the counts behind it.
    public var summary: String {
        let errors = result.diagnostics.errorCount
        let warnings = result.diagnostics.warningCount
        let files = Self.count(result.files.count, "file")
        guard isValid, let estate = result.estate else {
            var parts = [Self.count(errors, "error")]
            if warnings > 0 { parts.append(Self.count(warnings, "warning")) }
            let scope = result.files.isEmpty ? "; no inventory file was read" : " in \(files)"
            return "invalid: \(parts.joined(separator: ", "))\(scope)"
        }
        var line = "valid: \(files), \(Self.count(estate.sites.count, "site")), "
            + "\(Self.count(estate.servers.count, "server")), \(Self.count(estate.services.count, "service"))"
        if warnings > 0 { line += "; \(Self.count(warnings, "warning"))" }
        return line
    }

    public func json() -> JSONValue {
        var summary: [(String, JSONValue)] = [
            ("files", .int(result.files.count)),
            ("errors", .int(result.diagnostics.errorCount)),
            ("warnings", .int(result.diagnostics.warningCount)),
        ]
        if let estate = result.estate {
            summary += [("sites", .int(estate.sites.count)), ("servers", .int(estate.servers.count)),
                        ("services", .int(estate.services.count))]
        }
        return .object([
            ("valid", .bool(isValid)),
            ("summary", .object(summary)),
            ("diagnostics", .array(result.diagnostics.map(Self.json))),
        ])
    }

    static func json(_ diagnostic: Diagnostic) -> JSONValue {
        var members: [(String, JSONValue)] = [("file", .string(diagnostic.file))]
        if let position = diagnostic.position {
            members += [("line", .int(position.line)), ("column", .int(position.column))]
        }
        members += [("severity", .string(diagnostic.severity.rawValue)), ("code", .string(diagnostic.code)),
                    ("message", .string(diagnostic.message))]
        return .object(members)
    }

    static func count(_ n: Int, _ noun: String) -> String { Plural.count(n, noun) }
}
