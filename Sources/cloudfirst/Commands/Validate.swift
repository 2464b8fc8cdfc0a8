import ArgumentParser
import CloudFirstCore
import Foundation

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check inventories against format 1 and across files; report every problem at once.",
        discussion: """
        Prints each problem as 'path:line:column: error: message [code]' on stderr, then a summary on stdout. \
        With --format sarif, junit or github the problems are on stdout in that format and the summary on stderr. \
        Exit code 0 when the estate is valid (warnings allowed), 2 when it is invalid or cannot be read.

        Examples:
          cloudfirst validate estate/
          cloudfirst validate estate.yaml --format json
          cloudfirst validate estate/ --format sarif > validate.sarif
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, sarif, junit, github
        /// The name `table` had before every command's terminal default was called `table`; still accepted.
        case text

        static var allValueStrings: [String] { allCases.filter { $0 != .text }.map(\.rawValue) }
    }

    @OptionGroup var input: EstateInput

    @Option(help: ArgumentHelp("Output format: table (compiler-style lines, the default), json, sarif (code scanning), junit (test "
        + "reports) or github (workflow annotations, and a job summary when GITHUB_STEP_SUMMARY is set)."))
    var format: Format = .table

    @Option(name: .customLong("sarif-root"), help: ArgumentHelp(
        "With --format sarif, the folder file locations are relative to: the repository root (default: the current "
            + "folder).", valueName: "dir"))
    var sarifRoot: String = "."

    enum Threshold: String, ExpressibleByArgument, CaseIterable {
        case warning
    }

    @Option(name: .customLong("fail-on"), help: ArgumentHelp(
        "With 'warning', exit with code 1 when the estate is valid but has warnings.", valueName: "warning"))
    var failOn: Threshold?

    func validate() throws {
        if sarifRoot != ".", format != .sarif { throw ValidationError("--sarif-root applies to --format sarif only") }
    }

    func run() throws {
        let result = input.load()
        ProcessLifetime.keep(result)
        let report = ValidationReport(result)
        switch format {
        case .table, .text:
            let colour = Terminal.colourOnStderr
            for diagnostic in result.diagnostics { Terminal.err(Self.render(diagnostic, colour: colour)) }
            Terminal.out(report.summary)
        case .json:
            let envelope = result.estate.map { JSONEnvelope(command: "validate", estates: [$0], asOf: nil) }
                ?? JSONEnvelope(command: "validate", organisations: [], asOf: nil, inputs: result.files)
            Terminal.out(envelope.wrap(report.json()).rendered())
        case .sarif:
            Terminal.out(ValidationSARIF.render(report, version: CloudFirstVersion.current, root: sarifRoot,
                                                workingDirectory: FileManager.default.currentDirectoryPath).rendered())
            Terminal.err(report.summary)
        case .junit:
            Terminal.out(ValidationJUnit.render(report, failOnWarnings: failOn == .warning))
            Terminal.err(report.summary)
        case .github:
            let annotations = ValidationGitHub.annotations(report)
            if !annotations.isEmpty { Terminal.out(annotations) }
            Terminal.err(report.summary)
            try StepSummary.appendIfRequested(ValidationGitHub.summary(report))
        }
        if !report.isValid { throw CommandFailure(.invalidInput) }
        if failOn == .warning, result.diagnostics.warningCount > 0 {
            let count = result.diagnostics.warningCount
            throw CommandFailure(.policyFailure, message: "cloudfirst: policy failed: \(count) "
                + (count == 1 ? "warning" : "warnings") + " (--fail-on warning)")
        }
    }

    static func render(_ diagnostic: Diagnostic, colour: Bool) -> String {
        guard colour else { return diagnostic.rendered }
        let style: Terminal.Style = diagnostic.severity == .error ? .red : .yellow
        var location = diagnostic.file
        if let position = diagnostic.position { location += ":\(position.line):\(position.column)" }
        return Terminal.styled(location + ":", .bold, when: true) + " "
            + Terminal.styled(diagnostic.severity.rawValue + ":", style, when: true) + " " + diagnostic.message
            + Terminal.styled(" [\(diagnostic.code)]", .dim, when: true)
    }
}
