import CloudFirstCore

struct FaxHardware: ServerRule {
    static let description = RuleDescription(
        id: "fax-hardware", title: "Fax card: retire, do not migrate", category: .dataAndCompliance,
        severity: .high,
        rationale: "In December 2018 the Secretary of State banned NHS organisations from buying fax machines from "
            + "January 2019 and required fax to be phased out by 31 March 2020, in favour of secure email and modern "
            + "messaging. A server with a fax card is a fax gateway: it is to be retired, or replaced by a messaging "
            + "service, not moved.",
        source: "REFERENCE.md section 4 (the NHS fax ban: no purchases from January 2019, phased out by 31 March "
            + "2020)",
        remediation: "Find who still sends or receives faxes through it, move them to secure email (such as NHSmail) "
            + "or another secure messaging service, and retire the server.",
        examples: [
            .triggers("""
                servers:
                  - { id: fax01, site: dc1, ↓attached_hardware: [fax-card] }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, attached_hardware: [serial] }
                """),
        ])

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        reportAttached(.faxCard, on: server, "has a fax card: NHS fax was to be phased out by 31 March 2020, so "
            + "retire it rather than move it", to: &report)
    }
}
