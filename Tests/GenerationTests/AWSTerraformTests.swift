import Assessment
import CloudFirstCore
import Foundation
@testable import Generation
import Planning
import Testing

/// The AWS Terraform as a platform team would apply it: every sample estate's tree read block by block.
@Suite struct AWSTerraformTests {
    static let estates = ["Inventories/eastvale-ics-shared.yaml", "Inventories/northshire-acute.yaml",
                          "Inventories/riverside-mental-health.yaml", "Tests/GenerationTests/Fixtures/engines.yaml"]

    /// A top-level block of a generated file: `resource "TYPE" "NAME"` (or `data`, `variable`), with its body.
    struct Block {
        let kind: String
        let type: String
        let name: String
        let body: String
        let folder: String
    }

    static func files(_ path: String) throws -> [GeneratedFile] {
        try Fixtures.generator().generate(try Fixtures.plan(path), cloud: .aws)
    }

    /// Every top-level block of the `.tf` files, by folder. `terraform fmt` puts a top-level block's closing brace
    /// alone at the start of a line, which is where each ends.
    static func blocks(_ files: [GeneratedFile]) -> [Block] {
        let pattern = try! NSRegularExpression(
            pattern: #"^(resource|data) "([^"]+)" "([^"]+)" \{\n(.*?)^\}|^(variable) "([^"]+)" \{\n(.*?)^\}"#,
            options: [.anchorsMatchLines, .dotMatchesLineSeparators])
        var blocks: [Block] = []
        for file in files where file.path.hasSuffix(".tf") {
            let text = file.contents as NSString
            let folder = (file.path as NSString).deletingLastPathComponent
            for match in pattern.matches(in: file.contents, range: NSRange(location: 0, length: text.length)) {
                func group(_ index: Int) -> String {
                    let range = match.range(at: index)
                    return range.location == NSNotFound ? "" : text.substring(with: range)
                }
                if !group(1).isEmpty {
                    blocks.append(Block(kind: group(1), type: group(2), name: group(3), body: group(4), folder: folder))
                } else {
                    blocks.append(Block(kind: "variable", type: "", name: group(6), body: group(7), folder: folder))
                }
            }
        }
        return blocks
    }

    static func value(_ argument: String, in body: String) -> String? {
        body.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix("\(argument) ") && $0.contains("=") }
            .map { String($0[$0.index(after: $0.firstIndex(of: "=")!)...]).trimmingCharacters(in: .whitespaces) }
    }

    /// Each data disk is its own gp3 volume, encrypted with the landing zone's key, in its instance's availability
    /// zone and attached to that instance; none is larger than gp3 allows.
    @Test(arguments: estates)
    func everyDataDiskIsAttachedInItsInstancesZone(_ estate: String) throws {
        let blocks = Self.blocks(try Self.files(estate))
        let volumes = blocks.filter { $0.type == "aws_ebs_volume" }
        for volume in volumes {
            let instance = try #require(volume.name.range(of: "_data_").map { String(volume.name[..<$0.lowerBound]) })
            #expect(blocks.contains { $0.type == "aws_instance" && $0.name == instance && $0.folder == volume.folder })
            #expect(Self.value("availability_zone", in: volume.body) == "aws_instance.\(instance).availability_zone")
            #expect(Self.value("type", in: volume.body) == "\"gp3\"")
            #expect(Self.value("encrypted", in: volume.body) == "true")
            #expect(Self.value("kms_key_id", in: volume.body) == "local.kms_key_arn")
            let size = try #require(Int(Self.value("size", in: volume.body) ?? ""))
            #expect((1...16_384).contains(size), "\(volume.name): \(size) GiB")
            let attachments = blocks.filter {
                $0.type == "aws_volume_attachment" && $0.folder == volume.folder
                    && Self.value("volume_id", in: $0.body) == "aws_ebs_volume.\(volume.name).id"
            }
            #expect(attachments.count == 1, "\(volume.name) attached once")
            #expect(attachments.first.map { Self.value("instance_id", in: $0.body) } == "aws_instance.\(instance).id")
        }
        for instance in blocks where instance.type == "aws_instance" {
            let size = try #require(Int(Self.value("volume_size", in: instance.body) ?? ""))
            #expect((64...2_048).contains(size), "\(instance.name): root volume \(size) GiB")
        }
    }

    /// A server with more storage than one volume holds gets its data on several, each within gp3's 16 TiB, adding
    /// up to what the inventory says.
    @Test func aLargeServerIsSplitOverVolumes() throws {
        let text = """
            cloudfirst: 1
            organisation: { name: Disk Trust }
            sites: [{ id: dc1, name: DC }]
            servers:
              - { id: archive, site: dc1, os: Windows Server 2019 Standard, cpu_cores: 4, memory_gb: 16, storage_gb: 40000 }
            services:
              - { id: a, name: Archive, servers: [archive], strategy: rehost }
            """
        let estate = try #require(EstateLoader.load([InventorySource(displayPath: "e.yaml",
                                                                     contents: .bytes(Array(text.utf8)))]).estate)
        let plan = Planner().plan(Assessor().assess(estate, asOf: Fixtures.asOf))
        let blocks = Self.blocks(try Fixtures.generator().generate(plan, cloud: .aws))
        let sizes = blocks.filter { $0.type == "aws_ebs_volume" }.compactMap { Int(Self.value("size", in: $0.body) ?? "") }
        let root = blocks.first { $0.type == "aws_instance" }.flatMap { Int(Self.value("volume_size", in: $0.body) ?? "") }
        #expect(sizes.count == 3 && sizes.allSatisfy { $0 <= 16_384 })
        // 40,000 GB is 37,253 GiB: the 128 GiB root volume and the rest on data volumes (rounded up when split).
        #expect(root == 128)
        #expect(sizes.reduce(0, +) >= 37_253 - 128 && sizes.reduce(0, +) < 37_253 - 128 + 3)
    }

    /// No rule opens every port or every protocol, and nothing is open to the internet inbound; the only rules
    /// to 0.0.0.0/0 are outbound HTTP and HTTPS for patching.
    @Test(arguments: estates)
    func securityRulesOpenOnlyNamedPorts(_ estate: String) throws {
        let files = try Self.files(estate)
        let terraform = files.filter { $0.path.hasSuffix(".tf") }.map(\.contents).joined()
        #expect(!terraform.contains("ip_protocol       = \"-1\""))
        // The ports the rules are made from: each a single port, or one of the two ranges Windows' directory uses.
        let entry = try NSRegularExpression(pattern: #"protocol = "(tcp|udp)", port = ([0-9]+), (?:to_port = ([0-9]+), )?label"#)
        var ranges = 0
        for file in files where file.path.hasSuffix(".tf") {
            let text = file.contents as NSString
            for match in entry.matches(in: file.contents, range: NSRange(location: 0, length: text.length)) {
                let from = Int(text.substring(with: match.range(at: 2)))!
                let to = match.range(at: 3).location == NSNotFound ? from : Int(text.substring(with: match.range(at: 3)))!
                ranges += 1
                #expect(from == to || (from, to) == (49152, 65535) || (from, to) == (3268, 3269),
                        "\(file.path): \(from)-\(to)")
            }
        }
        #expect(ranges > 0)
        for block in Self.blocks(files) where block.type.hasPrefix("aws_vpc_security_group_") {
            #expect(Self.value("from_port", in: block.body) != "1", "\(block.folder) \(block.name) opens from port 1")
            let cidr = Self.value("cidr_ipv4", in: block.body)
            if cidr == "\"0.0.0.0/0\"" {
                #expect(block.type == "aws_vpc_security_group_egress_rule" && block.name == "patching")
            }
        }
        // Every wave with servers or databases has a security group per service, admitting the trust's ranges.
        var waves = 0
        for file in files where file.path.hasSuffix("/main.tf") && file.path.contains("wave-") {
            let builds = file.contents.contains("resource \"aws_instance\"")
                || files.contains { $0.path == file.path.replacingOccurrences(of: "main.tf", with: "databases.tf") }
            guard builds else { continue }
            waves += 1
            #expect(file.contents.contains("resource \"aws_security_group\" \"service\""), "\(file.path)")
            #expect(file.contents.contains("resource \"aws_vpc_security_group_ingress_rule\" \"service_from_ranges\""))
            #expect(file.contents.contains("estate_cidrs = concat([local.vpc_cidr], var.on_premises_cidrs)"))
            #expect(!file.contents.contains("resource \"aws_security_group\" \"wave\""), "\(file.path): one group for the wave")
        }
        #expect(waves > 0)
    }

    /// The interface ports are listed in one order every run: by port, protocol and interface name (a Set's order
    /// changes from one process to the next, and the same port often serves two interfaces).
    @Test(arguments: estates)
    func interfacePortsAreInAStableOrder(_ estate: String) throws {
        let entry = try NSRegularExpression(pattern: #"\{ protocol = "(tcp|udp)", port = ([0-9]+), to_port = [0-9]+, label = "([^"]+)" \}"#)
        var lists = 0
        defer { #expect(lists > 0, "no port list in \(estate)") }
        for file in try Self.files(estate) where file.path.hasSuffix("/main.tf") {
            // Each list on its own: each service's own ports, then the ports of what it depends on.
            let text = file.contents.replacingOccurrences(of: "outbound = [", with: "inbound = [")
            for list in text.components(separatedBy: "inbound = [").dropFirst() {
                lists += 1
                let block = list.components(separatedBy: "\n      ]").first ?? ""
                let text = block as NSString
                let ports = entry.matches(in: block, range: NSRange(location: 0, length: text.length)).map {
                    (Int(text.substring(with: $0.range(at: 2)))!, text.substring(with: $0.range(at: 1)),
                     text.substring(with: $0.range(at: 3)))
                }
                #expect(zip(ports, ports.dropFirst()).allSatisfy { $0 < $1 }, "\(file.path): \(ports)")
            }
        }
    }

    /// A wave with domain controllers lets the estate reach them on every port a domain member uses, not only the
    /// directory service's listed interfaces (their service's group is marked `directory`, which merges the directory's
    /// ports into its inbound ones); a wave without them does not open those ports inbound.
    @Test(arguments: estates)
    func domainControllersAreReachableOnTheDirectoryPorts(_ estate: String) throws {
        let plan = try Fixtures.plan(estate)
        for file in try Self.files(estate) where file.path.hasSuffix("/main.tf") && file.path.contains("/wave-") {
            let wave = Int(file.path.split(separator: "/")[1].dropFirst("wave-".count))!
            let hasControllers = plan.waves.first { $0.number == wave }?.services.contains {
                plan.assessment.services[$0].kind == .directory
                    && [.rehost, .replatform, .relocate, .refactor].contains(plan.assessment.services[$0].strategy)
                    && plan.estate.services[$0].supplier?.supportedClouds?.contains(.aws) ?? true
            } ?? false
            let opened = file.contents.contains("      directory  = true\n")
            #expect(opened == hasControllers, "\(file.path)")
        }
    }

    /// Windows servers reach the directory over UDP as well as TCP, through the domain members' group.
    @Test func windowsWavesReachTheDirectoryOverUDP() throws {
        let files = try Self.files("Inventories/riverside-mental-health.yaml")
        let windows = files.filter {
            $0.path.hasSuffix("/main.tf") && $0.contents.contains("\"windows-")
        }
        #expect(!windows.isEmpty)
        for file in windows {
            for port in [53, 88, 123, 389, 464] {
                #expect(file.contents.contains("\"udp-\(port)\""), "\(file.path): UDP \(port)")
            }
            #expect(file.contents.contains("resource \"aws_security_group\" \"domain_members\""))
        }
        // Every Windows instance is in the domain members' group, and no Linux one.
        var windowsInstances = 0
        for estate in Self.estates {
            let files = try Self.files(estate)
            for instance in Self.blocks(files) where instance.type == "aws_instance" {
                let ami = Self.value("ami", in: instance.body) ?? ""
                let groups = Self.value("vpc_security_group_ids", in: instance.body) ?? ""
                let windows = ami.contains("\"windows")
                if windows { windowsInstances += 1 }
                #expect(groups.contains("aws_security_group.domain_members.id") == windows, "\(instance.folder) \(instance.name)")
            }
        }
        #expect(windowsInstances > 0)
    }

    /// Every instance and database carries the environment and the tag the landing zone's backup plan selects by,
    /// and the landing zone selects exactly that tag.
    @Test(arguments: estates)
    func everyInstanceAndDatabaseIsBackedUpAndTagged(_ estate: String) throws {
        let blocks = Self.blocks(try Self.files(estate))
        let selection = try #require(blocks.first { $0.type == "aws_backup_selection" })
        #expect(selection.body.contains("key   = \"backup\"") && selection.body.contains("value = \"daily\""))
        let environments = Set(Environment.allCases.map(\.rawValue))
        let data = blocks.filter { ["aws_instance", "aws_db_instance"].contains($0.type) }
        #expect(!data.isEmpty)
        for block in data {
            #expect(block.body.contains("backup              = \"daily\""), "\(block.folder) \(block.name)")
            let environment = Self.value("environment", in: block.body)?.trimmingCharacters(in: ["\""]) ?? ""
            #expect(environments.contains(environment), "\(block.folder) \(block.name): \(environment)")
        }
    }

    /// Every resource carries an environment tag: the provider's default ("shared") unless the resource is a
    /// server's, a database's or a store's, which carry their own.
    @Test(arguments: estates)
    func everyModuleTagsAnEnvironment(_ estate: String) throws {
        let providers = try Self.files(estate).filter { $0.path.hasSuffix("/providers.tf") }
        #expect(!providers.isEmpty)
        for file in providers {
            #expect(file.contents.contains("environment = \"shared\""), "\(file.path)")
        }
        let environments = Set(Environment.allCases.map(\.rawValue))
        for block in Self.blocks(try Self.files(estate))
        where ["aws_ebs_volume", "aws_s3_bucket", "aws_fsx_windows_file_system"].contains(block.type)
            && block.folder.contains("wave-") {
            let environment = Self.value("environment", in: block.body)?.trimmingCharacters(in: ["\""]) ?? ""
            #expect(environments.contains(environment), "\(block.folder) \(block.name): \(environment)")
        }
    }

    /// Each server starts from the image of its own OS family and major version, through the `ami_ids` input, whose
    /// validation and example name exactly the wave's keys.
    @Test(arguments: estates)
    func imagesFollowTheInventorysOperatingSystem(_ estate: String) throws {
        let files = try Self.files(estate)
        let blocks = Self.blocks(files)
        for instance in blocks where instance.type == "aws_instance" {
            let ami = try #require(Self.value("ami", in: instance.body))
            let key = try #require(ami.firstRange(of: "var.ami_ids[\"").map { ami[$0.upperBound...].prefix { $0 != "\"" } })
            let variables = try #require(blocks.first { $0.kind == "variable" && $0.name == "ami_ids" && $0.folder == instance.folder })
            #expect(variables.body.contains("\"\(key)\""), "\(instance.folder): \(key) not validated")
            let example = try #require(files.first { $0.path == "\(instance.folder)/terraform.tfvars.example" })
            #expect(example.contents.contains("  \"\(key)\" = \"ami-0123456789abcdef0\""))
        }
        #expect(AWSImages.reference(.init(family: "windows", version: "2019"))?["lookup"]
            == "/aws/service/ami-windows-latest/Windows_Server-2019-English-Full-Base")
        #expect(AWSImages.reference(.init(family: "rhel", version: "8"))?["lookup"]?.hasPrefix("309956199498/RHEL-8.") == true)
        #expect(AWSImages.reference(.init(family: "windows", version: "2012-r2")) == nil)
        #expect(AWSImages.reference(.init(family: "rhel", version: "7")) == nil)
    }

    /// A platinum or gold service's servers are placed in their environment's subnet of their own zone, spread over
    /// three zones.
    @Test func zonalServersLandInTheirZonesSubnet() throws {
        var zonal = 0
        for estate in Self.estates {
            let blocks = Self.blocks(try Self.files(estate))
            for instance in blocks where instance.type == "aws_instance" {
                guard let subnet = Self.value("subnet_id", in: instance.body), subnet.hasPrefix("local.zone_subnet_ids") else {
                    continue
                }
                zonal += 1
                let environment = Self.value("environment", in: instance.body)?.trimmingCharacters(in: ["\""]) ?? ""
                #expect(["1", "2", "3"].map { "local.zone_subnet_ids[\"\(environment)\"][\"\($0)\"]" }.contains(subnet),
                        "\(instance.folder) \(instance.name): \(subnet)")
                #expect(blocks.contains { $0.kind == "data" && $0.type == "aws_subnet" && $0.folder == instance.folder })
            }
        }
        #expect(zonal > 0, "no sample places a server by zone")
    }

    /// A replatformed file server becomes FSx and a backup server an S3 bucket, with no VM for either; the bucket is
    /// private, encrypted, versioned, locked and aged; data is guarded against destroy.
    @Test func fileAndBackupServersBecomeManagedStorage() throws {
        let files = try Self.files("Inventories/northshire-acute.yaml")
        let blocks = Self.blocks(files)
        let shares = blocks.filter { $0.type == "aws_fsx_windows_file_system" }
        let buckets = blocks.filter { $0.type == "aws_s3_bucket" && $0.folder.contains("wave-") }
        #expect(!shares.isEmpty && !buckets.isEmpty)
        for store in shares + buckets {
            #expect(!blocks.contains { $0.type == "aws_instance" && $0.name == store.name }, "\(store.name) also a VM")
            #expect(store.body.contains("prevent_destroy = true"))
        }
        for bucket in buckets {
            #expect(Self.value("object_lock_enabled", in: bucket.body) == "true")
            for type in ["aws_s3_bucket_public_access_block", "aws_s3_bucket_versioning",
                         "aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket_lifecycle_configuration",
                         "aws_s3_bucket_logging", "aws_s3_bucket_policy"] {
                #expect(blocks.contains { $0.type == type && $0.name == bucket.name && $0.folder == bucket.folder },
                        "\(bucket.name): no \(type)")
            }
        }
        for share in shares {
            #expect(share.body.contains("self_managed_active_directory {"))
            #expect(!share.body.contains("password                               = \""), "a literal password")
            let capacity = try #require(Self.value("storage_capacity", in: share.body))
            #expect(capacity.hasPrefix("min(65536, max(2000, "))
        }
    }

    /// The landing zone's VPN is complete when enabled, Session Manager works without the internet, and the audit
    /// trail, threat detection, backup and budget are there.
    @Test func landingZoneIsComplete() throws {
        let blocks = Self.blocks(try Self.files("Inventories/riverside-mental-health.yaml"))
            .filter { $0.folder == "aws/landing-zone" }
        func block(_ type: String) -> Block? { blocks.first { $0.type == type } }
        #expect(block("aws_vpn_connection_route")?.body.contains("toset(var.on_premises_cidrs)") == true)
        #expect(block("aws_vpn_connection")?.body.contains("static_routes_only  = true") == true)
        #expect(block("aws_vpn_gateway_route_propagation")?.body.contains("aws_route_table.private[each.key].id") == true)
        #expect(block("aws_nat_gateway") != nil)
        let endpoints = try #require(blocks.first { $0.type == "aws_vpc_endpoint" && $0.name == "interface" })
        #expect(endpoints.body.contains("private_dns_enabled = true"))
        let main = try Self.files("Inventories/riverside-mental-health.yaml")
            .first { $0.path == "aws/landing-zone/network.tf" }?.contents ?? ""
        #expect(main.contains("interface_endpoints = [\"ssm\", \"ssmmessages\", \"ec2messages\", \"kms\", \"logs\"]"))
        #expect(blocks.contains { $0.type == "aws_vpc_endpoint" && $0.name == "s3" && $0.body.contains("\"Gateway\"") })
        let trail = try #require(block("aws_cloudtrail"))
        for argument in ["is_multi_region_trail", "enable_log_file_validation"] {
            #expect(Self.value(argument, in: trail.body) == "true")
        }
        #expect(Self.value("kms_key_id", in: trail.body) == "aws_kms_key.main.arn")
        #expect(block("aws_guardduty_detector") != nil && block("aws_backup_vault") != nil)
        #expect(block("aws_budgets_budget")?.body.contains("var.budget_contact_emails") == true)
    }

    /// Every root module keeps a partial S3 backend, and its example sets every input that has no default.
    @Test(arguments: estates)
    func everyInputWithoutADefaultIsInTheExample(_ estate: String) throws {
        let files = try Self.files(estate)
        let blocks = Self.blocks(files)
        let folders = Set(files.filter { $0.path.hasSuffix(".tf") }.map { ($0.path as NSString).deletingLastPathComponent })
        #expect(!folders.isEmpty)
        for folder in folders {
            let terraform = files.first { $0.path == "\(folder)/terraform.tf" }?.contents ?? ""
            #expect(terraform.contains("backend \"s3\" {}"), "\(folder): no partial backend")
            let example = try #require(files.first { $0.path == "\(folder)/terraform.tfvars.example" }?.contents)
            let set = Set(example.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix(" ") }
                .compactMap { $0.split(separator: "=").first?.trimmingCharacters(in: .whitespaces) })
            for variable in blocks where variable.kind == "variable" && variable.folder == folder {
                if !variable.body.contains("\n  default") {
                    #expect(set.contains(variable.name), "\(folder): \(variable.name) has no default and no example")
                }
            }
        }
    }

    /// The landing zone cuts a private subnet for each of the inventory's environments in each zone, tagged with it;
    /// every server, database and file system sits in subnets of its own environment, which its wave looks up.
    @Test(arguments: estates)
    func everythingSitsInItsEnvironmentsSubnets(_ estate: String) throws {
        let files = try Self.files(estate)
        let blocks = Self.blocks(files)
        let landing = try #require(files.first { $0.path == "aws/landing-zone/main.tf" }?.contents)
        let list = Environment.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        #expect(landing.contains("environments = [\(list)]"))
        let subnet = try #require(blocks.first { $0.type == "aws_subnet" && $0.name == "private" })
        #expect(Self.value("for_each", in: subnet.body) == "local.private_subnets")
        #expect(subnet.body.contains("environment = each.value.environment"))
        #expect(!landing.contains("private_subnet_cidrs"))
        func environment(_ block: Block) -> String {
            Self.value("environment", in: block.body)?.trimmingCharacters(in: ["\""]) ?? ""
        }
        var placed = 0
        for block in blocks where block.folder.contains("wave-") {
            let expected: String?
            switch block.type {
            case "aws_instance": expected = Self.value("subnet_id", in: block.body)
            case "aws_db_instance": expected = Self.value("db_subnet_group_name", in: block.body)
            case "aws_fsx_windows_file_system": expected = Self.value("preferred_subnet_id", in: block.body)
            default: continue
            }
            placed += 1
            let name = environment(block)
            let reference = try #require(expected)
            #expect(reference.contains("[\"\(name)\"]"), "\(block.folder) \(block.name) (\(name)): \(reference)")
            // The wave looks up that environment's subnets.
            let lookup = try #require(blocks.first { $0.type == "aws_subnets" && $0.name == "environment" && $0.folder == block.folder })
            let wanted = try #require(Self.value("for_each", in: lookup.body))
            #expect(wanted.contains("\"\(name)\""), "\(block.folder): \(wanted) lacks \(name)")
        }
        #expect(placed > 0)
    }

    /// Each service with servers or databases in a wave has a security group of its own per environment (keyed
    /// SERVICE, or SERVICE@ENVIRONMENT outside production), holding exactly its servers and databases there; the
    /// wave's groups of the same environment whose services depend on it or share an interface with it are named as
    /// its sources, and so is its own production or DR group; a service of another wave built on AWS that depends on
    /// it or shares an interface with it (or its production or DR servers elsewhere) makes it admit the VPC's range.
    @Test(arguments: estates)
    func securityGroupsArePerServiceAndEnvironment(_ estate: String) throws {
        let plan = try Fixtures.plan(estate)
        let files = try Self.files(estate)
        let blocks = Self.blocks(files)
        let folders = Set(blocks.filter { ["aws_instance", "aws_db_instance"].contains($0.type) }.map(\.folder))
        #expect(!folders.isEmpty)
        func key(_ service: String, _ environment: String) -> String {
            environment == "production" ? service : "\(service)@\(environment)"
        }
        for folder in folders {
            let main = try #require(files.first { $0.path == "\(folder)/main.tf" }?.contents)
            var groups = [String: (service: String, environment: String, members: Int)]()
            for block in blocks where block.folder == folder && ["aws_instance", "aws_db_instance"].contains(block.type) {
                let service = try #require(Self.value("service", in: block.body)?.trimmingCharacters(in: ["\""]))
                let environment = try #require(Self.value("environment", in: block.body)?.trimmingCharacters(in: ["\""]))
                groups[key(service, environment), default: (service, environment, 0)].members += 1
                let ids = try #require(Self.value("vpc_security_group_ids", in: block.body))
                #expect(ids.hasPrefix("[aws_security_group.service[\"\(key(service, environment))\"].id"), "\(folder) \(block.name): \(ids)")
            }
            // The services local holds one entry per such group, and nothing else.
            let entry = try NSRegularExpression(pattern: #"^    "([^"]+)" = \{\n      service    = "([^"]+)"\n      directory  = (true|false)\n      elsewhere  = (true|false)\n      members    = ([0-9]+)\n      dependents = \[([^\]]*)\]"#,
                                                options: [.anchorsMatchLines])
            let text = main as NSString
            var listed = Set<String>()
            let wave = Int(folder.split(separator: "-").last ?? "") ?? -1
            let waveServices = plan.waves.first { $0.number == wave }?.services ?? []
            for match in entry.matches(in: main, range: NSRange(location: 0, length: text.length)) {
                let name = text.substring(with: match.range(at: 1))
                listed.insert(name)
                let group = try #require(groups[name], "\(folder) \(name)")
                #expect(text.substring(with: match.range(at: 2)) == group.service)
                let model = try #require(plan.estate.services.first { $0.id == group.service })
                let peers = Set(Workload.peers(of: model, in: plan.estate))
                let dependents = Set(text.substring(with: match.range(at: 6)).split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["\""]) }.filter { !$0.isEmpty })
                let partner = group.environment == "production" ? "dr" : group.environment == "dr" ? "production" : ""
                let environments = Set(model.servers.compactMap { plan.estate.serverIndex[$0.id] }
                    .map { Workload.environment(of: plan.estate.servers[$0]) })
                var expected = Set(plan.estate.services.filter { other in
                    other.id != group.service && groups[key(other.id, group.environment)] != nil
                        && (other.dependsOn.contains { $0.id == group.service } || peers.contains(other.id))
                }.map { key($0.id, group.environment) })
                if environments.contains(partner), groups[key(group.service, partner)] != nil {
                    expected.insert(key(group.service, partner))
                }
                #expect(dependents == expected, "\(folder) \(name): \(dependents) vs \(expected)")
                #expect(Int(text.substring(with: match.range(at: 5))) == group.members, "\(folder) \(name)")
                // A dependent or interface peer built on AWS in another wave makes the group admit the VPC's range.
                var elsewhere = plan.estate.services.enumerated().contains { index, other in
                    other.id != group.service && (other.dependsOn.contains { $0.id == group.service } || peers.contains(other.id))
                        && groups[key(other.id, group.environment)] == nil
                        && !waveServices.contains(index)
                        && [.rehost, .replatform, .relocate, .refactor].contains(plan.assessment.services[index].strategy)
                        && (other.supplier?.supportedClouds?.contains(.aws) ?? true)
                }
                if environments.contains(partner), groups[key(group.service, partner)] == nil { elsewhere = true }
                #expect(text.substring(with: match.range(at: 4)) == String(elsewhere), "\(folder) \(name)")
            }
            #expect(listed == Set(groups.keys), "\(folder): \(listed) vs \(groups.keys)")
        }
    }

    /// A managed database's service group admits the database's engine port, so what depends on it can reach it.
    @Test func databasesAreReachableOnTheirEnginePorts() throws {
        var checked = 0
        for estate in Self.estates {
            let files = try Self.files(estate)
            for database in Self.blocks(files) where database.type == "aws_db_instance" {
                let service = try #require(Self.value("service", in: database.body)?.trimmingCharacters(in: ["\""]))
                let engine = try #require(Self.value("engine", in: database.body)?.trimmingCharacters(in: ["\""]))
                let port = engine.hasPrefix("sqlserver") ? 1433 : engine == "postgres" ? 5432 : engine == "mysql" ? 3306 : 0
                #expect(port > 0, "\(engine)")
                let main = try #require(files.first { $0.path == "\(database.folder)/main.tf" }?.contents)
                let entry = try #require(main.components(separatedBy: "    \"\(service)\" = {").dropFirst().first)
                let inbound = entry.components(separatedBy: "outbound = [").first ?? ""
                #expect(inbound.contains("{ protocol = \"tcp\", port = \(port), to_port = \(port), label = "), "\(service): \(engine)")
                checked += 1
            }
        }
        #expect(checked > 0)
    }

    /// Direct Connect is off by default and complete when the connection is given: a private virtual interface on
    /// it, a gateway associated with the VPN gateway, and the VPN gateway's routes propagated to every private route
    /// table; the example names the inputs the trust obtains from its provider.
    @Test func directConnectIsOptionalAndComplete() throws {
        let files = try Self.files("Inventories/riverside-mental-health.yaml")
        let blocks = Self.blocks(files).filter { $0.folder == "aws/landing-zone" }
        func block(_ type: String) throws -> Block { try #require(blocks.first { $0.type == type }, "\(type)") }
        for type in ["aws_dx_gateway", "aws_dx_gateway_association", "aws_dx_private_virtual_interface"] {
            #expect(Self.value("count", in: try block(type).body) == "local.direct_connect")
        }
        #expect(files.contains { $0.contents.contains("direct_connect = var.direct_connect_connection_id == null ? 0 : 1") })
        let connection = try #require(blocks.first { $0.kind == "variable" && $0.name == "direct_connect_connection_id" })
        #expect(connection.body.contains("default     = null"))
        #expect(Self.value("associated_gateway_id", in: try block("aws_dx_gateway_association").body) == "aws_vpn_gateway.main.id")
        let interface = try block("aws_dx_private_virtual_interface")
        for (argument, value) in [("connection_id", "var.direct_connect_connection_id"), ("vlan", "var.direct_connect_vlan"),
                                  ("bgp_asn", "var.direct_connect_bgp_asn"), ("dx_gateway_id", "aws_dx_gateway.hscn[0].id")] {
            #expect(Self.value(argument, in: interface.body) == value, "\(argument)")
        }
        let propagation = try block("aws_vpn_gateway_route_propagation")
        #expect(propagation.body.contains("var.direct_connect_connection_id == null"))
        let example = try #require(files.first { $0.path == "aws/landing-zone/terraform.tfvars.example" }?.contents)
        for input in ["direct_connect_connection_id", "direct_connect_vlan", "direct_connect_bgp_asn"] {
            #expect(example.contains("# \(input) "), "\(input) not in the example")
        }
        let readme = try #require(files.first { $0.path == "aws/landing-zone/README.md" }?.contents)
        #expect(readme.contains("What the trust obtains from its provider"))
    }

    /// The daily plan takes Windows instances through VSS, and every wave with Windows servers gives their role the
    /// policy VSS snapshots need; a wave with no Windows server does not.
    @Test(arguments: estates)
    func windowsBackupsAreVSSConsistent(_ estate: String) throws {
        let files = try Self.files(estate)
        let blocks = Self.blocks(files)
        let plan = try #require(blocks.first { $0.type == "aws_backup_plan" })
        #expect(plan.body.contains("advanced_backup_setting {") && plan.body.contains("resource_type = \"EC2\"")
            && plan.body.contains("WindowsVSS = \"enabled\""))
        for file in files where file.path.hasSuffix("/main.tf") && file.path.contains("/wave-") {
            let windows = file.contents.contains("ami_ids[\"windows")
            #expect(file.contents.contains("policy/AWSEC2VssSnapshotPolicy") == windows, "\(file.path)")
        }
    }

    /// Servers resolve the trust's Active Directory domain: once directory_domain_name and directory_dns_servers are
    /// set, a DHCP options set gives the VPC the domain and the domain controllers as DNS servers; unset, none is
    /// built. The directory wave outputs its domain controllers' addresses for it.
    @Test func theVPCResolvesTheDomainThroughTheDomainControllers() throws {
        let plan = try Fixtures.plan("Inventories/riverside-mental-health.yaml")
        let files = try Self.files("Inventories/riverside-mental-health.yaml")
        let landingZone = Self.blocks(files).filter { $0.folder == "aws/landing-zone" }
        let options = try #require(landingZone.first { $0.type == "aws_vpc_dhcp_options" && $0.name == "directory" })
        #expect(Self.value("count", in: options.body) == "var.directory_domain_name == null && length(var.directory_dns_servers) == 0 ? 0 : 1")
        #expect(Self.value("domain_name", in: options.body) == "var.directory_domain_name")
        #expect(Self.value("domain_name_servers", in: options.body) == "var.directory_dns_servers")
        let association = try #require(landingZone.first { $0.type == "aws_vpc_dhcp_options_association" })
        #expect(Self.value("vpc_id", in: association.body) == "aws_vpc.main.id")
        #expect(Self.value("dhcp_options_id", in: association.body) == "aws_vpc_dhcp_options.directory[0].id")
        let name = try #require(landingZone.first { $0.kind == "variable" && $0.name == "directory_domain_name" })
        #expect(Self.value("default", in: name.body) == "null")
        let servers = try #require(landingZone.first { $0.kind == "variable" && $0.name == "directory_dns_servers" })
        #expect(Self.value("default", in: servers.body) == "[]")
        let example = try #require(files.first { $0.path == "aws/landing-zone/terraform.tfvars.example" }?.contents)
        #expect(example.contains("# directory_domain_name = ") && example.contains("# directory_dns_servers = "))
        let readme = try #require(files.first { $0.path == "aws/landing-zone/README.md" }?.contents)
        #expect(readme.contains("169.254.169.253") && readme.contains("Route 53 Resolver"))
        // The directory service's servers, and only they, are in the wave's output.
        let ad = try #require(plan.estate.services.first { $0.id == "rmh-ad" })
        let outputs = try #require(files.first { $0.path == "aws/wave-0/outputs.tf" }?.contents)
        let section = try #require(outputs.components(separatedBy: "output \"domain_controller_ips\"").last)
        let listed = section.split(separator: "\n").filter { $0.contains("aws_instance.") }
        #expect(listed.count == ad.servers.count)
        for server in ad.servers {
            #expect(section.contains("aws_instance.\(Identifiers.resource(server.id)).private_ip,"))
        }
        // A wave without domain controllers has no such output.
        let controllers = ad.servers.map { "resource \"aws_instance\" \"\(Identifiers.resource($0.id))\"" }
        for file in files where file.path.hasSuffix("/main.tf") && file.path.contains("/wave-") {
            let folder = (file.path as NSString).deletingLastPathComponent
            let output = files.first { $0.path == "\(folder)/outputs.tf" }?.contents ?? ""
            #expect(output.contains("domain_controller_ips") == controllers.contains { file.contents.contains($0) }, "\(folder)")
        }
    }

    /// GuardDuty's detector is optional (enable_guardduty, default true), for accounts where the organisation's
    /// delegated administrator already enabled it; the README says when to turn it off.
    @Test func guardDutyCanBeLeftToTheOrganisation() throws {
        let files = try Self.files("Inventories/northshire-acute.yaml")
        let landingZone = Self.blocks(files).filter { $0.folder == "aws/landing-zone" }
        let detector = try #require(landingZone.first { $0.type == "aws_guardduty_detector" })
        #expect(Self.value("count", in: detector.body) == "var.enable_guardduty ? 1 : 0")
        let variable = try #require(landingZone.first { $0.kind == "variable" && $0.name == "enable_guardduty" })
        #expect(Self.value("type", in: variable.body) == "bool" && Self.value("default", in: variable.body) == "true")
        // Nothing refers to the detector as a single resource, which would fail with count = 0.
        let text = files.filter { $0.path.hasPrefix("aws/") && $0.path.hasSuffix(".tf") }.map(\.contents).joined()
        #expect(!text.contains("aws_guardduty_detector.main.") )
        let readme = try #require(files.first { $0.path == "aws/landing-zone/README.md" }?.contents)
        #expect(readme.contains("`enable_guardduty = false`") && readme.contains("delegated administrator"))
    }
}
