import CloudFirstCore

/// What sort of service each one is: the inventory's `kind` where it gives one, else inferred.
///
/// The inference, in this order (README "Service kinds" states the same):
/// 1. the supplier's product names a platform product (the words below): that kind;
/// 2. else the kind whose products (the same words) or server role (`backup`, `file`, `vdi`) account for at least
///    half of the service's servers, the most such servers winning, ties in the order of `ServiceKind`;
/// 3. else `database-platform` when every server's role is `database` and the supplier's product names a database
///    engine (or, with no product given, there are two or more such servers), as for a shared database service;
/// 4. else `application`.
/// A product on a minority of servers (a backup agent on an application server) does not change a service's kind.
public enum ServiceKinds {
    /// Words in a product's name, lowercased, that place it in a platform kind. Matching is by containment.
    static let productWords: [(kind: ServiceKind, words: [String])] = [
        (.directory, ["active directory", "domain services", "freeipa", "openldap", "directory server"]),
        (.backup, ["backup", "veeam", "commvault", "netbackup", "rubrik", "cohesity", "networker", "data protector",
                   "hardened repository"]),
        (.file, ["file services", "file server", "file share", "dfs namespaces", "(dfs)"]),
        (.print, ["print services", "print server", "papercut", "uniflow", "equitrac"]),
        (.vdi, ["citrix virtual", "virtual delivery agent", "citrix storefront", "remote desktop", "vmware horizon",
                "xenapp", "xendesktop", "azure virtual desktop"]),
        (.containerPlatform, ["kubernetes", "k3s", "openshift", "rancher", "containerd", "docker"]),
    ]

    static let roleKinds: [ServerRole: ServiceKind] = [.backup: .backup, .file: .file, .vdi: .vdi]

    /// The kind a product's name places it in, if any.
    public static func kind(ofProduct name: String) -> ServiceKind? {
        productWords.first { ASCIISearch.containsAny(name, $0.words) }?.kind
    }

    /// The service's kind, and whether the inventory gave it (false: inferred).
    /// `productKind` places a product's name and `namesEngine` says whether it names a database engine; the context
    /// passes ones that decide each distinct name once.
    static func kind(of service: Service, servers: [Server],
                     productKind: (String) -> ServiceKind? = kind(ofProduct:),
                     namesEngine: (String) -> Bool = DatabaseUnrecognised.namesAnEngine)
        -> (kind: ServiceKind, given: Bool) {
        if let given = service.kind { return (given, true) }
        if let product = service.supplier?.product, let kind = productKind(product) { return (kind, false) }
        // Servers counted per kind, each server once a kind: indexed by the kind's place in `ServiceKind.ordered`.
        let kinds = ServiceKind.ordered
        var counts = [Int](repeating: 0, count: kinds.count)
        var seen = [Bool](repeating: false, count: kinds.count)
        for server in servers {
            for index in seen.indices { seen[index] = false }
            func count(_ kind: ServiceKind) {
                guard let index = kinds.firstIndex(of: kind), !seen[index] else { return }
                seen[index] = true
                counts[index] += 1
            }
            for software in server.software { if let kind = productKind(software.product) { count(kind) } }
            if let role = server.role, let kind = roleKinds[role] { count(kind) }
        }
        var best: Int?
        for index in counts.indices where counts[index] > 0 && counts[index] * 2 >= servers.count {
            if best.map({ counts[index] > counts[$0] }) ?? true { best = index }
        }
        if let best { return (kinds[best], false) }
        if !servers.isEmpty, servers.allSatisfy({ $0.role == .database }) {
            if service.supplier?.product.map(namesEngine) ?? (servers.count >= 2) {
                return (.databasePlatform, false)
            }
        }
        return (.application, false)
    }
}
