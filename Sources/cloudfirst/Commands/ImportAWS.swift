import ArgumentParser
import Foundation
import Importing

struct ImportAWS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aws",
        abstract: "Import the AWS Migration Hub (Application Discovery Service) import template as servers and sites.",
        discussion: """
        Reads each CSV (the Migration Hub import template), binding columns by their header names, and writes one \
        inventory file: sorted by id, the same bytes for the same exports. A server's name is VMware.VMName, else \
        HostName, else ExternalId; one of those columns is required. Server ids are the server names. \
        RAM.TotalSizeInMB is converted from binary MB to GB (base 10). The template's CPU and memory figures are \
        averages and maximums, not percentiles, so no cpu_p95 or memory_p95 is written; each server's figures are \
        a comment on it. Applications become the server's applications (for a draft services file); Tags and \
        ApplicationWave are comments. Each export becomes one site named from its file, or --site names one.

        The output is written whole or not at all, and a file a person has edited since cloudfirst wrote it is \
        refused without --force.

        Exit codes: 0 written; 2 an export cannot be read or is invalid (the file, line and column are named), or \
        the output was edited; 3 an internal or I/O failure.

        Examples:
          cloudfirst import aws import_template.csv --out estate/aws.yaml --organisation "Northshire NHS Trust"
        """
    )

    @Argument(help: ArgumentHelp("Migration Hub import CSV files.", valueName: "file"),
              completion: .file(extensions: ["csv"]))
    var files: [String]

    @OptionGroup var options: ImportTemplateOptions

    func run() throws {
        try options.run(generator: "cloudfirst import aws") {
            try AWSDiscoveryImporter(site: options.site).read(files)
        }
    }
}
