import Assessment
import CloudFirstCore

/// What a change did, for a terminal: the estate's totals before and after, then a line a changed service.
public struct DiffTable: Renderer {
    public let identifier = "table"
    public let summary = "the estate's score and readiness before and after, a line a changed service (the terminal view)"

    public init() {}

    public func render(_ subject: DiffSubject, to output: inout some TextOutputStream) {
        output.write(Self.render(subject.diff))
    }

    /// What `cloudfirst diff` shows on a terminal: the estate's score and readiness counts before and after, then
    /// one line a service that changed (by id, as every format orders them), `!` marking a regression.
    public static func render(_ diff: AssessmentDiff) -> String {
        let (old, new, services) = (diff.old, diff.new, diff.services)
        let delta = new.score - old.score
        var out = "\(new.estate.organisation?.name ?? "Estate"): what the change does to cloud readiness, assessed "
            + "\(new.asOf)\n\n"
        out += "estate score \(old.score) -> \(new.score) (\(delta >= 0 ? "+" : "")\(delta)); "
            + "\(Plural.count(new.estate.services.count, "service")) (was \(old.estate.services.count))\n"
        out += "readiness: " + Readiness.allCases.map { readiness in
            let before = old.count(readiness), after = new.count(readiness)
            return "\(readiness.rawValue) " + (before == after ? "\(after)" : "\(before) -> \(after)")
        }.joined(separator: ", ") + "\n\n"
        guard !services.isEmpty else {
            return out + "No service's score, readiness, strategy or findings changed.\n"
        }
        func arrow<T: Equatable>(_ before: T?, _ after: T?, _ text: (T) -> String) -> String {
            guard before != after else { return after.map(text) ?? "-" }
            return "\(before.map(text) ?? "-") -> \(after.map(text) ?? "-")"
        }
        let rows: [[String]] = services.map { change in
            [change.isRegression ? "!" : "", change.id,
             "\(change.before.map { String($0.score) } ?? "-") -> \(change.after.map { String($0.score) } ?? "-")",
             arrow(change.before?.readiness, change.after?.readiness, \.rawValue),
             arrow(change.before?.strategy, change.after?.strategy, \.rawValue),
             String(change.newFindings.count), String(change.resolvedFindings.count)]
        }
        out += TextTable.render(header: ["", "SERVICE", "SCORE", "READINESS", "STRATEGY", "NEW", "RESOLVED"],
                                rows: rows, rightAligned: [5, 6])
        let regressions = services.filter(\.isRegression).count
        out += "\n\(Plural.count(services.count, "service")) changed"
            + (regressions > 0 ? ", \(regressions) for the worse (!): readiness, score or a new blocker or high "
                + "finding" : "") + "; the findings: --format markdown or json\n"
        return out
    }
}
