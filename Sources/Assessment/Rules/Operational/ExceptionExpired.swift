import CloudFirstCore

struct ExceptionExpired: ServiceRule {
    static let description = RuleDescription(
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

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        for exception in service.exceptions {
            if let until = exception.until, until < context.asOf {
                report.report("the exception for '\(exception.rule)' expired on \(until); its findings count again",
                              at: exception.source, field: "until")
            }
        }
    }
}
