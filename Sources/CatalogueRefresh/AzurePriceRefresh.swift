import CloudFirstCore
import Foundation
import Planning

extension PriceRefresh {
    /// The Azure rows refreshed from the Retail Prices API, in pounds: every VM size, then every storage row the
    /// refresh has a meter for (`AzureStorageMeter`: managed disk, snapshot, Blob). Each refreshed row's `currency`
    /// is GBP; the column is added (empty, US dollars, for every other row) to a catalogue without it. `progress`
    /// hears each size or meter as it is done.
    public func refreshAzure(_ source: AzureRetailPrices,
                             progress: (_ done: Int, _ total: Int, _ item: String) -> Void = { _, _, _ in })
        throws -> Outcome {
        var rows = Self.withCurrencyColumn(try CSV.parse(previousCSV))
        let azure = rows.indices.dropFirst().filter { rows[$0].count > Column.currency
            && rows[$0][Column.cloud] == "azure" }
        let vms = azure.filter { rows[$0][Column.kind] == "vm" }
        let storage = azure.filter {
            AzureStorageMeter.meter(kind: rows[$0][Column.kind], sku: rows[$0][Column.sku]) != nil
        }
        let total = vms.count + storage.count
        let stamp = Self.timestamp(fetchedAt)
        let currency = AzureRetailPrices.currency
        var sources: [String] = []
        var changes: [String] = []
        for (done, index) in vms.enumerated() {
            let (sku, region) = (rows[index][Column.sku], rows[index][Column.region])
            let (items, url) = try source.items(sku: sku, region: region)
            sources.append(url)
            guard let rates = AzureRetailPrices.rates(sku: sku, region: region, items: items) else {
                throw RefreshError(.badResponse, url, "no pay-as-you-go Linux and Windows price for '\(sku)' in "
                    + "'\(region)' (\(items.count) items): a size the catalogue prices would be missing")
            }
            let before = rows[index]
            rows[index][Column.usd] = Self.price(rates.linux)
            rows[index][Column.windows] = Self.price(rates.windows)
            rows[index][Column.oneYear] = rates.oneYear.map(Self.price) ?? ""
            rows[index][Column.threeYear] = rates.threeYear.map(Self.price) ?? ""
            rows[index][Column.source] = "Azure Retail Prices API, \(region), \(currency), Consumption and Reservation "
                + "items for armSkuName '\(sku)' (\(rates.products.joined(separator: " / "))), fetched \(stamp): \(url)"
            rows[index][Column.dataDate] = String(stamp.prefix(10))
            rows[index][Column.note] = "refreshed by cloudfirst catalogue refresh; lower = Linux, higher = Windows; "
                + "1y/3y: Linux Reservation retailPrice over 8,760 and 26,280 hours"
            rows[index][Column.currency] = currency
            changes += Self.moves(from: before, to: rows[index], factor: maxChange)
            progress(done + 1, total, sku)
        }
        for (done, index) in storage.enumerated() {
            let (kind, sku, region) = (rows[index][Column.kind], rows[index][Column.sku], rows[index][Column.region])
            let meter = AzureStorageMeter.meter(kind: kind, sku: sku)!
            let url = source.url(filter: meter.filter(region: region))
            let items = try source.items(from: url)
            sources.append(url)
            guard let (price, item) = try meter.pricePerGiBMonth(region: region, items: items, url: url) else {
                throw RefreshError(.badResponse, url, "no pay-as-you-go price for meter '\(meter.meterName)' of "
                    + "'\(meter.productName)' in '\(region)' (\(items.count) items): the catalogue's '\(sku)' row "
                    + "would be missing")
            }
            let before = rows[index]
            rows[index][Column.usd] = Self.price(price)
            let conversion = meter.diskGiB.map {
                "; \(Self.price(item.retailPrice)) \(currency) a disk-month over \(Self.price($0)) GiB = "
                    + Self.price(price)
            } ?? ""
            rows[index][Column.source] = "Azure Retail Prices API, \(region), \(currency), Storage, \(meter.productName), "
                + "meter \(meter.meterName), \(item.unitOfMeasure)\(conversion), fetched \(stamp): \(url)"
            rows[index][Column.dataDate] = String(stamp.prefix(10))
            rows[index][Column.note] = "refreshed by cloudfirst catalogue refresh; pay as you go, first tier, "
                + "newest effectiveStartDate; transactions and retrieval not included"
            rows[index][Column.currency] = currency
            changes += Self.moves(from: before, to: rows[index], factor: maxChange, unit: "a GB-month")
            progress(vms.count + done + 1, total, meter.meterName)
        }
        let csv = Self.render(rows)
        try Self.check(csv, previous: previousCSV)
        var refreshed = ["azure vm: \(vms.count) rows"]
        if !storage.isEmpty { refreshed.append("azure storage: \(storage.count) rows") }
        let sidecar = Sidecar(catalogue: "prices", fetchedAt: stamp, sources: sources, sha256: SHA256.hex(Array(csv.utf8)),
                              rows: rows.filter { $0 != [""] }.count - 1, refreshed: refreshed, changes: changes,
                              toolVersion: CloudFirstVersion.current)
        return Outcome(csv: csv, sidecar: sidecar)
    }
}
