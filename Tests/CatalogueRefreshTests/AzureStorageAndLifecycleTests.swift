@testable import CatalogueRefresh
import Assessment
import CloudFirstCore
import Foundation
import Planning
import Testing

/// The Azure storage meters' selection and unit conversion, prices in pounds beside dollars, and the lifecycle
/// catalogue's disagreements column, without the network (the transfers are tested end to end, over TLS on loopback).
@Suite struct AzureStorageAndLifecycleTests {
    static func item(_ product: String, _ meter: String, _ price: Double, unit: String, tier: Double? = nil,
                     type: String = "Consumption", region: String = "uksouth",
                     date: String = "2026-01-01T00:00:00Z") -> AzureRetailPrices.Item {
        AzureRetailPrices.Item(currencyCode: "GBP", retailPrice: price, armRegionName: region, armSkuName: "",
                               productName: product, skuName: meter, unitOfMeasure: unit, type: type,
                               reservationTerm: nil, effectiveStartDate: date, meterName: meter,
                               tierMinimumUnits: tier)
    }

    @Test func everyAzureStorageRowOfTheEmbeddedCatalogueHasAMeter() throws {
        let rows = try CSV.parse(EmbeddedPrices.text).filter { $0.count > 3 && $0[1] == "azure" && $0[0] != "vm" }
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(AzureStorageMeter.meter(kind: row[0], sku: row[3]) != nil, "\(row[0]) \(row[3])")
        }
    }

    @Test func aPerDiskMeterIsDividedByTheDiskSize() throws {
        let meter = try #require(AzureStorageMeter.meter(kind: "storage", sku: "Standard SSD (E30 rate)"))
        #expect(meter.filter(region: "uksouth") == "serviceName eq 'Storage' and armRegionName eq 'uksouth' and "
            + "productName eq 'Standard SSD Managed Disks' and meterName eq 'E30 LRS Disk'")
        let items = [
            Self.item("Standard SSD Managed Disks", "E30 LRS Disk", 61.44, unit: "1/Month"),
            Self.item("Standard SSD Managed Disks", "E30 LRS Disk", 50, unit: "1/Month", date: "2024-01-01T00:00:00Z"),
            Self.item("Standard SSD Managed Disks", "E30 LRS Disk", 1, unit: "1/Month", region: "ukwest"),
            Self.item("Standard SSD Managed Disks", "E30 ZRS Disk", 80, unit: "1/Month"),
            Self.item("Standard SSD Managed Disks", "E30 LRS Disk", 10, unit: "1/Month", type: "Reservation"),
        ]
        let found = try #require(try meter.pricePerGiBMonth(region: "uksouth", items: items, url: "u"))
        #expect(found.price == 61.44 / 1_024, "the newest pay-as-you-go uksouth price over 1,024 GiB")
        #expect(try meter.pricePerGiBMonth(region: "uksouth", items: [], url: "u") == nil)
    }

    @Test func aPerGBMeterTakesItsFirstTierAndAUnitItDoesNotKnowFails() throws {
        let blob = try #require(AzureStorageMeter.meter(kind: "object", sku: "Blob Storage Cool LRS"))
        let items = [
            Self.item("Blob Storage", "Cool LRS Data Stored", 0.0080, unit: "1 GB/Month", tier: 512_000),
            Self.item("Blob Storage", "Cool LRS Data Stored", 0.0100, unit: "1 GB/Month", tier: 0),
            Self.item("Files v2", "Cool LRS Data Stored", 0.0200, unit: "1 GB/Month", tier: 0),
        ]
        #expect(try blob.pricePerGiBMonth(region: "uksouth", items: items, url: "u")?.price == 0.01)
        let hundred = [Self.item("Blob Storage", "Cool LRS Data Stored", 1.5, unit: "100 GB/Month")]
        #expect(try blob.pricePerGiBMonth(region: "uksouth", items: hundred, url: "u")?.price == 0.015)
        let hourly = [Self.item("Blob Storage", "Cool LRS Data Stored", 0.1, unit: "1 Hour")]
        #expect(throws: RefreshError.self) { try blob.pricePerGiBMonth(region: "uksouth", items: hourly, url: "u") }
    }

    @Test func aMoveAcrossCurrenciesIsComparedAtTheStatedRate() {
        var before = [String](repeating: "", count: 17)
        before[3] = "Standard_D2s_v5"
        (before[8], before[9]) = ("0.1", "0.2")
        var after = before
        // 0.1 USD is 0.075 GBP at 0.75: 0.08 is no move, 0.2 GBP is a factor of 2.67 against 0.075.
        (after[8], after[9], after[16]) = ("0.08", "0.4", "GBP")
        let moves = PriceRefresh.moves(from: before, to: after, factor: 1.5)
        #expect(moves == ["Standard_D2s_v5 Windows: USD 0.2 to GBP 0.4 an hour, a factor of 2.67 at 0.75 GBP per USD "
            + "(more than 1.5)"])
    }

    @Test func theCurrencyColumnIsAddedEmptyToACatalogueWithoutIt() throws {
        let rows = PriceRefresh.withCurrencyColumn(try CSV.parse(EmbeddedPrices.text))
        #expect(rows[0] == PriceCatalogue.currencyHeader)
        #expect(rows.dropFirst().allSatisfy { $0 == [""] || ($0.count == 17 && $0[16].isEmpty) })
        #expect(PriceRefresh.withCurrencyColumn(rows) == rows, "a second time adds nothing")
        let catalogue = try PriceCatalogue(csv: PriceRefresh.render(rows))
        #expect(catalogue.vms.count == PriceCatalogue.embedded.vms.count)
        #expect(catalogue.vms.allSatisfy { $0.currency == .usd })
    }

    @Test func lifecycleCyclesAreNamedTheCataloguesWay() {
        #expect(LifecycleRefresh.catalogueCycle("2012-r2") == "2012 R2")
        #expect(LifecycleRefresh.catalogueCycle("22.04") == "22.04")
        #expect(LifecycleRefresh.catalogueCycle("19c") == "19c")
        #expect(LifecycleRefresh.cycleName(LifecycleRefresh.catalogueCycle("2008-r2-sp1")) == "2008-r2-sp1")
    }

    @Test func disagreementsReadAndARowThatDoesNotIsNamed() throws {
        let parsed = try #require(LifecycleDisagreement.parse("extended_end 2023-10-11 (endoflife.date); "
            + "esu_end 2026-10-14 (endoflife.date)"))
        #expect(parsed.map(\.column) == ["extended_end", "esu_end"])
        #expect(parsed[0].date == CalendarDate("2023-10-11"))
        #expect(parsed[0].source == "endoflife.date")
        #expect(parsed[0].text == "extended_end 2023-10-11 (endoflife.date)")
        #expect(LifecycleDisagreement.parse("") == [])
        #expect(LifecycleDisagreement.parse("extended_end soon (endoflife.date)") == nil)
        #expect(LifecycleDisagreement.parse("released 2023-10-11 (endoflife.date)") == nil)
        let header = LifecycleCatalogue.disagreementHeader.joined(separator: ",")
        let good = "os,Windows Server,2012 R2,2013-11-25,2018-10-09,2023-10-10,2026-10-13,s,n,"
            + "extended_end 2023-10-11 (endoflife.date)"
        let catalogue = try LifecycleCatalogue(csv: header + "\n" + good + "\n")
        #expect(catalogue.entries[0].disagreements == [parsed[0]])
        #expect(throws: LifecycleCatalogue.CatalogueError.row(3)) {
            try LifecycleCatalogue(csv: header + "\n" + good + "\n" + good.replacingOccurrences(of: "(endoflife.date)",
                                                                                            with: "endoflife.date") + "\n")
        }
    }
}
