import CloudFirstCore
import Foundation
import GoldenFiles
@testable import Importing
import Testing

/// The two public RVTools workbooks under Fixtures/rvtools: what they hold, by hand, and the inventory each becomes.
@Suite struct SampleWorkbookTests {
    static let organisation = "Example NHS Trust"

    static func server(_ id: String, in estate: ImportedEstate) throws -> ImportedEstate.Server {
        try #require(estate.servers.first { $0.id == id })
    }

    @Test func kubev2vExampleHasNineVMsSixPoweredOffAndOneWithoutAnOS() throws {
        let estate = try RVToolsImporter().read([Fixtures.rvtools("kubev2v-example1.xlsx")])
        #expect(estate.servers.map(\.id) == (1...9).map { "vm-\($0)" })
        #expect(estate.servers.filter { !$0.poweredOn }.map(\.id) == ["vm-1", "vm-2", "vm-4", "vm-5", "vm-6", "vm-7"])
        #expect(estate.servers.filter { $0.os == nil }.map(\.id) == ["vm-9"])
        #expect(estate.templatesSkipped == 0)
        #expect(estate.rowsWithoutName == 0, "the 990 blank rows after the VMs are not rows without a name")
        #expect(estate.sources == [.init(name: "kubev2v-example1.xlsx", exported: "2025-10-23", toolVersion: nil,
                                         format: "RVTools export")])

        // vm-1: 1 CPU, Memory 2224 MiB, one vDisk of 103424 MiB, 'efi', Amazon Linux 2 (64-bit) from the
        // configuration file (the Tools column is empty), In Use 96952 of Provisioned 105742 MiB (91.7%), but vPartition
        // lists its guest file system, /boot, 60 of 117 MiB consumed, which wins.
        let first = try Self.server("vm-1", in: estate)
        #expect(first.cpuCores == 1)
        #expect(first.memoryGB == 2.33)  // 2224 x 1,048,576 = 2,332,033,024 bytes
        #expect(first.disksGB == [108.45])  // 103424 x 1,048,576 = 108,448,989,184 bytes
        #expect(first.storageGB == nil)
        #expect(first.firmware == "uefi")
        #expect(first.os == "Amazon Linux 2 (64-bit)")
        #expect(first.configuredOS == nil)
        #expect(first.architecture == "x86_64")
        #expect(first.storageUsedPercent == 51.3)
        // Its vMemory row says powered off: no point-in-time use, no reservation, so no vMemory line; the sample's
        // vHost names no host its vInfo does, so no vHost line either.
        #expect(first.attributes.map(\.name) == ["vCPU"])
        #expect(first.site == "Datacenter")
        #expect(first.cluster == "Cluster")
        #expect(first.host == "10.185.26.9")

        // vm-3: the configuration file says Debian 7, the VMware Tools (the running guest) Debian 9.
        let third = try Self.server("vm-3", in: estate)
        #expect(third.os == "Debian GNU/Linux 9 (64-bit)")
        #expect(third.configuredOS == "Debian GNU/Linux 7 (64-bit)")
        #expect(third.poweredOn)
        #expect(try Self.server("vm-2", in: estate).architecture == "x86")

        // vm-9: a row with a name and power state and nothing else; kept, in a site for VMs without a datacenter.
        let ninth = try Self.server("vm-9", in: estate)
        #expect(ninth.cpuCores == nil && ninth.memoryGB == nil && ninth.os == nil && ninth.poweredOn)
        #expect(ninth.site == RVToolsImporter.unknownSite.id)
        #expect(estate.sites.map(\.id) == ["Datacenter", "unknown-datacenter"])
    }

    @Test func smallCompleteMapsMiBToGigabytesBaseTen() throws {
        let estate = try RVToolsImporter().read([Fixtures.rvtools("small-complete.xlsx")])
        #expect(estate.servers.map(\.id) == ["sample-archive-01", "sample-db-01", "sample-web-01"])
        let web = try Self.server("sample-web-01", in: estate)
        #expect(web.cpuCores == 2)
        #expect(web.memoryGB == 8.59)  // 8192 MiB = 8,589,934,592 bytes
        // vDisk: 81920 + 40960 MiB, which is the VM's Provisioned MiB (122880); disks win over the total.
        #expect(web.disksGB == [85.9, 42.95])
        #expect(web.firmware == "bios")
        let database = try Self.server("sample-db-01", in: estate)
        #expect(database.memoryGB == 17.18)  // 16384 MiB
        #expect(database.disksGB == [107.37, 236.22])  // 102400 and 225280 MiB
        #expect(database.firmware == "uefi")
        #expect(database.architecture == nil, "'Microsoft Windows Server 2022' does not say 32- or 64-bit")
        let archive = try Self.server("sample-archive-01", in: estate)
        #expect(!archive.poweredOn)
        #expect(archive.memoryGB == 4.29)  // 4096 MiB
        #expect(estate.sites == [.init(id: "sample-dc", name: "sample-dc")])
        #expect(estate.sources.first?.exported == "2026-06-04", "the workbook's docProps/core.xml creation date")
    }

    @Test(arguments: ["kubev2v-example1", "small-complete"])
    func inventoryMatchesItsGoldenAndValidates(sample: String) throws {
        let estate = try RVToolsImporter().read([Fixtures.rvtools(sample + ".xlsx")])
        let text = InventoryText(organisation: Self.organisation, toolVersion: "0.0.0-test").render(estate)
        let again = InventoryText(organisation: Self.organisation, toolVersion: "0.0.0-test")
            .render(try RVToolsImporter().read([Fixtures.rvtools(sample + ".xlsx")]))
        #expect(text == again, "the same export gave different bytes")
        let golden = Fixtures.goldens.appendingPathComponent("\(sample).yaml")
        if let difference = GoldenFile.compare(text, with: golden, name: "Goldens/\(sample).yaml") {
            Issue.record(Comment(rawValue: difference))
        }
        let result = EstateLoader.load([InventorySource(displayPath: sample + ".yaml", contents: .bytes(Array(text.utf8)))])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        #expect(result.estate?.servers.count == estate.servers.count)
        #expect(text.hasPrefix("# Imported from RVTools export '\(sample).xlsx'"))
        #expect(text.split(separator: "\n").first?.hasSuffix("regenerated by cloudfirst import; edit the services "
            + "file instead.") == true)
    }
}
