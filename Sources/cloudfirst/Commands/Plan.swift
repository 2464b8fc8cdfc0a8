import ArgumentParser
import Assessment
import CloudFirstCore
import Planning

struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan the migration: move groups, waves, timeline, sizing and cost per cloud.",
        discussion: """
        Assesses the estate (as 'cloudfirst assess' does), then groups services that must move together, orders \
        them into waves after a landing zone, dates the waves around freeze windows, sizes every server for each \
        target cloud from the embedded price catalogue, and costs it in GBP.

        Examples:
          cloudfirst plan Inventories/northshire-acute.yaml --format markdown > plan.md
          cloudfirst plan estate/ --format csv > jira-import.csv
          cloudfirst plan estate/ --format mermaid > plan-diagrams.md
          cloudfirst plan estate/ --max-services-per-wave 5 --team-size 4
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json, csv, mermaid, dot
    }

    @OptionGroup var input: EstateInput
    @OptionGroup var options: AssessmentOptions

    @Option(help: "Output format: markdown, json, csv (for Jira or Azure DevOps), mermaid or dot.")
    var format: Format = .markdown

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

    func validate() throws {
        if let startDate, CalendarDate(startDate) == nil {
            throw ValidationError("--start-date must be a real date written YYYY-MM-DD, found '\(startDate)'")
        }
        for (name, value) in [("--max-services-per-wave", maxServicesPerWave), ("--max-servers-per-wave",
                              maxServersPerWave), ("--team-size", teamSize)] {
            if let value, value < 1 { throw ValidationError("\(name) must be at least 1, found \(value)") }
        }
    }

    func run() throws {
        let policy = try options.policy(for: input)
        let estate = try input.loadValid()
        let assessment = Assessor(policy: policy).assess(estate, asOf: options.date)
        var assumptions = estate.assumptions
        if let startDate { assumptions.startDate = CalendarDate(startDate) }
        if let maxServicesPerWave { assumptions.maxServicesPerWave = maxServicesPerWave }
        if let maxServersPerWave { assumptions.maxServersPerWave = maxServersPerWave }
        if let teamSize { assumptions.teamSize = teamSize }
        let plan = Planner().plan(assessment, assumptions: assumptions)
        switch format {
        case .markdown: Terminal.out(PlanMarkdown.render(plan, version: CloudFirstVersion.current))
        case .json: Terminal.out(PlanJSON.render(plan).rendered())
        case .csv: Terminal.out(PlanExports.csv(plan))
        case .mermaid: Terminal.out(PlanExports.mermaid(plan))
        case .dot: Terminal.out(PlanExports.dot(plan))
        }
    }
}
