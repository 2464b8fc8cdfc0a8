import CloudFirstCore

/// What a re-import changes in the machine-owned file it replaces: the servers and sites added and removed, and the
/// fields that differ on the ones kept. Both files are compared as the inventory reader reads them, so a value is
/// compared as it is written (GB to two decimals), and a change only in the comments (an export's date) is none.
public struct ImportChanges: Equatable, Sendable {
    /// One field that differs, by its name in the inventory format (`cpu_cores`, `utilisation.cpu_p95`), with the
    /// values as the inventory writes them; nil where the field is absent.
    public struct FieldChange: Equatable, Sendable, CustomStringConvertible {
        public var field: String
        public var old: String?
        public var new: String?

        public init(field: String, old: String?, new: String?) {
            self.field = field
            self.old = old
            self.new = new
        }

        /// `cpu_cores 4 → 8`; an absent value is `–`.
        public var description: String { "\(field) \(old ?? "–") → \(new ?? "–")" }
    }

    /// A server or site kept by the re-import whose fields differ.
    public struct Changed: Equatable, Sendable, CustomStringConvertible {
        public var id: String
        public var fields: [FieldChange]

        public init(id: String, fields: [FieldChange]) {
            self.id = id
            self.fields = fields
        }

        /// `vm-2: cpu_cores 4 → 8, powered_on false → true`
        public var description: String { id + ": " + fields.map(\.description).joined(separator: ", ") }
    }

    /// Ids, sorted as the import file sorts them (by their UTF-8 bytes).
    public var serversAdded: [String] = []
    public var serversRemoved: [String] = []
    public var serversChanged: [Changed] = []
    public var sitesAdded: [String] = []
    public var sitesRemoved: [String] = []
    public var sitesChanged: [Changed] = []

    public init() {}

    /// Compares the servers and sites of `old` (the file being replaced, read on its own) with those of `new`.
    /// Services are not compared: a machine-owned file has none.
    public init(old: Estate, new: Estate) {
        let oldServers = Dictionary(old.servers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newServers = Dictionary(new.servers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        serversAdded = Self.sorted(newServers.keys.filter { oldServers[$0] == nil })
        serversRemoved = Self.sorted(oldServers.keys.filter { newServers[$0] == nil })
        serversChanged = Self.sorted(newServers.keys.filter { oldServers[$0] != nil }).compactMap { id in
            let fields = Self.fields(oldServers[id]!, newServers[id]!)
            return fields.isEmpty ? nil : Changed(id: id, fields: fields)
        }
        let oldSites = Dictionary(old.sites.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newSites = Dictionary(new.sites.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        sitesAdded = Self.sorted(newSites.keys.filter { oldSites[$0] == nil })
        sitesRemoved = Self.sorted(oldSites.keys.filter { newSites[$0] == nil })
        sitesChanged = Self.sorted(newSites.keys.filter { oldSites[$0] != nil }).compactMap { id in
            let fields = Self.fields(oldSites[id]!, newSites[id]!)
            return fields.isEmpty ? nil : Changed(id: id, fields: fields)
        }
    }

    /// True when no server or site was added, removed or changed.
    public var isEmpty: Bool {
        serversAdded.isEmpty && serversRemoved.isEmpty && serversChanged.isEmpty && sitesAdded.isEmpty
            && sitesRemoved.isEmpty && sitesChanged.isEmpty
    }

    /// `1 server added, 2 removed, 1 changed; 1 site added`, naming only what happened; `unchanged` when nothing did.
    public var summary: String {
        func part(_ noun: String, _ counts: [(Int, String)]) -> String? {
            let named = counts.filter { $0.0 > 0 }
            guard let first = named.first else { return nil }
            return ([Plural.count(first.0, noun) + " " + first.1] + named.dropFirst().map { "\($0.0) \($0.1)" })
                .joined(separator: ", ")
        }
        let parts = [
            part("server", [(serversAdded.count, "added"), (serversRemoved.count, "removed"),
                            (serversChanged.count, "changed")]),
            part("site", [(sitesAdded.count, "added"), (sitesRemoved.count, "removed"),
                          (sitesChanged.count, "changed")]),
        ].compactMap { $0 }
        return parts.isEmpty ? "unchanged" : parts.joined(separator: "; ")
    }

    /// One line a change, servers first: `added server vm-10`, `removed server vm-3`,
    /// `changed server vm-2: cpu_cores 4 → 8`, then the sites the same way.
    public var details: [String] {
        serversAdded.map { "added server \($0)" } + serversRemoved.map { "removed server \($0)" }
            + serversChanged.map { "changed server \($0)" } + sitesAdded.map { "added site \($0)" }
            + sitesRemoved.map { "removed site \($0)" } + sitesChanged.map { "changed site \($0)" }
    }

    static func sorted(_ ids: some Sequence<String>) -> [String] {
        ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The fields of a server in the inventory format's order. Storage is compared as its total and, where either
    /// side lists disks, disk by disk too.
    static func fields(_ old: Server, _ new: Server) -> [FieldChange] {
        func number(_ value: Double?) -> String? { value?.plainDescription }
        func text(_ value: String?) -> String? { value.map { "'\($0.escapingControlCharacters)'" } }
        func list(_ values: [String]) -> String? { values.isEmpty ? nil : "[" + values.joined(separator: ", ") + "]" }
        func software(_ server: Server) -> String? {
            list(server.software.map { item in
                "'" + ([item.product] + [item.edition, item.version].compactMap { $0 }).joined(separator: " ")
                    .escapingControlCharacters + "'"
            })
        }
        let pairs: [(String, (Server) -> String?)] = [
            ("site", { $0.site?.id }),
            ("role", { $0.role?.rawValue }),
            ("environment", { $0.environment?.rawValue }),
            ("platform", { $0.platform?.rawValue }),
            ("os", { text($0.os) }),
            ("architecture", { $0.architecture?.rawValue }),
            ("firmware", { $0.firmware?.rawValue }),
            ("cpu_cores", { $0.cpuCores.map(String.init) }),
            ("memory_gb", { number($0.memoryGB) }),
            ("storage_gb", { number($0.storageGB) }),
            ("disks", { list($0.diskSizesGB.map(\.plainDescription)) }),
            ("utilisation.cpu_p95", { number($0.utilisation?.cpuP95) }),
            ("utilisation.memory_p95", { number($0.utilisation?.memoryP95) }),
            ("utilisation.storage_used_percent", { number($0.utilisation?.storageUsedPercent) }),
            ("utilisation.days_sampled", { $0.utilisation?.daysSampled.map(String.init) }),
            ("software", software),
            ("attached_hardware", { list($0.attachedHardware.map(\.rawValue)) }),
            ("powered_on", { String($0.poweredOn) }),
        ]
        return pairs.compactMap { field, value in
            let before = value(old), after = value(new)
            return before == after ? nil : FieldChange(field: field, old: before, new: after)
        }
    }

    static func fields(_ old: Site, _ new: Site) -> [FieldChange] {
        let pairs: [(String, (Site) -> String?)] = [
            ("name", { "'\($0.name.escapingControlCharacters)'" }),
            ("kind", { $0.kind?.rawValue }),
            ("lease_ends", { $0.leaseEnds.map { "\($0)" } }),
        ]
        return pairs.compactMap { field, value in
            let before = value(old), after = value(new)
            return before == after ? nil : FieldChange(field: field, old: before, new: after)
        }
    }
}
