import CloudFirstCore

struct PatientDataOutsideUKAndEEA: ServiceRule {
    static let description = RuleDescription(
        id: "patient-data-outside-uk-eea", title: "Patient data in a region not known to be in the UK or EEA",
        category: .dataAndCompliance, severity: .blocker,
        rationale: "The NHS off-shoring guidance allows patient data to be hosted in the UK, the EEA or a country "
            + "with UK adequacy, and only once the SIRO, with the DPO and Caldicott Guardian, is satisfied. A target "
            + "region cloudfirst does not know to be in the UK or EEA may have no such standing. cloudfirst keeps no "
            + "list of UK adequacy decisions, which change over time, so a region in a country the UK has found "
            + "adequate is reported here too: the SIRO must confirm its standing. NHS England itself moved its own "
            + "hosting back to UK regions.",
        source: offshoringSource,
        remediation: "Use a UK region (Azure uksouth or ukwest, AWS eu-west-2, Google Cloud europe-west2). Where "
            + "there is a reason not to, the SIRO, DPO and Caldicott Guardian confirm the country's standing and "
            + "approve it, recorded as an exception.",
        examples: [
            .triggers("""
                assumptions:
                  target_clouds: [azure, aws, gcp]
                  ↓regions: { azure: uksouth, aws: us-east-1, gcp: europe-west6 }
                services:
                  - { id: epr, name: EPR, data: { classification: official-sensitive, personal_data: patient } }
                """),
            .passes("""
                assumptions:
                  target_clouds: [azure]
                  regions: { azure: uksouth, aws: us-east-1 }
                services:
                  - { id: epr, name: EPR, data: { personal_data: patient } }
                  - { id: esr, name: ESR, data: { personal_data: staff } }
                """),
            .passes("""
                assumptions:
                  regions: { aws: us-east-1 }
                services:
                  - { id: esr, name: ESR, data: { personal_data: staff } }
                  - { id: web, name: Website, data: { personal_data: none } }
                """),
            .passes("""
                assumptions:
                  regions: { azure: westeurope, aws: eu-west-2 }
                services:
                  - { id: epr, name: EPR, data: { personal_data: patient } }
                """),
            .passes("""
                services:
                  - { id: epr, name: EPR, data: { personal_data: patient } }
                """),
        ])

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard service.data?.personalData == .patient, let source = context.estate.assumptions.source else { return }
        for (cloud, region) in targetRegions(context) where RegionResidency.of(region, in: cloud) == nil {
            report.report("patient data would be hosted in \(cloud.rawValue) region '\(region)', which is not known "
                + "to be in the UK or EEA", at: source, field: "regions")
        }
    }
}
