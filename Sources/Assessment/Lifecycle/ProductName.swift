import CloudFirstCore

/// Turns the names people write for operating systems and databases ("Microsoft Windows Server 2012 R2 (64-bit)",
/// "Win2k8R2", "RHEL 7.9", "SQL Server 2016 SP3 Standard") into a catalogue product and release.
///
/// The product must lead the name (after a vendor's name), so a name that only mentions one, such as "Mitel Standard
/// Linux 11 (CentOS 7 based)", is not placed: unknown, never a guess. A release is taken only when the name says it
/// exactly; "Oracle 12c" could be 12.1 or 12.2 and stays unknown.
public enum ProductName {
    public struct Placed: Equatable, Sendable {
        public let product: String
        public let cycle: String
    }

    public static func operatingSystem(_ raw: String) -> Placed? {
        // VMware's guest type "Windows Server 2016 or later" covers 2016, 2019 and 2022: not one release.
        if ASCIISearch.contains(raw, "or later") { return nil }
        // "red hat" is not a vendor prefix to strip: the product name itself starts with it, and without it
        // "enterprise linux" would be ambiguous with Oracle's.
        let name = normalise(raw, vendors: ["microsoft", "oracle", "canonical", "ibm", "suse"])
        if let match = name.firstMatch(of: windows) {
            return Placed(product: "Windows Server", cycle: String(match.1) + (match.2 != nil ? " R2" : ""))
        }
        if let match = name.firstMatch(of: windowsShort), let year = shortWindowsYears[String(match.1)] {
            return Placed(product: "Windows Server", cycle: year + (match.2 != nil ? " R2" : ""))
        }
        if let match = name.firstMatch(of: redHat) { return Placed(product: "Red Hat Enterprise Linux", cycle: String(match.1)) }
        if let match = name.firstMatch(of: centOSStream) { return Placed(product: "CentOS Stream", cycle: String(match.1)) }
        if let match = name.firstMatch(of: centOS) { return Placed(product: "CentOS", cycle: String(match.1)) }
        if let match = name.firstMatch(of: oracleLinux) { return Placed(product: "Oracle Linux", cycle: String(match.1)) }
        if let match = name.firstMatch(of: suse) {
            return Placed(product: "SUSE Linux Enterprise Server", cycle: String(match.1))
        }
        if let match = name.firstMatch(of: ubuntu) { return Placed(product: "Ubuntu", cycle: String(match.1)) }
        if let match = name.firstMatch(of: debian) { return Placed(product: "Debian", cycle: String(match.1)) }
        if let match = name.firstMatch(of: solaris) { return Placed(product: "Solaris", cycle: String(match.1)) }
        if let match = name.firstMatch(of: aix) { return Placed(product: "AIX", cycle: String(match.1)) }
        return nil
    }

    public static func database(_ raw: String) -> Placed? {
        let name = normalise(raw, vendors: ["microsoft", "mysql ab"])
        if let match = name.firstMatch(of: sqlServer) {
            return Placed(product: "SQL Server", cycle: String(match.1) + (match.2 != nil ? " R2" : ""))
        }
        if name.hasPrefix("oracle ") { return oracleDatabase(String(name.dropFirst("oracle ".count))) }
        if let match = name.firstMatch(of: postgres) {
            let major = Int(match.1) ?? 0
            if major >= 10 { return Placed(product: "PostgreSQL", cycle: String(match.1)) }
            guard let minor = match.2 else { return nil }
            return Placed(product: "PostgreSQL", cycle: "\(major).\(minor)")
        }
        if let match = name.firstMatch(of: mysql) { return Placed(product: "MySQL", cycle: String(match.1)) }
        return nil
    }

    /// Applications and middleware: "SharePoint Server 2013", "Drupal 7.98", "PHP 8.1", "E-Business Suite R12.1.3",
    /// "Citrix Virtual Apps and Desktops Delivery Controller 2203 LTSR", "NHS Identity Agent 2.3".
    ///
    /// The same principles as for operating systems and databases: the product leads the name (after a vendor's
    /// name), and a release is taken only when the name says it exactly ("PHP 8" could be 8.0 to 8.5 and stays
    /// unknown; "E-Business Suite R12" could be 12.1 or 12.2).
    public static func application(_ raw: String) -> Placed? {
        // Java is matched before the vendor is taken off: "Oracle JDK" names Oracle's build, "JDK" alone does not.
        let java = normalise(raw, vendors: [])
        if let match = java.firstMatch(of: oracleJava) {
            guard let major = Int(match.1 ?? match.2 ?? "") else { return nil }
            return Placed(product: "Oracle Java SE", cycle: String(major))
        }
        let name = normalise(raw, vendors: ["microsoft", "oracle", "citrix"])
        if let match = name.firstMatch(of: sharePoint) {
            return Placed(product: "SharePoint Server", cycle: String(match.1))
        }
        if name.firstMatch(of: sharePointSubscription) != nil {
            return Placed(product: "SharePoint Server", cycle: "Subscription Edition")
        }
        if let match = name.firstMatch(of: drupal) { return Placed(product: "Drupal", cycle: String(match.1)) }
        if let match = name.firstMatch(of: php) { return Placed(product: "PHP", cycle: "\(match.1).\(match.2)") }
        if let match = name.firstMatch(of: eBusinessSuite) {
            return Placed(product: "Oracle E-Business Suite", cycle: "12.\(match.1)")
        }
        if let match = name.firstMatch(of: citrix) ?? name.firstMatch(of: citrixAgent) {
            return Placed(product: "Citrix Virtual Apps and Desktops", cycle: String(match.1))
        }
        // The CIS1 smartcard client retires as a whole, whatever its version.
        if name.firstMatch(of: identityAgent) != nil { return Placed(product: "NHS Identity Agent", cycle: "") }
        if let match = name.firstMatch(of: dotNetFramework) {
            return Placed(product: ".NET Framework", cycle: String(match.1))
        }
        if let match = name.firstMatch(of: apacheHTTP) {
            return Placed(product: "Apache HTTP Server", cycle: String(match.1))
        }
        if let match = name.firstMatch(of: wordPress) { return Placed(product: "WordPress", cycle: String(match.1)) }
        if let match = name.firstMatch(of: python) { return Placed(product: "Python", cycle: String(match.1)) }
        if let match = name.firstMatch(of: airflow) {
            // Airflow 1 is released by minor ("1.10"), Airflow 2 as a whole.
            if match.1 == "1" {
                guard let minor = match.2 else { return nil }
                return Placed(product: "Apache Airflow", cycle: "1.\(minor)")
            }
            return Placed(product: "Apache Airflow", cycle: String(match.1))
        }
        if let match = name.firstMatch(of: veeam) {
            return Placed(product: "Veeam Backup & Replication", cycle: String(match.1))
        }
        return nil
    }

    /// Oracle Database, the word "oracle" taken off: "database 19c", "11.2.0.4", "11g release 2", "12c r1".
    private static func oracleDatabase(_ name: String) -> Placed? {
        guard let match = name.firstMatch(of: oracle) else { return nil }
        let major = String(match.1)
        if let minor = match.2 { return Placed(product: "Oracle Database", cycle: "\(major).\(minor)") }
        let letters = match.3.map(String.init) ?? ""
        switch (major, letters, match.4.map(String.init)) {
        case ("11", "g", "2"): return Placed(product: "Oracle Database", cycle: "11.2")
        case ("12", "c", "1"): return Placed(product: "Oracle Database", cycle: "12.1")
        case ("12", "c", "2"): return Placed(product: "Oracle Database", cycle: "12.2")
        case ("18", "c", nil), ("19", "c", nil), ("21", "c", nil): return Placed(product: "Oracle Database",
                                                                                 cycle: major + "c")
        case ("23", "ai", nil), ("23", "c", nil): return Placed(product: "Oracle Database", cycle: "23ai")
        default: return nil
        }
    }

    /// Lower case, single spaces, no "(64-bit)" and the like, no leading vendor name.
    static func normalise(_ raw: String, vendors: [String]) -> String {
        var name = raw.lowercased()
        for noise in ["(64-bit)", "(32-bit)", "(64 bit)", "(32 bit)", "x64", "64-bit", "32-bit", "®", "(r)", "™"] {
            name = name.replacingOccurrences(of: noise, with: " ")
        }
        name = name.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        for vendor in vendors where name.hasPrefix(vendor + " ") {
            name.removeFirst(vendor.count + 1)
            break
        }
        return name
    }

    private static let shortWindowsYears = ["3": "2003", "8": "2008", "12": "2012", "16": "2016", "19": "2019",
                                            "22": "2022", "25": "2025"]

    // "windows server 2012 r2 standard", "windows 2008 r2"; a bare "windows 10" or "win 8" is a desktop, not placed.
    nonisolated(unsafe) private static let windows =
        /^windows(?: server)? (2003|2008|2012|2016|2019|2022|2025)(?: ?(r2))?\b/
    // "win2k8r2", "w2k12 r2", "windows server 2k3"
    nonisolated(unsafe) private static let windowsShort =
        /^(?:windows(?: server)?|win|w) ?2k(3|8|12|16|19|22|25)(?: ?(r2))?(?:\b|$)/
    nonisolated(unsafe) private static let redHat =
        /^(?:red hat enterprise linux|rhel)(?: server| es| as| ws)?\s?(?:release )?(\d+)(?:\.\d+)*(?:\b|$)/
    nonisolated(unsafe) private static let centOSStream = /^centos stream (\d+)\b/
    nonisolated(unsafe) private static let centOS = /^centos(?: linux)?(?: release)? (\d+)(?:\.[\d.]+)?(?:\b|$)/
    nonisolated(unsafe) private static let oracleLinux = /^(?:linux|oracle linux|enterprise linux)(?: server)?(?: release)? (\d+)(?:\.\d+)?\b/
    nonisolated(unsafe) private static let suse = /^(?:linux enterprise server|suse linux enterprise server|sles)\s?(\d+)\b/
    nonisolated(unsafe) private static let ubuntu = /^ubuntu(?: server)?(?: linux)? (\d{2}\.\d{2})(?:\.\d+)?\b/
    nonisolated(unsafe) private static let debian = /^debian(?: gnu\/linux)? (\d+)(?:\.\d+)?\b/
    nonisolated(unsafe) private static let solaris = /^(?:oracle )?solaris (\d+(?:\.\d+)?)\b/
    nonisolated(unsafe) private static let aix = /^aix (\d+\.\d+)\b/
    nonisolated(unsafe) private static let sqlServer =
        /^(?:sql server|mssql|ms sql server)\s?(2008|2012|2014|2016|2017|2019|2022|2025)(?:\s?(r2))?\b/
    nonisolated(unsafe) private static let oracle =
        /^(?:database|rdbms)?\s?(?:enterprise edition |standard edition(?: 2| two)? )?(\d{2})(?:\.(\d+)(?:\.[\d.]+)?|(g|c|ai)(?:\s?(?:release|rel\.?|r)\s?(\d))?)?\b/
    // "sharepoint server 2013 standard", "sharepoint 2019"; SharePoint Foundation and SharePoint Online are other
    // products.
    nonisolated(unsafe) private static let sharePoint = /^sharepoint(?: server)? (2013|2016|2019)\b/
    nonisolated(unsafe) private static let sharePointSubscription = /^sharepoint(?: server)? (?:subscription edition|se)\b/
    // "drupal 7.98", "drupal core 10.2.5", "drupal 10"
    nonisolated(unsafe) private static let drupal = /^drupal(?: core)? (\d+)(?:\.[\d.x]+)?(?:\s|$)/
    // "php 8.1", "php 8.1.27"; not "php 8"
    nonisolated(unsafe) private static let php = /^php (\d+)\.(\d+)(?:\.\d+)?(?:\s|$)/
    // "e-business suite r12.1.3", "ebs 12.2.10", "e-business suite release 12.1"
    nonisolated(unsafe) private static let eBusinessSuite =
        /^(?:e-business suite|ebs)(?: release)? r?12\.(1|2)(?:\.[\d.]+)?(?:\s|$)/
    // "virtual apps and desktops delivery controller 2203 ltsr", "virtual apps and desktops 7 1912 ltsr cu10",
    // "xenapp and xendesktop 7.15 ltsr"
    nonisolated(unsafe) private static let citrix =
        /^(?:virtual apps and desktops|xenapp and xendesktop|xenapp|xendesktop)(?: delivery controller| controller| virtual delivery agent| vda)?(?: 7)? (7\.15|\d{4})(?: ltsr)?(?: cu\d+)?(?:\s|$)/
    // The Virtual Delivery Agent is released with Citrix Virtual Apps and Desktops, under the same release number.
    nonisolated(unsafe) private static let citrixAgent =
        /^(?:virtual delivery agent|vda)(?: 7)? (7\.15|\d{4})(?: ltsr)?(?: cu\d+)?(?:\s|$)/
    nonisolated(unsafe) private static let identityAgent =
        /^(?:nhs |nhs england |nhs digital |hscic )?identity agent(?:\s|$)/
    // ".net framework 3.5 sp1", ".net framework 4.6.1"; "4.6.2" is its own release, never 4.6
    nonisolated(unsafe) private static let dotNetFramework =
        /^\.?net framework (\d\.\d(?:\.\d)?)(?: sp1| service pack 1)?(?:\s|$)/
    // Oracle's own Java builds: "java runtime environment 8u381", "java se 17.0.2", "oracle jdk 1.8.0_381", "jre 8";
    // an OpenJDK build ("openjdk 11", "temurin 17") is another vendor's and stays unknown.
    nonisolated(unsafe) private static let oracleJava =
        /^(?:oracle (?:jdk|java(?: se)?(?: runtime environment| development kit)?)|java se(?: runtime environment| development kit)?|java\(tm\) se runtime environment|java runtime environment|jre)(?: version)? (?:1\.(\d+)(?:\.\d+)?(?:_\d+)?|(\d+)(?:u\d+|\.[\d.]+| update \d+)?)(?:\s|$)/
    // "apache http server 2.4.29", "apache httpd 2.2"; "apache 2.4" could be another Apache project
    nonisolated(unsafe) private static let apacheHTTP = /^(?:apache http server|apache httpd|httpd) (\d+\.\d+)(?:\.\d+)?(?:\s|$)/
    nonisolated(unsafe) private static let wordPress = /^wordpress (\d+\.\d+)(?:\.\d+)?(?:\s|$)/
    // "python 3.6", "python 3.6.15"; not "python 3"
    nonisolated(unsafe) private static let python = /^(?:python|cpython) (\d+\.\d+)(?:\.\d+)?(?:\s|$)/
    nonisolated(unsafe) private static let airflow = /^(?:apache )?airflow (\d+)(?:\.(\d+))?(?:\.\d+)?(?:\s|$)/
    nonisolated(unsafe) private static let veeam = /^(?:veeam )?backup (?:&|and) replication (\d+)(?:\.[\d.]+)?(?:\s|$)/
    nonisolated(unsafe) private static let postgres = /^(?:postgresql|postgres)\s?(\d+)(?:\.(\d+))?/
    nonisolated(unsafe) private static let mysql = /^mysql(?: server| community server| enterprise server)? (\d+\.\d+)/
}
