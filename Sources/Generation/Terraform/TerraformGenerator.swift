import Assessment
import CloudFirstCore
import Planning

/// A file to write, relative to the output folder.
public struct GeneratedFile: Sendable, Equatable {
    public let path: String
    public let contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// Turns a migration plan into Terraform for one cloud: a landing zone, then a folder per wave with a VM per server
/// that moves onto a VM, each folder with its README. Retained, retired and repurchased services build nothing, and
/// the READMEs say so and why.
public struct TerraformGenerator: Sendable {
    public let templates: TemplateSet
    public let version: String

    public init(templates: TemplateSet, version: String) {
        self.templates = templates
        self.version = version
    }

    public func generate(_ plan: MigrationPlan, cloud: Cloud) throws -> [GeneratedFile] {
        let estate = plan.estate
        let region = plan.assumptions.regions[cloud] ?? ""
        let base: [String: Any] = [
            "version": version,
            "organisation": estate.organisation?.name ?? "the organisation",
            "cloud": cloud.rawValue,
            "cloud_name": cloud.displayName,
            "region": region,
            "prefix": Identifiers.prefix(for: estate.organisation),
            "storage_account": Identifiers.storageAccount(for: estate.organisation),
        ]
        var files: [GeneratedFile] = []
        var landingZone = base
        landingZone["wave"] = 0
        // The landing zone is rendered after the waves, so it can be told what they use (on Google Cloud, which
        // service agents need the key); its files still come first.
        var waveContexts: [[String: Any]] = []
        var hostnames = Identifiers.Unique.hostnames()
        var databaseNames = Identifiers.Unique.databases()
        let sizingByServer = Dictionary(plan.sizing.map { ($0.serverIndex, $0) }, uniquingKeysWith: { first, _ in first })
        var waveFolders: [[String: Any]] = []
        // Azure's security rules between services of different waves are written in the later wave of the two.
        var azureBuilt = AzureTerraform.Built()
        // The landing zone's own folder builds the platform; the foundation services the plan moves with it
        // (directory, backup) get a wave folder of their own, wave-0, like any wave's servers.
        for wave in plan.waves where wave.number > 0 || !wave.services.isEmpty {
            var context = base
            context["wave"] = wave.number
            context["wave_name"] = wave.name
            context["title"] = wave.title
            context["start"] = wave.start.description
            context["end"] = wave.end.description
            context["service_list"] = wave.services.map { estate.services[$0].id }.joined(separator: ", ")
            var servers: [[String: Any]] = []
            var databases: [[String: Any]] = []
            var skipped: [[String: Any]] = []
            var names = Identifiers.Unique.resources()
            var seen = Set<Int>()
            var portsByService: [String: [Workload.Port]] = [:]
            var serviceEnvironments: [String: Set<String>] = [:]
            var dependencyPorts = Set<Workload.Port>()
            // A cloud whose wave templates hold `storage.tf` builds file shares and object stores; until then the
            // server stays a VM with its data on disks.
            let buildsStores = templates.templates(in: "terraform/\(cloud.rawValue)/wave").contains("storage.tf")
            var fileShares: [[String: Any]] = []
            var objectStores: [[String: Any]] = []
            var unknownPorts: [[String: Any]] = []
            var standbys: [[String: Any]] = []
            var internetServices: [String] = []
            var licensedVMs: [[String: Any]] = []
            for service in wave.services {
                let assessed = plan.assessment.services[service]
                let model = estate.services[service]
                let needsVM = [MigrationStrategy.rehost, .replatform, .relocate, .refactor].contains(assessed.strategy)
                if !needsVM {
                    skipped.append(["id": model.id, "strategy": assessed.strategy.rawValue,
                                    "reason": assessed.strategy == .repurchase
                                        ? "bought as SaaS from the supplier: nothing to build here"
                                        : "nothing to build for this strategy"])
                    continue
                }
                // A supplier that names the clouds it supports is taken at its word: nothing is built elsewhere.
                if let supported = model.supplier?.supportedClouds, !supported.contains(cloud) {
                    let names = supported.map(\.displayName).joined(separator: ", ")
                    skipped.append(["id": model.id, "strategy": assessed.strategy.rawValue,
                                    "reason": "its supplier supports \(names.isEmpty ? "no public cloud" : names) "
                                        + "only: not built on \(cloud.displayName)"])
                    continue
                }
                if model.exposure == .internet { internetServices.append(model.id) }
                var position = 0
                for reference in model.servers {
                    guard let index = estate.serverIndex[reference.id], seen.insert(index).inserted,
                          let sized = sizingByServer[index], let size = sized.on(cloud) else { continue }
                    let server = estate.servers[index]
                    // A disaster-recovery database server whose service's production database becomes a managed
                    // database of the same engine is that database's standby: the managed database's own standby in
                    // another zone and its backups take its place. Built on its own it would be a second, empty
                    // database with nothing replicating into it.
                    if assessed.strategy == .replatform, server.role == .database,
                       let primary = Self.primaryDatabase(standing: server, in: model, estate: estate) {
                        standbys.append(["name": server.id, "service": model.id, "primary": primary])
                        continue
                    }
                    // A replatformed database server becomes the cloud's managed database where the engine allows.
                    if assessed.strategy == .replatform, server.role == .database,
                       let engine = ManagedDatabase.engine(of: server) {
                        var database = ManagedDatabase.context(server, engine: engine, size: size, service: model,
                                                               resource: names.take(server.id),
                                                               identifier: databaseNames.take(server.id))
                        database["environment"] = Workload.environment(of: server)
                        database["port"] = ManagedDatabase.port(of: engine)
                        databases.append(database)
                        continue
                    }
                    // A file server's shares go to the managed file service and a backup server's repository to
                    // object storage, as the plan priced them; the VM goes too where a managed service replaces it.
                    let resource = names.take(server.id)
                    if size.storageTier != .block, buildsStores {
                        var store = storeContext(server, tier: size.storageTier, service: model, resource: resource)
                        store["environment"] = Workload.environment(of: server)
                        // The OS family decides the protocol a file server's clients speak (SMB for Windows).
                        store["windows"] = size.windows
                        store["os_family"] = Workload.operatingSystem(server.os, windows: size.windows).family
                        if size.storageTier == .fileshare { fileShares.append(store) } else { objectStores.append(store) }
                        if size.replacedByService { continue }
                    }
                    var context = serverContext(server, sized: sized, size: size, service: model, cloud: cloud,
                                                strategy: assessed.strategy, resource: resource,
                                                hostname: hostnames.take(server.id), subnet: servers.count,
                                                wave: wave.number)
                    // A database licensed by the core (SQL Server, Oracle) on a VM: the image carries none.
                    if let licence = DatabaseLicence.of(server.software)?.licence {
                        licensedVMs.append(["name": server.id, "licence": licence.unit])
                    }
                    context["zone"] = Workload.zone(for: model, position: position)
                    // A directory service's servers are its domain controllers: static addresses, directory ports.
                    context["directory"] = assessed.kind == .directory
                    context["zonal"] = !(context["zone"] as? String ?? "").isEmpty
                    position += 1
                    servers.append(context)
                }
                let engines = model.servers.compactMap { estate.serverIndex[$0.id] }
                    .flatMap { Workload.engines(of: estate.servers[$0]) }
                let ports = Workload.ports(of: model, engines: engines, kind: assessed.kind)
                if !ports.unknown.isEmpty {
                    unknownPorts.append(["id": model.id, "protocols": ports.unknown.joined(separator: ", ")])
                }
                // Its own ports, and those of the interfaces that join it to another service of the estate (its
                // `peer`, either way): the inventory does not say which end listens, so both ends open them.
                var own = Set(ports.known)
                for peer in Workload.peers(of: model, in: estate) {
                    guard let other = estate.serviceIndex[peer] else { continue }
                    own.formUnion(Workload.linkPorts(into: model, from: estate.services[other], in: estate))
                }
                portsByService[model.id] = own.sorted()
                serviceEnvironments[model.id] = Set(model.servers.compactMap { estate.serverIndex[$0.id] }
                    .map { Workload.environment(of: estate.servers[$0]) })
                dependencyPorts.formUnion(Workload.dependencyPorts(of: model, in: estate))
            }
            let width = servers.map { ($0["name"] as? String ?? "").count }.max() ?? 0
            for index in servers.indices {
                let name = servers[index]["name"] as? String ?? ""
                servers[index]["pad"] = String(repeating: " ", count: width - name.count)
                // Each server carries its own service's ports.
                let ports = portsByService[servers[index]["service"] as? String ?? ""] ?? []
                servers[index]["ports"] = ports.map(Self.portContext)
                servers[index]["has_ports"] = !ports.isEmpty
                // The environment its service's production and DR servers replicate with, when it has both.
                let environment = servers[index]["environment"] as? String ?? "production"
                let partner = environment == "production" ? "dr" : environment == "dr" ? "production" : ""
                let environments = serviceEnvironments[servers[index]["service"] as? String ?? ""] ?? []
                servers[index]["replication_partner"] = environments.contains(partner) ? partner : ""
            }
            context["servers"] = servers
            // Each operating system image the wave's servers start from, once, by image_key, with where the cloud
            // publishes it (image) when it does.
            var images: [String: [String: Any]] = [:]
            for server in servers {
                let key = server["image_key"] as? String ?? ""
                guard images[key] == nil else { continue }
                var entry: [String: Any] = ["key": key, "os": server["os"] ?? "", "has_image": server["has_image"] ?? false]
                if let image = server["image"] { entry["image"] = image }
                images[key] = entry
            }
            context["images"] = images.keys.sorted().compactMap { images[$0] }
            context["image_key_list"] = Identifiers.hclList(images.keys.sorted())
            context["databases"] = databases
            context["standbys"] = standbys
            context["internet_services"] = internetServices.map { ["id": $0] }
            context["has_internet_services"] = !internetServices.isEmpty
            context["licensed_vms"] = licensedVMs
            // Ubuntu 20.04 is past standard support (31 May 2025, Canonical's "Ubuntu release cycle"): its security
            // updates come with Ubuntu Pro, whose images Azure and Google publish and whose premium the plan omits.
            let pro = servers.filter { $0["image_key"] as? String == "ubuntu-20.04" }.map { ["name": $0["name"] ?? ""] }
            context["pro_servers"] = pro
            context["has_pro_servers"] = !pro.isEmpty
            context["has_licensed_vms"] = !licensedVMs.isEmpty
            context["has_standbys"] = !standbys.isEmpty
            context["has_servers"] = !servers.isEmpty
            context["has_databases"] = !databases.isEmpty
            context["has_servers_or_databases"] = !servers.isEmpty || !databases.isEmpty
            context["has_mysql"] = databases.contains { $0["mysql"] as? Bool == true }
            context["has_sqlserver"] = databases.contains { $0["sqlserver"] as? Bool == true }
            // Each engine port the wave's databases listen on, once, for the rules that let the estate reach them.
            context["database_ports"] = Set(databases.compactMap { $0["port"] as? Int }).sorted()
                .map { ["port": $0] as [String: Any] }
            context["has_resources"] = !servers.isEmpty || !databases.isEmpty || !fileShares.isEmpty
                || !objectStores.isEmpty
            context["has_windows"] = servers.contains { $0["windows"] as? Bool == true }
            context["has_linux"] = servers.contains { $0["windows"] as? Bool == false }
            // Every port any service of the wave uses, once: what the wave's security rules open within the estate
            // and from the trust's ranges.
            // Ordered by port, protocol and then label, so the same port under two interface names (https, rest) comes
            // out in the same order every run.
            let wavePorts = Set(portsByService.values.joined()).sorted {
                ($0.number, $0.transport, $0.label) < ($1.number, $1.transport, $1.label)
            }
            context["ports"] = wavePorts.map(Self.portContext)
            context["has_ports"] = !wavePorts.isEmpty
            // What the wave's servers reach the services they depend on at, wherever those run.
            context["dependency_ports"] = dependencyPorts.sorted().map(Self.portContext)
            context["has_directory"] = servers.contains { $0["directory"] as? Bool == true }
            context["unknown_ports"] = unknownPorts
            context["has_unknown_ports"] = !unknownPorts.isEmpty
            context["file_shares"] = fileShares
            context["has_file_shares"] = !fileShares.isEmpty
            // The trust's directory is asked for where something joins it: file shares, and SQL Server databases.
            context["needs_directory"] = !fileShares.isEmpty || databases.contains { $0["sqlserver"] as? Bool == true }
            context["object_stores"] = objectStores
            context["has_object_stores"] = !objectStores.isEmpty
            context["has_zonal"] = servers.contains { $0["zonal"] as? Bool == true }
            context["environments"] = Array(Set(servers.compactMap { $0["environment"] as? String })).sorted()
            context["skipped"] = skipped
            context["has_skipped"] = !skipped.isEmpty
            if cloud == .gcp { GoogleTerraform.decorate(wave: &context) }
            if cloud == .azure { try AzureTerraform.enrich(&context, wave: wave.number, estate: estate, built: &azureBuilt) }
            if cloud == .aws { AWSTerraform.enrich(&context, wave: wave, plan: plan) }
            waveContexts.append(context)
            let folder = "\(cloud.rawValue)/wave-\(wave.number)"
            // A wave with no VM on this cloud gets its README alone: empty Terraform would only confuse.
            let waveTemplates = "terraform/\(cloud.rawValue)/wave"
            let only = servers.isEmpty && databases.isEmpty && fileShares.isEmpty && objectStores.isEmpty
                ? ["README.md"]
                : templates.templates(in: waveTemplates).filter {
                    ($0 != "databases.tf" || !databases.isEmpty)
                        && ($0 != "storage.tf" || !fileShares.isEmpty || !objectStores.isEmpty)
                }
            files += try render(folder: waveTemplates, into: folder, context: context, only: only)
            // Wave 0 is the foundation services moved with the landing zone, not the landing zone's own folder.
            let title = wave.number == 0 ? "Wave 0: foundation services, with the landing zone" : wave.title
            waveFolders.append(["folder": "wave-\(wave.number)", "wave": wave.number, "title": title,
                                "start": wave.start.description, "end": wave.end.description,
                                "servers": servers.count + databases.count + fileShares.count + objectStores.count, "services": wave.services.count])
        }
        if cloud == .gcp { GoogleTerraform.decorate(landingZone: &landingZone, waves: waveContexts) }
        if cloud == .azure { AzureTerraform.decorate(landingZone: &landingZone, waves: waveContexts) }
        files = try render(folder: "terraform/\(cloud.rawValue)/landing-zone", into: "\(cloud.rawValue)/landing-zone",
                           context: landingZone) + files
        var index = base
        index["waves"] = waveFolders
        index["retained"] = plan.retained.map { service in
            ["id": estate.services[service].id,
             "reason": plan.assessment.services[service].strategyReasons.joined(separator: "; ")]
        }
        index["retired"] = plan.retired.map { service in
            ["id": estate.services[service].id,
             "reason": plan.assessment.services[service].strategyReasons.joined(separator: "; ")]
        }
        files += try render(folder: "terraform", into: cloud.rawValue, context: index)
        return files
    }

    /// The production database server `server` stands by for, when `server` is a disaster-recovery database server
    /// and its service has a production database server of the same managed engine: nil otherwise.
    static func primaryDatabase(standing server: Server, in service: Service, estate: Estate) -> String? {
        guard server.environment == .dr, let engine = ManagedDatabase.engine(of: server) else { return nil }
        return service.servers.lazy.compactMap { estate.serverIndex[$0.id].map { estate.servers[$0] } }
            .first { $0.role == .database && ($0.environment ?? .production) == .production
                && ManagedDatabase.engine(of: $0) == engine }?.id
    }

    func serverContext(_ server: Server, sized: ServerSizing, size: CloudSizing, service: Service, cloud: Cloud,
                       strategy: MigrationStrategy, resource: String, hostname: String, subnet: Int, wave: Int)
        -> [String: Any] {
        let os = Workload.operatingSystem(server.os, windows: size.windows)
        let disks = Workload.disks(server, on: cloud, windows: size.windows, tier: size.storageTier)
        // Device names for data volumes (AWS): /dev/sdf to /dev/sdz, then /dev/sdaa onwards, never one twice.
        let letters = Array("fghijklmnopqrstuvwxyz"), all = Array("abcdefghijklmnopqrstuvwxyz")
        func device(_ index: Int) -> String {
            index < letters.count ? "/dev/sd\(letters[index])"
                : "/dev/sd\(all[(index - letters.count) / all.count % all.count])\(all[(index - letters.count) % all.count])"
        }
        let image: [String: String]? = switch cloud {
        case .azure: AzureImages.reference(os)
        case .aws: AWSImages.reference(os)
        case .gcp: GoogleImages.reference(os)
        }
        var context: [String: Any] = [
            "name": server.id,
            "resource": resource,
            "hostname": hostname,
            "sku": size.vm.sku,
            "vcpus": size.vm.vcpus,
            "memory_gib": size.vm.memoryGiB.plainDescription,
            "basis": sized.basis.rawValue,
            "windows": size.windows,
            "os": server.os ?? "not recorded",
            "os_family": os.family,
            "os_version": os.version,
            "image_key": os.key,
            "has_image": image != nil,
            "os_disk_gb": disks.osGiB,
            "data_disks": disks.dataGiB.enumerated().map { index, gib in
                ["index": index, "lun": index, "number": index + 1, "size_gb": gib,
                 "device": device(index)] as [String: Any]
            },
            "has_data_disks": !disks.dataGiB.isEmpty,
            "environment": Workload.environment(of: server),
            "subnet": subnet,
            "service": service.id,
            "owner": service.owner ?? "not recorded",
            "classification": service.data?.classification?.rawValue ?? "not-recorded",
            "strategy": strategy.rawValue,
            "wave": wave,
            "labels": Identifiers.labels(of: service),
        ]
        if let image { context["image"] = image }
        return context
    }

    /// A file server's shares or a backup server's repository, as the managed service that holds them.
    func storeContext(_ server: Server, tier: StorageTier, service: Service, resource: String) -> [String: Any] {
        let provisioned = Self.storeGB(server)
        let used = provisioned * (server.utilisation?.storageUsedPercent ?? 100) / 100
        return [
            "name": server.id,
            "resource": resource,
            "service": service.id,
            "owner": service.owner ?? "not recorded",
            "classification": service.data?.classification?.rawValue ?? "not-recorded",
            // GiB provisioned, at least 1; each cloud's template applies its service's own floor.
            "size_gb": max(1, Workload.gib(provisioned)),
            "used_gb": Int(used.rounded(.up)),
            "file_share": tier == .fileshare,
            "object_store": tier == .object,
            "labels": Identifiers.labels(of: service),
        ]
    }

    /// GB the managed share or store takes over from `server`: with a `disks` list, its data disks only (the first
    /// is the OS disk, which stays behind with the server), unless it lists only the one disk; otherwise
    /// `storage_gb`, which does not say how much of it is the OS.
    static func storeGB(_ server: Server) -> Double {
        let disks = server.diskSizesGB
        if disks.count > 1 { return disks.dropFirst().reduce(0, +) }
        return server.storageGB ?? 0
    }

    static func portContext(_ port: Workload.Port) -> [String: Any] {
        ["protocol": port.transport, "port": port.number, "label": port.label, "key": "\(port.transport)-\(port.number)"]
    }

    /// Renders every template of `folder` into `into`, checking each Terraform file's structure.
    func render(folder: String, into: String, context: [String: Any], only: [String]? = nil) throws
        -> [GeneratedFile] {
        try templates.templates(in: folder).filter { only?.contains($0) ?? true }.map { file in
            let text = templates.render(folder, file, context)
            if file.hasSuffix(".tf") {
                try HCLCheck.check(text, template: "\(folder)/\(file)\(TemplateSet.fileExtension)")
            }
            return GeneratedFile(path: "\(into)/\(file)", contents: text)
        }
    }
}
