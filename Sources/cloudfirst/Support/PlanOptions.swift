import ArgumentParser
import Assessment
import CatalogueRefresh
import CloudFirstCore
import Planning

/// The planning assumptions a command line may override, shared by `plan` and `generate` so that the Terraform is
/// built from the plan that was reviewed.
struct PlanOptions: ParsableArguments {
    @Option(name: .customLong("start-date"), help: ArgumentHelp(
        "When the migration starts, as YYYY-MM-DD (default: assumptions.start_date, else the month after --as-of).",
        valueName: "date"))
    var startDate: String?

    @Option(name: .customLong("max-services-per-wave"), help: ArgumentHelp(
        "Most services a wave moves (default: assumptions.max_services_per_wave, else 10).", valueName: "n"))
    var maxServicesPerWave: Int?

    @Option(name: .customLong("max-servers-per-wave"), help: ArgumentHelp(
        "Most servers a wave moves (default: assumptions.max_servers_per_wave, else 40).", valueName: "n"))
    var maxServersPerWave: Int?

    @Option(name: .customLong("team-size"), help: ArgumentHelp(
        "People migrating at once (default: assumptions.team_size, else 6).", valueName: "n"))
    var teamSize: Int?

    @Option(help: ArgumentHelp(
        "Compute commitment to price: none, 1y or 3y (default: assumptions.commitment, else none).",
        valueName: "term"))
    var commitment: String?

    @Flag(name: .customLong("azure-hybrid-benefit"), help: ArgumentHelp(
        "Price Azure without the Windows Server and SQL Server licences the trust brings with Software Assurance "
            + "(default: assumptions.azure_hybrid_benefit, else off)."))
    var azureHybridBenefit = false

    @Option(name: .customLong("cache-dir"), help: ArgumentHelp(
        "Folder of refreshed catalogues (default: $XDG_CACHE_HOME/cloudfirst, else ~/.cache/cloudfirst; "
            + "~/Library/Caches/cloudfirst on macOS); the embedded catalogues when it has none.", valueName: "dir"))
    var cacheDir: String?

    @Flag(help: ArgumentHelp("Use no network. This command never does (it reads the catalogues on disk); accepted so "
        + "that every command takes it."))
    var offline = false

    /// The price and lifecycle catalogues to plan with: the refreshed ones in the cache when there are, else the
    /// embedded ones. A refreshed catalogue that does not parse ends the command, naming its file and line.
    func catalogues() throws -> (prices: PriceCatalogue, lifecycle: LifecycleCatalogue) {
        let cache = CatalogueCache(option: cacheDir)
        return (try cache.prices(), try cache.lifecycle())
    }

    var overrides: PlanOverrides {
        PlanOverrides(startDate: startDate, maxServicesPerWave: maxServicesPerWave,
                      maxServersPerWave: maxServersPerWave, teamSize: teamSize, commitment: commitment,
                      azureHybridBenefit: azureHybridBenefit)
    }

    func validate() throws {
        do {
            try overrides.check()
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The estate's assumptions with this command line's overrides; assumptions no plan can be made with end the
    /// command with exit code 2.
    func assumptions(for estate: Estate) throws -> Assumptions {
        try overrides.applied(to: estate.assumptions)
    }
}
