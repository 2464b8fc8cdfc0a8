import CloudFirstCore

/// Where a cloud region keeps its data, as the NHS off-shoring guidance sees it.
enum RegionResidency: Equatable, Sendable {
    case uk
    /// In the European Economic Area, outside the UK; `country` is where the region is.
    case eea(country: String)

    /// The UK and EEA regions of each target cloud. A region not listed counts as outside the UK and EEA: the table
    /// holds only regions whose country is certain. UK regions: REFERENCE.md section 5. EEA regions: the providers'
    /// own region lists (Azure geographies, AWS Regions, Google Cloud locations), which REFERENCE.md does not hold.
    /// Switzerland is not in the EEA, so Azure switzerlandnorth, AWS eu-central-2 and Google europe-west6 (all
    /// Zurich) are left out; Norway is. OCI's UK regions (uk-london-1, uk-cardiff-1) are not listed because
    /// inventory format 1 has no OCI target.
    static let known: [Cloud: [String: RegionResidency]] = [
        .azure: [
            "uksouth": .uk, "ukwest": .uk,
            "northeurope": .eea(country: "Ireland"), "westeurope": .eea(country: "Netherlands"),
            "francecentral": .eea(country: "France"), "francesouth": .eea(country: "France"),
            "germanywestcentral": .eea(country: "Germany"), "germanynorth": .eea(country: "Germany"),
            "swedencentral": .eea(country: "Sweden"), "norwayeast": .eea(country: "Norway"),
            "norwaywest": .eea(country: "Norway"), "italynorth": .eea(country: "Italy"),
            "polandcentral": .eea(country: "Poland"), "spaincentral": .eea(country: "Spain"),
        ],
        .aws: [
            "eu-west-2": .uk,
            "eu-west-1": .eea(country: "Ireland"), "eu-central-1": .eea(country: "Germany"),
            "eu-west-3": .eea(country: "France"), "eu-north-1": .eea(country: "Sweden"),
            "eu-south-1": .eea(country: "Italy"), "eu-south-2": .eea(country: "Spain"),
        ],
        .gcp: [
            "europe-west2": .uk,
            "europe-west1": .eea(country: "Belgium"), "europe-west3": .eea(country: "Germany"),
            "europe-west4": .eea(country: "Netherlands"), "europe-north1": .eea(country: "Finland"),
            "europe-west8": .eea(country: "Italy"), "europe-west9": .eea(country: "France"),
            "europe-central2": .eea(country: "Poland"), "europe-southwest1": .eea(country: "Spain"),
        ],
    ]

    /// Where `region` of `cloud` is, or nil when it is not known to be in the UK or EEA.
    static func of(_ region: String, in cloud: Cloud) -> RegionResidency? {
        known[cloud]?[region]
    }
}

/// The region of each target cloud, in the order the assumptions list the clouds.
private func targetRegions(_ context: AssessmentContext) -> [(cloud: Cloud, region: String)] {
    let assumptions = context.estate.assumptions
    return assumptions.targetClouds.compactMap { cloud in assumptions.regions[cloud].map { (cloud, $0) } }
}

private let offshoringSource = "REFERENCE.md section 2 (NHS Digital off-shoring guidance, updated May 2022: UK, EEA "
    + "or a country with UK adequacy, with the SIRO satisfied together with the DPO and Caldicott Guardian) and "
    + "section 5 (the UK regions); EEA regions from the cloud providers' published region lists"

public struct PatientDataOutsideUKAndEEA: ServiceRule {
    public init() {}

    public static let description = RuleDescription(
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

    public func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard service.data?.personalData == .patient, let source = context.estate.assumptions.source else { return }
        for (cloud, region) in targetRegions(context) where RegionResidency.of(region, in: cloud) == nil {
            report.report("patient data would be hosted in \(cloud.rawValue) region '\(region)', which is not known "
                + "to be in the UK or EEA", at: source, field: "regions")
        }
    }
}

public struct PatientDataInEEA: ServiceRule {
    public init() {}

    public static let description = RuleDescription(
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

    public func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard service.data?.personalData == .patient, let source = context.estate.assumptions.source else { return }
        for (cloud, region) in targetRegions(context) {
            if case .eea(let country)? = RegionResidency.of(region, in: cloud) {
                report.report("patient data would be hosted in \(cloud.rawValue) region '\(region)' (\(country)), in "
                    + "the EEA but not the UK", at: source, field: "regions")
            }
        }
    }
}

public struct PersonalDataWithoutDPIA: ServiceRule {
    public init() {}

    public static let description = RuleDescription(
        id: "personal-data-without-dpia", title: "Personal data with no DPIA", category: .dataAndCompliance,
        severity: .high,
        rationale: "Moving personal data to a cloud changes how and where it is processed. The Health and Social "
            + "Care Cloud Risk Framework expects a Data Protection Impact Assessment, and UK GDPR Article 35 "
            + "requires one before processing likely to result in high risk, naming health data on a large scale "
            + "among them. For staff data alone, whether Article 35 strictly requires one depends on the processing; "
            + "the framework still expects it.",
        source: "REFERENCE.md section 2 (Health and Social Care Cloud Risk Framework, Oct 2021: a DPIA is "
            + "expected); UK GDPR Article 35",
        remediation: "Carry out the DPIA with the DPO before the move, covering the cloud hosting, and give its "
            + "reference as 'dpia'. It is a gate: work before the move, not a defect of the service.",
        examples: [
            .triggers("""
                services:
                  - id: epr
                    name: EPR
                    ↓data: { classification: official-sensitive, personal_data: patient }
                  - { id: esr, name: ESR, ↓data: { personal_data: staff, dpia: " " } }
                """),
            .passes("""
                services:
                  - { id: epr, name: EPR, data: { personal_data: patient, dpia: DPIA-2024-017 } }
                  - { id: web, name: Website, data: { classification: official, personal_data: none } }
                  - { id: wiki, name: Wiki, data: { classification: official } }
                """),
        ],
        gate: true)

    public func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard let data = service.data, let personal = data.personalData, personal != .none,
              (data.dpia ?? "").allSatisfy(\.isWhitespace) else { return }
        let whose = personal == .patient ? "patient data" : "staff personal data"
        report.report("it holds \(whose) and gives no DPIA reference", at: service.source, field: "data")
    }
}

public struct DataClassificationMissing: ServiceRule {
    public init() {}

    public static let description = RuleDescription(
        id: "data-classification-missing", title: "Data classification or personal data not given",
        category: .dataAndCompliance, severity: .medium,
        rationale: "The Cloud Risk Framework sets a service's Data Risk Model class, and with it the security "
            + "controls a cloud must provide, from the kind of data it holds; personally identifiable data is "
            + "typically class 5. Without whose personal data it holds, the class cannot be set and the service's "
            + "readiness is 'unknown'. Patient data with no classification is taken as OFFICIAL-SENSITIVE, the "
            + "convention for personal health information, and the finding asks for it to be recorded.",
        source: "REFERENCE.md section 2 (Health and Social Care Cloud Risk Framework, Oct 2021: Data Risk Model "
            + "classes 1 to 5; cloud security good practice guide, step 1: list the data)",
        remediation: "Give 'classification' (official or official-sensitive) and 'personal_data' (patient, staff or "
            + "none) under 'data'.",
        examples: [
            .triggers("""
                services:
                  - ↓{ id: a, name: A }
                  - id: b
                    name: B
                    ↓data: { classification: official }
                  - { id: c, name: C, ↓data: { personal_data: none, volume_gb: 40 } }
                  - { id: d, name: D, ↓data: { dpia: DPIA-2020-001 } }
                """),
            .passes("""
                services:
                  - { id: a, name: A, data: { classification: official-sensitive, personal_data: patient } }
                  - { id: b, name: B, data: { classification: official, personal_data: none } }
                """),
        ])

    public func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard let data = service.data else {
            report.report("no data is described: classification and personal_data are not given", at: service.source)
            return
        }
        let missing = [("classification", data.classification == nil), ("personal_data", data.personalData == nil)]
            .filter(\.1).map(\.0)
        guard !missing.isEmpty else { return }
        let derived = data.classification == nil && data.personalData == .patient
            ? " (taken as official-sensitive, as patient data is)" : ""
        report.report("data gives no \(missing.joined(separator: " or "))\(derived)", at: service.source,
                      field: "data")
    }
}
