import CloudFirstCore
import Foundation

/// What the importers of the cloud providers' CSV import templates (Azure Migrate, AWS Migration Hub, Google
/// Migration Center) share: the estate being built, the names and ids taken across every export of one run, and the
/// sites.
///
/// Sites: none of these templates names a data centre (Migration Center's optional `HostingLocation` is free text
/// about where a machine runs, not a site list), so each export becomes one site named from its file (or folder),
/// `azure-migrate-dc1.csv` giving the site `azure-migrate-dc1`, because people make one export per place or per
/// discovery appliance and name the file after it. `--site` puts every server of the run in one site of that name
/// instead, which keeps the site's id the same when the file names carry dates.
struct TemplateImport {
    var estate = ImportedEstate()
    /// Server name to where it was first seen (`file:line`), across every export of the run.
    private var names: [String: String] = [:]
    private var ids: [String: String] = [:]
    private var sites: [String: ImportedEstate.Site] = [:]
    /// The one site every server goes in, from `--site`.
    private let fixedSite: String?

    init(site: String?, notes: [String], serverNoun: String = "server", readsPowerState: Bool) {
        fixedSite = site.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        estate.notes = notes
        estate.serverNoun = serverNoun
        estate.readsPowerState = readsPowerState
        estate.readsTemplates = false
    }

    /// The site for the servers of the export `exportName` (a file or folder name): its id.
    mutating func site(forExport exportName: String, isFolder: Bool = false) -> String {
        if let fixedSite {
            let id = ServerID.from(name: fixedSite)
            sites[id] = sites[id] ?? .init(id: id, name: fixedSite,
                                           comment: "named by --site: the exports name no data centre")
            return id
        }
        let stem = ((exportName as NSString).pathExtension.lowercased() == "csv"
            ? (exportName as NSString).deletingPathExtension : exportName)
        let name = stem.isEmpty ? exportName : stem
        let id = ServerID.from(name: name)
        sites[id] = sites[id] ?? .init(id: id, name: name,
                                       comment: "the export '\(exportName)' names no data centre: one site for its "
                                           + "servers, named from the " + (isFolder ? "folder" : "file"))
        return id
    }

    /// Takes a server name for a row: its id, derived as RVTools' are; an error when the name (or the id made from
    /// it) is already taken, naming both rows.
    mutating func claim(name: String, table: CSVTable, row: CSVTableRow, column: Int) throws -> String {
        let place = table.place(row, column)
        let described = table.described(row)
        if let first = names[name] {
            throw ImportError(file: table.file, location: place, .duplicateServer(name: name, first: first))
        }
        names[name] = described
        let id = ServerID.from(name: name)
        if let first = ids[id] {
            throw ImportError(file: table.file, location: place, .duplicateServerID(id: id, first: first))
        }
        ids[id] = described
        return id
    }

    /// The estate, servers and sites sorted by id (byte order), as the file writes them.
    /// Reads each of `paths`, a CSV file a template export, into `run`: its table, its source, its site, and its
    /// rows by `rows` (given the table and the site's id); a file that gives no server is refused, so a failed export
    /// can never empty an inventory.
    static func readEach(_ paths: [String], into run: inout TemplateImport, format: String, limits: ImportLimits,
                         rows: (CSVTable, String, inout TemplateImport) throws -> Void) throws {
        for path in paths {
            let name = (path as NSString).lastPathComponent
            let table = try CSVTable.read(path, file: name, limits: limits)
            run.estate.sources.append(.init(name: name, exported: nil, toolVersion: nil, format: format))
            let siteID = run.site(forExport: name)
            let before = run.estate.servers.count
            try rows(table, siteID, &run)
            if run.estate.servers.count == before { throw ImportError(file: name, .noServers(noun: "servers")) }
        }
    }

    func finished() -> ImportedEstate {
        var estate = estate
        estate.servers.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        estate.sites = sites.values.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        return estate
    }

    /// Binary megabytes (MiB) to GB, base 10, two decimals, as RVTools' sizes are converted.
    static func gigabytes(mebibytes: Double) -> Double {
        RVToolsImporter.gigabytes(mebibytes: mebibytes)
    }

    /// Gibibytes to GB, base 10, two decimals: GiB x 1,073,741,824 / 10^9.
    static func gigabytes(gibibytes: Double) -> Double {
        (gibibytes * 107.374_182_4).rounded() / 100
    }

    /// A size already in GB, to two decimals.
    static func gigabytes(_ gigabytes: Double) -> Double {
        (gigabytes * 100).rounded() / 100
    }

    /// A percentage to one decimal, held to 0...100.
    static func percent(_ value: Double) -> Double {
        (min(100, max(0, value)) * 10).rounded() / 10
    }

    /// The OS name with its version added when the name has no number of its own: `Red Hat Enterprise Linux` and
    /// `8.9` give `Red Hat Enterprise Linux 8.9`, while `Microsoft Windows Server 2019 Standard` stays as it is (its
    /// version, a build number such as `10.0.17763`, would only hide the release the lifecycle catalogue matches).
    static func os(name: String?, version: String?) -> String? {
        guard let name else { return version }
        guard let version, !name.contains(where: \.isASCIIDigit) else { return name }
        return name + " " + version
    }

    /// `x86_64` or `x86` from the names the templates use (`x64`, `amd64`, `64-bit`, `x86`, `32-bit`), or from an OS
    /// name that says "64-bit" or "32-bit".
    static func architecture(_ text: String?) -> String? {
        guard let text = text?.lowercased() else { return nil }
        if ["x64", "amd64", "x86_64", "x86-64", "64-bit", "64 bit", "64bit"].contains(where: text.contains) {
            return "x86_64"
        }
        if ["arm64", "aarch64"].contains(where: text.contains) { return "arm64" }
        if ["x86", "32-bit", "32 bit", "32bit", "i386", "i686"].contains(where: text.contains) { return "x86" }
        return nil
    }

    /// `bios` or `uefi` from a firmware or boot type.
    static func firmware(_ text: String?) -> String? {
        switch text?.lowercased() {
        case "bios"?: "bios"
        case "uefi"?, "efi"?: "uefi"
        default: nil
        }
    }

    /// A figure as the comments write it: at most two decimals, no trailing zeros.
    static func figure(_ value: Double) -> String {
        ((value * 100).rounded() / 100).plainDescription
    }
}
