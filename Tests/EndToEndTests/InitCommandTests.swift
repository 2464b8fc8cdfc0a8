import Foundation
import Testing

/// `cloudfirst init` writes files that validate and change nothing until edited, and never overwrites without
/// `--force`.
@Suite struct InitCommandTests {
    static let asOf = ["--as-of", "2026-11-25"]

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func writesAStarterThatValidatesWithTheDefaultPolicy() throws {
        let scratch = try Scratch()
        let folder = scratch.url.appendingPathComponent("new/estate").path
        let run = try Binary.cloudfirst(["init", folder])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "wrote \(folder)/inventory.yaml and \(folder)/.cloudfirst.yml\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == [".cloudfirst.yml", "inventory.yaml"], "a temporary file was left behind")

        let validate = try Binary.cloudfirst(["validate", folder])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout.hasPrefix("valid: 1 file"))
        #expect(validate.stderr.isEmpty)
        // The policy file is read (and checked) as every command finds it: beside the inventory, or by --config.
        let rules = try Binary.cloudfirst(["rules", "--config", "\(folder)/.cloudfirst.yml", "--format", "json"])
        #expect(rules.status == 0, "\(rules.stderr)")
        let defaults = try Binary.cloudfirst(["rules", "--format", "json"])
        // The envelope names the policy file read; everything else is the default policy's.
        #expect(rules.stdout.replacingOccurrences(of: "\"inputs\": [\"\(folder)/.cloudfirst.yml\"]",
                                                  with: "\"inputs\": []") == defaults.stdout,
                "the written policy is not the default one")
        // The same assessment with the written policy as with none.
        let beside = try Binary.cloudfirst(["assess", folder, "--format", "json"] + Self.asOf)
        #expect(beside.status == 0, "\(beside.stderr)")
        let inventory = scratch.url.appendingPathComponent("inventory-alone.yaml").path
        try FileManager.default.copyItem(atPath: "\(folder)/inventory.yaml", toPath: inventory)
        let alone = try Binary.cloudfirst(["assess", inventory, "--format", "json"] + Self.asOf)
        #expect(alone.status == 0)
        #expect(beside.stdout.replacingOccurrences(of: "\(folder)/inventory.yaml", with: inventory) == alone.stdout)
    }

    @Test func neverOverwritesWithoutForce() throws {
        let scratch = try Scratch()
        let folder = scratch.url.path
        let edited = try scratch.write("inventory.yaml", "cloudfirst: 1\n# mine\n")
        let refused = try Binary.cloudfirst(["init", folder])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("'\(folder)/inventory.yaml' already exists; nothing written (--force overwrites)"),
                "\(refused.stderr)")
        #expect(try Self.read(edited) == "cloudfirst: 1\n# mine\n")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/.cloudfirst.yml"), "written despite the refusal")
        let forced = try Binary.cloudfirst(["init", folder, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try Self.read(edited).contains("written by 'cloudfirst init'"))
        #expect(FileManager.default.fileExists(atPath: "\(folder)/.cloudfirst.yml"))
    }

    @Test func exportsTheSample() throws {
        let scratch = try Scratch()
        let run = try Binary.cloudfirst(["init", scratch.url.path, "--sample"])
        #expect(run.status == 0, "\(run.stderr)")
        let exported = try Self.read(scratch.url.appendingPathComponent("northshire-acute.yaml").path)
        let original = try Self.read(Binary.root.appendingPathComponent("Inventories/northshire-acute.yaml").path)
        // All but the first line, which points at this repository's docs/ and would dangle beside the copy.
        #expect(original.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
            .joined(separator: "\n") == exported)
        let validate = try Binary.cloudfirst(["validate", scratch.url.path])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout.contains("33 services"))
    }

    @Test func aFileGivenAsTheFolderExitsTwo() throws {
        let scratch = try Scratch()
        let file = try scratch.write("estate.yaml", "x")
        let run = try Binary.cloudfirst(["init", file])
        #expect(run.status == 2)
        #expect(run.stderr == "cloudfirst: '\(file)' is a file, not a folder\n")
        #expect(!run.stderr.contains("Fatal error"))
    }
}
