import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// What a pipeline gets: SARIF, JUnit, GitHub annotations, baselines, thresholds and diffs, from the real binary.
@Suite struct CIFormatTests {
    static let asOf = ["--as-of", "2026-11-25"]
    static let sample = "Inventories/riverside-mental-health.yaml"

    static func sarifResults(_ stdout: String) throws -> [[String: Any]] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        let runs = try #require(root["runs"] as? [[String: Any]])
        return try #require(runs.first?["results"] as? [[String: Any]])
    }

    /// The rules `cloudfirst rules --format json` lists: the registry's, so that no test writes how many there are.
    static func listedRules() throws -> [[String: Any]] {
        let listed = try Binary.cloudfirst(["rules", "--format", "json"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])
        return try #require(root["rules"] as? [[String: Any]])
    }

    @Test func sarifLocatesFindingsRelativeToTheRepositoryRoot() throws {
        let run = try Binary.cloudfirst(["assess", Self.sample, "--format", "sarif"] + Self.asOf)
        #expect(run.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(root["version"] as? String == "2.1.0")
        let runs = try #require(root["runs"] as? [[String: Any]])
        let driver = try #require((runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        // Every rule in the registry, as `cloudfirst rules` lists them: the count is the registry's, never written.
        let ids = try Self.listedRules().compactMap { $0["id"] as? String }
        #expect(!ids.isEmpty)
        #expect(rules.compactMap { $0["id"] as? String } == ids)
        #expect(rules.allSatisfy { ($0["properties"] as? [String: Any])?["security-severity"] is String })
        let results = try Self.sarifResults(run.stdout)
        #expect(results.count > 20)
        for result in results {
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == Self.sample)
            #expect(((location["region"] as? [String: Any])?["startLine"] as? Int ?? 0) >= 1)
            #expect((result["partialFingerprints"] as? [String: String])?["cloudfirstFinding/v1"]?.count == 32)
        }
        let rooted = try Binary.cloudfirst(["assess", Self.sample, "--format", "sarif", "--sarif-root", "Inventories"]
            + Self.asOf)
        let uri = try Self.sarifResults(rooted.stdout).first.flatMap {
            (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"]
        } as? [String: Any]
        #expect(uri?["uri"] as? String == "riverside-mental-health.yaml")
        let outside = try Binary.cloudfirst(["assess", Self.sample, "--format", "sarif", "--sarif-root", "Tests"]
            + Self.asOf)
        let outsideURI = try Self.sarifResults(outside.stdout).first.flatMap {
            (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"]
        } as? [String: Any]
        #expect((outsideURI?["uri"] as? String)?.hasPrefix("file:///") == true)
    }

    /// Lines moving above a finding change where it is, not what it is.
    @Test func fingerprintsSurviveUnrelatedLinesMoving() throws {
        let scratch = try Scratch()
        let text = try String(contentsOf: Binary.root.appendingPathComponent(Self.sample), encoding: .utf8)
        let before = try scratch.write("before.yaml", text)
        let after = try scratch.write("after.yaml", "# A comment someone added.\n# And another.\n" + text)
        func prints(_ path: String) throws -> [String: Int] {
            let run = try Binary.cloudfirst(["assess", path, "--format", "sarif"] + Self.asOf)
            var out: [String: Int] = [:]
            for result in try Self.sarifResults(run.stdout) {
                let print = (result["partialFingerprints"] as? [String: String])?["cloudfirstFinding/v1"] ?? ""
                let region = ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any]
                out[print] = region?["startLine"] as? Int
            }
            return out
        }
        let old = try prints(before), new = try prints(after)
        #expect(Set(old.keys) == Set(new.keys))
        #expect(old.allSatisfy { new[$0.key] == $0.value + 2 })
    }

    @Test func junitHasASuitePerServiceAndACasePerRule() throws {
        let run = try Binary.cloudfirst(["assess", Self.sample, "--format", "junit", "--fail-on", "blocker"] + Self.asOf)
        #expect(run.status == 1)
        let document = try XMLDocument(data: Data(run.stdout.utf8))
        let suites = try document.nodes(forXPath: "/testsuites/testsuite")
        #expect(suites.count == 15 + 1)
        let firstCases = try document.nodes(forXPath: "/testsuites/testsuite[1]/testcase")
        // A case per rule, less the gates (process work before the move, never a CI failure).
        let notGates = try Self.listedRules().filter { $0["gate"] as? Bool == false }
        #expect(!notGates.isEmpty)
        #expect(firstCases.compactMap { ($0 as? XMLElement)?.attribute(forName: "name")?.stringValue }
            == notGates.compactMap { $0["id"] as? String })
        let failures = try document.nodes(forXPath: "//failure")
        #expect(!failures.isEmpty)
        #expect(failures.allSatisfy { ($0 as? XMLElement)?.attribute(forName: "type")?.stringValue == "blocker" })
        #expect(failures.first?.stringValue?.hasPrefix(Self.sample + ":") == true)
        let root = try #require(document.rootElement())
        #expect(root.attribute(forName: "failures")?.stringValue == String(failures.count))
        #expect(root.attribute(forName: "skipped") == nil)
    }

    @Test func githubAnnotationsAndTheJobSummary() throws {
        let scratch = try Scratch()
        let summary = scratch.url.appendingPathComponent("summary.md").path
        let run = try Binary.cloudfirst(["assess", Self.sample, "--format", "github"] + Self.asOf,
                                        environment: ["GITHUB_STEP_SUMMARY": summary])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.allSatisfy { $0.range(of: #"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=[^:]+::"#,
                                            options: .regularExpression) != nil })
        #expect(lines.contains { $0.hasPrefix("::error file=\(Self.sample),line=") })
        let written = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(written.hasPrefix("## cloudfirst: Riverside Mental Health"))
        #expect(written.contains("Estate score **"))
    }

    @Test func aBaselineFailsOnlyOnWhatIsNew() throws {
        let scratch = try Scratch()
        let text = try String(contentsOf: Binary.root.appendingPathComponent(Self.sample), encoding: .utf8)
        let estate = try scratch.write("estate.yaml", text)
        let baseline = scratch.url.appendingPathComponent("baseline.json").path
        let write = try Binary.cloudfirst(["assess", estate, "--write-baseline", baseline, "--format", "json"] + Self.asOf)
        #expect(write.status == 0)
        let same = try Binary.cloudfirst(["assess", estate, "--baseline", baseline, "--fail-on", "info"] + Self.asOf)
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stderr.contains("against the baseline: 0 new, 0 fixed"))
        // A new server in no service is a new finding; an old one fixed is reported.
        try scratch.write("estate.yaml", text.replacingOccurrences(of: "\nservices:\n",
            with: "\n  - { id: rmh-stray01, site: \(try Self.firstSite(text)), os: Windows Server 2022 }\nservices:\n"))
        let changed = try Binary.cloudfirst(["assess", estate, "--baseline", baseline] + Self.asOf)
        #expect(changed.status == 1)
        #expect(changed.stderr.contains("server 'rmh-stray01' belongs to no service"))
        #expect(changed.stderr.contains("[server-in-no-service] (new)"))
        // The new server is also on the headquarters site, whose lease ends within the planning horizon.
        #expect(changed.stderr.contains("[site-lease-ending] (new)"))
        #expect(changed.stderr.contains("cloudfirst: policy failed: 2 new findings at or above low since the baseline"))

        try scratch.write("junk.json", "{\"findings\": []}")
        let junk = try Binary.cloudfirst(["assess", estate, "--baseline", scratch.url.appendingPathComponent("junk.json").path]
            + Self.asOf)
        #expect(junk.status == 2)
        #expect(junk.stderr.contains("is not a cloudfirst baseline: expected \"cloudfirst_baseline\": 1"))
        let missing = try Binary.cloudfirst(["assess", estate, "--baseline", "/nonexistent/baseline.json"] + Self.asOf)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read the baseline '/nonexistent/baseline.json': no such file"))
    }

    static func firstSite(_ text: String) throws -> String {
        let match = try #require(text.firstMatch(of: /\n  - \{? ?id: ([a-z0-9-]+)/))
        return String(match.1)
    }

    @Test func thresholdsPerServiceAndOnWarnings() throws {
        let perService = try Binary.cloudfirst(["assess", Self.sample, "--fail-under", "60", "--per-service"] + Self.asOf)
        #expect(perService.status == 1)
        #expect(perService.stderr.contains("3 services score below 60: 'rmh-mha' (45), 'rmh-intranet' (54), "
            + "'rmh-pharmacy' (40)"))
        let warnings = try Binary.cloudfirst(["validate", "Tests/CloudFirstCoreTests/Fixtures/Validation/warnings-only.yaml",
                                              "--fail-on", "warning"])
        #expect(warnings.status == 1)
        #expect(warnings.stderr.contains("policy failed: "))
        let lenient = try Binary.cloudfirst(["validate", "Tests/CloudFirstCoreTests/Fixtures/Validation/warnings-only.yaml"])
        #expect(lenient.status == 0)
        let wrong = try Binary.cloudfirst(["assess", "--per-service"])
        #expect(wrong.status == 2)
    }

    @Test func diffBetweenFilesAndGitRevisions() throws {
        let scratch = try Scratch()
        let text = try String(contentsOf: Binary.root.appendingPathComponent(Self.sample), encoding: .utf8)
        try scratch.write("inventory/estate.yaml", text)
        func git(_ arguments: [String]) throws {
            let run = try Binary.run("/usr/bin/env", ["git", "-c", "user.name=Test", "-c", "user.email=test@example.nhs.uk"]
                + arguments, directory: scratch.url)
            #expect(run.status == 0, "\(run.stderr)")
        }
        try git(["init", "-q"])
        try git(["add", "."])
        try git(["commit", "-q", "-m", "estate"])
        // The change: servers on Windows Server 2019 are written back to 2008 R2, past support (new blockers).
        // A DPIA removed would be a new gate, process work rather than a readiness regression.
        let worse = text.replacingOccurrences(of: "os: Microsoft Windows Server 2019", with: "os: Windows Server 2008 R2")
        #expect(worse != text)
        try scratch.write("inventory/estate.yaml", worse)
        let run = try Binary.cloudfirst(["diff", "HEAD:inventory/", "inventory/", "--fail-on-regression", "--format",
                                         "markdown"] + Self.asOf,
                                        directory: scratch.url)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("## cloudfirst: what this change does to cloud readiness"))
        #expect(run.stdout.contains("`os-past-support`"))
        #expect(run.stderr.contains("the change makes cloud readiness worse"))
        let json = try Binary.cloudfirst(["diff", "HEAD:inventory/", "inventory/", "--format", "json"] + Self.asOf,
                                         directory: scratch.url)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(root["regression"] as? Bool == true)
        let same = try Binary.cloudfirst(["diff", "HEAD:inventory/estate.yaml", "HEAD:inventory/", "--fail-on-regression"]
            + Self.asOf, directory: scratch.url)
        #expect(same.status == 0)
        #expect(same.stdout.contains("No service's score, readiness, strategy or findings changed."))
        // From inside the inventory folder, "./" is where git show would start: the current folder.
        let inside = try Binary.cloudfirst(["diff", "HEAD:./", "./", "--format", "json"] + Self.asOf,
                                           directory: scratch.url.appendingPathComponent("inventory"))
        #expect(inside.status == 0, "\(inside.stderr)")
        let insideRoot = try #require(try JSONSerialization.jsonObject(with: Data(inside.stdout.utf8)) as? [String: Any])
        #expect(insideRoot["regression"] as? Bool == true)
        let bad = try Binary.cloudfirst(["diff", "nosuchrev:inventory/", "inventory/"] + Self.asOf, directory: scratch.url)
        #expect(bad.status == 2)
        #expect(bad.stderr == "cloudfirst: 'nosuchrev' is not a git revision in this repository (from 'nosuchrev:inventory/')\n")
    }
}
