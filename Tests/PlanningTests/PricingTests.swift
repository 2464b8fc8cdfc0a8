import CloudFirstCore
import Planning
import Testing

/// Compute priced as it would be bought: databases sized on CPU with memory as a floor and their licences counted,
/// licences priced only where every cloud prices them, commitments, Google's sustained-use discount, burstable sizes
/// for idle servers and Azure Hybrid Benefit.
struct PricingTests {
    static let header = "kind,cloud,region,sku,family,vcpu,memory_gib,baseline_cpu_pct,usd,windows_usd,usd_1y,usd_3y,"
        + "unit,source,data_date,note\n"

    /// A small catalogue: per cloud a 2, 4, 8 and 16 vCPU memory-optimised size (8 GiB a vCPU) at 0.05 USD a vCPU-hour
    /// Linux and 0.09 Windows, with one- and three-year rates on all but the 16, plus `extra` rows.
    static func catalogue(_ extra: String = "") throws -> PriceCatalogue {
        var csv = header
        for (cloud, region) in [("azure", "uksouth"), ("aws", "eu-west-2"), ("gcp", "europe-west2")] {
            for vcpus in [2, 4, 8, 16] {
                let commitment = vcpus == 16 ? ",," : "\(0.03 * Double(vcpus)),\(0.02 * Double(vcpus)),"
                csv += "vm,\(cloud),\(region),\(cloud == "gcp" ? "n2-highmem-\(vcpus)" : "\(cloud)-m\(vcpus)"),memory,"
                    + "\(vcpus),\(vcpus * 8),,\(0.05 * Double(vcpus)),\(0.09 * Double(vcpus)),\(commitment)hour,"
                    + "test,2026,\n"
            }
            csv += "storage,\(cloud),\(region),disk,block,,,,0.1,,,,GB-month,test,2026,\n"
            csv += "backup,\(cloud),\(region),snap,snapshot,,,,0.05,,,,GB-month,test,2026,\n"
        }
        return try PriceCatalogue(csv: csv + extra)
    }

    static func server(_ fields: String) throws -> Server {
        let estate = try Plans.load(PlannerTests.head + "servers:\n  - { id: s1, site: dc1, \(fields) }\n"
            + "services:\n  - { id: a, name: A, servers: [s1] }\n")
        return try #require(estate.servers.first)
    }

    static let sqlEnterprise = "role: database, os: Windows Server 2022, cpu_cores: 16, memory_gb: 64, "
        + "utilisation: { cpu_p95: 20, memory_p95: 90 }, "
        + "software: [{ product: SQL Server 2019, edition: Enterprise }]"

    /// The plan states the span of its price data: the first date in each row's `data_date`, whatever words
    /// surround it, at year, month or day precision.
    @Test func theCatalogueDatesAreTheFirstDateInEachRow() throws {
        let rows = ["retail API read 2024-05-01 (GBP)", "price sheet 2019-11", "12345 then 2018", "2025-7-1"]
            .enumerated().map { "discount,gcp,europe-west2,sustained-use,s\($0.offset),,,,0.2,,,,fraction,test,\($0.element),\n" }
            .joined()
        let dates = try Self.catalogue(rows).dataDates
        // "12345" holds the first four digits "1234", as the pattern \d{4} reads it; "2025-7-1" is a year only.
        #expect(dates.earliest == "1234")
        #expect(dates.latest == "2026")
        // By cloud: the rows above are all Google's; Azure's are the base catalogue's, dated 2026.
        let catalogue = try Self.catalogue(rows)
        #expect(catalogue.dataDates(for: .gcp).earliest == "1234")
        #expect(catalogue.dataDates(for: .azure) == ("2026", "2026"))
        let later = try Self.catalogue(rows.replacingOccurrences(of: "12345 then 2018", with: "2027-02-30x"))
        #expect(later.dataDates.earliest == "2019-11")
        #expect(later.dataDates.latest == "2027-02-30")
    }

    @Test func aDatabaseIsSizedOnCPUWithItsMemoryAsAFloor() throws {
        let sized = Sizer(catalogue: try Self.catalogue(), assumptions: Assumptions())
            .size(try Self.server(Self.sqlEnterprise), at: 0)
        #expect(sized.database)
        for cloud in sized.clouds {
            // 16 cores at 20% with 1.3 headroom: 5 vCPUs; memory is the 64 GB it has (59.6 GiB), not 90% x 1.3.
            #expect(cloud.neededVCPUs == 5)
            #expect(abs(cloud.neededMemoryGiB - 64e9 / 1_073_741_824) < 0.01)
            #expect(cloud.vm.vcpus == 8, "the 64 GiB size, not one twice as large for buffer-pool memory")
            #expect(cloud.databaseLicence == .sqlServer(enterprise: true))
        }
        // Licensed on the 6 cores the work needs (5, rounded to a pair) on AWS, which can set any count; Azure's
        // constrained sizes run only a half or a quarter (4 or 2 of 8), too few, so all 8; Google all 8.
        #expect(sized.on(.azure)?.licensedVCPUs == 8 && sized.on(.azure)?.databaseLicenceCount == 4)
        #expect(sized.on(.aws)?.licensedVCPUs == 6 && sized.on(.aws)?.databaseLicenceCount == 3)
        #expect(sized.on(.gcp)?.licensedVCPUs == 8 && sized.on(.gcp)?.databaseLicenceCount == 4)
        // Needing 3 of 8 (a 4-core minimum): Azure's half-size variant (E8-4), AWS 4.
        let lighter = Sizer(catalogue: try Self.catalogue(), assumptions: Assumptions())
            .size(try Self.server(Self.sqlEnterprise.replacingOccurrences(of: "cpu_p95: 20", with: "cpu_p95: 10")),
                  at: 0)
        #expect(lighter.on(.azure)?.vm.vcpus == 8 && lighter.on(.azure)?.licensedVCPUs == 4)
        #expect(lighter.on(.aws)?.licensedVCPUs == 4)
        // An application server of the same shape is sized on its measured memory: 90% x 1.3 of 64 GB.
        let application = Sizer(catalogue: try Self.catalogue(), assumptions: Assumptions())
            .size(try Self.server("role: application, cpu_cores: 16, memory_gb: 64, "
                + "utilisation: { cpu_p95: 20, memory_p95: 90 }"), at: 0)
        #expect(!application.database && application.on(.aws)?.vm.vcpus == 16)
    }

    @Test func databaseLicencesAreCountedAsTheirTermsCountThem() throws {
        // SQL Server: 2-core packs, at least four cores.
        #expect(DatabaseLicence.sqlServer(enterprise: false).count(licensedVCPUs: 2) == 2)
        #expect(DatabaseLicence.sqlServer(enterprise: false).count(licensedVCPUs: 10) == 5)
        // Oracle EE: a processor licence for two vCPUs; SE2: a socket for four.
        #expect(DatabaseLicence.oracle(enterprise: true).count(licensedVCPUs: 5) == 3)
        #expect(DatabaseLicence.oracle(enterprise: false).count(licensedVCPUs: 8) == 2)
        #expect(DatabaseLicence.oracle(enterprise: false).count(licensedVCPUs: 9) == 3)
        let express = DatabaseLicence.of(try Self.server("software: [{ product: SQL Server 2019, edition: Express }]")
            .software)
        #expect(express == nil)
        let oracle = DatabaseLicence.of(try Self.server("software: [{ product: Oracle Database 19c }]").software)
        #expect(oracle?.licence == .oracle(enterprise: true) && oracle?.editionGiven == false)
    }

    @Test func aLicenceIsPricedOnlyWhereEveryCloudPricesIt() throws {
        let rows = ["azure,uksouth", "aws,eu-west-2", "gcp,europe-west2"].map {
            "licence,\($0),sql-enterprise,,,,,0.4,,,,vcpu-hour,test,2026,\n"
        }
        let everywhere = Sizer(catalogue: try Self.catalogue(rows.joined()), assumptions: Assumptions())
            .size(try Self.server(Self.sqlEnterprise), at: 0)
        let hours = 730.0 * 0.75
        // Azure bills licence-included SQL Server on the constrained count (here all 8); AWS and Google on the
        // size's vCPUs.
        #expect(abs((everywhere.on(.azure)?.licenceGBP ?? 0) - 0.4 * 8 * hours) < 0.01)
        #expect(abs((everywhere.on(.aws)?.licenceGBP ?? 0) - 0.4 * 8 * hours) < 0.01)
        #expect(everywhere.clouds.allSatisfy { $0.licencePriced })
        // Priced on one cloud only: counted everywhere, priced nowhere, so no cloud looks dearer for it.
        let oneCloud = Sizer(catalogue: try Self.catalogue(rows[1]), assumptions: Assumptions())
            .size(try Self.server(Self.sqlEnterprise), at: 0)
        #expect(oneCloud.clouds.allSatisfy { $0.licenceGBP == 0 && !$0.licencePriced && $0.databaseLicenceCount > 0 })
        // Azure Hybrid Benefit takes the Windows and SQL Server licences out of Azure only.
        var hybrid = Assumptions()
        hybrid.azureHybridBenefit = true
        let brought = Sizer(catalogue: try Self.catalogue(rows.joined()), assumptions: hybrid)
            .size(try Self.server(Self.sqlEnterprise), at: 0)
        let azure = try #require(brought.on(.azure))
        #expect(azure.licenceGBP == 0 && azure.windowsLicenceGBP == 0 && azure.licencePriced)
        #expect(abs(azure.computeGBP - 0.05 * 8 * hours) < 0.01, "the Linux rate")
        #expect((brought.on(.aws)?.windowsLicenceGBP ?? 0) > 0 && (brought.on(.aws)?.licenceGBP ?? 0) > 0)
    }

    @Test func commitmentsPriceTheCommittedRateAndSayWhereThereIsNone() throws {
        let server = try Self.server("cpu_cores: 4, memory_gb: 16, utilisation: { cpu_p95: 50, memory_p95: 50 }")
        let large = try Self.server("cpu_cores: 16, memory_gb: 128")
        let hours = 730.0 * 0.75
        for (commitment, rate) in [(Commitment.none, 0.05), (.oneYear, 0.03), (.threeYear, 0.02)] {
            var assumptions = Assumptions()
            assumptions.commitment = commitment
            let sizer = Sizer(catalogue: try Self.catalogue(), assumptions: assumptions)
            let sized = try #require(sizer.size(server, at: 0).on(.aws))
            #expect(sized.vm.vcpus == 4 && sized.commitmentPriced)
            #expect(abs(sized.computeGBP - rate * 4 * hours) < 0.01, "\(commitment)")
            // The 16 vCPU size has no commitment rate: on demand, and flagged.
            let big = try #require(sizer.size(large, at: 0).on(.aws))
            #expect(big.vm.vcpus == 16 && big.commitmentPriced == (commitment == .none))
            #expect(abs(big.computeGBP - 0.05 * 16 * hours) < 0.01)
        }
        // A commitment rate above the on-demand one, or a three-year above the one-year, is refused.
        for bad in ["vm,aws,eu-west-2,x,general,2,8,,0.1,0.2,0.2,,hour,s,2026,\n",
                    "vm,aws,eu-west-2,x,general,2,8,,0.1,0.2,0.05,0.06,hour,s,2026,\n"] {
            #expect(throws: PriceCatalogue.CatalogueError.row(2)) { try PriceCatalogue(csv: Self.header + bad) }
        }
    }

    @Test func googlesSustainedUseDiscountAppliesToItsSeriesAndNotWithACommitment() throws {
        let catalogue = try Self.catalogue("discount,gcp,europe-west2,sustained-use,n2,,,,0.2,,,,fraction,test,2026,\n")
        let server = try Self.server("cpu_cores: 4, memory_gb: 16, utilisation: { cpu_p95: 50, memory_p95: 50 }")
        let hours = 730.0 * 0.75
        let onDemand = try #require(Sizer(catalogue: catalogue, assumptions: Assumptions()).size(server, at: 0)
            .on(.gcp))
        #expect(abs(onDemand.computeGBP - 0.05 * 4 * 0.8 * hours) < 0.01)
        #expect(abs(onDemand.sustainedUseGBP - 0.05 * 4 * 0.2 * hours) < 0.01)
        var committed = Assumptions()
        committed.commitment = .oneYear
        let oneYear = try #require(Sizer(catalogue: catalogue, assumptions: committed).size(server, at: 0).on(.gcp))
        #expect(oneYear.sustainedUseGBP == 0 && abs(oneYear.computeGBP - 0.03 * 4 * hours) < 0.01)
        // Not on the other clouds.
        let aws = try #require(Sizer(catalogue: catalogue, assumptions: Assumptions()).size(server, at: 0).on(.aws))
        #expect(aws.sustainedUseGBP == 0)
    }

    @Test func aBurstableSizeOnlyForAnIdleServerUnderItsBaseline() throws {
        let rows = ["azure,uksouth", "aws,eu-west-2", "gcp,europe-west2"].map {
            "vm,\($0),t-2,burstable,2,8,40,0.02,0.04,,,hour,test,2026,\n"
        }
        let catalogue = try Self.catalogue(rows.joined())
        let sizer = Sizer(catalogue: catalogue, assumptions: Assumptions())
        // 2 cores at 15%: 0.39 vCPU of demand with headroom, under 40% of 2 vCPUs.
        let idle = try Self.server("cpu_cores: 2, memory_gb: 4, utilisation: { cpu_p95: 15, memory_p95: 50 }")
        #expect(sizer.size(idle, at: 0).on(.aws)?.vm.sku == "t-2")
        // At 60%: 1.56 vCPU, over the baseline of 0.8.
        let busy = try Self.server("cpu_cores: 2, memory_gb: 4, utilisation: { cpu_p95: 60, memory_p95: 50 }")
        #expect(sizer.size(busy, at: 0).on(.aws)?.vm.family == .memory)
        // Unmeasured, or a database: never burstable.
        let unmeasured = try Self.server("cpu_cores: 2, memory_gb: 4")
        #expect(sizer.size(unmeasured, at: 0).on(.aws)?.vm.family == .memory)
        let database = try Self.server("role: database, cpu_cores: 2, memory_gb: 4, "
            + "utilisation: { cpu_p95: 5, memory_p95: 50 }")
        #expect(sizer.size(database, at: 0).on(.aws)?.vm.family == .memory)
        // With burstable sizes on one cloud only, none is used: the clouds would not compare like with like.
        let oneCloud = Sizer(catalogue: try Self.catalogue(rows[1]), assumptions: Assumptions())
        #expect(!oneCloud.burstable && oneCloud.size(idle, at: 0).on(.aws)?.vm.family == .memory)
        // A burstable row must give its baseline, and only a burstable row may.
        #expect(throws: PriceCatalogue.CatalogueError.row(2)) {
            try PriceCatalogue(csv: Self.header + "vm,aws,eu-west-2,t,burstable,2,8,,0.02,0.04,,,hour,s,2026,\n")
        }
        #expect(throws: PriceCatalogue.CatalogueError.row(2)) {
            try PriceCatalogue(csv: Self.header + "vm,aws,eu-west-2,m,general,2,8,40,0.02,0.04,,,hour,s,2026,\n")
        }
    }

    @Test func theSamplesPriceAndCountTheirDatabases() throws {
        let estate = try Plans.sample("northshire-acute.yaml")
        let plan = Plans.plan(estate)
        // Every moving server running SQL Server or Oracle is counted on every cloud.
        let databases = plan.sizing.filter { sized in
            estate.servers[sized.serverIndex].software.contains {
                $0.product.contains("SQL Server") || $0.product.contains("Oracle Database")
            }
        }
        #expect(!databases.isEmpty)
        for sized in databases {
            #expect(sized.database)
            #expect(sized.clouds.allSatisfy { $0.databaseLicence != nil && $0.databaseLicenceCount > 0 })
        }
        for cloud in plan.assumptions.targetClouds {
            #expect(plan.databaseLicences(on: cloud).contains { $0.unit.hasPrefix("SQL Server") && $0.count > 0 })
        }
        // Licences not priced on every cloud are in no cloud's figure, and the headline says they are left out.
        #expect(plan.cloudCoverage.contains("Oracle licences"))
    }

    @Test func aDisasterRecoveryStandbyIsSizedForFailoverNotForIdling() throws {
        let sizer = Sizer(catalogue: try Self.catalogue(), assumptions: Assumptions())
        let fields = "cpu_cores: 16, memory_gb: 64, utilisation: { cpu_p95: 3, memory_p95: 20 }"
        let standby = sizer.size(try Self.server("environment: dr, " + fields), at: 0)
        let live = sizer.size(try Self.server("environment: production, " + fields), at: 0)
        #expect(standby.basis == .standby && standby.on(.aws)?.vm.vcpus == 16)
        #expect(live.basis == .utilisation && (live.on(.aws)?.vm.vcpus ?? 0) < 16)
    }

    @Test func aReplatformedBackupOrFileServerBecomesTheManagedServiceWithNoVM() throws {
        let sizer = Sizer(catalogue: try Self.catalogue(), assumptions: Assumptions())
        for role in ["backup", "file"] {
            let server = try Self.server("role: \(role), os: Windows Server 2019, cpu_cores: 8, memory_gb: 32, "
                + "storage_gb: 10000")
            let managed = sizer.size(server, at: 0, managed: true)
            let kept = sizer.size(server, at: 0, managed: false)
            for cloud in Cloud.allCases {
                let service = try #require(managed.on(cloud)), vm = try #require(kept.on(cloud))
                #expect(service.replacedByService && service.computeGBP == 0 && service.windowsLicenceGBP == 0)
                #expect(!vm.replacedByService && vm.computeGBP > 0)
                #expect(service.storageGBP == vm.storageGBP, "the storage is priced the same either way")
            }
        }
        // An application server keeps its VM even when replatformed.
        let application = try Self.server("role: application, cpu_cores: 8, memory_gb: 32")
        #expect(sizer.size(application, at: 0, managed: true).clouds.allSatisfy { $0.computeGBP > 0 })
    }

    @Test func fiveYearsRampUpWaveByWaveAndTheRangeSpansTheCommitments() throws {
        let plan = Plans.plan(try Plans.sample("northshire-acute.yaml"))
        for cloud in plan.assumptions.targetClouds {
            // Each wave's cost from its cut-over: less than sixty full months, more than sixty months of the last
            // wave alone, and the sum of the waves' shares.
            let ramped = plan.fiveYearRamped(cloud)
            #expect(ramped < plan.fiveYear(plan.monthly[cloud]) && ramped > 0)
            let window = Double(plan.startDate.adding(months: 60).dayNumber
                - plan.startDate.dayNumber)
            var expected = 0.0
            for (wave, cost) in zip(plan.waves, plan.waveCosts) {
                let running = max(0, window - Double(wave.end.dayNumber + 1 - plan.startDate.dayNumber))
                expected += cost[cloud] * 60 * running / window
            }
            #expect(abs(ramped - expected) < 0.01)
            let range = plan.monthlyRange(cloud)
            #expect(abs(range.payAsYouGo - plan.monthly[cloud]) < 0.01, "the plan is priced pay as you go")
            #expect(range.threeYear < range.payAsYouGo)
        }
    }
}
