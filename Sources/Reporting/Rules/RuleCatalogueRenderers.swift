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
    public static let aliases = ["text": "table"]
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

/// The rule reference (docs/rules.md is this output).
public struct RuleCatalogueMarkdown: Renderer {
    public let identifier = "markdown"
    public let summary = "the rule reference as Markdown (docs/rules.md is this output)"

    public init() {}

    public func render(_ subject: RuleCatalogueSubject, to output: inout some TextOutputStream) {
        output.write(RuleCatalogue.markdown(subject.registry, policy: subject.policy))
    }
}
