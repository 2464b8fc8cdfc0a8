import CloudFirstCore
import Foundation
@testable import Importing
import Testing

/// RVTools' CSV export: a folder of RVTools_tab<sheet>.csv files, with quoted numbers, thousands separators and line
/// breaks inside cells; problems named by file and line.
@Suite struct CSVExportTests {
    static func export(_ files: [String: String]) throws -> (Scratch, String) {
        let scratch = try Scratch()
        let folder = scratch.path("rvtools-csv")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        return (scratch, folder)
    }

    static let vInfo = "\u{FEFF}VM,Powerstate,Template,CPUs,Memory,Provisioned MiB,In Use MiB,Annotation,Datacenter,"
        + "Cluster,Host,OS according to the configuration file,OS according to the VMware Tools\r\n"
        + "pas-app-01,poweredOn,False,\"2\",\"8,192\",\"1,048,576\",\"524,288\",\"Line one\r\nline two\",DC1,C1,h1,"
        + "Microsoft Windows Server 2012 R2 (64-bit),\r\n"
        + "pas-tmpl,poweredOff,True,2,4096,1000,0,,DC1,C1,h1,,\r\n"
        + ",,,,,,,,,,,,\r\n"
        + "pas-db-01,poweredOff,False,8,\"32,768\",,,,DC1,C1,h2,\"Microsoft Windows Server 2016 or later (64-bit)\","
        + "\"Microsoft Windows Server 2019 (64-bit)\"\r\n"

    @Test func quotedNumbersThousandsSeparatorsAndLineBreaksInCells() throws {
        let (scratch, folder) = try Self.export([
            "RVTools_tabvInfo.csv": Self.vInfo,
            "RVTools_tabvDisk.csv": "VM,Disk,Capacity MiB\npas-db-01,Hard disk 1,\"102,400\"\npas-db-01,Hard disk 2,2048\n",
        ])
        _ = scratch
        let estate = try RVToolsImporter().read([folder])
        #expect(estate.servers.map(\.id) == ["pas-app-01", "pas-db-01"])
        #expect(estate.templatesSkipped == 1)
        #expect(estate.sources == [.init(name: "rvtools-csv", exported: nil, toolVersion: nil,
                                         format: "RVTools CSV export")])
        let app = estate.servers[0]
        #expect(app.memoryGB == 8.59)
        #expect(app.storageGB == 1099.51)  // 1,048,576 MiB = 1,099,511,627,776 bytes
        #expect(app.storageUsedPercent == 50)
        #expect(app.annotation == "Line one\nline two")
        #expect(app.os == "Microsoft Windows Server 2012 R2 (64-bit)")
        let database = estate.servers[1]
        #expect(database.disksGB == [107.37, 2.15])
        #expect(database.memoryGB == 34.36)  // 32768 MiB
        #expect(database.os == "Microsoft Windows Server 2019 (64-bit)")
        #expect(!database.poweredOn)
        // One of the export's files names the same export.
        #expect(try RVToolsImporter().read([folder + "/RVTools_tabvInfo.csv"]).servers.count == 2)
    }

    /// RVTools' own CSV export names its columns after its internal fields: `vInfoVMName`, `vDiskCapacityMiB`.
    @Test func headersOfTheCSVExportsOwnSpelling() throws {
        let (scratch, folder) = try Self.export([
            "RVTools_tabvInfo.csv": "vInfoVMName,vInfoPowerstate,vInfoTemplate,vInfoCPUs,vInfoMemory,vInfoProvisioned,"
                + "vInfoInUse,vInfoDataCenter,vInfoCluster,vInfoHost,vInfoOS,vInfoOSTools\n"
                + "sql01,poweredOn,False,4,\"16,384\",\"204,800\",\"102,400\",DC1,C1,h1,"
                + "\"Microsoft Windows Server 2016 or later (64-bit)\",\"Microsoft Windows Server 2016 (64-bit)\"\n",
            "RVTools_tabvDisk.csv": "vDiskVMName,vDiskCapacityMiB\nsql01,\"204,800\"\n",
        ])
        _ = scratch
        let server = try #require(try RVToolsImporter().read([folder]).servers.first)
        #expect(server.id == "sql01")
        #expect(server.cpuCores == 4)
        #expect(server.memoryGB == 17.18)
        #expect(server.disksGB == [214.75])  // 204800 MiB = 214,748,364,800 bytes
        #expect(server.storageUsedPercent == 50)
        #expect(server.os == "Microsoft Windows Server 2016 (64-bit)")
        #expect(server.configuredOS == "Microsoft Windows Server 2016 or later (64-bit)")
        #expect(server.site == "DC1" && server.cluster == "C1" && server.host == "h1")
    }

    @Test func problemsAreNamedByFileAndLine() throws {
        // The record for the second 'pas-app-01' starts on line 4: the first record's annotation spans two lines.
        let (scratch, folder) = try Self.export([
            "RVTools_tabvInfo.csv": "VM,Annotation\npas-app-01,\"one\ntwo\"\npas-app-01,x\n",
        ])
        _ = scratch
        do {
            _ = try RVToolsImporter().read([folder])
            Issue.record("a duplicate VM was accepted")
        } catch let error as ImportError {
            // The file as the user gave its folder, and the first one as `file:line`, no space in it.
            #expect(error.description == folder + "/RVTools_tabvInfo.csv:4: error: column 'VM': VM 'pas-app-01' "
                + "appears twice (first at " + folder + "/RVTools_tabvInfo.csv:2); VM names must be unique to "
                + "become server ids")
        }
    }

    @Test func anUnclosedQuoteIsNamedWhereItStarts() throws {
        let (scratch, folder) = try Self.export(["RVTools_tabvInfo.csv": "VM,Annotation\na,b\nc,\"never closed\nd\n"])
        _ = scratch
        #expect(throws: ImportError(file: folder + "/RVTools_tabvInfo.csv", location: .line(3, header: nil),
                                    .malformedCSV(reason: "a quoted field starts here and never ends"))) {
            try RVToolsImporter().read([folder])
        }
    }

    @Test func aFolderWithoutVInfo() throws {
        let (scratch, folder) = try Self.export(["RVTools_tabvHost.csv": "Host\nesx01\n"])
        _ = scratch
        #expect(throws: ImportError(file: "rvtools-csv", .missingSheet("vInfo", available: ["vHost"]))) {
            try RVToolsImporter().read([folder])
        }
    }

    @Test func aFolderOfSomethingElse() throws {
        let (scratch, folder) = try Self.export(["notes.txt": "hello"])
        _ = scratch
        #expect(throws: ImportError(file: folder, .notAnExport)) { try RVToolsImporter().read([folder]) }
    }
}
