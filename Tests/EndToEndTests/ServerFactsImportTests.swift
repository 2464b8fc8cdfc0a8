import Foundation
import Testing

/// What a person knows about imported servers (role, environment, measured utilisation) lives in a file of their
/// own under `server_facts`: it raises the assessment's confidence, and a re-import leaves it as it was.
@Suite struct ServerFactsImportTests {
    static let export = ReimportCommandTests.header
        + "epr-app,poweredOn,4,8192,102400,,EPR,DC1,,Microsoft Windows Server 2019 (64-bit)\n"
        + "epr-db,poweredOn,8,16384,204800,,EPR,DC1,,Microsoft Windows Server 2019 (64-bit)\n"

    static let services = """
        cloudfirst: 1
        organisation: { name: Example NHS Trust }
        services:
          - id: epr
            name: Electronic Patient Record
            criticality: patient-critical
            servers: [epr-app, epr-db]

        """

    static let facts = """
        server_facts:
          - id: epr-app
            role: application
            environment: production
            utilisation: { cpu_p95: 30, memory_p95: 60, days_sampled: 30 }
          - id: epr-db
            role: database
            environment: production
            utilisation: { cpu_p95: 45, memory_p95: 80, days_sampled: 30 }

        """

    static func confidence(_ scratch: Scratch) throws -> Int {
        let run = try Binary.cloudfirst(["explain", "epr", "estate", "--format", "json", "--as-of", "2026-12-01"],
                                        directory: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let confidence = try #require(json["confidence"] as? [String: Any], "\(json.keys)")
        return try #require(confidence["value"] as? Int, "\(confidence.keys)")
    }

    @Test func factsRaiseConfidenceAndSurviveAReimport() throws {
        let scratch = try Scratch()
        try scratch.write("export/RVTools_tabvInfo.csv", Self.export)
        let imported = try ReimportCommandTests.run(["export", "--out", "estate/rvtools.yaml"], in: scratch)
        #expect(imported.status == 0, "\(imported.stderr)")
        try scratch.write("estate/people.yaml", Self.services)
        let without = try Self.confidence(scratch)
        try scratch.write("estate/people.yaml", Self.services + Self.facts)
        let with = try Self.confidence(scratch)
        #expect(with > without, "confidence \(without) without the facts, \(with) with them")

        let again = try ReimportCommandTests.run(["export", "--out", "estate/rvtools.yaml"], in: scratch)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try ReimportCommandTests.read(scratch, "estate/people.yaml") == Self.services + Self.facts)
        #expect(try Self.confidence(scratch) == with)
    }
}
