import Assessment
import CloudFirstCore
import Foundation
import Planning

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a refresh records beside each catalogue it writes (`prices.json`, `lifecycle.json`): where the data came
/// from, when, the catalogue file's SHA-256 and its row counts, and what changed.
public struct Sidecar: Codable, Equatable, Sendable {
    /// `prices` or `lifecycle`.
    public var catalogue: String
    /// UTC, ISO 8601, to the second.
    public var fetchedAt: String
    /// Every URL the refresh read (the first page of each query; later pages follow its NextPageLink).
    public var sources: [String]
    /// SHA-256 of the catalogue file, lower-case hexadecimal.
    public var sha256: String
    /// Data rows in the catalogue file.
    public var rows: Int
    /// What was refreshed, a line each (e.g. "azure vm: 22 rows").
    public var refreshed: [String]
    /// Prices that moved by more than the stated factor against the previous catalogue, or dates on which the
    /// sources disagree: each a sentence.
    public var changes: [String]
    public var toolVersion: String

    enum CodingKeys: String, CodingKey {
        case catalogue, fetchedAt = "fetched_at", sources, sha256, rows, refreshed, changes,
             toolVersion = "tool_version"
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}

/// The folder refreshed catalogues live in: `--cache-dir`, else `$XDG_CACHE_HOME/cloudfirst` (Linux) or
/// `~/Library/Caches/cloudfirst` (macOS), else `~/.cache/cloudfirst`. The XDG Base Directory Specification (version
/// 0.8, 2021) names `XDG_CACHE_HOME` and its `~/.cache` default; Apple's File System Programming Guide names
/// `Library/Caches`.
public struct CatalogueCache: Sendable {
    public enum Catalogue: String, Sendable, CaseIterable {
        case prices, lifecycle
    }

    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// The cache `--cache-dir` names, or the user's.
    public init(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(folder: option ?? Self.defaultFolder(environment: environment))
    }

    public static func defaultFolder(environment: [String: String]) -> String {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        #if os(macOS)
        return home + "/Library/Caches/cloudfirst"
        #else
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/cloudfirst" }
        return home + "/.cache/cloudfirst"
        #endif
    }

    public func path(_ catalogue: Catalogue) -> String { folder + "/" + catalogue.rawValue + ".csv" }
    public func sidecarPath(_ catalogue: Catalogue) -> String { folder + "/" + catalogue.rawValue + ".json" }

    /// The sidecar of a refreshed catalogue; nil when there is none or it does not read.
    public func sidecar(_ catalogue: Catalogue) -> Sidecar? {
        guard let data = FileManager.default.contents(atPath: sidecarPath(catalogue)) else { return nil }
        return try? JSONDecoder().decode(Sidecar.self, from: data)
    }

    public func hasRefreshed(_ catalogue: Catalogue) -> Bool {
        FileManager.default.fileExists(atPath: path(catalogue))
    }

    /// The sentence the plan's notes carry for a refreshed catalogue.
    func provenance(_ catalogue: Catalogue) -> String {
        let name = catalogue == .prices ? "price" : "lifecycle"
        guard let sidecar = sidecar(catalogue) else {
            return "The \(name) catalogue is the refreshed one in the cache (\(path(catalogue))), which has no readable "
                + "record of its sources: run 'cloudfirst catalogue show'."
        }
        return "The \(name) catalogue is the one refreshed at \(sidecar.fetchedAt) (cloudfirst catalogue refresh) from "
            + sidecar.sources.map(Self.origin).uniqued().joined(separator: ", ") + " ("
            + sidecar.refreshed.joined(separator: "; ") + "; SHA-256 \(sidecar.sha256.prefix(12)))"
            + (catalogue == .prices ? "; rows not refreshed keep the embedded catalogue's sources and dates." : ".")
    }

    /// The scheme, host and path of a URL, without its query.
    static func origin(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.query = nil
        return components.string ?? url
    }

    /// The refreshed price catalogue when there is one, else the embedded one.
    public func prices() throws -> PriceCatalogue {
        guard hasRefreshed(.prices) else { return .embedded }
        return try PriceCatalogue(contentsOfFile: path(.prices), provenance: provenance(.prices))
    }

    /// The refreshed lifecycle catalogue when there is one, else the embedded one.
    public func lifecycle() throws -> LifecycleCatalogue {
        guard hasRefreshed(.lifecycle) else { return .embedded }
        return try LifecycleCatalogue(contentsOfFile: path(.lifecycle), provenance: provenance(.lifecycle))
    }

    /// Puts a checked catalogue and its sidecar in place: each is written whole to a temporary file in the cache
    /// folder and synced, then renamed over the old one, the catalogue first. Until the first rename the previous
    /// files are untouched; a rename is atomic on one file system.
    public func install(_ catalogue: Catalogue, csv: String, sidecar: Sidecar) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw RefreshError(.io, folder, "cannot create the cache folder: \(error.localizedDescription)")
        }
        let csvTemporary = try Self.writeTemporary(Array(csv.utf8), beside: path(catalogue))
        let sidecarTemporary: String
        do {
            sidecarTemporary = try Self.writeTemporary(Array(try sidecar.encoded()), beside: sidecarPath(catalogue))
        } catch {
            unlink(csvTemporary)
            throw error
        }
        guard rename(csvTemporary, path(catalogue)) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(csvTemporary)
            unlink(sidecarTemporary)
            throw RefreshError(.io, path(catalogue), "cannot rename the new catalogue into place: \(reason)")
        }
        guard rename(sidecarTemporary, sidecarPath(catalogue)) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(sidecarTemporary)
            throw RefreshError(.io, sidecarPath(catalogue), "cannot rename the sidecar into place: \(reason)")
        }
    }

    /// Writes the bytes to a new temporary file in the target's folder, synced; returns its path.
    static func writeTemporary(_ bytes: [UInt8], beside target: String) throws -> String {
        do {
            return try TemporaryFile.write(bytes, beside: target)
        } catch {
            throw RefreshError(.io, target, error.created ? "cannot write: \(error.reason)" : error.reason)
        }
    }
}

extension Sequence where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
