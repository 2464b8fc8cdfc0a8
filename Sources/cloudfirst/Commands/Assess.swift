import ArgumentParser
import Assessment
import CloudFirstCore

struct Assess: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score every service: readiness, findings, confidence and a 7R strategy.",
        discussion: """
        Runs every rule over the estate (see 'cloudfirst rules'). Exit code 0 when the estate was assessed and \
        meets the policy; 1 when it fails --fail-under or --fail-on (or the thresholds of the policy file); 2 when \
        the inventory or the policy file cannot be read or is invalid.

        Examples:
          cloudfirst assess Inventories/northshire-acute.yaml
          cloudfirst assess estate/ --format markdown > readiness.md
          cloudfirst assess estate/ --format csv --findings > findings.csv
          cloudfirst assess estate/ --as-of 2027-04-01 --fail-on blocker
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv, markdown
    }

    @OptionGroup var input: EstateInput
    @OptionGroup var options: AssessmentOptions

    @Option(help: "Output format: table, json, csv or markdown.")
    var format: Format = .table

    @Flag(help: "With --format csv, one row per finding instead of one per service.")
    var findings = false

    @Option(name: .customLong("fail-under"), help: ArgumentHelp(
        "Exit with code 1 when the estate's score is below this (0-100).", valueName: "score"))
    var failUnder: Int?

    @Option(name: .customLong("fail-on"), help: ArgumentHelp(
        "Exit with code 1 when any finding in force is at least this severe (blocker, high, medium, low, info).",
        valueName: "severity"))
    var failOn: Severity?

    func validate() throws {
        if findings && format != .csv { throw ValidationError("--findings applies to --format csv only") }
        if let failUnder, !(0...100).contains(failUnder) {
            throw ValidationError("--fail-under must be a score from 0 to 100, found \(failUnder)")
        }
    }

    func run() throws {
        var policy = try options.policy(for: input)
        let estate = try input.loadValid()
        if let failUnder { policy.failUnder = failUnder }
        if let failOn { policy.failOn = failOn }
        let assessment = Assessor(policy: policy).assess(estate, asOf: options.date)
        switch format {
        case .table: Terminal.out(AssessmentTable.render(assessment, colour: Terminal.colourOnStdout))
        case .json: Terminal.out(AssessmentJSON.render(assessment).rendered())
        case .csv: Terminal.out(findings ? AssessmentCSV.findings(assessment) : AssessmentCSV.services(assessment))
        case .markdown: Terminal.out(AssessmentMarkdown.render(assessment, policy: policy,
                                                                       version: CloudFirstVersion.current))
        }
        let failures = policy.failures(of: assessment)
        for failure in failures { Terminal.err("cloudfirst: policy failed: \(failure)") }
        if !failures.isEmpty { throw ExitCode(ExitStatus.policyFailure) }
    }
}

extension Severity: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
