// The closed vocabularies of inventory format 1. Each enum's raw values are the exact words an inventory uses; the
// schema, the decoder and the docs all take their lists from here.

public enum OrganisationType: String, CaseIterable, Sendable {
    case acute, mentalHealth = "mental-health", community, ambulance, specialist, ics, primaryCare = "primary-care", other
}

public enum Cloud: String, CaseIterable, Sendable {
    case azure, aws, gcp
}

public enum SiteKind: String, CaseIterable, Sendable {
    case dataCentre = "data-centre", serverRoom = "server-room", colocation, commsCupboard = "comms-cupboard"
}

public enum ServerRole: String, CaseIterable, Sendable {
    case application, database, web, file, integration, infrastructure, backup, vdi, other
}

public enum Environment: String, CaseIterable, Sendable {
    case production, dr, test, development, training
}

public enum Platform: String, CaseIterable, Sendable {
    case vmware, hyperV = "hyper-v", kvm, nutanix, physical
}

public enum Architecture: String, CaseIterable, Sendable {
    case x86_64, x86, arm64, sparc, power, itanium
}

public enum Firmware: String, CaseIterable, Sendable {
    case bios, uefi
}

public enum AttachedHardware: String, CaseIterable, Sendable {
    case usbDongle = "usb-dongle", serial, faxCard = "fax-card", gpu, fibreChannel = "fibre-channel"
    case smartcardReader = "smartcard-reader", modalityLink = "modality-link"
}

public enum SaaSAvailability: String, CaseIterable, Sendable {
    case none, available, only
}

/// Ordered from most to least critical.
public enum Criticality: String, CaseIterable, Sendable {
    case patientCritical = "patient-critical", businessCritical = "business-critical"
    case businessOperational = "business-operational", administrative
}

/// Government Security Classifications as the NHS uses them.
public enum DataClassification: String, CaseIterable, Sendable {
    case official, officialSensitive = "official-sensitive"
}

public enum PersonalData: String, CaseIterable, Sendable {
    case patient, staff, none
}

/// NHS service classes for availability (REFERENCE.md section 2).
public enum ServiceClass: String, CaseIterable, Sendable {
    case platinum, gold, silver, bronze
}

public enum InterfaceProtocol: String, CaseIterable, Sendable {
    case hl7v2MLLP = "hl7v2-mllp", hl7v2HTTPS = "hl7v2-https", fhirR4 = "fhir-r4", fhirSTU3 = "fhir-stu3"
    case dicom, dicomTLS = "dicom-tls", dicomweb, iheXDS = "ihe-xds", mesh, smtp, sftp, ftp, smb, nfs, odbc, jdbc
    case ldap, ldaps, soap, rest, https, http, proprietary, fileDrop = "file-drop", other
}

public enum IdentityProvider: String, CaseIterable, Sendable {
    case cis2Smartcard = "nhs-cis2-smartcard", cis2 = "nhs-cis2", activeDirectory = "active-directory"
    case entraID = "entra-id", ldap, localAccounts = "local-accounts", nhsLogin = "nhs-login", saml, oidc
}

public enum Exposure: String, CaseIterable, Sendable {
    case hscn, internet, `internal`
}

public enum LicensingModel: String, CaseIterable, Sendable {
    case perCore = "per-core", perProcessor = "per-processor", perSocket = "per-socket", perUser = "per-user"
    case perDevice = "per-device", perServer = "per-server", subscription, site, openSource = "open-source", other
}

/// The 7 Rs of migration strategy.
public enum MigrationStrategy: String, CaseIterable, Sendable {
    case retire, retain, rehost, relocate, repurchase, replatform, refactor
}

/// Which services a freeze window holds back: one criticality, or all of them.
public enum FreezeScope: String, CaseIterable, Sendable {
    case patientCritical = "patient-critical", businessCritical = "business-critical"
    case businessOperational = "business-operational", administrative, all
}
