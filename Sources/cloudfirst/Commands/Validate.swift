import ArgumentParser
import CloudFirstCore

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check inventories against format 1 and across files; report every problem at once.",
        discussion: """
        Prints each problem as 'path:line:column: error: message [code]' on stderr, then a summary on stdout. \
        Exit code 0 when the estate is valid (warnings allowed), 2 when it is invalid or cannot be read.

        Examples:
          cloudfirst validate estate/
          cloudfirst validate estate.yaml --format json
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var input: EstateInput

    @Option(help: "Output format: text (compiler-style lines) or json.")
    var format: Format = .text

    enum Threshold: String, ExpressibleByArgument, CaseIterable {
        case warning
    }

    @Option(name: .customLong("fail-on"), help: ArgumentHelp(
        "With 'warning', exit with code 1 when the estate is valid but has warnings.", valueName: "warning"))
    var failOn: Threshold?

    func run() throws {
        let result = input.load()
        ProcessLifetime.keep(result)
        let report = ValidationReport(result)
        switch format {
        case .text:
            let colour = Terminal.colourOnStderr
            for diagnostic in result.diagnostics { Terminal.err(Self.render(diagnostic, colour: colour)) }
            Terminal.out(report.summary)
        case .json:
            Terminal.out(report.json().rendered())
        }
        if !report.isValid { throw ExitCode(ExitStatus.invalidInput) }
        if failOn == .warning, result.diagnostics.warningCount > 0 {
            Terminal.err("cloudfirst: policy failed: \(result.diagnostics.warningCount) "
                + (result.diagnostics.warningCount == 1 ? "warning" : "warnings") + " (--fail-on warning)")
            throw ExitCode(ExitStatus.policyFailure)
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
