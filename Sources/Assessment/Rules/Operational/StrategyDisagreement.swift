import CloudFirstCore

/// Raised by the engine, which knows the recommended strategy only once every other rule has spoken.
struct StrategyDisagreement: DerivedRule {
    static let description = RuleDescription(
        id: "strategy-disagreement", title: "Owner's strategy differs from the recommendation", category: .operational,
        severity: .low,
        rationale: "The owner's choice stands, but a choice the findings argue against should be made knowingly "
            + "and recorded.",
        source: "cloudfirst's policy model, README.md 'How findings become verdicts' (a service's own strategy is "
            + "kept, and where the decision table recommends another, that is a finding, not an override); AWS 7 Rs "
            + "(REFERENCE.md section 7)",
        remediation: "Review the reasons given; change the strategy, or keep it and record why.",
        examples: [
            .triggers("""
                servers:
                  - { id: s1, site: dc1, powered_on: false }
                services:
                  - { id: a, name: A, servers: [s1], ↓strategy: rehost }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, powered_on: false }
                services:
                  - { id: a, name: A, servers: [s1], strategy: retire }
                """),
        ])
}
