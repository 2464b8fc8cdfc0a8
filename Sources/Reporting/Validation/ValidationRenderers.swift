import CloudFirstCore

/// What `cloudfirst validate` reports: the load's diagnostics and verdict, and what the formats need besides.
public struct ValidationSubject: Sendable {
    public var report: ValidationReport
    /// The cloudfirst version SARIF names as its tool.
    public var version: String
    /// The folder SARIF's file locations are relative to, and where relative inventory paths start from.
    public var sarifRoot: String
    public var workingDirectory: String
    /// `--fail-on warning`: a warning is then a failing JUnit case, as it fails the command.
    public var failOnWarnings: Bool
    /// Whether the diagnostics on stderr may carry ANSI colour.
    public var colour: Bool

    public init(report: ValidationReport, version: String, sarifRoot: String = ".", workingDirectory: String,
                failOnWarnings: Bool = false, colour: Bool = false) {
        self.report = report
        self.version = version
        self.sarifRoot = sarifRoot
        self.workingDirectory = workingDirectory
        self.failOnWarnings = failOnWarnings
        self.colour = colour
    }
}

/// `validate`'s formats, in the order help lists them.
public enum ValidationRenderers: RendererRegistry {
    public static let all: [any Renderer<ValidationSubject>] = [
        ValidationTable(), ValidationJSON(), ValidationSARIF(), ValidationJUnit(), ValidationGitHub(),
    ]

    /// The name `table` had before every command's terminal default was called `table`.
}

/// Compiler-style lines on stderr, one a diagnostic, and the verdict on stdout.
public struct ValidationTable: Renderer {
    public let identifier = "table"
    public let summary = "compiler-style lines (path:line:column: severity: message [code]) on stderr, the verdict "
        + "on stdout"

    public init() {}

    public func render(_ subject: ValidationSubject, to output: inout some TextOutputStream) {
        output.write(subject.report.summary)
    }

    public func notices(for subject: ValidationSubject) -> [String] {
        subject.report.result.diagnostics.map { DiagnosticText.render($0, colour: subject.colour) }
    }
}

/// The verdict and every diagnostic in the JSON envelope every command shares.
public struct ValidationJSON: Renderer {
    public let identifier = "json"
    public let summary = "the verdict and every diagnostic, in the JSON envelope (docs/output.schema.json)"

    public init() {}

    public func render(_ subject: ValidationSubject, to output: inout some TextOutputStream) {
        let result = subject.report.result
        let envelope = result.estate.map { JSONEnvelope(command: "validate", estates: [$0], asOf: nil) }
            ?? JSONEnvelope(command: "validate", organisations: [], asOf: nil, inputs: result.files)
        output.write(envelope.wrap(subject.report.json()).rendered())
    }
}

/// A diagnostic as the compiler-style line editors jump from, coloured on a terminal: the location bold, the
/// severity red or yellow, the code dim.
public enum DiagnosticText {
    public static func render(_ diagnostic: Diagnostic, colour: Bool) -> String {
        guard colour else { return diagnostic.rendered }
        let severity = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
        var location = diagnostic.file
        if let position = diagnostic.position { location += ":\(position.line):\(position.column)" }
        return "\u{1B}[1m" + location + ":" + "\u{1B}[0m" + " " + severity + diagnostic.severity.rawValue + ":"
            + "\u{1B}[0m" + " " + diagnostic.message + "\u{1B}[2m" + " [\(diagnostic.code)]" + "\u{1B}[0m"
    }
}
