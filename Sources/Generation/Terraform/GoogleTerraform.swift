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

    /// What Google Cloud adds to a server's context.
    struct ServerValues: TemplateContext {
        /// The zone's letter (`zoneLetter`).
        let zone: String
        /// Whether it has data of its own to snapshot: data disks, or a domain controller's directory.
        let holdsData: Bool
        let windows: Bool
        /// The network tags of its service in its own environment and in the one it replicates with (or empty).
        let serviceTag: String
        let replicationTag: String
        let tags: [String]
        /// The public image's self link, when the cloud publishes one.
        let image: String?

        var templateValues: [String: Any] {
            var values: [String: Any] = [
                "gcp_zone": zone, "gcp_holds_data": holdsData,
                // Windows disks take the landing zone's VSS (guest flush) snapshot schedule, the others the plain one.
                "gcp_snapshot_schedule": windows ? "windows_snapshots" : "daily_snapshots",
                "gcp_snapshot_policy": windows ? "windows_snapshot_policy" : "snapshot_policy",
                "gcp_replication_tag": replicationTag, "gcp_service_tag": serviceTag,
                "gcp_tags": Identifiers.hclList(tags),
            ]
            if let image { values["gcp_image"] = image }
            return values
        }
    }

    /// Adds the Google keys to one wave's context, made from `contents`, whose servers are given their Google values.
    static func decorate(wave context: inout [String: Any], contents: inout TerraformGenerator.WaveContents,
                         wave: Int) {
        var imageInputs: [[String: Any]] = []
        for index in contents.servers.indices {
            let server = contents.servers[index]
            // A tag per service and environment, so a service's rule admits only its own environment. The rule named
            // after it is NAME_PREFIX (at most 21 characters) "-svc-" and 36: within Compute Engine's 63.
            let serviceTag = Self.serviceTag(server.service, environment: server.environment)
            var tags = ["wave-\(wave)", serviceTag, server.windows ? "windows" : "linux"]
            if server.directory { tags.append("directory") }
            let link = server.image?["self_link"]
            if link == nil {
                imageInputs.append(["resource": server.resource, "name": server.name, "os": server.os,
                                    "image_key": server.imageKey,
                                    "placeholder": namePart("\(server.imageKey)-imported", limit: 60)])
            }
            contents.servers[index].google = ServerValues(
                zone: zoneLetter(zone: server.zone, position: server.subnet),
                holdsData: !server.dataDisks.isEmpty || server.directory, windows: server.windows,
                serviceTag: serviceTag,
                replicationTag: server.replicationPartner.isEmpty
                    ? "" : Self.serviceTag(server.service, environment: server.replicationPartner),
                tags: tags, image: link)
        }
        let servers = contents.servers, databases = contents.databases
        context["servers"] = servers.templateValues
        context["image_inputs"] = imageInputs
        context["has_image_inputs"] = !imageInputs.isEmpty
        context["directory_servers"] = servers.filter(\.directory).templateValues
        context["has_iam_databases"] = databases.contains { $0.engine != .sqlserver }
        context["has_postgres"] = databases.contains { $0.engine == .postgres }
        context["wave_tag"] = "wave-\(wave)"
        context["state_prefix"] = "wave-\(wave)"
        context["needs_random"] = databases.contains { $0.engine == .sqlserver }

        // A firewall rule per service and environment with servers here, opening its own ports (and those of the
        // interfaces that join it to other services) to its own servers there (network tag `svc-SERVICE` in
        // production, `svc-SERVICE-ENV` elsewhere) from that environment's subnet and the trust's ranges, and from its
        // production or DR servers (replication): one service's ports are never open on another's servers, nor a
        // production server's to a test one.
        var rules: [[String: Any]] = []
        var ruled = Set<String>()
        for server in servers {
            guard let google = server.google, !server.ports.isEmpty, ruled.insert(google.serviceTag).inserted
            else { continue }
            let ports = server.ports
            func list(_ transport: String) -> String {
                ports.filter { $0.transport == transport }.map { "\"\($0.number)\"" }.joined(separator: ", ")
            }
            let replication = google.replicationTag, tag = google.serviceTag
            let text = ports.map { "\($0.transport) \($0.number) (\($0.label))" }.joined(separator: ", ")
            rules.append(["service": server.service, "environment": server.environment,
                          "replication_tag": replication, "has_replication": !replication.isEmpty, "tag": tag,
                          "resource": Identifiers.resource(tag), "ports_text": text,
                          "ports": ports.map(TerraformGenerator.portContext), "tcp_ports": list("tcp"),
                          "has_tcp_ports": !list("tcp").isEmpty, "udp_ports": list("udp"),
                          "has_udp_ports": !list("udp").isEmpty])
        }
        context["firewall_rules"] = rules
        context["has_firewall_rules"] = !rules.isEmpty

        // A Windows file server's clients speak SMB, which Filestore does not serve: its shares go to NetApp
        // Volumes (SMB, joined to the trust's Active Directory). The others stay on Filestore (NFS).
        /// A share's part `index` of `count`: its own resource and name, the share's other keys kept.
        func part(of share: StoreContext, _ index: Int, of count: Int) -> [String: Any] {
            var values = share.templateValues
            let suffix = count > 1 ? "\(index + 1)" : ""
            // Within NetApp's 63 characters for a pool or volume name with the longest name_prefix (21) and "-".
            let base = namePart(share.name, limit: 36)
            values["resource"] = "\(share.resource)\(suffix.isEmpty ? "" : "_\(suffix)")"
            values["gcp_name"] = suffix.isEmpty ? base : "\(base)-\(suffix)"
            values["part"] = index + 1
            values["parts"] = count
            values["split"] = count > 1
            return values
        }
        var netappVolumes: [[String: Any]] = []
        for share in contents.fileShares where share.windows {
            let capacities = netappCapacities(share.sizeGiB)
            for (index, capacity) in capacities.enumerated() {
                var volume = part(of: share, index, of: capacities.count)
                volume["pool_gib"] = capacity.pool
                volume["capacity_gib"] = capacity.volume
                netappVolumes.append(volume)
            }
        }
        context["netapp_volumes"] = netappVolumes
        context["has_netapp_volumes"] = !netappVolumes.isEmpty
        var filestores: [[String: Any]] = []
        for share in contents.fileShares where !share.windows {
            let capacities = filestoreCapacities(share.sizeGiB)
            for (index, capacity) in capacities.enumerated() {
                var instance = part(of: share, index, of: capacities.count)
                instance["capacity_gb"] = capacity
                filestores.append(instance)
            }
        }
        context["filestores"] = filestores
        context["has_filestores"] = !filestores.isEmpty
        context["object_stores"] = contents.objectStores.map { store in
            var values = store.templateValues
            // With the project id (at most 30 characters) and a hyphen, within the 63 a bucket name allows.
            values["gcp_bucket"] = namePart(store.name, limit: 32)
            return values
        }
    }

    /// Adds to the landing zone's context which managed services the waves use.
    static func decorate(landingZone context: inout [String: Any], waves: [TerraformGenerator.WaveContents]) {
        context["uses_cloud_sql"] = waves.contains { !$0.databases.isEmpty }
        context["uses_filestore"] = waves.contains { $0.fileShares.contains { !$0.windows } }
        context["uses_netapp"] = waves.contains { $0.fileShares.contains(where: \.windows) }
        context["uses_buckets"] = waves.contains { !$0.objectStores.isEmpty }
        context["has_directory"] = waves.contains { $0.servers.contains(where: \.directory) }
        context["state_prefix"] = "landing-zone"
        // The VPN's pre-shared key is generated (random_password) and kept in Secret Manager.
        context["needs_random"] = true
    }
}
