import CloudFirstCore
import Foundation
import GoldenFiles
@testable import Importing
import Testing

/// The three cloud providers' CSV import templates, as Fixtures/{azure-migrate,aws,google} hold them (written from
/// the published headers; see the README there): what each server becomes, by hand, and each inventory's golden.
@Suite struct CloudTemplateFixtureTests {
    static let organisation = "Example NHS Trust"
    static let azure = Fixtures.folder.appendingPathComponent("azure-migrate/northshire-dc1.csv").path
    static let aws = Fixtures.folder.appendingPathComponent("aws/northshire-migration-hub.csv").path
    static let google = Fixtures.folder.appendingPathComponent("google/northshire-dc2").path

    static func server(_ id: String, in estate: ImportedEstate) throws -> ImportedEstate.Server {
        try #require(estate.servers.first { $0.id == id })
    }

    @Test func azureMigrateServers() throws {
        let estate = try AzureMigrateImporter().read([Self.azure])
        #expect(estate.servers.map(\.id) == ["LIMS-APP-01-" + String(SHA256.hex(Array("LIMS APP 01".utf8)).prefix(8)),
                                             "epr-app01", "epr-db01", "pacs-store01"])
        #expect(estate.rowsWithoutName == 1, "the row with an IP address and no server name")
        #expect(estate.sites == [.init(id: "northshire-dc1", name: "northshire-dc1", comment:
            "the export 'northshire-dc1.csv' names no data centre: one site for its servers, named from the file")])
        #expect(estate.sources == [.init(name: "northshire-dc1.csv", exported: nil, toolVersion: nil,
                                         format: "Azure Migrate import CSV")])

        // epr-db01: 16 cores, 131072 MB (binary: 137,438,953,472 bytes), disks 200 and "1,024" GB, 850 GB in use.
        let database = try Self.server("epr-db01", in: estate)
        #expect(database.cpuCores == 16)
        #expect(database.memoryGB == 137.44)
        #expect(database.disksGB == [200, 1024])
        #expect(database.storageUsedPercent == 69.4)  // 850 / 1224
        #expect(database.os == "Microsoft Windows Server 2016 Datacenter", "a build number is not appended")
        #expect(database.architecture == "x86_64" && database.firmware == "uefi" && database.platform == "vmware")
        #expect(database.cpuP95 == nil && database.memoryP95 == nil && database.daysSampled == nil,
                "'CPU utilization percentage' is one figure, not a p95")
        #expect(database.attributes == [.note("utilisation (one figure each, not a p95)", "CPU 38%, memory 71%")])

        let pacs = try Self.server("pacs-store01", in: estate)
        #expect(pacs.platform == "physical")
        #expect(pacs.os == "Red Hat Enterprise Linux 7.9", "a name without a number takes its version")
        #expect(pacs.disksGB == [500, 4096, 8192])
        let lims = try #require(estate.servers.first { $0.name == "LIMS APP 01" })
        #expect(lims.platform == "hyper-v" && lims.firmware == "bios" && lims.memoryGB == 17.18)
    }

    @Test func awsMigrationHubServers() throws {
        let estate = try AWSDiscoveryImporter().read([Self.aws])
        #expect(estate.servers.map(\.id) == ["INV-0004", "RISAPP01", "pharm-db01", "tie-int01.northshire.nhs.uk"])
        #expect(estate.rowsWithoutName == 0, "the blank trailing row is not a row without a name")

        // RISAPP01: named by VMware.VMName over its HostName; 8 cores (not 16 logical, not 2 processors).
        let ris = try Self.server("RISAPP01", in: estate)
        #expect(ris.cpuCores == 8)
        #expect(ris.memoryGB == 34.36)  // 32768 MB, binary
        #expect(ris.platform == "vmware", "a VMware.MoRefId says VMware")
        #expect(ris.applications == ["Radiology Information System"])
        #expect(ris.cpuP95 == nil && ris.memoryP95 == nil && ris.daysSampled == nil,
                "an average and a maximum are not a p95")
        #expect(ris.attributes == [
            .note("ExternalId", "INV-0001"),
            .note("utilisation (average and maximum, not a p95)",
                  "CPU average 21.5%, maximum 67.25%; memory in use average 43.33%, maximum 79.04%"),
            .note("ApplicationWave", "Wave 2"),
            .init(name: "owner", value: "radiology"),
            .init(name: "criticality", value: "patient-critical"),
        ])

        // The integration engine has no VM name: its HostName names it; its Applications are comma-delimited.
        let tie = try Self.server("tie-int01.northshire.nhs.uk", in: estate)
        #expect(tie.applications == ["Trust Integration Engine", "Pathology Interfaces"])
        #expect(tie.platform == nil, "no MoRefId: the template does not say what it runs on")
        #expect(tie.os == "Red Hat Enterprise Linux 8.6")
        #expect(try Self.server("pharm-db01", in: estate).memoryGB == 68.72, "\"65,536\" MB")
        let bare = try Self.server("INV-0004", in: estate)
        #expect(bare.name == "INV-0004" && bare.attributes.map(\.name) == ["utilisation (average and maximum, not a p95)"],
                "named by its ExternalId, which is then not repeated as a comment")
    }

    @Test func googleMigrationCenterServers() throws {
        let estate = try GoogleMigrationCenterImporter().read([Self.google])
        #expect(estate.servers.map(\.id) == ["ed-db01", "maternity-app01", "old-fileserver"])
        #expect(estate.sites.map(\.id) == ["northshire-dc2"])

        // maternity-app01: 100 two-hourly samples from 2026-11-02 00:00Z; CPU a permutation of 0.5, 1, ... 50, so the
        // nearest-rank p95 is the 95th smallest, 47.5; memory in use a permutation of 0.8 ... 80% given as
        // AvailableMemoryBytes of its 16 GiB, p95 76%; 99 x 2 hours = 8.25 days.
        let maternity = try Self.server("maternity-app01", in: estate)
        #expect(maternity.cpuP95 == 47.5)
        #expect(maternity.memoryP95 == 76)
        #expect(maternity.daysSampled == 8)
        #expect(maternity.memoryGB == 17.18)  // 16 GiB
        #expect(maternity.disksGB == [107.37, 268.44])  // 100 and 250 GiB
        #expect(maternity.storageUsedPercent == 40)  // (60 + 80) / 350
        #expect(maternity.attributes == [.note("HostingLocation", "Northshire DC2"),
                                         .init(name: "service", value: "maternity"),
                                         .init(name: "owner", value: "women-and-children")])

        // ed-db01: month-first time stamps every 30 minutes (49.5 hours: 2 days); MemoryUtilizationPercentage is read
        // before its AvailableMemoryBytes, which are 0.
        let emergency = try Self.server("ed-db01", in: estate)
        #expect(emergency.cpuP95 == 95 && emergency.memoryP95 == 57 && emergency.daysSampled == 2)

        // old-fileserver: physical, stopped, no series and no diskInfo rows.
        let old = try Self.server("old-fileserver", in: estate)
        #expect(old.platform == "physical" && !old.poweredOn)
        #expect(old.cpuP95 == nil && old.memoryP95 == nil && old.daysSampled == nil)
        #expect(old.storageGB == 2199.02 && old.disksGB.isEmpty)  // "2,048" GiB
        #expect(old.storageUsedPercent == 73.2)  // "1,500" of "2,048"
    }

    @Test(arguments: [("azure-migrate-northshire-dc1", "azure-migrate"), ("aws-northshire-migration-hub", "aws"),
                      ("google-northshire-dc2", "google")])
    func inventoryMatchesItsGoldenAndValidates(golden: String, format: String) throws {
        func read() throws -> ImportedEstate {
            switch format {
            case "azure-migrate": try AzureMigrateImporter().read([Self.azure])
            case "aws": try AWSDiscoveryImporter().read([Self.aws])
            default: try GoogleMigrationCenterImporter().read([Self.google])
            }
        }
        let estate = try read()
        let text = InventoryText(organisation: Self.organisation, toolVersion: "0.0.0-test").render(estate)
        #expect(text == InventoryText(organisation: Self.organisation, toolVersion: "0.0.0-test").render(try read()),
                "the same export gave different bytes")
        let file = Fixtures.goldens.appendingPathComponent("\(golden).yaml")
        if let difference = GoldenFile.compare(text, with: file, name: "Goldens/\(golden).yaml") {
            Issue.record(Comment(rawValue: difference))
        }
        let result = EstateLoader.load([InventorySource(displayPath: golden + ".yaml",
                                                        contents: .bytes(Array(text.utf8)))])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        #expect(result.estate?.servers.count == estate.servers.count)
        #expect(!text.contains("RVTools"), "another format's comments")
    }

    @Test func siteOptionPutsEveryExportInOneSite() throws {
        let estate = try AzureMigrateImporter(site: "Main hospital data centre").read([Self.azure])
        let id = try #require(estate.sites.first?.id)
        #expect(estate.sites.count == 1 && estate.sites.first?.name == "Main hospital data centre")
        #expect(id == ServerID.from(name: "Main hospital data centre"))
        #expect(estate.servers.allSatisfy { $0.site == id })
    }
}
