import ArgumentParser
import Assessment
import CatalogueRefresh

/// `--cache-dir` and `--offline` for the commands that read the lifecycle catalogue but price nothing (`assess`,
/// `explain`), as `plan` takes them (PlanOptions): the refreshed lifecycle catalogue when the cache has one.
struct LifecycleOptions: ParsableArguments {
    @Option(name: .customLong("cache-dir"), help: ArgumentHelp(
        "Folder of refreshed catalogues (default: $XDG_CACHE_HOME/cloudfirst, else ~/.cache/cloudfirst; "
            + "~/Library/Caches/cloudfirst on macOS); the embedded lifecycle catalogue when it has none.",
        valueName: "dir"))
    var cacheDir: String?

    @Flag(help: ArgumentHelp("Use no network. This command never does (it reads the catalogues on disk); accepted so "
        + "that every command takes it."))
    var offline = false

    /// The refreshed lifecycle catalogue in the cache, else the embedded one; a refreshed one that does not parse
    /// ends the command, naming its file and line.
    func lifecycle() throws -> LifecycleCatalogue {
        try CatalogueCache(option: cacheDir).lifecycle()
    }
}
