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
        #expect(Self.catalogue.entries.count >= 60)
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
