import Assessment
import CloudFirstCore

/// What `cloudfirst assess` reports: the assessment as the filters show it, and what the formats need besides.
public struct AssessmentSubject: Sendable {
    /// What is shown: the whole assessment, filtered and ordered as asked.
    public var view: AssessmentView
    public var policy: Policy
    /// The cloudfirst version Markdown and SARIF name.
    public var version: String
    /// Whether the table may carry ANSI colour.
    public var colour: Bool
    /// `--findings`: CSV gives a row per finding instead of one per service.
    public var findingRows: Bool
    /// The folder SARIF's file locations are relative to, and where relative inventory paths start from.
    public var sarifRoot: String
    public var workingDirectory: String

    public init(view: AssessmentView, policy: Policy, version: String, colour: Bool = false,
                findingRows: Bool = false, sarifRoot: String = ".", workingDirectory: String = ".") {
        self.view = view
        self.policy = policy
        self.version = version
        self.colour = colour
        self.findingRows = findingRows
        self.sarifRoot = sarifRoot
        self.workingDirectory = workingDirectory
    }

    public var assessment: EstateAssessment { view.assessment }

    /// The filter's note on stderr, for the formats that have no place for it (the table, JSON and Markdown say it).
    var filterNotice: [String] { view.note.map { ["cloudfirst: \($0)"] } ?? [] }
}

/// `assess`'s formats, in the order help lists them.
public enum AssessmentRenderers: RendererRegistry {
    public static let all: [any Renderer<AssessmentSubject>] = [
        AssessmentTable(), AssessmentJSON(), AssessmentCSV(), AssessmentMarkdown(), AssessmentSARIF(),
        AssessmentJUnit(), AssessmentGitHub(),
    ]
}
