import Foundation
import Testing

/// `cloudfirst diff` in every format, on a change to a small estate: a server put back on an operating system past
/// support (a regression), a service removed and one added. Re-record with CLOUDFIRST_RECORD=1 and review.
@Suite struct DiffCommandTests {
    static let sides = ["Tests/EndToEndTests/Fixtures/diff/before.yaml", "Tests/EndToEndTests/Fixtures/diff/after.yaml"]
    static let asOf = ["--as-of", "2026-11-25"]

    @Test(arguments: [
        ([], "diff-fixture.txt"),
        (["--format", "table"], "diff-fixture.txt"),
        (["--format", "markdown"], "diff-fixture.md"),
        (["--format", "json"], "diff-fixture.json"),
    ])
    func formatsArePinned(_ arguments: [String], _ golden: String) throws {
        let run = try Binary.cloudfirst(["diff"] + Self.sides + Self.asOf + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        Golden.check(run.stdout, golden)
    }

    /// The table marks the regression and orders services by id, as the Markdown and JSON do.
    @Test func tableAgreesWithJSON() throws {
        let table = try Binary.cloudfirst(["diff"] + Self.sides + Self.asOf)
        let json = try Binary.cloudfirst(["diff", "--format", "json"] + Self.sides + Self.asOf)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let services = try #require(root["services"] as? [[String: Any]])
        let rows = table.stdout.split(separator: "\n").filter { $0.contains(" -> ") && !$0.hasPrefix("estate") }
            .filter { !$0.hasPrefix("readiness") }
        #expect(rows.map { $0.split(separator: " ").first { $0 != "!" }.map(String.init) ?? "" }
            == services.compactMap { $0["id"] as? String })
        #expect(rows.map { $0.hasPrefix("!") } == services.map { $0["regression"] as? Bool ?? false })
        #expect(services.contains { $0["regression"] as? Bool == true })
    }
}
