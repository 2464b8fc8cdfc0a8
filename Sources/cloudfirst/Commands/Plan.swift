import ArgumentParser
import Assessment
import CloudFirstCore
import Planning
import Reporting

struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan the migration: move groups, waves, timeline, sizing and cost per cloud.",
        discussion: """
        Assesses the estate (as 'cloudfirst assess' does), then groups services that must move together, orders \
        them into waves after a landing zone, dates the waves around freeze windows, sizes every server for each \
        target cloud from the price catalogue (the embedded one, or the one 'cloudfirst catalogue refresh' \
        keeps in the cache), and costs it in GBP.

        Examples:
          cloudfirst plan Inventories/northshire-acute.yaml --format markdown > plan.md
          cloudfirst plan estate/ --format csv > jira-import.csv
          cloudfirst plan estate/ --format csv --csv-for azure-devops > boards-import.csv
          cloudfirst plan estate/ --format mermaid > plan-diagrams.md
          cloudfirst plan estate/ --max-services-per-wave 5 --team-size 4
        """
    )

    @OptionGroup var input: EstateInput
    @OptionGroup var options: AssessmentOptions

    @Option(help: "The format to write.")
    var format: FormatOption<PlanRenderers> = .first

    @Option(name: .customLong("csv-for"), help: ArgumentHelp(
        "With --format csv, the tracker whose CSV import the columns are for: jira or azure-devops.",
        valueName: "tracker"))
    var csvFor: PlanTrackerCSV.Tracker = .jira

    @OptionGroup var planOptions: PlanOptions

    func validate() throws {
        if csvFor != .jira, format.identifier != PlanTrackerCSV().identifier { throw ValidationError("--csv-for applies to --format csv only") }
    }

    func run() throws {
        let policy = try options.policy(for: input)
        Progress.step("reading the inventory")
        let estate = try input.loadValid()
        Progress.step("assessing \(Plural.count(estate.services.count, "service")) on "
            + "\(Plural.count(estate.servers.count, "server"))")
        let catalogues = try planOptions.catalogues()
        let assessment = Assessor(policy: policy).assess(estate, asOf: options.date, lifecycle: catalogues.lifecycle)
        Progress.step("planning")
        let plan = Planner(catalogue: catalogues.prices).plan(assessment,
                                                              assumptions: try planOptions.assumptions(for: estate))
        ProcessLifetime.keep(plan)
        Progress.done()
        try format.write(PlanSubject(plan: plan, version: CloudFirstVersion.current, tracker: csvFor))
    }
}

extension PlanTrackerCSV.Tracker: ExpressibleByArgument {}
