/// `validate`'s diagnostics as GitHub Actions workflow commands: an annotation on each problem's line of the pull
/// request, and a Markdown job summary.
public enum ValidationGitHub {
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
