import CloudFirstCore
import Planning

/// What `cloudfirst plan` reports: the plan, and what the formats need besides.
public struct PlanSubject: Sendable {
    public var plan: MigrationPlan
    /// The cloudfirst version Markdown names.
    public var version: String
    /// `--csv-for`: the tracker whose CSV import the columns are for.
    public var tracker: PlanTrackerCSV.Tracker

    public init(plan: MigrationPlan, version: String, tracker: PlanTrackerCSV.Tracker = .jira) {
        self.plan = plan
        self.version = version
        self.tracker = tracker
    }
}

/// `plan`'s formats, in the order help lists them.
public enum PlanRenderers: RendererRegistry {
    public static let all: [any Renderer<PlanSubject>] = [
        PlanTable(), PlanMarkdown(), PlanJSON(), PlanTrackerCSV(), PlanMermaid(), PlanDOT(),
    ]
}
