import ArgumentParser
import Importing

/// The options the imports of the cloud providers' CSV templates share: every import's, and the site (these exports
/// name no data centre).
struct ImportTemplateOptions: ParsableArguments {
    @OptionGroup var output: ImportOutputOptions

    @Option(help: ArgumentHelp("Put every server in one site of this name (default: one site per export, named from "
        + "its file).", valueName: "name"))
    var site: String?

    /// Reads and writes as every import does; then, without --site, a note for each export whose name looks dated
    /// (four digits in a row, as a year or a date has, or two numbers joined by '-', '_' or '.', as '11-30' or
    /// '2026_11' has): its site is named from it, so the next month's export would move every server to a new site.
    /// A name like 'dc1' is not dated. `exportKind` is what an export is: a `file`, or Migration Center's `folder`.
    func run(generator: String, exportKind: String = "file", _ read: () throws -> ImportedEstate) throws {
        var dated: [String] = []
        try output.run(generator: generator) {
            let estate = try read()
            if site == nil { dated = estate.sources.map(\.name).filter(Self.looksDated) }
            return estate
        }
        for name in dated {
            Terminal.err("note: the site is named from the \(exportKind) '\(name)'; give --site NAME to keep the "
                + "same site across re-imports")
        }
    }

    static func looksDated(_ name: String) -> Bool {
        name.contains(/[0-9]{4}|[0-9]{1,2}[-_.][0-9]{1,2}/)
    }
}
