import Assessment
import CloudFirstCore
import Foundation

/// Spreadsheets a trust can sort and filter: a row per service, or with `findings` a row per finding.
public struct AssessmentCSV: Renderer {
    public let identifier = "csv"
    public let summary = "a row per service, or per finding with --findings, for a spreadsheet"

    public init() {}

    public func render(_ subject: AssessmentSubject, to output: inout some TextOutputStream) {
        // Streamed: each row is written as it is made, not the whole sheet first.
        if subject.findingRows {
            Self.writeFindings(subject.view, to: &output)
        } else {
            Self.writeServices(subject.view, to: &output)
        }
    }

    public func notices(for subject: AssessmentSubject) -> [String] { subject.filterNotice }

    /// The sheet of services as one string, for a caller that wants it whole.
    public static func services(_ view: AssessmentView) -> String {
        var out = ""
        writeServices(view, to: &out)
        return out
    }

    /// The sheet of findings as one string, for a caller that wants it whole.
    public static func findings(_ view: AssessmentView) -> String {
        var out = ""
        writeFindings(view, to: &out)
        return out
    }

    /// A row per service, each written as it is made.
    public static func writeServices(_ view: AssessmentView, to output: inout some TextOutputStream) {
        output.write(CSV.line(["service", "name", "kind", "criticality", "score", "readiness", "confidence", "strategy",
                     "recommended_strategy", "held", "blocker", "high", "medium", "low", "info", "accepted", "gates",
                     "top_finding"]))
        for service in view.services {
            let counts = Severity.allCases.map { severity in
                String(service.findings.filter { $0.severity == severity }.count)
            }
            output.write(CSV.line([service.service.id, service.service.name, service.kind.rawValue,
                         service.service.criticality?.rawValue ?? "", String(service.score),
                         service.readiness.rawValue, String(service.confidence), service.strategy.rawValue,
                         service.recommendedStrategy.rawValue, service.held ?? ""] + counts
                         + [String(service.accepted.count), String(service.gates.count),
                            service.headline.map { "\($0.rule): \($0.message)" } ?? ""]))
        }
    }

    /// A row per finding (open, gate or accepted), each written as it is made.
    public static func writeFindings(_ view: AssessmentView, to output: inout some TextOutputStream) {
        output.write(CSV.line(["service", "subject", "rule", "severity", "category", "status", "file", "line", "column",
                     "message"]))
        func row(_ service: String, _ finding: Finding, _ status: String) -> [String] {
            [service, finding.subject.description, finding.rule, finding.severity.rawValue, finding.category.rawValue,
             status, finding.location.file, String(finding.location.position.line),
             String(finding.location.position.column), finding.message]
        }
        for service in view.services {
            for finding in service.findings {
                output.write(CSV.line(row(service.service.id, finding,
                                          finding.secondaryReason.map { "open (\($0.rawValue))" } ?? "open")))
            }
            for gate in service.gates { output.write(CSV.line(row(service.service.id, gate, "gate"))) }
            for accepted in service.accepted {
                output.write(CSV.line(row(service.service.id, accepted.finding, "accepted")))
            }
        }
        for server in view.unassignedServers {
            for finding in server.findings { output.write(CSV.line(row("", finding, "open"))) }
        }
    }
}
