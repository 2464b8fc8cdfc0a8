import Foundation
@testable import Importing
import Testing

/// Exports as they arrive from the field, tried as a new user would: cut short by a failed copy, with misaligned
/// columns, with no servers at all, semicolon-separated, UTF-16, empty, or a workbook where a CSV is wanted. Each is
/// refused naming the file (and the line where there is one); nothing half-read is passed off as an estate.
@Suite struct ExportRobustnessTests {
    static func failure(_ body: () throws -> Any) -> ImportError? {
        do {
            _ = try body()
            Issue.record("read without an error")
            return nil
        } catch let error as ImportError {
            return error
        } catch {
            Issue.record("not an ImportError: \(error)")
            return nil
        }
    }

    static let vInfoHeader = "VM,Powerstate,Template,CPUs,Memory,Provisioned MiB,In Use MiB,Datacenter,"
        + "OS according to the VMware Tools\n"

    // MARK: finding 1: truncated, misaligned and empty CSV files

    @Test func aTruncatedRVToolsCSVIsRefusedNamingTheLine() throws {
        let full = Self.vInfoHeader + "a,poweredOn,False,2,4096,10240,5120,DC1,Microsoft Windows Server 2019 (64-bit)\n"
            + "b,poweredOn,False,2,4096,10240,5120,DC1,Microsoft Windows Server 2019 (64-bit)\n"
        // Cut in the middle of the last record, as `head -c` does: no line end, fewer fields than the header.
        let cut = String(full.dropLast(42))
        #expect(cut.hasSuffix(",5120,D"))
        let (scratch, folder) = try CSVExportTests.export(["RVTools_tabvInfo.csv": cut])
        _ = scratch
        let error = Self.failure { try RVToolsImporter().read([folder]) }
        #expect(error == ImportError(file: folder + "/RVTools_tabvInfo.csv", location: .line(3, header: nil),
                                     .truncatedCSV(line: 3)))
        #expect(error?.description.contains("the file ends part-way through line 3: truncated?") == true)
        // The same file whole reads, both servers with their OS.
        let (scratch2, whole) = try CSVExportTests.export(["RVTools_tabvInfo.csv": full])
        _ = scratch2
        #expect(try RVToolsImporter().read([whole]).servers.map(\.os)
            == Array(repeating: "Microsoft Windows Server 2019 (64-bit)", count: 2))
    }

    @Test func aShortRecordThatIsProperlyEndedIsKeptWithItsMissingCellsEmpty() throws {
        let (scratch, folder) = try CSVExportTests.export([
            "RVTools_tabvInfo.csv": Self.vInfoHeader + "a,poweredOn,False,2,4096\nb,poweredOn,False,4,8192\n",
        ])
        _ = scratch
        let estate = try RVToolsImporter().read([folder])
        #expect(estate.servers.map(\.cpuCores) == [2, 4])
        #expect(estate.servers.allSatisfy { $0.os == nil && $0.storageGB == nil })
    }

    @Test func aRecordWithMoreFieldsThanTheHeaderIsRefusedNamingItsLine() throws {
        let (scratch, folder) = try CSVExportTests.export([
            "RVTools_tabvInfo.csv": Self.vInfoHeader + "a,poweredOn,False,2,4096,10240,5120,DC1,Linux\n"
                + "b,poweredOn,False,2,4,096,10240,5120,DC1,Linux\n",
        ])
        _ = scratch
        #expect(Self.failure { try RVToolsImporter().read([folder]) }
            == ImportError(file: folder + "/RVTools_tabvInfo.csv", location: .line(3, header: nil),
                           .tooManyFields(count: 10, header: 9)))
        let scratch2 = try Scratch()
        let path = try CloudTemplateBadInputTests.write(
            CloudTemplateBadInputTests.azureHeader + "epr-db01,10.0.0.1,4,8192,Windows,100\r\n"
                + "epr-db02,10.0.0.2,4,8192,Windows,100,extra\r\n", as: "dc1.csv", in: scratch2)
        #expect(Self.failure { try AzureMigrateImporter().read([path]) }
            == ImportError(file: "dc1.csv", location: .line(3, header: nil), .tooManyFields(count: 7, header: 6)))
    }

    @Test(arguments: CloudTemplateBadInputTests.Format.allCases)
    func aTruncatedCloudTemplateIsRefused(format: CloudTemplateBadInputTests.Format) throws {
        let scratch = try Scratch()
        let path: String
        let file: String
        switch format {
        case .azure:
            path = try CloudTemplateBadInputTests.write(CloudTemplateBadInputTests.azureHeader
                + "epr-db01,10.0.0.1,4,8192,Windows,100\r\nepr-db02,10.0.0.2,4,81", as: "dc1.csv", in: scratch)
            file = "dc1.csv"
        case .aws:
            path = try CloudTemplateBadInputTests.write(CloudTemplateBadInputTests.awsHeader
                + "INV-1,epr-db01,8,1024,Windows,,\r\nINV-2,epr-db02,8,1024,Wind", as: "import.csv", in: scratch)
            file = "import.csv"
        case .google:
            path = try CloudTemplateBadInputTests.write(CloudTemplateBadInputTests.vmInfoHeader
                + "m-1,epr-db01,8,64,Windows,FALSE\r\nm-2,epr-db02,8,6", as: "vmInfo.csv", in: scratch)
            file = path
        }
        let error = CloudTemplateBadInputTests.failure(format, [path])
        #expect(error == ImportError(file: file, location: .line(3, header: nil), .truncatedCSV(line: 3)))
    }

    @Test(arguments: CloudTemplateBadInputTests.Format.allCases)
    func aHeaderOnlyTemplateIsRefusedSoNoInventoryIsEmptied(format: CloudTemplateBadInputTests.Format) throws {
        let scratch = try Scratch()
        let path: String
        let expected: ImportError
        switch format {
        case .azure:
            path = try CloudTemplateBadInputTests.write(CloudTemplateBadInputTests.azureHeader, as: "dc1.csv",
                                                        in: scratch)
            expected = ImportError(file: "dc1.csv", .noServers(noun: "servers"))
        case .aws:
            path = try CloudTemplateBadInputTests.write(CloudTemplateBadInputTests.awsHeader, as: "import.csv",
                                                        in: scratch)
            expected = ImportError(file: "import.csv", .noServers(noun: "servers"))
        case .google:
            path = try CloudTemplateBadInputTests.write(CloudTemplateBadInputTests.vmInfoHeader, as: "vmInfo.csv",
                                                        in: scratch)
            expected = ImportError(file: path, .noServers(noun: "machines"))
        }
        let error = CloudTemplateBadInputTests.failure(format, [path])
        #expect(error == expected)
        #expect(error?.description.hasSuffix("; nothing written") == true)
    }

    @Test func aHeaderOnlyVInfoIsRefused() throws {
        let (scratch, folder) = try CSVExportTests.export(["RVTools_tabvInfo.csv": Self.vInfoHeader])
        _ = scratch
        let error = Self.failure { try RVToolsImporter().read([folder]) }
        #expect(error?.problem == .noServers(noun: "VMs"))
        #expect(error?.description == folder + "/RVTools_tabvInfo.csv: sheet 'vInfo': error: lists no VMs; nothing "
            + "written")
    }

    // MARK: finding 2: a powered-off VM's In Use of 0

    @Test func aPoweredOffVMWithNothingInUseHasNoStorageUsedPercent() throws {
        let (scratch, folder) = try CSVExportTests.export([
            "RVTools_tabvInfo.csv": Self.vInfoHeader + "off-zero,poweredOff,False,2,4096,10240,0,DC1,\n"
                + "off-some,poweredOff,False,2,4096,10240,5120,DC1,\n"
                + "on-zero,poweredOn,False,2,4096,10240,0,DC1,\n",
        ])
        _ = scratch
        let estate = try RVToolsImporter().read([folder])
        let used = Dictionary(uniqueKeysWithValues: estate.servers.map { ($0.id, $0.storageUsedPercent) })
        #expect(used["off-zero"] == .some(nil))
        #expect(used["off-some"] == 50)
        #expect(used["on-zero"] == 0)
    }

    // MARK: finding 3: Google's fallback to the machine's totals

    @Test func aGoogleDiskWithoutUsedFallsBackToTheMachineTotals() throws {
        let scratch = try Scratch()
        _ = try CloudTemplateBadInputTests.write(
            "MachineId,MachineName,MemoryGiB,TotalDiskAllocatedGiB,TotalDiskUsedGiB\r\nm-1,epr-db01,8,200,50\r\n"
                + "m-2,epr-db02,8,200,50\r\n", as: "vmInfo.csv", in: scratch)
        _ = try CloudTemplateBadInputTests.write(
            "MachineId,DiskId,SizeInGib,UsedInGib\r\nm-1,d1,100,10\r\nm-1,d2,100,\r\nm-2,d1,100,10\r\n"
                + "m-2,d2,100,30\r\n",
            as: "diskInfo.csv", in: scratch)
        let estate = try GoogleMigrationCenterImporter().read([scratch.path("export")])
        let used = Dictionary(uniqueKeysWithValues: estate.servers.map { ($0.id, $0.storageUsedPercent) })
        #expect(used["epr-db01"] == 25)  // 50 of 200 GiB, from vmInfo's totals
        #expect(used["epr-db02"] == 20)  // 40 of 200 GiB, from the disks, which all say
    }

    // MARK: finding 4: only the export's own attributes are groupable

    @Test func cloudfirstsNotesAreNotOfferedAsAttributesToGroupBy() throws {
        let scratch = try Scratch()
        let aws = try CloudTemplateBadInputTests.write(CloudTemplateBadInputTests.awsHeader
            + "INV-1,epr-db01,8,1024,Windows,,service:EPR\r\n", as: "import.csv", in: scratch)
        let estate = try AWSDiscoveryImporter().read([aws])
        #expect(estate.servers[0].attributes.map(\.name) == ["ExternalId", "service"])
        #expect(estate.servers[0].groupableAttributes.map(\.name) == ["service"])
        #expect(throws: ServicesDraft.UnknownAttribute(name: "ExternalId", available: ["service"], noun: "tag",
                                                       place: "the keys of the Tags column (key:value)",
                                                       serverNoun: "server")) {
            try ServicesDraft(estate, attribute: "ExternalId")
        }
        #expect(try ServicesDraft(estate, attribute: "service").services.map(\.name) == ["EPR"])
        let azure = try CloudTemplateBadInputTests.write("*Server name,*Cores,*Memory (In MB),*OS name,"
            + "CPU utilization percentage\r\nepr-db01,4,8192,Windows,12\r\n", as: "dc1.csv", in: scratch)
        let azureEstate = try AzureMigrateImporter().read([azure])
        #expect(azureEstate.servers[0].attributes.map(\.kind) == [.note])
        let error = ServicesDraft.UnknownAttribute(name: "utilisation (one figure each, not a p95)", available: [],
                                                   noun: "attribute",
                                                   place: "Azure Migrate's import template has no custom attributes "
                                                       + "or tags", serverNoun: "server")
        #expect(throws: error) {
            try ServicesDraft(azureEstate, attribute: "utilisation (one figure each, not a p95)")
        }
    }

    // MARK: finding 6: files that are not the CSV they should be

    @Test func aSemicolonSeparatedOrUTF16FileIsNamedForWhatItIs() throws {
        let scratch = try Scratch()
        let semi = try CloudTemplateBadInputTests.write(
            "*Server name;*Cores;*Memory (In MB);*OS name\r\nepr;4;8192;W\r\n", as: "dc1.csv", in: scratch)
        let error = Self.failure { try AzureMigrateImporter().read([semi]) }
        #expect(error == ImportError(file: "dc1.csv", location: .line(1, header: nil), .semicolonSeparated))
        #expect(error?.description.contains("looks semicolon-separated (a European Excel's CSV): save it as "
            + "comma-separated") == true)
        let utf16 = scratch.path("export/aws.csv")
        var data = Data([0xFF, 0xFE])
        data.append(CloudTemplateBadInputTests.awsHeader.data(using: .utf16LittleEndian)!)
        try data.write(to: URL(fileURLWithPath: utf16))
        #expect(Self.failure { try AWSDiscoveryImporter().read([utf16]) } == ImportError(file: "aws.csv", .utf16))
    }

    @Test func anRVToolsFolderIsCheckedAtVInfoFirst() throws {
        let (scratch, folder) = try CSVExportTests.export([
            "RVTools_tabvInfo.csv": "VM;Powerstate\na;poweredOn\n",
            "RVTools_tabvDisk.csv": "VM;Capacity MiB\na;1024\n",
        ])
        _ = scratch
        #expect(Self.failure { try RVToolsImporter().read([folder]) }
            == ImportError(file: folder + "/RVTools_tabvInfo.csv", location: .line(1, header: nil),
                           .semicolonSeparated))
    }

    @Test func anEmptyWorkbookAndAWorkbookGivenForATemplateAreNamed() throws {
        let scratch = try Scratch()
        let empty = try CloudTemplateBadInputTests.write("", as: "rvtools.xlsx", in: scratch)
        #expect(Self.failure { try RVToolsImporter().read([empty]) }
            == ImportError(file: "rvtools.xlsx", .emptyFile))
        #expect(ImportError(file: "rvtools.xlsx", .emptyFile).description == "rvtools.xlsx: error: is empty (0 bytes)")
        let workbook = try CloudTemplateBadInputTests.write("PK\u{3}\u{4}", as: "template.xlsx", in: scratch)
        #expect(Self.failure { try AzureMigrateImporter().read([workbook]) }
            == ImportError(file: "template.xlsx", .workbookNotCSV))
        #expect(Self.failure { try AWSDiscoveryImporter().read([workbook]) }
            == ImportError(file: "template.xlsx", .workbookNotCSV))
    }

    // MARK: finding 7: a duplicate machine id is called one

    @Test func aDuplicateGoogleMachineIdSaysMachineIds() throws {
        let scratch = try Scratch()
        let path = try CloudTemplateBadInputTests.write(CloudTemplateBadInputTests.vmInfoHeader
            + "m-1,epr-db01,8,64,Windows,FALSE\r\nm-1,epr-db02,8,64,Windows,FALSE\r\n", as: "vmInfo.csv", in: scratch)
        let error = CloudTemplateBadInputTests.failure(.google, [scratch.path("export")])
        #expect(error?.problem == .duplicateMachineID(id: "m-1", first: path + ":2"))
        #expect(error?.description.hasSuffix("MachineId 'm-1' appears twice (first at \(path):2); machine ids must be "
            + "unique") == true, "\(String(describing: error))")
    }
}
