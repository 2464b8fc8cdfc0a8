import Assessment
import CloudFirstCore

/// What `cloudfirst rules` lists: every rule, with the severities and disabled rules of a policy.
public struct RuleCatalogueSubject: Sendable {
    public var registry: RuleRegistry
    public var policy: Policy
    /// The policy file the severities come from, if one was named: the JSON envelope's input.
    public var policyFile: String?

    public init(registry: RuleRegistry = .standard, policy: Policy, policyFile: String? = nil) {
        self.registry = registry
        self.policy = policy
        self.policyFile = policyFile
    }
}

/// `rules list`'s formats, in the order help lists them.
public enum RuleCatalogueRenderers: RendererRegistry {
    public static let all: [any Renderer<RuleCatalogueSubject>] = [
        RuleCatalogueTable(), RuleCatalogueJSON(), RuleCatalogueMarkdown(),
    ]

    /// The name `table` had before every command's terminal default was called `table`.
}

/// One line a rule (id, severity, category, title), then how findings become verdicts.
public struct RuleCatalogueTable: Renderer {
    public let identifier = "table"
    public let summary = "one line a rule: id, severity, category, title; then how findings become verdicts"

    public init() {}

    public func render(_ subject: RuleCatalogueSubject, to output: inout some TextOutputStream) {
        output.write(RuleCatalogue.text(subject.registry, policy: subject.policy))
    }
}

/// Every rule with its rationale, source and remediation, in the JSON envelope.
public struct RuleCatalogueJSON: Renderer {
    public let identifier = "json"
    public let summary = "every rule with its rationale, source and remediation, in the JSON envelope"

    public init() {}

    public func render(_ subject: RuleCatalogueSubject, to output: inout some TextOutputStream) {
        output.write(JSONEnvelope(command: "rules", organisations: [], asOf: nil,
                                  inputs: subject.policyFile.map { [$0] } ?? [])
            .wrap(RuleCatalogue.json(subject.registry, policy: subject.policy)).rendered())
    }
}

/// The rule reference (docs/rules.md is this output), from Templates/reports/rules.md.mustache.
public struct RuleCatalogueMarkdown: Renderer {
    public let identifier = "markdown"
    public let summary = "the rule reference as Markdown (docs/rules.md is this output)"

    public init() {}

    public func render(_ subject: RuleCatalogueSubject, to output: inout some TextOutputStream) {
        output.write(Self.render(subject.registry, policy: subject.policy))
    }

    /// Every rule as a Markdown section, from Templates/reports/rules.md.mustache: the reference a trust can publish.
    public static func render(_ registry: RuleRegistry = .standard, policy: Policy = Policy()) -> String {
        ReportTemplates.render("rules.md", Context(registry, policy: policy))
    }

    /// What Templates/reports/rules.md.mustache is rendered from.
    struct Context: Sendable {
        struct Example: Sendable, KeyedTemplateContext {
            static let keys: [String: any PartialKeyPath<Self> & Sendable] = [
                "kind": \.kind, "inventory": \.inventory,
            ]

            /// "Triggers" or "Passes".
            var kind: String
            var inventory: String
        }

        struct Rule: Sendable, KeyedTemplateContext {
            static let keys: [String: any PartialKeyPath<Self> & Sendable] = [
                "id": \.id, "title": \.title, "category": \.category, "listedSeverity": \.listedSeverity,
                "severity": \.severity, "rationale": \.rationale, "source": \.source, "remediation": \.remediation,
                "examples": \.examples,
            ]

            var id: String
            var title: String
            var category: String
            /// The index's column: "gate" for a gate, else the severity the policy gives it.
            var listedSeverity: String
            /// The section's: a gate's with its default severity, "gate (high)".
            var severity: String
            var rationale: String
            var source: String
            var remediation: String
            var examples: [Example]
        }

        var rules: [Rule]
        /// How findings become verdicts, as list items, a nested line indented under its item.
        var howToRead: [String]

        init(_ registry: RuleRegistry, policy: Policy) {
            rules = registry.descriptions.map { description in
                Rule(id: description.id, title: description.title, category: description.category.rawValue,
                     listedSeverity: description.gate ? "gate" : policy.severity(of: description).rawValue,
                     severity: description.gate ? "gate (\(description.severity.rawValue))"
                        : description.severity.rawValue,
                     rationale: description.rationale, source: description.source,
                     remediation: description.remediation,
                     examples: description.examples.map {
                         Example(kind: $0.triggers ? "Triggers" : "Passes", inventory: $0.inventory)
                     })
            }
            howToRead = RuleCatalogue.scoring(policy: policy)
                .map { $0.hasPrefix("  ") ? "   " + $0.dropFirst(2) : "- " + $0 }
        }
    }
}
