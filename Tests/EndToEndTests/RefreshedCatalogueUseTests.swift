import Foundation
import Testing

/// What the commands do with a refreshed cache (CatalogueCommandTests' loopback HTTPS server, `--endpoint` and
/// `--ca-file`): Azure priced in pounds without the rate, lifecycle disagreements shown by `catalogue show` and
/// quoted by assess and explain with `--cache-dir`, and `--version` naming the refreshed catalogues.
@Suite(.serialized) struct RefreshedCatalogueUseTests {
    static let haveTools = CatalogueCommandTests.haveTools

    /// One Windows Server 2012 R2 server, on which the refreshed catalogue's sources disagree (extended support
    /// ends 2023-10-10 in the catalogue, 2023-10-11 on the test's endoflife.date).
    static let inventory = """
        cloudfirst: 1
        organisation: { name: Lifecycle Trust }
        sites: [{ id: dc1, name: DC }]
        servers:
          - { id: app01, site: dc1, os: Windows Server 2012 R2, cpu_cores: 4, memory_gb: 16, storage_gb: 200 }
        services:
          - { id: pas, name: Patient Administration, servers: [app01] }
        """

    static let sourcesDiffer = "the sources differ: end of extended support 2023-10-10 used (the catalogue's), "
        + "2023-10-11 on endoflife.date: review"

    @Test(.enabled(if: haveTools, "needs openssl and python3")) func assessAndExplainQuoteTheDisagreement() throws {
        let scratch = try Scratch()
        let cache = try CatalogueCommandTests.seeded(scratch)
        let estate = try scratch.write("estate.yaml", Self.inventory)
        let empty = scratch.url.appendingPathComponent("empty").path

        let table = try Binary.cloudfirst(["assess", estate, "--cache-dir", cache, "--offline", "--format", "table"]
            + CatalogueCommandTests.asOf)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("The lifecycle catalogue is the one refreshed at"), "\(table.stdout)")

        let json = try Binary.cloudfirst(["assess", estate, "--cache-dir", cache, "--format", "json"]
            + CatalogueCommandTests.asOf)
        #expect(json.status == 0, "\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((document["lifecycle_catalogue"] as? String)?.contains("endoflife.date") == true, "\(document.keys)")
        let services = try #require(document["services"] as? [[String: Any]])
        let messages = (services.first?["findings"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
        let past = try #require(messages.first { $0.hasPrefix("Windows Server 2012 R2 has had no security updates") },
                                "\(messages)")
        #expect(past.hasSuffix(Self.sourcesDiffer), "\(past)")

        // Without the refreshed catalogue: the same finding, no disagreement, no footer.
        let embedded = try Binary.cloudfirst(["assess", estate, "--cache-dir", empty, "--format", "json"]
            + CatalogueCommandTests.asOf)
        #expect(embedded.status == 0)
        #expect(embedded.stdout.contains("Windows Server 2012 R2 has had no security updates since 2026-10-13"))
        #expect(!embedded.stdout.contains("the sources differ") && !embedded.stdout.contains("lifecycle_catalogue"))

        let explain = try Binary.cloudfirst(["explain", "pas", estate, "--cache-dir", cache]
            + CatalogueCommandTests.asOf)
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains(Self.sourcesDiffer), "\(explain.stdout)")
    }

    /// A release the refresh added from endoflife.date (PostgreSQL 18, end of life 2030-11-14 on the test server) is
    /// placed and dated by assess with the cache; without it the release is unknown.
    @Test(.enabled(if: haveTools, "needs openssl and python3")) func assessDatesAReleaseTheRefreshAdded() throws {
        let scratch = try Scratch()
        let cache = try CatalogueCommandTests.seeded(scratch)
        let estate = try scratch.write("estate.yaml", """
            cloudfirst: 1
            organisation: { name: Lifecycle Trust }
            sites: [{ id: dc1, name: DC }]
            servers:
              - { id: db01, site: dc1, role: database, os: Ubuntu 22.04, cpu_cores: 4, memory_gb: 16,
                  software: [{ product: PostgreSQL, version: "18" }] }
            services:
              - { id: records, name: Records, servers: [db01] }
            """)
        let asOf = ["--as-of", "2029-01-01", "--format", "json"]
        let refreshed = try Binary.cloudfirst(["assess", estate, "--cache-dir", cache] + asOf)
        #expect(refreshed.status == 0, "\(refreshed.stderr)")
        #expect(refreshed.stdout.contains("PostgreSQL 18 on 'db01' support ends on 2030-11-14"), "\(refreshed.stdout)")
        #expect(!refreshed.stdout.contains("is not in the lifecycle catalogue"))
        let embedded = try Binary.cloudfirst(["assess", estate, "--cache-dir", scratch.url.path + "/empty"] + asOf)
        #expect(embedded.stdout.contains("database 'PostgreSQL 18' on 'db01' is not in the lifecycle catalogue"),
                "\(embedded.stdout)")
    }

    @Test(.enabled(if: haveTools, "needs openssl and python3")) func showListsTheDisagreementsAndAPlanNamesPounds()
        throws {
        let scratch = try Scratch()
        let cache = try CatalogueCommandTests.seeded(scratch)
        let show = try Binary.cloudfirst(["catalogue", "show", "--cache-dir", cache])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("1 on which the sources disagree (the catalogue's date is used):"), "\(show.stdout)")
        #expect(show.stdout.contains("Windows Server 2012 R2: extended_end 2023-10-10 in the catalogue, 2023-10-11 on "
            + "endoflife.date"))
        let json = try Binary.cloudfirst(["catalogue", "show", "--cache-dir", cache, "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let lifecycle = try #require((document["catalogues"] as? [[String: Any]])?.last)
        #expect((lifecycle["disagreements"] as? [String])?.count == 1)

        let plan = try Binary.cloudfirst(["plan", "--cache-dir", cache, "--format", "markdown"]
            + CatalogueCommandTests.asOf)
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("for the UK regions, in pounds as the source publishes them for Azure; in US "
            + "dollars for AWS and Google Cloud; US-dollar rows converted at"), "\(plan.stdout)")
    }

    /// A second refresh from the first one's cache replaces what the first recorded rather than adding to it.
    @Test(.enabled(if: haveTools, "needs openssl and python3")) func aSecondRefreshRecordsOnce() throws {
        let scratch = try Scratch()
        let cache = try CatalogueCommandTests.seeded(scratch)
        let server = try CatalogueCommandTests.Server("ok", scratch: scratch)
        let again = try CatalogueCommandTests.refresh(server, cache: cache)
        #expect(again.status == 0, "\(again.stderr)")
        let rows = PlanCommandTests.csvRows(try String(contentsOfFile: cache + "/lifecycle.csv", encoding: .utf8))
        let r2 = try #require(rows.first { $0.count > 9 && $0[1] == "Windows Server" && $0[2] == "2012 R2" })
        #expect(r2[8].components(separatedBy: "[endoflife.date, ").count == 2, "one bracketed note: \(r2[8])")
        #expect(r2[7].components(separatedBy: server.url).count == 2, "the source once: \(r2[7])")
        #expect(r2[9] == "extended_end 2023-10-11 (endoflife.date)")
        #expect(rows.filter { $0.count > 2 && $0[1] == "PostgreSQL" && $0[2] == "18" }.count == 1)
        #expect(again.stdout.contains("0 releases added"), "\(again.stdout)")
        let prices = PlanCommandTests.csvRows(try String(contentsOfFile: cache + "/prices.csv", encoding: .utf8))
        #expect(prices[0].filter { $0 == "currency" }.count == 1, "the currency column once")
    }

    @Test(.enabled(if: haveTools, "needs openssl and python3")) func versionNamesTheRefreshedCatalogues() throws {
        let scratch = try Scratch()
        let xdg = scratch.url.appendingPathComponent("xdg").path
        let server = try CatalogueCommandTests.Server("ok", scratch: scratch)
        let refresh = try CatalogueCommandTests.refresh(server, cache: xdg + "/cloudfirst")
        #expect(refresh.status == 0, "\(refresh.stderr)")
        let version = try Binary.cloudfirst(["--version"], environment: ["XDG_CACHE_HOME": xdg])
        #expect(version.status == 0)
        let lines = version.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5, "\(lines)")
        #expect(lines[1].hasPrefix("prices: embedded, data "))
        #expect(lines[3].hasPrefix("prices: refreshed at ") && lines[3].contains("from 127.0.0.1"), "\(lines)")
        #expect(lines[4].hasPrefix("lifecycle: refreshed at ") && lines[4].contains(xdg + "/cloudfirst/lifecycle.csv"))
        let none = try Binary.cloudfirst(["--version"], environment: ["XDG_CACHE_HOME": scratch.url.path + "/none"])
        #expect(none.stdout.split(separator: "\n").count == 3, "no cache: the embedded catalogues only")
    }
}
