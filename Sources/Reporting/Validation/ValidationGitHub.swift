import CloudFirstCore

/// `validate`'s diagnostics as GitHub Actions workflow commands: an annotation on each problem's line of the pull
/// request, and a Markdown job summary.
public struct ValidationGitHub: Renderer {
    public let identifier = "github"
    public let summary = "GitHub Actions annotations, and a job summary when GITHUB_STEP_SUMMARY is set; the verdict on stderr"

    public init() {}

    public func render(_ subject: ValidationSubject, to output: inout some TextOutputStream) {
        output.write(Self.annotations(subject.report))
    }

    public func notices(for subject: ValidationSubject) -> [String] { [subject.report.summary] }

    public func jobSummary(for subject: ValidationSubject) -> String? { Self.summary(subject.report) }

    public static func annotations(_ report: ValidationReport) -> String {
        report.result.diagnostics.map { diagnostic in
            WorkflowCommands.annotation(diagnostic.severity.rawValue, file: diagnostic.file,
                                        position: diagnostic.position, title: diagnostic.code,
                                        message: diagnostic.message)
        }.joined(separator: "\n") + (report.result.diagnostics.isEmpty ? "" : "\n")
    }

    /// The job summary: the verdict line `validate` prints, under a heading.
    public static func summary(_ report: ValidationReport) -> String {
        "## cloudfirst validate\n\n\(report.summary)\n"
    }
}
