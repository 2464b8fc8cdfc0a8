import Assessment
import CloudFirstCore
import Foundation
@testable import Generation
import Planning
import Testing

/// The Azure Terraform, read as a platform engineer reads it before applying: every disk attached, every VM backed
/// up, no rule that opens everything, every input without a default given a placeholder, the landing zone found by
/// name.
@Suite struct AzureTerraformTests {
    static let estates = ["Inventories/northshire-acute.yaml", "Inventories/riverside-mental-health.yaml",
                          "Inventories/eastvale-ics-shared.yaml", "Tests/GenerationTests/Fixtures/engines.yaml"]

    static func files(_ path: String) throws -> [GeneratedFile] {
        try Fixtures.generator().generate(try Fixtures.plan(path), cloud: .azure)
    }

    static func files(yaml: String) throws -> [GeneratedFile] {
        let loaded = EstateLoader.load([InventorySource(displayPath: "e.yaml", contents: .bytes(Array(yaml.utf8)))])
        let estate = try #require(loaded.estate)
        return try Fixtures.generator().generate(Planner().plan(Assessor().assess(estate, asOf: Fixtures.asOf)),
                                                 cloud: .azure)
    }

    /// A top-level block of a generated file: its kind (`resource`, `data`, `variable`...), labels and body.
    struct Block {
        let kind: String
        let labels: [String]
        let body: String
        let file: String

        func attribute(_ name: String) -> String? {
            for line in body.split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix(name + " ") || trimmed.hasPrefix(name + "=") else { continue }
                guard let equals = trimmed.firstIndex(of: "=") else { continue }
                return trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            }
            return nil
        }
    }

    /// The top-level blocks of generated Terraform: each starts at column 0 and ends at the next "}" at column 0.
    static func blocks(_ files: [GeneratedFile]) -> [Block] {
        var found: [Block] = []
        for file in files where file.path.hasSuffix(".tf") {
            var header: [String]?
            var body: [Substring] = []
            for line in file.contents.split(separator: "\n", omittingEmptySubsequences: false) {
                if header == nil, let first = line.first, first.isLetter, line.hasSuffix("{") {
                    let words = line.dropLast().split(separator: " ").map(String.init)
                    header = words.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
                    body = []
                } else if header != nil, line == "}" {
                    found.append(Block(kind: header![0], labels: Array(header!.dropFirst()),
                                       body: body.joined(separator: "\n"), file: file.path))
                    header = nil
                } else if header != nil {
                    body.append(line)
                }
            }
        }
        return found
    }

    static func resources(_ blocks: [Block], _ type: String) -> [Block] {
        blocks.filter { $0.kind == "resource" && $0.labels.first == type }
    }

    @Test(arguments: estates)
    func everyDataDiskIsAttachedAndWithinAzureLimits(_ estate: String) throws {
        let blocks = Self.blocks(try Self.files(estate))
        let attached = Set(Self.resources(blocks, "azurerm_virtual_machine_data_disk_attachment")
            .compactMap { $0.attribute("managed_disk_id") })
        for disk in Self.resources(blocks, "azurerm_managed_disk") {
            #expect(attached.contains("azurerm_managed_disk.\(disk.labels[1]).id"), "\(disk.labels[1]) is not attached")
            // A domain controller's directory disk is sized by an input whose validation keeps it within the limit.
            if disk.labels[1].hasSuffix("_directory"),
               disk.attribute("disk_size_gb") == "var.domain_controller_data_disk_gb" { continue }
            let size = try #require(Int(disk.attribute("disk_size_gb") ?? ""))
            // azurerm validates managed disk sizes up to 32,767 GB (Premium SSD's largest, P80).
            #expect(size >= 1 && size <= 32_767, "\(disk.labels[1]) is \(size) GB")
        }
        for vm in Self.resources(blocks, "azurerm_windows_virtual_machine")
            + Self.resources(blocks, "azurerm_linux_virtual_machine") {
            let os = try #require(vm.body.range(of: #"disk_size_gb\s*=\s*(\d+)"#, options: .regularExpression))
            let size = Int(vm.body[os].split(separator: "=").last!.trimmingCharacters(in: .whitespaces))!
            #expect(size <= 4_095, "\(vm.labels[1])'s OS disk is \(size) GB")
        }
        // LUNs are unique per VM.
        var luns: [String: Set<String>] = [:]
        for attachment in Self.resources(blocks, "azurerm_virtual_machine_data_disk_attachment") {
            let vm = attachment.attribute("virtual_machine_id") ?? ""
            let lun = attachment.attribute("lun") ?? ""
            #expect(luns[vm, default: []].insert(lun).inserted, "LUN \(lun) used twice on \(vm)")
        }
    }

    /// The inventory's disks become the VM's disks: the first the OS disk, the rest data disks, a 40 TB disk split.
    @Test func theInventorysDisksAreBuilt() throws {
        let files = try Self.files(yaml: """
            cloudfirst: 1
            organisation: { name: Disk Trust }
            sites: [{ id: dc1, name: DC }]
            servers:
              - { id: app, site: dc1, os: Red Hat Enterprise Linux 8, cpu_cores: 4, memory_gb: 16,
                  disks: [{ size_gb: 80 }, { size_gb: 500 }, { size_gb: 40000 }] }
            services:
              - { id: a, name: App, servers: [app], strategy: rehost }
            """)
        let blocks = Self.blocks(files)
        let disks = Self.resources(blocks, "azurerm_managed_disk").compactMap { Int($0.attribute("disk_size_gb") ?? "") }
        // 500 GB is 466 GiB; 40,000 GB is 37,253 GiB, two disks of 18,627 within Azure's 32,767.
        #expect(disks == [466, 18_627, 18_627])
        #expect(Self.resources(blocks, "azurerm_virtual_machine_data_disk_attachment").count == 3)
        let vm = try #require(Self.resources(blocks, "azurerm_linux_virtual_machine").first)
        #expect(vm.body.contains("disk_size_gb         = 75"), "80 GB is 75 GiB, above Linux's 64 GiB default")
        #expect(vm.body.contains("publisher = \"RedHat\"") && vm.body.contains("sku       = \"8-lvm-gen2\""))
    }

    @Test(arguments: estates)
    func everyVMIsBackedUp(_ estate: String) throws {
        let blocks = Self.blocks(try Self.files(estate))
        let vms = Self.resources(blocks, "azurerm_windows_virtual_machine").map { "azurerm_windows_virtual_machine.\($0.labels[1]).id" }
            + Self.resources(blocks, "azurerm_linux_virtual_machine").map { "azurerm_linux_virtual_machine.\($0.labels[1]).id" }
        let protected = Self.resources(blocks, "azurerm_backup_protected_vm").compactMap { $0.attribute("source_vm_id") }
        #expect(!vms.isEmpty || estate.contains("engines"))
        #expect(Set(vms) == Set(protected))
        #expect(protected.count == vms.count)
    }

    /// No rule opens every port, or any port to everyone, except the landing zone's own: load-balancer probes and
    /// a subnet's servers replicating to each other.
    @Test(arguments: estates)
    func noSecurityRuleOpensEverything(_ estate: String) throws {
        let blocks = Self.blocks(try Self.files(estate))
        let rules = Self.resources(blocks, "azurerm_network_security_rule")
        #expect(!rules.isEmpty)
        var priorities: [String: String] = [:]
        for rule in rules {
            let name = rule.labels[1]
            for wide in ["\"1-65535\"", "\"0-65535\""] { #expect(!rule.body.contains(wide), "\(name) opens \(wide)") }
            // Azure wants priorities unique within a group per direction (its own default rules share 65000 in and
            // out), between 100 and 4096.
            let priority = rule.attribute("priority") ?? ""
            let key = "\(rule.attribute("direction") ?? "") \(priority)"
            let previous = priorities.updateValue(name, forKey: key)
            #expect(previous == nil, "\(name) and \(previous ?? "") share priority \(key)")
            if let number = Int(priority) { #expect((100...4096).contains(number), "\(name) has priority \(number)") }
            guard rule.attribute("access") == "\"Allow\"", rule.attribute("direction") == "\"Inbound\"" else { continue }
            #expect(rule.attribute("source_address_prefix") != "\"*\"", "\(name) allows any source")
            #expect(rule.attribute("source_address_prefix") != "\"Internet\"", "\(name) allows the internet")
            if rule.attribute("destination_port_range") == "\"*\"" {
                let source = rule.attribute("source_address_prefix")
                let within = source != nil && source == rule.attribute("destination_address_prefix")
                #expect(within || source == "\"AzureLoadBalancer\"", "\(name) opens every port")
            }
        }
        // The catch-all denies are still there, in and out, and nothing is allowed after them.
        for direction in ["Inbound", "Outbound"] {
            let deny = try #require(rules.first {
                $0.attribute("access") == "\"Deny\"" && $0.attribute("direction") == "\"\(direction)\""
            })
            #expect(deny.attribute("priority") == "4096")
            #expect(deny.attribute("destination_address_prefix") == "\"*\"")
        }
        // Out to the internet: HTTP and HTTPS only.
        for rule in rules where rule.attribute("direction") == "\"Outbound\"" && rule.attribute("access") == "\"Allow\"" {
            if rule.attribute("destination_address_prefix") == "\"Internet\"" {
                #expect(rule.attribute("destination_port_ranges") == "[\"80\", \"443\"]", "\(rule.labels[1])")
            }
            #expect(rule.attribute("destination_address_prefix") != "\"*\"", "\(rule.labels[1]) allows out to anything")
        }
    }

    /// The services an application security group serves, by the reference a rule or association uses for it: each
    /// wave's own groups and the earlier waves' it looks up, from the group's name (`name_prefix`-service).
    static func securityGroups(_ blocks: [Block], services: [String]) -> [String: String] {
        let byName = Dictionary(services.flatMap { service in
            Environment.allCases.map {
                ("\"${var.name_prefix}-\(AzureTerraform.securityGroupName(service, environment: $0.rawValue))\"", service)
            }
        }, uniquingKeysWith: { first, _ in first })
        var found: [String: String] = [:]
        for block in blocks where block.labels.first == "azurerm_application_security_group" {
            let prefix = block.kind == "data" ? "data." : ""
            found["\(block.file.split(separator: "/").dropLast().joined(separator: "/")) \(prefix)azurerm_application_security_group.\(block.labels[1]).id"]
                = byName[block.attribute("name") ?? ""]
        }
        return found
    }

    /// One application security group per service and environment, every server's interface in its own service's
    /// group, and every rule between two groups one a dependency or an interface names: from a service to what it
    /// depends on, between services an interface joins (or among a service's own servers, and its production and DR). Nothing else is opened to a group, except from the trust's ranges or, to domain controllers,
    /// from the estate.
    @Test(arguments: estates)
    func rulesBetweenServicesFollowTheirDependencies(_ path: String) throws {
        let estate = try Fixtures.plan(path).estate
        let files = try Self.files(path)
        let blocks = Self.blocks(files)
        let groups = Self.securityGroups(blocks, services: estate.services.map(\.id))
        let dependsOn = Dictionary(estate.services.map { ($0.id, Set($0.dependsOn.map(\.id))) }, uniquingKeysWith: { first, _ in first })
        func folder(_ block: Block) -> String { block.file.split(separator: "/").dropLast().joined(separator: "/") }
        func group(_ block: Block, _ attribute: String) -> String? {
            guard let value = block.attribute(attribute) else { return nil }
            let reference = value.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            return groups["\(folder(block)) \(reference)"]
        }
        var between = 0
        for rule in Self.resources(blocks, "azurerm_network_security_rule") where rule.file.contains("/wave-") {
            let destination = try #require(group(rule, "destination_application_security_group_ids"), "\(rule.labels[1])")
            if let source = group(rule, "source_application_security_group_ids") {
                let depends = dependsOn[source, default: []].contains(destination)
                let joined = estate.services.first { $0.id == destination }
                    .map { Workload.peers(of: $0, in: estate).contains(source) } ?? false
                #expect(source == destination || depends || joined,
                        "\(rule.labels[1]) opens \(destination) to \(source), which neither depends on it nor has an interface with it")
                // The ports the dependent reaches it at and those of the interfaces between them, and no others.
                if source != destination, let service = estate.services.first(where: { $0.id == destination }),
                   let other = estate.services.first(where: { $0.id == source }) {
                    let ports = ((depends ? Workload.portsReached(at: service, in: estate) : [])
                        + (joined ? Workload.linkPorts(into: service, from: other, in: estate) : []))
                        .filter { "\"\($0.transport.capitalized)\"" == rule.attribute("protocol") }.map { "\"\($0.number)\"" }
                    #expect(rule.attribute("destination_port_ranges") == "[\(Array(Set(ports)).sorted { Int($0.dropFirst().dropLast())! < Int($1.dropFirst().dropLast())! }.joined(separator: ", "))]")
                }
                between += 1
            } else if rule.attribute("source_address_prefixes") == "var.on_premises_cidrs" {
                #expect(rule.body.contains("count"), "rules from the trust exist only when its ranges are given")
            } else {
                #expect(rule.labels[1].contains("directory"), "\(rule.labels[1]) opens \(destination) to the estate")
            }
        }
        if !path.contains("engines") { #expect(between > 0) }
        // Every interface joins the group of the service its VM serves.
        let vms = Self.resources(blocks, "azurerm_windows_virtual_machine") + Self.resources(blocks, "azurerm_linux_virtual_machine")
        for association in Self.resources(blocks, "azurerm_network_interface_application_security_group_association") {
            let vm = try #require(vms.first { folder($0) == folder(association) && $0.labels[1] == association.labels[1] })
            let service = vm.attribute("service")?.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            #expect(group(association, "application_security_group_id") == service, "\(association.labels[1])")
        }
    }

    /// A rule to a service an earlier wave built is written in the later wave, against the group it looks up.
    @Test func aLaterWavesDependentOpensAnEarlierWavesService() throws {
        let plan = try Fixtures.plan("Inventories/riverside-mental-health.yaml")
        let files = try Self.files("Inventories/riverside-mental-health.yaml")
        let wave1 = Self.blocks(files.filter { $0.path.hasPrefix("azure/wave-1/") })
        let directory = try #require(wave1.first { $0.kind == "data" && $0.labels == ["azurerm_application_security_group", "wave_0_rmh_ad"] })
        #expect(directory.attribute("resource_group_name") == "\"${var.name_prefix}-wave-0\"")
        let rules = Self.resources(wave1, "azurerm_network_security_rule").filter {
            $0.attribute("destination_application_security_group_ids") == "[data.azurerm_application_security_group.wave_0_rmh_ad.id]"
                && $0.attribute("source_application_security_group_ids") == "[azurerm_application_security_group.rmh_esr.id]"
        }
        let ad = try #require(plan.estate.services.first { $0.id == "rmh-ad" })
        let tcp = Workload.portsReached(at: ad, in: plan.estate).filter { $0.transport == "tcp" }.map { "\"\($0.number)\"" }
        #expect(rules.first { $0.attribute("protocol") == "\"Tcp\"" }?.attribute("destination_port_ranges") == "[\(tcp.joined(separator: ", "))]")
        // The README tells whoever applies it that wave 0 comes first, and goes last.
        let readme = try #require(files.first { $0.path == "azure/wave-1/README.md" }?.contents)
        #expect(readme.contains("security rules reach into (`wave-0/`)"))
        // Wave 0 does not open the directory to wave 1's services: it cannot name groups that do not exist yet.
        let wave0 = Self.resources(Self.blocks(files.filter { $0.path.hasPrefix("azure/wave-0/") }), "azurerm_network_security_rule")
        #expect(!wave0.contains { $0.body.contains("rmh_esr") })
        // The domain controllers answer Active Directory's ports, UDP too, from the estate and (when given) the trust.
        let udp = try #require(wave0.first { $0.labels[1].contains("directory_udp_from_estate") })
        #expect(udp.attribute("destination_port_ranges")?.contains("\"88\"") == true && udp.attribute("protocol") == "\"Udp\"")
        let nics = Self.resources(Self.blocks(files.filter { $0.path.hasPrefix("azure/wave-0/") }), "azurerm_network_interface")
        #expect(nics.filter { $0.body.contains("\"Static\"") }.count == 2)
    }

    /// Each wave's rules stay inside its own block of priorities, so waves never take each other's.
    @Test(arguments: estates)
    func eachWavesPrioritiesStayInItsBlock(_ path: String) throws {
        let files = try Self.files(path)
        for file in files where file.path.hasSuffix("/main.tf") && file.path.contains("/wave-") {
            let wave = Int(file.path.split(separator: "/")[1].dropFirst("wave-".count))!
            let block = AzureTerraform.priorityBase(wave: wave)..<(AzureTerraform.priorityBase(wave: wave) + AzureTerraform.rulesPerWave)
            #expect(block.lowerBound >= 200 && block.upperBound <= 4001)
            for rule in Self.resources(Self.blocks([file]), "azurerm_network_security_rule") {
                #expect(block.contains(Int(rule.attribute("priority") ?? "") ?? 0), "\(rule.labels[1])")
            }
        }
    }

    /// A wave whose rules would overflow its block of priorities, or a wave past the last block, is refused with a
    /// message rather than written with priorities another wave (or the landing zone) holds.
    @Test func aWaveThatOverflowsItsPrioritiesIsRefused() throws {
        let loaded = EstateLoader.load([InventorySource(displayPath: "e.yaml", contents: .bytes(Array("""
            cloudfirst: 1
            organisation: { name: Big Trust }
            sites: [{ id: dc1, name: DC }]
            """.utf8)))])
        let estate = try #require(loaded.estate)
        func servers(_ count: Int, prefix: String = "s") -> [ServerContext] {
            (0..<count).map { index in
                ServerContext(
                    name: "\(prefix)\(index)", resource: "\(prefix)\(index)", hostname: "\(prefix)\(index)", sku: "B2s",
                    vcpus: 2, memoryGiB: "4", basis: "observed", windows: false, os: "Ubuntu 22.04", osFamily: "ubuntu",
                    osVersion: "22.04", imageKey: "ubuntu-22.04", image: nil, osDiskGiB: 64, dataDisks: [],
                    environment: "production", subnet: index, service: "\(prefix)\(index)", owner: "not recorded",
                    classification: "not-recorded", strategy: "rehost", wave: 1, labels: [],
                    ports: [Workload.Port(transport: "tcp", number: 443, label: "https"),
                            Workload.Port(transport: "udp", number: 53, label: "dns")])
            }
        }
        func rules(_ count: Int, wave: Int) throws -> Int {
            var list = servers(count)
            var built = AzureTerraform.Built()
            return try AzureTerraform.securityRules(servers: &list, wave: wave, estate: estate, built: &built).rules.count
        }
        // Two rules (TCP and UDP from the trust) per service: 50 services fill a block, 51 overflow it.
        #expect(try rules(50, wave: 3) == 100)
        #expect(throws: AzureTerraform.PriorityError.self) { try rules(51, wave: 3) }
        #expect(try rules(1, wave: 37) == 2)
        #expect(throws: AzureTerraform.PriorityError.self) { try rules(1, wave: 38) }
        // One security group may name at most 100 application security groups across all its rules: the 101st
        // service's group, in whatever wave, is refused.
        var built = AzureTerraform.Built()
        for wave in 0..<2 {
            var list = servers(50, prefix: "w\(wave)-s")
            _ = try AzureTerraform.securityRules(servers: &list, wave: wave, estate: estate, built: &built)
        }
        #expect(built.referenced.count == 100)
        var one = servers(1)
        #expect(throws: AzureTerraform.GroupLimitError.self) {
            try AzureTerraform.securityRules(servers: &one, wave: 2, estate: estate, built: &built)
        }
    }

    /// Each environment has its own workload subnet, with the NSG and the NAT gateway, and each server sits in its
    /// environment's.
    @Test func serversSitInTheirEnvironmentsSubnet() throws {
        let files = try Self.files(yaml: """
            cloudfirst: 1
            organisation: { name: Env Trust }
            sites: [{ id: dc1, name: DC }]
            servers:
              - { id: live, site: dc1, os: Windows Server 2019, cpu_cores: 2, memory_gb: 8, environment: production }
              - { id: uat, site: dc1, os: Windows Server 2019, cpu_cores: 2, memory_gb: 8, environment: test }
              - { id: standby, site: dc1, os: Windows Server 2019, cpu_cores: 2, memory_gb: 8, environment: dr }
            services:
              - id: a
                name: App
                servers: [live, uat, standby]
                strategy: rehost
                interfaces: [{ protocol: https }]
            """)
        let blocks = Self.blocks(files)
        let landing = blocks.filter { $0.file.hasPrefix("azure/landing-zone/") }
        let subnet = try #require(Self.resources(landing, "azurerm_subnet").first { $0.labels[1] == "environment" })
        #expect(subnet.attribute("for_each") == "local.environment_subnet_cidrs")
        let main = try #require(files.first { $0.path == "azure/landing-zone/main.tf" }?.contents)
        #expect(main.contains("environments = [\"production\", \"dr\", \"test\", \"development\", \"training\"]"))
        for type in ["azurerm_subnet_network_security_group_association", "azurerm_subnet_nat_gateway_association"] {
            #expect(Self.resources(landing, type).first { $0.labels[1] == "environment" }?.attribute("for_each") == "azurerm_subnet.environment")
        }
        let outputs = try #require(files.first { $0.path == "azure/landing-zone/outputs.tf" }?.contents)
        #expect(outputs.contains("output \"workload_subnet_ids\""))
        let wave = blocks.filter { $0.file.contains("/wave-") }
        let lookup = try #require(wave.first { $0.kind == "data" && $0.labels == ["azurerm_subnet", "environment"] })
        #expect(lookup.attribute("for_each") == "toset([\"dr\", \"production\", \"test\"])")
        let expected = ["live": "production", "uat": "test", "standby": "dr"]
        let nics = Self.resources(wave, "azurerm_network_interface")
        #expect(nics.count == 3)
        for nic in nics {
            let environment = try #require(expected[nic.labels[1]])
            #expect(nic.body.contains("subnet_id                     = data.azurerm_subnet.environment[\"\(environment)\"].id"))
            #expect(nic.body.contains("environment = \"\(environment)\""))
        }
        // Each environment has its own group: no "within" rule for a group of one server, and the production and
        // DR groups admit each other on the service's port (replication); the test group is joined to neither.
        let rules = Self.resources(wave, "azurerm_network_security_rule")
        #expect(!rules.contains { $0.labels[1].contains("within") })
        let joined = rules.filter { $0.attribute("source_application_security_group_ids") != nil }
        #expect(joined.count == 2 && joined.allSatisfy { $0.attribute("destination_port_ranges") == "[\"443\"]" })
        #expect(!joined.contains { ($0.attribute("source_application_security_group_ids") ?? "").contains("test") })
    }

    /// ExpressRoute through the trust's HSCN provider: off unless asked for, and then a gateway in the GatewaySubnet
    /// (built after the VPN gateway, as coexistence requires) connected to the trust's circuit or one made here.
    @Test func expressRouteIsOptionalAndCompleteWhenOn() throws {
        let files = try Self.files("Inventories/riverside-mental-health.yaml")
        let landing = files.filter { $0.path.hasPrefix("azure/landing-zone/") }
        let blocks = Self.blocks(landing)
        let variables = Dictionary(blocks.filter { $0.kind == "variable" }.map { ($0.labels[0], $0) }, uniquingKeysWith: { first, _ in first })
        #expect(variables["expressroute_enabled"]?.attribute("default") == "false")
        #expect(variables["expressroute_create_circuit"]?.attribute("default") == "false")
        #expect(variables["expressroute_authorization_key"]?.attribute("sensitive") == "true")
        // Every input the ExpressRoute resources read is declared, with a default (none is needed to plan).
        let text = landing.filter { $0.path.hasSuffix(".tf") }.map(\.contents).joined()
        let used = Set(text.matches(of: /var\.(expressroute_[a-z_]+)/).map { String($0.1) })
        #expect(used.count >= 10)
        for name in used { #expect(variables[name]?.attribute("default") != nil, "\(name) has no default") }
        let expressRoute = blocks.filter { $0.kind == "resource" && ($0.labels[1] == "expressroute" || $0.labels[0].hasPrefix("azurerm_express_route")) }
        #expect(Set(expressRoute.map(\.labels[0])) == ["azurerm_public_ip", "azurerm_virtual_network_gateway", "azurerm_express_route_circuit",
                                                      "azurerm_express_route_circuit_peering", "azurerm_virtual_network_gateway_connection"])
        for resource in expressRoute {
            #expect(resource.attribute("count")?.hasPrefix("var.expressroute_enabled") == true, "\(resource.labels) is not optional")
        }
        let gateway = try #require(expressRoute.first { $0.labels[0] == "azurerm_virtual_network_gateway" })
        #expect(gateway.attribute("type") == "\"ExpressRoute\"")
        #expect(gateway.attribute("subnet_id") == "azurerm_subnet.gateway[0].id")
        #expect(gateway.attribute("depends_on") == "[azurerm_virtual_network_gateway.trust]")
        let subnet = try #require(Self.resources(blocks, "azurerm_subnet").first { $0.labels[1] == "gateway" })
        #expect(subnet.attribute("count")?.contains("var.expressroute_enabled") == true)
        let connection = try #require(expressRoute.first { $0.labels[0] == "azurerm_virtual_network_gateway_connection" })
        #expect(connection.attribute("type") == "\"ExpressRoute\"")
        #expect(connection.attribute("express_route_circuit_id")?.contains("var.expressroute_circuit_id") == true)
        #expect(connection.attribute("express_route_circuit_id")?.contains("azurerm_express_route_circuit.trust[0].id") == true)
        #expect(connection.attribute("authorization_key") == "var.expressroute_authorization_key")
        // The example names the optional inputs, commented out, and the README says what to ask the provider for.
        let example = try #require(landing.first { $0.path.hasSuffix("terraform.tfvars.example") }?.contents)
        for name in ["expressroute_enabled", "expressroute_circuit_id", "expressroute_service_provider", "expressroute_peering_location",
                     "expressroute_bandwidth_mbps", "expressroute_peer_asn"] {
            #expect(example.contains("# \(name) "), "\(name) is not in the example")
            #expect(!example.contains("\n\(name) "), "\(name) is set, not offered")
        }
        let readme = try #require(landing.first { $0.path.hasSuffix("README.md") }?.contents)
        #expect(readme.contains("## ExpressRoute through HSCN") && readme.contains("expressroute_service_key"))
    }

    /// Every Azure Files share is protected by the landing zone's vault under its file-share policy, as VMs are.
    @Test(arguments: estates)
    func everyFileShareIsBackedUp(_ estate: String) throws {
        let files = try Self.files(estate)
        let blocks = Self.blocks(files)
        let shares = Set(Self.resources(blocks, "azurerm_storage_share").map { "\($0.file) \($0.labels[1])" })
        let protected = Self.resources(blocks, "azurerm_backup_protected_file_share")
        #expect(Set(protected.map { "\($0.file) \($0.labels[1])" }) == shares)
        for share in protected {
            #expect(share.attribute("source_file_share_name") == "azurerm_storage_share.\(share.labels[1]).name")
            #expect(share.attribute("backup_policy_id") == "data.azurerm_backup_policy_file_share.daily.id")
            #expect(share.attribute("source_storage_account_id") == "azurerm_backup_container_storage_account.files.storage_account_id")
        }
        let containers = Self.resources(blocks, "azurerm_backup_container_storage_account")
        #expect(Set(containers.map(\.file)) == Set(protected.map(\.file)))
        let policy = try #require(Self.resources(blocks, "azurerm_backup_policy_file_share").first)
        #expect(policy.attribute("name") == "\"${var.name_prefix}-files-daily\"")
        for lookup in blocks where lookup.kind == "data" && lookup.labels.first == "azurerm_backup_policy_file_share" {
            #expect(lookup.attribute("name") == policy.attribute("name"))
        }
        // Azure Files backup keeps at most 200 recovery points per share ("Support matrix for Azure Files backup").
        let counts = policy.body.matches(of: /count\s*=\s*(\d+)/).compactMap { Int($0.1) }
        #expect(counts.count == 4 && counts.reduce(0, +) <= 200)
        if !estate.contains("engines") { #expect(!protected.isEmpty || shares.isEmpty) }
    }

    /// No shared administrator password: each Windows VM has its own, kept in Key Vault, ignored after creation.
    @Test(arguments: estates)
    func everyWindowsServerHasItsOwnPassword(_ estate: String) throws {
        let files = try Self.files(estate)
        let blocks = Self.blocks(files)
        let text = files.map(\.contents).joined()
        #expect(!text.contains("windows_admin_password"))
        for vm in Self.resources(blocks, "azurerm_windows_virtual_machine") {
            let name = vm.labels[1]
            #expect(vm.attribute("admin_password") == "random_password.\(name).result")
            #expect(vm.body.contains("ignore_changes = [admin_password]"))
            let secret = try #require(Self.resources(blocks, "azurerm_key_vault_secret").first { $0.labels[1] == "\(name)_admin" })
            #expect(secret.attribute("value") == "random_password.\(name).result")
        }
        for vm in Self.resources(blocks, "azurerm_windows_virtual_machine") + Self.resources(blocks, "azurerm_linux_virtual_machine") {
            #expect(vm.attribute("allow_extension_operations") == "true")
            #expect(vm.body.contains("environment         = "))
        }
    }

    /// Platinum and gold services' VMs are zonal, and their data disks sit in the same zone.
    @Test func zonalServersKeepTheirDisksInTheirZone() throws {
        let blocks = Self.blocks(try Self.files("Inventories/northshire-acute.yaml"))
        var zoneOf: [String: String] = [:]
        for vm in Self.resources(blocks, "azurerm_windows_virtual_machine") + Self.resources(blocks, "azurerm_linux_virtual_machine") {
            if let zone = vm.attribute("zone") { zoneOf["\(vm.labels[0]).\(vm.labels[1]).id"] = zone }
        }
        #expect(!zoneOf.isEmpty, "the sample has platinum or gold services")
        var checked = 0
        let disks = Dictionary(uniqueKeysWithValues: Self.resources(blocks, "azurerm_managed_disk").map {
            ("azurerm_managed_disk.\($0.labels[1]).id", $0)
        })
        for attachment in Self.resources(blocks, "azurerm_virtual_machine_data_disk_attachment") {
            guard let zone = zoneOf[attachment.attribute("virtual_machine_id") ?? ""],
                  let disk = disks[attachment.attribute("managed_disk_id") ?? ""] else { continue }
            #expect(disk.attribute("zone") == zone)
            checked += 1
        }
        #expect(checked > 0)
    }

    /// An operating system Azure Marketplace has no image for takes its image as an input, and the README says so.
    @Test func aServerWithoutAMarketplaceImageTakesOneAsAnInput() throws {
        #expect(AzureImages.reference(.init(family: "rhel", version: "7")) == nil)
        #expect(AzureImages.reference(.init(family: "windows", version: "2008-r2")) == nil)
        #expect(AzureImages.reference(.init(family: "windows", version: "2019"))?["sku"] == "2019-datacenter-gensecond")
        #expect(AzureImages.reference(.init(family: "ubuntu", version: "22.04"))?["offer"] == "0001-com-ubuntu-server-jammy")
        let files = try Self.files(yaml: """
            cloudfirst: 1
            organisation: { name: Old Trust }
            sites: [{ id: dc1, name: DC }]
            servers:
              - { id: lab, site: dc1, os: Red Hat Enterprise Linux 7 (64-bit), cpu_cores: 2, memory_gb: 8 }
              - { id: web, site: dc1, os: Windows Server 2019 Standard, cpu_cores: 2, memory_gb: 8 }
            services:
              - { id: a, name: Lab, servers: [lab, web], strategy: rehost }
            """)
        let blocks = Self.blocks(files)
        let lab = try #require(Self.resources(blocks, "azurerm_linux_virtual_machine").first)
        #expect(lab.attribute("source_image_id") == "var.image_ids[\"lab\"]")
        #expect(!lab.body.contains("source_image_reference"))
        let web = try #require(Self.resources(blocks, "azurerm_windows_virtual_machine").first)
        #expect(web.body.contains("source_image_reference") && web.attribute("source_image_id") == nil)
        let readme = files.filter { $0.path.hasSuffix("README.md") }.map(\.contents).joined()
        #expect(readme.contains("- `lab`: Red Hat Enterprise Linux 7 (64-bit)"))
        let example = files.filter { $0.path.hasSuffix("terraform.tfvars.example") }.map(\.contents).joined()
        #expect(example.contains("\"lab\" = \"/subscriptions/"))
    }

    /// Every root module has a partial azurerm backend, and its example sets every input without a default.
    @Test(arguments: estates)
    func everyRootModuleCanBeInitialisedAndPlannedFromItsExample(_ estate: String) throws {
        let files = try Self.files(estate)
        let folders = Set(files.filter { $0.path.hasSuffix(".tf") }.map { ($0.path as NSString).deletingLastPathComponent })
        #expect(!folders.isEmpty)
        for folder in folders {
            let module = files.filter { ($0.path as NSString).deletingLastPathComponent == folder }
            let terraform = module.filter { $0.path.hasSuffix(".tf") }
            #expect(terraform.contains { $0.contents.contains("backend \"azurerm\" {}") }, "\(folder) has no backend")
            let example = try #require(module.first { $0.path.hasSuffix("terraform.tfvars.example") }?.contents,
                                       "\(folder) has no terraform.tfvars.example")
            let set = Set(example.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains("=") }
                .map { $0.split(separator: "=")[0].trimmingCharacters(in: .whitespaces) })
            for variable in Self.blocks(terraform) where variable.kind == "variable" {
                let name = variable.labels[0]
                let required = variable.attribute("default") == nil
                // An ephemeral password comes from TF_VAR_..., as the README and the example say.
                guard required, variable.attribute("ephemeral") != "true" else { continue }
                #expect(set.contains(name), "\(folder): \(name) has no default and no placeholder")
            }
        }
    }

    /// Waves find the landing zone by name: no subnet, vault or workspace id is an input.
    @Test func wavesReadTheLandingZoneByName() throws {
        let files = try Self.files("Inventories/northshire-acute.yaml")
        for file in files where file.path.contains("/wave-") && file.path.hasSuffix("variables.tf") {
            for input in ["subnet_id", "key_vault", "workspace_id", "key_id"] {
                #expect(!file.contents.contains(input), "\(file.path) asks for \(input)")
            }
        }
        let lookups = try #require(files.first { $0.path == "azure/wave-1/landing-zone.tf" }?.contents)
        #expect(lookups.contains("name = \"${var.name_prefix}-landing-zone\""))
    }

    /// File servers become Azure Files shares within Azure's 100 TiB per share, backup servers Cool Blob containers,
    /// each private, keyless and guarded.
    @Test func fileAndBackupServersBecomeManagedStorage() throws {
        #expect(AzureTerraform.shareQuotas(37_253) == [37_253])
        #expect(AzureTerraform.shareQuotas(250_000) == [83_334, 83_334, 83_334])
        #expect(AzureTerraform.shareQuotas(102_401).allSatisfy { $0 <= AzureTerraform.largestShareGiB })
        #expect(AzureTerraform.containerName("RMH_CV.MA01") == "rmh-cv-ma01")
        #expect(AzureTerraform.containerName("x") == "x00")
        let files = try Self.files("Inventories/riverside-mental-health.yaml")
        let blocks = Self.blocks(files)
        let shares = Self.resources(blocks, "azurerm_storage_share")
        let containers = Self.resources(blocks, "azurerm_storage_container")
        #expect(!shares.isEmpty && !containers.isEmpty)
        for share in shares {
            let quota = try #require(Int(share.attribute("quota") ?? ""))
            #expect(quota >= 1 && quota <= 102_400)
            #expect(share.body.contains("prevent_destroy = true"))
        }
        // The waves' accounts take no shared keys (the landing zone's flow-log account keeps its own: Network
        // Watcher writes with it).
        for account in Self.resources(blocks, "azurerm_storage_account") where account.file.contains("/wave-") {
            #expect(account.attribute("shared_access_key_enabled") == "false")
            #expect(account.attribute("public_network_access_enabled") == "false")
        }
        let backups = try #require(Self.resources(blocks, "azurerm_storage_account").first { $0.labels[1] == "backups" })
        #expect(backups.attribute("access_tier") == "\"Cool\"")
        #expect(backups.attribute("versioning_enabled") == "true")
        let endpoints = Self.resources(blocks, "azurerm_private_endpoint").map { $0.body }
        #expect(endpoints.contains { $0.contains("[\"file\"]") && $0.contains("landing_zone[\"file\"]") })
        // A file server replaced by Azure Files gets no VM.
        let vms = files.map(\.contents).joined()
        for share in shares {
            let server = share.labels[1]
            #expect(!vms.contains("resource \"azurerm_windows_virtual_machine\" \"\(server)\""))
        }
    }

    /// Databases sit in the landing zone's delegated subnets and privatelink zones; PostgreSQL matches the other
    /// clouds' major version.
    @Test func databasesArePrivateThroughTheLandingZone() throws {
        let blocks = Self.blocks(try Self.files("Tests/GenerationTests/Fixtures/engines.yaml"))
        let postgres = try #require(Self.resources(blocks, "azurerm_postgresql_flexible_server").first)
        #expect(postgres.attribute("version") == "\"17\"")
        #expect(postgres.attribute("delegated_subnet_id") == "data.azurerm_subnet.postgres.id")
        #expect(postgres.attribute("private_dns_zone_id") == "data.azurerm_private_dns_zone.landing_zone[\"postgres\"].id")
        let mysql = try #require(Self.resources(blocks, "azurerm_mysql_flexible_server").first)
        #expect(mysql.attribute("private_dns_zone_id") == "data.azurerm_private_dns_zone.landing_zone[\"mysql\"].id")
        #expect(mysql.attribute("version") == "\"8.4\"", "MySQL 8.4, as on AWS and Google Cloud")
        #expect(mysql.attribute("sku_name")?.hasSuffix("ds_v4\"") == true, "MySQL's General Purpose tier is Ddsv4")
        let sql = try #require(Self.resources(blocks, "azurerm_private_endpoint").first { $0.body.contains("sqlServer") })
        #expect(sql.attribute("subnet_id") == "data.azurerm_subnet.private_endpoints.id")
        #expect(sql.body.contains("landing_zone[\"sql\"].id"))
        // Every database logs to the landing zone's workspace; SQL's audit goes through the master database.
        let settings = Self.resources(blocks, "azurerm_monitor_diagnostic_setting").compactMap { $0.attribute("target_resource_id") }
        #expect(settings.contains { $0.contains("azurerm_mssql_server.") && $0.contains("/databases/master") })
        #expect(settings.contains("azurerm_postgresql_flexible_server.\(postgres.labels[1]).id"))
        #expect(settings.contains("azurerm_mysql_flexible_server.\(mysql.labels[1]).id"))
        for type in ["azurerm_mssql_server", "azurerm_mssql_database", "azurerm_postgresql_flexible_server",
                     "azurerm_mysql_flexible_server"] {
            #expect(Self.resources(blocks, type).allSatisfy { $0.body.contains("prevent_destroy = true") }, "\(type)")
        }
    }

    /// The landing zone creates its key on the first apply: the deployer's roles, a wait for them, a firewall that
    /// admits the deployer's ranges; and a VPN that is complete when enabled.
    @Test func theLandingZoneAppliesFromEmpty() throws {
        let files = try Self.files("Inventories/riverside-mental-health.yaml")
        let blocks = Self.blocks(files.filter { $0.path.hasPrefix("azure/landing-zone/") })
        let key = try #require(Self.resources(blocks, "azurerm_key_vault_key").first)
        #expect(key.body.contains("time_sleep.key_vault_roles"))
        let sleep = try #require(Self.resources(blocks, "time_sleep").first)
        #expect(sleep.body.contains("azurerm_role_assignment.deployer_keys"))
        let vault = try #require(Self.resources(blocks, "azurerm_key_vault").first)
        #expect(vault.attribute("ip_rules") == "var.deployer_ip_ranges")
        #expect(vault.attribute("default_action") == "\"Deny\"")
        for type in ["azurerm_local_network_gateway", "azurerm_virtual_network_gateway_connection",
                     "azurerm_bastion_host", "azurerm_nat_gateway", "azurerm_recovery_services_vault",
                     "azurerm_backup_policy_vm", "azurerm_consumption_budget_subscription",
                     "azurerm_subscription_policy_assignment", "azurerm_security_center_subscription_pricing"] {
            #expect(!Self.resources(blocks, type).isEmpty, "no \(type)")
        }
        let connection = try #require(Self.resources(blocks, "azurerm_virtual_network_gateway_connection").first)
        #expect(connection.attribute("shared_key") == "var.vpn_shared_key")
        let variables = try #require(files.first { $0.path == "azure/landing-zone/variables.tf" }?.contents)
        #expect(variables.contains("variable \"vpn_shared_key\" {") && variables.contains("sensitive   = true"))
        let readme = try #require(files.first { $0.path == "azure/landing-zone/README.md" }?.contents)
        #expect(readme.contains("az feature register --namespace Microsoft.Compute --name EncryptionAtHost"))
    }

    /// Each domain controller keeps AD DS's database, logs and SYSVOL on a data disk of its own with host caching
    /// None, after its other data disks ("Deploy AD DS in an Azure virtual network"); other servers get none.
    @Test func domainControllersHaveADataDiskForTheDirectoryWithoutCaching() throws {
        let plan = try Fixtures.plan("Inventories/riverside-mental-health.yaml")
        let blocks = Self.blocks(try Self.files("Inventories/riverside-mental-health.yaml"))
        let ad = try #require(plan.estate.services.first { $0.id == "rmh-ad" })
        let controllers = ad.servers.map { Identifiers.resource($0.id) }
        #expect(controllers.count == 2)
        let disks = Self.resources(blocks, "azurerm_managed_disk").filter { $0.labels[1].hasSuffix("_directory") }
        #expect(Set(disks.map { $0.labels[1] }) == Set(controllers.map { $0 + "_directory" }))
        for disk in disks {
            #expect(disk.attribute("disk_size_gb") == "var.domain_controller_data_disk_gb")
            #expect(disk.body.contains("prevent_destroy = true"))
        }
        let attachments = Self.resources(blocks, "azurerm_virtual_machine_data_disk_attachment")
        for controller in controllers {
            let attachment = try #require(attachments.first { $0.labels[1] == controller + "_directory" })
            #expect(attachment.attribute("caching") == "\"None\"")
            #expect(attachment.attribute("virtual_machine_id") == "azurerm_windows_virtual_machine.\(controller).id")
            // Its LUN follows the server's own data disks, so none is taken twice.
            let own = attachments.filter { $0.labels[1].hasPrefix(controller + "_data_") }.compactMap { Int($0.attribute("lun") ?? "") }
            #expect(attachment.attribute("lun") == String(own.count))
            #expect(!own.contains(own.count))
        }
        #expect(disks.count == controllers.count, "only domain controllers get the directory disk")
        let readme = try #require(try Self.files("Inventories/riverside-mental-health.yaml").first { $0.path == "azure/wave-0/README.md" })
        #expect(readme.contents.contains("-DatabasePath F:\\NTDS -LogPath F:\\NTDS -SysvolPath F:\\SYSVOL"))
    }

    /// Every VM on a Marketplace image is patched only in a maintenance window: AutomaticByPlatform with the
    /// schedule bypass, assigned to an InGuestPatch configuration; production and the other environments in
    /// different windows, and a service's production servers alternating between production's two.
    @Test(arguments: estates)
    func patchingFollowsAMaintenanceWindow(_ estate: String) throws {
        let plan = try Fixtures.plan(estate)
        let files = try Self.files(estate)
        let blocks = Self.blocks(files)
        let vms = Self.resources(blocks, "azurerm_windows_virtual_machine") + Self.resources(blocks, "azurerm_linux_virtual_machine")
        let assignments = Self.resources(blocks, "azurerm_maintenance_assignment_virtual_machine")
        let configurations = Self.resources(blocks, "azurerm_maintenance_configuration")
        var windowsByService: [String: [String]] = [:]
        for vm in vms {
            let platform = vm.attribute("patch_mode") == "\"AutomaticByPlatform\""
            #expect(platform == (vm.attribute("source_image_id") == nil), "\(vm.labels[1]): platform patching on Marketplace images only")
            let assignment = assignments.first { $0.file == vm.file && $0.labels[1] == vm.labels[1] }
            guard platform else { #expect(assignment == nil); continue }
            #expect(vm.attribute("bypass_platform_safety_checks_on_user_schedule_enabled") == "true")
            let target = try #require(assignment, "\(vm.labels[1]) has no maintenance assignment")
            #expect(target.attribute("virtual_machine_id") == "\(vm.labels[0]).\(vm.labels[1]).id")
            let window = try #require(target.attribute("maintenance_configuration_id")?
                .split(separator: "\"").dropFirst().first.map(String.init))
            let environment = vm.body.contains("environment         = \"production\"") ? "production" : "other"
            #expect(window.hasPrefix("production") == (environment == "production"), "\(vm.labels[1]) in \(window)")
            if environment == "production" {
                let service = vm.body.split(separator: "\n").first { $0.contains("service             =") } ?? ""
                windowsByService[String(service), default: []].append(window)
            }
            let configuration = try #require(configurations.first { $0.file == vm.file })
            #expect(configuration.attribute("scope") == "\"InGuestPatch\"")
            #expect(configuration.attribute("in_guest_user_patch_mode") == "\"User\"")
            #expect(configuration.body.contains("recur_every     = local.patch_windows[each.key].recurrence"))
        }
        for (service, windows) in windowsByService where windows.count > 1 {
            #expect(Set(windows).count == 2, "\(service)'s production servers share one window")
        }
        _ = plan
    }

    @Test func productionServersAlternateBetweenTwoWindows() {
        #expect(AzureTerraform.patchWindow("production", nth: 0) == "production")
        #expect(AzureTerraform.patchWindow("production", nth: 1) == "production-second")
        #expect(AzureTerraform.patchWindow("production", nth: 2) == "production")
        for environment in ["dr", "test", "development", "training"] {
            #expect(AzureTerraform.patchWindow(environment, nth: 1) == "non-production")
        }
    }

    /// The example's dns_servers are the addresses the domain controllers take (counted from the top of their
    /// environment's subnet in the example address_space), and the wave takes the landing zone's region.
    @Test func theExampleDNSServersAreTheDomainControllersAddresses() throws {
        #expect(AzureTerraform.exampleAddress(environment: "production", hostNumber: -2) == "10.50.15.254")
        #expect(AzureTerraform.exampleAddress(environment: "dr", hostNumber: -3) == "10.50.31.253")
        #expect(AzureTerraform.exampleAddress(environment: "training", hostNumber: -2) == "10.50.79.254")
        let files = try Self.files("Inventories/riverside-mental-health.yaml")
        let example = try #require(files.first { $0.path == "azure/landing-zone/terraform.tfvars.example" }?.contents)
        #expect(example.contains("address_space                = \"10.50.0.0/16\""))
        let nics = Self.resources(Self.blocks(files), "azurerm_network_interface").filter { $0.body.contains("\"Static\"") }
        var expected: [String] = []
        for nic in nics {
            // private_ip_address = cidrhost(data.azurerm_subnet.environment["production"].address_prefixes[0], -2)
            let line = try #require(nic.attribute("private_ip_address"))
            let environment = try #require(line.split(separator: "\"").dropFirst().first.map(String.init))
            let host = try #require(Int(line.split(separator: ",").last?.filter { $0 == "-" || $0.isNumber } ?? ""))
            expected.append("\"\(AzureTerraform.exampleAddress(environment: environment, hostNumber: host))\"")
        }
        #expect(expected.count == 2)
        #expect(example.contains("# dns_servers = [\(expected.joined(separator: ", "))]"))
        let group = try #require(Self.resources(Self.blocks(files.filter { $0.path.hasPrefix("azure/wave-1/") }), "azurerm_resource_group").first)
        #expect(group.attribute("location") == "data.azurerm_resource_group.landing_zone.location")
        #expect(!files.contains { $0.path.hasPrefix("azure/wave-") && $0.contents.contains("variable \"location\"") })
    }

    /// A file share is sized from the file server's data disks when the inventory lists its disks (the OS disk
    /// stays behind), from storage_gb otherwise; the storage accounts carry environment and classification tags.
    @Test func fileSharesAreSizedFromTheDataDisks() throws {
        let blocks = Self.blocks(try Self.files("Inventories/riverside-mental-health.yaml"))
        let shares = Self.resources(blocks, "azurerm_storage_share")
        // rmh-fs01 lists 100 + 6,144 + 4,096 GB: 10,240 GB of data is 9,537 GiB (not 9,630 with the OS disk).
        #expect(shares.first { $0.labels[1] == "rmh_fs01" }?.attribute("quota") == "9537")
        // rmh-fs02 gives storage_gb 8,192 only: 7,630 GiB.
        #expect(shares.first { $0.labels[1] == "rmh_fs02" }?.attribute("quota") == "7630")
        for account in Self.resources(blocks, "azurerm_storage_account") where account.file.contains("/wave-") {
            #expect(account.body.contains("data-classification = \""), "\(account.file)")
            #expect(account.body.contains("environment         = \""), "\(account.file)")
        }
        #expect(AzureTerraform.mostSensitive(["official", "official-sensitive"]) == "official-sensitive")
        #expect(AzureTerraform.mostSensitive(["official", "not-recorded"]) == "not-recorded")
        #expect(AzureTerraform.mostSensitive(["official"]) == "official")
    }
}
