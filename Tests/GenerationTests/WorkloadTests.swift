import CloudFirstCore
@testable import Generation
import Planning
import Testing

@Suite struct WorkloadTests {
    /// An estate read from YAML as an inventory would give it: `body` (servers and services) after a header naming
    /// the trust and its one site, `site`.
    static func estate(_ body: String) throws -> Estate {
        let yaml = """
            cloudfirst: 1
            organisation:
              name: Test Trust
            sites:
              - id: site
                name: Server room

            """ + body
        let loaded = EstateLoader.load([InventorySource(displayPath: "test.yaml", contents: .bytes(Array(yaml.utf8)))])
        return try #require(loaded.estate)
    }

    /// One server with these fields, in a service of its own.
    static func server(_ fields: String) throws -> Server {
        try #require(try estate("""
            servers:
              - id: s1
                site: site
            \(fields.split(separator: "\n").map { "    \($0)" }.joined(separator: "\n"))
            services:
              - id: svc
                name: Service
                servers: [s1]
            """).servers.first)
    }

    @Test(arguments: [
        ("Windows Server 2019 Datacenter", "windows-2019"),
        ("Microsoft Windows Server 2012 R2 Standard", "windows-2012-r2"),
        ("Windows Server 2008 R2", "windows-2008-r2"),
        ("Red Hat Enterprise Linux 7.9", "rhel-7"),
        ("RHEL 8", "rhel-8"),
        ("Ubuntu 22.04 LTS", "ubuntu-22.04"),
        ("Ubuntu 18.04.6 LTS", "ubuntu-18.04"),
        ("SUSE Linux Enterprise Server 15 SP4", "sles-15"),
        ("Oracle Linux 8.6", "oracle-linux-8"),
        ("CentOS 7 (64-bit)", "centos-7"),
        ("Debian GNU/Linux 12", "debian-12"),
        ("Some appliance", "linux"),
    ])
    func operatingSystemsKeepTheirFamilyAndMajorVersion(_ os: String, _ key: String) {
        #expect(Workload.operatingSystem(os, windows: false).key == key)
    }

    @Test func aWindowsServerWithoutAVersionIsStillWindows() {
        #expect(Workload.operatingSystem(nil, windows: true) == .init(family: "windows", version: ""))
    }

    @Test func listedDisksBecomeAnOSDiskAndDataDisks() throws {
        let server = try Self.server("""
            os: Windows Server 2019
            disks:
              - size_gb: 100
              - size_gb: 500
            """)
        let disks = Workload.disks(server, on: .aws, windows: true, tier: .block)
        // 100 GB is 94 GiB, under the Windows default of 128; 500 GB is 466 GiB.
        #expect(disks == .init(osGiB: 128, dataGiB: [466]))
    }

    @Test func aDiskLargerThanTheCloudAllowsIsSplitEvenly() throws {
        let server = try Self.server("""
            os: Red Hat Enterprise Linux 8
            disks:
              - size_gb: 80
              - size_gb: 40000
            """)
        // 40,000 GB is 37,253 GiB: three gp3 volumes (16 TiB each at most), two Azure Standard SSDs (32,767), one
        // Google balanced disk (64 TiB).
        #expect(Workload.disks(server, on: .aws, windows: false, tier: .block).dataGiB == [12_418, 12_418, 12_418])
        #expect(Workload.disks(server, on: .azure, windows: false, tier: .block).dataGiB == [18_627, 18_627])
        #expect(Workload.disks(server, on: .gcp, windows: false, tier: .block).dataGiB == [37_253])
    }

    @Test func aHugeFirstDiskKeepsTheOSDiskWithinTheBootLimit() throws {
        let server = try Self.server("disks:\n  - size_gb: 5000")
        let azure = Workload.disks(server, on: .azure, windows: false, tier: .block)
        let aws = Workload.disks(server, on: .aws, windows: false, tier: .block)
        #expect(azure.osGiB == 4_095 && azure.dataGiB == [562])
        #expect(aws.osGiB == 2_048 && aws.dataGiB == [2_609])
    }

    @Test func withoutADiskListStorageBeyondTheOSDiskIsData() throws {
        let server = try Self.server("storage_gb: 1000")
        #expect(Workload.disks(server, on: .gcp, windows: false, tier: .block) == .init(osGiB: 64, dataGiB: [868]))
        let small = try Self.server("storage_gb: 50")
        #expect(Workload.disks(small, on: .gcp, windows: false, tier: .block) == .init(osGiB: 64, dataGiB: []))
    }

    @Test func dataInAManagedServiceLeavesTheOSDiskOnly() throws {
        let server = try Self.server("storage_gb: 40000")
        #expect(Workload.disks(server, on: .aws, windows: true, tier: .fileshare) == .init(osGiB: 128, dataGiB: []))
        #expect(Workload.disks(server, on: .aws, windows: true, tier: .object).dataGiB.isEmpty)
    }

    @Test func interfacePortsComeFromTheirProtocols() {
        #expect(Workload.ports(.hl7v2MLLP, engines: [])?.map(\.number) == [2575])
        #expect(Workload.ports(.dicom, engines: [])?.map(\.number) == [104])
        #expect(Workload.ports(.ldap, engines: [])?.map(\.transport) == ["tcp", "udp"])
        #expect(Workload.ports(.odbc, engines: ["sqlserver", "oracle"])?.map(\.number) == [1433, 1521])
        #expect(Workload.ports(.odbc, engines: []) == nil, "a database link with no known engine has no port")
        #expect(Workload.ports(.proprietary, engines: []) == nil)
    }

    @Test func aServiceReachesWhatItDependsOnAtItsDatabasesPorts() throws {
        let estate = try Self.estate("""
            servers:
              - id: app1
                site: site
              - id: db1
                site: site
                role: database
                software:
                  - product: Microsoft SQL Server
                    version: "2019"
            services:
              - id: epr-db
                name: EPR database
                servers: [db1]
              - id: epr
                name: EPR
                servers: [app1]
                depends_on: [epr-db]
                interfaces:
                  - protocol: hl7v2-mllp
            """)
        let epr = try #require(estate.service("epr"))
        // The database service names no interface: its engine's port is what the EPR reaches it on.
        #expect(Workload.dependencyPorts(of: epr, in: estate).map(\.number) == [1433])
        #expect(Workload.dependencyPorts(of: try #require(estate.service("epr-db")), in: estate).isEmpty)
    }
}
