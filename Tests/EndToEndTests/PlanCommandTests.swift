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
        (["--format", "mermaid"], "plan-sample-mermaid.md"),
        (["--format", "dot"], "plan-sample.dot"),
    ])
    func formatsArePinned(_ arguments: [String], _ golden: String) throws {
        let run = try Binary.cloudfirst(["plan"] + Self.asOf + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        Golden.check(run.stdout, golden)
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

    /// The Jira import: the header Jira and Azure DevOps map, ISO dates, labels without spaces in them.
    @Test func csvImportsIntoJira() throws {
        let run = try Binary.cloudfirst(["plan", "--format", "csv"] + Self.asOf)
        let lines = run.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "Summary,Description,Labels,Start,Due,Wave")
        // A row per wave and one per service it moves, as the JSON plan has them.
        let json = try Binary.cloudfirst(["plan", "--format", "json"] + Self.asOf)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let waves = try #require(root["waves"] as? [[String: Any]])
        let moving = waves.reduce(0) { $0 + (($1["services"] as? [Any])?.count ?? 0) }
        #expect(moving > 15)
        #expect(lines.count == 1 + waves.count + moving)
        #expect(lines.dropFirst().allSatisfy { $0.range(of: #",\d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2},\d+$"#,
                                                         options: .regularExpression) != nil })
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
