import CloudFirstCore
import Foundation
import Planning

/// A refreshed price catalogue, made and checked before anything is written: the previous catalogue's rows (the
/// refreshed one in the cache, else the embedded one) with the refreshed source's rows replaced, in the embedded
/// catalogue's own format, so that one reader reads both.
public struct PriceRefresh: Sendable {
    public struct Outcome: Sendable {
        public let csv: String
        public let sidecar: Sidecar
    }

    /// The columns this refresh writes, by the header's names.
    enum Column {
        static let kind = 0, cloud = 1, region = 2, sku = 3, usd = 8, windows = 9, oneYear = 10, threeYear = 11
        static let source = 13, dataDate = 14, note = 15
        /// Present once a refresh has priced a row in another currency than US dollars: empty means USD.
        static let currency = 16
    }

    /// The default factor a price may move by before the refresh reports it: the project's own judgement (list prices
    /// move by a few per cent a year; a factor of 1.5 is a unit or currency mistake more often than a real change).
    public static let defaultMaxChange = 1.5

    public let previousCSV: String
    public let maxChange: Double
    public let fetchedAt: Date

    public init(previousCSV: String, maxChange: Double = Self.defaultMaxChange, fetchedAt: Date = Date()) {
        self.previousCSV = previousCSV
        self.maxChange = maxChange
        self.fetchedAt = fetchedAt
    }

    /// The checks a new catalogue passes before it is written: every row parses as the embedded catalogue's do
    /// (a positive price, a source and a date on each), it has as many rows as the previous one, and every size,
    /// licence, discount and storage row the embedded catalogue prices is still there.
    @discardableResult
    public static func check(_ csv: String, previous: String) throws -> PriceCatalogue {
        let subject = "the refreshed price catalogue"
        let catalogue: PriceCatalogue
        do {
            catalogue = try PriceCatalogue(csv: csv)
        } catch PriceCatalogue.CatalogueError.row(let line) {
            throw RefreshError(.badResponse, subject, "line \(line) does not parse (a price that is not positive, "
                + "a commitment rate above the on-demand one, or a Windows rate below the Linux one)")
        } catch {
            throw RefreshError(.badResponse, subject, "does not parse: \(error)")
        }
        let rows = try CSV.parse(csv).filter { $0 != [""] }
        let previousRows = try CSV.parse(previous).filter { $0 != [""] }
        guard rows.count == previousRows.count else {
            throw RefreshError(.badResponse, subject, "\(rows.count - 1) rows where the previous catalogue has "
                + "\(previousRows.count - 1)")
        }
        let have = Set(rows.dropFirst().map(Self.key))
        let missing = try CSV.parse(EmbeddedPrices.text).dropFirst().filter { $0 != [""] }.map(Self.key)
            .filter { !have.contains($0) }
        guard missing.isEmpty else {
            throw RefreshError(.badResponse, subject, "missing what the embedded catalogue prices: "
                + missing.prefix(5).joined(separator: ", "))
        }
        return catalogue
    }

    /// A row's identity: kind, cloud, region, SKU and band.
    static func key(_ row: [String]) -> String {
        row.count > 5 ? "\(row[0]) \(row[1]) \(row[2]) \(row[3])\(row[5].isEmpty ? "" : " (\(row[5]) vCPUs)")" : row.joined()
    }

    /// A sentence for each price that moved by more than `factor` either way. A row whose currency changed (US
    /// dollars to pounds) is compared at the default rate (assumptions.gbp_per_usd), which the sentence names.
    static func moves(from before: [String], to after: [String], factor: Double, unit: String = "an hour")
        -> [String] {
        let columns = [(Column.usd, "Linux"), (Column.windows, "Windows"), (Column.oneYear, "1-year"),
                       (Column.threeYear, "3-year")]
        let (was, now) = (currency(of: before), currency(of: after))
        let rate = Assumptions().gbpPerUSD
        // The old price in the new one's currency.
        let toNow = was == now ? 1 : (now == "GBP" ? rate : 1 / rate)
        let at = was == now ? "" : " at \(price(rate)) GBP per USD"
        return columns.compactMap { column, name in
            let (old, new) = (Double(before[column]), Double(after[column]))
            switch (old, new) {
            case let (old?, new?) where old > 0 && (new / (old * toNow) > factor || old * toNow / new > factor):
                return "\(after[Column.sku]) \(name): \(was) \(before[column]) to \(was == now ? "" : now + " ")"
                    + "\(after[column]) \(unit), a "
                    + "factor of " + String(format: "%.2f", new / (old * toNow)) + "\(at) (more than \(factor))"
            case (_?, nil):
                return "\(after[Column.sku]) \(name): \(was) \(before[column]) \(unit) before, no rate now"
            default:
                return nil
            }
        }
    }

    /// A row's currency: its `currency` column, USD when empty or absent.
    static func currency(of row: [String]) -> String {
        row.count > Column.currency && !row[Column.currency].isEmpty ? row[Column.currency] : "USD"
    }

    /// The rows with a `currency` column, added empty (US dollars) to a catalogue without one.
    static func withCurrencyColumn(_ rows: [[String]]) -> [[String]] {
        guard let header = rows.first, header.count == Column.currency else { return rows }
        return [header + ["currency"]] + rows.dropFirst().map { $0 == [""] ? $0 : $0 + [""] }
    }

    /// A price as the catalogue writes it: up to six decimals, no trailing zeros.
    static func price(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The rows as RFC 4180 with LF line ends, as the embedded file has them.
    static func render(_ rows: [[String]]) -> String {
        CSV.render(rows.filter { $0 != [""] }).replacingOccurrences(of: "\r\n", with: "\n")
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
