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
        #expect(refused.stderr.contains("changed by hand since cloudfirst wrote them, and nothing was written: "
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
}
