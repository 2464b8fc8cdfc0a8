import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `validate` in a pipeline: SARIF for code scanning, JUnit for test reporters, GitHub annotations, so the first
/// errors a pull request hits are put on their lines. The same writers as `assess`'s (SARIFLog, JUnitXML,
/// WorkflowCommands).
@Suite struct ValidateCIFormatTests {
    /// README's validate example: three errors in one file.
    static let example = "docs/examples/estate.yaml"
    static let warnings = "Tests/CloudFirstCoreTests/Fixtures/Validation/warnings-only.yaml"
    static let split = "Tests/CloudFirstCoreTests/Fixtures/Estates/split-conflicts"

    @Test(arguments: [("json", "validate-example.json"), ("sarif", "validate-example.sarif"), ("junit", "validate-example.junit.xml"),
                      ("github", "validate-example.github.txt")])
    func formatsArePinned(_ format: String, _ golden: String) throws {
        let run = try Binary.cloudfirst(["validate", Self.example, "--format", format])
        // Invalid: exit 2, the report on stdout, the verdict on stderr (in the JSON, `valid` and `summary`).
        #expect(run.status == 2)
        #expect(run.stderr == (format == "json" ? "" : "invalid: 3 errors in 1 file\n"))
        Golden.check(run.stdout, golden)
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func sarifRun(_ text: String) throws -> [String: Any] {
        try #require((try json(text)["runs"] as? [[String: Any]])?.first)
    }

    /// Every diagnostic the text format prints is a SARIF result at the same file, line and column, with the same
    /// code and level; the rules are the codes that occur.
    @Test func sarifCarriesEveryDiagnostic() throws {
        let text = try Binary.cloudfirst(["validate", Self.split])
        let sarif = try Binary.cloudfirst(["validate", Self.split, "--format", "sarif"])
        #expect(text.status == 2 && sarif.status == 2)
        let expected = text.stderr.split(separator: "\n").map { line -> String in
            let match = line.firstMatch(of: /^(.+):(\d+):(\d+): (error|warning): .* \[([a-z-]+)\]$/)
            return match.map { "\($0.1)|\($0.2)|\($0.3)|\($0.4)|\($0.5)" } ?? "unparsed: \(line)"
        }
        let run = try Self.sarifRun(sarif.stdout)
        let results = try #require(run["results"] as? [[String: Any]])
        let actual = try results.map { result -> String in
            let physical = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]
                as? [String: Any])
            let uri = (physical["artifactLocation"] as? [String: Any])?["uri"] as? String ?? ""
            let region = physical["region"] as? [String: Any] ?? [:]
            return "\(uri)|\(region["startLine"] as? Int ?? 0)|\(region["startColumn"] as? Int ?? 0)|"
                + "\(result["level"] as? String ?? "")|\(result["ruleId"] as? String ?? "")"
        }
        #expect(!expected.isEmpty)
        #expect(actual == expected)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids == Set(results.compactMap { $0["ruleId"] as? String }).sorted())
        for result in results {
            #expect(ids[result["ruleIndex"] as? Int ?? -1] == result["ruleId"] as? String)
        }
        // --sarif-root makes locations relative to another folder, as assess's does.
        let rooted = try Binary.cloudfirst(["validate", Self.split, "--format", "sarif", "--sarif-root", Self.split])
        let uris = try #require(try Self.sarifRun(rooted.stdout)["results"] as? [[String: Any]]).compactMap {
            ((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"]
                as? [String: Any])?["uri"] as? String
        }
        #expect(Set(uris) == ["two.yaml"])
    }

    /// A valid estate is a log with no results, and exit code 0; warnings are results at level warning.
    @Test func sarifOfAValidEstate() throws {
        let clean = try Binary.cloudfirst(["validate", "Inventories/riverside-mental-health.yaml", "--format", "sarif"])
        #expect(clean.status == 0)
        #expect(clean.stderr.hasPrefix("valid: 1 file, "))
        #expect((try Self.sarifRun(clean.stdout)["results"] as? [Any])?.isEmpty == true)
        let warned = try Binary.cloudfirst(["validate", Self.warnings, "--format", "sarif"])
        #expect(warned.status == 0)
        let results = try #require(try Self.sarifRun(warned.stdout)["results"] as? [[String: Any]])
        #expect(results.map { $0["level"] as? String } == ["warning", "warning"])
    }

    /// Lines moving above a problem change where it is, not its fingerprint; the same problem twice in a file gets
    /// two fingerprints.
    @Test func fingerprintsSurviveLinesMoving() throws {
        let scratch = try Scratch()
        let text = try String(contentsOf: Binary.root.appendingPathComponent(Self.example), encoding: .utf8)
        let twice = text.replacingOccurrences(of: "    cpu_core: 16\n", with: "    cpu_core: 16\n    cpu_cor: 2\n")
            .replacingOccurrences(of: "    memory_gb: 128\n", with: "    memory_gb: 128\n    cpu_cor: 3\n")
        let before = try scratch.write("before.yaml", twice)
        let after = try scratch.write("after.yaml", "# A comment someone added.\n" + twice)
        func prints(_ path: String) throws -> [String: Int] {
            let run = try Binary.cloudfirst(["validate", path, "--format", "sarif"])
            var out: [String: Int] = [:]
            for result in try #require(try Self.sarifRun(run.stdout)["results"] as? [[String: Any]]) {
                let print = (result["partialFingerprints"] as? [String: String])?["cloudfirstDiagnostic/v1"] ?? ""
                let region = ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]
                    as? [String: Any])?["region"] as? [String: Any]
                out[print] = region?["startLine"] as? Int
            }
            return out
        }
        let old = try prints(before), new = try prints(after)
        // not-a-choice, unknown-key 'cpu_core', unknown-key 'cpu_cor' twice (two fingerprints), unknown-reference.
        #expect(old.count == 5)
        #expect(Set(old.keys) == Set(new.keys))
        #expect(old.allSatisfy { new[$0.key] == $0.value + 1 })
    }

    /// A suite per file: a clean file passes one case, each error fails one; a warning fails only with
    /// --fail-on warning, which also fails the command.
    @Test func junitHasASuitePerFile() throws {
        let run = try Binary.cloudfirst(["validate", Self.split, "--format", "junit"])
        #expect(run.status == 2)
        let document = try XMLDocument(data: Data(run.stdout.utf8))
        let suites = try document.nodes(forXPath: "/testsuites/testsuite").compactMap { $0 as? XMLElement }
        #expect(suites.compactMap { $0.attribute(forName: "name")?.stringValue }
            == [Self.split + "/one.yaml", Self.split + "/two.yaml"])
        let clean = try document.nodes(forXPath: "/testsuites/testsuite[1]/testcase")
        #expect(clean.count == 1)
        #expect((clean.first as? XMLElement)?.childCount == 0)
        let failures = try document.nodes(forXPath: "/testsuites/testsuite[2]/testcase/failure")
        #expect(failures.count == 4)
        #expect(failures.allSatisfy { $0.stringValue?.hasPrefix(Self.split + "/two.yaml:") == true })
        #expect(document.rootElement()?.attribute(forName: "failures")?.stringValue == "4")

        let warned = try Binary.cloudfirst(["validate", Self.warnings, "--format", "junit"])
        #expect(warned.status == 0)
        let passing = try XMLDocument(data: Data(warned.stdout.utf8))
        #expect(try passing.nodes(forXPath: "//failure").isEmpty)
        #expect(try passing.nodes(forXPath: "//testcase/system-out").count == 2)
        let strict = try Binary.cloudfirst(["validate", Self.warnings, "--format", "junit", "--fail-on", "warning"])
        #expect(strict.status == 1)
        let failing = try XMLDocument(data: Data(strict.stdout.utf8))
        #expect(try failing.nodes(forXPath: "//failure[@type='warning']").count == 2)
    }

    /// An annotation per diagnostic; a path that does not exist is annotated on the file alone; the job summary
    /// carries the verdict.
    @Test func githubAnnotationsAndTheJobSummary() throws {
        let scratch = try Scratch()
        let summary = scratch.url.appendingPathComponent("summary.md").path
        let run = try Binary.cloudfirst(["validate", Self.example, "no-such-estate.yaml", "--format", "github"],
                                        environment: ["GITHUB_STEP_SUMMARY": summary])
        #expect(run.status == 2)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.prefix(3).allSatisfy {
            $0.range(of: #"^::error file=docs/examples/estate\.yaml,line=\d+,col=\d+,title=[a-z-]+::"#,
                     options: .regularExpression) != nil
        })
        let missing = "::error file=no-such-estate.yaml,title=path-not-found::no such file or folder 'no-such-estate.yaml'"
        #expect(lines.last.map(String.init) == missing)
        #expect(try String(contentsOfFile: summary, encoding: .utf8)
            == "## cloudfirst validate\n\ninvalid: 4 errors in 1 file\n")

        let warned = try Binary.cloudfirst(["validate", Self.warnings, "--format", "github"])
        #expect(warned.status == 0)
        #expect(warned.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("::warning file=\(Self.warnings),") })
        let clean = try Binary.cloudfirst(["validate", "Inventories/riverside-mental-health.yaml", "--format", "github"])
        #expect(clean.status == 0)
        #expect(clean.stdout.isEmpty)
    }

    @Test func sarifRootNeedsSarif() throws {
        let run = try Binary.cloudfirst(["validate", Self.example, "--sarif-root", "docs"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--sarif-root applies to --format sarif only"))
        #expect(!run.stderr.contains("Fatal error"))
    }
}
