import Foundation
import Testing

/// `cloudfirst explain SERVICE` and the filters of `cloudfirst assess`, run as a person or a pipeline would.
@Suite struct ExplainAndFilterTests {
    static let asOf = ["--as-of", "2026-11-25"]

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let run = try Binary.cloudfirst(arguments + asOf)
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    static func services(_ arguments: [String]) throws -> [[String: Any]] {
        try #require(try json(["assess", "--format", "json"] + arguments)["services"] as? [[String: Any]])
    }

    /// One service in detail, pinned: an owner's choice held by a blocker, a retained service, and the JSON.
    @Test(arguments: [
        (["nsh-epr"], "explain-nsh-epr.txt"),
        (["nsh-pacs"], "explain-nsh-pacs.txt"),
        (["nsh-coding"], "explain-nsh-coding.txt"),
        (["evi-ccg-archive", "Inventories/eastvale-ics-shared.yaml"], "explain-evi-ccg-archive.txt"),
        (["nsh-epr", "--format", "json"], "explain-nsh-epr.json"),
    ])
    func explainIsPinned(_ arguments: [String], _ golden: String) throws {
        let run = try Binary.cloudfirst(["explain"] + arguments + Self.asOf)
        #expect(run.status == 0, "\(run.stderr)")
        Golden.check(run.stdout, golden)
    }

    /// A service on thin evidence is told what would raise its confidence, and how far each lever goes; a finding
    /// it accepted by exception is listed with the reason and costs nothing.
    @Test func thinEvidenceIsPinned() throws {
        let scratch = try Scratch()
        try scratch.write("estate.yaml", """
            cloudfirst: 1
            organisation: { name: Thin Evidence Trust }
            sites: [{ id: dc1, name: DC }]
            servers:
              - { id: s1, site: dc1, os: Windows Server 2022, utilisation: { cpu_p95: 30, memory_p95: 40, days_sampled: 5 } }
              - id: s2
                site: dc1
                os: Windows Server 2022
                role: application
                environment: production
                cpu_cores: 2
                memory_gb: 8
                storage_gb: 100
                architecture: x86_64
                firmware: uefi
            services:
              - id: thin
                name: Thin
                servers: [s1, s2]
                exceptions:
                  - { rule: owner-missing, reason: "The service desk owns it until the restructure", until: 2027-12-31 }
            """)
        let run = try Binary.cloudfirst(["explain", "thin", "estate.yaml"] + Self.asOf, directory: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        Golden.check(run.stdout, "explain-thin-evidence.txt")
    }

    /// Every service: explain's score, readiness, confidence, strategy and findings are assess's, and its working
    /// ends on its score.
    @Test func explainAgreesWithAssessForEveryService() throws {
        let services = try Self.services([])
        #expect(services.count > 20)
        for service in services {
            let id = try #require(service["id"] as? String)
            let explained = try Self.json(["explain", id, "--format", "json"])
            let score = try #require(explained["score"] as? [String: Any])
            #expect(score["value"] as? Int == service["score"] as? Int, "\(id)")
            #expect(score["result"] as? Int == service["score"] as? Int, "\(id)")
            let unrounded = try #require(score["unrounded"] as? Double)
            #expect(Int(unrounded.rounded()) == service["score"] as? Int, "\(id)")
            let readiness = try #require(explained["readiness"] as? [String: Any])
            #expect(readiness["value"] as? String == service["readiness"] as? String, "\(id)")
            let confidence = try #require(explained["confidence"] as? [String: Any])
            #expect(confidence["value"] as? Int == service["confidence"] as? Int, "\(id)")
            let strategy = try #require(explained["strategy"] as? [String: Any])
            #expect(strategy["in_force"] as? String == service["strategy"] as? String, "\(id)")
            #expect(strategy["recommended"] as? String == service["recommended_strategy"] as? String, "\(id)")
            #expect((explained["findings"] as? [Any])?.count == (service["findings"] as? [Any])?.count, "\(id)")
            #expect((explained["gates"] as? [Any])?.count == (service["gates"] as? [Any])?.count, "\(id)")
        }
    }

    @Test func anUnknownServiceNamesTheNearestAndExitsTwo() throws {
        let run = try Binary.cloudfirst(["explain", "nsh-ep"] + Self.asOf)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("no service 'nsh-ep' in the estate; did you mean '"), "\(run.stderr)")
        #expect(run.stderr.contains("'cloudfirst assess' lists the services"), "\(run.stderr)")
        let server = try Binary.cloudfirst(["explain", "nsh-epr-db01"] + Self.asOf)
        #expect(server.status == 2)
        #expect(server.stderr.contains("'nsh-epr-db01' is a server, of 'nsh-epr'"), "\(server.stderr)")
    }

    @Test(arguments: [["explain"], ["explain", "Inventories/northshire-acute.yaml"], ["explain", "nsh-epr", "--format", "xml"]])
    func aWrongCommandLineExitsTwo(_ arguments: [String]) throws {
        let run = try Binary.cloudfirst(arguments)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("Error:"), "\(run.stderr)")
        #expect(!run.stderr.contains("Fatal error"))
    }

    @Test func explainReadsTheNamedInventory() throws {
        let run = try Binary.cloudfirst(["explain", "rmh-epr", "Inventories/riverside-mental-health.yaml"] + Self.asOf)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("rmh-epr: "))
        #expect(run.stdout.contains("defined at Inventories/riverside-mental-health.yaml:"))
        #expect(!run.stderr.contains("embedded sample"))
    }

    /// Each filter keeps exactly the services that match, as many as the unfiltered estate has.
    @Test(arguments: [
        (["--readiness", "not-ready"], "readiness", ["not-ready"]),
        (["--readiness", "conditional,not-ready"], "readiness", ["conditional", "not-ready"]),
        (["--criticality", "patient-critical", "--criticality", "administrative"], "criticality",
         ["patient-critical", "administrative"]),
        (["--strategy", "retain,retire"], "strategy", ["retain", "retire"]),
    ])
    func filtersKeepWhatMatches(_ arguments: [String], _ key: String, _ values: [String]) throws {
        let all = try Self.services([])
        let expected = all.filter { values.contains($0[key] as? String ?? "") }.compactMap { $0["id"] as? String }
        #expect(!expected.isEmpty && expected.count < all.count)
        let root = try Self.json(["assess", "--format", "json"] + arguments)
        let shown = try #require(root["services"] as? [[String: Any]])
        #expect(shown.allSatisfy { values.contains($0[key] as? String ?? "") })
        #expect(shown.compactMap { $0["id"] as? String } == expected)
        let view = try #require(root["view"] as? [String: Any])
        #expect(view["services_shown"] as? Int == expected.count)
        // The summary is still the whole estate's.
        let estate = try #require(root["estate"] as? [String: Any])
        #expect(estate["services"] as? Int == all.count)
        if key == "readiness" {
            let counts = try #require(estate["readiness"] as? [String: Int])
            // Counts are keyed by the readiness in the one key convention: 'not-ready' is 'not_ready'.
            #expect(values.reduce(0) { $0 + (counts[$1.replacingOccurrences(of: "-", with: "_")] ?? 0) }
                == shown.count)
        }
    }

    /// The same services in every format.
    @Test func everyFormatListsTheSameServices() throws {
        let filter = ["--readiness", "not-ready", "--sort-by", "score"]
        let ids = try Self.services(filter).compactMap { $0["id"] as? String }
        #expect(ids.count > 1)
        let table = try Binary.cloudfirst(["assess"] + filter + Self.asOf)
        let rows = table.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(3).prefix { !$0.isEmpty }
            .map { String($0.split(separator: " ")[0]) }
        #expect(rows == ids)
        #expect(table.stdout.contains("\(ids.count) of 33 services shown (readiness not-ready); the summary counts the whole estate"))
        let csv = try Binary.cloudfirst(["assess", "--format", "csv"] + filter + Self.asOf)
        #expect(csv.stderr.contains("cloudfirst: \(ids.count) of 33 services shown (readiness not-ready)"))
        #expect(csv.stdout.split(separator: "\r\n").dropFirst().map { String($0.split(separator: ",")[0]) } == ids)
        let markdown = try Binary.cloudfirst(["assess", "--format", "markdown"] + filter + Self.asOf)
        let sections = markdown.stdout.split(separator: "\n").filter { $0.hasPrefix("### ") }
            .compactMap { $0.split(separator: "`").dropFirst().first.map(String.init) }
        #expect(sections == ids)
        let junit = try Binary.cloudfirst(["assess", "--format", "junit"] + filter + Self.asOf)
        let suites = junit.stdout.split(separator: "\n").filter { $0.contains("<testsuite ") }
            .compactMap { $0.split(separator: "\"").dropFirst().first.map(String.init) }
        #expect(suites == ids)
        let sarif = try Binary.cloudfirst(["assess", "--format", "sarif"] + filter + Self.asOf)
        let github = try Binary.cloudfirst(["assess", "--format", "github"] + filter + Self.asOf)
        for other in ["nsh-tie", "nsh-pacs", "nsh-ad"] where !ids.contains(other) {
            #expect(!sarif.stdout.contains("service:\(other):"), "\(other)")
            #expect(!github.stdout.contains("service:\(other):"), "\(other)")
        }
    }

    /// --severity leaves out the findings below it, and only those; scores stay as assessed.
    @Test func severityHidesFindingsBelowIt() throws {
        func rows(_ arguments: [String]) throws -> [[String]] {
            let run = try Binary.cloudfirst(["assess", "--format", "csv", "--findings"] + arguments + Self.asOf)
            #expect(run.status == 0)
            return run.stdout.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        }
        let all = try rows([])
        let high = try rows(["--severity", "high"])
        #expect(!high.isEmpty && high.count < all.count)
        #expect(high.allSatisfy { ["blocker", "high"].contains($0[3]) })
        #expect(high.count == all.filter { ["blocker", "high"].contains($0[3]) }.count)
        let unfiltered = try Self.services([])
        let filtered = try Self.services(["--severity", "blocker"])
        #expect(filtered.map { $0["score"] as? Int } == unfiltered.map { $0["score"] as? Int })
        #expect(filtered.allSatisfy { (($0["findings"] as? [[String: Any]]) ?? []).allSatisfy { $0["severity"] as? String == "blocker" } })
    }

    @Test(arguments: ["score", "criticality", "id", "name", "readiness", "inventory"])
    func sortByOrdersTheServices(_ order: String) throws {
        let all = try Self.services([])
        let sorted = try Self.services(["--sort-by", order])
        #expect(Set(sorted.compactMap { $0["id"] as? String }) == Set(all.compactMap { $0["id"] as? String }))
        #expect(sorted.count == all.count)
        let inventory = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1["id"] as! String, $0) })
        let ranks = ["patient-critical", "business-critical", "business-operational", "administrative"]
        let readiness = ["not-ready", "conditional", "unknown", "ready", "retained", "retired"]
        func key(_ service: [String: Any]) -> [String] {
            let position = String(format: "%05d", inventory[service["id"] as! String]!)
            let score = String(format: "%03d", service["score"] as! Int)
            switch order {
            case "score": return [score, position]
            case "criticality":
                return [String(ranks.firstIndex(of: service["criticality"] as? String ?? "") ?? 9), position]
            case "id": return [service["id"] as! String]
            case "name": return [service["name"] as! String, position]
            case "readiness":
                return [String(readiness.firstIndex(of: service["readiness"] as! String)!), score,
                        service["id"] as! String]
            default: return [position]
            }
        }
        let keys = sorted.map(key)
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) || $0 == $1 })
        if order != "inventory" { #expect(sorted.map { $0["id"] as? String } != all.map { $0["id"] as? String }) }
    }

    /// A filter changes what is shown, never what is judged.
    @Test func thresholdsJudgeTheWholeEstate() throws {
        let whole = try Binary.cloudfirst(["assess", "--fail-on", "blocker"] + Self.asOf)
        #expect(whole.status == 1)
        let filtered = try Binary.cloudfirst(["assess", "--fail-on", "blocker", "--readiness", "ready",
                                              "--severity", "info"] + Self.asOf)
        #expect(filtered.status == 1)
        let failure = whole.stderr.split(separator: "\n").first { $0.contains("policy failed") }
        #expect(failure != nil && filtered.stderr.contains(failure!))
        #expect(filtered.stderr.contains("the policy judges the whole estate, not only what the filters show"))
        let score = try Binary.cloudfirst(["assess", "--fail-under", "90", "--strategy", "retire"] + Self.asOf)
        #expect(score.status == 1)
    }

    @Test(arguments: [
        (["--readiness", "notready"], "--readiness must be one of 'ready', 'conditional', 'not-ready', 'unknown', 'retained', 'retired', found 'notready'; did you mean 'not-ready'?"),
        (["--severity", "critical"], "--severity must be one of 'blocker', 'high', 'medium', 'low', 'info', found 'critical'"),
        (["--criticality", "patient-critical,"], "--criticality must be one of"),
        (["--severity", "high,low"], "--severity must be one of 'blocker', 'high', 'medium', 'low', 'info', found 'high,low'"),
        (["--strategy", "lift-and-shift"], "--strategy must be one of 'retire', 'retain', 'rehost', 'relocate', 'repurchase', 'replatform', 'refactor'"),
        (["--sort-by", "size"], "--sort-by must be one of 'inventory', 'id', 'name', 'score', 'criticality', 'readiness', found 'size'"),
    ])
    func badFilterValuesExitTwo(_ arguments: [String], _ message: String) throws {
        let run = try Binary.cloudfirst(["assess"] + arguments)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }
}
