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
func targetRegions(_ context: AssessmentContext) -> [(cloud: Cloud, region: String)] {
    let assumptions = context.estate.assumptions
    return assumptions.targetClouds.compactMap { cloud in assumptions.regions[cloud].map { (cloud, $0) } }
}

let offshoringSource = "REFERENCE.md section 2 (NHS Digital off-shoring guidance, updated May 2022: UK, EEA "
    + "or a country with UK adequacy, with the SIRO satisfied together with the DPO and Caldicott Guardian) and "
    + "section 5 (the UK regions); EEA regions from the cloud providers' published region lists"
