import ArgumentParser
import CloudFirstCore

/// The inventories a command reads: files and folders, or the embedded sample estate when none are named.
struct EstateInput: ParsableArguments {
    @Argument(help: ArgumentHelp("Inventory files or folders of *.yaml / *.yml files (searched recursively).",
                                 discussion: "With none, the embedded sample estate is used.",
                                 valueName: "path"),
              completion: .file(extensions: EstateLoader.inventoryExtensions))
    var paths: [String] = []

    @Flag(name: .customLong("combine-organisations"), help: ArgumentHelp(
        "Read files that name different organisations as one estate, reported under all their names.",
        discussion: "Without it such an estate is refused (exit code 2): an ICS assessing its member trusts "
            + "together, with references across them, gives it."))
    var combineOrganisations = false

    var usesEmbeddedSample: Bool { paths.isEmpty }

    func load() -> LoadResult {
        if usesEmbeddedSample {
            Terminal.err("cloudfirst: no path given; using the embedded sample estate (\(SampleEstate.displayPath))")
            return EstateLoader.load([SampleEstate.source])
        }
        return EstateLoader.load(paths: paths, combineOrganisations: combineOrganisations)
    }
}
