@testable import CatalogueRefresh
import CloudFirstCore
import Foundation
import Planning
import Testing

/// The refresh's parts that need no network (the hash is CloudFirstCore's, tested there): the Azure item selection,
/// the checks, the cache's folder and its install, and the client's URL and Retry-After rules. The transfers themselves are tested end to end, over TLS
/// on loopback (EndToEndTests/CatalogueCommandTests).
@Suite struct CatalogueRefreshTests {
    static func item(_ type: String, _ product: String, _ sku: String, _ price: Double, term: String? = nil,
                     date: String = "2026-01-01T00:00:00Z", size: String = "Standard_D2s_v5") -> AzureRetailPrices.Item {
        AzureRetailPrices.Item(currencyCode: "USD", retailPrice: price, armRegionName: "uksouth", armSkuName: size,
                               productName: product, skuName: sku, unitOfMeasure: "1 Hour", type: type,
                               reservationTerm: term, effectiveStartDate: date)
    }

    @Test func azureRatesTakePayAsYouGoAndReservationsOnly() throws {
        let items = [
            Self.item("Consumption", "Virtual Machines Dsv5 Series", "D2s v5", 0.10, date: "2025-01-01T00:00:00Z"),
            Self.item("Consumption", "Virtual Machines Dsv5 Series", "D2s v5", 0.12),
            Self.item("Consumption", "Virtual Machines Dsv5 Series Windows", "D2s v5", 0.20),
            Self.item("Consumption", "Virtual Machines Dsv5 Series", "D2s v5 Spot", 0.01),
            Self.item("Consumption", "Virtual Machines Dsv5 Series", "D2s v5 Low Priority", 0.02),
            Self.item("DevTestConsumption", "Virtual Machines Dsv5 Series Windows", "D2s v5", 0.05),
            Self.item("Reservation", "Virtual Machines Dsv5 Series", "D2s v5", 876, term: "1 Year"),
            Self.item("Reservation", "Virtual Machines Dsv5 Series", "D2s v5", 1_314, term: "3 Years"),
            Self.item("Consumption", "Virtual Machines Dsv5 Series", "D4s v5", 0.5, size: "Standard_D4s_v5"),
        ]
        let rates = try #require(AzureRetailPrices.rates(sku: "Standard_D2s_v5", region: "uksouth", items: items))
        #expect(rates.linux == 0.12, "the newest price, not Spot or Low Priority")
        #expect(rates.windows == 0.20, "not the Dev/Test rate")
        #expect(rates.oneYear == 0.1, "876 over 8,760 hours")
        #expect(rates.threeYear == 0.05, "1,314 over 26,280 hours")
        #expect(AzureRetailPrices.rates(sku: "Standard_D2s_v5", region: "ukwest", items: items) == nil)
        #expect(AzureRetailPrices.rates(sku: "Standard_D2s_v5", region: "uksouth", items: Array(items.prefix(2))) == nil,
                "no Windows rate: missing, not guessed")
    }

    @Test func theAzureQueryFiltersOnServiceRegionAndSizeInGBP() {
        let source = AzureRetailPrices(client: HTTPSClient(), base: "https://mirror.example/")
        let url = source.url(sku: "Standard_E4s_v5", region: "uksouth")
        #expect(url.hasPrefix("https://mirror.example/api/retail/prices?currencyCode='GBP'&$filter="))
        let filter = URLComponents(string: url)?.queryItems?.first { $0.name == "$filter" }?.value
        #expect(filter == "serviceName eq 'Virtual Machines' and armRegionName eq 'uksouth' and armSkuName eq "
            + "'Standard_E4s_v5'")
    }

    @Test func movesBeyondTheFactorAreReportedEitherWay() {
        var before = [String](repeating: "", count: 16)
        before[3] = "Standard_D2s_v5"
        (before[8], before[9], before[10], before[11]) = ("0.1", "0.2", "0.08", "0.05")
        var after = before
        (after[8], after[9], after[10], after[11]) = ("0.16", "0.09", "0.08", "")
        let moves = PriceRefresh.moves(from: before, to: after, factor: 1.5)
        #expect(moves.count == 3, "\(moves)")
        #expect(moves[0].hasPrefix("Standard_D2s_v5 Linux: USD 0.1 to 0.16 an hour, a factor of 1.60"))
        #expect(moves[1].hasPrefix("Standard_D2s_v5 Windows: USD 0.2 to 0.09"))
        #expect(moves[2] == "Standard_D2s_v5 3-year: USD 0.05 an hour before, no rate now")
        #expect(PriceRefresh.price(0.068_493_150_68) == "0.068493")
        #expect(PriceRefresh.price(0.5) == "0.5")
    }

    @Test func checkRefusesAMissingRowAndAPriceThatIsNotPositive() throws {
        let embedded = EmbeddedPrices.text
        #expect(throws: Never.self) { try PriceRefresh.check(embedded, previous: embedded) }
        var lines = embedded.components(separatedBy: "\n")
        let removed = lines.remove(at: 5)
        let short = lines.joined(separator: "\n")
        #expect(throws: RefreshError.self) { try PriceRefresh.check(short, previous: embedded) }
        do {
            try PriceRefresh.check(short, previous: short)
            Issue.record("a row the embedded catalogue prices is missing")
        } catch let error as RefreshError {
            #expect(error.problem.contains("missing what the embedded catalogue prices"))
            #expect(error.problem.contains(removed.components(separatedBy: ",")[3]))
        }
        lines = embedded.components(separatedBy: "\n")
        lines[1] = lines[1].replacingOccurrences(of: ",0.111,", with: ",0,")
        do {
            try PriceRefresh.check(lines.joined(separator: "\n"), previous: embedded)
            Issue.record("a price of 0 passed")
        } catch let error as RefreshError {
            #expect(error.problem.hasPrefix("line 2 does not parse"))
            #expect(error.exitStatus == .invalidInput)
        }
    }

    @Test func onlyHTTPSIsFetchedAndARedirectToHTTPIsRefused() throws {
        #expect(try HTTPSClient.checkedHTTPS("https://prices.azure.com/api", from: nil) == "https://prices.azure.com/api")
        #expect(throws: RefreshError(.badResponse, "http://prices.azure.com", "only https URLs are fetched")) {
            try HTTPSClient.checkedHTTPS("http://prices.azure.com", from: nil)
        }
        #expect(throws: RefreshError(.badResponse, "https://a.example/x",
                                     "redirects to 'http://a.example/x', which is not https: refused")) {
            try HTTPSClient.checkedHTTPS("http://a.example/x", from: "https://a.example/x")
        }
    }

    @Test func retryAfterIsSecondsOrAnHTTPDate() {
        #expect(HTTPSClient.retryAfter("120") == 120)
        #expect(HTTPSClient.retryAfter(" 0 ") == 0)
        #expect(HTTPSClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT") == 0, "a date passed waits no longer")
        let soon = HTTPSClient.retryAfter(Self.httpDate(Date().addingTimeInterval(30))) ?? -1
        #expect(soon > 25 && soon <= 30)
        #expect(HTTPSClient.retryAfter("soon") == nil)
    }

    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    @Test func theCacheIsTheUsersUnlessOneIsNamed() {
        #if !os(macOS)
        #expect(CatalogueCache.defaultFolder(environment: ["HOME": "/home/a", "XDG_CACHE_HOME": "/var/cache/a"])
            == "/var/cache/a/cloudfirst")
        #expect(CatalogueCache.defaultFolder(environment: ["HOME": "/home/a"]) == "/home/a/.cache/cloudfirst")
        #expect(CatalogueCache.defaultFolder(environment: ["HOME": "/home/a", "XDG_CACHE_HOME": "relative"])
            == "/home/a/.cache/cloudfirst", "the specification ignores a relative XDG_CACHE_HOME")
        #endif
        #expect(CatalogueCache(option: "/tmp/named", environment: [:]).folder == "/tmp/named")
    }

    @Test func installWritesTheCatalogueAndItsRecordAndLeavesNoTemporaryFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cloudfirst-cache-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = CatalogueCache(folder: folder + "/nested")
        let csv = EmbeddedPrices.text
        let sidecar = Sidecar(catalogue: "prices", fetchedAt: "2026-12-07T10:00:00Z", sources: ["https://a.example/p"],
                              sha256: SHA256.hex(Array(csv.utf8)), rows: 1, refreshed: ["azure vm: 0 rows"],
                              changes: [], toolVersion: "0")
        try cache.install(.prices, csv: csv, sidecar: sidecar)
        #expect(FileManager.default.contents(atPath: cache.path(.prices)) == Data(csv.utf8))
        #expect(cache.sidecar(.prices) == sidecar)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.folder).sorted() == ["prices.csv", "prices.json"])
        let prices = try cache.prices()
        #expect(prices.provenance?.contains("refreshed at 2026-12-07T10:00:00Z") == true)
        #expect(prices.provenance?.contains("https://a.example/p") == true)
        #expect(PriceCatalogue.embedded.provenance == nil)
    }

    @Test func lifecycleCyclesAreMatchedByEndOfLifeDatesNames() {
        #expect(LifecycleRefresh.cycleName("2012 R2") == "2012-r2")
        #expect(LifecycleRefresh.cycleName("19c") == "19c")
    }
}
