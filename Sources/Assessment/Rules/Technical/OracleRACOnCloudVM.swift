import CloudFirstCore

struct OracleRACOnCloudVM: ServerRule {
    /// What an installed product's name and edition are read for: Oracle Real Application Clusters (written out, or
    /// as the word RAC, which also covers RAC One Node) and Oracle Exadata.
    enum Match { case rac, exadata }

    static func match(_ software: Software) -> Match? {
        // Most products name neither: a byte scan for "rac" or "exadata", any case, decides that without building
        // strings (this runs for every product on every server).
        guard Self.mayName(software.product) || software.edition.map(Self.mayName) == true else { return nil }
        let text = ([software.product] + (software.edition.map { [$0] } ?? [])).joined(separator: " ").lowercased()
        let words = Set(text.split { !$0.isLetter && !$0.isNumber }.map(String.init))
        if words.contains("exadata") { return .exadata }
        if words.contains("rac") || text.contains("real application cluster") { return .rac }
        return nil
    }

    /// Whether the text may name what `match` looks for: "rac", "exa" followed later by "data", or "uste" (of
    /// "real application cluster"), in any case. A false yes only costs the full check.
    static func mayName(_ text: String) -> Bool {
        var window: UInt32 = 0
        var sawExa = false
        for byte in text.utf8 {
            let lower = byte | 0x20  // ASCII letters to lower case; other bytes only ever compared below
            window = (window << 8) | UInt32(lower)
            if window & 0xFF_FFFF == 0x72_6163 { return true }           // "rac"
            if window & 0xFF_FFFF == 0x65_7861 { sawExa = true }         // "exa"
            if sawExa, window == 0x6461_7461 { return true }            // "...data"
            if window == 0x7573_7465 { return true }                    // "uste" of "cluster"
        }
        return false
    }

    static let description = RuleDescription(
        id: "oracle-rac-on-cloud-vm", title: "Oracle RAC or Exadata: not supported on the clouds' own VMs",
        category: .technical, severity: .blocker,
        rationale: "Oracle does not support Oracle Real Application Clusters (RAC), or RAC One Node, on the virtual "
            + "machines of Azure, AWS or Google Cloud, so a clustered Oracle database cannot be lifted onto them "
            + "as it is. Exadata is Oracle's own engineered database platform, which no cloud VM reproduces. In "
            + "those clouds, RAC and Exadata are available only as Oracle's services run inside them (Oracle "
            + "Database@Azure, Oracle Database@AWS, Oracle Database@Google Cloud, all on Exadata) or in Oracle's "
            + "own cloud, OCI.",
        source: "REFERENCE.md section 9 (Oracle RAC is not supported on Azure, AWS or Google's own VMs: Oracle MOS "
            + "note 2688277.1, 'Oracle Database Support for Non-Oracle Public Cloud Environments', as quoted by "
            + "House of Brick, 'Oracle RAC on AWS'; Oracle's statement 'Real Application Clusters (RAC) Support on "
            + "Third-Party Clouds', 12 December 2020, reported by House of Brick, 'Oracle RAC on AWS: The Licensing "
            + "Question', 23 June 2021); Oracle, 'About Oracle Database@Azure' (Exadata Database Service on "
            + "Dedicated Infrastructure)",
        remediation: "Choose one: Oracle Database@Azure, @AWS or @Google Cloud, beside the application in its "
            + "cloud; Oracle Cloud Infrastructure (OCI); or re-architect to single-instance databases protected by "
            + "Oracle Data Guard, which run on the clouds' own VMs, after checking that the service can accept "
            + "Data Guard's failover time instead of RAC's.",
        examples: [
            .triggers("""
                servers:
                  - id: db1
                    site: dc1
                    software:
                      - { product: Oracle Database 19c, edition: Enterprise Edition }
                      - { ↓product: Oracle Real Application Clusters, version: "19.21" }
                  - id: db2
                    site: dc1
                    software: [{ ↓product: Oracle Database 19c, edition: Enterprise Edition with RAC }]
                  - { id: db3, site: dc1, software: [{ ↓product: Oracle Exadata X8M }] }
                  - { id: db4, site: dc1, software: [{ ↓product: Oracle RAC One Node }] }
                """),
            .passes("""
                servers:
                  - id: db1
                    site: dc1
                    software:
                      - { product: Oracle Database 19c, edition: Enterprise Edition }
                      - { product: Oracle Data Guard }
                  - { id: app1, site: dc1, software: [{ product: Tracker Pro }, { product: Racal Bridge }] }
                """),
        ])

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        for software in server.software {
            switch Self.match(software) {
            case .rac?:
                report.report("server '\(server.id)' runs Oracle RAC ('\(software.product)'), which Oracle does not "
                    + "support on Azure, AWS or Google Cloud virtual machines", at: software.source, field: "product")
            case .exadata?:
                report.report("server '\(server.id)' runs on Oracle Exadata ('\(software.product)'), which no cloud "
                    + "VM reproduces: in Azure, AWS or Google Cloud it means Oracle Database@ that cloud, or OCI",
                    at: software.source, field: "product")
            case nil:
                continue
            }
        }
    }
}
