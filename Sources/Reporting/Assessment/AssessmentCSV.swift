import Assessment
import CloudFirstCore
import Foundation

/// Spreadsheets a trust can sort and filter: a row per service, or with `findings` a row per finding.
public struct AssessmentCSV: Renderer {
    public let identifier = "csv"
    public let summary = "a row per service, or per finding with --findings, for a spreadsheet"

    public init() {}

    public func render(_ subject: AssessmentSubject, to output: inout some TextOutputStream) {
        output.write(subject.findingRows ? Self.findings(subject.view) : Self.services(subject.view))
    }

    public func notices(for subject: AssessmentSubject) -> [String] { subject.filterNotice }

    public static func services(_ view: AssessmentView) -> String {
        var rows = [["service", "name", "kind", "criticality", "score", "readiness", "confidence", "strategy",
                     "recommended_strategy", "held", "blocker", "high", "medium", "low", "info", "accepted", "gates",
                     "top_finding"]]
        for service in view.services {
            let counts = Severity.allCases.map { severity in
                String(service.findings.filter { $0.severity == severity }.count)
            }
            rows.append([service.service.id, service.service.name, service.kind.rawValue,
                         service.service.criticality?.rawValue ?? "", String(service.score),
                         service.readiness.rawValue, String(service.confidence), service.strategy.rawValue,
                         service.recommendedStrategy.rawValue, service.held ?? ""] + counts
                         + [String(service.accepted.count), String(service.gates.count),
                            service.headline.map { "\($0.rule): \($0.message)" } ?? ""])
        }
        return CSV.render(rows)
    }

    public static func findings(_ view: AssessmentView) -> String {
        var rows = [["service", "subject", "rule", "severity", "category", "status", "file", "line", "column",
                     "message"]]
        func row(_ service: String, _ finding: Finding, _ status: String) -> [String] {
            [service, finding.subject.description, finding.rule, finding.severity.rawValue, finding.category.rawValue,
             status, finding.location.file, String(finding.location.position.line),
             String(finding.location.position.column), finding.message]
        }
        for service in view.services {
            rows += service.findings.map { row(service.service.id, $0, $0.secondaryReason.map { "open (\($0.rawValue))" } ?? "open") }
            rows += service.gates.map { row(service.service.id, $0, "gate") }
            rows += service.accepted.map { row(service.service.id, $0.finding, "accepted") }
        }
        for server in view.unassignedServers {
            rows += server.findings.map { row("", $0, "open") }
        }
        return CSV.render(rows)
    }
}
