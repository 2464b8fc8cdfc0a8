import Assessment
import Reporting

extension CatalogueStatus.Entry {
    /// The entry with the releases on which the lifecycle catalogue's sources disagree, a sentence each.
    func with(disagreements catalogue: LifecycleCatalogue) -> Self {
        var entry = self
        entry.disagreements = catalogue.entries.flatMap { release in
            release.disagreements.map { other in
                let used = switch other.column {
                case "mainstream_end": release.mainstreamEnd
                case "extended_end": release.extendedEnd
                default: release.esuEnd
                }
                return "\(release.name): \(other.column) \(used.map { "\($0)" } ?? "none") in the catalogue, "
                    + "\(other.date) on \(other.source)"
            }
        }
        return entry
    }
}
