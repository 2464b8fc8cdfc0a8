import Foundation

/// Reads the AWS Migration Hub import template (AWS Application Discovery Service User Guide, "Importing data into
/// Migration Hub"): one row a server, columns bound by header name. docs/aws-discovery-columns.md lists every column
/// read, with its source.
///
/// Utilisation: the template has `CPU.UsagePct.Avg`/`.Max` and `RAM.UsedSizeInMB.Avg`/`.Max`, "when the discovery
/// tool was collecting data", for a span it does not give. Neither is a percentile. The maximum is an upper bound of
/// the 95th percentile of the same samples (95% of them are at or below the p95, and all of them at or below the
/// maximum), so sizing on it would never undersize; but written as `cpu_p95` it would claim a measurement the export
/// does not hold, size a server with one brief spike as if it ran at that load all day, and, with no days to go with
/// it, still count as measured data in the assessment's confidence. So neither figure becomes `cpu_p95` or
/// `memory_p95`, no `days_sampled` is written, and each server's average and maximum are kept in a comment on it.
public struct AWSDiscoveryImporter: Sendable {
    public static let format = "AWS Migration Hub import CSV"
    static let template = "AWS Migration Hub's import template"

    public var limits: ImportLimits
    public var site: String?

    public init(site: String? = nil, limits: ImportLimits = ImportLimits()) {
        self.site = site
        self.limits = limits
    }

    static let notes = [
        "One server a row; its name is VMware.VMName, else HostName, else ExternalId (rows with none skipped).",
        "Sizes: RAM.TotalSizeInMB is taken as binary megabytes, as operating systems and hypervisors report memory:",
        "MB x 1,048,576 / 1,000,000,000 = GB (base 10), to two decimals. The template has no disk sizes.",
        "Utilisation: the template gives averages and maximums over a span it does not state, not percentiles, so no",
        "server has cpu_p95 or memory_p95 or days_sampled; each server's figures are in its comment (a maximum bounds",
        "the p95 from above). Applications become the server's applications; Tags and ApplicationWave are comments.",
        "Server ids are the server names (made id-safe where needed), so they stay the same across re-imports.",
    ]

    public func read(_ paths: [String]) throws -> ImportedEstate {
        var run = TemplateImport(site: site, notes: Self.notes, readsPowerState: false)
        run.estate.attributeNoun = "tag"
        run.estate.attributePlace = "the keys of the Tags column (key:value)"
        try TemplateImport.readEach(paths, into: &run, format: Self.format, limits: limits) { table, site, run in
            try read(table, site: site, into: &run)
        }
        return run.finished()
    }

    private func read(_ table: CSVTable, site: String, into run: inout TemplateImport) throws {
        let nameColumns = ["VMware.VMName", "HostName", "ExternalId"].compactMap { table.column($0) }
        guard !nameColumns.isEmpty else {
            throw ImportError(file: table.file, location: .line(table.headerLine, header: nil),
                              .missingTemplateColumn(names: ["VMware.VMName", "HostName", "ExternalId"],
                                                     format: "cloudfirst (to name each server)"))
        }
        let externalID = table.column("ExternalId")
        let cores = table.column("CPU.NumberOfCores")
        let logicalCores = table.column("CPU.NumberOfLogicalCores")
        let osName = table.column("OS.Name")
        let osVersion = table.column("OS.Version")
        let memory = table.column("RAM.TotalSizeInMB")
        let memoryAverage = table.column("RAM.UsedSizeInMB.Avg")
        let memoryMaximum = table.column("RAM.UsedSizeInMB.Max")
        let cpuAverage = table.column("CPU.UsagePct.Avg")
        let cpuMaximum = table.column("CPU.UsagePct.Max")
        let moRef = table.column("VMware.MoRefId")
        let applications = table.column("Applications")
        let wave = table.column("ApplicationWave")
        let tags = table.column("Tags")

        for row in table.rows {
            guard let (nameColumn, name) = nameColumns.lazy.compactMap({ column in
                table.text(row, column).map { (column, $0) }
            }).first else {
                run.estate.rowsWithoutName += 1
                continue
            }
            let id = try run.claim(name: name, table: table, row: row, column: nameColumn)
            let os = TemplateImport.os(name: table.text(row, osName), version: table.text(row, osVersion))
            var server = ImportedEstate.Server(id: id, name: name, site: site, os: os, poweredOn: true)
            server.architecture = TemplateImport.architecture(os.flatMap { $0.contains("-bit") ? $0 : nil })
            server.platform = table.text(row, moRef) != nil ? "vmware" : nil
            if let count = try table.number(row, cores) ?? table.number(row, logicalCores), count >= 1 {
                server.cpuCores = Int(count.rounded())
            }
            let totalMB = try table.number(row, memory)
            if let totalMB { server.memoryGB = TemplateImport.gigabytes(mebibytes: totalMB) }

            if let external = table.text(row, externalID), nameColumn != externalID {
                server.attributes.append(.note("ExternalId", external))
            }
            var figures: [String] = []
            let cpu = [try table.number(row, cpuAverage), try table.number(row, cpuMaximum)]
            if cpu.contains(where: { $0 != nil }) {
                figures.append("CPU " + Self.range(cpu[0], cpu[1]))
            }
            let used = [try table.number(row, memoryAverage), try table.number(row, memoryMaximum)]
            if let totalMB, totalMB > 0, used.contains(where: { $0 != nil }) {
                figures.append("memory in use " + Self.range(used[0].map { $0 / totalMB * 100 },
                                                             used[1].map { $0 / totalMB * 100 }))
            }
            if !figures.isEmpty {
                server.attributes.append(.note("utilisation (average and maximum, not a p95)",
                                               figures.joined(separator: "; ")))
            }
            if let wave = table.text(row, wave) {
                server.attributes.append(.note("ApplicationWave", wave))
            }
            server.attributes += Self.tags(table.text(row, tags))
            server.applications = Self.list(table.text(row, applications))
            run.estate.servers.append(server)
        }
    }

    /// "average 23.9%, maximum 55.34%", or whichever of the two the row gives.
    static func range(_ average: Double?, _ maximum: Double?) -> String {
        [average.map { "average \(TemplateImport.figure($0))%" }, maximum.map { "maximum \(TemplateImport.figure($0))%" }]
            .compactMap { $0 }.joined(separator: ", ")
    }

    /// The template's comma-delimited lists (Applications), each item trimmed, empty ones dropped, in order.
    static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    /// `Tags`: "a comma-delimited list of tags formatted as name:value", each a comment `name: value` in order (a
    /// name may repeat); an item without a colon is kept whole under the name `tag`.
    static func tags(_ text: String?) -> [ImportedEstate.Attribute] {
        list(text).map { tag in
            guard let colon = tag.firstIndex(of: ":") else { return .init(name: "tag", value: tag) }
            return .init(name: tag[..<colon].trimmingCharacters(in: .whitespaces),
                         value: tag[tag.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
    }
}
