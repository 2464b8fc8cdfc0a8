import Foundation
import Testing

/// Every command's JSON has one head (`tool`, `version`, `format_version`, `command`, `organisations`, `as_of`,
/// `inputs`, in that order) and one key convention (snake_case, at every depth), and matches the schema published
/// in docs/output.schema.json.
@Suite struct JSONEnvelopeTests {
    static let asOf = ["--as-of", "2026-11-25"]
    static let riverside = "Inventories/riverside-mental-health.yaml"
    static let eastvale = "Inventories/eastvale-ics-shared.yaml"
    static let riversideTrust = "Riverside Mental Health and Learning Disabilities NHS Trust"

    struct Case: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var status: Int32
        var command: String
        var organisations: [String]
        var asOf: String?
        var inputs: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["validate", riverside, "--format", "json"], status: 0, command: "validate",
             organisations: [riversideTrust], asOf: nil, inputs: [riverside]),
        // An invalid estate has no organisation to name; its inputs are still the files read.
        Case(arguments: ["validate", "docs/examples/estate.yaml", "--format", "json"], status: 2, command: "validate",
             organisations: [], asOf: nil, inputs: ["docs/examples/estate.yaml"]),
        Case(arguments: ["assess", riverside, "--format", "json"] + asOf, status: 0, command: "assess",
             organisations: [riversideTrust], asOf: "2026-11-25", inputs: [riverside]),
        Case(arguments: ["explain", "rmh-epr", riverside, "--format", "json"] + asOf, status: 0, command: "explain",
             organisations: [riversideTrust], asOf: "2026-11-25", inputs: [riverside]),
        Case(arguments: ["plan", riverside, "--format", "json"] + asOf, status: 0, command: "plan",
             organisations: [riversideTrust], asOf: "2026-11-25", inputs: [riverside]),
        // Both sides' organisations and files, the old side's first.
        Case(arguments: ["diff", riverside, eastvale, "--combine-organisations", "--format", "json"] + asOf,
             status: 0, command: "diff",
             organisations: [riversideTrust, "Eastvale Integrated Care System shared services"],
             asOf: "2026-11-25", inputs: [riverside, eastvale]),
        Case(arguments: ["rules", "--format", "json"], status: 0, command: "rules", organisations: [], asOf: nil,
             inputs: []),
    ]

    /// The top-level keys in the order written: JSONSerialization forgets order, the two-space indent does not.
    static func topLevelKeys(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            line.firstMatch(of: /^  "([^"]+)":/).map { String($0.1) }
        }
    }

    static func keysOutsideConvention(_ value: Any, path: String = "") -> [String] {
        if let object = value as? [String: Any] {
            return object.flatMap { key, member in
                (key.wholeMatch(of: /[a-z0-9_]+/) == nil ? ["\(path)/\(key)"] : [])
                    + keysOutsideConvention(member, path: "\(path)/\(key)")
            }
        }
        if let array = value as? [Any] { return array.flatMap { keysOutsideConvention($0, path: path + "[]") } }
        return []
    }

    @Test(arguments: cases)
    func everyCommandHasTheEnvelope(_ test: Case) throws {
        let run = try Binary.cloudfirst(test.arguments)
        #expect(run.status == test.status, "\(run.stderr)")
        #expect(Array(Self.topLevelKeys(run.stdout).prefix(7))
            == ["tool", "version", "format_version", "command", "organisations", "as_of", "inputs"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let version = try Binary.cloudfirst(["--version"]).stdout.split(separator: "\n").first.map(String.init)
        #expect(root["tool"] as? String == "cloudfirst")
        #expect(root["version"] as? String == version)
        #expect(root["format_version"] as? Int == 1)
        #expect(root["command"] as? String == test.command)
        let organisations = try #require(root["organisations"] as? [[String: Any]])
        #expect(organisations.compactMap { $0["name"] as? String } == test.organisations)
        #expect(organisations.allSatisfy { $0["ods_code"] is String || $0["ods_code"] is NSNull })
        #expect(root["as_of"] as? String == test.asOf)
        if test.asOf == nil { #expect(root["as_of"] is NSNull) }
        #expect(root["inputs"] as? [String] == test.inputs)
        #expect(Self.keysOutsideConvention(root) == [])
    }

    /// The published schema accepts every command's real output, and refuses one that breaks the convention.
    @Test(.enabled(if: checkJSONSchema != nil || ProcessInfo.processInfo.environment["CI"] != nil,
                   "check-jsonschema is not installed; .ci/run installs it"))
    func outputsMatchThePublishedSchema() throws {
        let tool = try #require(Self.checkJSONSchema, "CI must have check-jsonschema")
        let scratch = try Scratch()
        var files: [String] = []
        for (index, test) in Self.cases.enumerated() {
            let run = try Binary.cloudfirst(test.arguments)
            files.append(try scratch.write("\(index)-\(test.command).json", run.stdout))
        }
        let schema = Binary.root.appendingPathComponent("docs/output.schema.json").path
        let good = try Binary.run(tool, ["--schemafile", schema] + files)
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        // The same assessment with a hyphenated key where the convention wants an underscore is refused.
        let assess = try #require(Self.cases.firstIndex { $0.command == "assess" })
        let text = try String(contentsOfFile: files[assess], encoding: .utf8)
        #expect(text.contains("\"not_ready\":"))
        let bad = try scratch.write("bad.json", text.replacingOccurrences(of: "\"not_ready\":", with: "\"not-ready\":"))
        #expect(try Binary.run(tool, ["--schemafile", schema, bad]).status == 1)
    }

    static let checkJSONSchema: String? = {
        let environment = ProcessInfo.processInfo.environment
        var candidates = [Binary.root.appendingPathComponent(".build/validators/bin/check-jsonschema").path]
        if let explicit = environment["CHECK_JSONSCHEMA"] { candidates.insert(explicit, at: 0) }
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            candidates.append("\(folder)/check-jsonschema")
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
}
