import ArgumentParser
import Assessment
import CloudFirstCore
import Reporting

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what a change to an inventory did to scores, readiness, strategies and findings.",
        discussion: """
        OLD and NEW are files, folders, or git revisions written REVISION:PATH. Both are assessed on the same day \
        with the same policy. Exit code 1 with --fail-on-regression when the change made things worse: the estate's \
        score fell, a service's score or readiness got worse, or a new blocker or high finding appeared.

        Examples:
          cloudfirst diff HEAD~1:estate/ estate/ --format markdown
          cloudfirst diff old-estate.yaml estate.yaml --fail-on-regression
        """
    )

    @Argument(help: ArgumentHelp("The inventory before the change.", valueName: "old"),
              completion: .file(extensions: EstateLoader.inventoryExtensions))
    var old: String

    @Argument(help: ArgumentHelp("The inventory after the change.", valueName: "new"),
              completion: .file(extensions: EstateLoader.inventoryExtensions))
    var new: String

    @OptionGroup var options: AssessmentOptions

    @Option(help: "The format to write.")
    var format: FormatOption<DiffRenderers> = .first

    @Flag(name: .customLong("fail-on-regression"), help: ArgumentHelp(
        "Exit with code 1 when the change made things worse: the estate's score fell, a service's score or "
            + "readiness got worse, or a new blocker or high finding appeared."))
    var failOnRegression = false

    @Flag(name: .customLong("combine-organisations"), help: ArgumentHelp(
        "Read files that name different organisations as one estate, reported under all their names."))
    var combineOrganisations = false

    func run() throws {
        // The policy named, or the one beside NEW, as every command finds it.
        let beside = GitRevision.looksLikeRevision(new) ? nil : PolicyFile.locate(for: [new])
        let policy = try (options.config ?? beside).map(AssessmentOptions.loadPolicy) ?? Policy()
        let assessor = Assessor(policy: policy)
        let before = assessor.assess(try Self.load(old, combineOrganisations: combineOrganisations), asOf: options.date)
        let after = assessor.assess(try Self.load(new, combineOrganisations: combineOrganisations), asOf: options.date)
        let diff = AssessmentDiff(old: before, new: after)
        try format.write(DiffSubject(diff: diff))
        if failOnRegression, diff.isRegression {
            throw CommandFailure(.policyFailure,
                                 message: "cloudfirst: policy failed: the change makes cloud readiness worse")
        }
    }

    /// A file, a folder, or REVISION:PATH; invalid or unreadable input ends the command with exit code 2.
    static func load(_ argument: String, combineOrganisations: Bool) throws -> Estate {
        let result: LoadResult
        if GitRevision.looksLikeRevision(argument) {
            result = EstateLoader.load(try GitRevision.sources(argument), combineOrganisations: combineOrganisations)
        } else {
            result = EstateLoader.load(paths: [argument], combineOrganisations: combineOrganisations)
        }
        return try EstateInput.valid(result)
    }
}
