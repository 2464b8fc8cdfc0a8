/// What the Azure wave templates need beyond the shared workload context: values Mustache cannot compute (joined
/// port lists, rule priorities, share quotas split within Azure's limit, the domain controllers' static addresses).
enum AzureTerraform {
    /// GiB: the largest standard Azure file share ("Azure Files scalability and performance targets": 100 TiB with
    /// large file shares enabled; azurerm validates `azurerm_storage_share.quota` as 1 to 102,400).
    static let largestShareGiB = 102_400

    /// The first NSG priority a wave's rules take, and how many each wave may use: the landing zone's own rules sit
    /// at 100 to 199 and its load-balancer and deny rules at 4001 and 4096, so wave N owns 200 + 10N to 209 + 10N.
    /// Azure allows priorities 100 to 4096 ("Network security groups", Azure Virtual Network documentation).
    static func priorityBase(wave: Int) -> Int { 200 + 10 * wave }

    /// The ports an Active Directory domain controller answers on, from "How to configure a firewall for Active
    /// Directory domains and trusts" and "Service overview and network port requirements for Windows" (Microsoft
    /// Learn): DNS 53, Kerberos 88, NTP 123 (UDP), RPC endpoint mapper 135, LDAP 389, SMB 445, Kerberos password
    /// change 464, LDAPS 636, global catalog 3268-3269, and the RPC dynamic range 49152-65535 (TCP) that
    /// replication and Netlogon use.
    static let directoryTCP = ["53", "88", "135", "389", "445", "464", "636", "3268-3269", "49152-65535"]
    static let directoryUDP = ["53", "88", "123", "389", "464"]

    /// Adds the Azure keys to a wave's context (already holding `servers`, `ports`, `file_shares`, `object_stores`).
    static func enrich(_ context: inout [String: Any], wave: Int) {
        var servers = context["servers"] as? [[String: Any]] ?? []
        var controllers = 0
        for index in servers.indices {
            let directory = servers[index]["directory"] as? Bool == true
            servers[index]["static_ip"] = directory
            if directory {
                // Counted from the top of the subnet (cidrhost with a negative number), away from the addresses
                // Azure hands out from the bottom; -1 is the subnet's broadcast address, which Azure reserves.
                servers[index]["host_number"] = -(2 + controllers)
                controllers += 1
            }
        }
        context["servers"] = servers
        // The wave's own resources (its resource group, security groups, storage accounts) carry the environment of
        // what they serve: the one environment of the wave's servers, databases and stores, or "mixed".
        let everything = servers + (context["databases"] as? [[String: Any]] ?? [])
            + (context["file_shares"] as? [[String: Any]] ?? []) + (context["object_stores"] as? [[String: Any]] ?? [])
        let environments = Set(everything.compactMap { $0["environment"] as? String })
        context["wave_environment"] = environments.count == 1 ? environments.first! : "mixed"
        let missing = servers.filter { $0["has_image"] as? Bool != true }
        context["missing_images"] = missing
        context["has_missing_images"] = !missing.isEmpty
        context["missing_image_list"] = Identifiers.hclList(missing.compactMap { $0["name"] as? String })
        context["windows_servers"] = servers.filter { $0["windows"] as? Bool == true }

        let ports = context["ports"] as? [[String: Any]] ?? []
        func list(_ transport: String) -> [String] {
            ports.filter { $0["protocol"] as? String == transport }.compactMap { ($0["port"] as? Int).map(String.init) }
        }
        var rules: [[String: Any]] = []
        let base = priorityBase(wave: wave)
        func add(_ name: String, _ description: String, _ protocolName: String, _ ports: [String], trust: Bool,
                 directory: Bool) {
            guard !ports.isEmpty else { return }
            rules.append(["name": "wave-\(wave)-\(name)", "description": description, "protocol": protocolName,
                          "priority": base + rules.count, "port_list": Identifiers.hclList(ports), "from_trust": trust,
                          "from_estate": !trust, "to_directory": directory])
        }
        if !servers.isEmpty {
            add("tcp-from-estate", "The wave's service ports (TCP) from inside the estate", "Tcp", list("tcp"),
                trust: false, directory: false)
            add("udp-from-estate", "The wave's service ports (UDP) from inside the estate", "Udp", list("udp"),
                trust: false, directory: false)
            add("tcp-from-trust", "The wave's service ports (TCP) from the trust's ranges", "Tcp", list("tcp"),
                trust: true, directory: false)
            add("udp-from-trust", "The wave's service ports (UDP) from the trust's ranges", "Udp", list("udp"),
                trust: true, directory: false)
        }
        if controllers > 0 {
            add("directory-tcp-from-estate", "Active Directory (TCP) to the domain controllers from the estate", "Tcp",
                directoryTCP, trust: false, directory: true)
            add("directory-udp-from-estate", "Active Directory (UDP) to the domain controllers from the estate", "Udp",
                directoryUDP, trust: false, directory: true)
            add("directory-tcp-from-trust", "Active Directory (TCP) to the domain controllers from the trust", "Tcp",
                directoryTCP, trust: true, directory: true)
            add("directory-udp-from-trust", "Active Directory (UDP) to the domain controllers from the trust", "Udp",
                directoryUDP, trust: true, directory: true)
        }
        context["priority_base"] = base
        context["priority_last"] = base + 9
        context["nsg_rules"] = rules
        context["has_nsg_rules"] = !rules.isEmpty

        // Azure Database for MySQL flexible server's General Purpose tier offers the Ddsv4 sizes (2 to 64 vCores)
        // where PostgreSQL's offers Ddsv5 ("Service tiers in Azure Database for MySQL - Flexible Server"): the same
        // vCores, one generation back.
        var databases = context["databases"] as? [[String: Any]] ?? []
        for index in databases.indices {
            let sku = databases[index]["azure_flexible_sku"] as? String ?? ""
            databases[index]["azure_mysql_sku"] = sku.hasSuffix("ds_v5") ? String(sku.dropLast(2)) + "v4" : sku
        }
        context["databases"] = databases

        for key in ["file_shares", "object_stores"] {
            var stores = context[key] as? [[String: Any]] ?? []
            for index in stores.indices {
                let quotas = shareQuotas(stores[index]["size_gb"] as? Int ?? 1)
                stores[index]["shares"] = quotas.enumerated().map { number, quota in
                    ["quota": quota, "suffix": quotas.count == 1 ? "" : "-\(number + 1)",
                     "key": quotas.count == 1 ? "" : "_\(number + 1)"] as [String: Any]
                }
                stores[index]["split"] = quotas.count > 1
                stores[index]["azure_name"] = containerName(stores[index]["name"] as? String ?? "")
            }
            context[key] = stores
        }
        context["has_stores"] = context["has_file_shares"] as? Bool == true
            || context["has_object_stores"] as? Bool == true
        context["needs_workspace"] = context["has_stores"] as? Bool == true
            || context["has_databases"] as? Bool == true
        context["has_split_shares"] = (context["file_shares"] as? [[String: Any]] ?? [])
            .contains { $0["split"] as? Bool == true }
    }

    /// A share of `gib` as quotas within Azure's largest share, as equal as can be.
    static func shareQuotas(_ gib: Int) -> [Int] {
        Workload.evenSplit(max(1, gib), within: largestShareGiB)
    }

    /// A share or container name Azure accepts ("Naming and referencing shares" and "Naming and referencing
    /// containers, blobs, and metadata"): 3 to 63 lowercase letters, digits and single hyphens, starting and ending
    /// with a letter or digit. Room is left for a "-N" suffix on a split share.
    static func containerName(_ text: String) -> String {
        var name = ""
        for character in text.lowercased() {
            let allowed = character.isASCII && (character.isLetter || character.isNumber)
            if allowed {
                name.append(character)
            } else if !name.isEmpty, name.last != "-" {
                name.append("-")
            }
        }
        while name.last == "-" { name.removeLast() }
        name = String(name.prefix(60))
        while name.last == "-" { name.removeLast() }
        while name.count < 3 { name.append("0") }
        return name
    }
}
