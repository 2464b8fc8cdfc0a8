import ArgumentParser
import Assessment
import CloudFirstCore
import Reporting

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule, or explain one.",
        discussion: """
        Examples:
          cloudfirst rules
          cloudfirst rules --config .cloudfirst.yml      (severities as the policy sets them)
          cloudfirst rules explain os-past-support
        """,
        subcommands: [List.self, Explain.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every rule: id, severity, category, title; then how findings become verdicts.")

        @Option(help: "The format to write.")
        var format: FormatOption<RuleCatalogueRenderers> = .first

        @Option(help: ArgumentHelp("An organisation policy file whose severities and disabled rules to show.",
                                   valueName: "file"), completion: .file(extensions: ["yml", "yaml"]))
        var config: String?

        func run() throws {
            let policy = try RulesCommand.policy(config)
            try format.write(RuleCatalogueSubject(policy: policy, policyFile: config))
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain a rule (rationale, source, remediation and examples), or how a verdict is made.",
            discussion: "Besides rule ids: score, gates, readiness, confidence, estate-score, kind, strategy.")

        @Argument(help: ArgumentHelp("The rule's id, as 'cloudfirst rules' lists it, or one of score, gates, "
                                         + "readiness, confidence, estate-score, kind, strategy.", valueName: "id"),
                  completion: .custom { _, _, prefix in RulesCommand.completions(prefix) })
        var id: String

        @Option(help: ArgumentHelp("An organisation policy file whose severity for the rule to show.",
                                   valueName: "file"), completion: .file(extensions: ["yml", "yaml"]))
        var config: String?

        /// The topics' names do not depend on the policy, so an unknown id is refused here, where ArgumentParser
        /// prints this subcommand's usage line with the error.
        func validate() throws {
            let registry = RuleRegistry.standard
            let topics = RuleCatalogue.topics(policy: Policy()).map(\.name)
            guard !topics.contains(id), registry.description(of: id) == nil else { return }
            let suggestion = Suggestion.closest(to: id, among: registry.descriptions.map(\.id) + topics)
            throw ValidationError("unknown rule '\(id)'"
                + (suggestion.map { "; did you mean '\($0)'? " } ?? "; ") + "'cloudfirst rules' lists them all.")
        }

        func run() throws {
            let policy = try RulesCommand.policy(config)
            if let topic = RuleCatalogue.topics(policy: policy).first(where: { $0.name == id }) {
                Terminal.out("\(topic.name): how cloudfirst decides\n\n" + topic.text
                    + (topic.text.hasSuffix("\n") ? "" : "\n"))
                return
            }
            guard let description = RuleRegistry.standard.description(of: id) else { return }
            Terminal.out(RuleCatalogue.explain(description, policy: policy))
        }
    }

    /// What `rules explain` completes: every rule id in the registry, then the verdict topics, those that start with
    /// what has been typed.
    static func completions(_ prefix: String) -> [String] {
        (RuleRegistry.standard.descriptions.map(\.id) + RuleCatalogue.topics(policy: Policy()).map(\.name))
            .filter { $0.hasPrefix(prefix) }
    }

    static func policy(_ path: String?) throws -> Policy {
        try path.map(AssessmentOptions.loadPolicy) ?? Policy()
    }
}
