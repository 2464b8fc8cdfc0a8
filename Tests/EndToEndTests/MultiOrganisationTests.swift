import Foundation
import Testing

/// An estate whose files name different organisations is refused, naming each file and its organisation, unless
/// `--combine-organisations` asks for them to be read as one estate; then every report names them all.
@Suite struct MultiOrganisationTests {
    static let asOf = ["--as-of", "2026-11-25"]

    /// Two trusts' files, the second depending on the first's directory (as an ICS's shared services would).
    static func twoTrusts() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.write("estate/a-northshire.yaml", """
            cloudfirst: 1
            organisation: { name: Northshire Hospitals NHS Foundation Trust, ods_code: ZN1, type: acute }
            sites: [{ id: dc1, name: Main data centre, kind: data-centre }]
            servers:
              - { id: ad01, site: dc1, role: infrastructure, os: Windows Server 2019, cpu_cores: 2, memory_gb: 8, storage_gb: 100 }
            services:
              - { id: ad, name: Active Directory, servers: [ad01] }

            """)
        try scratch.write("estate/b-riverside.yaml", """
            cloudfirst: 1
            organisation:
              name: Riverside Mental Health NHS Trust
              ods_code: ZR2
              type: mental-health
            sites: [{ id: hq, name: Riverside House, kind: server-room }]
            servers:
              - { id: rio01, site: hq, role: application, os: Windows Server 2019, cpu_cores: 4, memory_gb: 16, storage_gb: 200 }
            services:
              - { id: rio, name: Rio EPR, servers: [rio01], depends_on: [ad] }

            """)
        return scratch
    }

    @Test func differentOrganisationsAreRefusedNamingEachFile() throws {
        let scratch = try Self.twoTrusts()
        let folder = scratch.url.appendingPathComponent("estate").path
        for command in [["validate"], ["assess"] + Self.asOf, ["plan"] + Self.asOf] {
            let run = try Binary.cloudfirst(command + [folder])
            #expect(run.status == 2, "\(command)")
            #expect(run.stderr.contains("\(folder)/b-riverside.yaml:3:3: error: organisation 'Riverside Mental Health "
                + "NHS Trust' differs from 'Northshire Hospitals NHS Foundation Trust' in \(folder)/a-northshire.yaml:2:17;"),
                "\(command): \(run.stderr)")
            #expect(run.stderr.contains("--combine-organisations"))
            #expect(run.stderr.contains("[organisation-mismatch]"))
            #expect(!run.stderr.contains("Fatal error"))
            if command != ["validate"] { #expect(run.stdout.isEmpty, "\(command) printed a report") }
        }
    }

    @Test func combiningReportsUnderEveryName() throws {
        let scratch = try Self.twoTrusts()
        let folder = scratch.url.appendingPathComponent("estate").path
        let validate = try Binary.cloudfirst(["validate", folder, "--combine-organisations"])
        #expect(validate.status == 0, "\(validate.stderr)")
        let assess = try Binary.cloudfirst(["assess", folder, "--combine-organisations", "--format", "json"] + Self.asOf)
        #expect(assess.status == 0, "\(assess.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(assess.stdout.utf8)) as? [String: Any])
        let organisations = try #require(json["organisations"] as? [[String: Any]])
        #expect(organisations.compactMap { $0["name"] as? String }
            == ["Northshire Hospitals NHS Foundation Trust", "Riverside Mental Health NHS Trust"])
        let table = try Binary.cloudfirst(["assess", folder, "--combine-organisations"] + Self.asOf)
        #expect(table.stdout.hasPrefix("Northshire Hospitals NHS Foundation Trust and Riverside Mental Health NHS "
            + "Trust: assessed 2026-11-25"))
    }

    @Test func diffRefusesEitherSideUnlessCombining() throws {
        let scratch = try Self.twoTrusts()
        let folder = scratch.url.appendingPathComponent("estate").path
        let refused = try Binary.cloudfirst(["diff", folder, folder, "--format", "json"] + Self.asOf)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("[organisation-mismatch]"))
        #expect(refused.stdout.isEmpty)
        let combined = try Binary.cloudfirst(["diff", folder, folder, "--combine-organisations", "--fail-on-regression",
                                              "--format", "json"] + Self.asOf)
        #expect(combined.status == 0, "\(combined.stderr)")
    }

    @Test func oneOrganisationWrittenTwoWaysIsOneOrganisation() throws {
        let scratch = try Self.twoTrusts()
        let folder = scratch.url.appendingPathComponent("estate").path
        // The same ODS code with the name abbreviated: the same trust.
        let riverside = scratch.url.appendingPathComponent("estate/b-riverside.yaml")
        let text = try String(contentsOf: riverside, encoding: .utf8)
            .replacingOccurrences(of: "name: Riverside Mental Health NHS Trust", with: "name: Northshire Hospitals NHS FT")
            .replacingOccurrences(of: "ods_code: ZR2", with: "ods_code: ZN1")
        try text.write(to: riverside, atomically: true, encoding: .utf8)
        let run = try Binary.cloudfirst(["assess", folder] + Self.asOf)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Northshire Hospitals NHS Foundation Trust: assessed 2026-11-25"))
    }
}
