/// The typed content of every file read so far, filled element by element while decoding.
final class DecodedContents {
    var assumptions: [Assumptions] = []
    var sites: [Site] = []
    var servers: [Server] = []
    var services: [Service] = []
    var serverFacts: [ServerFacts] = []
    /// Top-level lists some file gave as something other than a list.
    var unreadableLists: Set<String> = []

    func add(_ field: String, _ object: ObjectValue) {
        switch field {
        case "servers": servers.append(Server(object))
        case "services": services.append(Service(object))
        case "sites": sites.append(Site(object))
        case "server_facts": serverFacts.append(ServerFacts(object))
        default: preconditionFailure("no top-level list '\(field)' in inventory format 1")
        }
    }

    func absorb(_ other: DecodedContents) {
        assumptions += other.assumptions
        sites += other.sites
        servers += other.servers
        services += other.services
        serverFacts += other.serverFacts
        unreadableLists.formUnion(other.unreadableLists)
    }
}

/// Merges decoded files into one estate and checks what no single file can: ids unique across the estate, and every
/// reference naming something that exists somewhere in it.
struct EstateBuilder {
    let files: [InventoryFile]
    private(set) var diagnostics: [Diagnostic] = []
    /// Suggestions cost a scan of every id; past this many unknown references, stop offering them.
    private var suggestionsLeft = 100

    init(files: [InventoryFile]) {
        self.files = files
    }

    /// Builds the estate; with `checkReferences` false (some file could not be read), ids are still checked for
    /// uniqueness but references are not resolved.
    mutating func finish(_ contents: DecodedContents, checkReferences: Bool, combineOrganisations: Bool = false)
        -> Estate {
        let (sites, services) = (contents.sites, contents.services)
        var servers = contents.servers
        if !combineOrganisations { checkOneOrganisation() }
        if let first = contents.assumptions.first?.source {
            for repeated in contents.assumptions.dropFirst().compactMap(\.source) {
                report(.assumptionsRepeated(first: location(first)), at: repeated)
            }
        }
        let siteIndex = index(sites.map { ($0.id, $0.source) }, kind: "site")
        let serverIndex = index(servers.map { ($0.id, $0.source) }, kind: "server")
        let serviceIndex = index(services.map { ($0.id, $0.source) }, kind: "service")

        // References into a list that could not be read would all look dangling; its own error comes first.
        let checkSites = checkReferences && !contents.unreadableLists.contains("sites")
        let checkServers = checkReferences && !contents.unreadableLists.contains("servers")
        let checkServices = checkReferences && !contents.unreadableLists.contains("services")
        for server in servers where checkSites {
            if let site = server.site { check(site, field: "site", kind: .site, in: siteIndex, file: server.source.file) }
        }
        for service in services where checkServers || checkServices {
            let file = service.source.file
            var listed = Set<String>()
            for reference in service.servers where checkServers {
                check(reference, field: "servers", kind: .server, in: serverIndex, file: file)
                if !listed.insert(reference.id).inserted {
                    report(.listedTwice(field: "servers", id: reference.id), file: file, at: reference.position)
                }
            }
            listed.removeAll(keepingCapacity: true)
            for reference in service.dependsOn where checkServices {
                if reference.id == service.id {
                    report(.selfDependency(service: service.id), file: file, at: reference.position)
                    continue
                }
                check(reference, field: "depends_on", kind: .service, in: serviceIndex, file: file)
                if !listed.insert(reference.id).inserted {
                    report(.listedTwice(field: "depends_on", id: reference.id), file: file, at: reference.position)
                }
            }
        }
        if checkServers { apply(contents.serverFacts, to: &servers, index: serverIndex) }
        return Estate(files: files, assumptions: contents.assumptions.first ?? Assumptions(), sites: sites, servers: servers,
                      services: services, siteIndex: siteIndex, serverIndex: serverIndex, serviceIndex: serviceIndex)
    }

    /// Lays each `server_facts` entry over the server it names: an unknown id is an unknown reference, and a server
    /// given facts twice is reported at the second, which is ignored (which would win would otherwise depend on the
    /// order the files are read).
    private mutating func apply(_ facts: [ServerFacts], to servers: inout [Server], index: [String: Int]) {
        var given = Set<String>()
        for entry in facts where !entry.server.id.isEmpty {
            check(entry.server, field: "id", kind: .server, in: index, file: entry.source.file)
            guard let server = index[entry.server.id] else { continue }
            guard given.insert(entry.server.id).inserted else {
                report(.listedTwice(field: "server_facts", id: entry.server.id), file: entry.source.file,
                       at: entry.server.position)
                continue
            }
            servers[server] = entry.applied(to: servers[server])
        }
    }

    /// Maps ids to their first occurrence; every later occurrence is a duplicate.
    private mutating func index(_ entries: [(id: String, source: SourceMap)], kind: String) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(entries.count)
        // An empty id is a missing or malformed one, reported already; it names nothing to duplicate.
        for (position, entry) in entries.enumerated() where !entry.id.isEmpty {
            if let first = index[entry.id] {
                let firstSource = entries[first].source
                report(.duplicateID(kind: kind, id: entry.id, first: location(firstSource, field: "id")),
                       file: entry.source.file, at: entry.source["id"] ?? entry.source.position)
            } else {
                index[entry.id] = position
            }
        }
        return index
    }

    private mutating func check(_ reference: Reference, field: String, kind: EntityKind, in index: [String: Int],
                                file: Int) {
        guard index[reference.id] == nil else { return }
        var suggestion: String?
        if suggestionsLeft > 0 {
            suggestionsLeft -= 1
            suggestion = Suggestion.closest(to: reference.id, among: index.keys)
        }
        report(.unknownReference(field: field, kind: kind.rawValue, id: reference.id, suggestion: suggestion),
               file: file, at: reference.position)
    }

    /// Every file that names an organisation other than the first file's is an error at its organisation's name:
    /// reported under the first one's name, another trust's servers would pass for the first trust's.
    private mutating func checkOneOrganisation() {
        let named = files.compactMap { $0.organisation.map { ($0, $0.source) } }
        guard let (first, firstSource) = named.first else { return }
        let firstFile = firstSource.map { location($0, field: "name") } ?? "the first file"
        for (organisation, source) in named.dropFirst() where !organisation.isSame(as: first) {
            guard let source else { continue }
            report(.organisationsDiffer(name: organisation.name, first: first.name, firstFile: firstFile),
                   file: source.file, at: source["name"] ?? source.position)
        }
    }

    private func location(_ source: SourceMap, field: String? = nil) -> String {
        let position = field.flatMap { source[$0] } ?? source.position
        return "\(files[source.file].path):\(position.line):\(position.column)"
    }

    private mutating func report(_ problem: InventoryProblem, at source: SourceMap) {
        report(problem, file: source.file, at: source.position)
    }

    private mutating func report(_ problem: InventoryProblem, file: Int, at position: SourcePosition) {
        diagnostics.append(Diagnostic(file: files[file].path, position: position, problem: problem))
    }
}
