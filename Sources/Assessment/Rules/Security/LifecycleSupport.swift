import CloudFirstCore

// Shared by the lifecycle rules (operating systems, databases and applications past support, on paid extended
// updates, or with support ending): where a release stands, the vendor's name for its paid extension, the source.

/// Where a release stands in its vendor's lifecycle on the as-of date.
enum SupportStage {
    /// In mainstream or extended support; `ends` is when free support ends.
    case supported(ends: CalendarDate?)
    /// Past free support, inside a paid extension (ESU, ELS, ESM) that ends on `ends`.
    case paidExtension(standardEnded: CalendarDate, ends: CalendarDate)
    /// Past all support, paid extensions included.
    case pastSupport(since: CalendarDate)

    init?(_ entry: LifecycleEntry, asOf: CalendarDate) {
        guard let standardEnd = entry.standardSupportEnds else {
            guard let esuEnd = entry.esuEnd else { return nil }
            self = asOf > esuEnd ? .pastSupport(since: esuEnd) : .supported(ends: nil)
            return
        }
        if asOf <= standardEnd {
            self = .supported(ends: standardEnd)
        } else if let esuEnd = entry.esuEnd, asOf <= esuEnd {
            self = .paidExtension(standardEnded: standardEnd, ends: esuEnd)
        } else {
            self = .pastSupport(since: entry.esuEnd ?? standardEnd)
        }
    }
}

/// Microsoft gives Extended Security Updates free on Azure (REFERENCE.md section 4). Its terms differ by version
/// (for SQL Server 2016 on Azure VMs they have been reported to have changed), so the message says to check them.
/// The vendor's own name for its paid extension: Microsoft's Extended Security Updates, Red Hat's Extended Life-cycle
/// Support, Canonical's Expanded Security Maintenance, Oracle's Extended Support.
func paidExtensionName(_ entry: LifecycleEntry) -> String {
    switch entry.product {
    case "Windows Server", "SQL Server": "paid Extended Security Updates (ESU)"
    case "Red Hat Enterprise Linux": "paid Extended Life-cycle Support (ELS)"
    case "Ubuntu": "paid Expanded Security Maintenance (ESM, Ubuntu Pro)"
    case let product where product.hasPrefix("Oracle"): "paid Oracle Extended Support"
    default: "a paid support extension"
    }
}

/// What a finding on a release adds when another source gives a different date for it (a refreshed catalogue's
/// disagreements): which date the assessment used, and the other; empty when the sources agree.
func sourcesDiffer(_ entry: LifecycleEntry) -> String {
    guard !entry.disagreements.isEmpty else { return "" }
    let dates = [("mainstream_end", entry.mainstreamEnd), ("extended_end", entry.extendedEnd), ("esu_end", entry.esuEnd)]
    let differences = entry.disagreements.map { other in
        let used = dates.first { $0.0 == other.column }?.1.map { "\($0)" } ?? "none"
        return "\(other.what) \(used) used (the catalogue's), \(other.date) on \(other.source)"
    }
    return "; the sources differ: " + differences.joined(separator: "; ") + ": review"
}

func extensionNote(_ entry: LifecycleEntry) -> String {
    ["Windows Server", "SQL Server"].contains(entry.product)
        ? " (Microsoft gives ESU free on Azure for the versions it names; check its current terms)" : ""
}

let lifecycleSource = "REFERENCE.md section 6 (endoflife.date and vendor lifecycle pages), through the "
    + "embedded catalogue Catalogues/lifecycle.csv, whose rows each cite their source; NHS England Architecture "
    + "Principles, 'adopt appropriate cyber security standards' (REFERENCE.md section 1); DSPT (section 2)"

/// The databases a server runs that the catalogue knows, with where each is written.
func databases(on server: Server, in context: AssessmentContext) -> [(LifecycleEntry, Software)] {
    server.software.compactMap { software in context.database(of: software).map { ($0, software) } }
}
