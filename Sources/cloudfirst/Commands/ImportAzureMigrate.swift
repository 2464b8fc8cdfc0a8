import ArgumentParser
import Foundation
import Importing

struct ImportAzureMigrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "azure-migrate",
        abstract: "Import Azure Migrate's CSV import template for servers as servers and sites.",
        discussion: """
        Reads each CSV (the template Azure Migrate offers for import-based discovery), binding columns by their \
        header names (case-insensitively, the '*' of a required column ignored), and writes one inventory file: \
        sorted by id, the same bytes for the same exports. 'Server name', 'Cores', 'Memory (In MB)' and 'OS name' \
        are required columns. Server ids are the server names. Memory is converted from binary MB to GB (base 10); \
        disk sizes are taken as GB. The template's CPU and memory utilization are one figure each, not \
        percentiles, so no cpu_p95 or memory_p95 is written; each server's figures are a comment on it. The \
        template names no data centre: each export becomes one site named from its file, or --site names one site \
        for them all.

        The output is written whole or not at all, and a file a person has edited since cloudfirst wrote it is \
        refused without --force.

        Exit codes: 0 written; 2 an export cannot be read or is invalid (the file, line and column are named), or \
        the output was edited; 3 an internal or I/O failure.

        Examples:
          cloudfirst import azure-migrate servers.csv --out estate/azure-migrate.yaml --organisation "Northshire NHS Trust"
          cloudfirst import azure-migrate dc1.csv dc2.csv --out estate/azure-migrate.yaml
        """
    )

    @Argument(help: ArgumentHelp("Azure Migrate import CSV files.", valueName: "file"),
              completion: .file(extensions: ["csv"]))
    var files: [String]

    @OptionGroup var options: ImportTemplateOptions

    func run() throws {
        try options.run(generator: "cloudfirst import azure-migrate") {
            try AzureMigrateImporter(site: options.site).read(files)
        }
    }
}
