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

/// The lifecycle catalogue merged with endoflife.date: every row is kept with its own dates and NHS notes; a date
/// endoflife.date gives where the row has none is filled in; a date on which the two disagree keeps the row's and
/// records endoflife.date's in the row's `disagreements` column (which the assessment's findings quote), its note and
/// the refresh's report, for a person to review. A release endoflife.date lists that the catalogue does not is added
/// for the products the catalogue's rows are kept against (`mergedProducts`), marked as from endoflife.date alone.
public struct LifecycleRefresh: Sendable {
    public struct Outcome: Sendable {
        public let csv: String
        public let sidecar: Sidecar
    }

    public let previousCSV: String
    public let fetchedAt: Date

    /// The products whose releases missing from the catalogue are added from endoflife.date: the operating systems
    /// and databases an NHS estate runs most (the issue's list); other products' rows are compared only.
    public static let mergedProducts: Set<String> = [
        "Windows Server", "SQL Server", "Red Hat Enterprise Linux", "CentOS", "Ubuntu", "Oracle Database",
        "PostgreSQL", "MySQL",
    ]

    public init(previousCSV: String, fetchedAt: Date = Date()) {
        self.previousCSV = previousCSV
        self.fetchedAt = fetchedAt
    }

    /// endoflife.date's name for a catalogue cycle: lower case, spaces as hyphens ("2012 R2" is "2012-r2").
    static func cycleName(_ cycle: String) -> String {
        cycle.lowercased().replacingOccurrences(of: " ", with: "-")
    }

    /// The catalogue's name for an endoflife.date cycle: hyphens as spaces, a release suffix such as "r2" in capitals
    /// ("2012-r2" is "2012 R2").
    static func catalogueCycle(_ name: String) -> String {
        name.split(separator: "-").map { part in
            part.count <= 3 && part.first?.isLetter == true ? part.uppercased() : String(part)
        }.joined(separator: " ")
    }

    /// The note a refresh adds to a row, in brackets after the row's own: removed before the next refresh adds its own.
    static let notePrefix = " [endoflife.date, "

    public func refresh(_ source: EndOfLifeDate,
                        progress: (_ done: Int, _ total: Int, _ product: String) -> Void = { _, _, _ in }) throws
        -> Outcome {
        var rows = try CSV.parse(previousCSV).filter { $0 != [""] }
        if rows.first == LifecycleCatalogue.header {
            rows = [LifecycleCatalogue.disagreementHeader] + rows.dropFirst().map { $0 + [""] }
        }
        guard rows.first == LifecycleCatalogue.disagreementHeader, rows.allSatisfy({ $0.count == 10 }) else {
            throw RefreshError(.badResponse, "the previous lifecycle catalogue", "its header is not the catalogue's")
        }
        let previousCount = rows.count
        let stamp = PriceRefresh.timestamp(fetchedAt)
        let day = String(stamp.prefix(10))
        let products = rows.dropFirst().map { $0[1] }.uniqued().filter { EndOfLifeDate.products[$0] != nil }
        var sources: [String] = [], changes: [String] = []
        var (compared, agreed, disagreed, filled, added, absent) = (0, 0, 0, 0, 0, [String]())
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
            var known = Set<String>()
            for index in rows.indices.dropFirst() where rows[index][1] == product {
                known.insert(Self.cycleName(rows[index][2]))
                guard let release = byName[Self.cycleName(rows[index][2])] else { continue }
                compared += 1
                // What an earlier refresh recorded is replaced by what this one finds.
                if rows[index][8].hasPrefix(Self.notePrefix.dropFirst()) {
                    rows[index][8] = ""
                } else if let earlier = rows[index][8].range(of: Self.notePrefix) {
                    rows[index][8].removeSubrange(earlier.lowerBound...)
                }
                rows[index][9] = ""
                var notes: [String] = [], disagreements: [String] = []
                let columns: [(Int, String, String?)] = [(4, "mainstream_end", release.eoasFrom),
                                                         (5, "extended_end", release.eolFrom),
                                                         (6, "esu_end", release.eoesFrom)]
                for (column, name, fetched) in columns {
                    guard let fetched, let date = CalendarDate(fetched) else { continue }
                    let mine = rows[index][column]
                    if mine.isEmpty {
                        rows[index][column] = fetched
                        filled += 1
                        notes.append("\(name) \(fetched) filled in from endoflife.date")
                        changes.append("\(product) \(rows[index][2]): \(name) \(fetched) filled in from endoflife.date")
                    } else if mine != fetched {
                        disagreements.append(LifecycleDisagreement(column: name, date: date, source: "endoflife.date").text)
                        notes.append("endoflife.date gives \(name) \(fetched), this row \(mine) (kept; review)")
                        changes.append("\(product) \(rows[index][2]): \(name) is \(mine) here, \(fetched) on "
                            + "endoflife.date (kept \(mine); review)")
                    }
                }
                if disagreements.isEmpty { agreed += 1 } else { disagreed += 1 }
                rows[index][9] = disagreements.joined(separator: "; ")
                if !notes.isEmpty {
                    rows[index][8] += (rows[index][8].isEmpty ? "[endoflife.date, " : Self.notePrefix) + "\(day): "
                        + notes.joined(separator: "; ") + "]"
                    if !rows[index][7].components(separatedBy: ";").contains(url) { rows[index][7] += ";" + url }
                }
            }
            if Self.mergedProducts.contains(product),
               let kind = rows.dropFirst().first(where: { $0[1] == product })?[0] {
                for release in releases where !known.contains(Self.cycleName(release.name)) {
                    let dates = [release.releaseDate, release.eoasFrom, release.eolFrom, release.eoesFrom]
                        .map { $0.flatMap { CalendarDate($0) == nil ? nil : $0 } ?? "" }
                    guard !dates[1...].allSatisfy(\.isEmpty) else { continue }
                    let cycle = Self.catalogueCycle(release.name)
                    known.insert(Self.cycleName(release.name))
                    rows.append([kind, product, cycle] + dates + [url, "added from endoflife.date on \(day): no "
                        + "reviewed catalogue row (no NHS note); review", ""])
                    added += 1
                    changes.append("\(product) \(cycle): added from endoflife.date (not in the catalogue)")
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
        guard rows.count == previousCount + added else {
            throw RefreshError(.badResponse, "the refreshed lifecycle catalogue", "\(rows.count - 1) rows where the "
                + "previous catalogue has \(previousCount - 1) and \(added) were added")
        }
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        let summary = "endoflife.date: \(count(products.count - absent.count, "product", "products")), "
            + "\(count(compared, "row", "rows")) compared, \(agreed) agree, \(disagreed) disagree (kept and noted), "
            + "\(count(filled, "date", "dates")) filled in, \(count(added, "release", "releases")) added"
        let sidecar = Sidecar(catalogue: "lifecycle", fetchedAt: stamp, sources: sources,
                              sha256: SHA256.hex(Array(csv.utf8)), rows: rows.count - 1, refreshed: [summary],
                              changes: changes, toolVersion: CloudFirstVersion.current)
        return Outcome(csv: csv, sidecar: sidecar)
    }
}
