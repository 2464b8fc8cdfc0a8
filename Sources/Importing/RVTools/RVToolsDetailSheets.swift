import Foundation

/// What the sheets besides `vInfo` say, by VM name (and, for `vHost`, by host name), each read when the export has
/// the sheet; docs/rvtools-columns.md lists the columns and their sources.
struct RVToolsDetails {
    /// `vDisk`: each VM's disk capacities, MiB, in the sheet's order.
    var disks: [String: [Double]] = [:]
    /// `vPartition`: each VM's guest file systems, capacity and consumed MiB summed.
    var partitions: [String: (capacity: Double, consumed: Double)] = [:]
    /// `vCPU`, `vMemory`, `vNetwork`: a comment line for each VM.
    var cpu: [String: String] = [:]
    var memory: [String: String] = [:]
    var networks: [String: String] = [:]
    /// `vHost`: a comment line for each host (CPU model, ESXi version), put on the VMs it runs.
    var hosts: [String: String] = [:]
}

/// One row of a sheet with its header, for reading its cells by column and naming them in a diagnostic.
struct SheetCells {
    let source: ExportSource
    let sheet: String
    let header: SheetHeader
    let row: SheetRow

    func text(_ column: Int?) -> String? {
        guard let column, let value = row.cells[column]?.trimmed,
              !value.isEmpty else { return nil }
        return value
    }

    /// The row's own `Powerstate` says the VM is off: its point-in-time use is nothing, not a measurement.
    var poweredOff: Bool {
        text(header.column("Powerstate", "Power state"))?.lowercased() == "poweredoff"
    }

    func number(_ column: Int?) throws -> Double? {
        guard let column, let value = text(column) else { return nil }
        guard let parsed = ExportValues.number(value) else {
            let place = source.place(sheet: sheet, row: row.number, column: column, header: header.names[column])
            throw ImportError(file: place.file, location: place.location, .notANumber(value))
        }
        return parsed
    }
}

extension RVToolsImporter {
    /// Every detail sheet the export has.
    func readDetails(_ source: ExportSource) throws -> RVToolsDetails {
        var details = RVToolsDetails()
        if let sheet = source.sheet(named: "vDisk") { details.disks = try readDisks(source, sheet: sheet) }
        if let sheet = source.sheet(named: "vPartition") { details.partitions = try readPartitions(source, sheet: sheet) }
        if let sheet = source.sheet(named: "vCPU") { details.cpu = try readCPU(source, sheet: sheet) }
        if let sheet = source.sheet(named: "vMemory") { details.memory = try readMemory(source, sheet: sheet) }
        if let sheet = source.sheet(named: "vNetwork") { details.networks = try readNetworks(source, sheet: sheet) }
        if let sheet = source.sheet(named: "vHost") { details.hosts = try readHosts(source, sheet: sheet) }
        return details
    }

    /// What the detail sheets add to one VM read from `vInfo`.
    func apply(_ details: RVToolsDetails, to server: inout ImportedEstate.Server, name: String) {
        if let used = details.partitions[name], used.capacity > 0 {
            // The guest's own file systems beat vInfo's In Use: see docs/rvtools-columns.md, vPartition.
            server.storageUsedPercent = (min(100, max(0, used.consumed / used.capacity * 100)) * 10).rounded() / 10
        }
        for (label, line) in [("vCPU", details.cpu[name]), ("vMemory", details.memory[name]),
                              ("vNetwork", details.networks[name]),
                              ("vHost", server.host.flatMap { details.hosts[$0] })] {
            if let line { server.attributes.append(.note(label, line)) }
        }
    }

    /// Calls `body` with each row after the header of a sheet whose header has a VM column (one of `vm`), and the
    /// VM's name; rows without a name are passed over. A sheet without such a column is left out, as a missing sheet
    /// is: these sheets add detail, and `vInfo` alone makes an inventory.
    func eachVMRow(_ source: ExportSource, sheet: String, vm spellings: [String],
                   _ body: (String, SheetCells) throws -> Void) throws {
        var header: SheetHeader?
        var vm: Int?
        var skip = false
        try source.readSheet(sheet) { row in
            guard !skip, !row.cells.isEmpty else { return }
            guard let header else {
                let found = SheetHeader(row)
                header = found
                vm = found.column(spellings)
                skip = vm == nil
                return
            }
            let cells = SheetCells(source: source, sheet: sheet, header: header, row: row)
            guard let name = cells.text(vm) else { return }
            try body(name, cells)
        }
    }

    /// `vPartition`: each VM's guest file systems, as VMware Tools report them; capacity and consumed MiB summed.
    func readPartitions(_ source: ExportSource, sheet: String) throws -> [String: (capacity: Double, consumed: Double)] {
        var columns: (capacity: Int?, consumed: Int?)?
        var partitions: [String: (capacity: Double, consumed: Double)] = [:]
        try eachVMRow(source, sheet: sheet, vm: ["VM", "vPartitionVMName"]) { name, cells in
            if columns == nil {
                columns = (cells.header.column("Capacity MiB", "Capacity MB", "vPartitionCapacityMiB"),
                           cells.header.column("Consumed MiB", "Consumed MB", "vPartitionConsumedMiB"))
            }
            guard let capacity = try cells.number(columns?.capacity), capacity > 0,
                  let consumed = try cells.number(columns?.consumed) else { return }
            let sum = partitions[name] ?? (0, 0)
            partitions[name] = (sum.capacity + capacity, sum.consumed + consumed)
        }
        return partitions
    }

    /// `vCPU`: sockets, cores per socket and the CPU reservation, and the CPU use RVTools saw at the moment of the
    /// export (left out for a VM the row says is powered off), which is no percentile and never goes into `cpu_p95`.
    func readCPU(_ source: ExportSource, sheet: String) throws -> [String: String] {
        var lines: [String: String] = [:]
        try eachVMRow(source, sheet: sheet, vm: ["VM", "vCPUVMName"]) { name, cells in
            let header = cells.header
            var parts: [String] = []
            if let sockets = try cells.number(header.column("Sockets")),
               let cores = try cells.number(header.column("Cores p/s")) {
                parts.append("sockets \(Self.plain(sockets)), cores per socket \(Self.plain(cores))")
            }
            if let reservation = try cells.number(header.column("Reservation")), reservation > 0 {
                parts.append("reservation \(Self.plain(reservation)) MHz")
            }
            if !cells.poweredOff, let overall = try cells.number(header.column("Overall", "Overall Cpu Usage")) {
                parts.append("\(Self.plain(overall)) MHz in use when exported (a point-in-time figure, not a p95)")
            }
            if !parts.isEmpty { lines[name] = parts.joined(separator: "; ") }
        }
        return lines
    }

    /// `vMemory`: the memory reservation, and the consumed and active memory at the moment of the export (point-in-
    /// time figures, never `memory_p95`).
    func readMemory(_ source: ExportSource, sheet: String) throws -> [String: String] {
        var lines: [String: String] = [:]
        try eachVMRow(source, sheet: sheet, vm: ["VM", "vMemoryVMName"]) { name, cells in
            let header = cells.header
            var parts: [String] = []
            if let reservation = try cells.number(header.column("Reservation", "vMemoryReservation")),
               reservation > 0 {
                parts.append("reservation \(Self.plain(reservation)) MiB")
            }
            let consumed = cells.poweredOff ? nil : try cells.number(header.column("Consumed"))
            let active = cells.poweredOff ? nil : try cells.number(header.column("Active"))
            if consumed != nil || active != nil {
                let figures = [consumed.map { "\(Self.plain($0)) MiB consumed" },
                               active.map { "\(Self.plain($0)) MiB active" }].compactMap { $0 }
                parts.append(figures.joined(separator: ", ") + " when exported (point-in-time figures, not a p95)")
            }
            if !parts.isEmpty { lines[name] = parts.joined(separator: "; ") }
        }
        return lines
    }

    /// `vNetwork`: each VM's networks and IPv4 addresses, one NIC a row, in the sheet's order, each once. The
    /// inventory has no field for addresses: they go in a comment.
    func readNetworks(_ source: ExportSource, sheet: String) throws -> [String: String] {
        var networks: [String: [String]] = [:]
        var addresses: [String: [String]] = [:]
        try eachVMRow(source, sheet: sheet, vm: ["VM", "vNetworkVMName"]) { name, cells in
            if let network = cells.text(cells.header.column("Network", "vNetworkNetwork")),
               networks[name]?.contains(network) != true {
                networks[name, default: []].append(network)
            }
            // RVTools lists a NIC's addresses in one cell, separated by commas (some versions: spaces or semicolons).
            let text = cells.text(cells.header.column("IPv4 Address", "vNetworkIpv4Address")) ?? ""
            for address in text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " })
                where addresses[name]?.contains(String(address)) != true {
                addresses[name, default: []].append(String(address))
            }
        }
        var lines: [String: String] = [:]
        for name in Set(networks.keys).union(addresses.keys) {
            lines[name] = [networks[name].map { "networks " + $0.joined(separator: ", ") },
                           addresses[name].map { "IPv4 " + $0.joined(separator: ", ") }]
                .compactMap { $0 }.joined(separator: "; ")
        }
        return lines
    }

    /// `vHost`: each host's CPU model and ESXi version.
    func readHosts(_ source: ExportSource, sheet: String) throws -> [String: String] {
        var lines: [String: String] = [:]
        try eachVMRow(source, sheet: sheet, vm: ["Host", "vHostName"]) { host, cells in
            let parts = [cells.text(cells.header.column("CPU Model", "vHostCpuModel")).map { "CPU \($0)" },
                         cells.text(cells.header.column("ESX Version"))].compactMap { $0 }
            if !parts.isEmpty { lines[host] = "host \(host): " + parts.joined(separator: "; ") }
        }
        return lines
    }

    /// A figure as people write it: `2`, not `2.0`; `1.5` stays.
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
