import Assessment
import CloudFirstCore

/// GitHub Actions workflow commands: an annotation on the inventory line of each finding, and a Markdown summary.
public struct AssessmentGitHub: Renderer {
    public let identifier = "github"
    public let summary = "GitHub Actions annotations, and a job summary when GITHUB_STEP_SUMMARY is set"

    public init() {}

    public func render(_ subject: AssessmentSubject, to output: inout some TextOutputStream) {
        output.write(Self.annotations(subject.view))
    }

    public func notices(for subject: AssessmentSubject) -> [String] { subject.filterNotice }

    public func jobSummary(for subject: AssessmentSubject) -> String? { Self.summary(subject.view) }

    public static func annotations(_ view: AssessmentView) -> String {
        view.distinctFindings.map { finding in
            let command = switch finding.severity {
            case .blocker, .high: "error"
            case .medium: "warning"
            case .low, .info: "notice"
            }
            return WorkflowCommands.annotation(command, file: finding.location.file,
                                               position: finding.location.position,
                                               title: "\(finding.rule) (\(finding.severity.rawValue))",
                                               message: "\(finding.subject): \(finding.message)")
        }.joined(separator: "\n") + "\n"
    }

    /// The job summary: the estate's verdict, counts and the blockers.
    public static func summary(_ view: AssessmentView) -> String {
        let assessment = view.assessment
        var out = "## cloudfirst: \(assessment.estate.organisation?.name ?? "estate")\n\n"
        out += "Estate score **\(assessment.score)/100**, assessed \(assessment.asOf).\n\n"
        if let note = view.note { out += "Annotations: \(note).\n\n" }
        // A column for every readiness the row counts (retained and retired included), so the two agree.
        out += "| " + Readiness.allCases.map(\.rawValue).joined(separator: " | ") + " |\n|"
            + String(repeating: "---:|", count: Readiness.allCases.count) + "\n"
        out += "| " + Readiness.allCases.map { String(assessment.count($0)) }.joined(separator: " | ") + " |\n"
        let blockers = assessment.topBlockers.prefix(5)
        if !blockers.isEmpty {
            out += "\nTop blockers: " + blockers.map { "`\($0.rule)` (\($0.services.count))" }.joined(separator: ", ")
                + "\n"
        }
        return out
    }
}
