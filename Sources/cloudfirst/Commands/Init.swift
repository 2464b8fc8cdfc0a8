import ArgumentParser
import Assessment
import CloudFirstCore
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a starter inventory and a .cloudfirst.yml with every default written out.",
        discussion: """
        Writes DIR/inventory.yaml (a small estate to replace with your own, its planning assumptions written out at \
        their defaults) and DIR/.cloudfirst.yml (the organisation policy, every setting at its default), creating DIR \
        if needed. Both validate as written. An existing file is never overwritten without --force: nothing is \
        written and the exit code is 2, as for every command that refuses to overwrite a person's file. Each file \
        is written whole or not at all.

        Examples:
          cloudfirst init estate
          cloudfirst init estate --sample      (the embedded sample estate instead of the starter)
        """
    )

    @Argument(help: ArgumentHelp("The folder to write into (default: the current folder).", valueName: "dir"),
              completion: .directory)
    var folder: String = "."

    @Flag(help: "Write the embedded sample estate (a fictional acute trust) instead of the starter inventory.")
    var sample = false

    @Flag(help: "Overwrite files that already exist.")
    var force = false

    /// The sample's first line points its editor at the schema in this repository's docs/, which is not beside the
    /// exported copy; it is left out.
    static var sampleText: String {
        let text = SampleEstate.text + "\n"
        guard text.hasPrefix("# yaml-language-server:"), let end = text.firstIndex(of: "\n") else { return text }
        return String(text[text.index(after: end)...])
    }

    var files: [(name: String, contents: String)] {
        let inventory = sample
            ? (URL(fileURLWithPath: SampleEstate.displayPath).lastPathComponent, Self.sampleText)
            : (StarterInventory.fileName, StarterInventory.text)
        return [inventory, (PolicyFile.fileName, PolicyFile.starterText)]
    }

    func run() throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
            throw CommandFailure(.invalidInput, message: "cloudfirst: '\(folder)' is a file, not a folder")
        }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        let paths = files.map { (path: prefix + $0.name, contents: $0.contents) }
        let existing = paths.map(\.path).filter { FileManager.default.fileExists(atPath: $0) }
        if !existing.isEmpty, !force {
            throw CommandFailure(.invalidInput, message: "cloudfirst: "
                + existing.map { "'\($0)'" }.joined(separator: " and ")
                + (existing.count == 1 ? " already exists" : " already exist")
                + "; nothing written (--force overwrites)")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for file in paths {
                try AtomicFile.write(Array(file.contents.utf8), to: file.path, replacing: force)
            }
        } catch let failure as AtomicFile.Failure {
            throw CommandFailure(failure.exists ? .invalidInput : .internalFailure,
                                 message: "cloudfirst: \(failure)")
        } catch {
            throw CommandFailure(.internalFailure, message: "cloudfirst: cannot create the folder '\(folder)': "
                + WriteFailure.reason(error, writing: folder))
        }
        Terminal.out("wrote " + paths.map(\.path).joined(separator: " and "))
        Terminal.err("next: edit them, then 'cloudfirst validate \(folder)' and 'cloudfirst assess \(folder)'")
    }
}
