import Foundation
@testable import Importing
import Testing

/// Bad and awkward CSV import templates: each problem refused with the file, line and column named, never a crash;
/// what spreadsheet programs do to a CSV (quotes, thousands separators, line breaks in cells, blank rows, headers in
/// any case and order) read as meant.
@Suite struct CloudTemplateBadInputTests {
    enum Format: String, CaseIterable {
        case azure, aws, google
    }

    static func read(_ format: Format, _ paths: [String]) throws -> ImportedEstate {
        switch format {
        case .azure: try AzureMigrateImporter().read(paths)
        case .aws: try AWSDiscoveryImporter().read(paths)
        case .google: try GoogleMigrationCenterImporter().read(paths)
        }
    }

    static func failure(_ format: Format, _ paths: [String]) -> ImportError? {
        do {
            _ = try read(format, paths)
            Issue.record("read without an error")
            return nil
        } catch let error as ImportError {
            return error
        } catch {
            Issue.record("not an ImportError: \(error)")
            return nil
        }
    }

    /// Writes `text` as `name` in a fresh folder (`folder` inside the scratch one); the file's path.
    static func write(_ text: String, as name: String, in scratch: Scratch, folder: String = "export") throws
        -> String {
        let directory = scratch.path(folder)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let azureHeader = "*Server name,IP addresses,*Cores,*Memory (In MB),*OS name,Disk 1 size (In GB)\r\n"
    static let awsHeader = "ExternalId,HostName,CPU.NumberOfCores,RAM.TotalSizeInMB,OS.Name,Applications,Tags\r\n"
    static let vmInfoHeader = "MachineId,MachineName,AllocatedProcessorCoreCount,MemoryGiB,OsName,IsPhysical\r\n"

    // MARK: required columns

    @Test func azureMigrateWithoutARequiredColumnNamesIt() throws {
        let scratch = try Scratch()
        let path = try Self.write("*Server name,IP addresses,*Memory (In MB),*OS name\nepr-db01,10.0.0.1,4096,Windows\n",
                                  as: "servers.csv", in: scratch)
        let error = Self.failure(.azure, [path])
        #expect(error == ImportError(file: "servers.csv", location: .line(1, header: nil),
                                     .missingTemplateColumn(names: ["Cores"], format: "Azure Migrate's import template")))
        #expect(error?.description == "servers.csv:1: error: has no 'Cores' column in its header, which Azure "
            + "Migrate's import template requires")
    }

    @Test func awsWithoutAnyNamingColumnNamesThem() throws {
        let scratch = try Scratch()
        let path = try Self.write("IPAddress,CPU.NumberOfCores\n10.0.0.1,4\n", as: "import.csv", in: scratch)
        let error = Self.failure(.aws, [path])
        #expect(error?.file == "import.csv")
        #expect(error?.description.contains("has no 'VMware.VMName' or 'HostName' or 'ExternalId' column") == true,
                "\(String(describing: error))")
    }

    @Test func googleWithoutMachineIdOrWithoutVmInfoNamesIt() throws {
        let scratch = try Scratch()
        let path = try Self.write("MachineName,MemoryGiB\nepr-db01,16\n", as: "vmInfo.csv", in: scratch)
        // A file of a folder the user gave is named under that folder as it was given.
        #expect(Self.failure(.google, [scratch.path("export")])
            == ImportError(file: scratch.path("export") + "/vmInfo.csv", location: .line(1, header: nil),
                           .missingTemplateColumn(names: ["MachineId"], format: "Migration Center's import template")))
        try FileManager.default.removeItem(atPath: path)
        _ = try Self.write("MachineId,TimeStamp,CpuUtilizationPercentage\n", as: "perfInfo.csv", in: scratch)
        let missing = Self.failure(.google, [scratch.path("export")])
        #expect(missing?.file == scratch.path("export"))
        #expect(missing?.description.contains("it has no vmInfo.csv") == true)
        let stray = try Self.write("a,b\n", as: "servers.csv", in: scratch, folder: "other")
        #expect(Self.failure(.google, [stray])?.description.contains("not one of a Migration Center import's files")
            == true)
    }

    // MARK: bad numbers

    @Test(arguments: Format.allCases)
    func aBadNumberNamesFileLineAndColumn(format: Format) throws {
        let scratch = try Scratch()
        let path: String
        let expected: ImportError
        switch format {
        case .azure:
            path = try Self.write(Self.azureHeader + "epr-db01,10.0.0.1,16,131072,Windows,200\r\n"
                + "epr-app01,10.0.0.2,eight,32768,Windows,100\r\n", as: "dc1.csv", in: scratch)
            expected = ImportError(file: "dc1.csv", location: .line(3, header: "*Cores"), .notANumber("eight"))
        case .aws:
            path = try Self.write(Self.awsHeader + "INV-1,ris-app01,8,\"32,76\",Windows,,\r\n",
                                  as: "import.csv", in: scratch)
            expected = ImportError(file: "import.csv", location: .line(2, header: "RAM.TotalSizeInMB"),
                                   .notANumber("32,76"))
        case .google:
            _ = try Self.write(Self.vmInfoHeader + "m-1,epr-db01,8,64,Windows,FALSE\r\n", as: "vmInfo.csv",
                               in: scratch)
            path = try Self.write("MachineId,TimeStamp,CpuUtilizationPercentage\r\nm-1,2026-11-02T00:00:00Z,12\r\n"
                + "m-1,2026-11-02T01:00:00Z,n/a\r\n", as: "perfInfo.csv", in: scratch)
            expected = ImportError(file: scratch.path("export") + "/perfInfo.csv",
                                   location: .line(3, header: "CpuUtilizationPercentage"), .notANumber("n/a"))
        }
        let error = Self.failure(format, format == .google ? [(path as NSString).deletingLastPathComponent] : [path])
        #expect(error == expected)
        #expect(error?.description.hasPrefix(expected.file + ":\(expected.location.map(Self.line) ?? 0): error: "
            + "column '") == true, "\(String(describing: error))")
    }

    static func line(_ location: ImportLocation) -> Int {
        if case .line(let line, _) = location { return line }
        return 0
    }

    // MARK: duplicates

    @Test(arguments: Format.allCases)
    func aDuplicateServerNameNamesBothLines(format: Format) throws {
        let scratch = try Scratch()
        var paths: [String]
        let file: String
        switch format {
        case .azure:
            paths = [try Self.write(Self.azureHeader + "epr-db01,,16,131072,Windows,\r\nepr-app01,,8,1024,Windows,\r\n"
                + "epr-db01,,4,2048,Linux,\r\n", as: "dc1.csv", in: scratch)]
            file = "dc1.csv"
        case .aws:
            paths = [try Self.write(Self.awsHeader + "INV-1,epr-db01,8,1024,Windows,,\r\nINV-2,epr-app01,8,1024,,,\r\n"
                + "INV-3,epr-db01,8,1024,,,\r\n", as: "import.csv", in: scratch)]
            file = "import.csv"
        case .google:
            _ = try Self.write(Self.vmInfoHeader + "m-1,epr-db01,8,64,Windows,FALSE\r\nm-2,epr-app01,8,64,,\r\n"
                + "m-3,epr-db01,8,64,,\r\n", as: "vmInfo.csv", in: scratch)
            paths = [scratch.path("export")]
            file = scratch.path("export") + "/vmInfo.csv"
        }
        let error = Self.failure(format, paths)
        #expect(error?.file == file)
        #expect(error?.location.map(Self.line) == 4)
        #expect(error?.problem == .duplicateServer(name: "epr-db01", first: "\(file):2"))
        #expect(error?.description.contains("server 'epr-db01' appears twice (first at \(file):2)") == true)
    }

    @Test func aDuplicateAcrossTwoExportsNamesBothFiles() throws {
        let scratch = try Scratch()
        let first = try Self.write(Self.azureHeader + "epr-db01,,16,131072,Windows,\r\n", as: "dc1.csv", in: scratch)
        let second = try Self.write(Self.azureHeader + "epr-app01,,8,1024,Windows,\r\nepr-db01,,16,131072,Windows,\r\n",
                                    as: "dc2.csv", in: scratch)
        let error = Self.failure(.azure, [first, second])
        #expect(error == ImportError(file: "dc2.csv", location: .line(3, header: "*Server name"),
                                     .duplicateServer(name: "epr-db01", first: "dc1.csv:2")))
    }

    @Test func namesAreTrimmedBeforeTheyAreCompared() throws {
        let scratch = try Scratch()
        let path = try Self.write(Self.awsHeader + "INV-1,epr db01,8,1024,,,\r\nINV-2,epr db01 ,8,1024,,,\r\n",
                                  as: "import.csv", in: scratch)
        // Cells are trimmed, so the second is the same name; the name itself is what is compared.
        #expect(Self.failure(.aws, [path])?.problem == .duplicateServer(name: "epr db01", first: "import.csv:2"))
    }

    // MARK: what spreadsheet programs write

    @Test func quotedCommasLineBreaksThousandsSeparatorsAndBlankTrailingRows() throws {
        let scratch = try Scratch()
        let path = try Self.write("\u{FEFF}ExternalId,HostName,CPU.NumberOfCores,RAM.TotalSizeInMB,OS.Name,"
            + "Applications,Tags\r\n"
            + "INV-1,pas-app01,\"4\",\"16,384\",\"Microsoft Windows Server 2019\",\"Patient Administration, Theatres\","
            + "\"owner:pas team, note:\"\"first line\r\nsecond line\"\"\"\r\n"
            + ",,,,,,\r\n"
            + ",,,,,,\r\n"
            + "   ,  ,,,,,\r\n", as: "import.csv", in: scratch)
        let estate = try AWSDiscoveryImporter().read([path])
        #expect(estate.servers.count == 1)
        #expect(estate.rowsWithoutName == 0, "blank rows, even of spaces, are not rows without a name")
        let server = try #require(estate.servers.first)
        #expect(server.memoryGB == 17.18)
        #expect(server.cpuCores == 4)
        #expect(server.applications == ["Patient Administration", "Theatres"])
        #expect(server.attributes.suffix(2) == [.init(name: "owner", value: "pas team"),
                                               .init(name: "note", value: "\"first line\nsecond line\"")])
    }

    @Test func headersAreBoundByNameInAnyCaseAndOrder() throws {
        let scratch = try Scratch()
        let path = try Self.write("disk 2 size (in gb),OS NAME,  memory (in mb) ,cores,SERVER NAME,Disk 1 Size (In GB)\n"
            + "50,Ubuntu 22.04,2048,2,web01,20\n", as: "moved.csv", in: scratch)
        let server = try #require(try AzureMigrateImporter().read([path]).servers.first)
        #expect(server.id == "web01" && server.cpuCores == 2 && server.memoryGB == 2.15 && server.os == "Ubuntu 22.04")
        #expect(server.disksGB == [20, 50], "disks in their numbers' order, not the columns'")
    }

    @Test func anUnclosedQuoteNamesItsLine() throws {
        let scratch = try Scratch()
        let path = try Self.write(Self.azureHeader + "epr-db01,,16,1024,Windows,\n\"epr-app01,,8,1024,Windows,\n",
                                  as: "dc1.csv", in: scratch)
        #expect(Self.failure(.azure, [path]) == ImportError(file: "dc1.csv", location: .line(3, header: nil),
            .malformedCSV(reason: "a quoted field starts here and never ends")))
    }

    // MARK: Migration Center's series and its references

    @Test func percentilesAreNearestRankOverTheSeriesAndDaysItsSpan() throws {
        #expect(GoogleMigrationCenterImporter.percentile95([]) == nil)
        #expect(GoogleMigrationCenterImporter.percentile95([42]) == 42)
        // 20 samples: rank ceil(19) = 19, the second largest; no interpolation towards the largest.
        #expect(GoogleMigrationCenterImporter.percentile95((1...20).map(Double.init).reversed()) == 19)
        // 21 samples: rank ceil(19.95) = 20.
        #expect(GoogleMigrationCenterImporter.percentile95((1...21).map(Double.init)) == 20)

        let scratch = try Scratch()
        _ = try Self.write(Self.vmInfoHeader + "m-1,epr-db01,8,8,Windows,FALSE\r\nm-2,epr-app01,4,4,Linux,\r\n",
                           as: "vmInfo.csv", in: scratch)
        // m-1: 3 days and 12 hours, UTC offsets honoured; its AvailableMemoryBytes are all 0 (no memory series).
        // m-2: available bytes of its 4 GiB: 3 GiB free is 25% used, 1 GiB free 75%.
        _ = try Self.write("MachineId,TimeStamp,CpuUtilizationPercentage,AvailableMemoryBytes\r\n"
            + "m-1,2026-11-02T01:00:00+01:00,10,0\r\n"
            + "m-1,2026-11-05 12:00,30,0\r\n"
            + "m-1,\"11/03/2026, 2:00:00 PM\",20,0\r\n"
            + "m-2,2026-11-02T00:00:00Z,,3221225472\r\n"
            + "m-2,2026-11-02T00:30:00Z,,1073741824\r\n", as: "perfInfo.csv", in: scratch)
        let estate = try GoogleMigrationCenterImporter().read([scratch.path("export")])
        let first = try #require(estate.servers.first { $0.id == "epr-db01" })
        #expect(first.cpuP95 == 30 && first.memoryP95 == nil && first.daysSampled == 4)  // 3.5 days, rounded
        let second = try #require(estate.servers.first { $0.id == "epr-app01" })
        #expect(second.cpuP95 == nil && second.memoryP95 == 75 && second.daysSampled == 0)
    }

    @Test func aBadTimeStampOrAnUnknownMachineIsRefused() throws {
        let scratch = try Scratch()
        _ = try Self.write(Self.vmInfoHeader + "m-1,epr-db01,8,8,Windows,FALSE\r\n", as: "vmInfo.csv", in: scratch)
        let perf = try Self.write("MachineId,TimeStamp,CpuUtilizationPercentage\r\nm-1,13/11/2026 10:00,5\r\n",
                                  as: "perfInfo.csv", in: scratch)
        let export = scratch.path("export")
        #expect(Self.failure(.google, [export])
            == ImportError(file: export + "/perfInfo.csv", location: .line(2, header: "TimeStamp"),
                           .notATime("13/11/2026 10:00")))
        try FileManager.default.removeItem(atPath: perf)
        _ = try Self.write("MachineId,Key,Value\r\nm-9,owner,estates\r\n", as: "tagInfo.csv", in: scratch)
        let error = Self.failure(.google, [scratch.path("export")])
        #expect(error == ImportError(file: export + "/tagInfo.csv", location: .line(2, header: "MachineId"),
                                     .unknownMachine(id: "m-9", listedIn: export + "/vmInfo.csv")))
        #expect(error?.description == export + "/tagInfo.csv:2: error: column 'MachineId': MachineId 'm-9' is not a "
            + "machine that " + export + "/vmInfo.csv lists")
    }

    @Test func filesNamedOneByOneAreOneExportOfTheirFolder() throws {
        let scratch = try Scratch()
        let vmInfo = try Self.write(Self.vmInfoHeader + "m-1,epr-db01,8,8,Windows,TRUE\r\n", as: "VMINFO.CSV",
                                    in: scratch, folder: "dc3")
        let tags = try Self.write("MachineId,Key,Value\r\nm-1,owner,estates\r\n", as: "tagInfo.csv", in: scratch,
                                  folder: "dc3")
        let estate = try GoogleMigrationCenterImporter().read([vmInfo, tags])
        #expect(estate.sources.map(\.name) == ["dc3"])
        #expect(estate.sites.map(\.id) == ["dc3"])
        #expect(estate.servers.first?.attributes == [.init(name: "owner", value: "estates")])
        #expect(estate.servers.first?.platform == "physical")
    }

    @Test func anExportIsNamedAfterItsFolderEvenWhenGivenAsDot() {
        #expect(GoogleMigrationCenterImporter.folderName("/data/northshire-dc2/") == "northshire-dc2")
        #expect(GoogleMigrationCenterImporter.folderName("/data/northshire-dc2/exports/..") == "northshire-dc2")
        #expect(GoogleMigrationCenterImporter.folderName(".")
            == URL(fileURLWithPath: FileManager.default.currentDirectoryPath).lastPathComponent)
    }

    @Test(arguments: [
        ("2026-11-02T10:30:00Z", 1_793_615_400.0), ("2026-11-02 10:30", 1_793_615_400), ("2026-11-02", 1_793_577_600),
        ("2026-11-02T11:30:00+01:00", 1_793_615_400), ("2026-11-02T10:30:00.5Z", 1_793_615_400.5),
        ("11/02/2026, 10:30:00", 1_793_615_400), ("11/02/2026 10:30:00 AM", 1_793_615_400),
        ("11/02/2026 12:00:00 AM", 1_793_577_600), ("11/02/2026 12:30 PM", 1_793_622_600),
    ])
    func timeStamps(text: String, seconds: Double) {
        #expect(SampleTime.seconds(text) == seconds)
    }

    @Test(arguments: ["", "yesterday", "2026-13-02T00:00:00Z", "2026-02-30", "02/30/2026", "2026-11-02T25:00",
                      "11/02/2026 13:00 PM", "2026-11-02T10:30:00+1"])
    func notTimeStamps(text: String) {
        #expect(SampleTime.seconds(text) == nil)
    }
}
