import Assessment
import CloudFirstCore
import Foundation

/// What `cloudfirst explain SERVICE` shows on a terminal: one service, every fact behind its verdict, in the order
/// a reader asks for them (what it is, its score, readiness, findings, gates, strategy, confidence, servers).
public struct ServiceExplanationText: Renderer {
    public let identifier = "table"
    public let summary = "the service in detail, for a terminal"

    public init() {}

    public func render(_ subject: ExplanationSubject, to output: inout some TextOutputStream) {
        output.write(Self.render(subject.explanation, colour: subject.colour))
    }

    public static func render(_ explanation: ServiceExplanation, colour: Bool) -> String {
        let assessed = explanation.assessment
        let service = assessed.service
        func heading(_ text: String) -> String { "\n" + AssessmentTable.bold(text, colour) + "\n" }
        var out = AssessmentTable.bold("\(service.id): \(service.name)", colour) + "\n"
        out += "  defined at \(explanation.location)\n"
        out += "  owner: \(service.owner ?? "not given")\n"
        out += "  criticality: \(service.criticality?.rawValue ?? "not given")\n"
        out += "  kind: \(assessed.kind.rawValue)\(assessed.kindGiven ? "" : " (inferred)")\n"
        out += "  assessed on \(explanation.asOf)\n"

        out += heading("Score: \(assessed.score)/100")
        out += score(explanation)

        out += heading("Readiness: \(assessed.readiness.rawValue)")
        out += readiness(explanation).map { "  \($0)\n" }.joined()

        out += heading("Findings in force: \(assessed.findings.count)")
        if assessed.findings.isEmpty { out += "  none\n" }
        for finding in assessed.findings { out += detail(finding, explanation) }

        out += heading("Gates: \(assessed.gates.count)")
        out += "  process work before the move (safety case, DPIA, procurement, registrations); no cost to the score\n"
        for gate in assessed.gates { out += detail(gate, explanation) }

        if !assessed.accepted.isEmpty {
            out += heading("Accepted by exception: \(assessed.accepted.count)")
            out += "  no cost to the score while the exception lasts\n"
            for accepted in assessed.accepted {
                out += detail(accepted.finding, explanation)
                out += "    accepted\(accepted.until.map { " until \($0)" } ?? ""): \(accepted.reason)\n"
            }
        }

        out += heading("Strategy: \(assessed.strategy.rawValue)"
            + (service.strategy == nil ? " (recommended)" : assessed.strategy == assessed.recommendedStrategy
                ? " (the owner's choice, as recommended)"
                : " (the owner's choice; recommended: \(assessed.recommendedStrategy.rawValue))"))
        out += strategy(explanation)

        out += heading("Confidence: \(assessed.confidence)/5")
        out += confidence(explanation)

        out += heading("Servers: \(explanation.servers.count)")
        if explanation.servers.isEmpty { out += "  none listed\n" }
        let rows = explanation.servers.map { line in
            let server = line.server
            return [server.id, server.role?.rawValue ?? "role not given",
                    server.environment?.rawValue ?? "environment not given",
                    server.poweredOn ? "powered on" : "powered off", server.os ?? "os not given",
                    "\(line.location)", Plural.count(line.findings, "finding"),
                    line.sharedWith.isEmpty ? "" : "also runs \(line.sharedWith.joined(separator: ", "))"]
        }
        var widths = [Int](repeating: 0, count: 8)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.unicodeScalars.count) }
        }
        for row in rows {
            let cells = row.enumerated().map { column, cell in
                cell + String(repeating: " ", count: widths[column] - cell.unicodeScalars.count)
            }
            out += ("  " + cells.joined(separator: "  ")).trimmingTrailingSpaces() + "\n"
        }
        return out
    }

    /// The score's working: 100, then each rule's share, then the rounding.
    static func score(_ explanation: ServiceExplanation) -> String {
        let arithmetic = explanation.arithmetic
        var out = "  start at \(Scoring.Arithmetic.start); each rule in force takes its share of what is left, once, "
            + "at its heaviest finding\n"
        for step in arithmetic.steps {
            let finding = step.finding
            var weight = finding.severity.rawValue
            if let reason = finding.secondaryReason { weight += ", weighs as \(finding.weighsAs.rawValue): \(reason.rawValue)" }
            let times = step.findings > 1 ? "; \(step.findings) findings, counted once" : ""
            out += "  x (1 - " + String(repeating: " ", count: 3 - String(step.points).count) + "\(step.points)/100) = "
                + String(repeating: " ", count: max(0, 6 - decimal(step.remaining).count)) + decimal(step.remaining)
                + "  \(step.rule) (\(weight)\(times)) on \(finding.subject) at \(finding.location)\n"
        }
        if arithmetic.steps.isEmpty { out += "  no finding in force takes anything off\n" }
        out += "  = \(arithmetic.score), rounded from \(decimal(arithmetic.unrounded))\n"
        if !explanation.assessment.gates.isEmpty || !explanation.assessment.accepted.isEmpty {
            out += "  gates and accepted findings cost nothing\n"
        }
        return out
    }

    /// Why the readiness is what it is, one sentence a line.
    static func readiness(_ explanation: ServiceExplanation) -> [String] {
        let minimum = explanation.minimumConfidence
        switch explanation.readinessReason {
        case .strategy(let strategy):
            return [strategy == .retire ? "the strategy in force is retire: it is switched off, not moved"
                : "the strategy in force is retain: it stays where it is and is not a cloud candidate"]
        case .blockers(let findings):
            return ["\(Plural.count(findings.count, "blocker")) \(findings.count == 1 ? "counts" : "count"):"]
                + findings.map { "  \($0.rule) on \($0.subject) at \($0.location)" }
        case let .unknown(personalDataMissing, classificationMissing, confidenceBelow):
            var lines = ["too little is known to judge it:"]
            if personalDataMissing { lines.append("  the personal data it holds is not stated (data.personal_data)") }
            if classificationMissing {
                lines.append("  no data classification is given (data.classification) or derived from patient data")
            }
            if let confidenceBelow {
                lines.append("  confidence \(explanation.assessment.confidence) is below the policy's minimum "
                    + "\(confidenceBelow)")
            }
            return lines
        case .high(let findings):
            return ["no blocker counts; \(Plural.count(findings.count, "high finding")) "
                + "\(findings.count == 1 ? "does" : "do"):"]
                + findings.map { "  \($0.rule) on \($0.subject) at \($0.location)" }
        case .clear:
            return ["no blocker or high finding counts, its data is stated and its confidence is at least \(minimum)"]
        }
    }

    static func detail(_ finding: Finding, _ explanation: ServiceExplanation) -> String {
        var severity = finding.severity.rawValue
        if let reason = finding.secondaryReason { severity += " (\(reason.rawValue), weighs as \(finding.weighsAs.rawValue))" }
        var out = "  \(severity)  \(finding.rule)  \(finding.subject)  \(finding.location)\n"
        out += "    \(finding.message)\n"
        if let remediation = explanation.remediation[finding.rule] { out += "    what to do: \(remediation)\n" }
        return out
    }

    static func strategy(_ explanation: ServiceExplanation) -> String {
        let assessed = explanation.assessment
        var out = "  recommended: \(assessed.recommendedStrategy.rawValue), by row \(assessed.strategyRow) of the "
            + "decision table ('cloudfirst rules explain strategy'): \(explanation.strategyRule)\n"
        out += "  because:\n"
        out += assessed.strategyReasons.map { "    - \($0)\n" }.joined()
        if let owners = assessed.service.strategy, let location = explanation.ownerChoiceLocation {
            out += "  the owner's choice: \(owners.rawValue), at \(location); "
                + (assessed.service.strategyReason.map { "because: \($0)" }
                    ?? "the inventory records no reason for it (give strategy_reason)") + "\n"
            if let finding = explanation.ownerChoiceFinding {
                let accepted = assessed.accepted.contains { $0.finding == finding } ? ", accepted by exception" : ""
                out += "    \(finding.rule) (\(finding.severity.rawValue)\(accepted)): \(finding.message)\n"
            } else if owners != assessed.recommendedStrategy {
                out += "    no finding is raised on it ('cloudfirst rules explain strategy' says when)\n"
            }
        } else {
            out += "  the owner's choice: none recorded (no 'strategy:' on the service), so the recommendation is in force\n"
        }
        if let held = assessed.held { out += "  held out of the cloud waves: \(held)\n" }
        return out
    }

    static func confidence(_ explanation: ServiceExplanation) -> String {
        let evidence = explanation.evidence
        var out = "  evidence: "
        if explanation.nothingToMeasure {
            out += "nothing to measure, so the fields alone: \(ServiceExplanation.percent(evidence.fields)) filled\n"
        } else {
            out += "utilisation \(ServiceExplanation.percent(evidence.utilisation)) (counts 60%) and fields "
                + "filled \(ServiceExplanation.percent(evidence.fields)) (counts 40%) make "
                + "\(ServiceExplanation.percent(evidence.completeness))\n"
        }
        out += "  bands: 0-20% 1, 21-40% 2, 41-60% 3, 61-80% 4, 81-100% 5"
        if explanation.assessment.confidence < explanation.minimumConfidence {
            out += "; below \(explanation.minimumConfidence) the service is unknown"
        }
        out += "\n"
        let advice = explanation.confidenceAdvice
        if evidence.stars == 5 {
            out += "  it is at its highest\n"
        } else if let limit = advice.limit {
            out += "  it can reach \(advice.ceiling)/5 at most: \(limit)\n"
        }
        if !advice.steps.isEmpty {
            out += "  to raise it:\n" + advice.steps.map { "    - \($0)\n" }.joined()
        }
        return out
    }

    /// Two decimal places, as the arithmetic is shown.
    static func decimal(_ value: Double) -> String { String(format: "%.2f", value) }
}
