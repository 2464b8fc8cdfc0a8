import Foundation

/// Reads Azure Migrate's CSV import template for servers ("Discover servers using an imported CSV file", Microsoft
/// Learn): one row a server, its columns bound by header name (the `*` marking a required one ignored).
/// docs/azure-migrate-columns.md lists every column read, with its source.
///
/// Utilisation: the template's "CPU utilization percentage" and "Memory utilization percentage" are one figure each,
/// "percentage of CPU used", over a period the template does not state: not a percentile, and not a series one could
/// be taken from. So they never become `cpu_p95` or `memory_p95` (sizing on an average would undersize a server whose
/// load peaks, and an unknown figure passed off as a p95 would raise the assessment's confidence with nothing
/// measured behind it); each server's figures are kept in a comment on it for a person to read, and no
/// `days_sampled` is written.
public struct AzureMigrateImporter: Sendable {
    public static let format = "Azure Migrate import CSV"
    static let template = "Azure Migrate's import template"

    public var limits: ImportLimits
    /// The one site every server goes in, from `--site`; nil for one site per export, named from its file.
    public var site: String?

    public init(site: String? = nil, limits: ImportLimits = ImportLimits()) {
        self.site = site
        self.limits = limits
    }

    static let notes = [
        "Sizes: 'Memory (In MB)' is binary megabytes as the appliance's VMware and Hyper-V figures are, so",
        "MB x 1,048,576 / 1,000,000,000 = GB (base 10), to two decimals; 'Disk N size (In GB)' is taken as GB.",
        "Utilisation: 'CPU utilization percentage' and 'Memory utilization percentage' are one figure each over a",
        "period the template does not state, not percentiles, so no server has cpu_p95 or memory_p95 or days_sampled",
        "(each server's figures are in its comment); storage_used_percent is 'Storage in use (In GB)' over its disks.",
        "Server ids are the server names (made id-safe where needed), so they stay the same across re-imports.",
    ]

    /// Reads every export in `paths` into one estate; server names must be unique across them all.
    public func read(_ paths: [String]) throws -> ImportedEstate {
        var run = TemplateImport(site: site, notes: Self.notes, readsPowerState: false)
        run.estate.attributeNoun = "attribute"
        run.estate.attributePlace = "Azure Migrate's import template has no custom attributes or tags"
        try TemplateImport.readEach(paths, into: &run, format: Self.format, limits: limits) { table, site, run in
            try read(table, site: site, into: &run)
        }
        return run.finished()
    }

    private func read(_ table: CSVTable, site: String, into run: inout TemplateImport) throws {
        let nameColumn = try table.require("Server name", format: Self.template)
        let cores = try table.require("Cores", format: Self.template)
        let memory = try table.require("Memory (In MB)", "Memory", format: Self.template)
        let osName = try table.require("OS name", format: Self.template)
        let osVersion = table.column("OS version")
        let osArchitecture = table.column("OS architecture")
        let serverType = table.column("Server type")
        let hypervisor = table.column("Hypervisor")
        let boot = table.column("Boot type", "Firmware type")
        let storageInUse = table.column("Storage in use (In GB)", "Storage in use")
        let cpuUtilisation = table.column("CPU utilization percentage")
        let memoryUtilisation = table.column("Memory utilization percentage")
        let disks = table.numberedColumns(#"disk (\d+) size(?: \(in gb\))?"#).map(\.column)

        for row in table.rows {
            guard let name = table.text(row, nameColumn) else {
                run.estate.rowsWithoutName += 1
                continue
            }
            let id = try run.claim(name: name, table: table, row: row, column: nameColumn)
            let os = TemplateImport.os(name: table.text(row, osName), version: table.text(row, osVersion))
            var server = ImportedEstate.Server(id: id, name: name, site: site, os: os, poweredOn: true)
            server.architecture = TemplateImport.architecture(table.text(row, osArchitecture))
                ?? TemplateImport.architecture(os.flatMap { $0.contains("-bit") ? $0 : nil })
            server.firmware = TemplateImport.firmware(table.text(row, boot))
            server.platform = Self.platform(type: table.text(row, serverType), hypervisor: table.text(row, hypervisor))
            if let count = try table.number(row, cores), count >= 1 { server.cpuCores = Int(count.rounded()) }
            if let megabytes = try table.number(row, memory) {
                server.memoryGB = TemplateImport.gigabytes(mebibytes: megabytes)
            }
            for column in disks {
                if let size = try table.number(row, column), size > 0 {
                    server.disksGB.append(TemplateImport.gigabytes(size))
                }
            }
            let provisioned = server.disksGB.reduce(0, +)
            if let inUse = try table.number(row, storageInUse), provisioned > 0 {
                server.storageUsedPercent = TemplateImport.percent(inUse / provisioned * 100)
            }
            let figures = [
                try table.number(row, cpuUtilisation).map { "CPU \(TemplateImport.figure($0))%" },
                try table.number(row, memoryUtilisation).map { "memory \(TemplateImport.figure($0))%" },
            ].compactMap { $0 }
            if !figures.isEmpty {
                server.attributes.append(.note("utilisation (one figure each, not a p95)",
                                               figures.joined(separator: ", ")))
            }
            run.estate.servers.append(server)
        }
    }

    /// `physical`, or the hypervisor of a virtual server (`vmware`, `hyper-v`); nil when the row does not say or
    /// names one the inventory has no value for (Xen, a cloud).
    static func platform(type: String?, hypervisor: String?) -> String? {
        if type?.lowercased() == "physical" { return "physical" }
        switch hypervisor?.lowercased().replacingOccurrences(of: " ", with: "") {
        case "vmware"?: return "vmware"
        case "hyper-v"?, "hyperv"?: return "hyper-v"
        default: return nil
        }
    }
}
