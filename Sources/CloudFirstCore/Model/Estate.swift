/// One file of an estate.
public struct InventoryFile: Sendable {
    /// The path as the user named it, or as found under a folder they named.
    public var path: String
    public var organisation: Organisation?
}

/// A whole estate: every file read, merged, with references resolved. An `Estate` exists only when reading found no
/// errors, so every reference in it resolves.
public struct Estate: Sendable {
    public var files: [InventoryFile]
    public var assumptions: Assumptions
    public var sites: [Site]
    public var servers: [Server]
    public var services: [Service]
    public let siteIndex: [String: Int]
    public let serverIndex: [String: Int]
    public let serviceIndex: [String: Int]

    init(files: [InventoryFile], assumptions: Assumptions, sites: [Site], servers: [Server], services: [Service],
         siteIndex: [String: Int], serverIndex: [String: Int], serviceIndex: [String: Int]) {
        self.files = files
        self.assumptions = assumptions
        self.sites = sites
        self.servers = servers
        self.services = services
        self.siteIndex = siteIndex
        self.serverIndex = serverIndex
        self.serviceIndex = serviceIndex
    }

    /// The organisation the estate is reported under: the one its files name. An estate whose files name several
    /// (read only when they were asked to be combined) is reported under all their names, so no report passes one
    /// organisation's estate off as another's.
    public var organisation: Organisation? {
        let named = Organisation.distinct(files.compactMap(\.organisation))
        guard named.count > 1, let last = named.last else { return named.first }
        let names = named.map(\.name)
        let types = Set(named.compactMap(\.type))
        return Organisation(name: names.dropLast().joined(separator: ", ") + " and " + last.name,
                            type: types.count == 1 && named.allSatisfy { $0.type != nil } ? types.first : nil)
    }

    public func site(_ id: String) -> Site? { siteIndex[id].map { sites[$0] } }
    public func server(_ id: String) -> Server? { serverIndex[id].map { servers[$0] } }
    public func service(_ id: String) -> Service? { serviceIndex[id].map { services[$0] } }

    /// `path:line:column` of a field (or of the mapping, when `field` is nil or absent).
    public func location(of source: SourceMap, field: String? = nil) -> SourceLocation {
        let position = field.flatMap { source[$0] } ?? source.position
        return SourceLocation(file: files[source.file].path, position: position)
    }
}

/// A file and a position in it.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var position: SourcePosition

    public init(file: String, position: SourcePosition) {
        self.file = file
        self.position = position
    }

    public var description: String { "\(file):\(position.line):\(position.column)" }
}
