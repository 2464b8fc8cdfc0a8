import Assessment
import CloudFirstCore
import Foundation

/// endoflife.date's public API, version 1 (endoflife.date/docs/api/v1, in beta as of 2026): `GET
/// /api/v1/products/{product}/` answers `{"schema_version", "generated_at", "result": {"name", "label", "releases":
/// [...]}}`, each release with `name` (the cycle, e.g. "2012-r2", "8", "16"), `releaseDate`, `eoasFrom` (end of
/// active support), `eolFrom` (end of life: the end of security support) and `eoesFrom` (end of extended, paid
/// support), each a YYYY-MM-DD date or null.
public struct EndOfLifeDate: Sendable {
    public static let defaultBase = "https://endoflife.date"

    /// The catalogue's products and endoflife.date's names for them (its product pages' addresses).
    public static let products: [String: String] = [
        "Windows Server": "windows-server", "SQL Server": "mssqlserver", "Red Hat Enterprise Linux": "rhel",
        "CentOS": "centos", "CentOS Stream": "centos-stream", "Ubuntu": "ubuntu", "Debian": "debian",
        "SUSE Linux Enterprise Server": "sles", "Oracle Linux": "oracle-linux", "Oracle Database": "oracle-database",
        "PostgreSQL": "postgresql", "MySQL": "mysql", "PHP": "php", "Python": "python", "Drupal": "drupal",
        ".NET Framework": "dotnetfx", "Citrix Virtual Apps and Desktops": "citrix-vad",
    ]

    public struct Response: Decodable, Sendable {
        public let result: Product
    }

    public struct Product: Decodable, Sendable {
        public let name: String
        public let releases: [Release]
    }

    public struct Release: Decodable, Sendable, Equatable {
        public let name: String
        public let releaseDate: String?
        public let eoasFrom: String?
        public let eolFrom: String?
        public let eoesFrom: String?

        public init(name: String, releaseDate: String? = nil, eoasFrom: String? = nil, eolFrom: String? = nil,
                    eoesFrom: String? = nil) {
            (self.name, self.releaseDate, self.eoasFrom, self.eolFrom, self.eoesFrom) =
                (name, releaseDate, eoasFrom, eolFrom, eoesFrom)
        }
    }

    public let client: HTTPSClient
    public let base: String

    public init(client: HTTPSClient, base: String = Self.defaultBase) {
        self.client = client
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
    }

    public func url(product: String) -> String { base + "/api/v1/products/\(product)/" }

    public func releases(product: String) throws -> [Release] {
        let url = url(product: product)
        return try SourceJSON.decode(Response.self, from: try client.get(url), url: url).result.releases
    }
}

/// The lifecycle catalogue checked against endoflife.date: every row is kept with its own dates and NHS notes; a
/// date endoflife.date gives where the row has none is filled in, and a date on which the two disagree keeps the
/// row's and records endoflife.date's in the row's note and in the refresh's report, for a person to review. A
/// release endoflife.date lists that the catalogue does not is not added: its names for cycles are not the
/// catalogue's, and a row the assessment reads must be reviewed first.
public struct LifecycleRefresh: Sendable {
    public struct Outcome: Sendable {
        public let csv: String
        public let sidecar: Sidecar
    }

    public let previousCSV: String
    public let fetchedAt: Date

    public init(previousCSV: String, fetchedAt: Date = Date()) {
        self.previousCSV = previousCSV
        self.fetchedAt = fetchedAt
    }

    /// endoflife.date's name for a catalogue cycle: lower case, spaces as hyphens ("2012 R2" is "2012-r2").
    static func cycleName(_ cycle: String) -> String {
        cycle.lowercased().replacingOccurrences(of: " ", with: "-")
    }

    public func refresh(_ source: EndOfLifeDate,
                        progress: (_ done: Int, _ total: Int, _ product: String) -> Void = { _, _, _ in }) throws
        -> Outcome {
        var rows = try CSV.parse(previousCSV).filter { $0 != [""] }
        guard rows.first == LifecycleCatalogue.header else {
            throw RefreshError(.badResponse, "the previous lifecycle catalogue", "its header is not the catalogue's")
        }
        let stamp = PriceRefresh.timestamp(fetchedAt)
        let day = String(stamp.prefix(10))
        let products = rows.dropFirst().map { $0[1] }.uniqued().filter { EndOfLifeDate.products[$0] != nil }
        var sources: [String] = [], changes: [String] = []
        var (compared, agreed, disagreed, filled, absent) = (0, 0, 0, 0, [String]())
        for (done, product) in products.enumerated() {
            let slug = EndOfLifeDate.products[product]!
            let url = source.url(product: slug)
            let releases: [EndOfLifeDate.Release]
            do {
                releases = try source.releases(product: slug)
            } catch let error as RefreshError where error.status == 404 {
                absent.append(product)
                changes.append("\(product): endoflife.date has no product '\(slug)' (HTTP 404); its rows are unchanged")
                continue
            }
            sources.append(url)
            let byName = Dictionary(releases.map { (Self.cycleName($0.name), $0) }, uniquingKeysWith: { first, _ in first })
            for index in rows.indices.dropFirst() where rows[index][1] == product {
                guard let release = byName[Self.cycleName(rows[index][2])] else { continue }
                compared += 1
                var notes: [String] = []
                let columns: [(Int, String, String?)] = [(4, "mainstream_end", release.eoasFrom),
                                                         (5, "extended_end", release.eolFrom),
                                                         (6, "esu_end", release.eoesFrom)]
                var rowDisagrees = false
                for (column, name, fetched) in columns {
                    guard let fetched, CalendarDate(fetched) != nil else { continue }
                    let mine = rows[index][column]
                    if mine.isEmpty {
                        rows[index][column] = fetched
                        filled += 1
                        notes.append("\(name) \(fetched) filled in from endoflife.date")
                        changes.append("\(product) \(rows[index][2]): \(name) \(fetched) filled in from endoflife.date")
                    } else if mine != fetched {
                        rowDisagrees = true
                        notes.append("endoflife.date gives \(name) \(fetched), this row \(mine) (kept; review)")
                        changes.append("\(product) \(rows[index][2]): \(name) is \(mine) here, \(fetched) on "
                            + "endoflife.date (kept \(mine); review)")
                    }
                }
                if rowDisagrees { disagreed += 1 } else { agreed += 1 }
                if !notes.isEmpty {
                    rows[index][8] += (rows[index][8].isEmpty ? "" : " ") + "[endoflife.date, \(day): "
                        + notes.joined(separator: "; ") + "]"
                    rows[index][7] += ";" + url
                }
            }
            progress(done + 1, products.count, product)
        }
        let csv = PriceRefresh.render(rows)
        do {
            _ = try LifecycleCatalogue(csv: csv)
        } catch {
            throw RefreshError(.badResponse, "the refreshed lifecycle catalogue", "does not parse: \(error)")
        }
        let previousCount = try CSV.parse(previousCSV).filter { $0 != [""] }.count
        guard rows.count == previousCount else {
            throw RefreshError(.badResponse, "the refreshed lifecycle catalogue", "\(rows.count - 1) rows where the "
                + "previous catalogue has \(previousCount - 1)")
        }
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        let summary = "endoflife.date: \(count(products.count - absent.count, "product", "products")), "
            + "\(count(compared, "row", "rows")) compared, \(agreed) agree, \(disagreed) disagree (kept and noted), "
            + "\(count(filled, "date", "dates")) filled in"
        let sidecar = Sidecar(catalogue: "lifecycle", fetchedAt: stamp, sources: sources,
                              sha256: SHA256.hex(Array(csv.utf8)), rows: rows.count - 1, refreshed: [summary],
                              changes: changes, toolVersion: CloudFirstVersion.current)
        return Outcome(csv: csv, sidecar: sidecar)
    }
}
