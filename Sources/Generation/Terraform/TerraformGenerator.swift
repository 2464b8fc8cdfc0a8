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

    /// The landing zone's files, then each wave's folder, then the cloud's index README. The landing zone is rendered
    /// after the waves, so it can be told what they use (on Google Cloud, which service agents need the key).
    public func generate(_ plan: MigrationPlan, cloud: Cloud) throws -> [GeneratedFile] {
        let base = baseContext(plan, cloud: cloud)
        let sizingByServer = Dictionary(plan.sizing.map { ($0.serverIndex, $0) },
                                        uniquingKeysWith: { first, _ in first })
        var names = Names()
        // Azure's security rules between services of different waves are written in the later wave of the two.
        var azureBuilt = AzureTerraform.Built()
        var waveFiles: [GeneratedFile] = [], waveFolders: [WaveFolderContext] = []
        var waves: [WaveContents] = []
        // The landing zone's own folder builds the platform; the foundation services the plan moves with it
        // (directory, backup) get a wave folder of their own, wave-0, like any wave's servers.
        for wave in plan.waves where wave.number > 0 || !wave.services.isEmpty {
            var contents = gather(wave, plan: plan, cloud: cloud, sizingByServer: sizingByServer, names: &names)
            var context = waveContext(wave, contents: contents, base: base, estate: plan.estate)
            try enrich(&context, contents: &contents, wave: wave, plan: plan, cloud: cloud, azureBuilt: &azureBuilt)
            waves.append(contents)
            waveFiles += try renderWave(wave, contents: contents, context: context, cloud: cloud)
            waveFolders.append(WaveFolderContext(
                wave: wave.number,
                // Wave 0 is the foundation services moved with the landing zone, not the landing zone's own folder.
                title: wave.number == 0 ? "Wave 0: foundation services, with the landing zone" : wave.title,
                start: wave.start.description, end: wave.end.description, resources: contents.resourceCount,
                services: wave.services.count))
        }
        return try renderLandingZone(base: base, waves: waves, cloud: cloud) + waveFiles
            + renderIndex(plan, base: base, waveFolders: waveFolders, cloud: cloud)
    }

    /// The names given out across every wave of one cloud, so that no two resources share one.
    struct Names {
        var hostnames = Identifiers.Unique.hostnames()
        var databases = Identifiers.Unique.databases()
    }

    /// What one wave builds on one cloud, gathered from its services before anything is rendered.
    struct WaveContents {
        var servers: [ServerContext] = []
        var databases: [DatabaseContext] = []
        var skipped: [SkippedService] = []
        var fileShares: [StoreContext] = []
        var objectStores: [StoreContext] = []
        var unknownPorts: [UnknownPortsContext] = []
        var standbys: [StandbyContext] = []
        var internetServices: [String] = []
        var licensedVMs: [LicensedVMContext] = []
        /// Each service's own ports and those of the interfaces that join it to another service of the estate.
        var portsByService: [String: [Workload.Port]] = [:]
        /// The environments of each service's servers.
        var serviceEnvironments: [String: Set<String>] = [:]
        /// What the wave's servers reach the services they depend on at, wherever those run.
        var dependencyPorts = Set<Workload.Port>()

        /// Servers, managed databases, file shares and object stores: what the wave's Terraform builds.
        var resourceCount: Int { servers.count + databases.count + fileShares.count + objectStores.count }
    }

    /// The values every template of one cloud shares.
    func baseContext(_ plan: MigrationPlan, cloud: Cloud) -> [String: Any] {
        let organisation = plan.estate.organisation
        return [
            "version": version,
            "organisation": organisation?.name ?? "the organisation",
            "cloud": cloud.rawValue,
            "cloud_name": cloud.displayName,
            "region": plan.assumptions.regions[cloud] ?? "",
            "prefix": Identifiers.prefix(for: organisation),
            "storage_account": Identifiers.storageAccount(for: organisation),
        ]
    }

    /// Each service of the wave: what it builds on `cloud` (VMs, managed databases, file shares, object stores) or
    /// why it builds nothing, and the ports its security rules open.
    func gather(_ wave: Wave, plan: MigrationPlan, cloud: Cloud, sizingByServer: [Int: ServerSizing],
                names: inout Names) -> WaveContents {
        let estate = plan.estate
        // A cloud whose wave templates hold `storage.tf` builds file shares and object stores; until then the
        // server stays a VM with its data on disks.
        let buildsStores = templates.templates(in: "terraform/\(cloud.rawValue)/wave").contains("storage.tf")
        var contents = WaveContents()
        var resources = Identifiers.Unique.resources()
        var seen = Set<Int>()
        for service in wave.services {
            let assessed = plan.assessment.services[service]
            let model = estate.services[service]
            if let reason = Self.reasonNothingIsBuilt(model, strategy: assessed.strategy, on: cloud) {
                contents.skipped.append(SkippedService(id: model.id, strategy: assessed.strategy, reason: reason))
                continue
            }
            if model.exposure == .internet { contents.internetServices.append(model.id) }
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
                    contents.standbys.append(StandbyContext(name: server.id, service: model.id, primary: primary))
                    continue
                }
                // A replatformed database server becomes the cloud's managed database where the engine allows.
                if assessed.strategy == .replatform, server.role == .database,
                   let engine = ManagedDatabase.engine(of: server) {
                    contents.databases.append(DatabaseContext(
                        engine: engine, service: model.id, environment: Workload.environment(of: server),
                        databaseValues: ManagedDatabase.context(server, engine: engine, size: size, service: model,
                                                                resource: resources.take(server.id),
                                                                identifier: names.databases.take(server.id))))
                    continue
                }
                // A file server's shares go to the managed file service and a backup server's repository to
                // object storage, as the plan priced them; the VM goes too where a managed service replaces it.
                let resource = resources.take(server.id)
                if size.storageTier != .block, buildsStores {
                    let store = storeContext(server, tier: size.storageTier, windows: size.windows, service: model,
                                             resource: resource)
                    if size.storageTier == .fileshare {
                        contents.fileShares.append(store)
                    } else {
                        contents.objectStores.append(store)
                    }
                    if size.replacedByService { continue }
                }
                var context = serverContext(server, sized: sized, size: size, service: model, cloud: cloud,
                                            strategy: assessed.strategy, resource: resource,
                                            hostname: names.hostnames.take(server.id),
                                            subnet: contents.servers.count, wave: wave.number)
                // A database licensed by the core (SQL Server, Oracle) on a VM: the image carries none.
                if let licence = DatabaseLicence.of(server.software)?.licence {
                    contents.licensedVMs.append(LicensedVMContext(name: server.id, licence: licence.unit))
                }
                context.zone = Workload.zone(for: model, position: position)
                context.directory = assessed.kind == .directory
                position += 1
                contents.servers.append(context)
            }
            Self.gatherPorts(of: model, kind: assessed.kind, estate: estate, into: &contents)
        }
        Self.lineUpServers(&contents)
        return contents
    }

    /// Why `service` builds nothing on `cloud`, or nil when it builds there.
    static func reasonNothingIsBuilt(_ service: Service, strategy: MigrationStrategy, on cloud: Cloud) -> String? {
        if !strategy.needsVirtualMachines {
            return strategy == .repurchase
                ? "bought as SaaS from the supplier: nothing to build here" : "nothing to build for this strategy"
        }
        // A supplier that names the clouds it supports is taken at its word: nothing is built elsewhere.
        if let supported = service.supplier?.supportedClouds, !supported.contains(cloud) {
            let clouds = supported.map(\.displayName).joined(separator: ", ")
            return "its supplier supports \(clouds.isEmpty ? "no public cloud" : clouds) only: not built on "
                + cloud.displayName
        }
        return nil
    }

    /// The service's ports, unknown protocols, environments and what it reaches its dependencies at.
    static func gatherPorts(of service: Service, kind: ServiceKind?, estate: Estate,
                            into contents: inout WaveContents) {
        let engines = service.servers.compactMap { estate.serverIndex[$0.id] }
            .flatMap { Workload.engines(of: estate.servers[$0]) }
        let ports = Workload.ports(of: service, engines: engines, kind: kind)
        if !ports.unknown.isEmpty {
            contents.unknownPorts.append(UnknownPortsContext(service: service.id, protocols: ports.unknown))
        }
        // Its own ports, and those of the interfaces that join it to another service of the estate (its
        // `peer`, either way): the inventory does not say which end listens, so both ends open them.
        var own = Set(ports.known)
        for peer in Workload.peers(of: service, in: estate) {
            guard let other = estate.serviceIndex[peer] else { continue }
            own.formUnion(Workload.linkPorts(into: service, from: estate.services[other], in: estate))
        }
        contents.portsByService[service.id] = own.sorted()
        contents.serviceEnvironments[service.id] = Set(service.servers.compactMap { estate.serverIndex[$0.id] }
            .map { Workload.environment(of: estate.servers[$0]) })
        contents.dependencyPorts.formUnion(Workload.dependencyPorts(of: service, in: estate))
    }

    /// Each server's name padded to the wave's longest, its own service's ports, and the environment its service's
    /// production and DR servers replicate with, when it has both.
    static func lineUpServers(_ contents: inout WaveContents) {
        let width = contents.servers.map(\.name.count).max() ?? 0
        for index in contents.servers.indices {
            let server = contents.servers[index]
            contents.servers[index].pad = String(repeating: " ", count: width - server.name.count)
            contents.servers[index].ports = contents.portsByService[server.service] ?? []
            let partner = server.environment == "production" ? "dr" : server.environment == "dr" ? "production" : ""
            let environments = contents.serviceEnvironments[server.service] ?? []
            contents.servers[index].replicationPartner = environments.contains(partner) ? partner : ""
        }
    }

    /// The wave's template context, before each cloud's own enrichment.
    func waveContext(_ wave: Wave, contents: WaveContents, base: [String: Any], estate: Estate) -> [String: Any] {
        let servers = contents.servers, databases = contents.databases
        var context = base
        context["wave"] = wave.number
        context["wave_name"] = wave.name
        context["title"] = wave.title
        context["start"] = wave.start.description
        context["end"] = wave.end.description
        context["service_list"] = wave.services.map { estate.services[$0].id }.joined(separator: ", ")
        context["servers"] = servers.templateValues
        // Each operating system image the wave's servers start from, once, by image_key, with where the cloud
        // publishes it (image) when it does.
        var images: [String: [String: Any]] = [:]
        for server in servers where images[server.imageKey] == nil {
            var entry: [String: Any] = ["key": server.imageKey, "os": server.os, "has_image": server.image != nil]
            if let image = server.image { entry["image"] = image }
            images[server.imageKey] = entry
        }
        context["images"] = images.keys.sorted().compactMap { images[$0] }
        context["image_key_list"] = Identifiers.hclList(images.keys.sorted())
        context["databases"] = databases.templateValues
        context["standbys"] = contents.standbys.templateValues
        context["internet_services"] = contents.internetServices.map { ["id": $0] }
        context["has_internet_services"] = !contents.internetServices.isEmpty
        context["licensed_vms"] = contents.licensedVMs.templateValues
        // Ubuntu 20.04 is past standard support (31 May 2025, Canonical's "Ubuntu release cycle"): its security
        // updates come with Ubuntu Pro, whose images Azure and Google publish and whose premium the plan omits.
        let pro = servers.filter { $0.imageKey == "ubuntu-20.04" }.map { ["name": $0.name] }
        context["pro_servers"] = pro
        context["has_pro_servers"] = !pro.isEmpty
        context["has_licensed_vms"] = !contents.licensedVMs.isEmpty
        context["has_standbys"] = !contents.standbys.isEmpty
        context["has_servers"] = !servers.isEmpty
        context["has_databases"] = !databases.isEmpty
        context["has_servers_or_databases"] = !servers.isEmpty || !databases.isEmpty
        context["has_mysql"] = databases.contains { $0.engine == .mysql }
        context["has_sqlserver"] = databases.contains { $0.engine == .sqlserver }
        // Each engine port the wave's databases listen on, once, for the rules that let the estate reach them.
        context["database_ports"] = Set(databases.map(\.port)).sorted().map { ["port": $0] as [String: Any] }
        context["has_resources"] = !servers.isEmpty || !databases.isEmpty || !contents.fileShares.isEmpty
            || !contents.objectStores.isEmpty
        context["has_windows"] = servers.contains { $0.windows }
        context["has_linux"] = servers.contains { !$0.windows }
        // Every port any service of the wave uses, once: what the wave's security rules open within the estate
        // and from the trust's ranges.
        // Ordered by port, protocol and then label, so the same port under two interface names (https, rest) comes
        // out in the same order every run.
        let wavePorts = Set(contents.portsByService.values.joined()).sorted {
            ($0.number, $0.transport, $0.label) < ($1.number, $1.transport, $1.label)
        }
        context["ports"] = wavePorts.map(Self.portContext)
        context["has_ports"] = !wavePorts.isEmpty
        // What the wave's servers reach the services they depend on at, wherever those run.
        context["dependency_ports"] = contents.dependencyPorts.sorted().map(Self.portContext)
        context["has_directory"] = servers.contains { $0.directory }
        context["unknown_ports"] = contents.unknownPorts.templateValues
        context["has_unknown_ports"] = !contents.unknownPorts.isEmpty
        context["file_shares"] = contents.fileShares.templateValues
        context["has_file_shares"] = !contents.fileShares.isEmpty
        // The trust's directory is asked for where something joins it: file shares, and SQL Server databases.
        context["needs_directory"] = !contents.fileShares.isEmpty || databases.contains { $0.engine == .sqlserver }
        context["object_stores"] = contents.objectStores.templateValues
        context["has_object_stores"] = !contents.objectStores.isEmpty
        context["has_zonal"] = servers.contains { $0.zonal }
        context["environments"] = Set(servers.map(\.environment)).sorted()
        context["skipped"] = contents.skipped.templateValues
        context["has_skipped"] = !contents.skipped.isEmpty
        return context
    }

    /// What each cloud adds to a wave's context: Google's tags and service agents, Azure's security groups and
    /// rules, AWS's security groups.
    func enrich(_ context: inout [String: Any], contents: inout WaveContents, wave: Wave, plan: MigrationPlan,
                cloud: Cloud, azureBuilt: inout AzureTerraform.Built) throws {
        switch cloud {
        case .gcp: GoogleTerraform.decorate(wave: &context, contents: &contents, wave: wave.number)
        case .azure:
            try AzureTerraform.enrich(&context, contents: &contents, wave: wave.number, estate: plan.estate,
                                      built: &azureBuilt)
        case .aws: AWSTerraform.enrich(&context, contents: &contents, wave: wave, plan: plan)
        }
    }

    /// The wave's folder. A wave with no VM on this cloud gets its README alone: empty Terraform would only confuse.
    func renderWave(_ wave: Wave, contents: WaveContents, context: [String: Any], cloud: Cloud) throws
        -> [GeneratedFile] {
        let waveTemplates = "terraform/\(cloud.rawValue)/wave"
        let hasStores = !contents.fileShares.isEmpty || !contents.objectStores.isEmpty
        let only = contents.servers.isEmpty && contents.databases.isEmpty && !hasStores
            ? ["README.md"]
            : templates.templates(in: waveTemplates).filter {
                ($0 != "databases.tf" || !contents.databases.isEmpty) && ($0 != "storage.tf" || hasStores)
            }
        return try render(folder: waveTemplates, into: "\(cloud.rawValue)/wave-\(wave.number)", context: context,
                          only: only)
    }

    /// The landing zone's folder, told what the waves use.
    func renderLandingZone(base: [String: Any], waves: [WaveContents], cloud: Cloud) throws -> [GeneratedFile] {
        var landingZone = base
        landingZone["wave"] = 0
        if cloud == .gcp { GoogleTerraform.decorate(landingZone: &landingZone, waves: waves) }
        if cloud == .azure { AzureTerraform.decorate(landingZone: &landingZone, waves: waves) }
        return try render(folder: "terraform/\(cloud.rawValue)/landing-zone", into: "\(cloud.rawValue)/landing-zone",
                          context: landingZone)
    }

    /// The cloud's index README: every wave folder, and the services retained or retired, with why.
    func renderIndex(_ plan: MigrationPlan, base: [String: Any], waveFolders: [WaveFolderContext], cloud: Cloud)
        throws -> [GeneratedFile] {
        func staying(_ service: Int) -> StayingServiceContext {
            StayingServiceContext(id: plan.estate.services[service].id,
                                  reason: plan.assessment.services[service].strategyReasons.joined(separator: "; "))
        }
        var index = base
        index["waves"] = waveFolders.templateValues
        index["retained"] = plan.retained.map(staying).templateValues
        index["retired"] = plan.retired.map(staying).templateValues
        return try render(folder: "terraform", into: cloud.rawValue, context: index)
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
        -> ServerContext {
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
        return ServerContext(
            name: server.id, resource: resource, hostname: hostname, sku: size.vm.sku, vcpus: size.vm.vcpus,
            memoryGiB: size.vm.memoryGiB.plainDescription, basis: sized.basis.rawValue, windows: size.windows,
            os: server.os ?? "not recorded", osFamily: os.family, osVersion: os.version, imageKey: os.key,
            image: image, osDiskGiB: disks.osGiB,
            dataDisks: disks.dataGiB.enumerated().map { index, gib in
                ServerContext.DataDisk(index: index, sizeGiB: gib, device: device(index))
            },
            environment: Workload.environment(of: server), subnet: subnet, service: service.id,
            owner: service.owner ?? "not recorded",
            classification: service.data?.classification?.rawValue ?? "not-recorded", strategy: strategy.rawValue,
            wave: wave, labels: Identifiers.labels(of: service))
    }

    /// A file server's shares or a backup server's repository, as the managed service that holds them.
    func storeContext(_ server: Server, tier: StorageTier, windows: Bool, service: Service, resource: String)
        -> StoreContext {
        let provisioned = Self.storeGB(server)
        let used = provisioned * (server.utilisation?.storageUsedPercent ?? 100) / 100
        return StoreContext(
            name: server.id, resource: resource, service: service.id, owner: service.owner ?? "not recorded",
            classification: service.data?.classification?.rawValue ?? "not-recorded",
            sizeGiB: max(1, Workload.gib(provisioned)), usedGB: Int(used.rounded(.up)), tier: tier,
            environment: Workload.environment(of: server), windows: windows,
            osFamily: Workload.operatingSystem(server.os, windows: windows).family,
            labels: Identifiers.labels(of: service))
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
