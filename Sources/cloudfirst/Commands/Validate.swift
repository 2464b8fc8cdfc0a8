import ArgumentParser
import CloudFirstCore
import Foundation
import Reporting

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

    @OptionGroup var input: EstateInput

    @Option(help: "The format to write.")
    var format: FormatOption<ValidationRenderers> = .first

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
        if sarifRoot != ".", format.identifier != ValidationSARIF().identifier {
            throw ValidationError("--sarif-root applies to --format sarif only")
        }
    }

    func run() throws {
        let result = input.load()
        ProcessLifetime.keep(result)
        let report = ValidationReport(result)
        try format.write(ValidationSubject(report: report, version: CloudFirstVersion.current, sarifRoot: sarifRoot,
                                           workingDirectory: FileManager.default.currentDirectoryPath,
                                           failOnWarnings: failOn == .warning, colour: Terminal.colourOnStderr))
        if !report.isValid { throw CommandFailure(.invalidInput) }
        if failOn == .warning, result.diagnostics.warningCount > 0 {
            let count = result.diagnostics.warningCount
            throw CommandFailure(.policyFailure, message: "cloudfirst: policy failed: \(count) "
                + (count == 1 ? "warning" : "warnings") + " (--fail-on warning)")
        }
    }

    static func render(_ diagnostic: Diagnostic, colour: Bool) -> String {
        DiagnosticText.render(diagnostic, colour: colour)
    }
}
