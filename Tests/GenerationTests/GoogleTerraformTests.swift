import Assessment
import CloudFirstCore
import Foundation
@testable import Generation
import Planning
import Testing

/// The Google Cloud Terraform, read as a platform engineer would before applying it: every disk attached and
/// snapshotted, nothing open to the internet, every input without a default set in the example, the service agents
/// granted the key they need, images by OS family and version, Filestore sizes within the tier's ranges.
@Suite struct GoogleTerraformTests {
    static let estates = ["Inventories/northshire-acute.yaml", "Inventories/riverside-mental-health.yaml",
                          "Inventories/eastvale-ics-shared.yaml", "Tests/GenerationTests/Fixtures/engines.yaml"]

    static func files(_ estate: String) throws -> [GeneratedFile] {
        try Fixtures.generator().generate(try Fixtures.plan(estate), cloud: .gcp)
    }

    /// The folders that hold Terraform (root modules), each with its files by name.
    static func modules(_ files: [GeneratedFile]) -> [String: [String: String]] {
        var modules: [String: [String: String]] = [:]
        for file in files {
            let folder = (file.path as NSString).deletingLastPathComponent
            modules[folder, default: [:]][(file.path as NSString).lastPathComponent] = file.contents
        }
        return modules.filter { $0.value.keys.contains { $0.hasSuffix(".tf") } }
    }

    /// The body of each top-level block whose header starts with `header` (e.g. `resource "google_compute_disk"`),
    /// by its last label, found by matching braces (the generated files hold no braces inside strings that matter).
    static func blocks(_ text: String, _ header: String) -> [(name: String, body: String)] {
        var found: [(String, String)] = []
        var searchFrom = text.startIndex
        while let start = text.range(of: "\n" + header, range: searchFrom..<text.endIndex) {
            guard let open = text.range(of: "{", range: start.upperBound..<text.endIndex) else { break }
            let labels = text[start.upperBound..<open.lowerBound].split(separator: "\"").map(String.init)
                .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            var depth = 0
            var index = open.lowerBound
            while index < text.endIndex {
                if text[index] == "{" { depth += 1 }
                if text[index] == "}" { depth -= 1; if depth == 0 { break } }
                index = text.index(after: index)
            }
            found.append((labels.last ?? "", String(text[open.lowerBound...min(index, text.index(before: text.endIndex))])))
            searchFrom = index < text.endIndex ? index : text.endIndex
        }
        return found
    }

    @Test(arguments: estates)
    func everyDataDiskIsAttachedEncryptedAndSnapshotted(_ estate: String) throws {
        var disks = 0
        for (folder, module) in Self.modules(try Self.files(estate)) {
            let main = module["main.tf"] ?? ""
            let attachments = Set(Self.blocks(main, "resource \"google_compute_disk_resource_policy_attachment\"")
                .map(\.name))
            let instances = Self.blocks(main, "resource \"google_compute_instance\"")
            for disk in Self.blocks(main, "resource \"google_compute_disk\"") {
                disks += 1
                #expect(disk.body.contains("kms_key_self_link = local.kms_key_id"), "\(folder): \(disk.name) has no key")
                #expect(disk.body.contains("prevent_destroy = true"), "\(folder): \(disk.name) is not guarded")
                #expect(attachments.contains(disk.name), "\(folder): \(disk.name) has no snapshot schedule")
                let attached = instances.filter { $0.body.contains("google_compute_disk.\(disk.name).self_link") }
                // A Windows server's data disks take the VSS (guest flush) schedule, the others the plain one.
                if let vm = attached.first,
                   let attachment = Self.blocks(main, "resource \"google_compute_disk_resource_policy_attachment\"")
                    .first(where: { $0.name == disk.name }) {
                    let schedule = vm.body.contains("\"windows\"") ? "windows_snapshots" : "daily_snapshots"
                    #expect(attachment.body.contains("data.google_compute_resource_policy.\(schedule).name"),
                            "\(folder): \(disk.name) is not on the \(schedule) schedule")
                }
                #expect(attached.count == 1, "\(folder): \(disk.name) is attached to \(attached.count) VMs")
                // A disk and its VM are in one zone.
                let zone = disk.body.split(separator: "\n").first { $0.contains("zone = ") }
                    .map { $0.split(separator: "=")[1].trimmingCharacters(in: .whitespaces) }
                if let zone, let vm = attached.first {
                    #expect(vm.body.contains("zone         = \(zone)"), "\(folder): \(disk.name) is in another zone")
                }
                // A VM with a data disk holds data: Terraform will not delete it.
                if let vm = attached.first {
                    #expect(vm.body.contains("deletion_protection = true"), "\(folder): \(vm.name) is not guarded")
                }
            }
            for instance in instances {
                let policy = instance.body.contains("\"windows\"") ? "windows_snapshot_policy" : "snapshot_policy"
                #expect(instance.body.contains("resource_policies = [local.\(policy)]"),
                        "\(folder): \(instance.name)'s boot disk is not on the \(policy) schedule")
                if policy == "windows_snapshot_policy" {
                    #expect(module["landing-zone.tf"]?.contains("\"${var.name_prefix}-windows-snapshots\"") == true,
                            "\(folder) uses the Windows schedule without finding it")
                }
                #expect(instance.body.contains("kms_key_self_link = local.kms_key_id"))
                #expect(!instance.body.contains("access_config"), "\(folder): \(instance.name) has a public address")
            }
        }
        if estate.contains("northshire") { #expect(disks > 0, "the sample with data disks builds none") }
    }

    /// Only the deny-all rules name 0.0.0.0/0: every rule that lets traffic in comes from the estate, the trust, IAP
    /// or Cloud DNS; out, only HTTP and HTTPS go further than the estate, the trust and Google's own addresses, to
    /// the ranges the trust may narrow.
    @Test(arguments: estates)
    func noFirewallRuleAllowsTheInternet(_ estate: String) throws {
        var (ingress, egress) = (0, 0)
        for (folder, module) in Self.modules(try Self.files(estate)) {
            for file in module.values {
                for rule in Self.blocks(file, "resource \"google_compute_firewall\"") where rule.body.contains("allow {") {
                    #expect(!rule.body.contains("0.0.0.0/0"), "\(folder): \(rule.name) allows the internet")
                    if rule.body.contains("direction   = \"EGRESS\"") {
                        egress += 1
                        #expect(rule.body.contains("destination_ranges"), "\(folder): \(rule.name) has no destinations")
                        #expect(!rule.body.contains("source_ranges"), "\(folder): \(rule.name) mixes directions")
                        if rule.body.contains("var.patching_egress_ranges") {
                            #expect(rule.body.contains("ports    = [\"80\", \"443\"]"))
                            #expect(!rule.body.contains("protocol = \"all\""))
                        }
                    } else {
                        ingress += 1
                        #expect(rule.body.contains("direction   = \"INGRESS\""), "\(folder): \(rule.name) has no direction")
                        #expect(rule.body.contains("source_ranges"), "\(folder): \(rule.name) has no source ranges")
                    }
                }
            }
        }
        #expect(ingress >= 3)
        #expect(egress >= 5)
    }

    /// Outbound is denied by default: a logged deny-all below allows for the estate and the trust, Private Google
    /// Access, the metadata server, Windows activation and patching; routes and DNS send Google's APIs to the
    /// Private Google Access addresses the rule allows.
    @Test func egressIsDeniedExceptWhatTheEstateNeeds() throws {
        let files = try Self.files("Inventories/riverside-mental-health.yaml")
        let main = try #require(files.first { $0.path == "gcp/landing-zone/main.tf" }?.contents)
        let rules = Dictionary(uniqueKeysWithValues: Self.blocks(main, "resource \"google_compute_firewall\"")
            .map { ($0.name, $0.body) })
        let deny = try #require(rules["deny_all_egress"])
        #expect(deny.contains("direction   = \"EGRESS\"") && deny.contains("priority    = 65534"))
        #expect(deny.contains("protocol = \"all\"") && deny.contains("destination_ranges = [\"0.0.0.0/0\"]"))
        #expect(deny.contains("log_config"))
        for (name, body) in rules where body.contains("direction   = \"EGRESS\"") && name != "deny_all_egress" {
            let priority = body.split(separator: "\n").first { $0.contains("priority") }
                .flatMap { Int($0.split(separator: "=")[1].trimmingCharacters(in: .whitespaces)) }
            #expect((priority ?? 65535) < 65534, "\(name) does not take precedence over the deny")
        }
        #expect(rules["allow_estate_egress"]?.contains("concat([var.network_cidr], var.on_premises_cidrs)") == true)
        #expect(main.contains("google_api_ranges = [\"199.36.153.8/30\", \"199.36.153.4/30\"]"))
        #expect(rules["allow_google_apis_egress"]?.contains("destination_ranges = local.google_api_ranges") == true)
        #expect(rules["allow_metadata_egress"]?.contains("[\"169.254.169.254/32\"]") == true)
        #expect(rules["allow_windows_activation_egress"]?.contains("target_tags = [\"windows\"]") == true)
        // The private services range (Cloud SQL, Filestore) is inside network_cidr, which the estate rule allows.
        #expect(main.contains("private_services_cidr = cidrsubnet(var.network_cidr, 2, 3)"))
        let route = try #require(Self.blocks(main, "resource \"google_compute_route\"").first)
        #expect(route.body.contains("next_hop_gateway = \"default-internet-gateway\""))
        #expect(route.body.contains("concat(local.google_api_ranges, [local.windows_kms_range])"))
        let wildcard = try #require(Self.blocks(main, "resource \"google_dns_record_set\"").first { $0.name == "google_apis_wildcard" })
        #expect(wildcard.body.contains("rrdatas      = [\"private.googleapis.com.\"]"))
        let variables = try #require(files.first { $0.path == "gcp/landing-zone/variables.tf" }?.contents)
        let patching = try #require(Self.blocks(variables, "variable ").first { $0.name == "patching_egress_ranges" })
        #expect(patching.body.contains("project's own judgement"))
    }

    /// Cloud Interconnect is off by default and whole when on: Partner gives a router with Google's ASN 16550 and two
    /// attachments, one per edge availability domain, whose pairing keys are outputs and which carry traffic only
    /// once activated; Dedicated adds a BGP session per attachment and refuses to plan without its inputs.
    @Test func theInterconnectIsCompleteWhenEnabled() throws {
        let files = try Self.files("Inventories/northshire-acute.yaml")
        let main = try #require(files.first { $0.path == "gcp/landing-zone/main.tf" }?.contents)
        let variables = try #require(files.first { $0.path == "gcp/landing-zone/variables.tf" }?.contents)
        let outputs = try #require(files.first { $0.path == "gcp/landing-zone/outputs.tf" }?.contents)
        let example = try #require(files.first { $0.path == "gcp/landing-zone/terraform.tfvars.example" }?.contents)
        let type = try #require(Self.blocks(variables, "variable ").first { $0.name == "interconnect_type" })
        #expect(type.body.contains("default     = \"NONE\""))
        #expect(main.contains("interconnect_enabled = var.interconnect_type != \"NONE\""))
        #expect(main.contains("interconnect_router_asn = var.interconnect_type == \"PARTNER\" ? 16550 : var.cloud_router_asn"))
        let router = try #require(Self.blocks(main, "resource \"google_compute_router\"").first { $0.name == "interconnect" })
        #expect(router.body.contains("count   = local.interconnect_enabled ? 1 : 0"))
        #expect(router.body.contains("asn               = local.interconnect_router_asn"))
        #expect(router.body.contains("range       = local.private_services_cidr"))
        #expect(router.body.contains("precondition"))
        let attachment = try #require(Self.blocks(main, "resource \"google_compute_interconnect_attachment\"").first)
        #expect(attachment.body.contains("count       = local.interconnect_enabled ? 2 : 0"))
        #expect(attachment.body.contains("\"AVAILABILITY_DOMAIN_${count.index + 1}\""))
        #expect(attachment.body.contains("admin_enabled = local.dedicated || var.interconnect_activated"))
        #expect(attachment.body.contains("router      = google_compute_router.interconnect[0].id"))
        for kind in ["google_compute_router_interface", "google_compute_router_peer"] {
            let block = try #require(Self.blocks(main, "resource \"\(kind)\"").first { $0.name == "interconnect" })
            #expect(block.body.contains("count") && block.body.contains("= local.dedicated ? 2 : 0"), "\(kind) is not per attachment")
        }
        #expect(outputs.contains("google_compute_interconnect_attachment.trust[*].pairing_key"))
        for input in ["interconnect_type", "interconnect_activated", "interconnect_urls", "interconnect_vlan_tags",
                      "interconnect_peer_asn"] {
            #expect(example.contains("# \(input) "), "the example has no placeholder for \(input)")
            #expect(Self.blocks(variables, "variable ").contains { $0.name == input }, "no variable \(input)")
        }
        let readme = try #require(files.first { $0.path == "gcp/landing-zone/README.md" }?.contents)
        #expect(readme.contains("terraform output interconnect_pairing_keys"))
        #expect(readme.contains("interconnect_activated = true"))
    }

    /// Windows servers' disks are snapshotted application-consistent (VSS, guest flush); the others are not asked to
    /// run the pre- and post-snapshot scripts Linux would need.
    @Test func windowsSnapshotsAreApplicationConsistent() throws {
        let main = try #require(try Self.files("Inventories/riverside-mental-health.yaml")
            .first { $0.path == "gcp/landing-zone/main.tf" }?.contents)
        let policies = Dictionary(uniqueKeysWithValues: Self.blocks(main, "resource \"google_compute_resource_policy\"")
            .map { ($0.name, $0.body) })
        #expect(policies["windows_snapshots"]?.contains("guest_flush       = true") == true)
        #expect(policies["daily_snapshots"]?.contains("guest_flush") == false)
    }

    /// Every wave's services get a rule of their own, for their own servers, with the ports of their interfaces.
    @Test func eachServiceOpensItsOwnPortsToItsOwnServers() throws {
        let files = try Self.files("Inventories/northshire-acute.yaml")
        let main = try #require(files.first { $0.path == "gcp/wave-0/main.tf" }?.contents)
        let rule = try #require(Self.blocks(main, "resource \"google_compute_firewall\"").first { $0.name == "svc_nsh_ad" })
        #expect(rule.body.contains("target_tags = [\"svc-nsh-ad\"]"))
        #expect(rule.body.contains("protocol = \"udp\""))
        // From its own environment's subnet and the trust's ranges: not every subnet of the estate.
        #expect(rule.body.contains("concat([data.google_compute_subnetwork.environment[\"production\"].ip_cidr_range], var.on_premises_cidrs)"))
        // The backup service of the same wave has an NFS interface (2049): the directory's servers do not get it.
        #expect(!rule.body.contains("\"2049\""), "nsh-ad's servers are opened to another service's port")
        let dc = try #require(Self.blocks(main, "resource \"google_compute_instance\"").first { $0.name == "nsh_dc01" })
        #expect(dc.body.contains("\"svc-nsh-ad\""))
        // A domain controller keeps a reserved address and the directory tag the landing zone's rules target.
        #expect(dc.body.contains("network_ip = google_compute_address.nsh_dc01.address"))
        #expect(dc.body.contains("\"directory\""))
        #expect(main.contains("forwarding_config"))
    }

    /// A root module plans once its example is copied: every variable without a default is set there.
    @Test(arguments: estates)
    func everyRequiredInputIsInTheExampleAndEveryModuleHasABackend(_ estate: String) throws {
        for (folder, module) in Self.modules(try Self.files(estate)) {
            #expect(module["terraform.tf"]?.contains("backend \"gcs\" {}") == true, "\(folder) has no gcs backend")
            let example = try #require(module["terraform.tfvars.example"], "\(folder) has no terraform.tfvars.example")
            let set = Set(example.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains(" = ") }
                .map { String($0.split(separator: " ")[0]) })
            for variable in Self.blocks(module["variables.tf"] ?? "", "variable ") where !variable.body.contains("default ") {
                #expect(set.contains(variable.name), "\(folder): \(variable.name) has no default and no example")
            }
        }
    }

    /// The landing zone grants its key to each service agent that encrypts with it, and only those the estate uses.
    @Test func theKeyIsGrantedToTheServiceAgentsTheWavesUse() throws {
        let engines = try #require(try Self.files("Tests/GenerationTests/Fixtures/engines.yaml")
            .first { $0.path == "gcp/landing-zone/main.tf" }?.contents)
        #expect(engines.contains("key_users = [\"compute\", \"logging\", \"cloudsql\"]"))
        let northshire = try #require(try Self.files("Inventories/northshire-acute.yaml")
            .first { $0.path == "gcp/landing-zone/main.tf" }?.contents)
        // Northshire's file servers are all Windows: NetApp Volumes (its own CMEK policy), not Filestore.
        #expect(northshire.contains("key_users = [\"compute\", \"logging\", \"storage\", \"cloudsql\"]"))
        for text in [engines, northshire] {
            // Private services access for Cloud SQL and Filestore: the range and the peering that uses it.
            let peering = Self.blocks(text, "resource \"google_service_networking_connection\"")
            #expect(peering.filter { $0.name == "private_services" }.count == 1)
            #expect(peering.first { $0.name == "private_services" }?.body
                .contains("google_compute_global_address.private_services.name") == true)
            #expect(text.contains("purpose       = \"VPC_PEERING\""))
            #expect(text.contains("disable_on_destroy = false"))
        }
    }

    /// With vpn_gateway_enabled, the VPN is whole: two tunnels to the trust's device, each with a router interface
    /// and a BGP peer, the key generated into Secret Manager; without the trust's device it refuses to plan.
    @Test func theVPNIsCompleteWhenEnabled() throws {
        let main = try #require(try Self.files("Inventories/riverside-mental-health.yaml")
            .first { $0.path == "gcp/landing-zone/main.tf" }?.contents)
        for (kind, count) in [("google_compute_vpn_tunnel", "2"), ("google_compute_router_interface", "2"),
                              ("google_compute_router_peer", "2"), ("google_compute_external_vpn_gateway", "1"),
                              ("google_secret_manager_secret_version", "1")] {
            let block = try #require(Self.blocks(main, "resource \"\(kind)\"").first, "no \(kind)")
            #expect(block.body.contains("var.vpn_gateway_enabled ? \(count) : 0"), "\(kind) is not built with the VPN")
        }
        let tunnel = try #require(Self.blocks(main, "resource \"google_compute_vpn_tunnel\"").first)
        #expect(tunnel.body.contains("shared_secret                   = random_password.vpn[0].result"))
        #expect(tunnel.body.contains("router                          = google_compute_router.vpn[0].id"))
        let gateway = try #require(Self.blocks(main, "resource \"google_compute_ha_vpn_gateway\"").first)
        #expect(gateway.body.contains("precondition"))
        // The budget goes through the provider that names a quota project; nothing else does.
        #expect(main.components(separatedBy: "provider        = google.billing").count == 2)
    }

    /// SQL Server gets its root password from a generated secret, never an input; the other engines need none.
    @Test func sqlServerHasAGeneratedRootPasswordInSecretManager() throws {
        let files = try Self.files("Tests/GenerationTests/Fixtures/engines.yaml")
        let databases = try #require(files.first { $0.path == "gcp/wave-1/databases.tf" }?.contents)
        let instances = Self.blocks(databases, "resource \"google_sql_database_instance\"")
        #expect(instances.count == 3)
        for instance in instances {
            let sqlServer = instance.body.contains("SQLSERVER_")
            #expect(instance.body.contains("root_password       = random_password.\(instance.name).result") == sqlServer)
            #expect(instance.body.contains("private_network                               = local.network_id"))
            if sqlServer {
                #expect(databases.contains("secret_data = random_password.\(instance.name).result"))
            } else {
                // PostgreSQL and MySQL are signed in to through IAM: the flag on, and the admins' group a user.
                #expect(instance.body.contains("cloudsql.iam_authentication") || instance.body.contains("cloudsql_iam_authentication"),
                        "\(instance.name) has no IAM database authentication")
                #expect(databases.contains("instance = google_sql_database_instance.\(instance.name).name"))
            }
        }
        let variables = files.filter { $0.path.hasPrefix("gcp/wave-1/") }.map(\.contents).joined()
        #expect(!variables.contains("variable \"root_password\""))
        #expect(files.first { $0.path == "gcp/wave-1/terraform.tf" }?.contents.contains("hashicorp/random") == true)
    }

    /// A rehost keeps its OS family and major version where Google publishes the image; elsewhere it is an input.
    @Test func imagesFollowTheOperatingSystem() throws {
        func image(_ os: String) -> String? {
            GoogleImages.reference(Workload.operatingSystem(os, windows: os.contains("Windows")))?["self_link"]
        }
        #expect(image("Red Hat Enterprise Linux 8 (64-bit)") == "projects/rhel-cloud/global/images/family/rhel-8")
        #expect(image("Microsoft Windows Server 2019 Standard (64-bit)")
            == "projects/windows-cloud/global/images/family/windows-2019")
        #expect(image("Ubuntu 22.04 LTS") == "projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts")
        #expect(image("Red Hat Enterprise Linux 7 (64-bit)") == nil)
        #expect(image("Microsoft Windows Server 2012 R2 (64-bit)") == nil)
        #expect(image("CentOS 7") == nil)

        // Every wave of riverside, whichever wave the plan puts each server in.
        let files = try Self.files("Inventories/riverside-mental-health.yaml")
        var inputs = 0
        for (folder, module) in Self.modules(files) where folder.hasPrefix("gcp/wave-") {
            let main = module["main.tf"] ?? "", variables = module["variables.tf"] ?? ""
            for instance in Self.blocks(main, "resource \"google_compute_instance\"") {
                let input = "var.image_\(instance.name)"
                // Either a public image family or its own input, declared.
                #expect(instance.body.contains("/global/images/family/") != instance.body.contains(input))
                if instance.body.contains(input) {
                    inputs += 1
                    #expect(variables.contains("variable \"image_\(instance.name)\""), "\(folder)")
                }
            }
        }
        #expect(inputs > 0, "riverside has Windows Server 2012 R2, which needs an input")
    }

    /// Filestore Zonal: 1 TiB to 9.75 TiB in steps of 256 GiB, 10 TiB to 100 TiB in steps of 2.5 TiB.
    @Test(arguments: [(100, [1_024]), (1_025, [1_280]), (9_984, [9_984]), (9_985, [10_240]), (22_352, [23_040]),
                      (102_400, [102_400]), (150_000, [76_800, 76_800])])
    func filestoreCapacityIsTheSmallestTheTierAllows(_ gib: Int, _ expected: [Int]) {
        let capacities = GoogleTerraform.filestoreCapacities(gib)
        #expect(capacities == expected)
        #expect(capacities.reduce(0, +) >= gib)
        for capacity in capacities {
            let lower = (1_024...9_984).contains(capacity) && capacity % 256 == 0
            let higher = (10_240...102_400).contains(capacity) && capacity % 2_560 == 0
            #expect(lower || higher, "\(capacity) GiB is not a Zonal size")
        }
    }

    /// Names built from inventory ids stay within Compute Engine's 63 characters with the longest name_prefix (21)
    /// and within a bucket's 63 with the longest project id (30).
    @Test func namesFromLongIdsStayWithinLimits() {
        let long = "a-service-id-much-longer-than-any-compute-engine-name-allows-at-all"
        let part = GoogleTerraform.namePart(long, limit: 36)
        #expect(part.count <= 36 && !part.hasSuffix("-"))
        #expect(21 + "-svc-".count + part.count <= 63)
        #expect(30 + 1 + GoogleTerraform.namePart(long, limit: 32).count <= 63)
        #expect(GoogleTerraform.namePart("9-lives", limit: 10).first == "s")
    }

    /// A platinum or gold service's servers take the zones the shared context gives them, a to c.
    @Test func zonesFollowTheServiceClass() {
        #expect(GoogleTerraform.zoneLetter(zone: "1", position: 5) == "a")
        #expect(GoogleTerraform.zoneLetter(zone: "3", position: 0) == "c")
        #expect(GoogleTerraform.zoneLetter(zone: "", position: 4) == "b")
    }

    /// The file servers' shares become Filestore, the backup servers' repositories buckets, and neither keeps a VM
    /// where the plan replaces it.
    @Test func fileAndBackupServersBecomeManagedStorage() throws {
        let files = try Self.files("Inventories/northshire-acute.yaml")
        let storage = files.filter { $0.path.hasSuffix("storage.tf") }.map(\.contents).joined()
        let filestores = Self.blocks(storage, "resource \"google_filestore_instance\"")
        let volumes = Self.blocks(storage, "resource \"google_netapp_volume\"")
        let buckets = Self.blocks(storage, "resource \"google_storage_bucket\"")
        #expect(!volumes.isEmpty && !buckets.isEmpty)
        let vms = Set(files.filter { $0.path.hasSuffix("main.tf") }
            .flatMap { Self.blocks($0.contents, "resource \"google_compute_instance\"").map(\.name) })
        for store in filestores + volumes + buckets { #expect(!vms.contains(store.name), "\(store.name) is also a VM") }
        for filestore in filestores {
            #expect(filestore.body.contains("kms_key_name = local.kms_key_id"))
            #expect(filestore.body.contains("connect_mode = \"PRIVATE_SERVICE_ACCESS\""))
            #expect(filestore.body.contains("prevent_destroy = true"))
        }
        for bucket in buckets {
            #expect(bucket.body.contains("public_access_prevention    = \"enforced\""))
            #expect(bucket.body.contains("uniform_bucket_level_access = true"))
            #expect(bucket.body.contains("default_kms_key_name = local.kms_key_id"))
            #expect(bucket.body.contains("prevent_destroy = true"))
        }
    }

    // MARK: File servers by operating system

    /// `estate` with every file server's operating system replaced by `os`, in a scratch folder.
    static func files(_ estate: String, fileServersRunning os: String) throws -> [GeneratedFile] {
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent(estate), encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        var inFileServer = false
        for index in lines.indices {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("- id:") { inFileServer = false }
            if line.hasPrefix("role: file") { inFileServer = true }
            if inFileServer, line.hasPrefix("os:") {
                let indent = lines[index].prefix { $0 == " " }
                lines[index] = "\(indent)os: \(os)"
                inFileServer = false
            }
        }
        let scratch = try ScratchFolder()
        try scratch.write("estate.yaml", lines.joined(separator: "\n"))
        let loaded = EstateLoader.load(paths: [scratch.url.appendingPathComponent("estate.yaml").path])
        let plan = Planner().plan(Assessor().assess(try #require(loaded.estate), asOf: Fixtures.asOf))
        return try Fixtures.generator().generate(plan, cloud: .gcp)
    }

    static func text(_ files: [GeneratedFile], _ suffix: String) -> String {
        files.filter { $0.path.hasSuffix(suffix) }.map(\.contents).joined(separator: "\n")
    }

    /// A Windows file server's shares become a NetApp Volumes SMB volume in a CMEK, domain-joined storage pool, and no
    /// Filestore instance (Filestore serves NFS only); the landing zone builds what the pools name.
    @Test func windowsFileServersGetNetAppSMBVolumesAndNoFilestore() throws {
        let files = try Self.files("Inventories/northshire-acute.yaml", fileServersRunning: "Windows Server 2019 Standard")
        let storage = Self.text(files, "storage.tf")
        #expect(Self.blocks(storage, "resource \"google_filestore_instance\"").isEmpty)
        let pools = Dictionary(uniqueKeysWithValues: Self.blocks(storage, "resource \"google_netapp_storage_pool\"")
            .map { ($0.name, $0.body) })
        let volumes = Self.blocks(storage, "resource \"google_netapp_volume\"")
        #expect(volumes.count >= 2)
        for volume in volumes {
            #expect(volume.body.contains("protocols    = [\"SMB\"]"), "\(volume.name) is not SMB only")
            #expect(volume.body.contains("storage_pool = google_netapp_storage_pool.\(volume.name).name"))
            #expect(volume.body.contains("restricted_actions = [\"DELETE\"]"))
            #expect(volume.body.contains("prevent_destroy = true"))
            let pool = try #require(pools[volume.name], "\(volume.name) has no storage pool")
            #expect(pool.contains("active_directory = local.netapp_active_directory"))
            #expect(pool.contains("kms_config       = local.netapp_kms_config"))
            #expect(pool.contains("network          = local.network_id"))
            #expect(pool.contains("prevent_destroy = true"))
        }
        let landingZone = Self.text(files.filter { $0.path.hasPrefix("gcp/landing-zone/") }, "main.tf")
        let netappPeering = Self.blocks(landingZone, "resource \"google_service_networking_connection\"")
            .first { $0.name == "netapp" }
        #expect(netappPeering?.body.contains("service                 = \"netapp.servicenetworking.goog\"") == true)
        let directory = try #require(Self.blocks(landingZone, "resource \"google_netapp_active_directory\"").first)
        // The trust's domain, DNS servers, prefix and join account are inputs; the password comes from Secret Manager.
        #expect(directory.body.contains("domain              = var.netapp_ad_domain"))
        #expect(directory.body.contains("dns                 = join(\",\", var.netapp_ad_dns_servers)"))
        #expect(directory.body.contains("password            = data.google_secret_manager_secret_version.netapp_ad_join.secret_data"))
        let kms = try #require(Self.blocks(landingZone, "resource \"google_netapp_kmsconfig\"").first)
        #expect(kms.body.contains("crypto_key_name = google_kms_crypto_key.main.id"))
        // The names the waves' locals give are the names the landing zone builds.
        #expect(directory.body.contains("name                = \"${var.name_prefix}-directory\""))
        #expect(kms.body.contains("name            = \"${var.name_prefix}-netapp\""))
        let waveLocals = Self.text(files, "landing-zone.tf")
        #expect(waveLocals.contains("activeDirectories/${var.name_prefix}-directory\""))
        #expect(waveLocals.contains("kmsConfigs/${var.name_prefix}-netapp\""))
        #expect(Self.text(files, "README.md").contains("NetApp Volumes (SMB)"))
    }

    /// A Linux file server's shares stay on Filestore (NFS), and nothing of NetApp Volumes is built anywhere.
    @Test func linuxFileServersStayOnFilestoreAndGetNoNetApp() throws {
        let files = try Self.files("Inventories/northshire-acute.yaml", fileServersRunning: "Red Hat Enterprise Linux 8.8")
        let storage = Self.text(files, "storage.tf")
        let filestores = Self.blocks(storage, "resource \"google_filestore_instance\"")
        #expect(filestores.count >= 2)
        for filestore in filestores {
            #expect(filestore.body.contains("kms_key_name = local.kms_key_id"))
            #expect(filestore.body.contains("deletion_protection_enabled = true"))
            #expect(filestore.body.contains("prevent_destroy = true"))
        }
        for file in files where file.path.hasSuffix(".tf") || file.path.hasSuffix(".example") {
            #expect(!file.contents.contains("netapp"), "\(file.path) mentions NetApp")
        }
        let landingZone = try #require(files.first { $0.path == "gcp/landing-zone/main.tf" }?.contents)
        #expect(landingZone.contains("\"filestore\"]"))
    }

    /// NetApp Volumes: a Standard, Premium or Extreme pool holds at least 2,048 GiB; a volume 100 GiB to 102,400 GiB.
    @Test(arguments: [(1, [2_048], [100]), (100, [2_048], [100]), (101, [2_048], [101]), (2_049, [2_049], [2_049]),
                      (102_400, [102_400], [102_400]), (150_000, [75_000, 75_000], [75_000, 75_000])])
    func netappSizesAreWithinTheServiceLimits(_ gib: Int, _ pools: [Int], _ volumes: [Int]) {
        let capacities = GoogleTerraform.netappCapacities(gib)
        #expect(capacities.map(\.pool) == pools)
        #expect(capacities.map(\.volume) == volumes)
        #expect(capacities.map(\.volume).reduce(0, +) >= gib)
        for capacity in capacities {
            #expect(capacity.pool >= 2_048 && capacity.pool >= capacity.volume)
            #expect((100...102_400).contains(capacity.volume))
        }
    }

    /// The sizes written for the samples' Windows file servers are within the same limits.
    @Test(arguments: estates)
    func generatedNetAppSizesAreWithinTheServiceLimits(_ estate: String) throws {
        let storage = Self.text(try Self.files(estate), "storage.tf")
        func capacity(_ body: String) -> Int? {
            body.split(separator: "\n").first { $0.contains("capacity_gib") }
                .flatMap { Int($0.split(separator: "=").last?.trimmingCharacters(in: .whitespaces) ?? "") }
        }
        for pool in Self.blocks(storage, "resource \"google_netapp_storage_pool\"") {
            let size = try #require(capacity(pool.body))
            #expect(size >= 2_048, "\(pool.name): \(size) GiB")
        }
        for volume in Self.blocks(storage, "resource \"google_netapp_volume\"") {
            let size = try #require(capacity(volume.body))
            #expect((100...102_400).contains(size), "\(volume.name): \(size) GiB")
        }
    }

    /// PostgreSQL logs statements slower than a threshold (a variable), not every statement's duration; Cloud SQL
    /// and Filestore carry the environment label the README promises.
    @Test(arguments: estates)
    func postgresLogsSlowStatementsOnly(_ estate: String) throws {
        let modules = Self.modules(try Self.files(estate))
        for (folder, files) in modules {
            let databases = Self.blocks("\n" + (files["databases.tf"] ?? ""), "resource \"google_sql_database_instance\"")
            for (name, body) in databases {
                #expect(body.contains("user_labels = {") && body.contains("environment         = \""), "\(folder) \(name)")
                guard body.contains("POSTGRES") else {
                    #expect(!body.contains("log_min_duration_statement"))
                    continue
                }
                #expect(!body.contains("\"log_duration\""), "\(folder) \(name)")
                #expect(body.contains("name  = \"log_min_duration_statement\"\n      value = tostring(var.postgres_log_min_duration_ms)"))
                let variables = files["variables.tf"] ?? ""
                #expect(variables.contains("variable \"postgres_log_min_duration_ms\""), "\(folder)")
            }
            if databases.allSatisfy({ !$0.body.contains("POSTGRES") }) {
                #expect(!(files["variables.tf"] ?? "").contains("postgres_log_min_duration_ms"), "\(folder)")
            }
            for (name, body) in Self.blocks("\n" + (files["storage.tf"] ?? ""), "resource \"google_filestore_instance\"") {
                #expect(body.contains("environment         = \""), "\(folder) \(name)")
            }
        }
    }
}
