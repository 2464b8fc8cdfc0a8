@testable import Assessment
import CloudFirstCore
import Testing

/// The names people write, as VMware tools, CMDBs and spreadsheets give them, placed in the catalogue or left
/// unknown: never a guess.
@Suite struct LifecycleCatalogueTests {
    static let catalogue = LifecycleCatalogue.embedded

    @Test(arguments: [
        ("Microsoft Windows Server 2012 R2 (64-bit)", "Windows Server 2012 R2"),
        ("Windows Server 2012 R2 Standard", "Windows Server 2012 R2"),
        ("Win2k8R2", "Windows Server 2008 R2"),
        ("W2k3", "Windows Server 2003"),
        ("RHEL 7.9", "Red Hat Enterprise Linux 7"),
        ("Red Hat Enterprise Linux 7 (64-bit)", "Red Hat Enterprise Linux 7"),
        ("Red Hat Enterprise Linux 8.8 (Ootpa)", "Red Hat Enterprise Linux 8"),
        ("CentOS 7 (64-bit)", "CentOS 7"),
        ("CentOS Linux release 7.9.2009", "CentOS 7"),
        ("Oracle Linux 8 (64-bit)", "Oracle Linux 8"),
        ("Oracle Enterprise Linux 7", "Oracle Linux 7"),
        ("SUSE Linux Enterprise Server 12 (64-bit)", "SUSE Linux Enterprise Server 12"),
        ("Ubuntu 18.04.6 LTS", "Ubuntu 18.04"),
        ("Debian GNU/Linux 10 (64-bit)", "Debian 10"),
    ])
    func operatingSystemsArePlaced(_ written: String, _ expected: String) {
        #expect(Self.catalogue.operatingSystem(named: written)?.name == expected, "\(written)")
    }

    @Test(arguments: [
        ("SQL Server 2016 SP3 Standard", "SQL Server 2016"),
        ("Microsoft SQL Server 2008 R2", "SQL Server 2008 R2"),
        ("Oracle Database 19c", "Oracle Database 19c"),
        ("Oracle Database 11g Release 2", "Oracle Database 11.2"),
        ("Oracle 11.2.0.4", "Oracle Database 11.2"),
        ("PostgreSQL 9.6", "PostgreSQL 9.6"),
        ("PostgreSQL 14.5", "PostgreSQL 14"),
        ("MySQL 5.7.44", "MySQL 5.7"),
    ])
    func databasesArePlaced(_ written: String, _ expected: String) {
        #expect(Self.catalogue.database(named: written)?.name == expected, "\(written)")
    }

    /// Applications and middleware as the sample inventories write them, by name alone or name and version.
    @Test(arguments: [
        ("SharePoint Server 2013", nil, "SharePoint Server 2013"),
        ("Microsoft SharePoint Server 2019", nil, "SharePoint Server 2019"),
        ("SharePoint Server Subscription Edition", nil, "SharePoint Server Subscription Edition"),
        ("Drupal", "7", "Drupal 7"),
        ("Drupal", "7.98", "Drupal 7"),
        ("Drupal", "10.2", "Drupal 10"),
        ("PHP", "8.1", "PHP 8.1"),
        ("PHP", "8.3.14", "PHP 8.3"),
        ("E-Business Suite R12.1.3", nil, "Oracle E-Business Suite 12.1"),
        ("Oracle E-Business Suite", "12.1.3", "Oracle E-Business Suite 12.1"),
        ("Oracle E-Business Suite 12.2.10", nil, "Oracle E-Business Suite 12.2"),
        ("Citrix Virtual Apps and Desktops Delivery Controller", "2203 LTSR", "Citrix Virtual Apps and Desktops 2203"),
        ("Citrix Virtual Delivery Agent", "2203 LTSR", "Citrix Virtual Apps and Desktops 2203"),
        ("Citrix Virtual Apps and Desktops 7 1912 LTSR CU10", nil, "Citrix Virtual Apps and Desktops 1912"),
        ("XenApp and XenDesktop 7.15 LTSR", nil, "Citrix Virtual Apps and Desktops 7.15"),
        ("NHS Identity Agent", "2.3", "NHS Identity Agent"),
        ("NHS Identity Agent", nil, "NHS Identity Agent"),
        (".NET Framework 3.5 SP1", nil, ".NET Framework 3.5"),
        ("Java Runtime Environment", "8u381", "Oracle Java SE 8"),
        ("Oracle JDK", "1.8.0_381", "Oracle Java SE 8"),
        ("Apache HTTP Server", "2.4.29", "Apache HTTP Server 2.4"),
        ("WordPress", "5.8", "WordPress 5.8"),
        ("Python", "3.6", "Python 3.6"),
        ("Apache Airflow", "1.10.15", "Apache Airflow 1.10"),
        ("Veeam Backup & Replication", "12.1", "Veeam Backup & Replication 12"),
    ] as [(String, String?, String)])
    func applicationsArePlaced(_ product: String, _ version: String?, _ expected: String) throws {
        let software = try Self.software(product, version)
        #expect(Self.catalogue.application(of: software)?.name == expected, "\(product) \(version ?? "")")
        #expect(Self.catalogue.database(of: software) == nil, "\(product) is not a database")
    }

    /// A product that only mentions a known one, a component with its own lifecycle, another vendor's build, or a
    /// release the name does not say exactly stays unknown.
    @Test(arguments: [
        ("MHA Tracker (in-house .NET 3.5)", nil), ("Citrix StoreFront", "2203"), ("PHP", "8"), ("PHP", nil),
        ("Drupal sites behind HAProxy", nil), ("E-Business Suite R12", nil), ("OpenJDK", "11"), ("JDK", "17"),
        ("Citrix Virtual Apps and Desktops", "2311"), ("Apache", "2.4"), ("SharePoint Online", nil),
        (".NET Framework", "4.6.2"), ("Care Identity Service 2 and Identity Agent", nil), ("Python", "3"),
        ("SQL Server 2014", nil), ("Veeam Hardened Repository", "12.1"),
    ] as [(String, String?)])
    func unknownApplicationsStayUnknown(_ product: String, _ version: String?) throws {
        let software = try Self.software(product, version)
        #expect(Self.catalogue.application(of: software) == nil, "\(product) \(version ?? "")")
    }

    /// The dates the application rules rely on, as the catalogue carries them.
    @Test func applicationDatesAreCarried() throws {
        let sharePoint = try #require(Self.catalogue.application(named: "SharePoint Server 2013"))
        #expect(sharePoint.extendedEnd == CalendarDate("2023-04-11"))
        let php = try #require(Self.catalogue.application(named: "PHP 8.1"))
        #expect(php.extendedEnd == CalendarDate("2025-12-31"))
        let agent = try #require(Self.catalogue.application(named: "NHS Identity Agent"))
        #expect(agent.cycle.isEmpty && agent.extendedEnd == CalendarDate("2027-02-28"))
        let citrix = try #require(Self.catalogue.application(named: "Citrix Virtual Apps and Desktops 2203 LTSR"))
        #expect(citrix.extendedEnd == CalendarDate("2027-03-23"))
        #expect(citrix.esuEnd == CalendarDate("2032-03-23"))
    }

    /// A software entry as an inventory writes it, loaded the way the tool loads it.
    static func software(_ product: String, _ version: String?) throws -> Software {
        let versionText = version.map { ", version: \"\($0)\"" } ?? ""
        let text = "cloudfirst: 1\norganisation: { name: T }\nsites: [{ id: dc1, name: DC }]\nservers:\n"
            + "  - { id: s1, site: dc1, software: [{ product: \"\(product)\"\(versionText) }] }\n"
        let loaded = EstateLoader.load([InventorySource(displayPath: "t.yaml", contents: .bytes(Array(text.utf8)))])
        let estate = try #require(loaded.estate, Comment(rawValue: loaded.diagnostics.map(\.rendered).joined()))
        return try #require(estate.servers.first?.software.first)
    }

    /// A name that could be two releases, a desktop, or a product that only mentions a known one stays unknown.
    @Test(arguments: ["Windows 10", "Microsoft Windows Server 2016 or later (64-bit)", "Other (64-bit)", "Mitel Standard Linux 11 (CentOS 7 based)", "Oracle 12c",
                      "Linux", "Windows Server", "RHEL", ""])
    func ambiguousNamesAreUnknown(_ written: String) {
        #expect(Self.catalogue.operatingSystem(named: written) == nil, "\(written)")
        #expect(Self.catalogue.database(named: written) == nil, "\(written)")
    }

    /// The dates of REFERENCE.md section 6, as the catalogue carries them.
    @Test func referenceDatesAreCarried() throws {
        let ws2012 = try #require(Self.catalogue.operatingSystem(named: "Windows Server 2012 R2"))
        #expect(ws2012.extendedEnd == CalendarDate("2023-10-10"))
        #expect(ws2012.esuEnd == CalendarDate("2026-10-13"))
        let rhel7 = try #require(Self.catalogue.operatingSystem(named: "RHEL 7"))
        #expect(rhel7.extendedEnd == CalendarDate("2024-06-30"))
        #expect(rhel7.esuEnd == CalendarDate("2028-06-30"))
        let sql2014 = try #require(Self.catalogue.database(named: "SQL Server 2014"))
        #expect(sql2014.extendedEnd == CalendarDate("2024-07-09"))
        #expect(sql2014.esuEnd == CalendarDate("2027-07-12"))
        let ubuntu = try #require(Self.catalogue.operatingSystem(named: "Ubuntu 16.04"))
        #expect(ubuntu.mainstreamEnd == CalendarDate("2021-04-02"))
        #expect(ubuntu.esuEnd == CalendarDate("2026-04-02"))
    }

    @Test func everyEntryCitesItsSource() {
        #expect(Self.catalogue.entries.count >= 100)
        for entry in Self.catalogue.entries {
            #expect(!entry.source.isEmpty, "\(entry.name) has no source")
        }
    }

    @Test func aMalformedCatalogueIsRefused() {
        #expect(throws: LifecycleCatalogue.CatalogueError.self) { try LifecycleCatalogue(csv: "kind,product\n") }
        let header = "kind,product,cycle,released,mainstream_end,extended_end,esu_end,source,note\n"
        #expect(throws: LifecycleCatalogue.CatalogueError.self) {
            try LifecycleCatalogue(csv: header + "os,Windows Server,2012,2012-13-01,,,,src,\n")
        }
    }
}
