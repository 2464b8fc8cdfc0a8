/// The inventory `cloudfirst init` writes: a small estate that validates, to replace with the organisation's own, and
/// an `assumptions` block with every planning default written out from `Assumptions()`, each key with the words the
/// schema documents it with. A default that is no value (the start date, the on-premises cost) is written commented
/// out, with what happens when it is absent.
public enum StarterInventory {
    public static let fileName = "inventory.yaml"

    public static var text: String {
        """
        # cloudfirst inventory, format 1: a starter written by 'cloudfirst init'. Replace the example organisation,
        # site, servers and services with your own; 'cloudfirst validate' checks it, and docs/inventory-format.md in
        # the cloudfirst repository lists every key. For completion in an editor, write the schema beside it
        # ('cloudfirst schema > inventory.schema.json') and make the first line
        # '# yaml-language-server: $schema=inventory.schema.json'.
        cloudfirst: 1

        organisation:
          name: Example NHS Foundation Trust   # as on your board papers
          ods_code: XYZ                        # your NHS ODS code
          type: acute

        # Planning assumptions: every default written out. Change what differs for your organisation; a key left out
        # takes the same default.
        assumptions:
        \(assumptionLines.joined(separator: "\n"))

        sites:
          - id: dc1
            name: Main hospital data centre
            kind: data-centre
            lease_ends: 2030-03-31

        servers:
          - id: app01
            site: dc1
            role: application
            environment: production
            platform: vmware
            os: Windows Server 2019
            cpu_cores: 4
            memory_gb: 16
            storage_gb: 200
            utilisation: { cpu_p95: 35, memory_p95: 60, storage_used_percent: 50, days_sampled: 30 }
          - id: db01
            site: dc1
            role: database
            environment: production
            platform: vmware
            os: Windows Server 2019
            cpu_cores: 8
            memory_gb: 64
            storage_gb: 500
            utilisation: { cpu_p95: 40, memory_p95: 85, storage_used_percent: 60, days_sampled: 30 }
            software: [{ product: SQL Server 2019, edition: standard }]

        services:
          - id: example-app
            name: Example clinical application
            owner: Head of Digital Services
            criticality: business-critical
            clinical_system: true
            data: { classification: official-sensitive, personal_data: patient }
            servers: [app01, db01]

        """
    }

    /// One key a line (a freeze window's keys on one), each after a comment from its field's description.
    static var assumptionLines: [String] {
        let defaults = Assumptions()
        var lines: [String] = []
        for field in InventorySchema.assumptions.fields {
            lines += comment(field.description, indent: "  ")
            switch field.name {
            case "target_clouds":
                lines.append("  target_clouds: [\(defaults.targetClouds.map(\.rawValue).joined(separator: ", "))]")
            case "regions":
                let regions = Cloud.allCases.compactMap { cloud in
                    defaults.regions[cloud].map { "\(cloud.rawValue): \($0)" }
                }
                lines.append("  regions: { \(regions.joined(separator: ", ")) }")
            case "utilisation_percentile": lines.append("  utilisation_percentile: \(defaults.utilisationPercentile)")
            case "comfort_factor": lines.append("  comfort_factor: \(number(defaults.comfortFactor))")
            case "currency": lines.append("  currency: \(defaults.currency)")
            case "start_date":
                lines.append("  # start_date: YYYY-MM-DD     # default: \(field.defaultValue ?? "none")")
            case "freeze_windows":
                lines.append("  freeze_windows:")
                for window in defaults.freezeWindows {
                    lines.append("    - { from: \"\(window.from)\", to: \"\(window.to)\", "
                        + "applies_to: \(window.appliesTo.rawValue) }")
                }
            case "max_services_per_wave": lines.append("  max_services_per_wave: \(defaults.maxServicesPerWave)")
            case "max_servers_per_wave": lines.append("  max_servers_per_wave: \(defaults.maxServersPerWave)")
            case "team_size": lines.append("  team_size: \(defaults.teamSize)")
            case "gbp_per_usd": lines.append("  gbp_per_usd: \(number(defaults.gbpPerUSD))")
            case "on_premises_monthly_gbp":
                lines.append("  # on_premises_monthly_gbp: 0   # default: not given; the plan then does not compare")
            case "link_mbps": lines.append("  link_mbps: \(number(defaults.linkMbps))   # a placeholder: give your own")
            case "max_patient_critical_per_wave":
                lines.append("  max_patient_critical_per_wave: \(defaults.maxPatientCriticalPerWave)")
            case "clinical_cutover_gap_weeks":
                lines.append("  clinical_cutover_gap_weeks: \(defaults.clinicalCutoverGapWeeks)")
            case "procurement_weeks": lines.append("  procurement_weeks: \(defaults.procurementWeeks)")
            case "safety_case_weeks": lines.append("  safety_case_weeks: \(defaults.safetyCaseWeeks)")
            case "circuit_weeks": lines.append("  circuit_weeks: \(defaults.circuitWeeks)")
            case "commitment": lines.append("  commitment: \(defaults.commitment.rawValue)")
            case "azure_hybrid_benefit": lines.append("  azure_hybrid_benefit: \(defaults.azureHybridBenefit)")
            default:
                // A key added to the schema and not here fails the starter's test, which reads every key back.
                lines.append("  # \(field.name): see docs/inventory-format.md")
            }
        }
        return lines
    }

    /// A YAML comment of `text`, wrapped to lines of at most `width` characters.
    public static func comment(_ text: String, indent: String, width: Int = 118) -> [String] {
        var lines: [String] = []
        var line = indent + "#"
        for word in text.split(separator: " ") {
            if line.count + 1 + word.count > width, line != indent + "#" {
                lines.append(line)
                line = indent + "#"
            }
            line += " " + word
        }
        lines.append(line)
        return lines
    }

    /// A number as YAML writes it: whole numbers without a decimal point.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
