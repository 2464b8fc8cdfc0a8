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
        let lowered = name.lowercased()
        return productWords.first { $0.words.contains { lowered.contains($0) } }?.kind
    }

    /// The service's kind, and whether the inventory gave it (false: inferred).
    /// `productKind` places a product's name and `namesEngine` says whether it names a database engine; the context
    /// passes ones that decide each distinct name once.
    public static func kind(of service: Service, servers: [Server],
                            productKind: (String) -> ServiceKind? = kind(ofProduct:),
                            namesEngine: (String) -> Bool = DatabaseUnrecognised.namesAnEngine)
        -> (kind: ServiceKind, given: Bool) {
        if let given = service.kind { return (given, true) }
        if let product = service.supplier?.product, let kind = productKind(product) { return (kind, false) }
        var counts: [ServiceKind: Int] = [:]
        for server in servers {
            var kinds = Set(server.software.compactMap { productKind($0.product) })
            if let role = server.role, let kind = roleKinds[role] { kinds.insert(kind) }
            for kind in kinds { counts[kind, default: 0] += 1 }
        }
        let best = ServiceKind.ordered.filter { (counts[$0] ?? 0) * 2 >= servers.count && (counts[$0] ?? 0) > 0 }
            .max { (counts[$0] ?? 0) < (counts[$1] ?? 0) }
        if let best { return (best, false) }
        if !servers.isEmpty, servers.allSatisfy({ $0.role == .database }) {
            if service.supplier?.product.map(namesEngine) ?? (servers.count >= 2) {
                return (.databasePlatform, false)
            }
        }
        return (.application, false)
    }
}
