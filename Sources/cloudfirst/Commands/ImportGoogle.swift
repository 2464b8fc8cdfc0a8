import ArgumentParser
import Foundation
import Importing

struct ImportGoogle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "google",
        abstract: "Import Google Migration Center's CSV tables (vmInfo, perfInfo, diskInfo, tagInfo) as servers and "
            + "sites.",
        discussion: """
        Reads each folder holding a Migration Center import (vmInfo.csv, required; diskInfo.csv, perfInfo.csv and \
        tagInfo.csv when there), or the files themselves (grouped by the folder they are in), binding columns by \
        their header names, and writes one inventory file: sorted by id, the same bytes for the same exports. \
        Server ids are the machine names. GiB are converted to GB (base 10). cpu_p95 and memory_p95 are the 95th \
        percentiles (nearest rank) of each machine's perfInfo.csv series, days_sampled the days it spans. Labels \
        from tagInfo.csv are comments. Each export becomes one site named from its folder, or --site names one.

        The output is written whole or not at all, and a file a person has edited since cloudfirst wrote it is \
        refused without --force.

        Exit codes: 0 written; 2 an export cannot be read or is invalid (the file, line and column are named), or \
        the output was edited; 3 an internal or I/O failure.

        Examples:
          cloudfirst import google migration-center/ --out estate/google.yaml --organisation "Northshire NHS Trust"
          cloudfirst import google vmInfo.csv perfInfo.csv --out estate/google.yaml
        """
    )

    @Argument(help: ArgumentHelp("Folders of a Migration Center CSV import, or its files.", valueName: "folder|file"),
              completion: .file(extensions: ["csv"]))
    var paths: [String]

    @OptionGroup var options: ImportTemplateOptions

    func run() throws {
        try options.run(generator: "cloudfirst import google", exportKind: "folder") {
            try GoogleMigrationCenterImporter(site: options.site).read(paths)
        }
    }
}
