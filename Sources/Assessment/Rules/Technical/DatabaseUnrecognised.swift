import CloudFirstCore

struct DatabaseUnrecognised: ServerRule {
    /// Words that name a database engine, lowercased; a product named by one is a database to check.
    static let engineWords = ["sql server", "oracle database", "mysql", "mariadb", "postgres", "caché", "intersystems cache",
                              "db2", "sybase", "informix", "mongodb"]
    /// Words that name a product beside an engine rather than the engine itself.
    static let companionWords = ["reporting services", "integration services", "analysis services", "report server",
                                 "data guard", "real application clusters", "management studio", "client", "odbc",
                                 "driver", "pipelines"]

    static let description = RuleDescription(
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
    static func namesAnEngine(_ product: String) -> Bool {
        let name = product.lowercased()
        return engineWords.contains(where: name.contains) && !companionWords.contains(where: name.contains)
    }

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
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
