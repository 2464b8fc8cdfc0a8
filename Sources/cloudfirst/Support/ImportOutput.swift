import CloudFirstCore
import Foundation
import Generation
import Importing

/// Writing what an importer read: the machine-owned inventory file, checked to validate first, written whole or not
/// at all, and refused when a person has edited it since (without --force). Every `import` subcommand ends here.
struct ImportOutput {
    var out: String
    var organisation: String
    var odsCode: String?
    var force: Bool

    static let unnamedOrganisation = "Organisation not yet named"

    /// Writes the file and returns the one-line summary for stdout.
    func write(_ estate: ImportedEstate, generator: String) throws -> String {
        let text = InventoryText(organisation: organisation, odsCode: odsCode).render(estate)
        // What is written must validate: a problem here is cloudfirst's, not the export's.
        let check = EstateLoader.load([InventorySource(displayPath: out, contents: .bytes(Array(text.utf8)))])
        guard check.estate != nil else {
            for diagnostic in check.diagnostics { Terminal.err(diagnostic.rendered) }
            throw CommandFailure(.internalFailure,
                                 message: "cloudfirst: internal error: the imported inventory does not validate; "
                                    + "nothing written")
        }
        let folder = (out as NSString).deletingLastPathComponent
        let writer = OutputWriter(root: folder.isEmpty ? "." : folder)
        let summary: WriteSummary
        do {
            try writer.prepare()
            // No scope: another import's file in the same folder is not this run's to remove.
            summary = try writer.write([GeneratedFile(path: (out as NSString).lastPathComponent, contents: text)],
                                       scopes: [], force: force, generator: generator)
        } catch let error as OutputError {
            Terminal.err("cloudfirst: \(error)")
            if case .editedFiles = error { throw CommandFailure(.invalidInput) }
            throw CommandFailure(.internalFailure)
        }
        let verb = summary.unchanged.isEmpty ? "wrote \(out)" : "\(out) unchanged"
        return "\(verb): \(Plural.count(estate.servers.count, "server")) "
            + "(\(estate.poweredOff) powered off), \(Plural.count(estate.sites.count, "site")); "
            + "\(Plural.count(estate.templatesSkipped, "template")) skipped"
    }
}
