import CloudFirstCore
import Planning
import Testing

/// Storage priced by what the server is: backup repositories in cool object storage with no second copy, file servers
/// on the managed file service, everything else on like-for-like block storage split within the per-disk maximum.
struct StorageTests {
    static let header = "kind,cloud,region,sku,family,vcpu,memory_gib,baseline_cpu_pct,usd,windows_usd,usd_1y,usd_3y,unit,source,data_date,note\n"

    static func server(_ id: String, role: String, storageGB: Int, used: Int = 50, disks: [Int] = []) -> String {
        let list = disks.isEmpty ? "storage_gb: \(storageGB)" : "disks: [" + disks.map { "{ size_gb: \($0) }" }
            .joined(separator: ", ") + "]"
        return """
              - { id: \(id), site: dc1, role: \(role), os: Windows Server 2022, cpu_cores: 4, memory_gb: 16, \(list),
                  utilisation: { cpu_p95: 40, memory_p95: 40, storage_used_percent: \(used) } }

            """
    }

    static func estate(_ servers: String) throws -> Estate {
        try Plans.load(PlannerTests.head + "servers:\n" + servers + """
            services:
              - { id: a, name: A, servers: [\(servers.matches(of: /id: ([a-z0-9-]+)/).map { String($0.1) }
                .joined(separator: ", "))] }
            """)
    }

    @Test func aBackupRepositoryCostsAFractionOfBlockStorageAndHasNoSecondCopy() throws {
        // 200 TB, as the repository in the issue: 30,293 GBP a month on Azure when priced as premium disk + snapshot.
        let plan = Plans.plan(try Self.estate(Self.server("bkp", role: "backup", storageGB: 200_000, used: 80)
            + Self.server("app", role: "application", storageGB: 200_000, used: 80)))
        let backup = try #require(plan.sizing.first { $0.serverID == "bkp" })
        let app = try #require(plan.sizing.first { $0.serverID == "app" })
        for cloud in Cloud.allCases {
            let repository = try #require(backup.on(cloud))
            let block = try #require(app.on(cloud))
            #expect(repository.storageTier == .object && repository.disks == 0)
            #expect(repository.backupGBP == 0)
            #expect(repository.storagePriced)
            // The used 160 TB at the cool tier: a small fraction of 200 TB of disks plus their snapshots.
            let object = try #require(PriceCatalogue.embedded.object[cloud])
            #expect(abs(repository.storageGBP - 160_000 * gibPerGB * object.usdPerGBMonth * 0.75) < 0.01)
            #expect(repository.storageGBP < 0.25 * (block.storageGBP + block.backupGBP), "\(cloud)")
        }
        #expect(try #require(backup.on(.azure)).storageGBP < 2_000)
    }

    @Test func aFileServerIsPricedAtTheFileServiceRate() throws {
        let csv = EmbeddedPrices.text.split(separator: "\n").filter { !$0.hasPrefix("fileshare,") }
            .joined(separator: "\n") + "\n"
            + "fileshare,azure,uksouth,Files test,fileshare,,,,0.06,,,,GB-month,test row,2026,\n"
            + "fileshare,aws,eu-west-2,FSx test,fileshare,,,,0.13,,,,GB-month,test row,2026,\n"
            + "fileshare,gcp,europe-west2,Filestore test,fileshare,,,,0.2,,,,GB-month,test row,2026,\n"
        let catalogue = try PriceCatalogue(csv: csv)
        let estate = try Self.estate(Self.server("fs", role: "file", storageGB: 40_000, used: 50))
        let sizer = Sizer(catalogue: catalogue, assumptions: Assumptions())
        let sized = sizer.size(try #require(estate.servers.first), at: 0)
        for cloud in Cloud.allCases {
            let share = try #require(sized.on(cloud))
            let rate = try #require(catalogue.fileshare[cloud]).usdPerGBMonth
            #expect(share.storageTier == .fileshare && share.disks == 0 && share.storagePriced)
            #expect(abs(share.storageGBP - 40_000 * gibPerGB * rate * 0.75) < 0.01)
            // One backup copy of the used half, at the snapshot rate.
            #expect(abs(share.backupGBP - 20_000 * gibPerGB * catalogue.backup[cloud]!.usdPerGBMonth * 0.75) < 0.01)
        }
        // Without a file-service price the storage is left out and said so, never priced as block storage.
        let unpriced = Sizer(catalogue: .embedded, assumptions: Assumptions())
            .size(try #require(estate.servers.first), at: 0)
        for cloud in Cloud.allCases where PriceCatalogue.embedded.fileshare[cloud] == nil {
            let share = try #require(unpriced.on(cloud))
            #expect(share.storageTier == .fileshare && !share.storagePriced && share.storageGBP == 0)
        }
    }

    @Test func aDiskOverTheCloudsLimitIsSplit() throws {
        // 20 TB and 70 TB disks (base 10): 18,190 GiB and 63,665 GiB.
        let estate = try Self.estate(Self.server("big", role: "database", storageGB: 0, disks: [20_000, 70_000, 100]))
        let sized = Sizer(assumptions: Assumptions()).size(try #require(estate.servers.first), at: 0)
        // gp3 16 TiB: 2 + 4 + 1; Standard SSD 32,767 GiB: 1 + 2 + 1; pd-balanced 64 TiB: 1 + 1 + 1.
        #expect(sized.on(.aws)?.disks == 7)
        #expect(sized.on(.azure)?.disks == 4)
        #expect(sized.on(.gcp)?.disks == 3)
        #expect(DiskLimit.published.values.allSatisfy { !$0.source.isEmpty && !$0.dataDate.isEmpty })
        // Without a disk list the total is split the same way.
        #expect(DiskLimit.published[.aws]?.disks(for: [], totalGB: 40_000) == 3)
    }

    @Test func theCatalogueRefusesAMalformedStorageRow() {
        let vm = "vm,azure,uksouth,X,general,2,8,,0.1,0.2,,,hour,s,2024,\n"
        for row in ["object,azure,uksouth,X,object,,,,0.01,,,,GB,s,2024,\n",      // wrong unit
                    "object,azure,uksouth,X,object,,,,0.01,,,,GB-month,,2024,\n", // no source
                    "object,azure,uksouth,X,object,,,,0.01,,,,GB-month,s,,\n",    // no date
                    "tape,azure,uksouth,X,object,,,,0.01,,,,GB-month,s,2024,\n"] { // unknown kind
            #expect(throws: PriceCatalogue.CatalogueError.row(3)) { try PriceCatalogue(csv: Self.header + vm + row) }
        }
        let twice = "object,azure,uksouth,X,object,,,,0.01,,,,GB-month,s,2024,\n"
        #expect(throws: PriceCatalogue.CatalogueError.row(4)) {
            try PriceCatalogue(csv: Self.header + vm + twice + twice)
        }
    }

    @Test func noBackupOrFileServerIsPricedAsBlockStorage() throws {
        for name in ["northshire-acute.yaml", "riverside-mental-health.yaml", "eastvale-ics-shared.yaml"] {
            let estate = try Plans.sample(name)
            let plan = Plans.plan(estate)
            for sized in plan.sizing {
                let role = estate.servers[sized.serverIndex].role
                for cloud in sized.clouds {
                    switch role {
                    case .backup?:
                        #expect(cloud.storageTier == .object && cloud.backupGBP == 0 && cloud.disks == 0, "\(name)")
                    case .file?:
                        #expect(cloud.storageTier == .fileshare && cloud.disks == 0, "\(name)")
                    default:
                        #expect(cloud.storageTier == .block, "\(name)")
                    }
                }
            }
        }
    }
}
