import CloudFirstCore

struct SynchronousReplicationRPO: ServiceRule {
    static let description = RuleDescription(
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

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard service.availability?.rpoMinutes == 0 else { return }
        report.report("a recovery point of 0 minutes needs synchronous replication, which works between "
            + "availability zones in one region, not across regions: the design must say so",
            at: service.source, field: "availability")
    }
}
