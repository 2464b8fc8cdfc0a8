import Foundation

/// Azure's public Retail Prices API (Microsoft Learn, "Azure Retail Prices overview", learn.microsoft.com/rest/api/
/// cost-management/retail-prices/azure-retail-prices): no key; an OData `$filter` on fields such as `armRegionName`,
/// `serviceName`, `armSkuName` and `priceType`; a JSON page `{"BillingCurrency", "CustomerEntityId",
/// "CustomerEntityType", "Items": [...], "NextPageLink", "Count"}` whose `NextPageLink` is the next page's URL, null
/// on the last. Each item has `currencyCode`, `retailPrice`, `unitPrice`, `armRegionName`, `armSkuName`,
/// `productName`, `skuName`, `serviceName`, `unitOfMeasure`, `type` (`Consumption`, `DevTestConsumption`,
/// `Reservation`), `reservationTerm` for reservations ("1 Year", "3 Years", priced for the whole term), and
/// `effectiveStartDate`.
///
/// Prices are asked for in pounds (`currencyCode='GBP'`), as the same page documents for any of its listed
/// currencies, so that a plan prices Azure as a UK customer is billed without converting at a stated rate; the
/// catalogue records the currency of each row (its `currency` column) and the plan converts only the rows in US
/// dollars. The page says USD is the currency Microsoft prices Azure in and that other currencies' prices are "for
/// your reference": Microsoft's own conversion, refreshed with the catalogue.
public struct AzureRetailPrices: Sendable {
    public static let defaultBase = "https://prices.azure.com"
    public static let path = "/api/retail/prices"
    /// Hours in a one- and a three-year reservation: 365 and 3 x 365 days, as the embedded rows divide by.
    static let hoursPerYear = 8_760.0
    /// Pages read for one query at most: a query for one size and region is one or two pages; more is a loop.
    static let maxPages = 50

    public struct Page: Decodable, Sendable {
        public let items: [Item]
        public let nextPageLink: String?

        enum CodingKeys: String, CodingKey {
            case items = "Items", nextPageLink = "NextPageLink"
        }
    }

    /// The currency asked for, and that every item must be in.
    public static let currency = "GBP"

    public struct Item: Decodable, Sendable, Equatable {
        public let currencyCode: String
        public let retailPrice: Double
        public let armRegionName: String
        public let armSkuName: String
        public let productName: String
        public let skuName: String
        public let unitOfMeasure: String
        public let type: String
        public let reservationTerm: String?
        public let effectiveStartDate: String?
        /// The meter, e.g. "E30 LRS Disk", "LRS Snapshots", "Cool LRS Data Stored".
        public var meterName: String? = nil
        /// The least quantity a tiered price applies from (0 for the first tier).
        public var tierMinimumUnits: Double? = nil
    }

    /// The hourly rates (in `currency`) of one size: Linux and Windows on demand, and Linux reserved for one and three years
    /// (nil when Azure lists no reservation for it).
    public struct Rates: Sendable, Equatable {
        public var linux: Double
        public var windows: Double
        public var oneYear: Double?
        public var threeYear: Double?
        /// The product names the rates came from, for the row's note.
        public var products: [String]
    }

    public let client: HTTPSClient
    public let base: String

    public init(client: HTTPSClient, base: String = Self.defaultBase) {
        self.client = client
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
    }

    /// The first page's URL for one size in one region: every price type, in pounds.
    public func url(sku: String, region: String) -> String {
        url(filter: "serviceName eq 'Virtual Machines' and armRegionName eq '\(region)' and armSkuName eq '\(sku)'")
    }

    /// The first page's URL for an OData `$filter`, in pounds.
    public func url(filter: String) -> String {
        var components = URLComponents(string: base + Self.path)!
        components.queryItems = [
            URLQueryItem(name: "currencyCode", value: "'\(Self.currency)'"),
            URLQueryItem(name: "$filter", value: filter),
        ]
        return components.url!.absoluteString
    }

    /// Every item for one size, following NextPageLink to the last page.
    public func items(sku: String, region: String) throws -> (items: [Item], url: String) {
        let first = url(sku: sku, region: region)
        return (try items(from: first), first)
    }

    /// Every item a query answers, from its first page's URL, following NextPageLink to the last page; an item in
    /// another currency than the one asked for fails the refresh.
    public func items(from first: String) throws -> [Item] {
        var next: String? = first
        var items: [Item] = []
        var pages = 0
        while let url = next {
            pages += 1
            guard pages <= Self.maxPages else {
                throw RefreshError(.badResponse, first, "more than \(Self.maxPages) pages: NextPageLink does not end")
            }
            let page = try SourceJSON.decode(Page.self, from: try client.get(url), url: url)
            for item in page.items where item.currencyCode != Self.currency {
                throw RefreshError(.badResponse, url, "an item priced in '\(item.currencyCode)', not the "
                    + "\(Self.currency) asked for")
            }
            items += page.items
            next = page.nextPageLink.flatMap { $0.isEmpty ? nil : $0 }
        }
        return items
    }

    /// The rates one size's items give: pay-as-you-go Linux and Windows (not Spot, not Low Priority, not Dev/Test)
    /// and Linux reservations as hourly rates; nil when either on-demand rate is missing.
    public static func rates(sku: String, region: String, items: [Item]) -> Rates? {
        let mine = items.filter {
            $0.armSkuName == sku && $0.armRegionName == region && $0.retailPrice > 0
                && !$0.skuName.contains("Spot") && !$0.skuName.contains("Low Priority")
        }
        func latest(_ candidates: [Item]) -> Item? {
            // The newest effective price; of two from the same date, the lower (a second meter for the same size).
            candidates.max { left, right in
                let (l, r) = (left.effectiveStartDate ?? "", right.effectiveStartDate ?? "")
                return l != r ? l < r : left.retailPrice > right.retailPrice
            }
        }
        let hourly = mine.filter { $0.type == "Consumption" && $0.unitOfMeasure == "1 Hour" }
        let windows = latest(hourly.filter { $0.productName.hasSuffix("Windows") })
        guard let linux = latest(hourly.filter { !$0.productName.contains("Windows") }), let windows else { return nil }
        let reserved = mine.filter { $0.type == "Reservation" && !$0.productName.contains("Windows") }
        let oneYear = latest(reserved.filter { $0.reservationTerm == "1 Year" })
        let threeYear = latest(reserved.filter { $0.reservationTerm == "3 Years" })
        return Rates(linux: linux.retailPrice, windows: windows.retailPrice,
                     oneYear: oneYear.map { $0.retailPrice / hoursPerYear },
                     threeYear: threeYear.map { $0.retailPrice / (3 * hoursPerYear) },
                     products: [linux.productName, windows.productName].uniqued())
    }
}

/// Reading a source's JSON: not JSON at all and JSON of the wrong shape are told apart, each naming the URL.
enum SourceJSON {
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, url: String) throws -> T {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let start = String(decoding: data.prefix(60), as: UTF8.self)
            throw RefreshError(.badResponse, url, "the response is not JSON (\(data.count) bytes, beginning "
                + "\"\(start.replacingOccurrences(of: "\n", with: " "))\")")
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw RefreshError(.badResponse, url, "JSON of the wrong shape: no '\(key.stringValue)' at "
                + path(context.codingPath))
        } catch let DecodingError.typeMismatch(expected, context) {
            throw RefreshError(.badResponse, url, "JSON of the wrong shape: \(path(context.codingPath)) is not "
                + "\(Self.name(of: expected))")
        } catch let DecodingError.valueNotFound(expected, context) {
            throw RefreshError(.badResponse, url, "JSON of the wrong shape: \(path(context.codingPath)) is null, not "
                + Self.name(of: expected))
        } catch {
            throw RefreshError(.badResponse, url, "JSON of the wrong shape: \(error)")
        }
    }

    static func path(_ codingPath: [CodingKey]) -> String {
        codingPath.isEmpty ? "the top level" : codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }
            .joined()
    }

    static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Double.Type, is Int.Type: "a number"
        case is Bool.Type: "true or false"
        default: type is any Collection.Type ? "an array" : "an object"
        }
    }
}
