import Assessment
import CloudFirstCore

/// A pull-request comment: the estate's score and readiness before and after, a row a changed service, then the
/// findings that appeared and went.
public struct DiffMarkdown: Renderer {
    public let identifier = "markdown"
    public let summary = "a pull-request comment: the changes, then the findings that appeared and went"

    public init() {}

    public func render(_ subject: DiffSubject, to output: inout some TextOutputStream) {
        output.write(Self.render(subject.diff))
    }

    public static func render(_ diff: AssessmentDiff) -> String {
        ReportTemplates.render("diff.md", Context(diff))
    }

    /// What Templates/reports/diff.md.mustache is rendered from; every text is escaped for Markdown here.
    struct Context: Sendable {
        struct ReadinessRow: Sendable {
            var name: String
            var before: Int
            var after: Int
        }

        struct Service: Sendable, KeyedTemplateContext {
            static let keys: [String: any PartialKeyPath<Self> & Sendable] = [
                "id": \.id, "regression": \.regression, "score": \.score, "readiness": \.readiness,
                "strategy": \.strategy, "newCount": \.newCount, "resolvedCount": \.resolvedCount,
            ]

            var id: String
            var regression: Bool
            var score: String
            var readiness: String
            var strategy: String
            var newCount: Int
            var resolvedCount: Int
        }

        struct FindingRow: Sendable, KeyedTemplateContext {
            static let keys: [String: any PartialKeyPath<Self> & Sendable] = [
                "severity": \.severity, "rule": \.rule, "subject": \.subject, "message": \.message,
                "location": \.location,
            ]

            var severity: String
            var rule: String
            var subject: String
            var message: String
            var location: String
        }

        var scoreBefore: Int
        var scoreAfter: Int
        /// The change with its sign: "+3", "-2", "+0".
        var scoreChange: String
        var serviceCount: String
        var serviceCountBefore: Int
        var readiness: [ReadinessRow]
        var services: [Service]
        var hasServices: Bool
        var newFindings: [FindingRow]
        var hasNewFindings: Bool
        var resolvedFindings: [FindingRow]
        var hasResolvedFindings: Bool

        init(_ diff: AssessmentDiff) {
            let (old, new) = (diff.old, diff.new)
            let delta = new.score - old.score
            scoreBefore = old.score
            scoreAfter = new.score
            scoreChange = "\(delta >= 0 ? "+" : "")\(delta)"
            serviceCount = Plural.count(new.estate.services.count, "service")
            serviceCountBefore = old.estate.services.count
            readiness = Readiness.allCases.map {
                ReadinessRow(name: $0.rawValue, before: old.count($0), after: new.count($0))
            }
            services = diff.services.map { change in
                Service(
                    id: change.id, regression: change.isRegression,
                    score: "\(change.before.map { String($0.score) } ?? "–") → "
                        + "\(change.after.map { String($0.score) } ?? "–")",
                    readiness: "\(change.before?.readiness.rawValue ?? "–") → "
                        + "\(change.after?.readiness.rawValue ?? "–")",
                    strategy: change.before?.strategy == change.after?.strategy
                        ? change.after?.strategy.rawValue ?? "–"
                        : "\(change.before?.strategy.rawValue ?? "–") → \(change.after?.strategy.rawValue ?? "–")",
                    newCount: change.newFindings.count, resolvedCount: change.resolvedFindings.count)
            }
            hasServices = !services.isEmpty
            func finding(_ finding: Finding) -> FindingRow {
                FindingRow(severity: finding.severity.rawValue, rule: finding.rule, subject: finding.subject.description,
                        message: cell(finding.message), location: finding.location.description)
            }
            newFindings = diff.services.flatMap(\.newFindings).map(finding)
            hasNewFindings = !newFindings.isEmpty
            resolvedFindings = diff.services.flatMap(\.resolvedFindings).map(finding)
            hasResolvedFindings = !resolvedFindings.isEmpty
        }
    }

    static func cell(_ text: String) -> String { text.escapingForMarkdownTable }
}
