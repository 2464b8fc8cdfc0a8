import CloudFirstCore

struct OwnerMissing: ServiceRule {
    static let description = RuleDescription(
        id: "owner-missing", title: "Service has no owner", category: .operational, severity: .low,
        rationale: "Without an accountable owner nobody can accept the service's risks, approve an exception or "
            + "choose its strategy, and the SIRO and Clinical Safety Officer have nobody to answer to them for it.",
        source: "REFERENCE.md section 1 (Internet First: audit and build an asset register) and section 2 "
            + "(off-shoring guidance: the SIRO must be satisfied; DCB0160)",
        remediation: "Name the accountable owner as 'owner'; a role (e.g. 'Chief Clinical Information Officer') "
            + "outlasts a person.",
        examples: [
            .triggers("""
                services:
                  - ↓{ id: a, name: A }
                  - ↓id: b
                    name: B
                    clinical_system: false
                  - { id: c, name: C, ↓owner: " " }
                """),
            .passes("""
                services:
                  - { id: a, name: A, owner: Chief Clinical Information Officer }
                """),
        ])

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard (service.owner ?? "").allSatisfy(\.isWhitespace) else { return }
        report.report("no owner is given", at: service.source, field: "owner")
    }
}
