import Foundation

/// SARIF 2.1.0, the format code scanning reads: the parts every cloudfirst SARIF log shares, whatever it reports
/// (`assess`'s findings, `validate`'s diagnostics). One run, one driver, rules by stable id, results located in an
/// inventory file relative to the repository root, with `partialFingerprints` that survive lines moving.
public enum SARIFLog {
    /// The whole log: one run of cloudfirst at `version`, with `rules` (reporting descriptors, in the order
    /// `ruleIndex` counts) and `results`. Columns count Unicode code points, as cloudfirst's do.
    public static func document(version: String, rules: [JSONValue], results: [JSONValue]) -> JSONValue {
        .object([
            ("$schema", .string(schema)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", tool(version: version, rules: rules)),
                ("columnKind", .string(columnKind)),
                ("results", .array(results)),
            ])])),
        ])
    }

    /// The same log as `document`, byte for byte, streamed: each result is made when it is written and dropped
    /// after, so a large estate's log never sits in memory whole.
    public static func write<Output: TextOutputStream, Results: Sequence<JSONValue>>(
        version: String, rules: [JSONValue], results: Results, into json: inout JSONStreamWriter<Output>
    ) {
        json.member("$schema", .string(schema))
        json.member("version", .string("2.1.0"))
        json.beginArray("runs")
        json.beginObject()
        json.member("tool", tool(version: version, rules: rules))
        json.member("columnKind", .string(columnKind))
        json.arrayMember("results", results) { $0 }
        json.end()
        json.end()
    }

    static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    static let columnKind = "unicodeCodePoints"

    static func tool(version: String, rules: [JSONValue]) -> JSONValue {
        .object([("driver", .object([
            ("name", .string("cloudfirst")),
            ("semanticVersion", .string(version)),
            ("rules", .array(rules)),
        ]))])
    }

    /// One result. `file` is as cloudfirst names it (relative to `workingDirectory` or absolute); its URI is made
    /// relative to `root`. Without a position the result names the file alone. `fingerprints` are
    /// `partialFingerprints` members, name first.
    public static func result(ruleID: String, ruleIndex: Int, level: String, message: String, file: String,
                              position: SourcePosition?, fingerprints: [(String, String)], root: String,
                              workingDirectory: String) -> JSONValue {
        var physical: [(String, JSONValue)] = [
            ("artifactLocation", .object([("uri", .string(uri(file, root: root,
                                                              workingDirectory: workingDirectory)))])),
        ]
        if let position {
            physical.append(("region", .object([("startLine", .int(position.line)),
                                                ("startColumn", .int(position.column))])))
        }
        return .object([
            ("ruleId", .string(ruleID)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(level)),
            ("message", .object([("text", .string(message))])),
            ("locations", .array([.object([("physicalLocation", .object(physical))])])),
            ("partialFingerprints", .object(fingerprints.map { ($0.0, .string($0.1)) })),
        ])
    }

    /// A rule id in the UpperCamelCase SARIF's `name` expects: `os-past-support` is `OsPastSupport`.
    public static func ruleName(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A path relative to `root`, with forward slashes and percent-encoding where URIs need it.
    public static func uri(_ path: String, root: String, workingDirectory: String) -> String {
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
