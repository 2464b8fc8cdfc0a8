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
        let (old, new, services) = (diff.old, diff.new, diff.services)
        var out = "## cloudfirst: what this change does to cloud readiness\n\n"
        let delta = new.score - old.score
        out += "Estate score **\(old.score) → \(new.score)** (\(delta >= 0 ? "+" : "")\(delta)); "
            + "\(Plural.count(new.estate.services.count, "service")) (was \(old.estate.services.count)).\n\n"
        out += "| readiness | before | after |\n|---|---:|---:|\n"
        for readiness in Readiness.allCases {
            out += "| \(readiness.rawValue) | \(old.count(readiness)) | \(new.count(readiness)) |\n"
        }
        if services.isEmpty {
            return out + "\nNo service's score, readiness, strategy or findings changed.\n"
        }
        out += "\n| service | score | readiness | strategy | new findings | resolved |\n|---|---|---|---|---:|---:|\n"
        for change in services {
            let score = "\(change.before.map { String($0.score) } ?? "–") → \(change.after.map { String($0.score) } ?? "–")"
            let readiness = "\(change.before?.readiness.rawValue ?? "–") → \(change.after?.readiness.rawValue ?? "–")"
            let strategy = change.before?.strategy == change.after?.strategy ? change.after?.strategy.rawValue ?? "–"
                : "\(change.before?.strategy.rawValue ?? "–") → \(change.after?.strategy.rawValue ?? "–")"
            out += "| \(change.isRegression ? "⚠️ " : "")`\(change.id)` | \(score) | \(readiness) | \(strategy) | "
                + "\(change.newFindings.count) | \(change.resolvedFindings.count) |\n"
        }
        let appeared = services.flatMap(\.newFindings)
        if !appeared.isEmpty {
            out += "\n### New findings\n\n" + appeared.map { finding in
                "- **\(finding.severity.rawValue)** `\(finding.rule)` \(finding.subject): \(cell(finding.message)) "
                    + "(\(finding.location))\n"
            }.joined()
        }
        let resolved = services.flatMap(\.resolvedFindings)
        if !resolved.isEmpty {
            out += "\n### Resolved\n\n" + resolved.map { finding in
                "- `\(finding.rule)` \(finding.subject): \(cell(finding.message))\n"
            }.joined()
        }
        return out
    }

    static func cell(_ text: String) -> String { text.escapingForMarkdownTable }
}
