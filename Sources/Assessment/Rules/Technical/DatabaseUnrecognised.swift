import CloudFirstCore

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

private func extensionNote(_ entry: LifecycleEntry) -> String {
    ["Windows Server", "SQL Server"].contains(entry.product)
        ? " (Microsoft gives ESU free on Azure for the versions it names; check its current terms)" : ""
}

private let lifecycleSource = "REFERENCE.md section 6 (endoflife.date and vendor lifecycle pages), through the "
    + "embedded catalogue Catalogues/lifecycle.csv, whose rows each cite their source; NHS England Architecture "
    + "Principles, 'adopt appropriate cyber security standards' (REFERENCE.md section 1); DSPT (section 2)"

public struct OSPastSupport: ServerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "os-past-support", title: "Operating system past all vendor support", category: .security,
        severity: .blocker,
        rationale: "An operating system that no longer gets security updates, paid or not, fails the DSPT and "
            + "was the common factor of every trust WannaCry reached in 2017. No cloud offers it a supported image.",
        source: lifecycleSource,
        remediation: "Upgrade the operating system before the move, or rebuild the service on a supported one "
            + "(replatform). It weighs 25 points, not a blocker's 40: the remedy is an upgrade the move itself can "
            + "include, where other blockers need the design or the supplier to change (cloudfirst's judgement).",
        examples: [
            .triggers("""
                servers:
                  - id: s1
                    site: dc1
                    ↓os: Microsoft Windows Server 2008 R2 (64-bit)
                  - { id: s2, site: dc1, ↓os: Win2k3 }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, os: Windows Server 2022 Datacenter }
                  - { id: s2, site: dc1, os: Windows Server 2016 }
                """),
        ],
        weight: 25)

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        guard let os = server.os, let entry = context.operatingSystem(named: os),
              case .pastSupport(let since)? = SupportStage(entry, asOf: context.asOf) else { return }
        report.report("\(entry.name) has had no security updates since \(since)", at: server.source, field: "os")
    }
}

public struct OSInExtendedSecurityUpdates: ServerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "os-in-extended-security-updates", title: "Operating system only on paid extended security updates",
        category: .security, severity: .high,
        rationale: "Past extended support, security fixes come only through a paid extension (Microsoft ESU, Red "
            + "Hat ELS, Ubuntu ESM) that buys time, not a future. Microsoft gives ESU free on Azure, which changes "
            + "the case for moving there first.",
        source: lifecycleSource,
        remediation: "Plan the upgrade before the extension ends; on Azure, ESU for Windows Server and SQL Server "
            + "costs nothing meanwhile.",
        examples: [
            .triggers("""
                servers:
                  - { id: s1, site: dc1, ↓os: RHEL 7.9 }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, os: Red Hat Enterprise Linux 8 (64-bit) }
                """),
            .triggers("""
                servers:
                  - { id: s1, site: dc1, ↓os: Windows Server 2012 R2 }
                """, asOf: CalendarDate(year: 2024, month: 1, day: 1)!),
        ])

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        guard let os = server.os, let entry = context.operatingSystem(named: os),
              case .paidExtension(let standardEnded, let ends)? = SupportStage(entry, asOf: context.asOf) else { return }
        report.report("\(entry.name) left standard support on \(standardEnded); \(paidExtensionName(entry)) runs to "
            + "\(ends)\(extensionNote(entry))", at: server.source, field: "os")
    }
}

public struct OSSupportEnding: ServerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "os-support-ending", title: "Operating system support ends within 24 months", category: .security,
        severity: .medium,
        rationale: "A migration takes months; an operating system whose support ends within two years should "
            + "be upgraded as part of the move, not after it.",
        source: lifecycleSource,
        remediation: "Move onto the current release during the migration.",
        examples: [
            .triggers("""
                servers:
                  - { id: s1, site: dc1, ↓os: Windows Server 2016 Standard }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, os: Windows Server 2025 }
                  - { id: s2, site: dc1, os: Ubuntu 24.04 LTS }
                """),
        ])

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        guard let os = server.os, let entry = context.operatingSystem(named: os),
              case .supported(let ends?)? = SupportStage(entry, asOf: context.asOf),
              ends <= context.monthsAhead(24) else { return }
        report.report("\(entry.name) support ends on \(ends)", at: server.source, field: "os")
    }
}

public struct OSUnrecognised: ServerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "os-unrecognised", title: "Operating system not known to the lifecycle catalogue", category: .technical,
        severity: .info,
        rationale: "Without a known operating system, support dates and cloud compatibility cannot be judged; the "
            + "service's confidence drops (as Azure Migrate treats 'Other' as unknown).",
        source: "REFERENCE.md section 7 (Azure Migrate readiness: unknown for OS 'Other')",
        remediation: "Give the operating system as the vendor names it, e.g. 'Windows Server 2019' or "
            + "'Red Hat Enterprise Linux 8'.",
        examples: [
            .triggers("""
                servers:
                  - { id: s1, site: dc1, ↓os: Mitel Standard Linux 11 (CentOS 7 based) }
                  - ↓{ id: s2, site: dc1 }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, os: CentOS 7 (64-bit) }
                """),
        ])

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        guard let os = server.os else {
            report.report("no operating system is given", at: server.source)
            return
        }
        if context.operatingSystem(named: os) == nil {
            report.report("operating system '\(os)' is not in the lifecycle catalogue", at: server.source, field: "os")
        }
    }
}

public struct DatabaseUnrecognised: ServerRule {
    public init() {}

    /// Words that name a database engine, lowercased; a product named by one is a database to check.
    static let engineWords = ["sql server", "oracle database", "mysql", "mariadb", "postgres", "caché", "intersystems cache",
                              "db2", "sybase", "informix", "mongodb"]
    /// Words that name a product beside an engine rather than the engine itself.
    static let companionWords = ["reporting services", "integration services", "analysis services", "report server",
                                 "data guard", "real application clusters", "management studio", "client", "odbc",
                                 "driver", "pipelines"]

    public static let description = RuleDescription(
        id: "database-unrecognised", title: "Database engine not known to the lifecycle catalogue",
        category: .technical, severity: .info,
        rationale: "A database engine whose release the catalogue cannot place (SQL Server 2005, InterSystems Caché, "
            + "a name without its version) cannot be checked for support, so an engine long past support would go "
            + "unreported. As with an unknown operating system, the finding says what could not be judged.",
        source: "REFERENCE.md section 6 (endoflife.date and vendor lifecycle pages) and section 7 (Azure Migrate "
            + "readiness: unknown for what it cannot identify)",
        remediation: "Give the engine as its vendor names it, with its version (e.g. product 'SQL Server', "
            + "version '2016'); if the catalogue lacks it, add a row with its source to Catalogues/lifecycle.csv.",
        examples: [
            .triggers("""
                servers:
                  - id: s1
                    site: dc1
                    software:
                      - ↓product: SQL Server 2005
                      - { ↓product: InterSystems Caché, version: "2018.1" }
                      - { product: SQL Server 2016 Reporting Services }
                """),
            .passes("""
                servers:
                  - id: s1
                    site: dc1
                    software:
                      - { product: SQL Server, version: "2019" }
                      - { product: Oracle Data Guard }
                      - { product: Sectra IDS7 }
                """),
        ])

    /// Whether a product's name names a database engine rather than a companion product.
    public static func namesAnEngine(_ product: String) -> Bool {
        let name = product.lowercased()
        return engineWords.contains(where: name.contains) && !companionWords.contains(where: name.contains)
    }

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        for software in server.software {
            guard context.namesDatabaseEngine(software.product), context.database(of: software) == nil else {
                continue
            }
            let written = software.version.map { "\(software.product) \($0)" } ?? software.product
            report.report("database '\(written)' on '\(server.id)' is not in the lifecycle catalogue: its support "
                + "cannot be checked", at: software.source, field: "product")
        }
    }
}

/// The databases a server runs that the catalogue knows, with where each is written.
private func databases(on server: Server, in context: AssessmentContext) -> [(LifecycleEntry, Software)] {
    server.software.compactMap { software in context.database(of: software).map { ($0, software) } }
}

public struct DatabasePastSupport: ServerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "database-past-support", title: "Database past all vendor support", category: .security,
        severity: .blocker,
        rationale: "A database engine with no security updates holds the data the service exists for; no managed "
            + "cloud database runs it, and rehosting it carries the risk to the cloud.",
        source: lifecycleSource,
        remediation: "Upgrade the engine, or move the data to a managed database on a supported version "
            + "(replatform). It weighs 25 points, not a blocker's 40: an upgrade the move itself can include "
            + "(cloudfirst's judgement).",
        examples: [
            .triggers("""
                servers:
                  - id: s1
                    site: dc1
                    software:
                      - ↓product: SQL Server 2008 R2 Express
                      - { product: Sectra IDS7 }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, software: [{ product: SQL Server 2019, edition: standard }] }
                """),
        ],
        weight: 25)

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        for (entry, software) in databases(on: server, in: context) {
            if case .pastSupport(let since)? = SupportStage(entry, asOf: context.asOf) {
                report.report("\(entry.name) on '\(server.id)' has had no security updates since \(since)",
                              at: software.source, field: "product")
            }
        }
    }
}

public struct DatabaseInExtendedSecurityUpdates: ServerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "database-in-extended-security-updates", title: "Database only on paid extended security updates",
        category: .security, severity: .high,
        rationale: "Past extended support, fixes come only through a paid extension; Microsoft gives SQL Server ESU "
            + "free on Azure.",
        source: lifecycleSource,
        remediation: "Plan the upgrade, or a managed database, before the extension ends.",
        examples: [
            .triggers("""
                servers:
                  - { id: s1, site: dc1, software: [{ ↓product: SQL Server 2014 SP3 Standard }] }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, software: [{ product: SQL Server 2022 }] }
                """),
        ])

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        for (entry, software) in databases(on: server, in: context) {
            if case .paidExtension(let standardEnded, let ends)? = SupportStage(entry, asOf: context.asOf) {
                report.report("\(entry.name) on '\(server.id)' left standard support on \(standardEnded); "
                    + "\(paidExtensionName(entry)) runs to \(ends)\(extensionNote(entry))",
                              at: software.source, field: "product")
            }
        }
    }
}

public struct DatabaseSupportEnding: ServerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "database-support-ending", title: "Database support ends within 24 months", category: .security,
        severity: .medium,
        rationale: "Upgrading the engine during the migration costs less than a second project after it.",
        source: lifecycleSource,
        remediation: "Move onto a current version, or a managed database, as part of the migration.",
        examples: [
            .triggers("""
                servers:
                  - { id: s1, site: dc1, software: [{ ↓product: SQL Server, version: "2017" }] }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, software: [{ product: Oracle Database 19c }] }
                """),
        ])

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        for (entry, software) in databases(on: server, in: context) {
            if case .supported(let ends?)? = SupportStage(entry, asOf: context.asOf), ends <= context.monthsAhead(24) {
                report.report("\(entry.name) on '\(server.id)' support ends on \(ends)", at: software.source,
                              field: "product")
            }
        }
    }
}
