import Foundation
import Testing

/// `cloudfirst import rvtools` as a person runs it: an export in, an inventory that validates, assesses and plans
/// out; re-imports that change nothing; an edited output kept; bad exports refused with nothing written.
@Suite struct ImportCommandTests {
    static let sample = Binary.root.appendingPathComponent("Tests/ImportingTests/Fixtures/rvtools/kubev2v-example1.xlsx").path

    static func entries(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test func importedEstateValidatesAssessesAndPlans() throws {
        let scratch = try Scratch()
        let folder = scratch.url.appendingPathComponent("estate").path
        let out = folder + "/rvtools.yaml"
        let run = try Binary.cloudfirst(["import", "rvtools", Self.sample, "--out", out,
                                         "--organisation", "Example NHS Trust"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "wrote \(out): 9 servers (6 powered off), 2 sites; 0 templates skipped\n")
        #expect(run.stderr.isEmpty)
        #expect(try Self.entries(folder) == [".cloudfirst-manifest.json", "rvtools.yaml"])
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.hasPrefix("# Imported from RVTools export 'kubev2v-example1.xlsx' (dated 2025-10-23) by "
            + "cloudfirst "))
        #expect(!text.contains(scratch.url.path), "the output names a machine path")

        let validate = try Binary.cloudfirst(["validate", folder])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout == "valid: 1 file, 2 sites, 9 servers, 0 services\n")
        let assess = try Binary.cloudfirst(["assess", folder, "--format", "json"])
        #expect(assess.status == 0, "\(assess.stderr)")
        let plan = try Binary.cloudfirst(["plan", folder, "--format", "json"])
        #expect(plan.status == 0, "\(plan.stderr)")

        // A services file of a person's own beside it refers to the imported servers by id.
        try """
        cloudfirst: 1
        organisation: { name: Example NHS Trust }
        services:
          - id: fedora-app
            name: Fedora application
            servers: [vm-2, vm-3]
        """.write(toFile: folder + "/services.yaml", atomically: true, encoding: .utf8)
        let together = try Binary.cloudfirst(["assess", folder, "--format", "json"])
        #expect(together.status == 0, "\(together.stderr)")
        #expect(together.stdout.contains("\"fedora-app\""))
        let planned = try Binary.cloudfirst(["plan", folder])
        #expect(planned.status == 0, "\(planned.stderr)")

        // The same export again: the same bytes, and the person's file untouched.
        let again = try Binary.cloudfirst(["import", "rvtools", Self.sample, "--out", out,
                                           "--organisation", "Example NHS Trust"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasPrefix("\(out) unchanged: 9 servers"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == text)
    }

    @Test func anEditedOutputIsRefusedWithoutForce() throws {
        let scratch = try Scratch()
        let out = scratch.url.appendingPathComponent("rvtools.yaml").path
        #expect(try Binary.cloudfirst(["import", "rvtools", Self.sample, "--out", out]).status == 0)
        let edited = try String(contentsOfFile: out, encoding: .utf8) + "# a person's note\n"
        try edited.write(toFile: out, atomically: true, encoding: .utf8)
        let refused = try Binary.cloudfirst(["import", "rvtools", Self.sample, "--out", out])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("changed by hand since cloudfirst wrote it, and nothing was written: "
            + "\(out)."), "\(refused.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == edited)
        let forced = try Binary.cloudfirst(["import", "rvtools", Self.sample, "--out", out, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) != edited)

        // A file that cloudfirst never wrote is a person's too.
        let theirs = scratch.url.appendingPathComponent("theirs.yaml").path
        try "cloudfirst: 1\n".write(toFile: theirs, atomically: true, encoding: .utf8)
        #expect(try Binary.cloudfirst(["import", "rvtools", Self.sample, "--out", theirs]).status == 2)
    }

    @Test func badExportsExitTwoNamingTheFileAndLeaveNothing() throws {
        let scratch = try Scratch()
        let folder = scratch.url.appendingPathComponent("estate").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let notAZip = scratch.url.appendingPathComponent("export.xlsx").path
        try "VM,Powerstate\n".write(toFile: notAZip, atomically: true, encoding: .utf8)
        let run = try Binary.cloudfirst(["import", "rvtools", notAZip, "--out", folder + "/rvtools.yaml"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "cloudfirst: export.xlsx: error: is not an .xlsx workbook (not a zip file); give an "
            + "RVTools .xlsx export or the folder of its CSV export\n")
        #expect(try Self.entries(folder).isEmpty, "something was written")

        let truncated = scratch.url.appendingPathComponent("cut.xlsx").path
        let whole = try Data(contentsOf: URL(fileURLWithPath: Self.sample))
        try whole.prefix(whole.count / 3).write(to: URL(fileURLWithPath: truncated))
        let cut = try Binary.cloudfirst(["import", "rvtools", truncated, "--out", folder + "/rvtools.yaml"])
        #expect(cut.status == 2)
        #expect(cut.stderr.hasPrefix("cloudfirst: cut.xlsx: error: is a damaged or truncated .xlsx"), "\(cut.stderr)")
        #expect(!cut.stderr.contains("Fatal error") && !cut.stderr.contains("Stack dump"))
        #expect(try Self.entries(folder).isEmpty, "something was written")

        let wrongSuffix = try Binary.cloudfirst(["import", "rvtools", Self.sample, "--out", folder + "/out.json"])
        #expect(wrongSuffix.status == 2)
        #expect(wrongSuffix.stderr.contains("--out must name a .yaml or .yml file"))
    }

    /// A minimal .xlsx (ECMA-376 Part 1: the workbook, its relationships, one vInfo sheet) in a zip of stored
    /// entries (PKWARE APPNOTE 6.3.10, sections 4.3.7, 4.3.12 and 4.3.16), so that this suite, which has no zip
    /// library, can write a sheet the export's rows stream from before something in it goes wrong.
    static func workbook(sheet: String) -> Data {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let parts: [(String, String)] = [
            ("xl/workbook.xml", "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets><sheet name=\"vInfo\" "
                + "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                + "relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" "
                + "Target=\"worksheets/sheet1.xml\"/></Relationships>"),
            ("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"\(main)\"><sheetData>" + sheet),
        ]
        func crc32(_ bytes: [UInt8]) -> UInt32 {
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in bytes {
                crc ^= UInt32(byte)
                for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            }
            return ~crc
        }
        var zip: [UInt8] = []
        var directory: [UInt8] = []
        func le(_ value: Int, _ bytes: Int, into out: inout [UInt8]) {
            for index in 0..<bytes { out.append(UInt8((value >> (8 * index)) & 0xFF)) }
        }
        for (name, text) in parts {
            let data = Array(text.utf8), path = Array(name.utf8), crc = Int(crc32(data)), offset = zip.count
            le(0x0403_4B50, 4, into: &zip)
            for (value, bytes) in [(20, 2), (0, 2), (0, 2), (0, 2), (0x21, 2), (crc, 4), (data.count, 4),
                                   (data.count, 4), (path.count, 2), (0, 2)] { le(value, bytes, into: &zip) }
            zip += path + data
            le(0x0201_4B50, 4, into: &directory)
            for (value, bytes) in [(20, 2), (20, 2), (0, 2), (0, 2), (0, 2), (0x21, 2), (crc, 4), (data.count, 4),
                                   (data.count, 4), (path.count, 2), (0, 2), (0, 2), (0, 2), (0, 2), (0, 4),
                                   (offset, 4)] { le(value, bytes, into: &directory) }
            directory += path
        }
        let start = zip.count
        zip += directory
        le(0x0605_4B50, 4, into: &zip)
        for (value, bytes) in [(0, 2), (0, 2), (parts.count, 2), (parts.count, 2), (directory.count, 4), (start, 4),
                               (0, 2)] { le(value, bytes, into: &zip) }
        return Data(zip)
    }

    /// Rows stream to the importer as the sheet inflates, so a fault far into a sheet comes after rows were read:
    /// the import still exits 2 naming the place, and writes nothing.
    @Test func aFaultFarIntoASheetLeavesNothingWritten() throws {
        let scratch = try Scratch()
        let folder = scratch.url.appendingPathComponent("estate").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        func cell(_ reference: String, _ text: String) -> String {
            "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
        }
        var rows = "<row r=\"1\">" + cell("A1", "VM") + "</row>"
        for number in 2...2000 { rows += "<row r=\"\(number)\">" + cell("A\(number)", "vm-\(number)") + "</row>" }
        let cases: [(String, String, String)] = [
            ("cut.xlsx", rows + "<row r=\"2001\"><c r=\"A2001\"",
             "cloudfirst: cut.xlsx: sheet 'vInfo': error: is not well-formed XML (byte "),
            ("long.xlsx", rows + "<row r=\"2001\">" + cell("A2001", String(repeating: "x", count: 40_000))
                + "</row></sheetData></worksheet>",
             "cloudfirst: long.xlsx: sheet 'vInfo', cell A2001: error: "),
        ]
        for (name, sheet, message) in cases {
            let path = scratch.url.appendingPathComponent(name).path
            try Self.workbook(sheet: sheet).write(to: URL(fileURLWithPath: path))
            let run = try Binary.cloudfirst(["import", "rvtools", path, "--out", folder + "/rvtools.yaml"])
            #expect(run.status == 2, "\(name): \(run.stderr)")
            #expect(run.stderr.hasPrefix(message), "\(name): \(run.stderr)")
            #expect(!run.stderr.contains("Fatal error"))
            #expect(try Self.entries(folder).isEmpty, "\(name): something was written")
        }

        // The same rows with the sheet whole: the 1,999 VMs are read, so the faults above were far into it.
        let whole = scratch.url.appendingPathComponent("whole.xlsx").path
        try Self.workbook(sheet: rows + "</sheetData></worksheet>").write(to: URL(fileURLWithPath: whole))
        let run = try Binary.cloudfirst(["import", "rvtools", whole, "--out", folder + "/rvtools.yaml"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("wrote \(folder)/rvtools.yaml: 1999 servers"), "\(run.stdout)")
    }
}
