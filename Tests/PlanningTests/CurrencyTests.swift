import Assessment
import CloudFirstCore
import Planning
import Testing

/// Rows priced in pounds at the source (a refreshed catalogue's `currency` column) are taken as they are; rows in
/// US dollars are converted at assumptions.gbp_per_usd; the plan's notes say which is which.
struct CurrencyTests {
    /// The small catalogue of PricingTests with a currency column: Azure's rows in pounds, the others in dollars.
    static func catalogue(azure: String = "GBP") throws -> PriceCatalogue {
        let rows = PricingTests.header.dropLast() + ",currency\n"
        var csv = String(rows)
        for (cloud, region) in [("azure", "uksouth"), ("aws", "eu-west-2"), ("gcp", "europe-west2")] {
            let currency = cloud == "azure" ? azure : ""
            for vcpus in [2, 4, 8, 16] {
                csv += "vm,\(cloud),\(region),\(cloud == "gcp" ? "n2-highmem-\(vcpus)" : "\(cloud)-m\(vcpus)"),memory,"
                    + "\(vcpus),\(vcpus * 8),,\(0.05 * Double(vcpus)),\(0.09 * Double(vcpus)),,,hour,test,2026,,"
                    + "\(currency)\n"
            }
            csv += "storage,\(cloud),\(region),disk,block,,,,0.1,,,,GB-month,test,2026,,\(currency)\n"
            csv += "backup,\(cloud),\(region),snap,snapshot,,,,0.05,,,,GB-month,test,2026,,\(currency)\n"
        }
        return try PriceCatalogue(csv: csv)
    }

    static let linuxServer = "os: Ubuntu 22.04, cpu_cores: 4, memory_gb: 30, storage_gb: 1000, "
        + "utilisation: { cpu_p95: 50, memory_p95: 50, storage_used_percent: 50 }"

    @Test func aPoundRowIsPricedAsItIsAndADollarRowAtTheRate() throws {
        let catalogue = try Self.catalogue()
        #expect(catalogue.computeCurrency(.azure) == .gbp)
        #expect(catalogue.computeCurrency(.aws) == .usd)
        let server = try PricingTests.server(Self.linuxServer)
        var assumptions = Assumptions()
        assumptions.gbpPerUSD = 0.8
        let sized = Sizer(catalogue: catalogue, assumptions: assumptions).size(server, at: 0)
        let azure = try #require(sized.on(.azure)), aws = try #require(sized.on(.aws))
        // 4 cores at 50% x 1.3 = 3 vCPUs: the 4 vCPU size on both, 0.2 an hour.
        #expect(azure.vm.vcpus == 4 && aws.vm.vcpus == 4)
        #expect(abs(azure.computeGBP - 0.2 * 730) < 1e-9, "GBP 0.2 an hour times 730 hours, no rate")
        #expect(abs(aws.computeGBP - 0.2 * 730 * 0.8) < 1e-9, "USD 0.2 an hour at 0.8 GBP per USD")
        let gib = 1000 * 1e9 / 1_073_741_824
        #expect(abs(azure.storageGBP - gib * 0.1) < 1e-9)
        #expect(abs(azure.backupGBP - gib / 2 * 0.05) < 1e-9)
        #expect(abs(aws.storageGBP - gib * 0.1 * 0.8) < 1e-9)
    }

    @Test func theNotesSayWhichCloudsWerePricedInPounds() throws {
        let estate = try Plans.load(PlannerTests.head + "servers:\n  - { id: s1, site: dc1, \(Self.linuxServer) }\n"
            + "services:\n  - { id: a, name: A, servers: [s1] }\n")
        let assessment = Assessor().assess(estate, asOf: Plans.asOf)
        let mixed = Planner(catalogue: try Self.catalogue()).plan(assessment)
        let pricing = try #require(mixed.notes.first { $0.hasPrefix("Prices are ") })
        #expect(pricing.contains("in pounds as the source publishes them for Azure; in US dollars for AWS and "
            + "Google Cloud; US-dollar rows converted at 0.75 GBP per USD"), "\(pricing)")
        let dollars = Planner(catalogue: try Self.catalogue(azure: "")).plan(assessment)
        let embeddedWords = try #require(dollars.notes.first { $0.hasPrefix("Prices are ") })
        #expect(embeddedWords.hasPrefix("Prices are public pay-as-you-go list prices in US dollars for the UK regions, "
            + "converted at 0.75 GBP per USD"), "all in dollars reads as it always has: \(embeddedWords)")
    }

    @Test func aCloudsSizesMustShareOneCurrency() throws {
        var csv = PricingTests.header.dropLast() + ",currency\n"
        csv += "vm,azure,uksouth,a-m2,memory,2,16,,0.1,0.2,,,hour,test,2026,,GBP\n"
        csv += "vm,azure,uksouth,a-m4,memory,4,32,,0.2,0.4,,,hour,test,2026,,\n"
        #expect(throws: PriceCatalogue.CatalogueError.row(3)) { try PriceCatalogue(csv: String(csv)) }
        let euros = PricingTests.header.dropLast() + ",currency\n"
            + "vm,azure,uksouth,a-m2,memory,2,16,,0.1,0.2,,,hour,test,2026,,EUR\n"
        #expect(throws: PriceCatalogue.CatalogueError.row(2)) { try PriceCatalogue(csv: String(euros)) }
    }
}
