import CloudFirstCore
import Foundation
@testable import Generation
import Testing

/// Writes are atomic, a re-run leaves unchanged files alone, and a person's edit survives unless forced.
@Suite struct OutputWriterTests {
    static let files = [GeneratedFile(path: "aws/main.tf", contents: "# one\n"),
                        GeneratedFile(path: "aws/README.md", contents: "# readme\n")]

    @Test func aRerunLeavesUnchangedFilesAlone() throws {
        let scratch = try ScratchFolder()
        let writer = OutputWriter(root: scratch.path)
        let first = try writer.write(Self.files, force: false, generator: "test")
        #expect(first.created == ["aws/main.tf", "aws/README.md"])
        let modified = try FileManager.default.attributesOfItem(atPath: scratch.url.appendingPathComponent("aws/main.tf").path)[.modificationDate] as? Date
        let second = try writer.write(Self.files, force: false, generator: "test")
        #expect(second.unchanged == ["aws/main.tf", "aws/README.md"])
        #expect(second.created.isEmpty && second.updated.isEmpty)
        let after = try FileManager.default.attributesOfItem(atPath: scratch.url.appendingPathComponent("aws/main.tf").path)[.modificationDate] as? Date
        #expect(modified == after)
        let manifest = try #require(scratch.read(OutputWriter.manifestName))
        #expect(manifest.contains("\"aws/main.tf\": \"\(SHA256.hex(Array("# one\n".utf8)))\""))
    }

    @Test func aNewGenerationUpdatesFilesNobodyEdited() throws {
        let scratch = try ScratchFolder()
        let writer = OutputWriter(root: scratch.path)
        try writer.write(Self.files, force: false, generator: "test")
        let next = [GeneratedFile(path: "aws/main.tf", contents: "# two\n"), Self.files[1]]
        let summary = try writer.write(next, force: false, generator: "test")
        #expect(summary.updated == ["aws/main.tf"])
        #expect(scratch.read("aws/main.tf") == "# two\n")
    }

    @Test func aPersonsEditIsKeptAndNamedUnlessForced() throws {
        let scratch = try ScratchFolder()
        let writer = OutputWriter(root: scratch.path)
        try writer.write(Self.files, force: false, generator: "test")
        try scratch.write("aws/main.tf", "# one\n# my change\n")
        let next = [GeneratedFile(path: "aws/main.tf", contents: "# two\n"),
                    GeneratedFile(path: "aws/README.md", contents: "# readme two\n")]
        #expect(throws: OutputError.editedFiles(["aws/main.tf"])) { try writer.write(next, force: false, generator: "t") }
        // Nothing was written: not even the file nobody edited.
        #expect(scratch.read("aws/main.tf") == "# one\n# my change\n")
        #expect(scratch.read("aws/README.md") == "# readme\n")
        let dryRun = try writer.summarise(next)
        #expect(dryRun.edited == ["aws/main.tf"])
        #expect(dryRun.updated == ["aws/README.md"])
        try writer.write(next, force: true, generator: "t")
        #expect(scratch.read("aws/main.tf") == "# two\n")
        #expect(try writer.summarise(next).unchanged.count == 2)
    }

    /// A wave that went away takes its files with it, so no stale Terraform builds a server twice; a stale file a
    /// person edited is kept and named; another cloud's folder is not this run's to touch.
    @Test func filesNoLongerGeneratedAreRemovedUnlessEdited() throws {
        let scratch = try ScratchFolder()
        let writer = OutputWriter(root: scratch.path)
        let before = [GeneratedFile(path: "aws/wave-1/main.tf", contents: "# 1\n"),
                      GeneratedFile(path: "aws/wave-2/main.tf", contents: "# 2\n"),
                      GeneratedFile(path: "aws/wave-3/main.tf", contents: "# 3\n"),
                      GeneratedFile(path: "gcp/wave-9/main.tf", contents: "# 9\n")]
        try writer.write(before, force: false, generator: "t")
        try scratch.write("aws/wave-3/main.tf", "# 3, changed by hand\n")
        let after = [GeneratedFile(path: "aws/wave-1/main.tf", contents: "# 1\n")]
        let summary = try writer.summarise(after, scopes: ["aws"])
        #expect(summary.removed == ["aws/wave-2/main.tf"])
        #expect(summary.edited == ["aws/wave-3/main.tf"])
        #expect(throws: OutputError.editedFiles(["aws/wave-3/main.tf"])) {
            try writer.write(after, scopes: ["aws"], force: false, generator: "t")
        }
        #expect(scratch.read("aws/wave-2/main.tf") == "# 2\n")
        try writer.write(after, scopes: ["aws"], force: true, generator: "t")
        #expect(scratch.read("aws/wave-2/main.tf") == nil)
        #expect(scratch.read("aws/wave-3/main.tf") == nil)
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("aws/wave-2").path))
        #expect(scratch.read("gcp/wave-9/main.tf") == "# 9\n")
        let manifest = try #require(scratch.read(OutputWriter.manifestName))
        #expect(!manifest.contains("aws/wave-2") && manifest.contains("gcp/wave-9"))
    }

    @Test func forceGetsPastAnUnreadableManifest() throws {
        let scratch = try ScratchFolder()
        try scratch.write(OutputWriter.manifestName, "garbage")
        let writer = OutputWriter(root: scratch.path)
        #expect(throws: OutputError.self) { try writer.write(Self.files, force: false, generator: "t") }
        try writer.write(Self.files, force: true, generator: "t")
        #expect(scratch.read("aws/main.tf") == "# one\n")
        #expect(try writer.summarise(Self.files).unchanged.count == 2)
    }

    @Test func theEditedFilesMessageAgreesWithItsCount() {
        #expect(OutputError.editedFiles(["aws/main.tf"]).message.hasSuffix("1 file was changed by hand since "
            + "cloudfirst wrote it, and nothing was written: aws/main.tf. Keep your edits by moving the file aside, or "
            + "overwrite it with --force"))
        #expect(OutputError.editedFiles(["a.tf", "b.tf"]).message.hasSuffix("2 files were changed by hand since "
            + "cloudfirst wrote them, and nothing was written: a.tf, b.tf. Keep your edits by moving the files aside, "
            + "or overwrite them with --force"))
    }

    @Test func aFileCloudfirstDidNotWriteIsNeverOverwritten() throws {
        let scratch = try ScratchFolder()
        try scratch.write("aws/main.tf", "# mine\n")
        #expect(throws: OutputError.editedFiles(["aws/main.tf"])) {
            try OutputWriter(root: scratch.path).write(Self.files, force: false, generator: "t")
        }
    }

    @Test func unusableOutputFoldersAreRefused() throws {
        let scratch = try ScratchFolder()
        try scratch.write("a-file", "x")
        let file = scratch.url.appendingPathComponent("a-file").path
        #expect(throws: OutputError.outputIsAFile(file)) { try OutputWriter(root: file).checkPlace(inventoryFolders: []) }
        let inside = scratch.url.appendingPathComponent("estate/terraform").path
        #expect(throws: OutputError.insideInventory(output: inside, inventory: scratch.url.appendingPathComponent("estate").path)) {
            try OutputWriter(root: inside).checkPlace(inventoryFolders: [scratch.url.appendingPathComponent("estate").path])
        }
        try OutputWriter(root: scratch.url.appendingPathComponent("elsewhere").path)
            .checkPlace(inventoryFolders: [scratch.url.appendingPathComponent("estate").path])
        try scratch.write(OutputWriter.manifestName, "not json")
        #expect(throws: OutputError.self) { try OutputWriter(root: scratch.path).summarise(Self.files) }
    }
}
