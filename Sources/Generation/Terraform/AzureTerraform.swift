import CloudFirstCore
import Planning

/// What the Azure wave templates need beyond the shared workload context: values Mustache cannot compute (joined
/// port lists, rule priorities, share quotas split within Azure's limit, the domain controllers' static addresses).
enum AzureTerraform {
    /// GiB: the largest standard Azure file share ("Azure Files scalability and performance targets": 100 TiB with
    /// large file shares enabled; azurerm validates `azurerm_storage_share.quota` as 1 to 102,400).
    static let largestShareGiB = 102_400

    /// NSG rule priorities. Azure allows 100 to 4096, each unique within a security group and direction, and at
    /// most 1,000 rules in one group ("Azure subscription and service limits", Networking limits; "Network security
    /// groups", Azure Virtual Network documentation). Every wave's rules go into the landing zone's one group, whose
    /// own rules sit at 100 to 199 and whose probe, outbound and deny rules sit at 4001 and above, so wave N owns
    /// the block 200 + 100N to 299 + 100N (38 waves of up to 100 rules) and numbers its rules in the order they are
    /// generated: by service in the wave's order, then trust, within-service, dependency and directory rules. A
    /// wave's priorities therefore change only when that wave's own services or dependencies do, never another's.
    static let rulesPerWave = 100
    static func priorityBase(wave: Int) -> Int { 200 + rulesPerWave * wave }

    /// Application security groups: names of 1 to 80 letters, digits, underscores, periods and hyphens, starting with
    /// a letter or digit ("Naming rules and restrictions for Azure resources", Microsoft.Network
    /// applicationSecurityGroups), unique within a resource group; at most 3,000 per subscription and region ("Azure
    /// subscription and service limits", Networking limits). One per service and environment with servers: the name
    /// prefix (at most 15 characters), a hyphen, the service's id made safe (at most 60) and, outside production, a
    /// hyphen and the environment (the id then cut to 50, the environment to 13), so never more than 80.
    static func securityGroupName(_ service: String) -> String { containerName(service) }
    static func securityGroupName(_ service: String, environment: String) -> String {
        environment == "production" ? securityGroupName(service)
            : String(securityGroupName(service).prefix(50)) + "-"
                + String(environment.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }.prefix(13))
    }

    /// NSG rule names are at most 80 characters and descriptions at most 140 ("Naming rules and restrictions for
    /// Azure resources", Microsoft.Network networkSecurityGroups/securityRules; azurerm validates the description's
    /// length in `network_security_rule_resource.go`).
    static let ruleNameLimit = 80
    static let ruleDescriptionLimit = 140

    /// A wave whose rules do not fit its block of priorities.
    struct PriorityError: Error, CustomStringConvertible {
        let wave: Int
        let rules: Int
        var description: String {
            "Azure wave \(wave) needs \(rules) security rules, but each wave has \(rulesPerWave) priorities (200 + 100 x wave, "
                + "waves 0 to 37, within Azure's 100 to 4096): split the wave, or move services to other waves"
        }
    }

    /// The services earlier waves built servers for on Azure, by service and environment (`SERVICE@ENVIRONMENT`):
    /// the wave and the security group's name. The
    /// generator carries it from wave to wave, so a rule between two services is written once, in the later wave
    /// of the two, when both groups exist.
    struct Built {
        var services: [String: (wave: Int, group: String)] = [:]
        /// The services whose groups any wave's rules name: all in the landing zone's one security group, which
        /// may name at most `groupsPerSecurityGroup`.
        var referenced: Set<String> = []
    }

    /// "Application security groups that can be specified within all security rules of a network security group":
    /// 100 ("Azure subscription and service limits", Networking limits).
    static let groupsPerSecurityGroup = 100

    /// An estate whose services' groups outnumber what the landing zone's security group may name.
    struct GroupLimitError: Error, CustomStringConvertible {
        let groups: Int
        var description: String {
            "Azure's rules would name \(groups) application security groups (one per service and environment with servers), but one "
                + "network security group may name at most \(groupsPerSecurityGroup): the estate needs a security "
                + "group per environment or per wave, which this generator does not yet write"
        }
    }

    /// The ports an Active Directory domain controller answers on, from "How to configure a firewall for Active
    /// Directory domains and trusts" and "Service overview and network port requirements for Windows" (Microsoft
    /// Learn): DNS 53, Kerberos 88, NTP 123 (UDP), RPC endpoint mapper 135, LDAP 389, SMB 445, Kerberos password
    /// change 464, LDAPS 636, global catalog 3268-3269, and the RPC dynamic range 49152-65535 (TCP) that
    /// replication and Netlogon use.
    static let directoryTCP = ["53", "88", "135", "389", "445", "464", "636", "3268-3269", "49152-65535"]
    static let directoryUDP = ["53", "88", "123", "389", "464"]

    /// The maintenance window a server in `environment` is patched in: production's own, or the one every other
    /// environment (DR, test, development, training) shares, so production is never patched with the rest. A
    /// service's production servers (`nth` counts those before this one) alternate between production's two windows,
    /// one after the other, so a service's domain controllers or cluster nodes never all restart at once.
    static func patchWindow(_ environment: String, nth: Int = 0) -> String {
        guard environment == "production" else { return "non-production" }
        return nth % 2 == 0 ? "production" : "production-second"
    }

    /// The classification a resource holding data of all of `classifications` carries: official-sensitive if any
    /// is, then not-recorded (unknown is treated as possibly sensitive), then official.
    static func mostSensitive(_ classifications: [String]) -> String {
        for level in ["official-sensitive", "not-recorded", "official"] where classifications.contains(level) {
            return level
        }
        return classifications.first ?? "not-recorded"
    }

    /// The landing zone's environments, in the order it cuts their workload subnets from `address_space`.
    static let environments = ["production", "dr", "test", "development", "training"]

    /// The address a domain controller takes in the landing zone's example `address_space` (10.50.0.0/16, a /20 per
    /// environment in `environments`' order, terraform.tfvars.example): `host_number` (negative) counted from the top
    /// of its environment's subnet, as the wave's `cidrhost` does.
    static func exampleAddress(environment: String, hostNumber: Int) -> String {
        let index = environments.firstIndex(of: environment) ?? 0
        let top = (index * 16 + 15) * 256 + 256  // one past the subnet's last address, within 10.50.0.0/16
        let offset = top + hostNumber
        return "10.50.\(offset / 256).\(offset % 256)"
    }

    /// What Azure adds to a server's context.
    struct ServerValues: TemplateContext {
        /// A domain controller's address is static: `hostNumber` (negative) counted from the top of its subnet.
        var staticIP = false
        var hostNumber: Int?
        /// The LUN of the domain controller's own disk for the AD DS database, logs and SYSVOL.
        var directoryDiskLUN: Int?
        /// The maintenance window it is patched in (`patchWindow`), for a server on a Marketplace image.
        var patchWindow: String?
        /// The resource of the application security group its interface joins.
        var securityGroup: String?

        var templateValues: [String: Any] {
            var values: [String: Any] = ["static_ip": staticIP]
            if let hostNumber { values["host_number"] = hostNumber }
            if let directoryDiskLUN { values["directory_disk_lun"] = directoryDiskLUN }
            if let patchWindow {
                values["patch_window"] = patchWindow
                values["has_patch_window"] = true
            }
            if let securityGroup { values["security_group"] = securityGroup }
            return values
        }
    }

    /// What Azure adds to a file share's or object store's context: its quotas within `largestShareGiB`.
    struct StoreValues: TemplateContext {
        let quotas: [Int]
        /// Its name as a share or container (`containerName`).
        let azureName: String

        var split: Bool { quotas.count > 1 }

        var templateValues: [String: Any] {
            [
                "shares": quotas.enumerated().map { number, quota in
                    ["quota": quota, "suffix": split ? "-\(number + 1)" : "", "key": split ? "_\(number + 1)" : ""]
                        as [String: Any]
                },
                "split": split, "azure_name": azureName,
            ]
        }
    }

    /// Adds to the landing zone's context the domain controllers' addresses in its example address space, from the
    /// waves' servers as `enrich` left them, for terraform.tfvars.example's `dns_servers`.
    static func decorate(landingZone: inout [String: Any], waves: [TerraformGenerator.WaveContents]) {
        let addresses = waves.flatMap(\.servers).compactMap { server in
            server.azure?.hostNumber.map { exampleAddress(environment: server.environment, hostNumber: $0) }
        }
        landingZone["has_domain_controllers"] = !addresses.isEmpty
        landingZone["dns_servers_example"] = Identifiers.hclList(addresses)
    }

    /// Adds the Azure keys to one wave's context, made from `contents`, whose servers and stores are given their
    /// Azure values.
    static func enrich(_ context: inout [String: Any], contents: inout TerraformGenerator.WaveContents, wave: Int,
                       estate: Estate, built: inout Built) throws {
        var controllers: [String: Int] = [:]
        var patched: [String: Int] = [:]  // each service's production servers given a window so far
        for index in contents.servers.indices {
            let server = contents.servers[index]
            var azure = ServerValues(staticIP: server.directory)
            if server.directory {
                // Counted from the top of its environment's subnet (cidrhost with a negative number), away from the
                // addresses Azure hands out from the bottom; -1 is the subnet's broadcast address, which Azure
                // reserves.
                azure.hostNumber = -(2 + controllers[server.environment, default: 0])
                controllers[server.environment, default: 0] += 1
                // The AD DS database, logs and SYSVOL on a data disk of their own with host caching None, after
                // the server's own data disks ("Deploy AD DS in an Azure virtual network", Microsoft Learn).
                azure.directoryDiskLUN = server.dataDisks.count
            }
            // Scheduled patching (Azure Update Manager) for the servers on a Marketplace image, whose patch mode
            // can be AutomaticByPlatform: production in its own window, every other environment in another.
            if server.image != nil {
                let window = patchWindow(server.environment, nth: patched[server.service, default: 0])
                if window.hasPrefix("production") { patched[server.service, default: 0] += 1 }
                azure.patchWindow = window
            }
            contents.servers[index].azure = azure
        }
        let servers = contents.servers
        let windows = Set(servers.compactMap(\.azure?.patchWindow))
        context["has_patch_schedule"] = !windows.isEmpty
        context["patch_window_list"] = Identifiers.hclList(windows.sorted())
        // The environments' subnets the wave's servers sit in, each looked up once.
        let serverEnvironments = Set(servers.map(\.environment)).sorted()
        context["environment_list"] = Identifiers.hclList(serverEnvironments)
        context["environment_names"] = serverEnvironments.joined(separator: ", ")
        // The wave's own resources (its resource group, security groups, storage accounts) carry the environment of
        // what they serve: the one environment of the wave's servers, databases and stores, or "mixed".
        let environments = Set(servers.map(\.environment) + contents.databases.map(\.environment)
            + contents.fileShares.map(\.environment) + contents.objectStores.map(\.environment))
        context["wave_environment"] = (environments.count == 1 ? environments.first : nil) ?? "mixed"
        let missing = servers.filter { $0.image == nil }
        context["missing_images"] = missing.templateValues
        context["has_missing_images"] = !missing.isEmpty
        context["missing_image_list"] = Identifiers.hclList(missing.map(\.name))

        let rules = try securityRules(servers: &contents.servers, wave: wave, estate: estate, built: &built)
        context.merge(rules.templateValues) { _, rules in rules }
        context["servers"] = contents.servers.templateValues

        for tier in [StorageTier.fileshare, .object] {
            var stores = tier == .fileshare ? contents.fileShares : contents.objectStores
            // The storage account holding them carries their environment and data classification as tags, as every
            // other resource does: the one environment of its shares or "mixed", and the most sensitive
            // classification among them.
            let account = tier == .fileshare ? "files" : "backups"
            let environments = Set(stores.map(\.environment))
            context["\(account)_environment"] = (environments.count == 1 ? environments.first : nil) ?? "mixed"
            context["\(account)_classification"] = mostSensitive(stores.map(\.classification))
            for index in stores.indices {
                stores[index].azure = StoreValues(quotas: shareQuotas(stores[index].sizeGiB),
                                                  azureName: containerName(stores[index].name))
            }
            if tier == .fileshare {
                contents.fileShares = stores
                context["file_shares"] = stores.templateValues
            } else {
                contents.objectStores = stores
                context["object_stores"] = stores.templateValues
            }
        }
        let hasStores = !contents.fileShares.isEmpty || !contents.objectStores.isEmpty
        context["has_stores"] = hasStores
        context["needs_workspace"] = hasStores || !contents.databases.isEmpty
        context["has_servers_or_shares"] = !servers.isEmpty || !contents.fileShares.isEmpty
        context["has_split_shares"] = contents.fileShares.contains { $0.azure?.split == true }
    }

    /// A wave's application security groups and NSG rules (`securityRules`).
    struct SecurityRules: TemplateContext {
        /// One application security group of this wave's.
        struct Group: TemplateContext {
            let resource: String
            let group: String
            let service: String
            let environment: String

            var templateValues: [String: Any] {
                ["resource": resource, "group": group, "service": service, "environment": environment]
            }
        }

        /// An earlier wave's application security group, looked up by name in its wave's resource group.
        struct RemoteGroup: TemplateContext {
            let resource: String
            let group: String
            let wave: Int

            var templateValues: [String: Any] { ["resource": resource, "group": group, "wave": wave] }
        }

        /// One inbound NSG rule.
        struct Rule: TemplateContext {
            let name: String
            let description: String
            /// "tcp" or "udp".
            let transport: String
            let priority: Int
            let ports: [String]
            let fromTrust: Bool
            let fromEstate: Bool
            /// HCL references to the groups' ids: the source is nil for a rule from the trust or the estate.
            let target: String
            let source: String?

            var templateValues: [String: Any] {
                var values: [String: Any] = [
                    "name": name, "resource": Identifiers.resource(name), "description": description,
                    "protocol": transport == "udp" ? "Udp" : "Tcp", "priority": priority,
                    "port_list": Identifiers.hclList(ports), "from_trust": fromTrust, "from_estate": fromEstate,
                    "from_group": source != nil, "to_group": target,
                ]
                if let source { values["source_group"] = source }
                return values
            }
        }

        let groups: [Group]
        /// Sorted by resource.
        let remoteGroups: [RemoteGroup]
        let rules: [Rule]
        /// The first of the wave's block of priorities.
        let priorityBase: Int

        var templateValues: [String: Any] {
            let earlier = Set(remoteGroups.map(\.wave)).sorted()
            return [
                "security_groups": groups.templateValues,
                "remote_security_groups": remoteGroups.templateValues,
                "has_remote_security_groups": !earlier.isEmpty,
                "remote_waves": earlier.map { "`wave-\($0)/`" }.joined(separator: ", "),
                "priority_base": priorityBase,
                "priority_last": priorityBase + rulesPerWave - 1,
                "rule_count": rules.count,
                "nsg_rules": rules.templateValues,
                "has_nsg_rules": !rules.isEmpty,
            ]
        }
    }

    /// One application security group per service and environment with servers in the wave, each server's
    /// interface joined to its group, and the inbound rules for each: its interface ports from the trust's ranges,
    /// from its own servers of that environment (clusters, replicas), between its production and DR groups on its
    /// own ports (replication), and, within one environment only, from each built service that depends on it (the
    /// ports `Workload.portsReached` gives) and both ways between services an interface joins (`peer`, the ports
    /// `Workload.linkPorts` gives: the inventory does not say which end listens, so both admit them), TCP and UDP
    /// apart; a directory service's domain controllers answer Active Directory's ports to the whole estate and the
    /// trust. Nothing else inside the network is open, so a test server never reaches a production one.
    /// Each server's `azure.securityGroup` is set to its group's resource.
    static func securityRules(servers: inout [ServerContext], wave: Int, estate: Estate, built: inout Built) throws
        -> SecurityRules {
        /// A group's key: the service and its servers' environment.
        func key(_ service: String, _ environment: String) -> String { "\(service)@\(environment)" }
        var order: [(service: String, environment: String)] = []
        var resources = Identifiers.Unique.resources()
        var local: [String: (resource: String, group: String)] = [:]
        var groupNames = Set<String>()
        for server in servers {
            let (service, env) = (server.service, server.environment)
            guard local[key(service, env)] == nil else { continue }
            order.append((service, env))
            // Production keeps the service's own name; another environment's group adds the environment's.
            let named = securityGroupName(service, environment: env)
            var group = named
            var suffix = 2
            while !groupNames.insert(group).inserted {
                group = String(named.prefix(56)) + "-\(suffix)"
                suffix += 1
            }
            local[key(service, env)] = (resources.take(env == "production" ? service : "\(service)-\(env)"), group)
            built.services[key(service, env)] = (wave, group)
        }
        for index in servers.indices {
            let resource = local[key(servers[index].service, servers[index].environment)]?.resource ?? ""
            servers[index].azure = servers[index].azure ?? ServerValues()
            servers[index].azure?.securityGroup = resource
        }
        // Every entry of `order` has its group in `local`: the two are filled together above.
        let groups = order.compactMap { entry in
            local[key(entry.service, entry.environment)].map { own in
                SecurityRules.Group(resource: own.resource, group: own.group, service: entry.service,
                                    environment: entry.environment)
            }
        }
        // Groups of earlier waves' services, found by name in their wave's resource group.
        var remote: [String: SecurityRules.RemoteGroup] = [:]
        func reference(_ group: String) -> String {
            if let mine = local[group] { return "azurerm_application_security_group.\(mine.resource).id" }
            // Safe: every group a rule names is in `built` (flows are written only between groups found there).
            let (number, name) = built.services[group]!
            let resource = "wave_\(number)_" + Identifiers.resource(name)
            remote[resource] = SecurityRules.RemoteGroup(resource: resource, group: name, wave: number)
            return "data.azurerm_application_security_group.\(resource).id"
        }

        var rules: [SecurityRules.Rule] = []
        let base = priorityBase(wave: wave)
        func add(_ what: String, _ description: String, _ transport: String, _ ports: [String], to group: String,
                 from source: String?, trust: Bool = false, estate: Bool = false) {
            guard !ports.isEmpty else { return }
            let priority = base + rules.count
            var name = String("wave-\(wave)-\(priority)-\(what)".prefix(ruleNameLimit))
            while let last = name.last, !(last.isLetter || last.isNumber) { name.removeLast() }
            // The target's reference first, then the source's: `reference` records the remote groups it names.
            let target = reference(group)
            let rule = SecurityRules.Rule(
                name: name, description: String(description.prefix(ruleDescriptionLimit)), transport: transport,
                priority: priority, ports: ports, fromTrust: trust, fromEstate: estate, target: target,
                source: source.map(reference))
            built.referenced.insert(group)
            if let source { built.referenced.insert(source) }
            rules.append(rule)
        }
        func numbers(_ ports: [Workload.Port], _ transport: String) -> [String] {
            Array(Set(ports.filter { $0.transport == transport }.map(\.number))).sorted().map(String.init)
        }
        /// The group's name without the prefix, for rule names.
        func safe(_ group: String) -> String { built.services[group]?.group ?? group }
        let serviceModels = Dictionary(estate.services.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Flows between two groups (target, source) in the order first met, with their ports and why: a dependency
        // and an interface between the same two services make one rule per transport.
        var flows: [(target: String, source: String, ports: Set<Workload.Port>, reasons: [String])] = []
        func flow(into target: String, from source: String, _ ports: [Workload.Port], _ reason: String) {
            guard !ports.isEmpty else { return }
            if let index = flows.firstIndex(where: { $0.target == target && $0.source == source }) {
                flows[index].ports.formUnion(ports)
                if !flows[index].reasons.contains(reason) { flows[index].reasons.append(reason) }
            } else {
                flows.append((target, source, Set(ports), [reason]))
            }
        }
        func emitFlows() {
            for item in flows {
                let (target, source) = (item.target, item.source)
                let service = target.split(separator: "@").first.map(String.init) ?? target
                let from = source.split(separator: "@").first.map(String.init) ?? source
                let env = target.split(separator: "@").last.map(String.init) ?? ""
                let sourceEnv = source.split(separator: "@").last.map(String.init) ?? ""
                let fromText = env == sourceEnv ? "\(from) (\(env))" : "\(from) \(sourceEnv)"
                for transport in ["tcp", "udp"] {
                    add("\(safe(target))-\(transport)-from-\(safe(source))",
                        "\(service) \(env)'s ports (\(transport.uppercased())) from \(fromText): "
                            + item.reasons.joined(separator: "; "),
                        transport, numbers(Array(item.ports), transport), to: target, from: source)
                }
            }
            flows.removeAll()
        }
        for (service, env) in order {
            let group = key(service, env)
            let ports = servers.first { $0.service == service }?.ports ?? []
            let count = servers.filter { $0.service == service && $0.environment == env }.count
            for transport in ["tcp", "udp"] {
                let upper = transport.uppercased()
                add("\(safe(group))-\(transport)-from-trust", "\(service) \(env)'s interface ports (\(upper)) from the trust's ranges",
                    transport, numbers(ports, transport), to: group, from: nil, trust: true)
            }
            if count > 1 {
                for transport in ["tcp", "udp"] {
                    add("\(safe(group))-\(transport)-within", "\(service) \(env)'s interface ports (\(transport.uppercased())) between its own servers",
                        transport, numbers(ports, transport), to: group, from: group)
                }
            }
            let model = serviceModels[service]
            // Replication between the service's production and DR groups, both ways, written once: by the DR group
            // when both are this wave's, else by this wave's when the other is an earlier wave's.
            if let model, env == "production" || env == "dr" {
                let other = key(service, env == "production" ? "dr" : "production")
                if let earlier = built.services[other], earlier.wave < wave || (local[other] != nil && env == "dr") {
                    let own = Workload.portsReached(at: model, in: estate)
                    flow(into: other, from: group, own, "replication between production and DR")
                    flow(into: group, from: other, own, "replication between production and DR")
                }
            }
            // What this service depends on that is built in this environment (in this wave or an earlier one), then
            // what depends on it that an earlier wave built; a later wave's dependents write their own rules.
            var seen = Set<String>()
            for reference in model?.dependsOn ?? [] where reference.id != service && seen.insert(reference.id).inserted {
                guard built.services[key(reference.id, env)] != nil, let dependency = serviceModels[reference.id] else { continue }
                flow(into: key(reference.id, env), from: group, Workload.portsReached(at: dependency, in: estate),
                     "\(service) depends on it")
            }
            for dependent in estate.services where dependent.id != service
                && dependent.dependsOn.contains(where: { $0.id == service }) {
                guard let earlier = built.services[key(dependent.id, env)], earlier.wave < wave, let model else { continue }
                flow(into: group, from: key(dependent.id, env), Workload.portsReached(at: model, in: estate),
                     "\(dependent.id) depends on it")
            }
            // Services an interface joins this one to, in this environment: both ends admit the interface's ports
            // from the other. Written once: by the first of the two in this wave, or by this wave if the other is
            // an earlier wave's.
            if let model {
                for peer in Workload.peers(of: model, in: estate) {
                    let other = key(peer, env)
                    guard let existing = built.services[other], let partner = serviceModels[peer] else { continue }
                    if existing.wave == wave, let position = order.firstIndex(where: { key($0.service, $0.environment) == other }),
                       // Safe: `group` is this server's own, which the loop above put in `order`.
                       position < order.firstIndex(where: { key($0.service, $0.environment) == group })! { continue }
                    flow(into: other, from: group, Workload.linkPorts(into: partner, from: model, in: estate),
                         "an interface joins them")
                    flow(into: group, from: other, Workload.linkPorts(into: model, from: partner, in: estate),
                         "an interface joins them")
                }
            }
            emitFlows()
            if servers.contains(where: { $0.service == service && $0.environment == env && $0.directory }) {
                let safe = safe(group)
                add("\(safe)-directory-tcp-from-estate", "Active Directory (TCP) to \(service)'s domain controllers from the estate",
                    "tcp", directoryTCP, to: group, from: nil, estate: true)
                add("\(safe)-directory-udp-from-estate", "Active Directory (UDP) to \(service)'s domain controllers from the estate",
                    "udp", directoryUDP, to: group, from: nil, estate: true)
                add("\(safe)-directory-tcp-from-trust", "Active Directory (TCP) to \(service)'s domain controllers from the trust",
                    "tcp", directoryTCP, to: group, from: nil, trust: true)
                add("\(safe)-directory-udp-from-trust", "Active Directory (UDP) to \(service)'s domain controllers from the trust",
                    "udp", directoryUDP, to: group, from: nil, trust: true)
            }
        }
        // Past its block a wave would take the next wave's priorities (or pass 4000, where the landing zone's probe,
        // outbound and deny rules sit): say so rather than write rules Azure refuses as conflicting.
        if rules.count > rulesPerWave || (!rules.isEmpty && base + rules.count - 1 > 4000) {
            throw PriorityError(wave: wave, rules: rules.count)
        }
        if built.referenced.count > groupsPerSecurityGroup { throw GroupLimitError(groups: built.referenced.count) }
        return SecurityRules(groups: groups, remoteGroups: remote.sorted { $0.key < $1.key }.map(\.value),
                             rules: rules, priorityBase: base)
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
