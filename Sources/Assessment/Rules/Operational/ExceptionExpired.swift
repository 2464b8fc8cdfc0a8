import CloudFirstCore

public struct ExceptionExpired: ServiceRule {
    public init() {}

    public static let description = RuleDescription(
        id: "exception-expired", title: "Accepted finding whose exception has expired", category: .operational,
        severity: .medium,
        rationale: "An exception records a risk someone accepted for a time. Once it expires, the finding counts "
            + "again, and the acceptance needs renewing or the problem fixing.",
        source: "cloudfirst's policy model, README.md 'Organisation policy: .cloudfirst.yml and exceptions' (an "
            + "exception gives a reason and may give an end date; once it has passed, the finding counts again); "
            + "DSPT risk management (REFERENCE.md section 2)",
        remediation: "Fix the finding, or renew the exception with a new reason and date.",
        examples: [
            .triggers("""
                services:
                  - id: a
                    name: A
                    exceptions:
                      - { rule: os-past-support, reason: "ESU bought", ↓until: 2026-10-13 }
                """),
            .passes("""
                services:
                  - id: a
                    name: A
                    exceptions:
                      - { rule: os-past-support, reason: "upgrade booked", until: 2027-03-31 }
                      - { rule: owner-missing, reason: "owner being appointed" }
                """),
        ])

    public func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        for exception in service.exceptions {
            if let until = exception.until, until < context.asOf {
                report.report("the exception for '\(exception.rule)' expired on \(until); its findings count again",
                              at: exception.source, field: "until")
            }
        }
    }
}

public struct ExceptionForUnknownRule: ServiceRule {
    public init() {}

    public static let description = RuleDescription(
        id: "exception-unknown-rule", title: "Exception names no known rule", category: .operational,
        severity: .medium,
        rationale: "An exception for a rule id that does not exist accepts nothing: the finding it was meant for "
            + "still counts, and the record of the accepted risk is wrong.",
        source: "cloudfirst's policy model, README.md 'Organisation policy: .cloudfirst.yml and exceptions' (a "
            + "service accepts a finding with an exception that names its rule)",
        remediation: "Use an id that 'cloudfirst rules' lists.",
        examples: [
            .triggers("""
                services:
                  - id: a
                    name: A
                    exceptions:
                      - { ↓rule: os-past-suport, reason: "upgrade booked" }
                """),
            .passes("""
                services:
                  - id: a
                    name: A
                    exceptions:
                      - { rule: os-past-support, reason: "upgrade booked" }
                """),
        ])

    public func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard !service.exceptions.isEmpty else { return }
        let known = RuleRegistry.standard.ids
        for exception in service.exceptions where !known.contains(exception.rule) {
            let suggestion = Suggestion.closest(to: exception.rule, among: known).map { "; did you mean '\($0)'?" } ?? ""
            report.report("no rule has the id '\(exception.rule)'\(suggestion)", at: exception.source, field: "rule")
        }
    }
}

/// Raised by the engine, which knows the recommended strategy only once every other rule has spoken.
public struct StrategyDisagreement: DerivedRule {
    public static let description = RuleDescription(
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
