import ArgumentParser
import CloudFirstCore
import Foundation
import Generation
import Importing

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write a machine-owned inventory file from an export a trust already has.",
        subcommands: [ImportRVTools.self, ImportAzureMigrate.self, ImportAWS.self, ImportGoogle.self]
    )
}

struct ImportRVTools: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rvtools",
        abstract: "Import RVTools exports (.xlsx workbooks, or folders of RVTools_tab*.csv files) as servers and sites.",
        discussion: """
        Reads each export's vInfo sheet (required), and vDisk and vMetaData when present, binding columns by their \
        header names, and writes one inventory file of servers and sites: sorted by id, the same bytes for the same \
        exports, its first comment naming the exports. Server ids are the VM names. Templates are skipped; powered-off \
        VMs are kept with powered_on: false. Sizes are converted from MiB to GB (base 10). RVTools has no utilisation \
        percentiles, so none are written. The file is machine-owned: write services, owners and strategies in files \
        of your own beside it, which refer to servers by id.

        The output is written whole or not at all. A file there that a person has edited since cloudfirst wrote it \
        (a manifest beside it, .cloudfirst-manifest.json, records what was written) is refused without --force.

        Exit codes: 0 written; 2 an export cannot be read or is invalid (the file, and the sheet and cell or the CSV \
        line, are named), or the output was edited; 3 an internal or I/O failure.

        Examples:
          cloudfirst import rvtools RVTools_export_all.xlsx --out estate/rvtools.yaml --organisation "Northshire NHS Trust"
          cloudfirst import rvtools vcenter1.xlsx vcenter2.xlsx --out estate/rvtools.yaml
          cloudfirst import rvtools csv-export/ --out estate/rvtools.yaml
        """
    )

    @Argument(help: ArgumentHelp("RVTools .xlsx exports, or folders of its CSV export.", valueName: "file"),
              completion: .file(extensions: ["xlsx"]))
    var files: [String]

    @Option(help: ArgumentHelp("The inventory file to write (.yaml or .yml).", valueName: "file"),
            completion: .file(extensions: ["yaml", "yml"]))
    var out: String

    @Option(help: ArgumentHelp("The organisation's name, as the estate's other files give it.", valueName: "name"))
    var organisation = ImportOutput.unnamedOrganisation

    @Option(name: .customLong("ods-code"), help: ArgumentHelp("The organisation's ODS code.", valueName: "code"))
    var odsCode: String?

    @Flag(help: "Overwrite the output even when a person has edited it.")
    var force = false

    func validate() throws {
        let suffix = (out as NSString).pathExtension.lowercased()
        guard suffix == "yaml" || suffix == "yml" else {
            throw ValidationError("--out must name a .yaml or .yml file, which 'validate' reads: '\(out)'")
        }
    }

    func run() throws {
        let estate = try RVToolsImporter().read(files)
        let summary = try ImportOutput(out: out, organisation: organisation, odsCode: odsCode, force: force)
            .write(estate, generator: "cloudfirst import rvtools")
        Terminal.out(summary)
        if organisation == ImportOutput.unnamedOrganisation {
            Terminal.err("note: name the organisation with --organisation, as the estate's other files name it")
        }
    }
}
