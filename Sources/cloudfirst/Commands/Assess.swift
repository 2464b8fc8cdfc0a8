import ArgumentParser
import Assessment
import CloudFirstCore
import Foundation
import Reporting

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
          cloudfirst assess estate/ --readiness not-ready,conditional --sort-by score

        --readiness, --severity, --criticality and --strategy narrow what every format lists; the summary, \
        --fail-on, --fail-under and --baseline still judge the whole estate.
        """
    )

    @OptionGroup var input: EstateInput
    @OptionGroup var options: AssessmentOptions
    @OptionGroup var catalogue: LifecycleOptions

    @Option(help: "The format to write.")
    var format: FormatOption<AssessmentRenderers> = .first

    @Flag(help: "With --format csv, one row per finding instead of one per service.")
    var findings = false

    @Option(name: .customLong("fail-under"), help: ArgumentHelp(
        "Exit with code 1 when the estate's score is below this (0-100).", valueName: "score"))
    var failUnder: Int?

    @Option(name: .customLong("fail-on"), help: ArgumentHelp(
        "Exit with code 1 when any finding in force is at least this severe (blocker, high, medium, low, info).",
        valueName: "severity"))
    var failOn: Severity?

    @Flag(name: .customLong("per-service"), help: "With --fail-under, every service must reach the score.")
    var perService = false

    @Option(help: ArgumentHelp("Fail only on findings that are not in this baseline file, and report the fixed ones.",
                               valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp(
        "Record today's findings in this file, for --baseline to compare with later.", valueName: "file"))
    var writeBaseline: String?

    @Option(help: ArgumentHelp("List only services of this readiness (ready, conditional, not-ready, unknown, "
        + "retained, retired); repeat it or separate values with commas.", valueName: "readiness"),
        completion: .list(Readiness.allCases.map(\.rawValue)))
    var readiness: [String] = []

    @Option(help: ArgumentHelp("List only findings, gates and accepted findings at least this severe (blocker, high, "
        + "medium, low, info).", valueName: "severity"), completion: .list(Severity.allCases.map(\.rawValue)))
    var severity: String?

    @Option(help: ArgumentHelp("List only services of this criticality (patient-critical, business-critical, "
        + "business-operational, administrative); repeat it or separate values with commas.",
        valueName: "criticality"), completion: .list(Criticality.ordered.map(\.rawValue)))
    var criticality: [String] = []

    @Option(help: ArgumentHelp("List only services whose strategy in force is this (retire, retain, rehost, "
        + "relocate, repurchase, replatform, refactor); repeat it or separate values with commas.",
        valueName: "strategy"), completion: .list(MigrationStrategy.allCases.map(\.rawValue)))
    var strategy: [String] = []

    @Option(name: .customLong("sort-by"), help: ArgumentHelp(
        "List services in this order: inventory, id, name, score (lowest first), criticality (most critical "
            + "first) or readiness (not-ready first, then by score) (default: inventory, in every format).",
        valueName: "order"), completion: .list(ServiceOrder.allCases.map(\.rawValue)))
    var sortBy: String?

    @Option(name: .customLong("sarif-root"), help: ArgumentHelp(
        "With --format sarif, the folder file locations are relative to: the repository root (default: the current "
            + "folder).", valueName: "dir"))
    var sarifRoot: String = "."

    func validate() throws {
        _ = try filter()
        if findings && format.identifier != AssessmentCSV().identifier {
            throw ValidationError("--findings applies to --format csv only")
        }
        if perService && failUnder == nil { throw ValidationError("--per-service needs --fail-under") }
        if let failUnder, !(0...100).contains(failUnder) {
            throw ValidationError("--fail-under must be a score from 0 to 100, found \(failUnder)")
        }
    }

    func run() throws {
        var policy = try options.policy(for: input)
        let previous = try baseline.map { try Baseline(contentsOf: $0) }
        Progress.step("reading the inventory")
        let estate = try input.loadValid()
        Progress.step("assessing \(Plural.count(estate.services.count, "service")) on "
            + "\(Plural.count(estate.servers.count, "server"))")
        if let failUnder { policy.failUnder = failUnder }
        if let failOn { policy.failOn = failOn }
        if perService { policy.failUnderPerService = true }
        let assessment = Assessor(policy: policy).assess(estate, asOf: options.date, lifecycle: try catalogue.lifecycle())
        ProcessLifetime.keep(assessment)
        Progress.done()
        // The baseline first: when it cannot be written the command fails (exit 3) with no report printed before it.
        if let writeBaseline {
            try Baseline(assessment).write(to: writeBaseline, asOf: assessment.asOf)
        }
        // What is shown may be filtered; what is judged below (thresholds, the baseline) is always the whole estate.
        let view = AssessmentView(assessment, filter: try filter())
        // The table, JSON and Markdown say what they leave out; the other formats say it on stderr.
        try format.write(AssessmentSubject(view: view, policy: policy, version: CloudFirstVersion.current,
                                           colour: Terminal.colourOnStdout, findingRows: findings,
                                           sarifRoot: sarifRoot,
                                           workingDirectory: FileManager.default.currentDirectoryPath))
        var failures: [String]
        if let previous {
            // Against a baseline only what is new can fail.
            let gate = BaselineGate(assessment, against: previous, policy: policy)
            for finding in gate.failing {
                Terminal.err("\(finding.location): \(finding.severity.rawValue): \(finding.message) [\(finding.rule)] (new)")
            }
            Terminal.err("cloudfirst: against the baseline: \(gate.new.count) new, \(gate.fixed.count) fixed")
            failures = gate.failures
        } else {
            failures = policy.failures(of: assessment)
        }
        for failure in failures { Terminal.err("cloudfirst: policy failed: \(failure)") }
        if !failures.isEmpty, view.filter.summary != nil {
            Terminal.err("cloudfirst: the policy judges the whole estate, not only what the filters show")
        }
        if !failures.isEmpty { throw CommandFailure(.policyFailure) }
    }

    /// What to show, from the filter options: each value checked against its choices, comma-separated values split.
    func filter() throws -> AssessmentFilter {
        AssessmentFilter(
            readiness: Set(try Self.choices(readiness, option: "--readiness", Readiness.allCases)),
            criticality: Set(try Self.choices(criticality, option: "--criticality", Criticality.ordered)),
            strategies: Set(try Self.choices(strategy, option: "--strategy", MigrationStrategy.allCases)),
            minimumSeverity: try severity.map {
                try Self.choices([$0], option: "--severity", Severity.allCases, commas: false)
            }?.first,
            order: try sortBy.map {
                try Self.choices([$0], option: "--sort-by", ServiceOrder.allCases, commas: false)
            }?.first)
    }

    /// Each value (or, with `commas`, each comma-separated part) as one of `cases`; an unknown one is a command-line
    /// error that names the nearest choice and lists them all.
    static func choices<T: RawRepresentable>(_ values: [String], option: String, _ cases: [T], commas: Bool = true)
        throws -> [T] where T.RawValue == String {
        let names = cases.map(\.rawValue)
        var out: [T] = []
        let parts = commas ? values.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            : values.map { Substring($0) }
        for part in parts {
            let value = part.trimmingCharacters(in: .whitespaces)
            guard let choice = cases.first(where: { $0.rawValue == value }) else {
                let suggestion = Suggestion.closest(to: value, among: names)
                throw ValidationError("\(option) must be one of \(names.map { "'\($0)'" }.joined(separator: ", ")), "
                    + "found '\(value)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))
            }
            out.append(choice)
        }
        return out
    }
}

extension Severity: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
