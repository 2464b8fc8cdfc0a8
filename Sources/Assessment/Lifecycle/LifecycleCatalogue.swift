import CloudFirstCore
import Foundation

/// One release of an operating system, database or application (middleware included) and the ends of its support.
/// A class with immutable fields, so that handing an entry to a rule or a finding is one reference count where a
/// struct of four strings was four; equal and hashed by its fields, as the struct it was.
public final class LifecycleEntry: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case os, database, application
    }

    public let kind: Kind
    /// The product as the catalogue names it, e.g. "Windows Server".
    public let product: String
    /// The release as its vendor names it, e.g. "2012 R2", "7", "19c"; empty for a product retired as a whole,
    /// whatever its version (NHS Identity Agent).
    public let cycle: String
    public let released: CalendarDate?
    /// End of mainstream (standard, premier, full) support.
    public let mainstreamEnd: CalendarDate?
    /// End of extended (maintenance) support, or of all vendor support for products without an extended phase.
    public let extendedEnd: CalendarDate?
    /// End of paid extended security updates (Microsoft ESU, Red Hat ELS, Ubuntu ESM).
    public let esuEnd: CalendarDate?
    public let source: String
    public let note: String
    /// Dates another source gives where it disagrees with this row's (a refreshed catalogue's `disagreements`
    /// column): the row's dates are the ones used, and a finding on this release says the other source differs.
    public let disagreements: [LifecycleDisagreement]

    /// "Windows Server 2012 R2", "SQL Server 2016", "Red Hat Enterprise Linux 7", "NHS Identity Agent".
    public var name: String { cycle.isEmpty ? product : "\(product) \(cycle)" }

    /// The last day any vendor support, paid or not, covers; nil when the catalogue has no end date at all.
    public var supportEnds: CalendarDate? { esuEnd ?? extendedEnd ?? mainstreamEnd }

    /// The last day of support that needs no extra contract.
    public var standardSupportEnds: CalendarDate? { extendedEnd ?? mainstreamEnd }

    public init(kind: Kind, product: String, cycle: String, released: CalendarDate?, mainstreamEnd: CalendarDate?,
                extendedEnd: CalendarDate?, esuEnd: CalendarDate?, source: String, note: String,
                disagreements: [LifecycleDisagreement] = []) {
        self.disagreements = disagreements
        self.kind = kind
        self.product = product
        self.cycle = cycle
        self.released = released
        self.mainstreamEnd = mainstreamEnd
        self.extendedEnd = extendedEnd
        self.esuEnd = esuEnd
        self.source = source
        self.note = note
    }

    public static func == (left: LifecycleEntry, right: LifecycleEntry) -> Bool {
        left === right || (left.kind == right.kind && left.product == right.product && left.cycle == right.cycle
            && left.released == right.released && left.mainstreamEnd == right.mainstreamEnd
            && left.extendedEnd == right.extendedEnd && left.esuEnd == right.esuEnd && left.source == right.source
            && left.note == right.note && left.disagreements == right.disagreements)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(product)
        hasher.combine(cycle)
        hasher.combine(released)
        hasher.combine(mainstreamEnd)
        hasher.combine(extendedEnd)
        hasher.combine(esuEnd)
        hasher.combine(source)
        hasher.combine(note)
        hasher.combine(disagreements)
    }
}

/// A date another source gives for a release where it differs from the catalogue row's: the column, the other
/// source's date, and the source. Written in a refreshed catalogue's `disagreements` column as
/// `extended_end 2023-10-11 (endoflife.date)`, several separated by "; ".
public struct LifecycleDisagreement: Sendable, Hashable {
    /// `mainstream_end`, `extended_end` or `esu_end`.
    public let column: String
    public let date: CalendarDate
    public let source: String

    public static let columns = ["mainstream_end", "extended_end", "esu_end"]

    public init(column: String, date: CalendarDate, source: String) {
        self.column = column
        self.date = date
        self.source = source
    }

    /// The column's words: "end of mainstream support", "end of extended support", "end of paid extended updates".
    public var what: String {
        switch column {
        case "mainstream_end": "end of mainstream support"
        case "extended_end": "end of extended support"
        default: "end of paid extended updates"
        }
    }

    /// `extended_end 2023-10-11 (endoflife.date)`.
    public var text: String { "\(column) \(date) (\(source))" }

    /// The column's text parsed: nil when any part does not read.
    public static func parse(_ text: String) -> [LifecycleDisagreement]? {
        if text.isEmpty { return [] }
        var found: [LifecycleDisagreement] = []
        for part in text.components(separatedBy: "; ") {
            let words = part.split(separator: " ", maxSplits: 2).map(String.init)
            guard words.count == 3, columns.contains(words[0]), let date = CalendarDate(words[1]),
                  words[2].hasPrefix("("), words[2].hasSuffix(")"), words[2].count > 2 else { return nil }
            found.append(LifecycleDisagreement(column: words[0], date: date, source: String(words[2].dropFirst().dropLast())))
        }
        return found
    }
}

/// The embedded, dated catalogue of end-of-support dates (Catalogues/lifecycle.csv), and the names people write.
public struct LifecycleCatalogue: Sendable {
    public let entries: [LifecycleEntry]
    private let index: [String: LifecycleEntry]

    public static let embedded: LifecycleCatalogue = {
        do {
            return try LifecycleCatalogue(csv: EmbeddedLifecycle.text)
        } catch {
            preconditionFailure("the embedded lifecycle catalogue does not parse: \(error)")
        }
    }()

    public init(csv: String) throws {
        let rows = try CSV.parse(csv)
        guard let header = rows.first,
              header == Self.header || header == Self.disagreementHeader else { throw CatalogueError.header }
        var entries: [LifecycleEntry] = []
        for (number, row) in rows.dropFirst().enumerated() where row != [""] {
            guard row.count == header.count, let kind = LifecycleEntry.Kind(rawValue: row[0]) else {
                throw CatalogueError.row(number + 2)
            }
            func date(_ column: Int) throws -> CalendarDate? {
                if row[column].isEmpty { return nil }
                guard let date = CalendarDate(row[column]) else { throw CatalogueError.row(number + 2) }
                return date
            }
            guard let disagreements = LifecycleDisagreement.parse(row.count > 9 ? row[9] : "") else {
                throw CatalogueError.row(number + 2)
            }
            entries.append(LifecycleEntry(kind: kind, product: row[1], cycle: row[2], released: try date(3),
                                          mainstreamEnd: try date(4), extendedEnd: try date(5), esuEnd: try date(6),
                                          source: row[7], note: row[8], disagreements: disagreements))
        }
        self.entries = entries
        self.index = Dictionary(entries.map { ("\($0.kind.rawValue)|\($0.product)|\($0.cycle)".lowercased(), $0) },
                                uniquingKeysWith: { first, _ in first })
    }

    /// Where the CSV does not parse: its header, or a row's line.
    public typealias CatalogueError = CatalogueParseError

    /// Where a catalogue read from a file came from; nil for the embedded one.
    public var provenance: String?

    /// The columns of the catalogue, as the embedded file and a refreshed one have them.
    public static let header = ["kind", "product", "cycle", "released", "mainstream_end", "extended_end", "esu_end",
                                "source", "note"]
    /// The columns of a refreshed catalogue that records where the sources disagree: `header` and `disagreements`.
    public static let disagreementHeader = header + ["disagreements"]

    /// A catalogue in the embedded one's format read from a file (a refreshed catalogue). A file that cannot be used
    /// is named with its line, exit code 2 (3 when it cannot be read).
    public init(contentsOfFile path: String, provenance: String?) throws {
        self = try CatalogueFileError.reading(path, catalogue: "lifecycle", header: Self.header,
                                              rowRule: "a known kind, dates as YYYY-MM-DD, disagreements as 'extended_end YYYY-MM-DD (source)'") { try Self(csv: $0) }
        self.provenance = provenance
    }

    /// The catalogue's entry for an operating system as people write it, or nil when the name cannot be placed.
    public func operatingSystem(named name: String) -> LifecycleEntry? {
        ProductName.operatingSystem(name).flatMap { lookup(.os, $0.product, $0.cycle) }
    }

    /// The catalogue's entry for an installed product: its name with its version ("PostgreSQL" "15"), else its name
    /// alone ("SQL Server 2016 SP3"); nil when neither places it.
    public func database(of software: Software) -> LifecycleEntry? {
        Self.place(software, by: database(named:))
    }

    /// The catalogue's entry for a database product as people write it, or nil when it cannot be placed.
    public func database(named name: String) -> LifecycleEntry? {
        ProductName.database(name).flatMap { lookup(.database, $0.product, $0.cycle) }
    }

    /// The catalogue's entry for an installed application or middleware product, placed like a database: by its
    /// name with its version, then its name alone.
    public func application(of software: Software) -> LifecycleEntry? {
        Self.place(software, by: application(named:))
    }

    /// The catalogue's entry for an application or middleware product as people write it, or nil when it cannot be
    /// placed.
    public func application(named name: String) -> LifecycleEntry? {
        ProductName.application(name).flatMap { lookup(.application, $0.product, $0.cycle) }
    }

    /// The one placement of an installed product, used by the rules, the plan and generation alike: the first of
    /// `software.placementNames` that `named` places. `named` may be a cache of placed names.
    public static func place(_ software: Software, by named: (String) -> LifecycleEntry?) -> LifecycleEntry? {
        for name in software.placementNames {
            if let entry = named(name) { return entry }
        }
        return nil
    }

    private func lookup(_ kind: LifecycleEntry.Kind, _ product: String, _ cycle: String) -> LifecycleEntry? {
        index["\(kind.rawValue)|\(product)|\(cycle)".lowercased()]
    }
}

extension Software {
    /// The names an installed product (database or application) may be placed by, in the order to try them: with its
    /// version, then without.
    public var placementNames: [String] {
        version.map { [product + " " + $0, product] } ?? [product]
    }

    /// The names a database product may be placed by: `placementNames`.
    public var databaseNames: [String] { placementNames }
}
