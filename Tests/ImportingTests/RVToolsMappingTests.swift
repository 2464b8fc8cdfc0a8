import CloudFirstCore
import Foundation
@testable import Importing
import Testing

/// How vInfo, vDisk and vMetaData columns become servers, on workbooks written by the tests: old and new header
/// spellings, columns in any order, templates, custom attributes, Excel's value types.
@Suite struct RVToolsMappingTests {
    typealias Cell = WorkbookBuilder.Cell

    /// An RVTools 3.x-style vInfo: `# CPUs`, `Provisioned MB`, `In Use MB`, custom attributes between `Annotation`
    /// and `Datacenter`, columns in an order of its own.
    static let oldHeader: [Cell] = ["Powerstate", "VM", "Template", "# CPUs", "Memory", "Provisioned MB", "In Use MB",
                                    "Annotation", "backup-policy", "owner", "Datacenter", "Cluster", "Host",
                                    "OS according to the configuration file", "OS according to the VMware Tools",
                                    "Firmware", "CPU Usage %"]

    static func workbook(_ rows: [[Cell]], header: [Cell] = oldHeader, extraSheets: [(String, [[Cell]])] = [],
                         blankRows: Int = 0) throws -> (Scratch, String) {
        let scratch = try Scratch()
        var builder = WorkbookBuilder([("vInfo", [header] + rows)] + extraSheets.map { (name: $0.0, rows: $0.1) })
        builder.trailingBlankRows = blankRows
        let path = scratch.path("export.xlsx")
        try builder.write(to: URL(fileURLWithPath: path))
        return (scratch, path)
    }

    @Test func oldHeadersCustomAttributesTemplatesAndToolsOS() throws {
        let (scratch, path) = try Self.workbook([
            ["poweredOn", "EPR DB 01", "False", 4, 16384, 512000, 256000, "Main EPR database\nsecond line", "gold",
             "Dr Smith", "DC North", "C1", "esx01", "Microsoft Windows Server 2016 or later (64-bit)",
             "Microsoft Windows Server 2019 (64-bit)", "efi", 87],
            ["poweredOff", "tmpl-win2019", "True", 2, 4096, 40960, 0, "", "", "", "DC North", "C1", "esx01",
             "Microsoft Windows Server 2019 (64-bit)", "", "efi", 0],
            [.inline("suspended"), .inline("web01"), .boolean(false), 2.0, 2048, .number("4.5999999999999996"), "", "", "", "",
             "DC South", "", "", "Red Hat Enterprise Linux 8 (64-bit)", "", "bios", 3],
        ], blankRows: 2000)
        _ = scratch
        let estate = try RVToolsImporter().read([path])
        #expect(estate.templatesSkipped == 1)
        #expect(estate.servers.map(\.name) == ["EPR DB 01", "web01"])
        let database = estate.servers[0]
        #expect(database.id == "EPR-DB-01-a547432a")
        #expect(database.cpuCores == 4)
        #expect(database.memoryGB == 17.18)
        #expect(database.storageGB == 536.87)  // Provisioned MB 512000, no vDisk
        #expect(database.storageUsedPercent == 50)
        #expect(database.os == "Microsoft Windows Server 2019 (64-bit)")
        #expect(database.configuredOS == "Microsoft Windows Server 2016 or later (64-bit)")
        #expect(database.annotation == "Main EPR database\nsecond line")
        #expect(database.attributes.map(\.name) == ["backup-policy", "owner"])
        #expect(database.attributes.map(\.value) == ["gold", "Dr Smith"])
        #expect(database.site == "DC-North-" + String(SHA256.hex(Array("DC North".utf8)).prefix(8)))
        let web = estate.servers[1]
        #expect(!web.poweredOn, "a suspended VM is not running")
        #expect(web.storageGB == 0, "4.6 MiB is 0.0048 GB, to two decimals 0")
        #expect(web.cluster == nil)

        let text = InventoryText(organisation: "Example NHS Trust").render(estate)
        #expect(text.contains("  # annotation: Main EPR database\\nsecond line\n"))
        #expect(text.contains("  # backup-policy: gold\n  # owner: Dr Smith\n"))
        #expect(text.contains("  # VM 'EPR DB 01'\n"))
        #expect(text.contains("1 template skipped"))
        #expect(!text.contains("cpu_p95:") && !text.contains("memory_p95:"), "no percentile from CPU Usage %")
        let result = EstateLoader.load([InventorySource(displayPath: "x.yaml", contents: .bytes(Array(text.utf8)))])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
    }

    @Test func newHeadersWithoutVDiskUseProvisionedMiB() throws {
        let (scratch, path) = try Self.workbook([["app01", "poweredOn", 2, 8192, 122880, 61440, "DC1"]],
                                                header: ["VM", "Powerstate", "CPUs", "Memory", "Provisioned MiB",
                                                         "In Use MiB", "Datacenter"])
        _ = scratch
        let server = try #require(try RVToolsImporter().read([path]).servers.first)
        #expect(server.storageGB == 128.85)  // 122880 MiB = 128,849,018,880 bytes
        #expect(server.disksGB.isEmpty)
        #expect(server.memoryGB == 8.59)
        #expect(server.storageUsedPercent == 50)
    }

    @Test func vMetaDataGivesTheVersionAndTheExportDate() throws {
        let (scratch, path) = try Self.workbook([["app01", "poweredOn"]], header: ["VM", "Powerstate"], extraSheets: [
            ("vMetaData", [["RVTools major version", "RVTools version", "xlsx creation datetime", "Server"],
                           [4, .number("4.5999999999999996"), .number("45981.4375"), "vcenter01"]]),
        ])
        _ = scratch
        let estate = try RVToolsImporter().read([path])
        #expect(estate.sources.first?.toolVersion == "4.6")
        #expect(estate.sources.first?.exported == "2025-11-20")  // serial 45981 in Excel's 1900 date system
        let text = InventoryText(organisation: "Example NHS Trust", toolVersion: "9.9.9").render(estate)
        #expect(text.hasPrefix("# Imported from RVTools export 'export.xlsx' (dated 2025-11-20, RVTools 4.6) by "
            + "cloudfirst 9.9.9: regenerated by cloudfirst import; edit the services file instead.\n"))
    }

    @Test func workbookDateComesFromItsPropertiesWhenThereIsNoVMetaData() throws {
        let (scratch, path) = try Self.workbook([["app01"]], header: ["VM"])
        _ = scratch
        #expect(try RVToolsImporter().read([path]).sources.first?.exported == "2026-03-04")
    }

    @Test func serversFromSeveralExportsAreSortedAndSitesShared() throws {
        let scratch = try Scratch()
        let first = scratch.path("one.xlsx"), second = scratch.path("two.xlsx")
        try WorkbookBuilder([("vInfo", [["VM", "Datacenter"], ["zeta", "DC1"], ["alpha", "DC1"]])])
            .write(to: URL(fileURLWithPath: first))
        try WorkbookBuilder([("vInfo", [["VM", "Datacenter"], ["mid", "DC2"]])]).write(to: URL(fileURLWithPath: second))
        let estate = try RVToolsImporter().read([first, second])
        #expect(estate.servers.map(\.id) == ["alpha", "mid", "zeta"])
        #expect(estate.sites.map(\.id) == ["DC1", "DC2"])
        #expect(estate.sources.map(\.name) == ["one.xlsx", "two.xlsx"])
    }

    /// Excel writes a sheet's XML on one line: more than 10 MB of it (where libxml2, given it whole, gives up with
    /// "huge input lookup") streams through the scanner in chunks like any other sheet.
    @Test func aSheetOfMoreThanTenMegabytesOnOneLine() throws {
        let note = String(repeating: "n", count: 300)
        let rows: [[Cell]] = (0..<40_000).map { [.inline("vm-\($0)"), .inline(note)] }
        let (scratch, path) = try Self.workbook(rows, header: ["VM", "Annotation"])
        _ = scratch
        let estate = try RVToolsImporter().read([path])
        #expect(estate.servers.count == 40_000)
        #expect(estate.servers.first?.annotation == note)
    }

    /// vPartition, vCPU, vMemory, vNetwork and vHost, spelled as the public samples spell them.
    @Test func detailSheetsAddStorageUsedAndComments() throws {
        let (scratch, path) = try Self.workbook([
            ["db01", "poweredOn", 100_000, 90_000, "esx01", "DC1"],
            ["web01", "poweredOff", 100_000, 40_000, "esx02", "DC1"],
        ], header: ["VM", "Powerstate", "Provisioned MiB", "In Use MiB", "Host", "Datacenter"], extraSheets: [
            ("vPartition", [["VM", "Powerstate", "Disk", "Capacity MiB", "Consumed MiB", "Free MiB"],
                            ["db01", "poweredOn", "C:\\", 1000, 500, 500], ["db01", "poweredOn", "D:\\", 3000, 500, 2500],
                            ["db01", "poweredOn", "E:\\", 0, 0, 0]]),
            ("vCPU", [["VM", "Powerstate", "CPUs", "Sockets", "Cores p/s", "Overall", "Reservation"],
                      ["db01", "poweredOn", 8, 2, 4, 350, 1000], ["web01", "poweredOff", 2, 2, 1, 0, 0]]),
            ("vMemory", [["VM", "Powerstate", "Size MiB", "Consumed", "Active", "Reservation"],
                         ["db01", "poweredOn", 16384, 15000, 4000, 0], ["web01", "poweredOff", 4096, 0, 0, 0]]),
            ("vNetwork", [["VM", "NIC label", "Network", "IPv4 Address"],
                          ["db01", "Network adapter 1", "VLAN-10", "10.0.0.5, 10.0.0.6"],
                          ["db01", "Network adapter 2", "VLAN-20", "10.0.1.5"],
                          ["db01", "Network adapter 3", "VLAN-10", "10.0.0.5"]]),
            ("vHost", [["Host", "Datacenter", "CPU Model", "ESX Version"],
                       ["esx01", "DC1", "Intel(R) Xeon(R) Gold 5218 CPU @ 2.30GHz", "VMware ESXi 7.0.3 build-21930508"]]),
        ])
        _ = scratch
        let estate = try RVToolsImporter().read([path])
        let database = try #require(estate.servers.first { $0.name == "db01" })
        #expect(database.storageUsedPercent == 25, "vPartition's 1,000 of 4,000 MiB, not vInfo's 90,000 of 100,000")
        #expect(database.cpuP95 == nil && database.memoryP95 == nil, "point-in-time figures are not percentiles")
        #expect(database.attributes == [
            .note("vCPU", "sockets 2, cores per socket 4; reservation 1000 MHz; 350 MHz in use when "
                + "exported (a point-in-time figure, not a p95)"),
            .note("vMemory", "15000 MiB consumed, 4000 MiB active when exported (point-in-time "
                + "figures, not a p95)"),
            .note("vNetwork", "networks VLAN-10, VLAN-20; IPv4 10.0.0.5, 10.0.0.6, 10.0.1.5"),
            .note("vHost", "host esx01: CPU Intel(R) Xeon(R) Gold 5218 CPU @ 2.30GHz; VMware ESXi "
                + "7.0.3 build-21930508"),
        ])
        let web = try #require(estate.servers.first { $0.name == "web01" })
        #expect(web.storageUsedPercent == 40, "no vPartition rows: vInfo's In Use over Provisioned")
        #expect(web.attributes == [.note("vCPU", "sockets 2, cores per socket 1")],
                "a powered-off VM's zero use is not reported as a measurement")

        let text = InventoryText(organisation: "Example NHS Trust").render(estate)
        #expect(text.contains("  # vNetwork: networks VLAN-10, VLAN-20; IPv4 10.0.0.5, 10.0.0.6, 10.0.1.5\n"))
        let result = EstateLoader.load([InventorySource(displayPath: "x.yaml", contents: .bytes(Array(text.utf8)))])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
    }

    /// RVTools' CSV export names the columns after its fields; RVToolsMerge's SheetConfiguration.cs lists these.
    @Test func detailSheetsInTheCSVExportsSpelling() throws {
        let (scratch, path) = try Self.workbook([["db01", 100_000, 90_000, "esx01"]],
                                                header: ["VM", "Provisioned MiB", "In Use MiB", "Host"], extraSheets: [
            ("vPartition", [["vPartitionVMName", "vPartitionCapacityMiB", "vPartitionConsumedMiB"], ["db01", 2000, 500]]),
            ("vMemory", [["vMemoryVMName", "vMemorySizeMiB", "vMemoryReservation"], ["db01", 8192, 2048]]),
            ("vHost", [["vHostName", "vHostCpuModel"], ["esx01", "AMD EPYC 7302"]]),
        ])
        _ = scratch
        let server = try #require(try RVToolsImporter().read([path]).servers.first)
        #expect(server.storageUsedPercent == 25)
        #expect(server.attributes.map(\.value) == ["reservation 2048 MiB", "host esx01: CPU AMD EPYC 7302"])
    }

    @Test func aDetailSheetWithoutItsVMColumnIsLeftOutAndABadNumberInOneIsNamed() throws {
        let (scratch, path) = try Self.workbook([["db01", 100_000, 90_000]],
                                                header: ["VM", "Provisioned MiB", "In Use MiB"], extraSheets: [
            ("vCPU", [["Name", "Sockets", "Cores p/s"], ["db01", 2, 2]]),
        ])
        _ = scratch
        let server = try #require(try RVToolsImporter().read([path]).servers.first)
        #expect(server.attributes.isEmpty)
        #expect(server.storageUsedPercent == 90)

        let (other, bad) = try Self.workbook([["db01"]], header: ["VM"], extraSheets: [
            ("vPartition", [["VM", "Capacity MiB", "Consumed MiB"], ["db01", 2000, "lots"]]),
        ])
        _ = other
        #expect(throws: ImportError(file: "export.xlsx",
                                    location: .cell(sheet: "vPartition", row: 2, column: 2, header: "Consumed MiB"),
                                    .notANumber("lots"))) {
            try RVToolsImporter().read([bad])
        }
    }

    @Test func vmNamesThatAreNotIdsBecomeStableDistinctIds() {
        #expect(ServerID.from(name: "eprdb01") == "eprdb01")
        #expect(ServerID.from(name: "EPR DB 01") == "EPR-DB-01-a547432a")
        #expect(ServerID.from(name: "EPR DB 01") == ServerID.from(name: "EPR DB 01"))
        #expect(ServerID.from(name: "EPR_DB 01") != ServerID.from(name: "EPR_DB-01 "))
        #expect(ServerID.from(name: "--x") == "x-" + String(SHA256.hex(Array("--x".utf8)).prefix(8)))
        #expect(ServerID.from(name: "???").hasPrefix("vm-"))
        let long = String(repeating: "a", count: 70)
        #expect(ServerID.from(name: long).count == 64)
        #expect(ServerID.from(name: "Σerver") .hasPrefix("erver-"))
    }

    @Test func exportValues() {
        #expect(ExportValues.number("4.5999999999999996") == 4.6)
        #expect(ExportValues.number(" 1,234,567.5 ") == 1_234_567.5)
        #expect(ExportValues.number("8,192") == 8192)
        #expect(ExportValues.number("4,5") == nil, "a decimal comma cannot be told from a thousands separator")
        #expect(ExportValues.number("12,34") == nil)
        #expect(ExportValues.number("four") == nil)
        #expect(ExportValues.boolean("True") == true && ExportValues.boolean("FALSE") == false)
        #expect(ExportValues.day("45981.4375") == "2025-11-20")
        #expect(ExportValues.day("36526") == "2000-01-01")
        #expect(ExportValues.day("2024-02-29 13:00:00") == "2024-02-29")
        #expect(ExportValues.day("not a date") == nil)
        #expect(ExportValues.version("4.5999999999999996") == "4.6")
        #expect(ExportValues.version("4.7.1.4") == "4.7.1.4")
        #expect(ExportValues.version("3") == "3")
    }

    @Test func scalarsThatYAMLWouldReadOtherwiseAreQuoted() {
        #expect(InventoryText.scalar("Red Hat Enterprise Linux 8 (64-bit)") == "Red Hat Enterprise Linux 8 (64-bit)")
        #expect(InventoryText.scalar("true") == "\"true\"")
        #expect(InventoryText.scalar("123") == "\"123\"")
        #expect(InventoryText.scalar("a: b") == "\"a: b\"")
        #expect(InventoryText.scalar("x # y") == "\"x # y\"")
        #expect(InventoryText.scalar("say \"hi\"\n") == "\"say \\\"hi\\\"\\n\"")
        #expect(InventoryText.scalar("") == "\"\"")
    }
}
