import CloudFirstCore

struct ExceptionForUnknownRule: ServiceRule {
    static let description = RuleDescription(
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

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard !service.exceptions.isEmpty else { return }
        let known = RuleRegistry.standard.ids
        for exception in service.exceptions where !known.contains(exception.rule) {
            let suggestion = Suggestion.closest(to: exception.rule, among: known).map { "; did you mean '\($0)'?" } ?? ""
            report.report("no rule has the id '\(exception.rule)'\(suggestion)", at: exception.source, field: "rule")
        }
    }
}
