import Foundation
@testable import Importing
import Testing

/// Every kind of bad export the issue lists is refused with the file, and where in it, named; never a crash.
@Suite struct BadExportTests {
    typealias Cell = WorkbookBuilder.Cell

    static func failure(_ paths: [String], limits: ImportLimits = ImportLimits()) -> ImportError? {
        do {
            _ = try RVToolsImporter(limits: limits).read(paths)
            return nil
        } catch let error as ImportError {
            return error
        } catch {
            Issue.record("not an ImportError: \(error)")
            return nil
        }
    }

    static func write(_ builder: WorkbookBuilder, in scratch: Scratch, as name: String = "export.xlsx") throws
        -> String {
        let path = scratch.path(name)
        try builder.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func notAZip() throws {
        let scratch = try Scratch()
        let path = scratch.path("notes.xlsx")
        try Data("VM,Powerstate\n".utf8).write(to: URL(fileURLWithPath: path))
        let error = Self.failure([path])
        #expect(error == ImportError(file: "notes.xlsx", .notAWorkbook))
        #expect(error?.description.hasPrefix("notes.xlsx: error: is not an .xlsx workbook") == true)
    }

    @Test func oldBinaryExcelAndPasswordProtectedWorkbooks() throws {
        let scratch = try Scratch()
        let magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        let xls = scratch.path("old.xls")
        try Data(magic + [UInt8](repeating: 0, count: 1024) + Array("Workbook".utf16.flatMap { [UInt8($0), 0] }))
            .write(to: URL(fileURLWithPath: xls))
        #expect(Self.failure([xls]) == ImportError(file: "old.xls", .oldExcelFormat))
        let encrypted = scratch.path("locked.xlsx")
        try Data(magic + [UInt8](repeating: 0, count: 1024)
            + Array("EncryptedPackage".utf16.flatMap { [UInt8($0), 0] }) + [0, 0])
            .write(to: URL(fileURLWithPath: encrypted))
        let error = Self.failure([encrypted])
        #expect(error == ImportError(file: "locked.xlsx", .encryptedWorkbook))
        #expect(error?.description.contains("remove the password") == true)
    }

    @Test func zipWithoutWorkbookPart() throws {
        let scratch = try Scratch()
        var builder = WorkbookBuilder([("vInfo", [["VM"], ["a"]])])
        builder.includeWorkbookPart = false
        let path = try Self.write(builder, in: scratch, as: "parts.xlsx")
        #expect(Self.failure([path]) == ImportError(file: "parts.xlsx", .missingPart("xl/workbook.xml")))
    }

    @Test func noVInfoSheet() throws {
        let scratch = try Scratch()
        let path = try Self.write(WorkbookBuilder([("vHost", [["Host"], ["esx01"]])]), in: scratch)
        let error = Self.failure([path])
        #expect(error == ImportError(file: "export.xlsx", .missingSheet("vInfo", available: ["vHost"])))
        #expect(error?.description == "export.xlsx: error: has no 'vInfo' sheet, which an RVTools export always has; "
            + "its sheets are 'vHost'")
    }

    @Test func vInfoWithoutAVMColumn() throws {
        let scratch = try Scratch()
        let path = try Self.write(WorkbookBuilder([("vInfo", [["Name", "Powerstate"], ["a", "poweredOn"]])]),
                                  in: scratch)
        let error = Self.failure([path])
        #expect(error == ImportError(file: "export.xlsx", location: .cell(sheet: "vInfo", row: 1, column: 0, header: nil),
                                     .missingColumn(sheet: "vInfo", names: ["VM"])))
        #expect(error?.description == "export.xlsx: sheet 'vInfo', cell A1: error: the 'vInfo' sheet has no 'VM' column "
            + "in its header")
    }

    @Test func duplicateVMNames() throws {
        let scratch = try Scratch()
        let path = try Self.write(WorkbookBuilder([("vInfo", [["Powerstate", "VM"], ["poweredOn", "app01"],
                                                               ["poweredOn", "app02"], ["poweredOff", "app01"]])]),
                                  in: scratch)
        let error = Self.failure([path])
        #expect(error?.location == .cell(sheet: "vInfo", row: 4, column: 1, header: "VM"))
        #expect(error?.description == "export.xlsx: sheet 'vInfo', cell B4 (column 'VM'): error: VM 'app01' appears "
            + "twice (first at export.xlsx: sheet 'vInfo', cell B2 (column 'VM')); VM names must be unique to become "
            + "server ids")
    }

    @Test func duplicateVMNamesAcrossExports() throws {
        let scratch = try Scratch()
        let one = try Self.write(WorkbookBuilder([("vInfo", [["VM"], ["app01"]])]), in: scratch, as: "one.xlsx")
        let two = try Self.write(WorkbookBuilder([("vInfo", [["VM"], ["app01"]])]), in: scratch, as: "two.xlsx")
        let error = Self.failure([one, two])
        #expect(error?.file == "two.xlsx")
        #expect(error?.problem == .duplicateVM(name: "app01", first: "one.xlsx: sheet 'vInfo', cell A2 (column 'VM')"))
    }

    @Test func truncatedWorkbook() throws {
        let scratch = try Scratch()
        let whole = try Data(contentsOf: URL(fileURLWithPath: Fixtures.rvtools("small-complete.xlsx")))
        let path = scratch.path("cut.xlsx")
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))
        let error = Self.failure([path])
        guard case .damagedZip? = error?.problem else {
            Issue.record("expected a damaged zip, got \(String(describing: error))")
            return
        }
        #expect(error?.file == "cut.xlsx")
    }

    @Test func hugeCellInline() throws {
        let scratch = try Scratch()
        let huge = String(repeating: "x", count: 8 << 20)
        let path = try Self.write(WorkbookBuilder([("vInfo", [["VM", "Annotation"], ["app01", .inline(huge)]])]),
                                  in: scratch)
        let error = Self.failure([path])
        #expect(error?.location == .cell(sheet: "vInfo", row: 2, column: 1, header: nil))
        guard case .cellTooLong(_, 32_767)? = error?.problem else {
            Issue.record("expected a cell too long, got \(String(describing: error))")
            return
        }
    }

    @Test func hugeCellInSharedStrings() throws {
        let scratch = try Scratch()
        let huge = String(repeating: "y", count: 8 << 20)
        let path = try Self.write(WorkbookBuilder([("vInfo", [["VM", "Annotation"], ["app01", .text(huge)]])]),
                                  in: scratch)
        let error = Self.failure([path])
        #expect(error?.location == .part("xl/sharedStrings.xml, shared string 3"))
        guard case .cellTooLong? = error?.problem else {
            Issue.record("expected a cell too long, got \(String(describing: error))")
            return
        }
    }

    @Test func sharedStringIndexOutOfRange() throws {
        let scratch = try Scratch()
        let path = try Self.write(WorkbookBuilder([("vInfo", [["VM", "Powerstate"], ["app01", .sharedIndex(99)]])]),
                                  in: scratch)
        let error = Self.failure([path])
        #expect(error == ImportError(file: "export.xlsx", location: .cell(sheet: "vInfo", row: 2, column: 1, header: nil),
                                     .sharedStringOutOfRange(index: "99", count: 3)))
        #expect(error?.description == "export.xlsx: sheet 'vInfo', cell B2: error: refers to shared string 99, but the "
            + "workbook has 3; the workbook is damaged")
    }

    @Test func zipBombStopsAtTheInflatedLimit() throws {
        let scratch = try Scratch()
        // 4 MB of one repeated cell deflates to a few kB; the limit here is 1 MB (the default is 2 GiB).
        let rows: [[Cell]] = [["VM"]] + (0..<40_000).map { [.inline("vm-\($0)-" + String(repeating: "z", count: 60))] }
        let path = try Self.write(WorkbookBuilder([("vInfo", rows)]), in: scratch)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        #expect(size < 1_000_000)
        let error = Self.failure([path], limits: ImportLimits(maxPartBytes: 1_000_000))
        #expect(error == ImportError(file: "export.xlsx", location: .part("xl/worksheets/sheet1.xml"),
                                     .inflatedTooLarge(limit: 1_000_000)))
    }

    @Test func notANumberWhereANumberBelongs() throws {
        let scratch = try Scratch()
        let path = try Self.write(WorkbookBuilder([("vInfo", [["VM", "CPUs"], ["app01", "four"]])]), in: scratch)
        #expect(Self.failure([path]) == ImportError(file: "export.xlsx",
                                                    location: .cell(sheet: "vInfo", row: 2, column: 1, header: "CPUs"),
                                                    .notANumber("four")))
    }

    @Test func unreadableFile() throws {
        let error = Self.failure(["/nonexistent/export.xlsx"])
        #expect(error == ImportError(file: "/nonexistent/export.xlsx", .unreadable(reason: "no such file or folder")))
    }

    @Test func malformedXMLInASheet() throws {
        let scratch = try Scratch()
        var builder = WorkbookBuilder([("vInfo", [["VM"], ["a"]])])
        // The sheet part as XML cut off in the middle of a row.
        builder.replacedParts = ["xl/worksheets/sheet1.xml": "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\">"]
        let path = try Self.write(builder, in: scratch)
        let error = Self.failure([path])
        guard case .malformedXML? = error?.problem else {
            Issue.record("expected malformed XML, got \(String(describing: error))")
            return
        }
        #expect(error?.location == .sheet("vInfo"))
    }
}
