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

        A re-import reports what changed since the file it replaces: servers and sites added and removed, and each \
        changed field, old -> new (the first 20 lines; --all-changes lists them all). It then reads the output's \
        whole folder and warns, as file:line:column, of every reference in a person's files to a server or site \
        that is gone: the file is still written (the export is the truth about machines), and validating the folder \
        fails until those files are fixed.

        --services-draft FILE writes a starter services file: servers grouped by the custom attribute named by \
        --group-by-attribute, else by vApp or VM folder, each service with TODO comments for what a person decides. \
        It is written while it is as cloudfirst wrote it, and refused without --force once a person has edited it.

        Exit codes: 0 written (warnings about a person's files included); 2 an export cannot be read or is invalid \
        (the file, and the sheet and cell or the CSV line, are named), a file a person edited would be overwritten, \
        or the attribute named is not in the export; 3 an internal or I/O failure. Nothing is written unless all is.

        Examples:
          cloudfirst import rvtools RVTools_export_all.xlsx --out estate/rvtools.yaml --organisation "Northshire NHS Trust"
          cloudfirst import rvtools vcenter1.xlsx vcenter2.xlsx --out estate/rvtools.yaml
          cloudfirst import rvtools csv-export/ --out estate/rvtools.yaml
          cloudfirst import rvtools export.xlsx --out estate/rvtools.yaml --services-draft estate/services.yaml
          cloudfirst import rvtools export.xlsx --out estate/rvtools.yaml --services-draft estate/services.yaml --group-by-attribute Application
        """
    )

    @Argument(help: ArgumentHelp("RVTools .xlsx exports, or folders of its CSV export.", valueName: "file"),
              completion: .file(extensions: ["xlsx"]))
    var files: [String]

    @OptionGroup var output: ImportOutputOptions

    func run() throws {
        try output.run(generator: "cloudfirst import rvtools") { try RVToolsImporter().read(files) }
    }
}
