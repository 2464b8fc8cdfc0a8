import Foundation

/// Reads Google Migration Center's manually populated CSV templates ("Import manually generated tables", Google
/// Cloud): `vmInfo.csv` (required, one row a machine), and when present `diskInfo.csv` (its disks), `perfInfo.csv`
/// (a time series of its utilisation) and `tagInfo.csv` (its labels), tied together by `MachineId`.
/// docs/google-migration-center-columns.md lists every column read, with its sources.
///
/// Utilisation: `perfInfo.csv` is a time series, so the 95th percentiles are computed from it, per machine, by the
/// nearest-rank method (the samples sorted, the value at rank ceil(0.95 x n)), which always picks a measured value
/// and never interpolates past one; `days_sampled` is the span from the first sample to the last, in whole days
/// (rounded). Memory is `MemoryUtilizationPercentage` where a row has it, otherwise 100 x (1 - AvailableMemoryBytes /
/// the machine's memory); a machine whose AvailableMemoryBytes are all 0 has no memory series (Google's AWS
/// collection script writes 0 there because CloudWatch has no memory metric, and 0 bytes free would read as 100%).
public struct GoogleMigrationCenterImporter: Sendable {
    public static let format = "Google Migration Center CSV import"
    static let template = "Migration Center's import template"
    static let fileNames = ["vmInfo.csv", "diskInfo.csv", "perfInfo.csv", "tagInfo.csv"]

    public var limits: ImportLimits
    public var site: String?

    public init(site: String? = nil, limits: ImportLimits = ImportLimits()) {
        self.site = site
        self.limits = limits
    }

    static let notes = [
        "One server a row of vmInfo.csv; its name is MachineName, else MachineId (rows with neither skipped).",
        "Sizes: MemoryGiB and the disks' SizeInGib are binary, GiB x 1,073,741,824 / 1,000,000,000 = GB (base 10), to",
        "two decimals. Disks from diskInfo.csv where it lists the machine, else storage_gb from TotalDiskAllocatedGiB.",
        "Utilisation: cpu_p95 and memory_p95 are the 95th percentiles (nearest rank) of each machine's perfInfo.csv",
        "series, days_sampled the days from its first sample to its last; machines without a series have none.",
        "Labels from tagInfo.csv are comments on their servers.",
        "Server ids are the machine names (made id-safe where needed), so they stay the same across re-imports.",
    ]

    /// One export: its name (the folder's), and where each of its files is.
    struct Export {
        var name: String
        /// The folder as the user gave it (or the folder of the files they gave), as diagnostics name it.
        var given: String
        var files: [String: String] = [:]
    }

    /// Each folder in `paths` is one export; files are grouped by the folder they are in, each group one export.
    public func read(_ paths: [String]) throws -> ImportedEstate {
        var run = TemplateImport(site: site, notes: Self.notes, readsPowerState: true)
        run.estate.attributeNoun = "label"
        run.estate.attributePlace = "the Key column of tagInfo.csv"
        for export in try exports(paths) {
            run.estate.sources.append(.init(name: export.name, exported: nil, toolVersion: nil, format: Self.format))
            let siteID = run.site(forExport: export.name, isFolder: true)
            try read(export, site: siteID, into: &run)
        }
        return run.finished()
    }

    func exports(_ paths: [String]) throws -> [Export] {
        var exports: [Export] = []
        /// A folder's export among `exports`, for the files named one by one.
        var folders: [String: Int] = [:]
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw ImportError(file: path, .unreadable(reason: "no such file or folder"))
            }
            if isFolder.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path).sorted()) ?? []
                let before = exports.count
                exports.append(Export(name: Self.folderName(path), given: path))
                for name in names {
                    if let role = Self.role(of: name), exports[before].files[role] == nil {
                        exports[before].files[role] = (path as NSString).appendingPathComponent(name)
                    }
                }
            } else {
                let name = (path as NSString).lastPathComponent
                guard let role = Self.role(of: name) else {
                    throw ImportError(file: name, .unreadable(reason: "it is not one of a Migration Center import's "
                        + "files (" + Self.fileNames.joined(separator: ", ") + ")"))
                }
                let folder = (path as NSString).deletingLastPathComponent
                let index = folders[folder] ?? {
                    exports.append(Export(name: Self.folderName(folder.isEmpty ? "." : folder),
                                          given: folder.isEmpty ? "." : folder))
                    return exports.count - 1
                }()
                folders[folder] = index
                if exports[index].files[role] == nil { exports[index].files[role] = path }
            }
        }
        for export in exports where export.files["vmInfo.csv"] == nil {
            throw ImportError(file: export.given, .unreadable(reason: "it has no vmInfo.csv, the file of machines "
                + "that every Migration Center import has"))
        }
        return exports
    }

    /// A folder's own name, `.` and `..` resolved (`.` is the current folder's name).
    static func folderName(_ path: String) -> String {
        let name = URL(fileURLWithPath: path).standardized.lastPathComponent
        return name.isEmpty || name == "/" ? "export" : name
    }

    /// `vmInfo.csv` and the rest, matched case-insensitively.
    static func role(of fileName: String) -> String? {
        fileNames.first { $0.lowercased() == fileName.lowercased() }
    }

    /// A machine of vmInfo.csv, while its other files are read.
    private struct Machine {
        var server: ImportedEstate.Server
        var memoryBytes: Double?
        var totalAllocatedGiB: Double?
        var totalUsedGiB: Double?
        var disksGiB: [Double] = []
        var usedGiB: [Double] = []
        var cpu: [Double] = []
        var memory: [Double] = []
        var available: [Double] = []
        var times: [Double] = []
    }

    private func read(_ export: Export, site: String, into run: inout TemplateImport) throws {
        func table(_ role: String) throws -> CSVTable? {
            guard let path = export.files[role] else { return nil }
            return try CSVTable.read(path, file: path, limits: limits)
        }
        guard let vmInfo = try table("vmInfo.csv") else { return }
        var machines: [String: Machine] = [:]
        var order: [String] = []
        let idColumn = try vmInfo.require("MachineId", format: Self.template)
        let nameColumn = try vmInfo.require("MachineName", format: Self.template)
        let cores = vmInfo.column("AllocatedProcessorCoreCount")
        let memoryGiB = vmInfo.column("MemoryGiB")
        let memoryMiB = vmInfo.column("MemoryMiB")
        let osName = vmInfo.column("OsName")
        let osVersion = vmInfo.column("OsVersion")
        let physical = vmInfo.column("IsPhysical")
        let status = vmInfo.column("MachineStatus")
        let allocated = vmInfo.column("TotalDiskAllocatedGiB")
        let used = vmInfo.column("TotalDiskUsedGiB")
        let location = vmInfo.column("HostingLocation")
        var machineRows: [String: CSVTableRow] = [:]
        for row in vmInfo.rows {
            let machineID = vmInfo.text(row, idColumn)
            guard let name = vmInfo.text(row, nameColumn) ?? machineID else {
                run.estate.rowsWithoutName += 1
                continue
            }
            let key = machineID ?? name
            if let first = machineRows[key] {
                throw ImportError(file: vmInfo.file, location: vmInfo.place(row, idColumn),
                                  machineID != nil ? .duplicateMachineID(id: key, first: vmInfo.described(first))
                                      : .duplicateServer(name: key, first: vmInfo.described(first)))
            }
            machineRows[key] = row
            let id = try run.claim(name: name, table: vmInfo, row: row,
                                   column: vmInfo.text(row, nameColumn) != nil ? nameColumn : idColumn)
            let os = TemplateImport.os(name: vmInfo.text(row, osName), version: vmInfo.text(row, osVersion))
            var server = ImportedEstate.Server(id: id, name: name, site: site, os: os,
                                               poweredOn: Self.poweredOn(vmInfo.text(row, status)))
            server.architecture = TemplateImport.architecture(os.flatMap { $0.contains("-bit") ? $0 : nil })
            server.platform = ExportValues.boolean(vmInfo.text(row, physical) ?? "") == true ? "physical" : nil
            if let count = try vmInfo.number(row, cores), count >= 1 { server.cpuCores = Int(count.rounded()) }
            var machine = Machine(server: server)
            if let gibibytes = try vmInfo.number(row, memoryGiB) {
                machine.server.memoryGB = TemplateImport.gigabytes(gibibytes: gibibytes)
                machine.memoryBytes = gibibytes * 1_073_741_824
            } else if let mebibytes = try vmInfo.number(row, memoryMiB) {
                machine.server.memoryGB = TemplateImport.gigabytes(mebibytes: mebibytes)
                machine.memoryBytes = mebibytes * 1_048_576
            }
            machine.totalAllocatedGiB = try vmInfo.number(row, allocated)
            machine.totalUsedGiB = try vmInfo.number(row, used)
            if let place = vmInfo.text(row, location) {
                machine.server.attributes.append(.note("HostingLocation", place))
            }
            machines[key] = machine
            order.append(key)
        }

        func machine(_ table: CSVTable, _ row: CSVTableRow, _ column: Int) throws -> String? {
            guard let id = table.text(row, column) else { return nil }
            guard machines[id] != nil else {
                throw ImportError(file: table.file, location: table.place(row, column),
                                  .unknownMachine(id: id, listedIn: vmInfo.file))
            }
            return id
        }
        if let disks = try table("diskInfo.csv") {
            let idColumn = try disks.require("MachineId", format: Self.template)
            let size = try disks.require("SizeInGib", format: Self.template)
            let usedColumn = disks.column("UsedInGib")
            for row in disks.rows {
                guard let id = try machine(disks, row, idColumn), let gibibytes = try disks.number(row, size) else {
                    continue
                }
                machines[id]?.disksGiB.append(gibibytes)
                if let usedGiB = try disks.number(row, usedColumn) { machines[id]?.usedGiB.append(usedGiB) }
            }
        }
        if let tags = try table("tagInfo.csv") {
            let idColumn = try tags.require("MachineId", format: Self.template)
            let keyColumn = try tags.require("Key", format: Self.template)
            let valueColumn = tags.column("Value")
            for row in tags.rows {
                guard let id = try machine(tags, row, idColumn), let key = tags.text(row, keyColumn) else { continue }
                machines[id]?.server.attributes.append(.init(name: key, value: tags.text(row, valueColumn) ?? ""))
            }
        }
        if let performance = try table("perfInfo.csv") {
            let idColumn = try performance.require("MachineId", format: Self.template)
            let time = try performance.require("TimeStamp", format: Self.template)
            let cpu = performance.column("CpuUtilizationPercentage")
            let memory = performance.column("MemoryUtilizationPercentage")
            let available = performance.column("AvailableMemoryBytes")
            for row in performance.rows {
                guard let id = try machine(performance, row, idColumn) else { continue }
                guard let text = performance.text(row, time) else { continue }
                guard let seconds = SampleTime.seconds(text) else {
                    throw ImportError(file: performance.file, location: performance.place(row, time),
                                      .notATime(text))
                }
                let cpuValue = try performance.number(row, cpu)
                let memoryValue = try performance.number(row, memory)
                let availableValue = try performance.number(row, available)
                guard cpuValue != nil || memoryValue != nil || availableValue != nil else { continue }
                machines[id]?.times.append(seconds)
                if let cpuValue { machines[id]?.cpu.append(cpuValue) }
                if let memoryValue {
                    machines[id]?.memory.append(memoryValue)
                } else if let availableValue {
                    machines[id]?.available.append(availableValue)
                }
            }
        }

        for key in order {
            guard var machine = machines[key] else { continue }
            if !machine.disksGiB.isEmpty {
                machine.server.disksGB = machine.disksGiB.map { TemplateImport.gigabytes(gibibytes: $0) }
                let total = machine.disksGiB.reduce(0, +)
                if total > 0, machine.usedGiB.count == machine.disksGiB.count {
                    machine.server.storageUsedPercent = TemplateImport.percent(machine.usedGiB.reduce(0, +) / total
                        * 100)
                } else if let usedGiB = machine.totalUsedGiB, let allocated = machine.totalAllocatedGiB,
                          allocated > 0 {
                    // A disk without UsedInGib: the machine's own totals, as the columns doc says.
                    machine.server.storageUsedPercent = TemplateImport.percent(usedGiB / allocated * 100)
                }
            } else if let total = machine.totalAllocatedGiB, total > 0 {
                machine.server.storageGB = TemplateImport.gigabytes(gibibytes: total)
                if let usedGiB = machine.totalUsedGiB {
                    machine.server.storageUsedPercent = TemplateImport.percent(usedGiB / total * 100)
                }
            }
            var memorySeries = machine.memory
            if let bytes = machine.memoryBytes, bytes > 0, machine.available.contains(where: { $0 > 0 }) {
                memorySeries += machine.available.map { 100 * (1 - $0 / bytes) }
            }
            machine.server.cpuP95 = Self.percentile95(machine.cpu).map(TemplateImport.percent)
            machine.server.memoryP95 = Self.percentile95(memorySeries).map(TemplateImport.percent)
            if machine.server.cpuP95 != nil || machine.server.memoryP95 != nil,
               let first = machine.times.min(), let last = machine.times.max() {
                machine.server.daysSampled = Int(((last - first) / 86_400).rounded())
            }
            run.estate.servers.append(machine.server)
        }
        if order.isEmpty { throw ImportError(file: vmInfo.file, .noServers(noun: "machines")) }
    }

    /// The 95th percentile by nearest rank: the value at rank ceil(0.95 x n) of the sorted samples; nil for none.
    static func percentile95(_ samples: [Double]) -> Double? {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        let rank = Int((0.95 * Double(sorted.count)).rounded(.up))
        return sorted[max(1, rank) - 1]
    }

    /// `MachineStatus`: stopped, powered-off, deallocated and terminated machines are kept with powered_on: false.
    static func poweredOn(_ status: String?) -> Bool {
        guard let status = status?.lowercased() else { return true }
        return !["stopped", "poweredoff", "powered off", "deallocated", "terminated", "off"].contains {
            status == $0 || status.hasSuffix(" " + $0)
        }
    }
}
