import CloudFirstCore
import Planning

/// How a server is built on one cloud, from what the inventory says of it: its operating system's family and major
/// version (so a rehost keeps the OS it had), its disks within the cloud's limits, its availability zone and the
/// ports its service's interfaces use.
enum Workload {
    // MARK: Operating system

    /// An operating system as far as choosing a cloud image goes: `family` is `windows`, `rhel`, `ubuntu`, `sles`,
    /// `oracle-linux`, `centos`, `debian`, or `linux` when nothing more is known; `version` is the major version
    /// (`2019`, `2012-r2`, `8`, `22.04`) or empty; `key` joins the two (`windows-2019`, `rhel-8`).
    struct OperatingSystem: Equatable {
        let family: String
        let version: String
        var key: String { version.isEmpty ? family : "\(family)-\(version)" }
    }

    static func operatingSystem(_ os: String?, windows: Bool) -> OperatingSystem {
        let text = (os ?? "").lowercased()
        func has(_ word: String) -> Bool { text.contains(word) }
        if windows || has("windows") {
            if has("2012 r2") || has("2012r2") { return OperatingSystem(family: "windows", version: "2012-r2") }
            if has("2008 r2") || has("2008r2") { return OperatingSystem(family: "windows", version: "2008-r2") }
            let year = ["2025", "2022", "2019", "2016", "2012", "2008", "2003"].first { has($0) } ?? ""
            return OperatingSystem(family: "windows", version: year)
        }
        if has("ubuntu") {
            // Ubuntu versions are YY.MM: the first such pair in the name.
            let version = numbers(in: text).first { $0.contains(".") }
                .map { $0.split(separator: ".").prefix(2).joined(separator: ".") } ?? ""
            return OperatingSystem(family: "ubuntu", version: version)
        }
        let families: [(words: [String], family: String)] = [
            (["red hat", "redhat", "rhel"], "rhel"),
            (["suse", "sles"], "sles"),
            (["oracle linux", "oracle enterprise linux", "oel"], "oracle-linux"),
            (["centos"], "centos"),
            (["debian"], "debian"),
        ]
        for entry in families where entry.words.contains(where: has) {
            let major = numbers(in: text).first.map { String($0.prefix { $0 != "." }) } ?? ""
            return OperatingSystem(family: entry.family, version: major)
        }
        return OperatingSystem(family: "linux", version: "")
    }

    /// The runs of digits and dots in `text`, in order ("rhel 7.9 (64-bit)" gives "7.9" and "64").
    private static func numbers(in text: String) -> [String] {
        var runs: [String] = []
        var current = ""
        for character in text {
            if character.isASCII && (character.isNumber || (character == "." && !current.isEmpty)) {
                current.append(character)
            } else if !current.isEmpty {
                runs.append(current.hasSuffix(".") ? String(current.dropLast()) : current)
                current = ""
            }
        }
        if !current.isEmpty { runs.append(current.hasSuffix(".") ? String(current.dropLast()) : current) }
        return runs
    }

    // MARK: Disks

    /// A server's disks on one cloud, in GiB: the OS disk and its data disks, each within the cloud's limits.
    struct Disks: Equatable {
        let osGiB: Int
        let dataGiB: [Int]
    }

    /// GiB: the largest OS disk each cloud boots from. Azure's provider validates `os_disk.disk_size_gb` as 0 to
    /// 4,095 (azurerm `internal/services/compute/validate`); AWS and Google boot volumes beyond 2 TiB need GPT
    /// partitioning that most images (and every Windows image in MBR form) lack ("Amazon EBS volume constraints",
    /// Amazon EBS User Guide; "Boot disk size limits", Compute Engine documentation), so 2,048 is taken there.
    static func largestOSDiskGiB(_ cloud: Cloud) -> Int {
        switch cloud {
        case .azure: 4_095
        case .aws, .gcp: 2_048
        }
    }

    /// GiB: the OS disk a server gets when the inventory lists no disks, or its storage is small. The project's own
    /// judgement, close to the clouds' own image defaults (Azure's Windows images ship a 127 GiB OS disk).
    static func defaultOSDiskGiB(windows: Bool) -> Int { windows ? 128 : 64 }

    /// The disks `server` needs on `cloud`. With a `disks` list the first is the OS disk and each other becomes a
    /// data disk; without one, the OS disk takes the default and the rest of `storage_gb` becomes data disks. A disk
    /// larger than the cloud allows is split into equal disks within the limit (`DiskLimit.published`). A server whose
    /// data lives in a managed service (a file share or object storage, `StorageTier`) keeps its OS disk only.
    static func disks(_ server: Server, on cloud: Cloud, windows: Bool, tier: StorageTier) -> Disks {
        let minimum = defaultOSDiskGiB(windows: windows)
        let osLimit = largestOSDiskGiB(cloud)
        let dataLimit = Int(DiskLimit.published[cloud]?.maxGiB ?? 16_384)
        var os = minimum
        var data: [Int] = []
        if let first = server.diskSizesGB.first {
            let size = gib(first)
            os = min(osLimit, max(minimum, size))
            data = size > osLimit ? [size - osLimit] : []
            data += server.diskSizesGB.dropFirst().map(gib)
        } else {
            let total = gib(server.storageGB ?? 0)
            if total > minimum { data = [total - minimum] }
        }
        if tier != .block { return Disks(osGiB: os, dataGiB: []) }
        return Disks(osGiB: os, dataGiB: data.filter { $0 > 0 }.flatMap { evenSplit($0, within: dataLimit) })
    }

    /// GiB (rounded up) in `gb` GB: inventories count in GB (10^9 bytes), the clouds' disks and shares in GiB.
    static func gib(_ gb: Double) -> Int { Int((gb * 1e9 / 1_073_741_824).rounded(.up)) }

    /// `size` as the fewest equal parts none larger than `limit` (the last rounding up): a disk or share larger
    /// than a cloud allows one to be.
    static func evenSplit(_ size: Int, within limit: Int) -> [Int] {
        let count = (size + limit - 1) / limit
        let each = (size + count - 1) / count
        return Array(repeating: each, count: count)
    }

    /// The environment a server serves, production where the inventory does not say (missing data is never the
    /// better answer).
    static func environment(of server: Server) -> String { server.environment?.rawValue ?? "production" }

    // MARK: Zones

    /// A platinum or gold service's servers are spread over three availability zones in turn; others are left to
    /// the cloud's placement ("" for no zone). Platinum and gold are the NHS service classes that call for
    /// resilience within the region (REFERENCE.md, service classes).
    static func zone(for service: Service, position: Int) -> String {
        switch service.availability?.serviceClass {
        case .platinum?, .gold?: String(position % 3 + 1)
        default: ""
        }
    }

    // MARK: Ports

    /// A port a service's servers listen on, from the protocol of one of its interfaces.
    struct Port: Hashable, Comparable {
        let transport: String
        let number: Int
        let label: String

        /// By number, transport, then label: a total order, so a set of ports always lists the same way.
        static func < (lhs: Port, rhs: Port) -> Bool {
            (lhs.number, lhs.transport, lhs.label) < (rhs.number, rhs.transport, rhs.label)
        }
    }

    /// The ports an interface protocol uses, from the IANA Service Name and Transport Protocol Port Number
    /// Registry (hl7 2575, acr-nema 104, dicom-tls 2762, ldap 389, ldaps 636, microsoft-ds 445, nfs 2049) and the
    /// engines' documented defaults for ODBC and JDBC (SQL Server 1433, Oracle 1521, PostgreSQL 5432, MySQL 3306).
    /// `nil` for a protocol with no standard port (proprietary, file drop, other): the wave README names those.
    static func ports(_ protocolName: InterfaceProtocol, engines: [String]) -> [Port]? {
        func tcp(_ number: Int) -> Port { Port(transport: "tcp", number: number, label: protocolName.rawValue) }
        switch protocolName {
        case .hl7v2MLLP: return [tcp(2575)]
        case .hl7v2HTTPS, .fhirR4, .fhirSTU3, .dicomweb, .iheXDS, .mesh, .soap, .rest, .https: return [tcp(443)]
        case .http: return [tcp(80)]
        case .dicom: return [tcp(104)]
        case .dicomTLS: return [tcp(2762)]
        case .smtp: return [tcp(25), tcp(587)]
        case .sftp: return [tcp(22)]
        case .ftp: return [tcp(21)]
        case .smb: return [tcp(445)]
        case .nfs: return [tcp(2049)]
        case .ldap: return [tcp(389), Port(transport: "udp", number: 389, label: protocolName.rawValue)]
        case .ldaps: return [tcp(636)]
        case .odbc, .jdbc:
            // Oracle's listener 1521; the managed engines' ports as their databases are built.
            let numbers = engines.compactMap { engine in
                engine == "oracle" ? 1521 : ManagedDatabase.Engine(rawValue: engine).map(ManagedDatabase.port)
            }
            return numbers.isEmpty ? nil : numbers.map(tcp)
        case .proprietary, .fileDrop, .other: return nil
        }
    }

    /// The ports a print service's servers listen on: LPD 515/tcp ("printer") and IPP 631/tcp ("ipp"), from the
    /// IANA Service Name and Transport Protocol Port Number Registry, and 9100/tcp, raw printing (JetDirect,
    /// "AppSocket"), which IANA does not register for printing: it is the printers' and print servers' convention.
    static let printPorts = [
        Port(transport: "tcp", number: 515, label: "lpd"), Port(transport: "tcp", number: 631, label: "ipp"),
        Port(transport: "tcp", number: 9100, label: "raw-print"),
    ]

    /// Whether an interface opens its service's own ports to others. A MESH client (`mesh`) only connects out, to
    /// the national MESH server over HTTPS, so it opens nothing inbound on the server that runs it.
    static func listens(_ interface: Interface) -> Bool { interface.protocol != .mesh }

    /// The ports of all a service's interfaces, sorted and without repeats, and the protocols with no known port;
    /// a print service's printing ports too, whatever its interfaces say. `kind` is the service's kind where the
    /// assessment inferred it (an inventory seldom gives it); the inventory's otherwise.
    static func ports(of service: Service, engines: [String], kind: ServiceKind? = nil) -> (known: [Port], unknown: [String]) {
        var known = Set<Port>()
        var unknown: [String] = []
        if (kind ?? service.kind) == .print { known.formUnion(printPorts) }
        for interface in service.interfaces where listens(interface) {
            guard let protocolName = interface.protocol else { continue }
            if let ports = ports(protocolName, engines: engines) {
                known.formUnion(ports)
            } else if !unknown.contains(protocolName.rawValue) {
                unknown.append(protocolName.rawValue)
            }
        }
        return (known.sorted(), unknown)
    }

    /// The database engines a server runs, by the names `ports(_:engines:)` knows, from its installed software.
    static func engines(of server: Server) -> [String] {
        var engines: [String] = []
        if let managed = ManagedDatabase.engine(of: server) { engines.append(managed.rawValue) }
        if server.software.contains(where: { ASCIISearch.contains($0.product, "oracle database") }) {
            engines.append("oracle")
        }
        return engines
    }

    /// The ports a service's servers reach the services it depends on at: each dependency's interface ports and its
    /// databases' engine ports (a database service often lists no interface of its own).
    static func dependencyPorts(of service: Service, in estate: Estate) -> [Port] {
        var ports = Set<Port>()
        for reference in service.dependsOn {
            guard let index = estate.serviceIndex[reference.id] else { continue }
            ports.formUnion(portsReached(at: estate.services[index], in: estate))
        }
        return ports.sorted()
    }

    // MARK: Interfaces between services

    /// The database engines a service's servers run.
    static func engines(of service: Service, in estate: Estate) -> [String] {
        service.servers.compactMap { estate.serverIndex[$0.id] }.flatMap { engines(of: estate.servers[$0]) }
    }

    /// The other services of the estate that an interface joins `service` to, either way: those its interfaces
    /// name as `peer`, and those whose interfaces name it. Sorted, without repeats.
    static func peers(of service: Service, in estate: Estate) -> [String] {
        var found = Set<String>()
        for interface in service.interfaces {
            if let peer = interface.peer, peer != service.id, estate.serviceIndex[peer] != nil { found.insert(peer) }
        }
        for other in estate.services where other.id != service.id
            && other.interfaces.contains(where: { $0.peer == service.id }) {
            found.insert(other.id)
        }
        return found.sorted()
    }

    /// The ports `service` admits from `peer` (and `peer` sends to it on) for the interfaces between the two. The
    /// inventory does not say which end listens, so both do: the ports of every interface either names the other
    /// by, except a MESH client's (`mesh`), which only connects out, so it opens the other end alone.
    static func linkPorts(into service: Service, from peer: Service, in estate: Estate) -> [Port] {
        let engines = Array(Set(engines(of: service, in: estate) + engines(of: peer, in: estate))).sorted()
        var ports = Set<Port>()
        let interfaces = service.interfaces.filter { $0.peer == peer.id && listens($0) }
            + peer.interfaces.filter { $0.peer == service.id }
        for interface in interfaces {
            guard let protocolName = interface.protocol, let known = Self.ports(protocolName, engines: engines) else { continue }
            ports.formUnion(known)
        }
        return ports.sorted()
    }

    /// The ports a service's interfaces reach peers outside the estate on (a national service, a supplier, a
    /// partner trust, modalities): a peer that names no service of the estate, or none at all.
    static func externalPorts(of service: Service, in estate: Estate) -> [Port] {
        let engines = engines(of: service, in: estate)
        var ports = Set<Port>()
        for interface in service.interfaces {
            if let peer = interface.peer, estate.serviceIndex[peer] != nil { continue }
            guard let protocolName = interface.protocol, let known = Self.ports(protocolName, engines: engines) else { continue }
            ports.formUnion(known)
        }
        return ports.sorted()
    }

    /// The ports a dependent reaches one service at: its interface ports and its databases' engine ports.
    static func portsReached(at dependency: Service, in estate: Estate) -> [Port] {
        var ports = Set<Port>()
        let found = dependency.servers.compactMap { estate.serverIndex[$0.id] }
            .flatMap { Self.engines(of: estate.servers[$0]) }
        ports.formUnion(Self.ports(of: dependency, engines: found).known)
        if let database = Self.ports(.odbc, engines: found) {
            ports.formUnion(database.map { Port(transport: $0.transport, number: $0.number, label: "database") })
        }
        return ports.sorted()
    }
}
