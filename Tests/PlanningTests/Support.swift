import Assessment
import CloudFirstCore
import Foundation
import Planning
import Testing

enum Plans {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let asOf = CalendarDate(year: 2026, month: 11, day: 25)!

    static func load(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Estate {
        let loaded = EstateLoader.load([InventorySource(displayPath: "estate.yaml", contents: .bytes(Array(text.utf8)))])
        return try #require(loaded.estate, Comment(rawValue: loaded.diagnostics.prefix(5).map(\.rendered)
            .joined(separator: "\n")), sourceLocation: sourceLocation)
    }

    static func plan(_ estate: Estate, asOf: CalendarDate = asOf, assumptions: Assumptions? = nil) -> MigrationPlan {
        Planner().plan(Assessor().assess(estate, asOf: asOf), assumptions: assumptions)
    }

    static func sample(_ name: String) throws -> Estate {
        let path = root.appendingPathComponent("Inventories/\(name)").path
        let loaded = EstateLoader.load(paths: [path])
        return try #require(loaded.estate)
    }

    /// A seeded estate of `services` services: random dependencies (cycles included), shared servers, every
    /// criticality, idle and SPARC servers (so some retire and some stay), some SaaS.
    static func generated(services: Int, seed: UInt64) -> String {
        var random = SeededRandom(seed: seed)
        let criticalities = ["patient-critical", "business-critical", "business-operational", "administrative"]
        var text = """
            cloudfirst: 1
            organisation: { name: Generated Trust }
            assumptions: { max_services_per_wave: 4, max_servers_per_wave: 9, start_date: 2027-01-04 }
            sites: [{ id: dc1, name: DC }]
            servers:\n
            """
        let servers = services * 3 / 2
        for index in 0..<servers {
            let cpu = random.next(100), memory = random.next(100)
            let architecture = random.next(40) == 0 ? "sparc" : "x86_64"
            text += "  - { id: s\(index), site: dc1, os: Windows Server 2022, cpu_cores: \(1 + random.next(16)), "
                + "memory_gb: \(2 + random.next(128)), storage_gb: \(random.next(2000)), architecture: \(architecture), "
                + "utilisation: { cpu_p95: \(cpu), memory_p95: \(memory) } }\n"
        }
        text += "services:\n"
        for index in 0..<services {
            var own = [random.next(servers)]
            if random.next(3) == 0 { own.append(random.next(servers)) }
            var depends: [Int] = []
            for _ in 0..<random.next(3) where services > 1 { depends.append(random.next(services)) }
            depends.removeAll { $0 == index }
            let saas = random.next(6) == 0 ? ", supplier: { saas: available }" : ""
            text += "  - { id: svc\(index), name: Service \(index), criticality: \(criticalities[random.next(4)]), "
                + "servers: [\(Set(own).sorted().map { "s\($0)" }.joined(separator: ", "))], "
                + "depends_on: [\(Set(depends).sorted().map { "svc\($0)" }.joined(separator: ", "))]\(saas) }\n"
        }
        return text
    }
}

extension Plans {
    /// An estate with every kind of service (given or to infer), supplier offers and contracts, owners' choices,
    /// operating systems in and out of support, environments, and utilisation with and without days sampled.
    static func varied(services: Int, seed: UInt64) -> String {
        var random = SeededRandom(seed: seed)
        let criticalities = ["patient-critical", "business-critical", "business-operational", "administrative"]
        let systems = ["Windows Server 2022", "Windows Server 2012 R2", "Windows Server 2003", "Red Hat Enterprise Linux 9",
                       "Ubuntu 22.04"]
        let roles = ["application", "database", "web", "file", "backup", "infrastructure", "vdi"]
        let products = ["", "Windows Server Active Directory", "Veeam Backup & Replication", "PaperCut MF", "k3s",
                        "Citrix Virtual Delivery Agent", "Example App", "Windows Server file services (DFS)"]
        let environments = ["production", "production", "test", "dr", "training"]
        let utilisations = ["", ", utilisation: { cpu_p95: 30, memory_p95: 50, days_sampled: 30 }",
                            ", utilisation: { cpu_p95: 30, memory_p95: 50, days_sampled: 3 }",
                            ", utilisation: { cpu_p95: 30, memory_p95: 50 }", ", utilisation: { cpu_p95: 30 }"]
        let kinds = ["", "", "", "application", "directory", "backup", "file", "print", "vdi", "database-platform",
                     "container-platform"]
        let strategies = ["", "", "", "rehost", "relocate", "replatform", "repurchase", "retain", "retire"]
        let contracts = ["", "2027-06-30", "2029-03-31", "2033-03-31"]
        let saas = ["none", "available", "available", "only"]
        var text = """
            cloudfirst: 1
            organisation: { name: Varied Trust }
            assumptions: { start_date: 2027-01-04 }
            sites: [{ id: dc1, name: DC }, { id: dr1, name: DR room, lease_ends: 2027-09-30 }]
            servers:\n
            """
        let servers = services * 2
        for index in 0..<servers {
            let product = products[random.next(products.count)]
            let software = product.isEmpty ? "" : ", software: [{ product: \(product) }]"
            text += "  - { id: s\(index), site: \(random.next(5) == 0 ? "dr1" : "dc1"), "
                + "os: \(systems[random.next(systems.count)]), role: \(roles[random.next(roles.count)]), "
                + "environment: \(environments[random.next(environments.count)]), cpu_cores: \(1 + random.next(16)), "
                + "memory_gb: \(2 + random.next(64)), storage_gb: \(10 + random.next(500))"
                + "\(utilisations[random.next(utilisations.count)])\(software) }\n"
        }
        text += "services:\n"
        for index in 0..<services {
            let own = Set([random.next(servers), random.next(servers)]).sorted().map { "s\($0)" }
            let kind = kinds[random.next(kinds.count)], strategy = strategies[random.next(strategies.count)]
            let contract = contracts[random.next(contracts.count)]
            text += "  - { id: svc\(index), name: Service \(index), criticality: \(criticalities[random.next(4)]), "
                + "servers: [\(own.joined(separator: ", "))], supplier: { saas: \(saas[random.next(saas.count)]) }, "
                + "data: { classification: official, personal_data: none }"
                + (kind.isEmpty ? "" : ", kind: \(kind)") + (strategy.isEmpty ? "" : ", strategy: \(strategy)")
                + (contract.isEmpty ? "" : ", contract_ends: \(contract)") + " }\n"
        }
        return text
    }
}

/// SplitMix64: the same estates on every machine.
struct SeededRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

/// GiB in one GB: the inventory's GB are base 10 and the clouds price storage per GiB (2^30 bytes). Written out here
/// rather than read from the code under test, so that a wrong constant there fails.
let gibPerGB = 1_000_000_000.0 / 1_073_741_824.0
