import CloudFirstCore

struct MultiZoneDesign: ServiceRule {
    static let description = RuleDescription(
        id: "multi-zone-design", title: "Platinum or Gold service class needs a design across availability zones",
        category: .technical, severity: .medium,
        rationale: "The NHS service classes Platinum (24x7, 99.9%, disaster recovery within 2 hours) and Gold "
            + "(Monday to Saturday 08:00 to 18:00, 99.9%, within 4 hours) leave little room for an outage. Moved "
            + "as single virtual machines, the service keeps its single points of failure; in a cloud, running "
            + "across availability zones (separate data centres in one region) lets it survive the loss of one. "
            + "The Cloud Risk Framework counts availability among the risks of cloud hosting.",
        source: "REFERENCE.md section 2 (NHS service classes; Health and Social Care Cloud Risk Framework: "
            + "availability; NCSC Cloud Security Principle 2, asset protection and resilience)",
        remediation: "Design for two or more availability zones (zone-redundant database and storage, "
            + "load-balanced application tier), check that the target region offers zones, and test failover "
            + "against the recovery time.",
        examples: [
            .triggers("""
                services:
                  - id: epr
                    name: EPR
                    ↓availability: { service_class: platinum, rto_hours: 2 }
                  - { id: lims, name: LIMS, ↓availability: { service_class: gold } }
                """),
            .passes("""
                services:
                  - { id: hr, name: HR, availability: { service_class: silver } }
                  - { id: wiki, name: Wiki, availability: { service_class: bronze } }
                  - { id: fin, name: Finance, availability: { rto_hours: 24 } }
                """),
        ],
        notFor: RuleDescription.hostedOnly)

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard let serviceClass = service.availability?.serviceClass else { return }
        let target: String
        switch serviceClass {
        case .platinum: target = "the class sets 24x7, 99.9%, disaster recovery within 2 hours"
        case .gold: target = "the class sets 99.9% in its hours, Mon-Sat 08:00-18:00, disaster recovery within 4 hours"
        case .silver, .bronze: return
        }
        report.report("service class \(serviceClass.rawValue) (\(target)) needs a design "
            + "across availability zones", at: service.source, field: "availability")
    }
}
