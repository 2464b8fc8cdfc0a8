import Assessment
import CloudFirstCore
import Foundation

/// A report a trust can paste into a board paper: the summary first, then the blockers, then every service.
public struct AssessmentMarkdown: Renderer {
    public let identifier = "markdown"
    public let summary = "a report to paste into a board paper: summary, blockers, every service"

    public init() {}

    public func render(_ subject: AssessmentSubject, to output: inout some TextOutputStream) {
        output.write(Self.render(subject.view, policy: subject.policy, version: subject.version))
    }

    public static func render(_ view: AssessmentView, registry: RuleRegistry = .standard,
                              policy: Policy = Policy(), version: String) -> String {
        ReportTemplates.render("assessment.md", Context(view, registry: registry, policy: policy, version: version))
    }

    /// What Templates/reports/assessment.md.mustache is rendered from; every text is escaped for a table cell here.
    struct Context: Sendable {
        struct Count: Sendable {
            var name: String
            var count: Int
        }

        struct Blocker: Sendable {
            var rule: String
            var title: String
            var services: String
        }

        struct FindingRow: Sendable, KeyedTemplateContext {
            static let keys: [String: any PartialKeyPath<Self> & Sendable] = [
                "server": \.server, "severity": \.severity, "rule": \.rule, "message": \.message, "file": \.file,
                "line": \.line,
            ]

            var server: String
            var severity: String
            var rule: String
            var message: String
            var file: String
            var line: Int

            init(_ finding: Finding, server: String = "") {
                self.server = server
                severity = finding.severity.rawValue + (finding.secondaryReason.map { " (\($0.rawValue))" } ?? "")
                rule = finding.rule
                message = cell(finding.message)
                file = cell(finding.location.file)
                line = finding.location.position.line
            }
        }

        struct Accepted: Sendable {
            var rule: String
            var message: String
            var until: String
            var reason: String
        }

        struct Service: Sendable, KeyedTemplateContext {
            static let keys: [String: any PartialKeyPath<Self> & Sendable] = [
                "name": \.name, "id": \.id, "kind": \.kind, "criticality": \.criticality, "readiness": \.readiness,
                "score": \.score, "confidence": \.confidence, "strategy": \.strategy,
                "strategyOrigin": \.strategyOrigin, "strategyReasons": \.strategyReasons, "held": \.held,
                "findings": \.findings, "hasFindings": \.hasFindings, "gates": \.gates, "hasGates": \.hasGates,
                "accepted": \.accepted, "hasAccepted": \.hasAccepted,
            ]

            var name: String
            var id: String
            var kind: String
            var criticality: String
            var readiness: String
            var score: Int
            var confidence: Int
            var strategy: String
            /// Whose strategy it is, when the owner gave one: " (the owner's, as recommended)".
            var strategyOrigin: String
            var strategyReasons: String
            var held: String?
            var findings: [FindingRow]
            var hasFindings: Bool
            var gates: [FindingRow]
            var hasGates: Bool
            var accepted: [Accepted]
            var hasAccepted: Bool
        }

        var organisation: String
        var asOf: String
        var version: String
        var ruleCount: Int
        var serviceCount: String
        var serverCount: String
        var note: String?
        var score: Int
        var readiness: [Count]
        var strategies: [Count]
        var blockers: [Blocker]
        var hasBlockers: Bool
        /// " at or above high" under a severity filter, for "No findings".
        var findingsThreshold: String
        var services: [Service]
        var unassignedFindings: [FindingRow]
        var hasUnassignedServers: Bool
        /// The scoring explanation as list items, a nested line indented under its item.
        var howToRead: [String]

        init(_ view: AssessmentView, registry: RuleRegistry, policy: Policy, version: String) {
            let assessment = view.assessment
            let estate = assessment.estate
            organisation = cell(estate.organisation?.name ?? "the estate")
            asOf = assessment.asOf.description
            self.version = version
            ruleCount = registry.descriptions.count
            serviceCount = Plural.count(estate.services.count, "service")
            serverCount = Plural.count(estate.servers.count, "server")
            note = view.note
            score = assessment.score
            readiness = Readiness.allCases.map { Count(name: $0.rawValue, count: assessment.count($0)) }
            strategies = MigrationStrategy.allCases.filter { assessment.count($0) > 0 }
                .map { Count(name: $0.rawValue, count: assessment.count($0)) }
            blockers = assessment.topBlockers.prefix(10).map { blocker in
                Blocker(rule: blocker.rule, title: cell(registry.description(of: blocker.rule)?.title ?? ""),
                        services: blocker.services.map { "`\($0)`" }.joined(separator: ", "))
            }
            hasBlockers = !blockers.isEmpty
            findingsThreshold = view.filter.minimumSeverity.map { " at or above \($0.rawValue)" } ?? ""
            // In the order every format lists them: the inventory's, or --sort-by's.
            services = view.services.map { service in
                var origin = ""
                if service.service.strategy != nil {
                    origin = service.recommendedStrategy == service.strategy ? " (the owner's, as recommended)"
                        : " (the owner's; recommended: \(service.recommendedStrategy.rawValue))"
                }
                let findings = service.findings.map { FindingRow($0) }
                let gates = service.gates.map { FindingRow($0) }
                let accepted = service.accepted.map { accepted in
                    Accepted(rule: accepted.finding.rule, message: cell(accepted.finding.message),
                             until: accepted.until.map { " until \($0)" } ?? "", reason: cell(accepted.reason))
                }
                return Service(
                    name: cell(service.service.name), id: service.service.id,
                    kind: service.kind.rawValue + (service.kindGiven ? "" : " (inferred)"),
                    criticality: service.service.criticality?.rawValue ?? "not given",
                    readiness: service.readiness.rawValue, score: service.score, confidence: service.confidence,
                    strategy: service.strategy.rawValue, strategyOrigin: origin,
                    strategyReasons: cell(service.strategyReasons.joined(separator: "; ")),
                    held: service.held.map(cell), findings: findings, hasFindings: !findings.isEmpty, gates: gates,
                    hasGates: !gates.isEmpty, accepted: accepted, hasAccepted: !accepted.isEmpty)
            }
            unassignedFindings = view.unassignedServers.flatMap { server in
                server.findings.map { FindingRow($0, server: server.server.id) }
            }
            hasUnassignedServers = !view.unassignedServers.isEmpty
            howToRead = RuleCatalogue.scoring(policy: policy)
                .map { $0.hasPrefix("  ") ? "   " + $0.dropFirst(2) : "- " + $0 }
        }
    }

    static func cell(_ text: String) -> String { text.escapingForMarkdownTable }
}
