import Foundation
import Testing

/// `cloudfirst assess` and `cloudfirst rules` as a trust or a pipeline runs them. The as-of date is fixed so the
/// goldens do not change with the calendar.
@Suite struct AssessCommandTests {
    static let asOf = ["--as-of", "2026-11-25"]

    /// Every output format on the embedded sample estate, pinned. Re-record with CLOUDFIRST_RECORD=1 and review.
    @Test(arguments: [
        (["--format", "table"], "assess-sample.txt"),
        (["--format", "json"], "assess-sample.json"),
        (["--format", "csv"], "assess-sample.csv"),
        (["--format", "csv", "--findings"], "assess-sample-findings.csv"),
        (["--format", "markdown"], "assess-sample.md"),
    ])
    func formatsArePinned(_ arguments: [String], _ golden: String) throws {
        let run = try Binary.cloudfirst(["assess"] + Self.asOf + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "cloudfirst: no path given; using the embedded sample estate "
            + "(Inventories/northshire-acute.yaml)\n")
        Golden.check(run.stdout, golden)
    }

    /// The CI formats, pinned on a small estate (the sample's would be hundreds of kilobytes): one blocker on a
    /// database server. exit 1 for JUnit, whose --fail-on high the blocker fails.
    @Test(arguments: [
        (["--format", "sarif"], "assess-small.sarif", Int32(0)),
        (["--format", "junit", "--fail-on", "high"], "assess-small.junit.xml", Int32(1)),
        (["--format", "github"], "assess-small.github.txt", Int32(0)),
    ])
    func ciFormatsArePinned(_ arguments: [String], _ golden: String, _ status: Int32) throws {
        let run = try Binary.cloudfirst(["assess", "Tests/EndToEndTests/Fixtures/diff/after.yaml"] + Self.asOf
            + arguments)
        #expect(run.status == status, "\(run.stderr)")
        Golden.check(run.stdout, golden)
    }

    /// The JSON contract of the assessment issue: these fields, with these types.
    @Test func jsonKeepsTheContract() throws {
        let run = try Binary.cloudfirst(["assess", "Inventories/riverside-mental-health.yaml", "--format", "json"]
            + Self.asOf)
        #expect(run.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        // The organisation and the day are the envelope's, as in every command's JSON (JSONEnvelopeTests).
        #expect((root["organisations"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            == ["Riverside Mental Health and Learning Disabilities NHS Trust"])
        #expect(root["as_of"] as? String == "2026-11-25")
        let estate = try #require(root["estate"] as? [String: Any])
        let services = try #require(root["services"] as? [[String: Any]])
        #expect(estate["services"] as? Int == services.count)
        #expect(estate["servers"] is Int)
        #expect((estate["score"] as? Int).map { (0...100).contains($0) } == true)
        let readiness = try #require(estate["readiness"] as? [String: Int])
        #expect(Set(readiness.keys) == ["ready", "conditional", "not_ready", "unknown", "retained", "retired"])
        #expect(readiness.values.reduce(0, +) == services.count)
        let strategies = try #require(estate["strategies"] as? [String: Int])
        #expect(Set(strategies.keys) == ["retire", "retain", "rehost", "relocate", "repurchase", "replatform",
                                         "refactor"])
        for service in services {
            for key in ["id", "name", "kind", "kind_inferred", "score", "readiness", "confidence", "strategy",
                        "strategy_reasons", "held", "findings", "gates"] {
                #expect(service[key] != nil, "service lacks \(key)")
            }
            for finding in service["findings"] as? [[String: Any]] ?? [] {
                let location = try #require(finding["location"] as? [String: Any])
                #expect(location["file"] as? String == "Inventories/riverside-mental-health.yaml")
                #expect((location["line"] as? Int ?? 0) >= 1)
                #expect((location["column"] as? Int ?? 0) >= 1)
                #expect((finding["subject"] as? String)?.range(of: #"^(service|server):"#,
                                                               options: .regularExpression) != nil)
            }
        }
    }

    /// A finding's location is the field that caused it: for a server's operating system, its `os:` key.
    @Test func findingsPointAtTheFieldThatCausedThem() throws {
        let scratch = try Scratch()
        let path = try scratch.write("estate.yaml", """
            cloudfirst: 1
            organisation: { name: Pointing Trust }
            sites: [{ id: dc1, name: DC }]
            servers:
              - id: old
                site: dc1
                os: Windows Server 2008 R2
            services:
              - { id: a, name: A, servers: [old] }
            """)
        let run = try Binary.cloudfirst(["assess", path, "--format", "csv", "--findings"] + Self.asOf)
        let row = try #require(run.stdout.split(separator: "\r\n").first { $0.contains(",os-past-support,") })
        #expect(row.contains(",\(path),7,5,"), "\(row)")
    }

    @Test func policyThresholdsExitOne() throws {
        let pass = try Binary.cloudfirst(["assess", "--fail-under", "10"] + Self.asOf)
        #expect(pass.status == 0)
        let fail = try Binary.cloudfirst(["assess", "--fail-on", "blocker", "--format", "json"] + Self.asOf)
        #expect(fail.status == 1)
        #expect(fail.stderr.contains("cloudfirst: policy failed: "))
        #expect(fail.stderr.contains(" at or above blocker on "))
        #expect(try JSONSerialization.jsonObject(with: Data(fail.stdout.utf8)) is [String: Any])
    }

    /// `.cloudfirst.yml` beside the inventory is read without being named, and its thresholds apply.
    @Test func policyFileBesideTheInventoryIsRead() throws {
        let scratch = try Scratch()
        let sample = try String(contentsOf: Binary.root.appendingPathComponent("Inventories/northshire-acute.yaml"),
                                encoding: .utf8)
        try scratch.write("estate/trust.yaml", sample)
        try scratch.write("estate/.cloudfirst.yml", "cloudfirst: 1\nrules: { disable: [os-past-support] }\n"
            + "thresholds: { fail_under: 99 }\n")
        let folder = scratch.url.appendingPathComponent("estate").path
        let run = try Binary.cloudfirst(["assess", folder, "--format", "csv", "--findings"] + Self.asOf)
        #expect(run.status == 1)
        #expect(!run.stdout.contains(",os-past-support,"))
        #expect(run.stderr.contains("policy failed: the estate's score"))
    }

    @Test func aBadPolicyFileExitsTwoWithItsPosition() throws {
        let scratch = try Scratch()
        let config = try scratch.write("policy.yml", "cloudfirst: 1\nrules:\n  disable: [os-past-suport]\n")
        let run = try Binary.cloudfirst(["assess", "--config", config] + Self.asOf)
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(config):3:13: error: no rule has the id 'os-past-suport'; 'cloudfirst rules' "
            + "lists them; did you mean 'os-past-support'? [unknown-rule]"))
        #expect(run.stdout.isEmpty)
    }

    @Test func anInvalidInventoryIsNotAssessed() throws {
        let run = try Binary.cloudfirst(["assess", "Tests/CloudFirstCoreTests/Fixtures/Validation/out-of-range.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("out-of-range.yaml:"))
        #expect(run.stderr.contains("invalid: "))
        #expect(run.stdout.isEmpty)
    }

    @Test(arguments: [["assess", "--as-of", "2026-02-30"], ["assess", "--as-of", "tomorrow"],
                      ["assess", "--fail-on", "critical"], ["assess", "--fail-under", "101"],
                      ["assess", "--findings"], ["rules", "explain", "os-past-suport"]])
    func wrongCommandLinesExitTwo(_ arguments: [String]) throws {
        let run = try Binary.cloudfirst(arguments)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(run.stderr.hasPrefix("Error: "), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func unknownRuleSuggestsTheClosest() throws {
        let run = try Binary.cloudfirst(["rules", "explain", "os-past-suport"])
        #expect(run.stderr.contains("unknown rule 'os-past-suport'; did you mean 'os-past-support'?"))
    }

    @Test func rulesListAndExplanationArePinned() throws {
        let list = try Binary.cloudfirst(["rules"])
        #expect(list.status == 0)
        Golden.check(list.stdout, "rules.txt")
        let explain = try Binary.cloudfirst(["rules", "explain", "os-past-support"])
        #expect(explain.status == 0)
        Golden.check(explain.stdout, "rules-explain-os-past-support.txt")
        // docs/rules.md is `cloudfirst rules --format markdown`, recorded by the same switch as the goldens.
        let markdown = try Binary.cloudfirst(["rules", "--format", "markdown"])
        #expect(markdown.status == 0)
        Golden.check(markdown.stdout, repositoryFile: "docs/rules.md")
    }

    /// How a verdict is made can be asked for by name, as a rule can.
    @Test func rulesExplainTheVerdicts() throws {
        let confidence = try Binary.cloudfirst(["rules", "explain", "confidence"])
        #expect(confidence.status == 0)
        #expect(confidence.stdout.hasPrefix("confidence: how cloudfirst decides\n"))
        #expect(confidence.stdout.contains("0.5 when days_sampled is not given"))
        let strategy = try Binary.cloudfirst(["rules", "explain", "strategy"])
        #expect(strategy.stdout.contains("5. repurchase: an application the supplier offers as SaaS"))
        for topic in ["score", "gates", "readiness", "estate-score", "kind"] {
            #expect(try Binary.cloudfirst(["rules", "explain", topic]).status == 0, "\(topic)")
        }
        let typo = try Binary.cloudfirst(["rules", "explain", "confidance"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean 'confidence'?"))
    }

    @Test func rulesShowThePolicyInForce() throws {
        let scratch = try Scratch()
        let config = try scratch.write("policy.yml", """
            cloudfirst: 1
            rules: { disable: [owner-missing], severity: { hscn-connectivity: low } }
            """)
        let run = try Binary.cloudfirst(["rules", "--config", config, "--format", "json"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let rules = try #require(root["rules"] as? [[String: Any]])
        let owner = try #require(rules.first { $0["id"] as? String == "owner-missing" })
        #expect(owner["enabled"] as? Bool == false)
        let hscn = try #require(rules.first { $0["id"] as? String == "hscn-connectivity" })
        #expect(hscn["severity"] as? String == "low")
        #expect(hscn["default_severity"] as? String == "medium")
    }

    /// A baseline that cannot be written is an I/O failure: exit code 3, a message naming the path and why, no
    /// report printed before it, and no crash trace.
    @Test func anUnwritableBaselineExitsThree() throws {
        let scratch = try Scratch()
        let file = try scratch.write("not-a-folder", "x")
        let underAFile = "\(file)/baseline.json"
        let run = try Binary.cloudfirst(["assess", "Inventories/riverside-mental-health.yaml",
                                         "--write-baseline", underAFile])
        #expect(run.status == 3)
        #expect(run.stdout.isEmpty, "\(run.stdout)")
        #expect(run.stderr == "cloudfirst: cannot write the baseline '\(underAFile)': '\(file)' is not a folder\n")
        let missing = scratch.url.appendingPathComponent("no-such-folder/baseline.json").path
        let absent = try Binary.cloudfirst(["assess", "Inventories/riverside-mental-health.yaml",
                                            "--write-baseline", missing])
        #expect(absent.status == 3)
        #expect(absent.stdout.isEmpty)
        #expect(absent.stderr.hasSuffix("cannot write the baseline '\(missing)': the folder '"
            + "\(scratch.url.appendingPathComponent("no-such-folder").path)' does not exist\n"))
        let folder = try Binary.cloudfirst(["assess", "Inventories/riverside-mental-health.yaml",
                                            "--write-baseline", scratch.url.path])
        #expect(folder.status == 3)
        #expect(folder.stderr == "cloudfirst: cannot write the baseline '\(scratch.url.path)': it is a folder\n")
        // A file in a folder that takes no new files: the system's own reason, not Foundation's "doesn't exist".
        if FileManager.default.fileExists(atPath: "/proc/version") {
            let proc = try Binary.cloudfirst(["assess", "Inventories/riverside-mental-health.yaml",
                                              "--write-baseline", "/proc/version"])
            #expect(proc.status == 3)
            #expect(proc.stderr.hasPrefix("cloudfirst: cannot write the baseline '/proc/version': "), "\(proc.stderr)")
            #expect(!proc.stderr.contains("doesn't exist"), "\(proc.stderr)")
        }
    }
}
