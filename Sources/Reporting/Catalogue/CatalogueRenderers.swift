import CloudFirstCore

/// What `cloudfirst catalogue show` reports: the cache folder, and each catalogue in use.
public struct CatalogueStatus: Sendable {
    /// One catalogue: embedded, or refreshed into the cache, with what its record says.
    public struct Entry: Sendable {
        public var name: String
        /// Rows across its tables.
        public var rows: Int
        /// The earliest and latest dates of its data, where its rows carry them.
        public var dates: (earliest: String, latest: String)?
        /// The refreshed file; nil when the embedded catalogue is in use.
        public var path: String?
        /// The refresh's record (nil for the embedded catalogue, or when the record is missing or does not read).
        public var record: Record?
        /// Where the record should be, for a refreshed file without one.
        public var recordPath: String?
        /// Releases on which the sources disagree, a sentence each (a refreshed lifecycle catalogue): the
        /// catalogue's date is the one used.
        public var disagreements: [String] = []

        public init(name: String, rows: Int, dates: (earliest: String, latest: String)?, path: String? = nil,
                    record: Record? = nil, recordPath: String? = nil) {
            self.name = name
            self.rows = rows
            self.dates = dates
            self.path = path
            self.record = record
            self.recordPath = recordPath
        }
    }

    /// What a refresh recorded beside the file it wrote.
    public struct Record: Sendable {
        public var fetchedAt: String
        public var sha256: String
        /// Whether the file still has the hash the refresh recorded.
        public var sha256Matches: Bool
        public var sources: [String]
        public var refreshed: [String]
        public var changes: [String]

        public init(fetchedAt: String, sha256: String, sha256Matches: Bool, sources: [String], refreshed: [String],
                    changes: [String]) {
            self.fetchedAt = fetchedAt
            self.sha256 = sha256
            self.sha256Matches = sha256Matches
            self.sources = sources
            self.refreshed = refreshed
            self.changes = changes
        }
    }

    public var cacheFolder: String
    public var catalogues: [Entry]

    public init(cacheFolder: String, catalogues: [Entry]) {
        self.cacheFolder = cacheFolder
        self.catalogues = catalogues
    }
}

/// `catalogue show`'s formats, in the order help lists them.
public enum CatalogueRenderers: RendererRegistry {
    public static let all: [any Renderer<CatalogueStatus>] = [CatalogueTable(), CatalogueJSON()]
}

/// The catalogues in use, for a terminal.
public struct CatalogueTable: Renderer {
    public let identifier = "table"
    public let summary = "the catalogues in use, their sources, dates and rows, for a terminal"

    public init() {}

    public func render(_ subject: CatalogueStatus, to output: inout some TextOutputStream) {
        var lines = ["Cache folder: \(subject.cacheFolder)"]
        for entry in subject.catalogues {
            let dates = entry.dates.map { " data \($0.earliest) to \($0.latest)," } ?? ""
            guard let path = entry.path else {
                lines.append("\(entry.name): embedded,\(dates) \(entry.rows) rows (Catalogues/\(entry.name).csv, "
                    + "built in)")
                continue
            }
            guard let record = entry.record else {
                lines.append("\(entry.name): refreshed,\(dates) \(entry.rows) rows (\(path)); its record "
                    + "\(entry.recordPath ?? "") is missing or does not read")
                continue
            }
            lines.append("\(entry.name): refreshed at \(record.fetchedAt),\(dates) \(entry.rows) rows (\(path))")
            lines.append("  " + record.refreshed.joined(separator: "; "))
            lines.append("  SHA-256 \(record.sha256)" + (record.sha256Matches ? ""
                : " (the file has changed since: it no longer matches)"))
            var seen = Set<String>()
            let origins = record.sources.compactMap(Self.origin).filter { seen.insert($0).inserted }
            lines.append("  sources: \(record.sources.count) requests to " + origins.joined(separator: ", "))
            if !record.changes.isEmpty {
                lines.append("  \(record.changes.count) to review:")
                lines += record.changes.map { "    " + $0 }
            }
            if !entry.disagreements.isEmpty {
                lines.append("  \(entry.disagreements.count) on which the sources disagree (the catalogue's date is "
                    + "used):")
                lines += entry.disagreements.map { "    " + $0 }
            }
        }
        output.write(lines.joined(separator: "\n") + "\n")
    }

    /// `scheme://host[:port]/path` of a request, without its query.
    static func origin(_ url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        let rest = url[scheme.upperBound...]
        let end = rest.firstIndex { $0 == "?" || $0 == "#" } ?? rest.endIndex
        return String(url[..<scheme.upperBound]) + rest[..<end]
    }
}

/// The catalogues in use as data, in the JSON envelope (docs/output.schema.json).
public struct CatalogueJSON: Renderer {
    public let identifier = "json"
    public let summary = "the catalogues in use as data, in the JSON envelope (docs/output.schema.json)"

    public init() {}

    public func render(_ subject: CatalogueStatus, to output: inout some TextOutputStream) {
        let payload: JSONValue = .object([
            ("cache", .string(subject.cacheFolder)),
            ("catalogues", .array(subject.catalogues.map(Self.entry))),
        ])
        output.write(JSONEnvelope(command: "catalogue", organisations: [], asOf: nil,
                                  inputs: subject.catalogues.compactMap(\.path)).wrap(payload).rendered())
    }

    static func entry(_ entry: CatalogueStatus.Entry) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("name", .string(entry.name)), ("in_use", .string(entry.path == nil ? "embedded" : "refreshed")),
        ]
        if let path = entry.path { members.append(("path", .string(path))) }
        members.append(("rows", .int(entry.rows)))
        if let dates = entry.dates {
            members += [("data_from", .string(dates.earliest)), ("data_to", .string(dates.latest))]
        }
        if let record = entry.record {
            members += [
                ("fetched_at", .string(record.fetchedAt)), ("sha256", .string(record.sha256)),
                ("sha256_matches", .bool(record.sha256Matches)), ("sources", .array(record.sources.map(JSONValue.string))),
                ("refreshed", .array(record.refreshed.map(JSONValue.string))),
                ("changes", .array(record.changes.map(JSONValue.string))),
            ]
        }
        if entry.path != nil && entry.name == "lifecycle" {
            members.append(("disagreements", .array(entry.disagreements.map(JSONValue.string))))
        }
        return .object(members)
    }
}
