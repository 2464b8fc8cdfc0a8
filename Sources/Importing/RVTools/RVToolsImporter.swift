import Foundation

/// Reads RVTools exports (versions 3.x to 4.7): .xlsx workbooks, and CSV exports (a folder of
/// `RVTools_tab<sheet>.csv` files). `vInfo` is required; `vDisk` gives disks, `vPartition` the storage used, `vCPU`,
/// `vMemory`, `vNetwork` and `vHost` comments, and `vMetaData` the export's date and RVTools version, when present. docs/rvtools-columns.md lists every column read.
public struct RVToolsImporter: Sendable {
    public var limits: ImportLimits

    public init(limits: ImportLimits = ImportLimits()) {
        self.limits = limits
    }

    /// Bytes in a MiB: RVTools' "MB" and "MiB" columns are both binary megabytes.
    static let bytesPerMiB = 1_048_576.0

    /// MiB to GB, base 10 as the inventory format says: MiB x 1,048,576 / 10^9, to two decimals.
    static func gigabytes(mebibytes: Double) -> Double {
        (mebibytes * bytesPerMiB / 10_000_000).rounded() / 100
    }

    /// Reads every export in `paths` into one estate; VM names must be unique across them all.
    public func read(_ paths: [String]) throws -> ImportedEstate {
        var estate = ImportedEstate()
        var state = State()
        for path in paths {
            let source = try open(path)
            try read(source, into: &estate, state: &state)
        }
        estate.servers.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        estate.sites = state.sites.map { ImportedEstate.Site(id: $0.key, name: $0.value) }
            .sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        return estate
    }

    func open(_ path: String) throws -> ExportSource {
        let name = (path as NSString).lastPathComponent
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ImportError(file: path, .unreadable(reason: "no such file or folder"))
        }
        if CSVExport.isExport(path) { return try CSVExport(path: path, limits: limits) }
        if isFolder.boolValue { throw ImportError(file: path, .notAnExport) }
        return try XLSXWorkbook(path: path, displayName: name, limits: limits)
    }

    /// What is carried from one export to the next: names and ids taken, and the sites seen.
    struct State {
        /// Where each name and id was first seen, put in words only for a diagnostic.
        var names: [String: (file: String, location: ImportLocation)] = [:]
        var ids: [String: (file: String, location: ImportLocation)] = [:]

        /// `file:line` for a CSV export's record, `file: sheet 'vInfo', cell A7 ...` for a workbook's cell.
        static func described(_ place: (file: String, location: ImportLocation)) -> String {
            if case .line(let line, _) = place.location { return "\(place.file):\(line)" }
            return "\(place.file): \(place.location.description)"
        }

        var sites: [String: String] = [:]
    }

    static let unknownSite = (id: "unknown-datacenter", name: "Datacenter not given in the export")

    private func read(_ source: ExportSource, into estate: inout ImportedEstate, state: inout State) throws {
        guard let vInfo = source.sheet(named: "vInfo") else {
            throw ImportError(file: source.displayName, .missingSheet("vInfo", available: source.sheetNames))
        }
        var summary = ImportedEstate.Source(name: source.displayName, exported: source.containerDate,
                                            toolVersion: nil,
                                            format: source is CSVExport ? "RVTools CSV export" : "RVTools export")
        if let csv = source as? CSVExport { try csv.checkStart(ofSheet: vInfo) }
        if let metadata = source.sheet(named: "vMetaData") {
            try readMetadata(source, sheet: metadata, into: &summary)
        }
        let details = try readDetails(source)
        estate.sources.append(summary)

        var header: SheetHeader?
        var binding: VInfoColumns?
        let serversBefore = estate.servers.count
        try source.readSheet(vInfo) { row in
            guard !row.cells.isEmpty else { return }
            guard let columns = binding, let header else {
                let found = SheetHeader(row)
                guard let columns = VInfoColumns(found) else {
                    let place = source.place(sheet: vInfo, row: row.number, column: nil, header: nil)
                    throw ImportError(file: place.file, location: place.location,
                                      .missingColumn(sheet: vInfo, names: ["VM"]))
                }
                header = found
                binding = columns
                return
            }
            func place(_ column: Int) -> (file: String, location: ImportLocation) {
                source.place(sheet: vInfo, row: row.number, column: column, header: header.names[column])
            }
            func text(_ column: Int?) -> String? {
                guard let column, let value = row.cells[column]?.trimmed,
                      !value.isEmpty else { return nil }
                return value
            }
            func number(_ column: Int?) throws -> Double? {
                guard let column, let value = text(column) else { return nil }
                guard let parsed = ExportValues.number(value) else {
                    let at = place(column)
                    throw ImportError(file: at.file, location: at.location, .notANumber(value))
                }
                return parsed
            }
            guard let name = text(columns.vm) else {
                estate.rowsWithoutName += 1
                return
            }
            if let template = text(columns.template), ExportValues.boolean(template) == true {
                estate.templatesSkipped += 1
                return
            }
            let here = place(columns.vm)
            if let first = state.names[name] {
                throw ImportError(file: here.file, location: here.location,
                                  .duplicateVM(name: name, first: State.described(first)))
            }
            state.names[name] = here
            let id = ServerID.from(name: name)
            if let first = state.ids[id] {
                throw ImportError(file: here.file, location: here.location,
                                  .duplicateServerID(id: id, first: State.described(first)))
            }
            state.ids[id] = here

            let datacenter = text(columns.datacenter)
            let site = datacenter.map { (id: ServerID.from(name: $0), name: $0) } ?? Self.unknownSite
            state.sites[site.id] = state.sites[site.id] ?? site.name
            let power = text(columns.powerState)?.lowercased()
            let toolsOS = text(columns.toolsOS)
            let configuredOS = text(columns.configuredOS)
            let os = toolsOS ?? configuredOS
            var server = ImportedEstate.Server(id: id, name: name, site: site.id, os: os,
                                               configuredOS: toolsOS != nil && configuredOS != toolsOS
                                                   ? configuredOS : nil,
                                               poweredOn: power != "poweredoff" && power != "suspended")
            server.architecture = os.flatMap { $0.contains("64-bit") ? "x86_64" : $0.contains("32-bit") ? "x86" : nil }
            switch text(columns.firmware)?.lowercased() {
            case "efi"?, "uefi"?: server.firmware = "uefi"
            case "bios"?: server.firmware = "bios"
            default: break
            }
            if let cpus = try number(columns.cpus), cpus >= 1 { server.cpuCores = Int(cpus.rounded()) }
            if let memory = try number(columns.memory) { server.memoryGB = Self.gigabytes(mebibytes: memory) }
            let provisioned = try number(columns.provisioned)
            if let sizes = details.disks[name], !sizes.isEmpty {
                server.disksGB = sizes.map { Self.gigabytes(mebibytes: $0) }
            } else if let total = try number(columns.diskCapacity), total > 0 {
                server.storageGB = Self.gigabytes(mebibytes: total)
            } else if let provisioned {
                server.storageGB = Self.gigabytes(mebibytes: provisioned)
            }
            // A powered-off VM's In Use of 0 is read as "not reported", not "empty" (a VM's files always take some
            // datastore space; the project's judgement): left out rather than written as 0% used, which would price
            // its backup at nothing. vPartition's figure, when there and not 0, still wins (apply(_:to:name:)).
            if let provisioned, provisioned > 0, let inUse = try number(columns.inUse),
               inUse > 0 || server.poweredOn {
                server.storageUsedPercent = (min(100, max(0, inUse / provisioned * 100)) * 10).rounded() / 10
            }
            server.cluster = text(columns.cluster)
            server.host = text(columns.host)
            server.annotation = text(columns.annotation)
            server.vAppOrFolder = text(columns.vApp) ?? text(columns.folder)
            for column in columns.attributes {
                if let value = text(column), let attribute = header.names[column] {
                    server.attributes.append(.init(name: attribute, value: value))
                }
            }
            apply(details, to: &server, name: name)
            estate.servers.append(server)
        }
        if binding == nil {
            throw ImportError(file: source.place(sheet: vInfo, row: 1, column: nil, header: nil).file,
                              location: .sheet(vInfo), .missingColumn(sheet: vInfo, names: ["VM"]))
        }
        if estate.servers.count == serversBefore {
            throw ImportError(file: source.place(sheet: vInfo, row: 1, column: nil, header: nil).file,
                              location: .sheet(vInfo), .noServers(noun: "VMs"))
        }
    }

    /// `vMetaData`: the RVTools version and when the export was made, from its first row of values.
    private func readMetadata(_ source: ExportSource, sheet: String,
                              into summary: inout ImportedEstate.Source) throws {
        var header: SheetHeader?
        var done = false
        try source.readSheet(sheet) { row in
            guard !done, !row.cells.isEmpty else { return }
            guard let header else {
                header = SheetHeader(row)
                return
            }
            done = true
            if let column = header.column("RVTools version"), let version = row.cells[column] {
                summary.toolVersion = ExportValues.version(version)
            }
            if let column = header.column("xlsx creation datetime", "csv creation datetime"),
               let created = row.cells[column], let day = ExportValues.day(created) {
                summary.exported = day
            }
        }
    }

    /// `vDisk`: each VM's disks, capacity in MiB, in the sheet's order.
    func readDisks(_ source: ExportSource, sheet: String) throws -> [String: [Double]] {
        var header: SheetHeader?
        var vm = 0
        var capacity = 0
        var disks: [String: [Double]] = [:]
        try source.readSheet(sheet) { row in
            guard !row.cells.isEmpty else { return }
            guard let header else {
                let found = SheetHeader(row)
                guard let vmColumn = found.column("VM", "vDiskVMName"),
                      let capacityColumn = found.column("Capacity MiB", "Capacity MB", "vDiskCapacityMiB") else {
                    let place = source.place(sheet: sheet, row: row.number, column: nil, header: nil)
                    throw ImportError(file: place.file, location: place.location,
                                      .missingColumn(sheet: sheet,
                                                     names: found.column("VM", "vDiskVMName") == nil ? ["VM"]
                                                         : ["Capacity MiB", "Capacity MB"]))
                }
                header = found
                vm = vmColumn
                capacity = capacityColumn
                return
            }
            guard let name = row.cells[vm]?.trimmed, !name.isEmpty,
                  let value = row.cells[capacity] else { return }
            guard let mebibytes = ExportValues.number(value) else {
                let place = source.place(sheet: sheet, row: row.number, column: capacity,
                                         header: header.names[capacity])
                throw ImportError(file: place.file, location: place.location, .notANumber(value))
            }
            disks[name, default: []].append(mebibytes)
        }
        return disks
    }
}

/// The `vInfo` columns read, bound by name; every one but `VM` may be missing. Each has its spellings in the .xlsx
/// export (old and new) and in the CSV export (`vInfoVMName`...); docs/rvtools-columns.md lists them with sources.
struct VInfoColumns {
    var vm: Int
    var powerState: Int?
    var template: Int?
    var cpus: Int?
    var memory: Int?
    var provisioned: Int?
    var inUse: Int?
    var diskCapacity: Int?
    var firmware: Int?
    var datacenter: Int?
    var cluster: Int?
    var host: Int?
    var configuredOS: Int?
    var toolsOS: Int?
    var annotation: Int?
    var vApp: Int?
    var folder: Int?
    /// vCenter custom attributes: the columns between `Annotation` and `Datacenter`, where RVTools puts them.
    var attributes: [Int] = []

    init?(_ header: SheetHeader) {
        guard let vm = header.column("VM", "vInfoVMName") else { return nil }
        self.vm = vm
        powerState = header.column("Powerstate", "Power state", "vInfoPowerstate")
        template = header.column("Template", "vInfoTemplate")
        cpus = header.column("CPUs", "# CPUs", "vInfoCPUs")
        memory = header.column("Memory", "vInfoMemory")
        provisioned = header.column("Provisioned MiB", "Provisioned MB", "vInfoProvisioned")
        inUse = header.column("In Use MiB", "In Use MB", "vInfoInUse")
        diskCapacity = header.column("Total disk capacity MiB", "Total disk capacity MB",
                                     "vInfoTotalDiskCapacityMiB")
        firmware = header.column("Firmware", "vInfoFirmware")
        datacenter = header.column("Datacenter", "vInfoDataCenter")
        cluster = header.column("Cluster", "vInfoCluster")
        host = header.column("Host", "vInfoHost")
        configuredOS = header.column("OS according to the configuration file", "vInfoOS")
        toolsOS = header.column("OS according to the VMware Tools", "vInfoOSTools")
        annotation = header.column("Annotation", "vInfoAnnotation")
        vApp = header.column("vApp")
        folder = header.column("VM Folder", "Folder")
        if let annotation, let datacenter, annotation < datacenter {
            attributes = header.names.keys.filter { $0 > annotation && $0 < datacenter }.sorted()
        }
    }
}
