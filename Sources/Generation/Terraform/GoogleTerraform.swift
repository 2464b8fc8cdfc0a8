/// What the Google Cloud templates need beyond the shared workload context: zones by letter, network tags, the
/// Filestore instances (Linux file servers) or NetApp Volumes SMB volumes (Windows file servers) a file server's
/// shares need, bucket names, the image inputs for servers with no public image, and which managed services the
/// estate uses (so the landing zone grants only the service agents it needs).
enum GoogleTerraform {
    // MARK: Filestore

    /// GiB: Filestore's Zonal tier, the one chosen here because it takes a customer-managed key (the Basic tiers do
    /// not). Its lower capacity range is 1 TiB to 9.75 TiB in steps of 256 GiB, its higher one 10 TiB to 100 TiB in
    /// steps of 2.5 TiB ("Service tiers: Zonal", Filestore documentation). Capacities are in GiB: Filestore's
    /// `capacity_gb` counts 1 GB as 1024^3 bytes.
    static let filestoreLowerRange = (minimum: 1_024, maximum: 9_984, step: 256)
    static let filestoreHigherRange = (minimum: 10_240, maximum: 102_400, step: 2_560)

    /// The capacity of each Filestore Zonal instance holding `gib` of shares: one instance where one holds it, at
    /// the smallest size of its range that fits; more, of equal size, where it is over 100 TiB.
    static func filestoreCapacities(_ gib: Int) -> [Int] {
        func roundUp(_ value: Int, _ step: Int) -> Int { (value + step - 1) / step * step }
        let parts = Workload.evenSplit(max(1, gib), within: filestoreHigherRange.maximum)
        let (count, each) = (parts.count, parts[0])
        let size: Int
        if each <= filestoreLowerRange.maximum {
            size = max(filestoreLowerRange.minimum, roundUp(each, filestoreLowerRange.step))
        } else {
            size = min(filestoreHigherRange.maximum,
                       max(filestoreHigherRange.minimum, roundUp(each, filestoreHigherRange.step)))
        }
        return Array(repeating: size, count: count)
    }

    // MARK: NetApp Volumes

    /// GiB: Google Cloud NetApp Volumes, which serves SMB (Filestore serves NFS only), for Windows file servers. A
    /// storage pool of the Standard, Premium or Extreme service level holds at least 2,048 GiB (2 TiB); a volume at
    /// least 100 GiB and, unless it is a large-capacity volume, at most 102,400 GiB (100 TiB) ("Storage pools
    /// overview" and "Volumes overview", NetApp Volumes documentation; the provider's own examples create a
    /// 2,048 GiB pool and a 100 GiB volume). Flex is left out: its pools are zonal or regional by zone, with sizes of
    /// their own. Capacities are in GiB, as `capacity_gib` counts them.
    static let netappPoolMinimumGiB = 2_048
    static let netappVolumeRange = (minimum: 100, maximum: 102_400)

    /// One NetApp volume per 100 TiB of `gib` (equal parts, as Filestore's split), each at least the volume minimum,
    /// each in a storage pool of its own sized to hold it and at least the pool minimum.
    static func netappCapacities(_ gib: Int) -> [(pool: Int, volume: Int)] {
        Workload.evenSplit(max(1, gib), within: netappVolumeRange.maximum).map { part in
            let volume = min(netappVolumeRange.maximum, max(netappVolumeRange.minimum, part))
            return (pool: max(netappPoolMinimumGiB, volume), volume: volume)
        }
    }

    // MARK: Names

    /// Zones of a region by letter: europe-west2 has a, b and c ("Regions and zones", Compute Engine
    /// documentation). A platinum or gold service's servers take the zone the shared context gives ("1" to "3");
    /// the others are spread over the three in turn.
    static func zoneLetter(zone: String, position: Int) -> String {
        let letters = ["a", "b", "c"]
        if let number = Int(zone), (1...3).contains(number) { return letters[number - 1] }
        return letters[position % letters.count]
    }

    /// A name part for a Filestore instance or bucket: lowercase letters, digits and single hyphens, at most
    /// `limit` characters, starting with a letter and not ending with a hyphen.
    static func namePart(_ id: String, limit: Int) -> String {
        var out = String(Identifiers.databaseIdentifier(id).prefix(limit))
        while out.hasSuffix("-") { out.removeLast() }
        if out.first.map({ !$0.isLetter }) ?? true { out = "s" + String(out.prefix(limit - 1)) }
        return out
    }

    /// The network tag of a service's servers in one environment: `svc-SERVICE` in production, `svc-SERVICE-ENV`
    /// elsewhere, 40 characters at most (a firewall rule is named NAME_PREFIX, at most 21, a hyphen and the tag:
    /// within Compute Engine's 63).
    static func serviceTag(_ service: String, environment: String) -> String {
        if environment == "production" { return "svc-" + namePart(service, limit: 36) }
        let suffix = namePart(environment, limit: 11)
        return "svc-" + namePart(service, limit: 35 - suffix.count) + "-" + suffix
    }

    // MARK: Contexts

    /// Adds the Google keys to one wave's context.
    static func decorate(wave context: inout [String: Any]) {
        let wave = context["wave"] as? Int ?? 0
        var servers = context["servers"] as? [[String: Any]] ?? []
        var imageInputs: [[String: Any]] = []
        var directory: [[String: Any]] = []
        for index in servers.indices {
            var server = servers[index]
            let windows = server["windows"] as? Bool == true
            let isDirectory = server["directory"] as? Bool == true
            server["gcp_zone"] = zoneLetter(zone: server["zone"] as? String ?? "", position: server["subnet"] as? Int ?? index)
            server["gcp_holds_data"] = server["has_data_disks"] as? Bool == true || isDirectory
            // Windows disks take the landing zone's VSS (guest flush) snapshot schedule, the others the plain one.
            server["gcp_snapshot_schedule"] = windows ? "windows_snapshots" : "daily_snapshots"
            server["gcp_snapshot_policy"] = windows ? "windows_snapshot_policy" : "snapshot_policy"
            // A tag per service and environment, so a service's rule admits only its own environment. The rule named
            // after it is NAME_PREFIX (at most 21 characters) "-svc-" and 36: within Compute Engine's 63.
            let environment = server["environment"] as? String ?? "production"
            let serviceTag = Self.serviceTag(server["service"] as? String ?? "service", environment: environment)
            server["gcp_replication_tag"] = (server["replication_partner"] as? String).flatMap {
                $0.isEmpty ? nil : Self.serviceTag(server["service"] as? String ?? "service", environment: $0)
            } ?? ""
            server["gcp_service_tag"] = serviceTag
            var tags = ["wave-\(wave)", serviceTag, windows ? "windows" : "linux"]
            if isDirectory { tags.append("directory") }
            server["gcp_tags"] = Identifiers.hclList(tags)
            if let image = server["image"] as? [String: String], let link = image["self_link"] {
                server["gcp_image"] = link
            } else {
                imageInputs.append(["resource": server["resource"] ?? "", "name": server["name"] ?? "",
                                    "os": server["os"] ?? "", "image_key": server["image_key"] ?? "",
                                    "placeholder": namePart("\(server["image_key"] ?? "image")-imported", limit: 60)])
            }
            let hostname = server["hostname"] as? String ?? "vm"
            server["data_disks"] = (server["data_disks"] as? [[String: Any]] ?? []).map { disk in
                var disk = disk
                let number = disk["number"] as? Int ?? 0
                disk["gcp_name"] = "\(hostname)-data-\(number)"
                disk["gcp_device"] = "data-\(number)"
                return disk
            }
            if isDirectory { directory.append(server) }
            servers[index] = server
        }
        context["servers"] = servers
        context["image_inputs"] = imageInputs
        context["has_image_inputs"] = !imageInputs.isEmpty
        context["directory_servers"] = directory
        context["has_iam_databases"] = (context["databases"] as? [[String: Any]] ?? [])
            .contains { $0["sqlserver"] as? Bool != true }
        context["has_postgres"] = (context["databases"] as? [[String: Any]] ?? [])
            .contains { $0["postgres"] as? Bool == true }
        context["wave_tag"] = "wave-\(wave)"
        context["state_prefix"] = "wave-\(wave)"
        context["needs_random"] = context["has_sqlserver"]

        // A firewall rule per service and environment with servers here, opening its own ports (and those of the
        // interfaces that join it to other services) to its own servers there (network tag `svc-SERVICE` in
        // production, `svc-SERVICE-ENV` elsewhere) from that environment's subnet and the trust's ranges, and from its
        // production or DR servers (replication): one service's ports are never open on another's servers, nor a
        // production server's to a test one.
        var rules: [[String: Any]] = []
        var ruled = Set<String>()
        for server in servers {
            let service = server["service"] as? String ?? ""
            let ports = server["ports"] as? [[String: Any]] ?? []
            let environment = server["environment"] as? String ?? "production"
            guard !ports.isEmpty, ruled.insert(server["gcp_service_tag"] as? String ?? "").inserted else { continue }
            let replication = server["gcp_replication_tag"] as? String ?? ""
            func list(_ transport: String) -> String {
                ports.filter { $0["protocol"] as? String == transport }.map { "\"\($0["port"] ?? "")\"" }
                    .joined(separator: ", ")
            }
            let tag = server["gcp_service_tag"] as? String ?? ""
            let text = ports.map { "\($0["protocol"] ?? "") \($0["port"] ?? "") (\($0["label"] ?? ""))" }
                .joined(separator: ", ")
            rules.append(["service": service, "environment": environment, "replication_tag": replication,
                          "has_replication": !replication.isEmpty, "tag": tag, "resource": Identifiers.resource(tag), "ports_text": text,
                          "ports": ports, "tcp_ports": list("tcp"), "has_tcp_ports": !list("tcp").isEmpty,
                          "udp_ports": list("udp"), "has_udp_ports": !list("udp").isEmpty])
        }
        context["firewall_rules"] = rules
        context["has_firewall_rules"] = !rules.isEmpty

        // A Windows file server's clients speak SMB, which Filestore does not serve: its shares go to NetApp
        // Volumes (SMB, joined to the trust's Active Directory). The others stay on Filestore (NFS).
        var filestores: [[String: Any]] = []
        var netappVolumes: [[String: Any]] = []
        for share in context["file_shares"] as? [[String: Any]] ?? [] where share["windows"] as? Bool == true {
            let capacities = netappCapacities(share["size_gb"] as? Int ?? 0)
            // Within NetApp's 63 characters for a pool or volume name with the longest name_prefix (21) and "-".
            let base = namePart(share["name"] as? String ?? "share", limit: 36)
            for (index, capacity) in capacities.enumerated() {
                var volume = share
                let suffix = capacities.count > 1 ? "\(index + 1)" : ""
                volume["resource"] = "\(share["resource"] ?? "share")\(suffix.isEmpty ? "" : "_\(suffix)")"
                volume["gcp_name"] = suffix.isEmpty ? base : "\(base)-\(suffix)"
                volume["pool_gib"] = capacity.pool
                volume["capacity_gib"] = capacity.volume
                volume["part"] = index + 1
                volume["parts"] = capacities.count
                volume["split"] = capacities.count > 1
                netappVolumes.append(volume)
            }
        }
        context["netapp_volumes"] = netappVolumes
        context["has_netapp_volumes"] = !netappVolumes.isEmpty
        for share in context["file_shares"] as? [[String: Any]] ?? [] where share["windows"] as? Bool != true {
            let capacities = filestoreCapacities(share["size_gb"] as? Int ?? 0)
            let base = namePart(share["name"] as? String ?? "share", limit: 36)
            for (index, capacity) in capacities.enumerated() {
                var instance = share
                let suffix = capacities.count > 1 ? "\(index + 1)" : ""
                instance["resource"] = "\(share["resource"] ?? "share")\(suffix.isEmpty ? "" : "_\(suffix)")"
                instance["gcp_name"] = suffix.isEmpty ? base : "\(base)-\(suffix)"
                instance["capacity_gb"] = capacity
                instance["part"] = index + 1
                instance["parts"] = capacities.count
                instance["split"] = capacities.count > 1
                filestores.append(instance)
            }
        }
        context["filestores"] = filestores
        context["has_filestores"] = !filestores.isEmpty
        context["object_stores"] = (context["object_stores"] as? [[String: Any]] ?? []).map { store in
            var store = store
            // With the project id (at most 30 characters) and a hyphen, within the 63 a bucket name allows.
            store["gcp_bucket"] = namePart(store["name"] as? String ?? "backup", limit: 32)
            return store
        }
    }

    /// Adds to the landing zone's context which managed services the waves use.
    static func decorate(landingZone context: inout [String: Any], waves: [[String: Any]]) {
        func any(_ key: String) -> Bool { waves.contains { $0[key] as? Bool == true } }
        context["uses_cloud_sql"] = any("has_databases")
        context["uses_filestore"] = any("has_filestores")
        context["uses_netapp"] = any("has_netapp_volumes")
        context["uses_buckets"] = any("has_object_stores")
        context["has_directory"] = any("has_directory")
        context["state_prefix"] = "landing-zone"
        // The VPN's pre-shared key is generated (random_password) and kept in Secret Manager.
        context["needs_random"] = true
    }
}
