import Foundation

/// The Azure storage rows the catalogue holds, each priced from one Retail Prices API query (Microsoft Learn, "Azure
/// Retail Prices REST API", learn.microsoft.com/rest/api/cost-management/retail-prices/azure-retail-prices, read
/// December 2026): `serviceName eq 'Storage'`, the region, and the product and meter named in the row's source.
/// Managed disks are billed per disk a month by their size tier (unit `1/Month`); snapshots and Blob data per GB a
/// month (`1 GB/Month`; a GiB as Azure bills disks, Microsoft Learn, "Understand Azure Disk Storage billing").
public struct AzureStorageMeter: Sendable, Equatable {
    /// The catalogue row's kind (`storage`, `backup`, `object`) and SKU, as the embedded catalogue names them.
    public let kind: String
    public let sku: String
    public let productName: String
    public let meterName: String
    /// For a per-disk meter, the disk's size in GiB: the month's price over it is the GiB-month rate, as the
    /// embedded row's note does (76.80 / 1,024).
    public let diskGiB: Double?

    /// The rows refreshed, by kind and SKU. A Standard SSD E30 disk is 1,024 GiB (Microsoft Learn, "Azure managed disk
    /// types", Standard SSD sizes table). Azure Files is not here: the catalogue has no file-service price for any
    /// cloud yet, so the plan leaves file shares unpriced and says so.
    public static let catalogued: [AzureStorageMeter] = [
        AzureStorageMeter(kind: "storage", sku: "Standard SSD (E30 rate)", productName: "Standard SSD Managed Disks",
                          meterName: "E30 LRS Disk", diskGiB: 1_024),
        AzureStorageMeter(kind: "backup", sku: "Managed disk incremental snapshot (Standard HDD snapshot meter)",
                          productName: "Standard HDD Managed Disks", meterName: "LRS Snapshots", diskGiB: nil),
        AzureStorageMeter(kind: "object", sku: "Blob Storage Cool LRS", productName: "Blob Storage",
                          meterName: "Cool LRS Data Stored", diskGiB: nil),
    ]

    /// The meter for a catalogue row, or nil when the refresh has no query for it.
    public static func meter(kind: String, sku: String) -> AzureStorageMeter? {
        catalogued.first { $0.kind == kind && $0.sku == sku }
    }

    public func filter(region: String) -> String {
        "serviceName eq 'Storage' and armRegionName eq '\(region)' and productName eq '\(productName)' "
            + "and meterName eq '\(meterName)'"
    }

    /// The price a GiB-month from a query's items: pay as you go (`Consumption`), this product and meter in this
    /// region, its first tier (the lowest `tierMinimumUnits`: what the first GB cost), the newest effective price;
    /// nil when none is there. A unit the meter does not state as documented fails with the reason.
    public func pricePerGiBMonth(region: String, items: [AzureRetailPrices.Item], url: String) throws
        -> (price: Double, item: AzureRetailPrices.Item)? {
        let mine = items.filter {
            $0.type == "Consumption" && $0.productName == productName && $0.meterName == meterName
                && $0.armRegionName == region && $0.retailPrice > 0
        }
        guard let firstTier = mine.map({ $0.tierMinimumUnits ?? 0 }).min() else { return nil }
        let chosen = mine.filter { ($0.tierMinimumUnits ?? 0) == firstTier }.max { left, right in
            (left.effectiveStartDate ?? "", right.retailPrice) < (right.effectiveStartDate ?? "", left.retailPrice)
        }!
        return (try perGiBMonth(chosen, url: url), chosen)
    }

    /// One item's price a GiB-month: `N GB/Month` divided by N, `1/Month` (a disk) by the disk's size.
    func perGiBMonth(_ item: AzureRetailPrices.Item, url: String) throws -> Double {
        let unit = item.unitOfMeasure.trimmingCharacters(in: .whitespaces)
        if unit.hasSuffix(" GB/Month"), let amount = Double(unit.dropLast(" GB/Month".count)), amount > 0 {
            return item.retailPrice / amount
        }
        if unit == "1/Month", let diskGiB {
            return item.retailPrice / diskGiB
        }
        throw RefreshError(.badResponse, url, "meter '\(meterName)' is priced per '\(item.unitOfMeasure)', not the "
            + (diskGiB == nil ? "'1 GB/Month'" : "'1/Month' (a disk a month)") + " the catalogue's row is converted from")
    }
}
