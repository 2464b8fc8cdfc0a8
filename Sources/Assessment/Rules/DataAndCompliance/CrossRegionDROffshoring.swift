import CloudFirstCore

public struct SynchronousReplicationRPO: ServiceRule {
    public init() {}

    public static let description = RuleDescription(
        id: "synchronous-replication-rpo", title: "Recovery point of zero: synchronous replication, within one region",
        category: .technical, severity: .medium,
        rationale: "A recovery point objective of 0 minutes means no committed data may be lost, which needs "
            + "synchronous replication: every write is confirmed in two places before it counts. Microsoft describes "
            + "synchronous replication between the availability zones of one region, and asynchronous replication, "
            + "which can lose the last writes, between regions. A second region therefore cannot meet a zero "
            + "recovery point on its own. The rule reads Microsoft's description for Azure; the distance between "
            + "regions limits AWS and Google Cloud the same way, which was not checked separately.",
        source: "Microsoft Learn, 'Cross-region replication in Azure' (Azure reliability documentation: synchronous "
            + "replication across availability zones within a region, asynchronous replication to another region); "
            + "REFERENCE.md section 2 (NHS service classes; NCSC Cloud Security Principle 2, asset protection and "
            + "resilience)",
        remediation: "Say in the design that the zero recovery point is met by synchronous replication across "
            + "availability zones in one region, and what a loss of the whole region would lose; or agree a recovery "
            + "point above zero with the service owner if disaster recovery to another region is required.",
        examples: [
            .triggers("""
                services:
                  - id: ed
                    name: Emergency department
                    ↓availability: { service_class: platinum, rto_hours: 1, rpo_minutes: 0 }
                """),
            .passes("""
                services:
                  - { id: epr, name: EPR, availability: { service_class: platinum, rpo_minutes: 15 } }
                  - { id: hr, name: HR, availability: { service_class: silver } }
                  - { id: wiki, name: Wiki }
                """),
        ],
        notFor: RuleDescription.hostedOnly)

    public func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard service.availability?.rpoMinutes == 0 else { return }
        report.report("a recovery point of 0 minutes needs synchronous replication, which works between "
            + "availability zones in one region, not across regions: the design must say so",
            at: service.source, field: "availability")
    }
}

public struct CrossRegionDROffshoring: ServiceRule {
    public init() {}

    /// Target clouds with a single UK region (London), so that a second region is outside the UK.
    static let singleUKRegionClouds: [Cloud: String] = [.aws: "AWS", .gcp: "Google Cloud"]

    public static let description = RuleDescription(
        id: "cross-region-dr-offshoring", title: "Platinum service on AWS or Google Cloud: a second region is "
            + "outside the UK",
        category: .dataAndCompliance, severity: .medium,
        rationale: "A Platinum service (24x7, 99.9%, disaster recovery within 2 hours) needs a disaster recovery "
            + "plan, and where that plan covers the loss of a whole region it needs a second region. AWS and Google "
            + "Cloud each have one UK region, London, so a second region on either is outside the UK. NHS data may "
            + "be hosted in the UK, the EEA or "
            + "a country with UK adequacy, but only once the organisation's SIRO is satisfied, with the Data "
            + "Protection Officer and Caldicott Guardian: region-level disaster recovery there is an off-shoring "
            + "decision, not only a technical one. Azure has two UK regions, UK South and UK West.",
        source: "REFERENCE.md section 9 (data location: AWS and Google each have one UK region; Azure has UK South "
            + "and UK West; cross-region DR on AWS or Google means hosting outside the UK), section 2 (NHS Digital "
            + "off-shoring guidance, updated May 2022: the SIRO must be satisfied; service classes) and section 5 "
            + "(UK regions)",
        remediation: "Decide, with the SIRO, Data Protection Officer and Caldicott Guardian, whether disaster "
            + "recovery may sit in an EEA or UK-adequate region, and record the decision; or meet the service class "
            + "with availability zones in London alone, or choose Azure's UK South and UK West pair.",
        examples: [
            .triggers("""
                services:
                  - id: epr
                    name: EPR
                    ↓availability: { service_class: platinum, rto_hours: 2 }
                """),
            .triggers("""
                assumptions: { target_clouds: [azure, gcp] }
                services:
                  - { id: epr, name: EPR, ↓availability: { service_class: platinum } }
                  - { id: lims, name: LIMS, availability: { service_class: gold } }
                """),
            .passes("""
                assumptions: { target_clouds: [azure] }
                services:
                  - { id: epr, name: EPR, availability: { service_class: platinum } }
                """),
            .passes("""
                services:
                  - { id: lims, name: LIMS, availability: { service_class: gold } }
                  - { id: wiki, name: Wiki }
                """),
        ],
        notFor: RuleDescription.hostedOnly)

    public func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard service.availability?.serviceClass == .platinum else { return }
        let clouds = context.estate.assumptions.targetClouds.compactMap { Self.singleUKRegionClouds[$0] }
        guard !clouds.isEmpty else { return }
        let named = clouds.joined(separator: " and ")
        let each = clouds.count == 1 ? "has" : "each have"
        report.report("service class platinum: \(named) \(each) only one UK region (London), so disaster recovery "
            + "to a second region there means hosting outside the UK, an off-shoring decision for the SIRO",
            at: service.source, field: "availability")
    }
}

public struct RecoveryTimeAboveServiceClass: ServiceRule {
    public init() {}

    /// The disaster recovery time each NHS service class sets (REFERENCE.md section 2); Silver and Bronze set none.
    static let classRecoveryHours: [ServiceClass: Double] = [.platinum: 2, .gold: 4]

    public static let description = RuleDescription(
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

    public func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard let availability = service.availability, let serviceClass = availability.serviceClass,
              let rto = availability.rtoHours, let allowed = Self.classRecoveryHours[serviceClass], rto > allowed
        else { return }
        report.report("its recovery time objective is \(rto.plainDescription) hours, but service class "
            + "\(serviceClass.rawValue) means recovery within \(allowed.plainDescription): agree which is right",
            at: service.source, field: "availability")
    }
}
