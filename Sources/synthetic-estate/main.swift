// synthetic-estate: a deterministic, seeded generator of realistic cloudfirst inventories (format version 1) for the
// benchmark and the scale tests. The same seed and size give byte-identical output on every platform: randomness comes
// from SplitMix64 below, and no floating point or locale-dependent formatting is used anywhere.
import Foundation

let usage = """
    usage: synthetic-estate --servers N [--seed S] [--out FILE]

      --servers N   number of servers to generate (1 or more)
      --seed S      unsigned 64-bit seed, decimal or 0x-hex (default 1)
      --out FILE    write to FILE instead of standard output

    """

// MARK: - Arguments

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("synthetic-estate: \(message)\n\(usage)".utf8))
    exit(2)
}

func parseSeed(_ text: String) -> UInt64? {
    if text.hasPrefix("0x") || text.hasPrefix("0X") { return UInt64(text.dropFirst(2), radix: 16) }
    return UInt64(text)
}

var serverCount: Int?
var seed: UInt64 = 1
var outputPath: String?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "-h", "--help":
        FileHandle.standardOutput.write(Data(usage.utf8))
        exit(0)
    case "--servers":
        guard let value = arguments.popFirst(), let count = Int(value), count >= 1 else {
            fail("--servers needs a whole number of at least 1")
        }
        serverCount = count
    case "--seed":
        guard let value = arguments.popFirst(), let parsed = parseSeed(value) else {
            fail("--seed needs an unsigned 64-bit number")
        }
        seed = parsed
    case "--out":
        guard let value = arguments.popFirst(), !value.isEmpty else { fail("--out needs a file name") }
        outputPath = value
    default:
        fail("unknown argument '\(argument)'")
    }
}
guard let serverCount else { fail("--servers is required") }

// MARK: - Randomness

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and defined entirely by 64-bit wrapping arithmetic.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 0 ..< bound. The modulo bias is immaterial for test data and keeps the sequence easy to reproduce.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func between(_ low: Int, _ high: Int) -> Int { low + below(high - low + 1) }
    /// True with the given chance in percent.
    mutating func percent(_ chance: Int) -> Bool { below(100) < chance }
    mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }

    /// Picks from (value, weight) pairs.
    mutating func weighted<T>(_ table: [(T, Int)]) -> T {
        var total = 0
        for entry in table { total += entry.1 }
        var roll = below(total)
        for entry in table {
            if roll < entry.1 { return entry.0 }
            roll -= entry.1
        }
        return table[table.count - 1].0
    }
}

// MARK: - Output buffer

/// The whole file is built in one byte buffer and written once: 100,000 servers is tens of MB.
struct Output {
    var bytes: [UInt8] = []

    mutating func text(_ value: String) { bytes.append(contentsOf: value.utf8) }

    mutating func number(_ value: Int) {
        var value = value
        if value < 0 { bytes.append(UInt8(ascii: "-")); value = -value }
        if value < 10 { bytes.append(48 + UInt8(value)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while value > 0 {
                buffer[count] = 48 + UInt8(value % 10)
                value /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    /// A number padded with zeros to `width` digits.
    mutating func padded(_ value: Int, width: Int) {
        var digitCount = 1
        var rest = value / 10
        while rest > 0 { digitCount += 1; rest /= 10 }
        for _ in digitCount..<max(width, digitCount) { bytes.append(48) }
        number(value)
    }

    mutating func date(_ year: Int, _ month: Int, _ day: Int) {
        number(year)
        bytes.append(UInt8(ascii: "-"))
        padded(month, width: 2)
        bytes.append(UInt8(ascii: "-"))
        padded(day, width: 2)
    }

    mutating func line(_ value: String) { text(value); bytes.append(10) }
}

// MARK: - Domain vocabulary

enum Role: Int, CaseIterable {
    case application, database, web, file, integration, infrastructure, backup, vdi, other

    var name: String {
        ["application", "database", "web", "file", "integration", "infrastructure", "backup", "vdi", "other"][rawValue]
    }
    /// Server id prefix, as hostnames in trusts often carry the role.
    var prefix: String { ["app", "db", "web", "fs", "int", "inf", "bk", "vdi", "srv"][rawValue] }
}

struct Supplier {
    let name: String
    let product: String
    let saas: String
    /// Flow sequence text, or empty when the supplier supports no public cloud.
    let clouds: String
}

/// A kind of system a trust runs, with the shape its services take.
struct ServiceTemplate {
    let slug: String
    let name: String
    let owner: String
    let suppliers: [Supplier]
    let criticality: String
    let clinical: Bool
    let personalData: String
    let roles: [Role]
    let protocols: [String]
    let identity: [String]
    let licensing: [String]
    let volumeRange: (Int, Int)
}

func supplier(_ name: String, _ product: String, _ saas: String, _ clouds: String) -> Supplier {
    Supplier(name: name, product: product, saas: saas, clouds: clouds)
}

/// The first six templates are the shared infrastructure every estate has; services 0..<6 use them in order.
let templates: [ServiceTemplate] = [
    ServiceTemplate(slug: "ad", name: "Active Directory", owner: "Head of Infrastructure",
                    suppliers: [supplier("Microsoft", "Active Directory Domain Services", "available", "[azure, aws, gcp]")],
                    criticality: "patient-critical", clinical: false, personalData: "staff",
                    roles: [.infrastructure], protocols: ["ldap", "ldaps"], identity: ["active-directory"],
                    licensing: ["per-core", "per-server"], volumeRange: (10, 200)),
    ServiceTemplate(slug: "tie", name: "Trust integration engine", owner: "Integration Manager",
                    suppliers: [supplier("InterSystems", "HealthShare", "available", "[azure, aws]"),
                                supplier("Rhapsody", "Rhapsody Integration Engine", "available", "[azure, aws]")],
                    criticality: "patient-critical", clinical: true, personalData: "patient",
                    roles: [.integration, .database], protocols: ["hl7v2-mllp", "fhir-r4", "soap", "mesh"],
                    identity: ["active-directory", "local-accounts"], licensing: ["per-core", "subscription"],
                    volumeRange: (200, 4000)),
    ServiceTemplate(slug: "sql", name: "Shared SQL Server cluster", owner: "Database Manager",
                    suppliers: [supplier("Microsoft", "SQL Server", "available", "[azure, aws, gcp]")],
                    criticality: "business-critical", clinical: false, personalData: "patient",
                    roles: [.database], protocols: ["odbc"], identity: ["active-directory"],
                    licensing: ["per-core"], volumeRange: (1000, 20000)),
    ServiceTemplate(slug: "files", name: "File and print services", owner: "Head of Infrastructure",
                    suppliers: [supplier("Microsoft", "Windows File Server", "available", "[azure, aws, gcp]"),
                                supplier("PaperCut", "PaperCut MF", "none", "")],
                    criticality: "business-operational", clinical: false, personalData: "staff",
                    roles: [.file], protocols: ["smb"], identity: ["active-directory"],
                    licensing: ["per-server", "per-device"], volumeRange: (2000, 60000)),
    ServiceTemplate(slug: "backup", name: "Backup and recovery", owner: "Head of Infrastructure",
                    suppliers: [supplier("Veeam", "Backup and Replication", "available", "[azure, aws, gcp]"),
                                supplier("Commvault", "Complete Data Protection", "available", "[azure, aws]")],
                    criticality: "business-critical", clinical: false, personalData: "patient",
                    roles: [.backup], protocols: ["nfs", "smb", "https"], identity: ["active-directory"],
                    licensing: ["subscription", "per-socket"], volumeRange: (10000, 200000)),
    ServiceTemplate(slug: "monitor", name: "Infrastructure monitoring", owner: "Service Desk Manager",
                    suppliers: [supplier("SolarWinds", "Orion", "none", ""),
                                supplier("Paessler", "PRTG", "available", "[azure]")],
                    criticality: "administrative", clinical: false, personalData: "none",
                    roles: [.application, .database], protocols: ["https", "proprietary"],
                    identity: ["active-directory"], licensing: ["subscription"], volumeRange: (20, 500)),
    ServiceTemplate(slug: "epr", name: "Electronic patient record", owner: "Chief Clinical Information Officer",
                    suppliers: [supplier("Oracle Health", "Millennium", "available", "[aws, azure]"),
                                supplier("System C", "CareFlow", "available", "[azure]"),
                                supplier("Altera Digital Health", "Sunrise", "none", "[azure]")],
                    criticality: "patient-critical", clinical: true, personalData: "patient",
                    roles: [.application, .database, .web, .integration], protocols: ["hl7v2-mllp", "fhir-r4", "odbc"],
                    identity: ["nhs-cis2-smartcard", "active-directory"], licensing: ["per-core", "subscription"],
                    volumeRange: (2000, 30000)),
    ServiceTemplate(slug: "pas", name: "Patient administration system", owner: "Head of Health Records",
                    suppliers: [supplier("Dedalus", "Lorenzo", "none", ""),
                                supplier("System C", "Medway", "available", "[azure]")],
                    criticality: "patient-critical", clinical: true, personalData: "patient",
                    roles: [.application, .database], protocols: ["hl7v2-mllp", "odbc", "mesh"],
                    identity: ["nhs-cis2-smartcard", "active-directory"], licensing: ["per-user", "per-core"],
                    volumeRange: (500, 8000)),
    ServiceTemplate(slug: "pacs", name: "Picture archiving and communication system", owner: "Head of Radiology",
                    suppliers: [supplier("Sectra", "IDS7", "available", "[azure]"),
                                supplier("Philips", "Vue PACS", "none", ""),
                                supplier("Agfa HealthCare", "Enterprise Imaging", "available", "[azure, gcp]")],
                    criticality: "patient-critical", clinical: true, personalData: "patient",
                    roles: [.application, .database, .file, .web], protocols: ["dicom", "dicom-tls", "hl7v2-mllp", "dicomweb"],
                    identity: ["active-directory", "nhs-cis2"], licensing: ["per-server", "subscription"],
                    volumeRange: (20000, 400000)),
    ServiceTemplate(slug: "ris", name: "Radiology information system", owner: "Head of Radiology",
                    suppliers: [supplier("Magentus", "CRIS", "none", ""),
                                supplier("Soliton", "Soliton RIS", "available", "[azure]")],
                    criticality: "patient-critical", clinical: true, personalData: "patient",
                    roles: [.application, .database], protocols: ["hl7v2-mllp", "dicom"],
                    identity: ["active-directory", "nhs-cis2-smartcard"], licensing: ["per-user"],
                    volumeRange: (100, 2000)),
    ServiceTemplate(slug: "lims", name: "Laboratory information management", owner: "Pathology Services Manager",
                    suppliers: [supplier("Clinisys", "WinPath", "none", ""),
                                supplier("Clinisys", "Telepath", "none", "")],
                    criticality: "patient-critical", clinical: true, personalData: "patient",
                    roles: [.application, .database, .integration], protocols: ["hl7v2-mllp", "file-drop", "proprietary"],
                    identity: ["local-accounts", "active-directory"], licensing: ["per-server", "per-device"],
                    volumeRange: (200, 6000)),
    ServiceTemplate(slug: "ice", name: "Order communications", owner: "Pathology Services Manager",
                    suppliers: [supplier("Clinisys", "ICE", "available", "[azure]")],
                    criticality: "patient-critical", clinical: true, personalData: "patient",
                    roles: [.application, .database, .web], protocols: ["hl7v2-mllp", "https"],
                    identity: ["nhs-cis2-smartcard"], licensing: ["subscription"], volumeRange: (100, 3000)),
    ServiceTemplate(slug: "pharm", name: "Pharmacy stock control", owner: "Chief Pharmacist",
                    suppliers: [supplier("JAC Computer Services", "JAC Pharmacy", "none", ""),
                                supplier("EMIS", "Ascribe", "available", "[azure]")],
                    criticality: "business-critical", clinical: true, personalData: "patient",
                    roles: [.application, .database], protocols: ["hl7v2-mllp", "odbc", "sftp"],
                    identity: ["local-accounts", "active-directory"], licensing: ["per-user", "site"],
                    volumeRange: (50, 800)),
    ServiceTemplate(slug: "theatres", name: "Theatre management", owner: "Theatres Manager",
                    suppliers: [supplier("Bluespier", "Bluespier Theatres", "available", "[azure]"),
                                supplier("Oracle Health", "SurgiNet", "none", "[aws]")],
                    criticality: "patient-critical", clinical: true, personalData: "patient",
                    roles: [.application, .database], protocols: ["hl7v2-mllp", "odbc"],
                    identity: ["active-directory"], licensing: ["per-user"], volumeRange: (50, 600)),
    ServiceTemplate(slug: "maternity", name: "Maternity information system", owner: "Head of Midwifery",
                    suppliers: [supplier("Clevermed", "BadgerNet", "only", "[azure]"),
                                supplier("Euroking", "E3", "none", "")],
                    criticality: "patient-critical", clinical: true, personalData: "patient",
                    roles: [.application, .database], protocols: ["hl7v2-https", "fhir-r4", "mesh"],
                    identity: ["nhs-cis2", "active-directory"], licensing: ["subscription", "per-user"],
                    volumeRange: (50, 1000)),
    ServiceTemplate(slug: "cardio", name: "Cardiology information system", owner: "Clinical Director of Cardiology",
                    suppliers: [supplier("Philips", "IntelliSpace Cardiovascular", "none", ""),
                                supplier("GE HealthCare", "MUSE", "none", "")],
                    criticality: "patient-critical", clinical: true, personalData: "patient",
                    roles: [.application, .database, .file], protocols: ["dicom", "hl7v2-mllp", "smb"],
                    identity: ["active-directory", "local-accounts"], licensing: ["per-device", "per-server"],
                    volumeRange: (500, 20000)),
    ServiceTemplate(slug: "endo", name: "Endoscopy reporting", owner: "Endoscopy Unit Lead",
                    suppliers: [supplier("Medilogik", "EMS", "none", "")],
                    criticality: "business-critical", clinical: true, personalData: "patient",
                    roles: [.application, .database], protocols: ["dicom", "hl7v2-mllp"],
                    identity: ["local-accounts"], licensing: ["site"], volumeRange: (200, 5000)),
    ServiceTemplate(slug: "docs", name: "Electronic document management", owner: "Head of Health Records",
                    suppliers: [supplier("CITO", "CITO EDM", "available", "[azure]"),
                                supplier("Kainos", "Evolve", "available", "[azure, aws]")],
                    criticality: "business-critical", clinical: true, personalData: "patient",
                    roles: [.application, .database, .file, .web], protocols: ["hl7v2-mllp", "https", "smb"],
                    identity: ["active-directory", "saml"], licensing: ["subscription", "per-user"],
                    volumeRange: (5000, 80000)),
    ServiceTemplate(slug: "eobs", name: "Electronic observations", owner: "Chief Nursing Information Officer",
                    suppliers: [supplier("Nervecentre", "Nervecentre", "available", "[azure]"),
                                supplier("System C", "Patientrack", "available", "[azure]")],
                    criticality: "patient-critical", clinical: true, personalData: "patient",
                    roles: [.application, .database, .web], protocols: ["hl7v2-mllp", "rest"],
                    identity: ["nhs-cis2-smartcard", "active-directory"], licensing: ["subscription"],
                    volumeRange: (100, 2000)),
    ServiceTemplate(slug: "dictation", name: "Digital dictation", owner: "Medical Secretaries Manager",
                    suppliers: [supplier("BigHand", "BigHand Professional", "available", "[azure]"),
                                supplier("Dictate IT", "Dictate IT", "only", "[azure]")],
                    criticality: "business-operational", clinical: true, personalData: "patient",
                    roles: [.application, .database, .file], protocols: ["smb", "https"],
                    identity: ["active-directory"], licensing: ["per-user"], volumeRange: (500, 10000)),
    ServiceTemplate(slug: "coding", name: "Clinical coding", owner: "Head of Clinical Coding",
                    suppliers: [supplier("3M", "Medicode", "none", "")],
                    criticality: "business-critical", clinical: false, personalData: "patient",
                    roles: [.application, .database], protocols: ["odbc", "file-drop"],
                    identity: ["active-directory"], licensing: ["per-user"], volumeRange: (20, 300)),
    ServiceTemplate(slug: "dw", name: "Data warehouse and reporting", owner: "Head of Information",
                    suppliers: [supplier("Microsoft", "SQL Server Reporting Services", "available", "[azure, aws]"),
                                supplier("Qlik", "Qlik Sense", "available", "[azure, aws, gcp]")],
                    criticality: "business-critical", clinical: false, personalData: "patient",
                    roles: [.database, .application, .web], protocols: ["odbc", "https", "sftp"],
                    identity: ["active-directory", "entra-id"], licensing: ["per-core", "per-user"],
                    volumeRange: (2000, 50000)),
    ServiceTemplate(slug: "roster", name: "E-rostering", owner: "Director of Workforce",
                    suppliers: [supplier("RLDatix", "HealthRoster", "available", "[aws]")],
                    criticality: "business-critical", clinical: false, personalData: "staff",
                    roles: [.application, .database, .web], protocols: ["https", "sftp"],
                    identity: ["active-directory", "saml"], licensing: ["per-user", "subscription"],
                    volumeRange: (50, 500)),
    ServiceTemplate(slug: "incidents", name: "Incident and risk management", owner: "Head of Patient Safety",
                    suppliers: [supplier("RLDatix", "Datix Cloud IQ", "only", "[aws]"),
                                supplier("Ulysses", "Safeguard", "available", "[azure]")],
                    criticality: "business-operational", clinical: false, personalData: "patient",
                    roles: [.application, .database, .web], protocols: ["https", "smtp"],
                    identity: ["active-directory", "oidc"], licensing: ["subscription"], volumeRange: (20, 400)),
    ServiceTemplate(slug: "finance", name: "Finance ledger", owner: "Director of Finance",
                    suppliers: [supplier("Advanced", "Integra", "available", "[azure]"),
                                supplier("Oracle", "E-Business Suite", "available", "[aws, azure]")],
                    criticality: "business-critical", clinical: false, personalData: "staff",
                    roles: [.application, .database], protocols: ["odbc", "sftp", "soap"],
                    identity: ["active-directory"], licensing: ["per-user", "per-processor"], volumeRange: (50, 1500)),
    ServiceTemplate(slug: "estates", name: "Estates and facilities helpdesk", owner: "Director of Estates",
                    suppliers: [supplier("Planon", "Planon Universe", "available", "[azure]"),
                                supplier("Micad", "Micad Estates", "none", "")],
                    criticality: "administrative", clinical: false, personalData: "none",
                    roles: [.application, .database], protocols: ["https", "smtp"],
                    identity: ["local-accounts"], licensing: ["per-user", "site"], volumeRange: (10, 200)),
    ServiceTemplate(slug: "intranet", name: "Staff intranet", owner: "Head of Communications",
                    suppliers: [supplier("Microsoft", "SharePoint Server", "available", "[azure]"),
                                supplier("Open source", "WordPress", "none", "[azure, aws, gcp]")],
                    criticality: "administrative", clinical: false, personalData: "staff",
                    roles: [.web, .database], protocols: ["https", "ldap"],
                    identity: ["active-directory", "entra-id"], licensing: ["per-server", "open-source"],
                    volumeRange: (20, 800)),
    ServiceTemplate(slug: "vdi", name: "Virtual desktops", owner: "End User Computing Lead",
                    suppliers: [supplier("Citrix", "Virtual Apps and Desktops", "available", "[azure, aws, gcp]"),
                                supplier("Omnissa", "Horizon", "available", "[azure, aws]")],
                    criticality: "business-critical", clinical: false, personalData: "none",
                    roles: [.vdi, .infrastructure], protocols: ["https", "proprietary", "ldap"],
                    identity: ["active-directory", "nhs-cis2-smartcard"], licensing: ["per-user", "per-device"],
                    volumeRange: (100, 5000)),
    ServiceTemplate(slug: "portal", name: "Patient portal", owner: "Director of Digital",
                    suppliers: [supplier("Patients Know Best", "PKB", "only", "[aws]"),
                                supplier("DrDoctor", "DrDoctor", "only", "[azure]")],
                    criticality: "business-operational", clinical: true, personalData: "patient",
                    roles: [.web, .integration], protocols: ["fhir-r4", "https", "rest"],
                    identity: ["nhs-login", "oidc"], licensing: ["subscription"], volumeRange: (50, 1000)),
    ServiceTemplate(slug: "telecoms", name: "Switchboard and telephony", owner: "Telecoms Manager",
                    suppliers: [supplier("Mitel", "MiVoice", "available", "[azure]"),
                                supplier("Avaya", "Aura", "none", "")],
                    criticality: "patient-critical", clinical: false, personalData: "none",
                    roles: [.application, .other], protocols: ["proprietary", "ldap"],
                    identity: ["local-accounts"], licensing: ["per-device", "per-server"], volumeRange: (10, 300)),
    ServiceTemplate(slug: "bms", name: "Building management system", owner: "Director of Estates",
                    suppliers: [supplier("Trend Controls", "IQ4 Supervisor", "none", ""),
                                supplier("Siemens", "Desigo CC", "none", "")],
                    criticality: "business-operational", clinical: false, personalData: "none",
                    roles: [.other, .application], protocols: ["proprietary", "other"],
                    identity: ["local-accounts"], licensing: ["site", "per-server"], volumeRange: (5, 100)),
]

/// How often each non-infrastructure template appears, by index into `templates`.
/// Infrastructure templates recur too (a second domain, more SQL clusters); one EPR and PAS per trust is typical, so
/// those are rarer.
let templateWeights: [(Int, Int)] = Array(6..<templates.count).map { ($0, $0 == 6 || $0 == 7 ? 2 : 5) }
    + [(0, 2), (1, 2), (2, 6), (3, 6), (4, 3), (5, 3)]

/// Operating systems with the architecture and firmware they imply; weights are a plausible 2025 NHS trust estate.
let operatingSystems: [((os: String, architecture: String, modern: Bool), Int)] = [
    (("Windows Server 2008 R2", "x86_64", false), 7),
    (("Windows Server 2012", "x86_64", false), 4),
    (("Windows Server 2012 R2", "x86_64", false), 14),
    (("Windows Server 2016", "x86_64", true), 22),
    (("Windows Server 2019", "x86_64", true), 20),
    (("Windows Server 2022", "x86_64", true), 10),
    (("Red Hat Enterprise Linux 6", "x86_64", false), 2),
    (("Red Hat Enterprise Linux 7", "x86_64", false), 5),
    (("Red Hat Enterprise Linux 8", "x86_64", true), 5),
    (("Red Hat Enterprise Linux 9", "x86_64", true), 2),
    (("CentOS 7", "x86_64", false), 4),
    (("Ubuntu 18.04", "x86_64", false), 2),
    (("Ubuntu 22.04", "x86_64", true), 3),
    (("Windows Server 2008", "x86", false), 1),
]

/// Legacy laboratory and imaging kit that still turns up on physical hardware.
let legacyUnix: [(os: String, architecture: String)] = [
    ("Solaris 10", "sparc"), ("AIX 7.1", "power"), ("HP-UX 11i v3", "itanium"),
]

/// (product, edition, version) for each role; version strings are never plain numbers.
let softwareByRole: [Role: [(String, String, String)]] = [
    .database: [("SQL Server 2012", "standard", "11.0.7001.0"), ("SQL Server 2014", "standard", "12.0.6024.0"),
                ("SQL Server 2016", "standard", "13.0.6300.2"), ("SQL Server 2016", "enterprise", "13.0.6300.2"),
                ("SQL Server 2017", "standard", "14.0.3456.2"), ("SQL Server 2019", "enterprise", "15.0.4355.3"),
                ("SQL Server 2022", "standard", "16.0.4135.4"), ("SQL Server 2008 R2", "standard", "10.50.6000.34"),
                ("Oracle Database", "enterprise", "19.21.0"), ("Oracle Database", "standard", "12.2.0.1"),
                ("PostgreSQL", "community", "13.14.0"), ("InterSystems Cache", "enterprise", "2018.1.4")],
    .web: [("IIS", "standard", "10.0.17763"), ("Apache HTTP Server", "community", "2.4.58"),
           ("Apache Tomcat", "community", "9.0.85"), ("nginx", "open source", "1.24.0")],
    .application: [(".NET Framework", "full", "4.8.1"), ("Java Runtime Environment", "Oracle", "1.8.0_202"),
                   ("Crystal Reports", "runtime", "13.0.33"), ("Microsoft Access", "runtime", "16.0.5")],
    .integration: [("InterSystems Ensemble", "enterprise", "2018.1.7"), ("Mirth Connect", "community", "3.12.0")],
    .backup: [("Veeam Agent", "server", "12.1.2"), ("Commvault", "enterprise", "11.32.1")],
    .file: [("DFS Replication", "standard", "10.0.20348")],
]

let attachedHardware = ["usb-dongle", "serial", "fax-card", "gpu", "fibre-channel", "smartcard-reader", "modality-link"]
let protocolsSecureByDefault: Set<String> = ["hl7v2-https", "dicom-tls", "dicomweb", "ldaps", "https", "sftp", "mesh",
                                            "fhir-r4", "fhir-stu3", "rest", "ihe-xds"]

// MARK: - Shape of the estate

struct ServerPlan {
    var role: Role
    var environment: String
    var site: Int
    /// Index into `servicePlans`, or -1 for a server no service claims.
    var service: Int
}

struct ServicePlan {
    var template: Int
    var firstServer: Int
    var serverCount: Int
    var site: Int
}

/// The whole estate as YAML bytes. Everything is drawn from one SplitMix64 stream in a fixed order, so the output
/// depends only on the size and the seed.
func generateEstate(serverCount: Int, seed: UInt64) -> [UInt8] {
    var random = SplitMix64(state: seed)
    /// About one site per 500 servers: the first two are the main and secondary data centres.
    let siteCount = max(1, (serverCount + 499) / 500)
    struct Site { let id: String; let name: String; let kind: String }
    let places = ["Northshire", "Eastfield", "Westbrook", "Southgate", "Kingsmead", "Riverside", "Hillcrest", "Ashford",
                  "Beacon", "Fairview", "Oakwood", "Millbrook", "Stonebridge", "Greenhill", "Marshside", "Highcliffe"]
    var sites: [Site] = []
    for index in 0..<siteCount {
        let number = index + 1
        let place = places[index % places.count]
        switch index {
        case 0: sites.append(Site(id: "dc1", name: "Main hospital data centre", kind: "data-centre"))
        case 1: sites.append(Site(id: "dc2", name: "Secondary data centre", kind: "data-centre"))
        default:
            let kind = random.weighted([("server-room", 6), ("colocation", 2), ("comms-cupboard", 3), ("data-centre", 1)])
            let (prefix, label) = ["server-room": ("sr", "server room"), "colocation": ("colo", "colocation suite"),
                                   "comms-cupboard": ("cc", "comms cupboard"), "data-centre": ("dc", "data centre")][kind]!
            sites.append(Site(id: "\(prefix)\(number)", name: "\(place) \(label) \(number)", kind: kind))
        }
    }

    /// Walk the servers in order, handing out contiguous runs to services and leaving some unclaimed.
    var serverPlans: [ServerPlan] = []
    serverPlans.reserveCapacity(serverCount)
    var servicePlans: [ServicePlan] = []
    servicePlans.reserveCapacity(serverCount / 3 + 1)
    let serviceSizes: [(Int, Int)] = [(1, 16), (2, 22), (3, 19), (4, 14), (5, 11), (6, 8), (7, 5), (8, 5)]
    while serverPlans.count < serverCount {
        let home = min(siteCount - 1, serverPlans.count * siteCount / serverCount)
        if servicePlans.count >= 6 && random.percent(20) {
            let role = random.weighted([(Role.application, 4), (.file, 2), (.other, 3), (.web, 1), (.database, 1)])
            let environment = random.weighted([("production", 3), ("test", 4), ("development", 3), ("training", 1)])
            serverPlans.append(ServerPlan(role: role, environment: environment, site: home, service: -1))
            continue
        }
        let template = servicePlans.count < 6 ? servicePlans.count : random.weighted(templateWeights)
        let roles = templates[template].roles
        let size = min(random.weighted(serviceSizes), serverCount - serverPlans.count)
        let productionCount = max(1, (size * 2 + 2) / 3)
        let service = servicePlans.count
        servicePlans.append(ServicePlan(template: template, firstServer: serverPlans.count, serverCount: size, site: home))
        for position in 0..<size {
            var environment = "production"
            var site = home
            if position >= productionCount {
                environment = random.weighted([("dr", 4), ("test", 4), ("development", 1), ("training", 1)])
                if environment == "dr" && siteCount > 1 { site = home == 0 ? 1 : 0 }
            }
            let role = roles[position % roles.count]
            serverPlans.append(ServerPlan(role: role, environment: environment, site: site, service: service))
        }
    }

    let serverIdWidth = String(serverCount - 1).count
    func writeServerId(_ index: Int, to out: inout Output) {
        out.text(serverPlans[index].role.prefix)
        out.padded(index, width: serverIdWidth)
    }
    func writeServiceId(_ index: Int, to out: inout Output) {
        out.text(templates[servicePlans[index].template].slug)
        out.text("-")
        out.number(index)
    }

    // MARK: - Writing

    var out = Output()
    out.bytes.reserveCapacity(serverCount * 520 + 4096)
    out.line("# Generated by synthetic-estate --servers \(serverCount) --seed \(seed): synthetic data, not a real estate.")
    out.line("cloudfirst: 1")
    let organisationNames = ["Northshire Hospitals NHS Foundation Trust", "Eastfield and Westbrook NHS Trust",
                             "Southgate University Hospitals NHS Foundation Trust", "Kingsmead Health NHS Trust"]
    let letters = Array("ABCDEFGHJKLMNPQRSTVWXY")
    // Z-prefixed, like the sample estates: fictional codes that cannot be mistaken for a real trust's.
    let odsCode = "Z" + String(letters[random.below(letters.count)]) + String(random.below(10))
    out.line("organisation:")
    out.line("  name: \(random.pick(organisationNames))")
    out.line("  ods_code: \(odsCode)")
    out.line("  type: \(random.weighted([("acute", 8), ("mental-health", 1), ("community", 1), ("specialist", 1)]))")

    out.line("sites:")
    for site in sites {
        out.line("  - id: \(site.id)")
        out.line("    name: \(site.name)")
        out.line("    kind: \(site.kind)")
        out.text("    lease_ends: ")
        out.date(random.between(2026, 2036), random.between(1, 12), random.between(1, 28))
        out.line("")
    }

    out.line("servers:")
    for index in 0..<serverCount {
        let plan = serverPlans[index]
        let physical = random.percent(plan.role == .vdi || plan.role == .infrastructure ? 5 : 11)
        let system: (os: String, architecture: String, modern: Bool)
        if physical && random.percent(4) {
            let unix = random.pick(legacyUnix)
            system = (unix.os, unix.architecture, false)
        } else {
            system = random.weighted(operatingSystems)
        }
        out.text("  - id: "); writeServerId(index, to: &out); out.line("")
        out.text("    site: "); out.line(sites[plan.site].id)
        out.text("    role: "); out.line(plan.role.name)
        out.text("    environment: "); out.line(plan.environment)
        out.text("    platform: ")
        out.line(physical ? "physical"
                 : random.weighted([("vmware", 70), ("hyper-v", 15), ("nutanix", 10), ("kvm", 5)]))
        out.text("    os: "); out.line(system.os)
        out.text("    architecture: "); out.line(system.architecture)
        out.text("    firmware: "); out.line(system.modern && random.percent(80) ? "uefi" : "bios")
        let cores = plan.role == .database
            ? random.weighted([(4, 3), (8, 5), (16, 4), (32, 2), (64, 1)])
            : random.weighted([(1, 2), (2, 8), (4, 8), (8, 4), (16, 1)])
        out.text("    cpu_cores: "); out.number(cores); out.line("")
        out.text("    memory_gb: ")
        if cores == 1 && random.percent(30) {
            out.line("1.5")
        } else {
            out.number(cores * random.pick([2, 4, 4, 8, 8]))
            out.line("")
        }
        let storage = plan.role == .file || plan.role == .backup
            ? random.between(5, 400) * 100 : random.between(4, 60) * 20
        if random.percent(15) {
            let extra = random.between(1, 3)
            out.text("    disks: [{ size_gb: "); out.number(random.pick([40, 60, 80, 100, 127]))
            for _ in 0..<extra {
                out.text(" }, { size_gb: "); out.number(storage / extra)
            }
            out.line(" }]")
        } else {
            out.text("    storage_gb: "); out.number(storage); out.line("")
        }
        if random.percent(78) {
            let cpu = random.between(1, 95), memory = random.between(10, 98)
            let used = random.between(5, 97), days = random.pick([0, 7, 14, 30, 30, 30, 31, 90])
            if random.percent(8) {
                out.line("    utilisation:")
                out.text("      cpu_p95: "); out.number(cpu); out.line("")
                out.text("      memory_p95: "); out.number(memory); out.line("")
                out.text("      storage_used_percent: "); out.number(used); out.line("")
                out.text("      days_sampled: "); out.number(days); out.line("")
            } else {
                out.text("    utilisation: { cpu_p95: "); out.number(cpu)
                out.text(", memory_p95: "); out.number(memory)
                out.text(", storage_used_percent: "); out.number(used)
                out.text(", days_sampled: "); out.number(days); out.line(" }")
            }
        }
        if let catalogue = softwareByRole[plan.role], random.percent(plan.role == .database ? 90 : 35) {
            let item = random.pick(catalogue)
            out.text("    software: [{ product: "); out.text(item.0)
            out.text(", edition: "); out.text(item.1)
            out.text(", version: "); out.text(item.2); out.line(" }]")
        }
        if physical && random.percent(35) {
            out.text("    attached_hardware: [")
            out.text(random.pick(attachedHardware))
            if random.percent(20) { out.text(", "); out.text(random.pick(attachedHardware.filter { $0 != "gpu" })) }
            out.line("]")
        }
        out.text("    powered_on: ")
        out.line(plan.service < 0 && random.percent(30) ? "false" : random.percent(2) ? "false" : "true")
    }

    /// Dependencies: about 1.5 edges a service, mostly to the shared infrastructure or to a recent earlier service,
    /// occasionally forward; about 2% of services start a small cycle (two or three services depending round in a ring).
    /// `ringEdges` holds the edges a later service owes to close a ring that an earlier one started.
    var ringEdges = [Int: [Int]]()
    out.line("services:")
    for index in 0..<servicePlans.count {
        let plan = servicePlans[index]
        let template = templates[plan.template]
        let vendor = random.pick(template.suppliers)
        out.text("  - id: "); writeServiceId(index, to: &out); out.line("")
        out.text("    name: "); out.text(template.name)
        if index >= 6 { out.text(" "); out.number(index) }
        out.line("")
        out.text("    owner: "); out.line(template.owner)
        out.text("    supplier: { name: "); out.text(vendor.name)
        out.text(", product: "); out.text(vendor.product)
        out.text(", saas: "); out.text(vendor.saas)
        if !vendor.clouds.isEmpty { out.text(", supported_clouds: "); out.text(vendor.clouds) }
        out.line(" }")
        let criticality = index < 6 || random.percent(75)
            ? template.criticality
            : random.pick(["patient-critical", "business-critical", "business-operational", "administrative"])
        out.text("    criticality: "); out.line(criticality)
        out.text("    clinical_system: "); out.line(template.clinical ? "true" : "false")
        out.line("    data:")
        out.text("      classification: "); out.line(template.personalData == "none" ? "official" : "official-sensitive")
        out.text("      personal_data: "); out.line(template.personalData)
        out.text("      risk_class: ")
        out.number(template.personalData == "patient" ? random.between(4, 5)
                   : template.personalData == "staff" ? random.between(3, 4) : random.between(1, 2))
        out.line("")
        out.text("      volume_gb: "); out.number(random.between(template.volumeRange.0, template.volumeRange.1)); out.line("")
        if random.percent(60) {
            out.text("      dpia: DPIA-"); out.number(random.between(2018, 2025)); out.text("-")
            out.padded(random.between(1, 120), width: 3); out.line("")
        }
        let serviceClass: (String, Int, Int) = switch criticality {
        case "patient-critical": random.percent(50) ? ("platinum", 1, 15) : ("gold", 4, 60)
        case "business-critical": random.percent(50) ? ("gold", 4, 60) : ("silver", 24, 240)
        case "business-operational": random.percent(50) ? ("silver", 24, 240) : ("bronze", 72, 1440)
        default: ("bronze", 72, 1440)
        }
        out.text("    availability: { service_class: "); out.text(serviceClass.0)
        out.text(", rto_hours: "); out.number(serviceClass.1)
        out.text(", rpo_minutes: "); out.number(serviceClass.2); out.line(" }")
        out.text("    servers: [")
        for server in plan.firstServer..<(plan.firstServer + plan.serverCount) {
            if server > plan.firstServer { out.text(", ") }
            writeServerId(server, to: &out)
        }
        out.line("]")

        var dependencies: [Int] = []
        func depend(_ target: Int) {
            if target != index && target >= 0 && target < servicePlans.count && !dependencies.contains(target) {
                dependencies.append(target)
            }
        }
        if index > 0 {
            let edgeCount = random.weighted([(0, 20), (1, 32), (2, 30), (3, 13), (4, 5)])
            for _ in 0..<edgeCount {
                let roll = random.below(100)
                if roll < 35 {
                    depend(random.below(min(index, 6)))
                } else if roll < 88 {
                    depend(index - 1 - random.below(min(index, 300)))
                } else if roll < 97 {
                    depend(random.below(index))
                } else {
                    depend(index + 1 + random.below(50))
                }
            }
        }
        for target in ringEdges.removeValue(forKey: index) ?? [] { depend(target) }
        if index >= 6 && index + 2 < servicePlans.count && random.percent(2) {
            depend(index + 1)
            if random.percent(50) {
                ringEdges[index + 1, default: []].append(index)
            } else {
                ringEdges[index + 1, default: []].append(index + 2)
                ringEdges[index + 2, default: []].append(index)
            }
        }
        if !dependencies.isEmpty {
            out.text("    depends_on: [")
            for (position, target) in dependencies.enumerated() {
                if position > 0 { out.text(", ") }
                writeServiceId(target, to: &out)
            }
            out.line("]")
        }

        let interfaceCount = random.weighted([(0, 15), (1, 40), (2, 30), (3, 15)])
        if interfaceCount > 0 {
            out.line("    interfaces:")
            for _ in 0..<interfaceCount {
                let proto = random.pick(template.protocols)
                out.text("      - { protocol: "); out.text(proto)
                out.text(", peer: ")
                switch random.below(4) {
                case 0: out.text(random.pick(["external", "modalities", "gp-practices", "spine", "national-services"]))
                default: writeServiceId(random.below(servicePlans.count), to: &out)
                }
                out.text(", encrypted: ")
                out.text(protocolsSecureByDefault.contains(proto) || random.percent(25) ? "true" : "false")
                out.line(" }")
            }
        }
        out.text("    identity: [")
        out.text(template.identity[0])
        if template.identity.count > 1 && random.percent(60) { out.text(", "); out.text(template.identity[1]) }
        out.line("]")
        out.text("    exposure: ")
        out.line(random.weighted([("internal", 70), ("hscn", 22), ("internet", 8)]))
        out.text("    latency_sensitive: "); out.line(random.percent(20) ? "true" : "false")
        out.text("    licensing: { model: "); out.text(random.pick(template.licensing))
        out.text(", hardware_bound: "); out.text(random.percent(6) ? "true" : "false"); out.line(" }")
        out.text("    contract_ends: ")
        out.date(random.between(2025, 2032), random.between(1, 12), random.between(1, 28))
        out.line("")
        if random.percent(30) {
            out.text("    strategy: ")
            out.line(random.weighted([("rehost", 5), ("replatform", 3), ("repurchase", 3), ("retain", 2),
                                      ("retire", 1), ("relocate", 1), ("refactor", 1)]))
        }
    }
    return out.bytes
}

// MARK: - Output

let data = Data(generateEstate(serverCount: serverCount, seed: seed))
if let outputPath {
    do {
        try data.write(to: URL(fileURLWithPath: outputPath))
    } catch {
        FileHandle.standardError.write(Data("synthetic-estate: cannot write '\(outputPath)': \(error)\n".utf8))
        exit(3)
    }
} else {
    FileHandle.standardOutput.write(data)
}
