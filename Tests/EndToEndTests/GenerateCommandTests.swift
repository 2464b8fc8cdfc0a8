import Foundation
import Testing

/// `cloudfirst generate` and `cloudfirst templates export` as an architect runs them.
@Suite struct GenerateCommandTests {
    static let estate = "Inventories/riverside-mental-health.yaml"
    static let asOf = ["--as-of", "2026-11-25"]

    @Test func aRerunKeepsAPersonsEditAndSaysWhich() throws {
        let scratch = try Scratch()
        let out = scratch.url.appendingPathComponent("infra").path
        let first = try Binary.cloudfirst(["generate", Self.estate, "--cloud", "all", "--out", out] + Self.asOf)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("generated: "))
        #expect(first.stdout.contains(" created, 0 updated, 0 unchanged in \(out)"))
        for cloud in ["aws", "azure", "gcp"] {
            #expect(FileManager.default.fileExists(atPath: "\(out)/\(cloud)/landing-zone/main.tf"))
            #expect(FileManager.default.fileExists(atPath: "\(out)/\(cloud)/wave-1/README.md"))
        }
        let again = try Binary.cloudfirst(["generate", Self.estate, "--cloud", "all", "--out", out] + Self.asOf)
        #expect(again.stdout.hasPrefix("generated: 0 created, 0 updated, "))

        let edited = "\(out)/aws/landing-zone/variables.tf"
        let original = try String(contentsOfFile: edited, encoding: .utf8)
        try (original + "\n# the trust's change\n").write(toFile: edited, atomically: true, encoding: .utf8)
        // The same run again: the edited file would be overwritten, so nothing is written and the file is named.
        let refused = try Binary.cloudfirst(["generate", Self.estate, "--cloud", "aws", "--out", out] + Self.asOf)
        #expect(refused.status == 2, "\(refused.stderr)")
        #expect(refused.stderr.hasSuffix("aws/landing-zone/variables.tf. Keep your edits by moving the file aside, "
            + "or overwrite it with --force\n"))
        let changedPlan = try Binary.cloudfirst(["generate", Self.estate, "--cloud", "aws", "--out", out,
                                                 "--as-of", "2027-06-01"])
        #expect(changedPlan.status == 2, "\(changedPlan.stderr)")
        #expect(changedPlan.stderr.contains("1 file was changed by hand since cloudfirst wrote it, and nothing was "
            + "written: "))
        #expect(changedPlan.stderr.contains("aws/landing-zone/variables.tf"))
        #expect(try String(contentsOfFile: edited, encoding: .utf8).hasSuffix("# the trust's change\n"))

        let dryRun = try Binary.cloudfirst(["generate", Self.estate, "--cloud", "aws", "--out", out, "--dry-run",
                                            "--as-of", "2027-06-01"])
        #expect(dryRun.status == 0)
        #expect(dryRun.stdout.contains("edited, kept: aws/landing-zone/variables.tf"))
        #expect(dryRun.stdout.contains("dry run: "))

        let forced = try Binary.cloudfirst(["generate", Self.estate, "--cloud", "aws", "--out", out, "--force",
                                            "--as-of", "2027-06-01"])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: edited, encoding: .utf8) == original)
    }

    /// An output that is a file or inside the inventory is the user's mistake (exit 2); a folder the system will not
    /// create is an I/O failure (exit 3), as for every command that writes.
    @Test func unusableOutputFoldersExitTwoAndUnwritableOnesThree() throws {
        let scratch = try Scratch()
        let file = try scratch.write("not-a-folder", "x")
        let run = try Binary.cloudfirst(["generate", Self.estate, "--cloud", "aws", "--out", file] + Self.asOf)
        #expect(run.status == 2)
        #expect(run.stderr == "cloudfirst: the output '\(file)' is a file, not a folder\n")
        let inside = try Binary.cloudfirst(["generate", "Inventories", "--cloud", "aws", "--out", "Inventories/tf"]
            + Self.asOf)
        #expect(inside.status == 2)
        #expect(inside.stderr.contains("is inside the inventory folder 'Inventories'"))
        #expect(!FileManager.default.fileExists(atPath: Binary.root.appendingPathComponent("Inventories/tf").path))
        // /proc takes no new folders, whoever runs the tests.
        let unwritable = try Binary.cloudfirst(["generate", Self.estate, "--cloud", "aws", "--out",
                                                "/proc/cloudfirst-out"] + Self.asOf)
        #expect(unwritable.status == 3)
        #expect(unwritable.stderr.hasPrefix("cloudfirst: cannot write '/proc/cloudfirst-out': "))
        #expect(!unwritable.stderr.contains("NSPOSIXErrorDomain"))
    }

    /// A trust exports the templates, changes one, and generates with it; a broken template is named with its line.
    @Test func exportedTemplatesCanBeChangedAndUsed() throws {
        let scratch = try Scratch()
        let templates = scratch.url.appendingPathComponent("templates").path
        let export = try Binary.cloudfirst(["templates", "export", templates])
        #expect(export.status == 0)
        #expect(export.stdout.hasPrefix("exported "))
        let readme = "\(templates)/terraform/aws/landing-zone/README.md.mustache"
        let text = try String(contentsOfFile: readme, encoding: .utf8)
        try text.replacingOccurrences(of: "Apply it first.", with: "Apply it first. Ask the CCoE before you do.")
            .write(toFile: readme, atomically: true, encoding: .utf8)
        let out = scratch.url.appendingPathComponent("infra").path
        let run = try Binary.cloudfirst(["generate", Self.estate, "--cloud", "aws", "--out", out, "--templates",
                                         templates] + Self.asOf)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: "\(out)/aws/landing-zone/README.md", encoding: .utf8)
            .contains("Ask the CCoE before you do."))

        let main = "\(templates)/terraform/aws/wave/main.tf.mustache"
        try "{{#servers}}\nresource {\n{{/server}}\n".write(toFile: main, atomically: true, encoding: .utf8)
        let broken = try Binary.cloudfirst(["generate", Self.estate, "--cloud", "aws", "--out", out, "--templates",
                                            templates] + Self.asOf)
        #expect(broken.status == 2)
        #expect(broken.stderr.hasPrefix("terraform/aws/wave/main.tf.mustache:3:"))
        #expect(broken.stderr.contains("error: does not parse: a section is closed with the wrong name"))

        try "resource \"a\" \"b\" {\n  x = [1\n}\n".write(toFile: main, atomically: true, encoding: .utf8)
        let invalid = try Binary.cloudfirst(["generate", Self.estate, "--cloud", "aws", "--out", out, "--templates",
                                             templates] + Self.asOf)
        #expect(invalid.status == 2)
        #expect(invalid.stderr == "terraform/aws/wave/main.tf.mustache:3: error: renders invalid Terraform: '}' "
            + "closes nothing that is open\n")
    }
}
