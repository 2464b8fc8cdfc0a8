// The closed vocabularies of inventory format 1. Each enum's raw values are the exact words an inventory uses; the
// schema, the decoder and the docs all take their lists from here.

public enum OrganisationType: String, InventoryEnum {
    case acute, mentalHealth = "mental-health", community, ambulance, specialist, ics, primaryCare = "primary-care", other
}

public enum Cloud: String, InventoryEnum {
    case azure, aws, gcp

    /// The name a person reads: "Azure", "AWS", "Google Cloud".
    public var displayName: String {
        switch self {
        case .azure: "Azure"
        case .aws: "AWS"
        case .gcp: "Google Cloud"
        }
    }
}

public enum SiteKind: String, InventoryEnum {
    case dataCentre = "data-centre", serverRoom = "server-room", colocation, commsCupboard = "comms-cupboard"
}

public enum ServerRole: String, InventoryEnum {
    case application, database, web, file, integration, infrastructure, backup, vdi, other
}

public enum Environment: String, InventoryEnum {
    case production, dr, test, development, training
}

public enum Platform: String, InventoryEnum {
    case vmware, hyperV = "hyper-v", kvm, nutanix, physical
}

public enum Architecture: String, InventoryEnum {
    // swift-format-ignore: AlwaysUseLowerCamelCase
    // `x86_64` is the architecture's own name, as the inventory writes it.
    case x86_64, x86, arm64, sparc, power, itanium
}

public enum Firmware: String, InventoryEnum {
    case bios, uefi
}

public enum AttachedHardware: String, InventoryEnum {
    case usbDongle = "usb-dongle", serial, faxCard = "fax-card", gpu, fibreChannel = "fibre-channel"
    case smartcardReader = "smartcard-reader", modalityLink = "modality-link"
}

public enum SaaSAvailability: String, InventoryEnum {
    case none, available, only
}

/// Ordered from most to least critical.
/// Declared, and so listed (`allCases`, `ordered`), most critical first; `rank` compares them.
public enum Criticality: String, InventoryEnum {
    case patientCritical = "patient-critical", businessCritical = "business-critical"
    case businessOperational = "business-operational", administrative

    /// The criticality a service that gives none counts as, everywhere in the assessment and the plan.
    public static let assumed = Criticality.businessOperational

    /// How critical, for comparing: 0 for administrative up to 3 for patient-critical, so a higher rank is more
    /// critical (the opposite of the declaration order).
    public var rank: Int {
        switch self {
        case .administrative: 0
        case .businessOperational: 1
        case .businessCritical: 2
        case .patientCritical: 3
        }
    }

    /// The rank of `criticality`, or of `assumed` when the inventory does not say.
    public static func rank(of criticality: Criticality?) -> Int { (criticality ?? assumed).rank }
}

/// Government Security Classifications as the NHS uses them.
public enum DataClassification: String, InventoryEnum {
    case official, officialSensitive = "official-sensitive"
}

public enum PersonalData: String, InventoryEnum {
    case patient, staff, none
}

/// NHS service classes for availability (REFERENCE.md section 2).
public enum ServiceClass: String, InventoryEnum {
    case platinum, gold, silver, bronze
}

public enum InterfaceProtocol: String, InventoryEnum {
    case hl7v2MLLP = "hl7v2-mllp", hl7v2HTTPS = "hl7v2-https", fhirR4 = "fhir-r4", fhirSTU3 = "fhir-stu3"
    case dicom, dicomTLS = "dicom-tls", dicomweb, iheXDS = "ihe-xds", mesh, smtp, sftp, ftp, smb, nfs, odbc, jdbc
    case ldap, ldaps, soap, rest, https, http, proprietary, fileDrop = "file-drop", other
}

public enum IdentityProvider: String, InventoryEnum {
    case cis2Smartcard = "nhs-cis2-smartcard", cis2 = "nhs-cis2", activeDirectory = "active-directory"
    case entraID = "entra-id", ldap, localAccounts = "local-accounts", nhsLogin = "nhs-login", saml, oidc
}

public enum Exposure: String, InventoryEnum {
    case hscn, internet, `internal`
}

public enum LicensingModel: String, InventoryEnum {
    case perCore = "per-core", perProcessor = "per-processor", perSocket = "per-socket", perUser = "per-user"
    case perDevice = "per-device", perServer = "per-server", subscription, site, openSource = "open-source", other
}

/// What sort of service it is. Platform and foundation services are not applications: they are extended, rebuilt
/// or replaced by a cloud's own service, never bought again as if they were one.
public enum ServiceKind: String, InventoryEnum {
    case application, directory, backup, file, print, vdi
    case databasePlatform = "database-platform", containerPlatform = "container-platform"
}

/// The 7 Rs of migration strategy.
public enum MigrationStrategy: String, InventoryEnum {
    case retire, retain, rehost, relocate, repurchase, replatform, refactor

    /// Whether the service's servers become cloud VMs (or the managed services a replatform puts in their place):
    /// rehost, relocate, replatform and refactor; a repurchase buys SaaS instead, and retire and retain move nothing.
    public var needsVirtualMachines: Bool {
        switch self {
        case .rehost, .relocate, .replatform, .refactor: true
        case .retire, .retain, .repurchase: false
        }
    }
}

/// Which services a freeze window holds back: one criticality, or all of them.
public enum FreezeScope: String, InventoryEnum {
    case patientCritical = "patient-critical", businessCritical = "business-critical"
    case businessOperational = "business-operational", administrative, all
}

/// How long the trust commits to its cloud compute: pay as you go, or one or three years of reserved instances,
/// savings plans or committed use.
public enum Commitment: String, InventoryEnum {
    case none, oneYear = "1y", threeYear = "3y"
}

/// Whose bank holidays are not working days: the UK's three sets (GOV.UK, "UK bank holidays"), or none.
public enum BankHolidayRegion: String, InventoryEnum {
    case englandAndWales = "england-and-wales", scotland, northernIreland = "northern-ireland", none
}

// `ordered` once per vocabulary; see `InventoryEnum`.
extension OrganisationType { public static let ordered = allCases }
extension Cloud { public static let ordered = allCases }
extension BankHolidayRegion { public static let ordered = allCases }
extension SiteKind { public static let ordered = allCases }
extension ServerRole { public static let ordered = allCases }
extension Environment { public static let ordered = allCases }
extension Platform { public static let ordered = allCases }
extension Architecture { public static let ordered = allCases }
extension Firmware { public static let ordered = allCases }
extension AttachedHardware { public static let ordered = allCases }
extension SaaSAvailability { public static let ordered = allCases }
extension Criticality { public static let ordered = allCases }
extension DataClassification { public static let ordered = allCases }
extension PersonalData { public static let ordered = allCases }
extension ServiceClass { public static let ordered = allCases }
extension InterfaceProtocol { public static let ordered = allCases }
extension IdentityProvider { public static let ordered = allCases }
extension Exposure { public static let ordered = allCases }
extension LicensingModel { public static let ordered = allCases }
extension ServiceKind { public static let ordered = allCases }
extension MigrationStrategy { public static let ordered = allCases }
extension Commitment { public static let ordered = allCases }
extension FreezeScope { public static let ordered = allCases }
