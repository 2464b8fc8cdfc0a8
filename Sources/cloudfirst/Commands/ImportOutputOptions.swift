import ArgumentParser
import CloudFirstCore
import Foundation
import Importing

/// The options every import shares: the file to write, the organisation, a draft services file, the change report,
/// --force; and the one way every import ends (`ImportOutput`).
struct ImportOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The inventory file to write (.yaml or .yml).", valueName: "file"),
            completion: .file(extensions: ["yaml", "yml"]))
    var out: String

    @Option(help: ArgumentHelp("The organisation's name, as the estate's other files give it.", valueName: "name"))
    var organisation = ImportOutput.unnamedOrganisation

    @Option(name: .customLong("ods-code"), help: ArgumentHelp("The organisation's ODS code.", valueName: "code"))
    var odsCode: String?

    @Flag(help: "Overwrite the output (and the draft) even when a person has edited it.")
    var force = false

    @Option(name: .customLong("services-draft"),
            help: ArgumentHelp("Also write a draft services file grouping the servers (.yaml or .yml).",
                               valueName: "file"),
            completion: .file(extensions: ["yaml", "yml"]))
    var servicesDraft: String?

    @Option(name: .customLong("group-by-attribute"),
            help: ArgumentHelp("What the draft groups servers by first: a vCenter custom attribute (rvtools), a tag "
                                   + "key of the Tags column (aws) or a label key of tagInfo.csv (google); Azure "
                                   + "Migrate's template has none.", valueName: "name"))
    var groupByAttribute: String?

    @Flag(name: .customLong("all-changes"), help: "List every change since the last import, not the first 20.")
    var allChanges = false

    @Option(help: ArgumentHelp("The estate folder whose files are checked for references to servers and sites the "
        + "import removed (default: the --out file's folder).", valueName: "dir"), completion: .directory)
    var estate: String?

    func validate() throws {
        let suffix = (out as NSString).pathExtension.lowercased()
        guard suffix == "yaml" || suffix == "yml" else {
            throw ValidationError("--out must name a .yaml or .yml file, which 'validate' reads: '\(out)'")
        }
        if let estate {
            var isFolder: ObjCBool = false
            // A first import may create it; one that exists must be a folder.
            if FileManager.default.fileExists(atPath: estate, isDirectory: &isFolder), !isFolder.boolValue {
                throw ValidationError("--estate must name a folder: '\(estate)'")
            }
            let folder = ImportOutput.canonical(estate) + "/"
            guard ImportOutput.canonical(out).hasPrefix(folder) else {
                throw ValidationError("--out must be inside the --estate folder '\(estate)': '\(out)'")
            }
        }
        if let servicesDraft {
            let draftSuffix = (servicesDraft as NSString).pathExtension.lowercased()
            guard draftSuffix == "yaml" || draftSuffix == "yml" else {
                throw ValidationError("--services-draft must name a .yaml or .yml file: '\(servicesDraft)'")
            }
            guard ImportOutput.canonical(servicesDraft) != ImportOutput.canonical(out) else {
                throw ValidationError("--services-draft must name another file than --out: '\(servicesDraft)'")
            }
        } else if groupByAttribute != nil {
            throw ValidationError("--group-by-attribute groups the draft services file: give --services-draft too")
        }
    }

    /// Reads with `read`, writes the files, and prints the summary; an export that cannot be read exits 2 (its
    /// `ImportError` says where).
    func run(generator: String, _ read: () throws -> ImportedEstate) throws {
        let estate = try read()
        let summary = try ImportOutput(out: out, organisation: organisation, odsCode: odsCode, force: force,
                                       servicesDraft: servicesDraft, groupByAttribute: groupByAttribute,
                                       allChanges: allChanges, estate: self.estate)
            .write(estate, generator: generator)
        Terminal.out(summary)
        if organisation == ImportOutput.unnamedOrganisation {
            Terminal.err("note: name the organisation with --organisation, as the estate's other files name it")
        }
    }
}
