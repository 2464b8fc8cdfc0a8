import CloudFirstCore

struct RecoveryTimeAboveServiceClass: ServiceRule {
    /// The disaster recovery time each NHS service class sets (REFERENCE.md section 2); Silver and Bronze set none.
    static let classRecoveryHours: [ServiceClass: Double] = [.platinum: 2, .gold: 4]

    static let description = RuleDescription(
        id: "recovery-time-above-service-class", title: "Recovery time longer than the service class allows",
        category: .technical, severity: .medium,
        rationale: "The NHS service classes set the disaster recovery time: Platinum within 2 hours, Gold within 4. "
            + "A service whose own recovery time objective is longer than its class allows carries two targets, and "
            + "the cloud design (standby capacity, replication, restore from backup) and its cost follow whichever "
            + "is believed. The owner has to choose before the disaster recovery design is drawn.",
        source: "REFERENCE.md section 2 (service classes: Platinum 24x7 99.9% DR 2h; Gold Mon-Sat 08-18 99.9% DR 4h)",
        remediation: "Agree with the service owner whether the class or the recovery time is right, and correct the "
            + "other: a shorter recovery time needs standby capacity or replication in the cloud, a longer one a "
            + "lower class.",
        examples: [
            .triggers("""
                services:
                  - { id: epr, name: EPR, ↓availability: { service_class: platinum, rto_hours: 8 } }
                  - { id: lims, name: LIMS, ↓availability: { service_class: gold, rto_hours: 24 } }
                """),
            .passes("""
                services:
                  - { id: epr, name: EPR, availability: { service_class: platinum, rto_hours: 2 } }
                  - { id: lims, name: LIMS, availability: { service_class: gold, rto_hours: 1 } }
                  - { id: hr, name: HR, availability: { service_class: silver, rto_hours: 72 } }
                  - { id: wiki, name: Wiki, availability: { service_class: gold } }
                """),
        ])

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard let availability = service.availability, let serviceClass = availability.serviceClass,
              let rto = availability.rtoHours, let allowed = Self.classRecoveryHours[serviceClass], rto > allowed
        else { return }
        report.report("its recovery time objective is \(rto.plainDescription) hours, but service class "
            + "\(serviceClass.rawValue) means recovery within \(allowed.plainDescription): agree which is right",
            at: service.source, field: "availability")
    }
}
