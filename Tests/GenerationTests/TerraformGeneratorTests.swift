import Assessment
import CloudFirstCore
import Foundation
@testable import Generation
import GoldenFiles
import Planning
import Testing

@Suite struct TerraformGeneratorTests {
    /// The Terraform for one sample estate, per cloud, pinned file by file. `CLOUDFIRST_RECORD=1 swift test`
    /// re-records; review the diff. CI checks the same trees with python-hcl2, terraform fmt and checkov.
    @Test(arguments: Cloud.allCases)
    func goldenTrees(_ cloud: Cloud) throws {
        let plan = try Fixtures.plan("Inventories/riverside-mental-health.yaml")
        let files = try Fixtures.generator().generate(plan, cloud: cloud)
        let folder = Fixtures.root.appendingPathComponent("Tests/GenerationTests/Goldens")
        GoldenFile.clearForRecording(folder.appendingPathComponent(cloud.rawValue))
        for file in files {
            if let failure = GoldenFile.compare(file.contents, with: folder.appendingPathComponent(file.path),
                                                name: "Goldens/\(file.path)") {
                Issue.record(Comment(rawValue: failure))
            }
        }
        let recorded = FileManager.default.enumerator(atPath: folder.appendingPathComponent(cloud.rawValue).path)?
            .compactMap { $0 as? String }.filter { $0.contains(".") }.map { "\(cloud.rawValue)/\($0)" } ?? []
        #expect(Set(recorded) == Set(files.map(\.path)), "a golden file is stale or missing")
    }

    @Test func whatStaysOrGoesBuildsNothingAndTheReadmeSaysWhy() throws {
        let plan = try Fixtures.plan("Inventories/northshire-acute.yaml")
        let files = try Fixtures.generator().generate(plan, cloud: .aws)
        let terraform = files.filter { $0.path.hasSuffix(".tf") }.map(\.contents).joined()
        for index in plan.retained + plan.retired {
            let id = plan.estate.services[index].id
            #expect(!terraform.contains("service             = \"\(id)\""), "\(id) should build nothing")
        }
        let readme = try #require(files.first { $0.path == "aws/README.md" }?.contents)
        #expect(readme.contains("- `nsh-transfusion-archive`: server 'nsh-tpath01' is sparc, which no target cloud runs"))
        #expect(readme.contains("- `nsh-intranet`: every server is powered off or idle"))
    }

    /// A disk larger than one cloud disk is built at the largest, and the README says what is left to build; a
    /// database written as product and version is still placed as a managed database.
    @Test func oversizedDisksAreNamedAndVersionedEnginesArePlaced() throws {
        let text = """
            cloudfirst: 1
            organisation: { name: Disk Trust }
            sites: [{ id: dc1, name: DC }]
            servers:
              - { id: archive, site: dc1, os: Windows Server 2022, cpu_cores: 4, memory_gb: 16, storage_gb: 40000 }
              - { id: pg, site: dc1, role: database, os: Ubuntu 22.04, cpu_cores: 2, memory_gb: 8,
                  software: [{ product: PostgreSQL, version: "11" }] }
            services:
              - { id: a, name: Archive, servers: [archive], strategy: rehost }
              - { id: b, name: Registers, servers: [pg], strategy: replatform }
            """
        let estate = try #require(EstateLoader.load([InventorySource(displayPath: "e.yaml",
                                                                     contents: .bytes(Array(text.utf8)))]).estate)
        let plan = Planner().plan(Assessor().assess(estate, asOf: Fixtures.asOf))
        let files = try Fixtures.generator().generate(plan, cloud: .aws)
        let readmes = files.filter { $0.path.hasSuffix("README.md") }.map(\.contents).joined()
        // AWS builds the rest as data volumes within gp3's 16 TiB: 40,000 GB is 37,253 GiB, a 128 GiB root volume
        // and three of 12,375 GiB.
        #expect(readmes.contains("| root 128, data 12375, data 12375, data 12375 |"))
        let terraform = files.map(\.contents).joined()
        #expect(terraform.contains("volume_size = 128"))
        #expect(terraform.components(separatedBy: "size              = 12375").count - 1 == 3)
        #expect(terraform.contains("resource \"aws_db_instance\" \"pg\""))
    }

    /// Every VM and database carries the tags the design asks for, and no file holds a secret.
    @Test(arguments: Cloud.allCases)
    func everyResourceIsTaggedAndNothingIsSecret(_ cloud: Cloud) throws {
        let plan = try Fixtures.plan("Tests/GenerationTests/Fixtures/engines.yaml")
        let files = try Fixtures.generator().generate(plan, cloud: cloud)
        let all = files.map(\.contents).joined()
        for word in ["service", "owner", "data-classification"] {
            #expect(all.contains("\(word) "), "no \(word) tag on \(cloud)")
        }
        #expect(all.contains("managed-by"))
        #expect(all.contains(cloud == .gcp ? "wave       = \"1\"" : "wave"))
        #expect(all.range(of: #"(?i)password\s*=\s*""#, options: .regularExpression) == nil)
        #expect(all.range(of: "BEGIN (RSA |OPENSSH )?PRIVATE KEY", options: .regularExpression) == nil)
        // Each engine of the fixture became a managed database; its SQL Server names no edition, so Standard.
        let databases = files.first { $0.path == "\(cloud.rawValue)/wave-1/databases.tf" }?.contents ?? ""
        let markers: [Cloud: [String]] = [
            .aws: ["engine                              = \"sqlserver-se\"", "= \"postgres\"", "= \"mysql\""],
            .azure: ["azurerm_mssql_server", "azurerm_postgresql_flexible_server", "azurerm_mysql_flexible_server"],
            .gcp: ["SQLSERVER_2022_STANDARD", "POSTGRES_18", "MYSQL_8_4"],
        ]
        for marker in markers[cloud]! { #expect(databases.contains(marker), "\(marker) on \(cloud)") }
    }

    /// A DR database server whose production twin becomes a managed database of the same engine is its standby, not
    /// a second empty database; a DR database server with no production twin is still built. The README's "Before
    /// you apply" names the servers that need a database licence, those on Ubuntu 20.04 (past standard support) and
    /// the services reached from the internet.
    @Test(arguments: Cloud.allCases)
    func aStandbyIsTheManagedDatabasesOwnAndTheREADMESaysWhatIsNotBuilt(_ cloud: Cloud) throws {
        let text = """
            cloudfirst: 1
            organisation: { name: Test Trust }
            sites: [{ id: dc, name: DC }]
            servers:
              - { id: sql1, site: dc, role: database, environment: production, os: Windows Server 2019, cpu_cores: 4,
                  memory_gb: 16, software: [{ product: SQL Server 2019, edition: Standard }] }
              - { id: sql2, site: dc, role: database, environment: dr, os: Windows Server 2019, cpu_cores: 4,
                  memory_gb: 16, software: [{ product: SQL Server 2019, edition: Standard }] }
              - { id: pg2, site: dc, role: database, environment: dr, os: Ubuntu 22.04, cpu_cores: 2, memory_gb: 8,
                  software: [{ product: PostgreSQL, version: "15" }] }
              - { id: bi1, site: dc, role: database, os: Windows Server 2019, cpu_cores: 4, memory_gb: 16,
                  software: [{ product: SQL Server 2019, edition: Enterprise }] }
              - { id: web1, site: dc, role: web, os: Ubuntu 20.04, cpu_cores: 2, memory_gb: 4 }
            services:
              - { id: epr, name: EPR, servers: [sql1, sql2], strategy: replatform }
              - { id: reg, name: Registers, servers: [pg2], strategy: replatform }
              - { id: bi, name: BI, servers: [bi1], strategy: rehost }
              - { id: portal, name: Portal, servers: [web1], strategy: rehost, exposure: internet }
            """
        let estate = try #require(EstateLoader.load([InventorySource(displayPath: "e.yaml",
                                                                     contents: .bytes(Array(text.utf8)))]).estate)
        let plan = Planner().plan(Assessor().assess(estate, asOf: Fixtures.asOf))
        let files = try Fixtures.generator().generate(plan, cloud: cloud)
        let databases = files.filter { $0.path.hasSuffix("databases.tf") }.map(\.contents).joined()
        let readmes = files.filter { $0.path.contains("wave-") && $0.path.hasSuffix("README.md") }.map(\.contents)
            .joined()
        // sql1 is built; sql2 stands by for it and is not; pg2 has no production twin and is built.
        #expect(databases.contains("sql1"))
        #expect(!databases.contains("sql2"))
        #expect(databases.contains("pg2"))
        #expect(readmes.contains("- `sql2` (`epr`): standby of `sql1`"))
        #expect(!readmes.contains("`pg2` (`reg`): standby"))
        // The rehosted SQL Server VM needs its licence; the portal is reached from the internet today.
        #expect(readmes.contains("  - `bi1`: SQL Server Enterprise 2-core packs"))
        #expect(readmes.contains("- **Reached from the internet today.**"))
        #expect(readmes.contains("  - `portal`"))
        #expect(!readmes.contains("  - `epr`\n"))
        // Ubuntu 20.04, past standard support, is said, and starts from the Pro image where the cloud publishes one.
        #expect(readmes.contains("- **Ubuntu 20.04 is past standard support** (since 31 May 2025)"))
        #expect(readmes.contains("  - `web1`"))
        let terraform = files.map(\.contents).joined()
        switch cloud {
        case .azure: #expect(terraform.contains("0001-com-ubuntu-pro-focal"))
        case .gcp: #expect(terraform.contains("ubuntu-os-pro-cloud/global/images/family/ubuntu-pro-2004-lts"))
        case .aws: #expect(readmes.contains("choose an Ubuntu Pro AMI"))
        }
    }
}
