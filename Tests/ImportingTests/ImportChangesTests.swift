import CloudFirstCore
@testable import Importing
import Testing

/// What a re-import reports: each estate is rendered as the import writes it and read back with the inventory
/// reader, as the command compares the file it replaces with the one it writes.
@Suite struct ImportChangesTests {
    static func server(_ id: String, site: String = "dc1", cores: Int? = 4, memory: Double? = 8.59,
                       os: String? = "Microsoft Windows Server 2016 (64-bit)",
                       on: Bool = true) -> ImportedEstate.Server {
        var server = ImportedEstate.Server(id: id, name: id, site: site, os: os, poweredOn: on)
        server.cpuCores = cores
        server.memoryGB = memory
        server.storageGB = 107.37
        return server
    }

    static func estate(_ servers: [ImportedEstate.Server], sites: [String] = ["dc1"],
                       exported: String = "2026-01-05", annotation: String? = nil) -> ImportedEstate {
        var estate = ImportedEstate()
        estate.sources = [.init(name: "export.xlsx", exported: exported, toolVersion: "4.7.1",
                                format: "RVTools export")]
        estate.sites = sites.map { ImportedEstate.Site(id: $0, name: "Datacenter \($0)") }
        estate.servers = servers.map { server in
            var annotated = server
            annotated.annotation = annotation
            return annotated
        }
        return estate
    }

    /// The estate as the inventory reader reads the import's file.
    static func read(_ estate: ImportedEstate) throws -> Estate {
        let text = InventoryText(organisation: "Example NHS Trust", toolVersion: "test").render(estate)
        let result = EstateLoader.load([InventorySource(displayPath: "rvtools.yaml",
                                                        contents: .bytes(Array(text.utf8)))])
        return try #require(result.estate, "\(result.diagnostics.map(\.rendered))")
    }

    @Test func theSameEstateIsUnchangedEvenWhenOnlyItsCommentsDiffer() throws {
        let servers = [Self.server("app01"), Self.server("db01", cores: 8)]
        let old = try Self.read(Self.estate(servers))
        let same = ImportChanges(old: old, new: try Self.read(Self.estate(servers)))
        #expect(same.isEmpty)
        #expect(same.summary == "unchanged")
        #expect(same.details.isEmpty)
        // A newer export's date and an annotation are comments in the file, not fields: no change.
        let commented = ImportChanges(old: old, new: try Self.read(Self.estate(servers, exported: "2026-02-01",
                                                                                  annotation: "owned by IT")))
        #expect(commented == ImportChanges())
    }

    @Test func addedRemovedAndChangedServersAndSites() throws {
        let old = try Self.read(Self.estate([Self.server("app01"), Self.server("db01"), Self.server("old01")]))
        var db = Self.server("db01", site: "dc2", cores: 8, memory: 17.18, os: "Microsoft Windows Server 2019 (64-bit)",
                             on: false)
        db.disksGB = [100, 50]
        let new = try Self.read(Self.estate([Self.server("app01"), db, Self.server("new01", site: "dc2")],
                                            sites: ["dc1", "dc2"]))
        let changes = ImportChanges(old: old, new: new)
        #expect(changes.serversAdded == ["new01"])
        #expect(changes.serversRemoved == ["old01"])
        #expect(changes.sitesAdded == ["dc2"])
        #expect(changes.sitesRemoved.isEmpty)
        #expect(changes.serversChanged == [
            .init(id: "db01", fields: [
                .init(field: "site", old: "dc1", new: "dc2"),
                .init(field: "os", old: "'Microsoft Windows Server 2016 (64-bit)'",
                      new: "'Microsoft Windows Server 2019 (64-bit)'"),
                .init(field: "cpu_cores", old: "4", new: "8"),
                .init(field: "memory_gb", old: "8.59", new: "17.18"),
                .init(field: "storage_gb", old: "107.37", new: "150"),
                .init(field: "disks", old: nil, new: "[100, 50]"),
                .init(field: "powered_on", old: "true", new: "false"),
            ]),
        ])
        #expect(changes.summary == "1 server added, 1 removed, 1 changed; 1 site added")
        #expect(changes.details == [
            "added server new01",
            "removed server old01",
            "changed server db01: site dc1 → dc2, os 'Microsoft Windows Server 2016 (64-bit)' → "
                + "'Microsoft Windows Server 2019 (64-bit)', cpu_cores 4 → 8, memory_gb 8.59 → 17.18, "
                + "storage_gb 107.37 → 150, disks – → [100, 50], powered_on true → false",
            "added site dc2",
        ])
        // The other way round, everything reverses.
        let back = ImportChanges(old: new, new: old)
        #expect(back.serversAdded == ["old01"] && back.serversRemoved == ["new01"] && back.sitesRemoved == ["dc2"])
        #expect(back.serversChanged.first?.fields.first == .init(field: "site", old: "dc2", new: "dc1"))
    }

    @Test func aFieldThatAppearsOrGoesAndARenamedSite() throws {
        var measured = Self.server("app01", cores: nil)
        measured.cpuP95 = 35
        measured.daysSampled = 30
        let old = try Self.read(Self.estate([Self.server("app01")]))
        var renamed = Self.estate([measured])
        renamed.sites = [.init(id: "dc1", name: "Main data centre")]
        let changes = ImportChanges(old: old, new: try Self.read(renamed))
        #expect(changes.serversChanged.map(\.description) == [
            "app01: cpu_cores 4 → –, utilisation.cpu_p95 – → 35, utilisation.days_sampled – → 30",
        ])
        #expect(changes.sitesChanged.map(\.description) == ["dc1: name 'Datacenter dc1' → 'Main data centre'"])
        #expect(changes.summary == "1 server changed; 1 site changed")
    }
}
