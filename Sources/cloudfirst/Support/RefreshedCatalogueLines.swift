import CatalogueRefresh
import Foundation

extension CatalogueCache {
    /// A line for each refreshed catalogue the cache holds, for `--version`: its fetch time, its sources' hosts and
    /// its file; nothing when it holds none.
    var refreshedLines: [String] {
        CatalogueCache.Catalogue.allCases.filter(hasRefreshed).map { catalogue in
            let name = catalogue.rawValue
            guard let sidecar = sidecar(catalogue) else {
                return "\(name): refreshed (\(path(catalogue))), no readable record: run 'cloudfirst catalogue show'"
            }
            var seen = Set<String>()
            let hosts = sidecar.sources.compactMap { URLComponents(string: $0)?.host }.filter { seen.insert($0).inserted }
            return "\(name): refreshed at \(sidecar.fetchedAt) from \(hosts.joined(separator: ", ")) "
                + "(\(path(catalogue))); used in place of the embedded one"
        }
    }
}
