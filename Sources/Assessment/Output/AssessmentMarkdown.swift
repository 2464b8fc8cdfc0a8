import CloudFirstCore
import Foundation

/// A report a trust can paste into a board paper: the summary first, then the blockers, then every service.
public enum AssessmentMarkdown {
    public static func render(_ view: AssessmentView, registry: RuleRegistry = .standard,
                              policy: Policy = Policy(), version: String) -> String {
        let assessment = view.assessment
        let estate = assessment.estate
        let organisation = estate.organisation?.name ?? "the estate"
        var out = "# Cloud readiness: \(cell(organisation))\n\n"
        out += "Assessed on \(assessment.asOf) by cloudfirst \(version) with \(registry.descriptions.count) rules: "
            + "\(count(estate.services.count, "service")) on \(count(estate.servers.count, "server")).\n\n"
        if let note = view.note { out += "Services: \(note).\n\n" }

        out += "## Summary\n\n"
        out += "Estate score: **\(assessment.score) / 100** (services' scores weighted by criticality).\n\n"
        out += "| readiness | services |\n|---|---:|\n"
        for readiness in Readiness.allCases { out += "| \(readiness.rawValue) | \(assessment.count(readiness)) |\n" }
        out += "\n| strategy | services |\n|---|---:|\n"
        for strategy in MigrationStrategy.allCases where assessment.count(strategy) > 0 {
            out += "| \(strategy.rawValue) | \(assessment.count(strategy)) |\n"
        }

        out += "\n## Top blockers\n\n"
        let blockers = assessment.topBlockers
        if blockers.isEmpty {
            out += "No blocker stands in the way of any service.\n"
        } else {
            out += "| rule | what | services |\n|---|---|---|\n"
            for blocker in blockers.prefix(10) {
                let title = registry.description(of: blocker.rule)?.title ?? ""
                let services = blocker.services.map { "`\($0)`" }.joined(separator: ", ")
                out += "| `\(blocker.rule)` | \(cell(title)) | \(services) |\n"
            }
        }

        out += "\n## Services\n"
        // In the order every format lists them: the inventory's, or --sort-by's.
        for service in view.services {
            out += "\n### \(cell(service.service.name)) (`\(service.service.id)`)\n\n"
            out += "- Kind: \(service.kind.rawValue)\(service.kindGiven ? "" : " (inferred)"); criticality: "
                + "\(service.service.criticality?.rawValue ?? "not given")\n"
            out += "- Readiness: **\(service.readiness.rawValue)**; score \(service.score) / 100; "
                + "confidence \(service.confidence) of 5\n"
            var strategy = "- Strategy: **\(service.strategy.rawValue)**"
            if service.service.strategy != nil {
                strategy += service.recommendedStrategy == service.strategy ? " (the owner's, as recommended)"
                    : " (the owner's; recommended: \(service.recommendedStrategy.rawValue))"
            }
            out += strategy + ": " + cell(service.strategyReasons.joined(separator: "; ")) + "\n"
            if let held = service.held {
                out += "- **Held** out of cloud waves: \(cell(held))\n"
            }
            if service.findings.isEmpty {
                out += "\nNo findings\(view.filter.minimumSeverity.map { " at or above \($0.rawValue)" } ?? "").\n"
            } else {
                out += "\n| severity | rule | finding | where |\n|---|---|---|---|\n"
                for finding in service.findings { out += row(finding) }
            }
            if !service.gates.isEmpty {
                out += "\nGates before the move (process work, not defects; they cost no score):\n\n"
                for gate in service.gates {
                    out += "- `\(gate.rule)`: \(cell(gate.message)) (\(cell(gate.location.file)):"
                        + "\(gate.location.position.line))\n"
                }
            }
            if !service.accepted.isEmpty {
                out += "\nAccepted by exception:\n\n"
                for accepted in service.accepted {
                    let until = accepted.until.map { " until \($0)" } ?? ""
                    out += "- `\(accepted.finding.rule)`: \(cell(accepted.finding.message)) "
                        + "(accepted\(until): \(cell(accepted.reason)))\n"
                }
            }
        }

        if !view.unassignedServers.isEmpty {
            out += "\n## Servers in no service\n\n"
            out += "| server | severity | rule | finding | where |\n|---|---|---|---|---|\n"
            for server in view.unassignedServers {
                for finding in server.findings { out += "| `\(server.server.id)` " + row(finding) }
            }
        }

        out += "\n## How to read this\n\n"
        out += RuleCatalogue.scoring(policy: policy).map { $0.hasPrefix("  ") ? "   " + $0.dropFirst(2) : "- " + $0 }
            .joined(separator: "\n") + "\n"
        out += "- `cloudfirst rules explain ID` gives each rule's rationale, source and remediation.\n"
        return out
    }

    /// Not-ready first, then conditional, unknown, ready, retained, retired; within each, the lowest score first:
    /// `assess --sort-by readiness`, for a board paper that leads with what blocks.
    static func boardOrder(_ a: ServiceAssessment, _ b: ServiceAssessment) -> Bool {
        let order: [Readiness] = [.notReady, .conditional, .unknown, .ready, .retained, .retired]
        let (ra, rb) = (order.firstIndex(of: a.readiness)!, order.firstIndex(of: b.readiness)!)
        return (ra, a.score, a.service.id) < (rb, b.score, b.service.id)
    }

    static func row(_ finding: Finding) -> String {
        "| \(finding.severity.rawValue)\(finding.secondaryReason.map { " (\($0.rawValue))" } ?? "") | `\(finding.rule)` | "
            + "\(cell(finding.message)) | "
            + "\(cell(finding.location.file)):\(finding.location.position.line) |\n"
    }

    static func count(_ n: Int, _ noun: String) -> String { Plural.count(n, noun) }

    static func cell(_ text: String) -> String { text.escapingForMarkdownTable }
}
