/// Inventory format 1: every key, its shape and its meaning, in one place.
///
/// This is the normative definition. `cloudfirst schema` writes it as JSON Schema, `docs/inventory-format.md` is
/// generated from it, and the decoder validates against it. Field names are fixed; new optional fields may be added.
public enum InventorySchema {
    static let id = ValueShape.text(.identifier)
    static let freeText = ValueShape.text(nil)
    static let percent = ValueShape.number(min: 0, max: 100)
    static let size = ValueShape.number(min: 0, max: nil)

    public static let organisation = ObjectSchema("organisation", description: "The organisation that runs the estate.",
        fields: [
            Field("name", freeText, required: true, "The organisation's name, as on its board papers."),
            Field("ods_code", .text(.odsCode), "Its NHS Organisation Data Service code."),
            Field("type", .choice(OrganisationType.self), "What kind of NHS organisation it is."),
        ])

    public static let regions = ObjectSchema("regions", description: "The region used in each cloud.",
        fields: [
            Field("azure", .text(.regionName), "Azure region.", default: "uksouth (London)"),
            Field("aws", .text(.regionName), "AWS region.", default: "eu-west-2 (London)"),
            Field("gcp", .text(.regionName), "Google Cloud region.", default: "europe-west2 (London)"),
        ])

    public static let freezeWindow = ObjectSchema("freeze window",
        description: "A period each year when some services must not move, such as NHS winter pressures.",
        fields: [
            Field("from", .monthDay, required: true, "First day of the window, MM-DD."),
            Field("to", .monthDay, required: true, "Last day of the window, MM-DD; may be earlier in the year than "
                + "'from' when the window spans the new year."),
            Field("applies_to", .choice(FreezeScope.self), "Which services it holds back.", default: "patient-critical"),
        ])

    public static let assumptions = ObjectSchema("assumptions",
        description: "Planning assumptions for the whole estate; give them in at most one file.",
        fields: [
            Field("target_clouds", .list(.choice(Cloud.self)), "Clouds to assess, plan and generate for.",
                  default: "[azure, aws, gcp]"),
            Field("regions", .object(regions), "Region per cloud.", default: "the UK London regions"),
            Field("utilisation_percentile", .integer(min: 1, max: 100),
                  "Which utilisation percentile sizing reads (as Azure Migrate).", default: "95"),
            Field("comfort_factor", .number(min: 1, max: 3), "Headroom multiplied into sized capacity.",
                  default: "1.3"),
            Field("currency", .choice(["GBP"]), "Currency of every cost.", default: "GBP"),
            Field("start_date", .date, "When the migration starts.", default: "the first day of the next month"),
            Field("freeze_windows", .list(.object(freezeWindow)), "Periods when moves are held back.",
                  default: "12-01 to 02-28 for patient-critical services (NHS winter pressures)"),
            Field("max_services_per_wave", .integer(min: 1, max: 100_000), "Most services one wave moves.",
                  default: "10"),
            Field("max_servers_per_wave", .integer(min: 1, max: 1_000_000), "Most servers one wave moves.",
                  default: "40"),
            Field("team_size", .integer(min: 1, max: 10_000),
                  "People working on the migration at once; wave durations follow from it.", default: "6"),
            Field("gbp_per_usd", .number(min: 0.1, max: 10),
                  "Exchange rate for prices the catalogue holds in US dollars.", default: "0.75"),
            Field("on_premises_monthly_gbp", .number(min: 0, max: 1e12),
                  "What the estate costs to run on premises each month, if known; else a default model is used."),
            Field("link_mbps", .number(min: 1, max: 1_000_000),
                  "Usable bandwidth to the cloud for moving data, megabits a second; data transfer time follows.",
                  default: "1000 (a placeholder: give the trust's own)"),
            Field("max_patient_critical_per_wave", .integer(min: 1, max: 100_000),
                  "Most patient-critical services one wave cuts over.", default: "1"),
            Field("clinical_cutover_gap_weeks", .integer(min: 0, max: 104),
                  "Least time between waves that cut over patient-critical services.", default: "6"),
            Field("procurement_weeks", .integer(min: 0, max: 520),
                  "Likely calendar lead time of a repurchase (call-off, DTAC, DPIA, contract); pessimistic is three "
                + "times it.", default: "26"),
            Field("safety_case_weeks", .integer(min: 0, max: 520),
                  "Likely lead time of a clinical system's DCB0160 safety case; pessimistic is twice it.",
                  default: "6"),
            Field("circuit_weeks", .integer(min: 0, max: 520),
                  "Likely lead time of an HSCN or private circuit to the cloud; pessimistic is twice it.",
                  default: "12"),
            Field("dpia_weeks", .integer(min: 0, max: 520),
                  "Likely lead time of a DPIA still to be done (the personal-data-without-dpia gate); pessimistic is "
                + "twice it.", default: "8"),
            Field("landing_zone_working_days", .integer(min: 0, max: 2_000),
                  "Working days to build the landing zone before the foundation services' own effort.",
                  default: "30"),
            Field("bank_holidays", .choice(BankHolidayRegion.self),
                  "Whose bank holidays are not working days.", default: "england-and-wales"),
            Field("non_working_days", .list(.date),
                  "Other days no one works on the migration, e.g. a one-off bank holiday.", default: "[]"),
            Field("commitment", .choice(Commitment.self),
                  "Compute commitment to price: none (pay as you go), 1y or 3y (reserved instances, savings plans, "
                + "committed use).", default: "none"),
            Field("azure_hybrid_benefit", .boolean,
                  "Price Azure without Windows Server and SQL Server licences, which the trust brings with Software "
                + "Assurance (Azure Hybrid Benefit).", default: "false"),
        ])

    public static let site = ObjectSchema("site", description: "A place where servers run.",
        fields: [
            Field("id", id, required: true, "Unique across the estate."),
            Field("name", freeText, required: true, "What the trust calls it."),
            Field("kind", .choice(SiteKind.self), "What sort of room it is."),
            Field("lease_ends", .date, "When the lease or contract for the space ends; exits drive wave timing."),
        ])

    public static let utilisation = ObjectSchema("utilisation",
        description: "Measured utilisation; without it, sizing is as on premises and confidence is lower.",
        fields: [
            Field("cpu_p95", percent, "CPU utilisation at the 95th percentile, percent."),
            Field("memory_p95", percent, "Memory utilisation at the 95th percentile, percent."),
            Field("storage_used_percent", percent, "Share of provisioned storage in use, percent."),
            Field("days_sampled", .integer(min: 0, max: nil), "How many days the figures cover."),
        ])

    public static let disk = ObjectSchema("disk", description: "One disk of a server.",
        fields: [Field("size_gb", size, required: true, "Provisioned size in GB (base 10).")])

    public static let software = ObjectSchema("software", description: "A product installed on a server.",
        fields: [
            Field("product", freeText, required: true, "Product and version as people write it, e.g. 'SQL Server 2016'."),
            Field("edition", freeText, "Edition, e.g. 'standard' or 'enterprise'."),
            Field("version", freeText, "Version or patch level, where the product name does not say it."),
        ])

    public static let server = ObjectSchema("server", description: "A physical or virtual server.",
        fields: [
            Field("id", id, required: true, "Unique across the estate; usually the host name."),
            Field("site", .reference(.site), required: true, "The id of the site it runs in."),
            Field("role", .choice(ServerRole.self), "What the server does."),
            Field("environment", .choice(Environment.self), "Which environment it serves."),
            Field("platform", .choice(Platform.self), "Hypervisor, or physical."),
            Field("os", freeText, "Operating system as reported, e.g. 'Microsoft Windows Server 2012 R2 (64-bit)'."),
            Field("architecture", .choice(Architecture.self), "Processor architecture."),
            Field("firmware", .choice(Firmware.self), "Boot firmware."),
            Field("cpu_cores", .integer(min: 1, max: nil), "Virtual or physical cores."),
            Field("memory_gb", size, "Memory in GB."),
            Field("storage_gb", size, "Total provisioned storage in GB; or give 'disks'."),
            Field("disks", .list(.object(disk)), "Disks one by one; or give 'storage_gb'."),
            Field("utilisation", .object(utilisation), "Measured utilisation."),
            Field("software", .list(.object(software)), "Products installed on it that matter for the move."),
            Field("attached_hardware", .list(.choice(AttachedHardware.self)), "Devices physically attached to it."),
            Field("powered_on", .boolean, "Whether it is running.", default: "true"),
        ],
        exclusive: [("storage_gb", "disks")])

    public static let serverFacts = ObjectSchema("server_facts",
        description: "What a person knows about a server another file describes (an import's): given by its id, "
            + "these replace the server's own, and no re-import touches them.",
        fields: [
            Field("id", .reference(.server), required: true, "The id of the server, as the other file gives it."),
            Field("role", .choice(ServerRole.self), "What the server does."),
            Field("environment", .choice(Environment.self), "Which environment it serves."),
            Field("utilisation", .object(utilisation), "Measured utilisation; each figure given replaces the "
                + "server's own."),
            Field("software", .list(.object(software)), "Products installed on it that matter for the move."),
            Field("attached_hardware", .list(.choice(AttachedHardware.self)), "Devices physically attached to it."),
        ])

    public static let supplier = ObjectSchema("supplier", description: "Who supplies the service's software.",
        fields: [
            Field("name", freeText, "The supplier's name."),
            Field("product", freeText, "The product's name."),
            Field("saas", .choice(SaaSAvailability.self), "Whether the supplier offers it as software as a service."),
            Field("supported_clouds", .list(.choice(Cloud.self)), "Clouds the supplier supports it on."),
            Field("subscription_monthly_gbp", .number(min: 0, max: 1e9), "What the supplier's SaaS subscription "
                + "costs a month, GBP, if quoted; the plan adds it for a repurchase and says when it is missing."),
        ])

    public static let data = ObjectSchema("data", description: "The data the service holds.",
        fields: [
            Field("classification", .choice(DataClassification.self), "Government Security Classification."),
            Field("personal_data", .choice(PersonalData.self), "Whose personal data it holds, if anyone's."),
            Field("risk_class", .integer(min: 1, max: 5), "Data Risk Model class (Health and Social Care Cloud "
                + "Risk Framework); derived when absent."),
            Field("volume_gb", size, "Data volume in GB."),
            Field("dpia", freeText, "Reference of its Data Protection Impact Assessment."),
        ])

    public static let availability = ObjectSchema("availability", description: "What the service must achieve.",
        fields: [
            Field("service_class", .choice(ServiceClass.self), "NHS service class."),
            Field("rto_hours", size, "Recovery time objective, hours."),
            Field("rpo_minutes", size, "Recovery point objective, minutes."),
        ])

    public static let interface = ObjectSchema("interface", description: "A connection to another system.",
        fields: [
            Field("protocol", .choice(InterfaceProtocol.self), required: true, "The protocol on the wire."),
            Field("peer", freeText, "A service id, or a label such as 'external', 'modalities' or 'spine'."),
            Field("encrypted", .boolean, "Whether traffic is encrypted in transit."),
        ])

    public static let licensing = ObjectSchema("licensing", description: "How the software is licensed.",
        fields: [
            Field("model", .choice(LicensingModel.self), "The licence metric."),
            Field("hardware_bound", .boolean, "Whether the licence is tied to hardware (dongle, host id, MAC)."),
        ])

    public static let exception = ObjectSchema("exception", description: "An accepted finding.",
        fields: [
            Field("rule", .reference(.rule), required: true, "The id of the rule whose finding is accepted."),
            Field("reason", freeText, required: true, "Why it is accepted; shown wherever the finding would be."),
            Field("until", .date, "When the acceptance expires; after it, the finding returns."),
        ])

    public static let service = ObjectSchema("service", description: "A service the organisation runs.",
        fields: [
            Field("id", id, required: true, "Unique across the estate."),
            Field("name", freeText, required: true, "What users call it."),
            Field("kind", .choice(ServiceKind.self), "What sort of service it is: platform services (directory, "
                + "backup, file, print, vdi, database-platform, container-platform) are never repurchased as "
                + "applications; inferred from its servers' roles and software when absent."),
            Field("owner", freeText, "The accountable owner (a role is better than a person)."),
            Field("supplier", .object(supplier), "Who supplies it."),
            Field("criticality", .choice(Criticality.self), "How much harm its loss does."),
            Field("clinical_system", .boolean, "Whether DCB0160 clinical risk management applies to changes to it."),
            Field("data", .object(data), "The data it holds."),
            Field("availability", .object(availability), "What it must achieve."),
            Field("servers", .list(.reference(.server)), "Ids of the servers it runs on."),
            Field("depends_on", .list(.reference(.service)), "Ids of services it needs; cycles are allowed."),
            Field("interfaces", .list(.object(interface)), "Its connections to other systems."),
            Field("identity", .list(.choice(IdentityProvider.self)), "How its users sign in."),
            Field("exposure", .choice(Exposure.self), "Which network its users reach it over."),
            Field("latency_sensitive", .boolean, "Whether it needs low latency to devices or users on site."),
            Field("licensing", .object(licensing), "How it is licensed."),
            Field("contract_ends", .date, "When the supplier contract ends."),
            Field("strategy", .choice(MigrationStrategy.self), "The owner's chosen strategy (7 Rs); the "
                + "assessment says when it disagrees."),
            Field("strategy_reason", freeText, "Why the owner chose 'strategy', in their words; shown with the "
                + "choice by explain and plan."),
            Field("exceptions", .list(.object(exception)), "Findings accepted for this service."),
        ])

    /// The top level of every inventory file.
    public static let file = ObjectSchema("inventory",
        description: "A cloudfirst inventory: the servers and services of an NHS estate (format 1).",
        fields: [
            Field("cloudfirst", .formatVersion, required: true, "Format version; always 1."),
            Field("organisation", .object(organisation), required: true, "Who runs this part of the estate."),
            Field("assumptions", .object(assumptions), "Planning assumptions; in at most one file of an estate."),
            Field("sites", .list(.object(site)), "Places where servers run."),
            Field("servers", .list(.object(server)), "Physical and virtual servers."),
            Field("services", .list(.object(service)), "Services and the servers they run on."),
            Field("server_facts", .list(.object(serverFacts)), "What a person adds to servers another file "
                + "describes, by id: role, environment, measured utilisation, software, attached hardware."),
        ])
}
