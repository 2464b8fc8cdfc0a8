import ArgumentParser
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

    func validate() throws {
        if let startDate {
            guard let date = CalendarDate(startDate) else {
                throw ValidationError("--start-date must be a real date written YYYY-MM-DD, found '\(startDate)'")
            }
            guard date.year <= AssessmentOptions.latestYear else {
                throw ValidationError("--start-date must be no later than \(AssessmentOptions.latestYear)")
            }
        }
        if let commitment, Commitment(rawValue: commitment) == nil {
            throw ValidationError("--commitment must be one of none, 1y or 3y, found '\(commitment)'")
        }
        for (name, value) in [("--max-services-per-wave", maxServicesPerWave), ("--max-servers-per-wave",
                              maxServersPerWave), ("--team-size", teamSize)] {
            if let value, value < 1 { throw ValidationError("\(name) must be at least 1, found \(value)") }
        }
    }

    /// The estate's assumptions with this command line's overrides; windows that leave no day to start a wave on, or
    /// a start too far ahead to plan, end the command with exit code 2.
    func assumptions(for estate: Estate) throws -> Assumptions {
        var assumptions = estate.assumptions
        if let startDate { assumptions.startDate = CalendarDate(startDate) }
        if let maxServicesPerWave { assumptions.maxServicesPerWave = maxServicesPerWave }
        if let maxServersPerWave { assumptions.maxServersPerWave = maxServersPerWave }
        if let teamSize { assumptions.teamSize = teamSize }
        if let commitment = commitment.flatMap(Commitment.init(rawValue:)) { assumptions.commitment = commitment }
        if azureHybridBenefit { assumptions.azureHybridBenefit = true }
        let blocked = FreezeWindow.blockedAllYear(assumptions.freezeWindows)
        if !blocked.isEmpty {
            Terminal.err("cloudfirst: the freeze windows cover every day of the year for "
                + blocked.map(\.rawValue).joined(separator: ", ")
                + " services: no wave that moves one could start. Shorten assumptions.freeze_windows")
            throw ExitCode(ExitStatus.invalidInput)
        }
        if let start = assumptions.startDate, start.year > AssessmentOptions.latestYear {
            Terminal.err("cloudfirst: assumptions.start_date \(start) is too far ahead to plan (after "
                + "\(AssessmentOptions.latestYear))")
            throw ExitCode(ExitStatus.invalidInput)
        }
        return assumptions
    }
}
