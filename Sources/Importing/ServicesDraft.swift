import CloudFirstCore

/// A starter services file from what an export knows about which servers belong together: a vCenter custom attribute
/// the user names, the applications an export lists for a server (AWS Migration Hub's `Applications`), and the vApp
/// or VM folder RVTools gives. It is a draft for a person to finish: each service has the id and name the inventory
/// format requires, its servers, and TODO comments for what only a person can decide (owner, criticality, data).
/// Servers that nothing groups are counted in a comment, never put in an invented service.
public struct ServicesDraft: Equatable, Sendable {
    /// Where a group came from, in the order a server's group is chosen: the first of these the server has.
    public enum Origin: Equatable, Hashable, Sendable, CustomStringConvertible {
        case attribute(String)
        case application
        case vAppOrFolder

        public var description: String {
            switch self {
            case .attribute(let name): "custom attribute '\(name)'"
            case .application: "the export's applications"
            case .vAppOrFolder: "vApp or VM folder"
            }
        }

        /// Where the group named `name` came from: `custom attribute 'Application' = 'EPR'`,
        /// `vApp or VM folder 'PACS'`.
        func naming(_ name: String) -> String {
            switch self {
            case .attribute(let attribute): "custom attribute '\(attribute)' = '\(name)'"
            case .application: "application '\(name)' in the export"
            case .vAppOrFolder: "vApp or VM folder '\(name)'"
            }
        }
    }

    public struct Service: Equatable, Sendable {
        public var id: String
        /// The group's name as the export gives it.
        public var name: String
        public var origins: [Origin]
        /// Server ids, sorted as the import file sorts them.
        public var servers: [String]
    }

    /// The custom attribute asked for is not a column of the export (or no VM has a value in it).
    public struct UnknownAttribute: Error, Equatable, CustomStringConvertible {
        public var name: String
        /// The custom attributes the export does have, with a value on at least one VM.
        public var available: [String]
        /// What the export calls them and where they are (`ImportedEstate.attributeNoun` and `attributePlace`).
        public var noun = "custom attribute"
        public var place = "the columns between 'Annotation' and 'Datacenter' in vInfo"
        public var serverNoun = "VM"

        public var description: String {
            "no \(serverNoun) has a value for the \(noun) '\(name)'; "
                + (available.isEmpty ? "the export has no \(noun)s (\(place))"
                    : "the export's \(noun)s are " + available.map { "'\($0)'" }.joined(separator: ", "))
        }
    }

    public var services: [Service]
    /// Server ids no group includes.
    public var ungrouped: [String]
    /// The custom attribute grouped by, as the export spells it.
    public var attribute: String?

    /// Groups `estate`'s servers: by the custom attribute `attribute` (matched case-insensitively) where a server has
    /// it, else by the applications the export lists for it (a server may be in several), else by its vApp or VM
    /// folder.
    public init(_ estate: ImportedEstate, attribute: String? = nil) throws {
        var spelling: String?
        if let attribute {
            let wanted = attribute.trimmingCharacters(in: .whitespaces).lowercased()
            // Only the export's own attributes, tags or labels: never cloudfirst's notes on a server.
            spelling = estate.servers.lazy.flatMap(\.groupableAttributes).first { $0.name.lowercased() == wanted }?.name
            guard spelling != nil else {
                var seen = Set<String>()
                let available = estate.servers.flatMap(\.groupableAttributes).map(\.name)
                    .filter { seen.insert($0).inserted }
                throw UnknownAttribute(name: attribute, available: available, noun: estate.attributeNoun,
                                       place: estate.attributePlace, serverNoun: estate.serverNoun)
            }
        }
        self.attribute = spelling
        var groups: [String: Service] = [:]
        var ungrouped: [String] = []
        for server in estate.servers {
            // The first kind of evidence the server has a value for (a blank value is none) is its grouping.
            func trimmed(_ values: [String]) -> [String] {
                values.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            }
            let attributeValue = spelling.map { name in
                server.groupableAttributes.filter { $0.name == name }.map(\.value)
            }
            let candidates: [(names: [String], origin: Origin)] = [
                (trimmed(attributeValue ?? []), .attribute(spelling ?? "")),
                (trimmed(server.applications), .application),
                (trimmed([server.vAppOrFolder].compactMap { $0 }), .vAppOrFolder),
            ]
            let chosen = candidates.first { !$0.names.isEmpty }
            let named = (chosen?.names ?? []).map { (name: $0, origin: chosen!.origin) }
            if named.isEmpty { ungrouped.append(server.id) }
            for (name, origin) in named {
                let id = ServerID.from(name: name)
                var service = groups[id] ?? Service(id: id, name: name, origins: [], servers: [])
                if !service.origins.contains(origin) { service.origins.append(origin) }
                if !service.servers.contains(server.id) { service.servers.append(server.id) }
                groups[id] = service
            }
        }
        services = groups.values.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }.map { service in
            var sorted = service
            sorted.servers.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            return sorted
        }
        self.ungrouped = ungrouped.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The file: format 1, the same organisation as the import's file (an estate's files must name one), the same
    /// bytes for the same export, and comments saying it is a draft and what a person must decide.
    public func text(_ estate: ImportedEstate, organisation: String, odsCode: String? = nil,
                     toolVersion: String = CloudFirstVersion.current) -> String {
        var lines: [String] = []
        func comment(_ text: String, indent: String = "") {
            lines.append(indent + "# " + text.escapingControlCharacters)
        }
        let sources = estate.sources.map { "\($0.format) '\($0.name)'" }.joined(separator: "; ")
        comment("Draft services from \(sources) by cloudfirst \(toolVersion): a starting point to finish.")
        comment("While it is as cloudfirst wrote it, 'import --services-draft' rewrites it; once edited it is yours,")
        comment("and a re-import refuses to overwrite it (without --force).")
        let order = [attribute.map { Origin.attribute($0).description }].compactMap { $0 }
            + [Origin.application.description, Origin.vAppOrFolder.description]
        comment("Grouped by " + order.joined(separator: ", else ") + ".")
        comment("Each group is a guess at a service: merge, split and rename them, and fill in each TODO.")
        if ungrouped.isEmpty {
            comment("Every imported server is in a group.")
        } else {
            comment("\(Plural.count(ungrouped.count, "server")) of \(estate.servers.count) "
                + "\(ungrouped.count == 1 ? "is" : "are") in no group and left out: add each to a service")
            comment("(until then the assessment finds each as server-in-no-service).")
        }
        lines.append("cloudfirst: 1")
        lines.append("organisation:")
        lines.append("  name: " + InventoryText.scalar(organisation))
        if let odsCode { lines.append("  ods_code: " + InventoryText.scalar(odsCode)) }
        guard !services.isEmpty else {
            comment("The export groups no servers: write the services here, each with an id, a name and its servers.")
            lines.append("services: []")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("services:")
        for service in services {
            comment("grouped by " + service.origins.map { $0.naming(service.name) }.joined(separator: " and "),
                    indent: "  ")
            lines.append("  - id: " + service.id)
            lines.append("    name: " + InventoryText.scalar(service.name))
            for todo in Self.todos { comment("TODO: " + todo, indent: "    ") }
            lines.append("    servers:")
            for server in service.servers { lines.append("      - " + server) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What only a person can decide, with the inventory format's own choices.
    static let todos: [String] = [
        "name: what users call it (here, the name of the group in the export)",
        "owner: the accountable owner (a role is better than a person)",
        "criticality: " + Criticality.ordered.map(\.rawValue).joined(separator: " | "),
        "clinical_system: true | false (DCB0160 clinical risk management applies to hosting changes)",
        "data: { classification: " + DataClassification.ordered.map(\.rawValue).joined(separator: " | ")
            + ", personal_data: " + PersonalData.ordered.map(\.rawValue).joined(separator: " | ") + " }",
    ]
}
