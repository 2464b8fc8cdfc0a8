import CloudFirstCore

struct PatientDataInEEA: ServiceRule {
    static let description = RuleDescription(
        id: "patient-data-in-eea", title: "Patient data in an EEA region outside the UK",
        category: .dataAndCompliance, severity: .medium,
        rationale: "The NHS off-shoring guidance allows patient data to be hosted in the EEA, but only once the "
            + "SIRO, with the DPO and Caldicott Guardian, has understood the data, assessed the risks and agreed the "
            + "controls. The NHS cloud security good practice guide also expects data at rest to stay in the UK; the "
            + "domain reference does not say for which Data Risk Model classes, so an EEA region is a choice to "
            + "justify, not a default. NHS England itself moved its own hosting back to UK regions.",
        source: offshoringSource + "; cloud security good practice guide (REFERENCE.md section 2: data at rest "
            + "stays in the UK)",
        remediation: "Use the cloud's UK region, or record the SIRO's approval, with the DPO's and Caldicott "
            + "Guardian's advice, as an exception.",
        examples: [
            .triggers("""
                assumptions:
                  ↓regions: { azure: norwayeast, aws: eu-west-1, gcp: europe-west2 }
                services:
                  - { id: epr, name: EPR, data: { personal_data: patient } }
                """),
            .passes("""
                assumptions:
                  target_clouds: [gcp]
                  regions: { azure: westeurope, aws: eu-west-1, gcp: europe-west2 }
                services:
                  - { id: epr, name: EPR, data: { personal_data: patient } }
                  - { id: esr, name: ESR, data: { personal_data: staff } }
                """),
            .passes("""
                assumptions:
                  regions: { azure: westeurope }
                services:
                  - { id: esr, name: ESR, data: { personal_data: staff } }
                  - { id: web, name: Website }
                """),
            .passes("""
                assumptions:
                  regions: { azure: switzerlandnorth }
                services:
                  - { id: epr, name: EPR, data: { personal_data: patient } }
                """),
        ])

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard service.data?.personalData == .patient, let source = context.estate.assumptions.source else { return }
        for (cloud, region) in targetRegions(context) {
            if case .eea(let country)? = RegionResidency.of(region, in: cloud) {
                report.report("patient data would be hosted in \(cloud.rawValue) region '\(region)' (\(country)), in "
                    + "the EEA but not the UK", at: source, field: "regions")
            }
        }
    }
}
