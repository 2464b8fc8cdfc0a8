import Foundation
import Testing

/// The four exit codes README documents, each from the built binary, with the message that goes with it. Every code
/// is chosen in one place (the executable's `main`) from the error a command throws; these check that each reaches
/// the process's exit status.
struct ExitCodeTests {
    static let asOf = ["--as-of", "2026-11-25"]

    @Test func zeroWhenTheInventoryIsValid() throws {
        let run = try Binary.cloudfirst(["validate", "Inventories/riverside-mental-health.yaml"])
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func oneWhenThePolicyFails() throws {
        let run = try Binary.cloudfirst(["assess", "--fail-on", "blocker", "--format", "json"] + Self.asOf)
        #expect(run.status == 1)
        #expect(run.stderr.contains("cloudfirst: policy failed: "))
    }

    @Test func twoWhenTheInputCannotBeRead() throws {
        let run = try Binary.cloudfirst(["validate", "no-such-inventory.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no-such-inventory.yaml"))
    }

    @Test func twoWhenTheCommandLineIsWrong() throws {
        let run = try Binary.cloudfirst(["plan", "--team-size", "0"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("Error: --team-size must be at least 1, found 0\n"), "\(run.stderr)")
    }

    /// One rule for every command that writes files: refusing to overwrite a person's file is about what the user
    /// left there, so it is exit code 2, with nothing written, whichever command refuses.
    @Test func twoWhenAnyCommandWouldOverwriteAPersonsFile() throws {
        let scratch = try Scratch()
        let folder = scratch.url.path
        #expect(try Binary.cloudfirst(["init", folder]).status == 0)
        let refusedInit = try Binary.cloudfirst(["init", folder])
        #expect(refusedInit.status == 2, "\(refusedInit.stderr)")

        let templates = scratch.url.appendingPathComponent("templates").path
        #expect(try Binary.cloudfirst(["templates", "export", templates]).status == 0)
        let template = "\(templates)/terraform/aws/wave/main.tf.mustache"
        let edited = try String(contentsOfFile: template, encoding: .utf8) + "# the trust's change\n"
        try edited.write(toFile: template, atomically: true, encoding: .utf8)
        let refusedExport = try Binary.cloudfirst(["templates", "export", templates])
        #expect(refusedExport.status == 2, "\(refusedExport.stderr)")
        #expect(refusedExport.stderr.contains("nothing was written: terraform/aws/wave/main.tf.mustache"))
        #expect(try String(contentsOfFile: template, encoding: .utf8) == edited)

        let out = scratch.url.appendingPathComponent("rvtools.yaml").path
        let export = Binary.root.appendingPathComponent("Tests/ImportingTests/Fixtures/rvtools/small-complete.xlsx")
        #expect(try Binary.cloudfirst(["import", "rvtools", export.path, "--out", out]).status == 0)
        try "# a person's note\n".write(toFile: out, atomically: true, encoding: .utf8)
        let refusedImport = try Binary.cloudfirst(["import", "rvtools", export.path, "--out", out])
        #expect(refusedImport.status == 2, "\(refusedImport.stderr)")
    }

    /// A folder that cannot be created (its parent is a file) is an I/O failure, named with its path and the reason.
    @Test func threeWhenInitCannotCreateItsFolder() throws {
        let scratch = try Scratch()
        let file = try scratch.write("a-file", "x")
        let run = try Binary.cloudfirst(["init", "\(file)/starter"])
        #expect(run.status == 3)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "cloudfirst: cannot create the folder '\(file)/starter': '\(file)' is not a folder\n")
    }

    /// GitHub's job summary file that cannot be opened is an I/O failure, after the annotations were printed, with the
    /// reason.
    @Test func threeWhenTheStepSummaryCannotBeWritten() throws {
        let scratch = try Scratch()
        let file = try scratch.write("a-file", "x")
        let summary = "\(file)/summary.md"
        let run = try Binary.cloudfirst(["assess", "--format", "github"] + Self.asOf,
                                        environment: ["GITHUB_STEP_SUMMARY": summary])
        #expect(run.status == 3)
        #expect(run.stderr.hasSuffix("cloudfirst: cannot write the step summary '\(summary)': '\(file)' is not a folder\n"),
                "\(run.stderr)")
    }

    /// Output that cannot be written (here a full device) is an I/O failure whatever the command found.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func threeWhenStandardOutputCannotBeWritten() throws {
        let process = Process()
        process.executableURL = Binary.folder.appendingPathComponent("cloudfirst")
        process.arguments = ["assess", "Inventories/riverside-mental-health.yaml", "--format", "json"] + Self.asOf
        process.currentDirectoryURL = Binary.root
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let err = Pipe()
        process.standardOutput = full
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 3)
        #expect(stderr.hasPrefix("cloudfirst: could not write the output: "), "\(stderr)")
        #expect(stderr.split(separator: "\n").count == 1, "\(stderr)")
    }
}
