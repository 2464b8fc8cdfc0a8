import ArgumentParser
import Importing

/// The options the imports of the cloud providers' CSV templates share: every import's, and the site (these exports
/// name no data centre).
struct ImportTemplateOptions: ParsableArguments {
    @OptionGroup var output: ImportOutputOptions

    @Option(help: ArgumentHelp("Put every server in one site of this name (default: one site per export, named from "
        + "its file).", valueName: "name"))
    var site: String?

    func run(generator: String, _ read: () throws -> ImportedEstate) throws {
        try output.run(generator: generator, read)
    }
}
