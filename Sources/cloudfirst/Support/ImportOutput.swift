import CloudFirstCore
import Foundation
import Generation
import Importing

/// Writing what an importer read: the machine-owned inventory file (and, when asked, a draft services file), each
/// checked to validate first, written whole or not at all, and refused when a person has edited it since (without
/// --force). A re-import then reports what changed since the file it replaced, and warns of every reference in a
/// person's files beside it to a server or site that is gone. Every `import` subcommand ends here.
struct ImportOutput {
    var out: String
    var organisation: String
    var odsCode: String?
    var force: Bool
    /// Where to write a draft services file, when asked.
    var servicesDraft: String? = nil
    /// The vCenter custom attribute the draft groups servers by first.
    var groupByAttribute: String? = nil
    /// List every change, not the first `changeLines`.
    var allChanges = false
    /// The estate folder whose files are checked for references to what an import removed; nil for `out`'s folder.
    var estate: String? = nil

    static let unnamedOrganisation = "Organisation not yet named"

    /// Change lines listed before the rest are counted: enough to read at a glance on a terminal (the project's own
    /// judgement); --all-changes lists them all.
    static let changeLines = 20

    /// Writes the files, prints any warnings on stderr, and returns the lines for stdout: the one-line summary, then
    /// what changed since the file replaced, then the draft's line.
    func write(_ estate: ImportedEstate, generator: String) throws -> String {
        Progress.step("checking the inventory to write")
        let text = InventoryText(organisation: organisation, odsCode: odsCode).render(estate)
        // What is written must validate: a problem here is cloudfirst's, not the export's.
        let check = EstateLoader.load([InventorySource(displayPath: out, contents: .bytes(Array(text.utf8)))])
        guard let imported = check.estate else { throw Self.internalFailure(check.diagnostics, "imported inventory") }

        var files = [(path: out, contents: text)]
        var draft: ServicesDraft?
        if let servicesDraft {
            Progress.step("drafting services")
            let made: ServicesDraft
            do {
                made = try ServicesDraft(estate, attribute: groupByAttribute)
            } catch let error as ServicesDraft.UnknownAttribute {
                throw CommandFailure(.invalidInput, message: "cloudfirst: --group-by-attribute: \(error)")
            }
            draft = made
            let draftText = made.text(estate, organisation: organisation, odsCode: odsCode)
            // The draft must validate together with the file it refers to.
            let together = EstateLoader.load([
                InventorySource(displayPath: out, contents: .bytes(Array(text.utf8))),
                InventorySource(displayPath: servicesDraft, contents: .bytes(Array(draftText.utf8))),
            ])
            guard together.estate != nil else {
                throw Self.internalFailure(together.diagnostics, "draft services file")
            }
            files.append((servicesDraft, draftText))
        }

        // The file being replaced, read as an inventory before it is: what the change report compares with.
        Progress.step("reading the file to replace")
        let replaced: LoadResult? = FileManager.default.fileExists(atPath: out) ? EstateLoader.load(paths: [out]) : nil

        // A refusal's message goes through Terminal.err, which clears the status line first.
        Progress.step("writing")
        let summaries = try Self.writeAll(files, force: force, generator: generator)

        var lines = [Self.summaryLine(out, summaries[0], estate)]
        if let replaced {
            if let previous = replaced.estate {
                lines += changeLines(ImportChanges(old: previous, new: imported))
            } else {
                Terminal.err("note: the file replaced, '\(out)', did not validate on its own, so what changed is not "
                    + "reported")
            }
        }
        if let servicesDraft, let draft {
            let verb = summaries[1].unchanged.isEmpty ? "wrote \(servicesDraft)" : "\(servicesDraft) unchanged"
            lines.append("\(verb): \(Plural.count(draft.services.count, "draft service")), "
                + "\(Plural.count(draft.ungrouped.count, "server")) in no group")
        }
        Progress.step("checking the estate folder's references")
        let folderDiagnostics = EstateLoader.load(paths: [folder]).diagnostics
        Progress.done()
        warnOfDanglingReferences(folderDiagnostics)
        return lines.joined(separator: "\n")
    }

    static func internalFailure(_ diagnostics: [Diagnostic], _ what: String) -> CommandFailure {
        for diagnostic in diagnostics { Terminal.err(diagnostic.rendered) }
        return CommandFailure(.internalFailure,
                              message: "cloudfirst: internal error: the \(what) does not validate; nothing written")
    }

    /// Writes each file through the manifest of its folder, all or none: every file is checked before any is
    /// written, so an edited draft leaves the inventory file as it was too.
    static func writeAll(_ files: [(path: String, contents: String)], force: Bool,
                         generator: String) throws -> [WriteSummary] {
        let placed = files.map { file in
            let folder = (file.path as NSString).deletingLastPathComponent
            return (writer: OutputWriter(root: folder.isEmpty ? "." : folder),
                    file: GeneratedFile(path: (file.path as NSString).lastPathComponent, contents: file.contents),
                    given: file.path)
        }
        var edited: [String] = []
        for (writer, file, given) in placed {
            try writer.prepare()
            // No scope: another import's file in the same folder is not this run's to remove.
            if !(try writer.summarise([file], scopes: [], force: force).edited.isEmpty) { edited.append(given) }
        }
        if !edited.isEmpty, !force { throw OutputError.editedFiles(edited) }
        return try placed.map { writer, file, _ in
            try writer.write([file], scopes: [], force: force, generator: generator)
        }

    }

    static func summaryLine(_ out: String, _ summary: WriteSummary, _ estate: ImportedEstate) -> String {
        let verb = summary.unchanged.isEmpty ? "wrote \(out)" : "\(out) unchanged"
        // Only what the export can say: no "0 powered off" from an export without a power state.
        return "\(verb): \(Plural.count(estate.servers.count, "server"))"
            + (estate.readsPowerState ? " (\(estate.poweredOff) powered off)" : "")
            + ", \(Plural.count(estate.sites.count, "site"))"
            + (estate.readsTemplates ? "; \(Plural.count(estate.templatesSkipped, "template")) skipped" : "")
    }

    /// `since the last import: ...`, then a line a change, the first `changeLines` unless --all-changes.
    func changeLines(_ changes: ImportChanges) -> [String] {
        let details = changes.details
        let shown = allChanges ? details : Array(details.prefix(Self.changeLines))
        var lines = ["since the last import: \(changes.summary)"] + shown.map { "  " + $0 }
        if shown.count < details.count {
            lines.append("  ... and \(details.count - shown.count) more (--all-changes lists them all)")
        }
        return lines
    }

    /// From the diagnostics of reading the whole estate folder as it now is, warns of every reference from another
    /// file to a server, site or service that does not exist, as `file:line:column: warning: ...`. The import stands (the export is the
    /// truth about machines); the person fixes their files, and until then validating the folder fails.
    func warnOfDanglingReferences(_ diagnostics: [Diagnostic]) {
        let written = Set(([out] + [servicesDraft].compactMap { $0 }).map(Self.canonical))
        let theirs = diagnostics.filter { $0.severity == .error && !written.contains(Self.canonical($0.file)) }
        let dangling = theirs.filter { $0.code == "unknown-reference" }
        for var diagnostic in dangling {
            diagnostic.severity = .warning
            Terminal.err(diagnostic.rendered)
        }
        if !dangling.isEmpty {
            Terminal.err("warning: \(Plural.count(dangling.count, "reference")) in the estate's other files "
                + "\(dangling.count == 1 ? "names" : "name") what this import no longer has; the import is written, "
                + "and 'cloudfirst validate \(folder)' fails until they are fixed")
        }
        let other = diagnostics.filter { $0.severity == .error }.count - dangling.count
        if other > 0 {
            Terminal.err("note: the estate folder has \(Plural.count(other, "other problem")); 'cloudfirst validate "
                + "\(folder)' lists them")
        }
    }

    /// The estate a re-import is checked against: `--estate`, else the folder `--out` is in.
    var folder: String {
        if let estate { return estate }
        let folder = (out as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
