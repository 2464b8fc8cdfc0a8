import CloudFirstCore

struct CrossRegionDROffshoring: ServiceRule {
    /// Target clouds with a single UK region (London), so that a second region is outside the UK.
    static let singleUKRegionClouds: [Cloud: String] = [.aws: "AWS", .gcp: "Google Cloud"]

    static let description = RuleDescription(
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

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
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
