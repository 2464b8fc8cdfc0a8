import Foundation
import Testing

/// `cloudfirst plan` as an architect runs it. The as-of date is fixed so the goldens hold.
@Suite struct PlanCommandTests {
    static let asOf = ["--as-of", "2026-11-25"]

    @Test(arguments: [
        ([], "plan-sample.txt"),
        (["--format", "table"], "plan-sample.txt"),
        (["--format", "markdown"], "plan-sample.md"),
        (["--format", "json"], "plan-sample.json"),
        (["--format", "csv"], "plan-sample.csv"),
        (["--format", "csv", "--csv-for", "jira"], "plan-sample.csv"),
        (["--format", "csv", "--csv-for", "azure-devops"], "plan-sample-azure-devops.csv"),
        (["--format", "mermaid"], "plan-sample-mermaid.md"),
        (["--format", "dot"], "plan-sample.dot"),
    ])
    func formatsArePinned(_ arguments: [String], _ golden: String) throws {
        let run = try Binary.cloudfirst(["plan"] + Self.asOf + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        Golden.check(run.stdout, golden)
    }

    /// RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks.
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.unicodeScalars.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field); field = ""
            } else if character == "\r" || character == "\n" {
                if character == "\r", characters.first == "\n" { characters.removeFirst() }
                row.append(field); rows.append(row); row = []; field = ""
            } else {
                field.unicodeScalars.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// The work items each tracker imports: an epic per wave before its services, every service under the epic of
    /// its wave, as the plan's JSON places them; the columns each importer reads (README lists them).
    @Test func trackerCSVsMatchThePlan() throws {
        let json = try Binary.cloudfirst(["plan", "--format", "json"] + Self.asOf)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let waves = try #require(root["waves"] as? [[String: Any]])
        let expected = waves.flatMap { wave in
            ["wave \(wave["number"] as? Int ?? -1)"] + (wave["services"] as? [String] ?? []).map { "service \($0)" }
        }
        #expect(expected.count > waves.count)

        let jira = Self.csvRows(try Binary.cloudfirst(["plan", "--format", "csv", "--csv-for", "jira"] + Self.asOf).stdout)
        let header = try #require(jira.first)
        #expect(Array(header.prefix(7)) == ["Issue ID", "Parent", "Issue Type", "Summary", "Description", "Start date",
                                            "Due date"])
        #expect(header.dropFirst(7).allSatisfy { $0 == "Labels" } && header.count > 7)
        #expect(jira.allSatisfy { $0.count == header.count }, "ragged CSV")
        var epic = "", epics = Set<String>(), seen: [String] = []
        for row in jira.dropFirst() {
            #expect(row.dropFirst(7).allSatisfy { !$0.contains(" ") }, "a label with a space: \(row)")
            if row[2] == "Epic" {
                #expect(row[1].isEmpty)
                epic = row[0]
                epics.insert(row[0])
                let number = row[3].firstMatch(of: /^Wave (\d+)/).map { String($0.1) } ?? "?"
                seen.append("wave \(number)")
            } else {
                #expect(row[2] == "Task")
                #expect(row[1] == epic && epics.contains(row[1]), "a task not under its wave's epic: \(row)")
                seen.append("service " + (row[3].firstMatch(of: /\(([^()]+)\): [a-z]+$/).map { String($0.1) } ?? "?"))
            }
        }
        #expect(Set(jira.dropFirst().map { $0[0] }).count == jira.count - 1, "issue ids repeat")
        #expect(jira.dropFirst().allSatisfy { row in
            row[5...6].allSatisfy { $0.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil }
        })
        #expect(seen == expected)

        let azure = Self.csvRows(try Binary.cloudfirst(["plan", "--format", "csv", "--csv-for", "azure-devops"]
            + Self.asOf).stdout)
        #expect(azure.first == ["Work Item Type", "Title 1", "Title 2", "Description", "Tags", "Start Date",
                                "Target Date"])
        #expect(azure.allSatisfy { $0.count == 7 }, "ragged CSV")
        let items = azure.dropFirst()
        #expect(items.first?[0] == "Epic")
        #expect(items.allSatisfy { ($0[0] == "Epic") == (!$0[1].isEmpty && $0[2].isEmpty) })
        #expect(items.allSatisfy { $0[0] == "Epic" || ($0[0] == "Feature" && $0[1].isEmpty && !$0[2].isEmpty) })
        // The same items in the same order as Jira's, titles and dates alike.
        #expect(items.map { $0[1] + $0[2] } == jira.dropFirst().map { $0[3] })
        #expect(items.map { $0[5] + $0[6] } == jira.dropFirst().map { $0[5] + $0[6] })
        #expect(items.allSatisfy { !$0[3].contains("<") })
    }

    /// The commitment and Azure Hybrid Benefit options reach the figures, on the command line and in the
    /// inventory's assumptions alike; a term the clouds do not sell is refused with exit code 2.
    @Test func commitmentAndHybridBenefitChangeTheFigures() throws {
        func monthly(_ extra: [String]) throws -> [String: Double] {
            let run = try Binary.cloudfirst(["plan", "--format", "json"] + Self.asOf + extra)
            #expect(run.status == 0, "\(run.stderr)")
            let root = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let costs = try #require(root["costs"] as? [String: [String: Any]])
            return try ["azure", "aws", "gcp"].reduce(into: [:]) { result, cloud in
                result[cloud] = try #require(costs[cloud]?["monthly_gbp"] as? Double)
            }
        }
        let base = try monthly([]), threeYear = try monthly(["--commitment", "3y"])
        let hybrid = try monthly(["--azure-hybrid-benefit"])
        for cloud in ["azure", "aws", "gcp"] { #expect(threeYear[cloud]! < base[cloud]!, "\(cloud)") }
        #expect(hybrid["azure"]! < base["azure"]! && hybrid["aws"] == base["aws"] && hybrid["gcp"] == base["gcp"])
        let refused = try Binary.cloudfirst(["plan", "--commitment", "2y"] + Self.asOf)
        #expect(refused.status == 2 && refused.stderr.contains("none, 1y or 3y"))
    }

    /// The JSON contract of the planning issue.
    @Test func jsonKeepsTheContract() throws {
        let run = try Binary.cloudfirst(["plan", "Inventories/eastvale-ics-shared.yaml", "--format", "json"] + Self.asOf)
        #expect(run.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let waves = try #require(root["waves"] as? [[String: Any]])
        let zero = try #require(waves.first)
        #expect(zero["number"] as? Int == 0)
        #expect(zero["name"] as? String == "Landing zone")
        // The landing zone carries the foundation: Eastvale's identity and backup services.
        #expect((zero["services"] as? [String]).map(Set.init) == ["evi-idam", "evi-backup"])
        for wave in waves {
            for key in ["number", "name", "start", "end", "pessimistic_start", "pessimistic_end", "services", "risks"] {
                #expect(wave[key] != nil, "\(key)")
            }
            #expect((wave["start"] as? String)?.count == 10)
            #expect((wave["pessimistic_end"] as? String ?? "") >= (wave["end"] as? String ?? "~"))
        }
        #expect(root["held"] is [[String: Any]])
        #expect(waves.dropFirst().allSatisfy { $0["move_groups"] is [[String]] })
        #expect(root["retained"] is [String])
        #expect(root["retired"] is [String])
        let sizing = try #require(root["sizing"] as? [[String: Any]])
        let first = try #require(sizing.first)
        #expect(first["server"] is String)
        for cloud in ["azure", "aws", "gcp"] {
            let entry = try #require(first[cloud] as? [String: Any])
            #expect(entry["sku"] is String)
            #expect((entry["monthly_gbp"] as? Double ?? -1) > 0)
        }
        let costs = try #require(root["costs"] as? [String: [String: Any]])
        for key in ["azure", "aws", "gcp", "on_premises"] {
            let monthly = try #require(costs[key]?["monthly_gbp"] as? Double)
            let fiveYear = try #require(costs[key]?["five_year_gbp"] as? Double)
            #expect(monthly > 0)
            if key == "on_premises" {
                #expect(abs(fiveYear - monthly * 60) < 1)
            } else {
                // Ramped: each wave paid for from its cut-over, so less than sixty full months; the range runs from
                // pay as you go (the figure priced) down to three-year rates.
                #expect(fiveYear < monthly * 60 && fiveYear > monthly * 12)
                let payAsYouGo = try #require(costs[key]?["pay_as_you_go_monthly_gbp"] as? Double)
                let threeYear = try #require(costs[key]?["three_year_commitment_monthly_gbp"] as? Double)
                #expect(abs(payAsYouGo - monthly) < 0.01 && threeYear < payAsYouGo)
                let licences = try #require(costs[key]?["database_licences"] as? [[String: Any]])
                #expect(licences.allSatisfy { $0["unit"] is String && $0["count"] is Int })
            }
        }
        #expect(root["cost_coverage"] as? String ?? "" != "")
        #expect(root["assumptions"] is [String: Any])
    }

    @Test func flagsOverrideTheAssumptions() throws {
        let run = try Binary.cloudfirst(["plan", "--format", "json", "--max-services-per-wave", "2",
                                         "--team-size", "2", "--start-date", "2027-06-07"] + Self.asOf)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(root["start_date"] as? String == "2027-06-07")
        let waves = try #require(root["waves"] as? [[String: Any]])
        #expect(waves.count > 10)
        let assumptions = try #require(root["assumptions"] as? [String: Any])
        #expect(assumptions["max_services_per_wave"] as? Int == 2)
    }

    @Test func freezeWindowsThatCoverTheYearAreRefused() throws {
        let scratch = try Scratch()
        let path = try scratch.write("estate.yaml", """
            cloudfirst: 1
            organisation: { name: Frozen Trust }
            assumptions:
              freeze_windows: [{ from: 01-01, to: 12-31, applies_to: patient-critical }]
            sites: [{ id: dc1, name: DC }]
            servers: [{ id: s1, site: dc1 }]
            services: [{ id: a, name: A, servers: [s1], criticality: patient-critical }]
            """)
        let run = try Binary.cloudfirst(["plan", path] + Self.asOf)
        #expect(run.status == 2)
        #expect(run.stderr.contains("cloudfirst: the freeze windows cover every day of the year for patient-critical "
            + "services: no wave that moves one could start"))
    }

    @Test(arguments: [["plan", "--start-date", "2027-02-30"], ["plan", "--team-size", "0"],
                      ["plan", "--as-of", "9999-06-01"], ["generate", "--cloud", "aws", "--out", "x", "--team-size", "0"],
                      ["plan", "--format", "gantt"], ["plan", "--max-servers-per-wave", "-1"]])
    func wrongCommandLinesExitTwo(_ arguments: [String]) throws {
        let run = try Binary.cloudfirst(arguments)
        #expect(run.status == 2, "\(arguments)")
        #expect(run.stderr.hasPrefix("Error: "), "\(run.stderr)")
    }
}
