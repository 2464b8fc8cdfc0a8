import ArgumentParser
import CloudFirstCore
import Foundation
import Importing

/// The options the imports of the cloud providers' CSV templates share: where to write, the organisation, the site.
struct ImportTemplateOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The inventory file to write (.yaml or .yml).", valueName: "file"),
            completion: .file(extensions: ["yaml", "yml"]))
    var out: String

    @Option(help: ArgumentHelp("The organisation's name, as the estate's other files give it.", valueName: "name"))
    var organisation = ImportOutput.unnamedOrganisation

    @Option(name: .customLong("ods-code"), help: ArgumentHelp("The organisation's ODS code.", valueName: "code"))
    var odsCode: String?

    @Option(help: ArgumentHelp("Put every server in one site of this name (default: one site per export, named from "
        + "its file).", valueName: "name"))
    var site: String?

    @Flag(help: "Overwrite the output even when a person has edited it.")
    var force = false

    func validate() throws {
        let suffix = (out as NSString).pathExtension.lowercased()
        guard suffix == "yaml" || suffix == "yml" else {
            throw ValidationError("--out must name a .yaml or .yml file, which 'validate' reads: '\(out)'")
        }
    }

    /// Reads with `read`, writes the file, and prints the summary; an export that cannot be read exits 2.
    func run(generator: String, _ read: () throws -> ImportedEstate) throws {
        let estate = try read()
        let summary = try ImportOutput(out: out, organisation: organisation, odsCode: odsCode, force: force)
            .write(estate, generator: generator)
        Terminal.out(summary)
        if organisation == ImportOutput.unnamedOrganisation {
            Terminal.err("note: name the organisation with --organisation, as the estate's other files name it")
        }
    }
}
