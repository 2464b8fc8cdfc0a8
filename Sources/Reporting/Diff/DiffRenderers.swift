import Assessment
import CloudFirstCore

/// What `cloudfirst diff` reports: two assessments of an estate, before and after a change, on the same day with the
/// same policy.
public struct DiffSubject: Sendable {
    public var diff: AssessmentDiff

    public init(diff: AssessmentDiff) {
        self.diff = diff
    }
}

/// `diff`'s formats, in the order help lists them.
public enum DiffRenderers: RendererRegistry {
    public static let all: [any Renderer<DiffSubject>] = [DiffTable(), DiffMarkdown(), DiffJSON()]
}
