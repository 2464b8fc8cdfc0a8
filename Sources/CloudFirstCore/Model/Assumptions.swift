/// Planning assumptions for a whole estate, with the documented defaults filled in.
public struct Assumptions: Sendable {
    public var targetClouds: [Cloud] = Cloud.allCases
    public var regions: [Cloud: String] = [.azure: "uksouth", .aws: "eu-west-2", .gcp: "europe-west2"]
    /// Which utilisation percentile sizing reads; 95 as Azure Migrate.
    public var utilisationPercentile = 95
    /// Headroom multiplied into sized capacity; 1.3 as Azure Migrate's default comfort factor.
    public var comfortFactor = 1.3
    /// The only currency format 1 allows.
    public let currency = "GBP"
    /// Nil means "the first day of the month after the as-of date".
    public var startDate: CalendarDate?
    /// NHS winter pressures by default: 1 December to the end of February, patient-critical services.
    public var freezeWindows: [FreezeWindow] = [FreezeWindow.winterPressures]
    /// Wave caps: a wave moves at most this many services and servers (a move group larger than a cap gets a wave
    /// of its own).
    public var maxServicesPerWave = 10
    public var maxServersPerWave = 40
    /// People migrating at once; a wave's duration is its effort divided by this.
    public var teamSize = 6
    /// GBP per USD for the prices the catalogue holds in dollars; 0.75 as a public government cost tool uses.
    public var gbpPerUSD = 0.75
    /// The estate's on-premises running cost per month, when the inventory gives it.
    public var onPremisesMonthlyGBP: Double?
    /// The trust's usable bandwidth to the cloud for moving data, megabits a second. cloudfirst's default, 1,000 (a
    /// 1 Gbit/s link), is a placeholder to replace with the trust's own.
    public var linkMbps = 1_000.0
    /// Most patient-critical services one wave cuts over: 1, so a failed cut-over touches one clinical system.
    public var maxPatientCriticalPerWave = 1
    /// Least time between two waves that cut over patient-critical services: 6 weeks, within the four to eight
    /// weeks an experienced architect expects between major clinical cut-overs (REFERENCE.md section 9, programme
    /// length: professional judgement, not a published figure).
    public var clinicalCutoverGapWeeks = 6
    /// Calendar lead time of a repurchase (framework call-off, DTAC, DPIA, DCB0160, contract novation): 26 weeks
    /// likely, three times that pessimistic (6 to 18 months; REFERENCE.md section 9, professional judgement).
    public var procurementWeeks = 26
    /// Calendar lead time of a clinical system's DCB0160 safety case before its move: 6 weeks likely, twice that
    /// pessimistic (cloudfirst's judgement).
    public var safetyCaseWeeks = 6
    /// Calendar lead time of an HSCN or private connection to the cloud (a circuit ordered through a provider): 12
    /// weeks likely, twice that pessimistic (cloudfirst's judgement).
    public var circuitWeeks = 12
    /// Calendar lead time of a Data Protection Impact Assessment still to be done (the `personal-data-without-dpia`
    /// gate) before the service moves: 8 weeks likely, twice that pessimistic (cloudfirst's judgement; UK GDPR
    /// Article 36 gives the ICO up to 8 weeks, and 6 more, when a DPIA leads to prior consultation).
    public var dpiaWeeks = 8
    /// Working days to build the landing zone (network, connectivity, identity, logging, keys) before the
    /// foundation's own effort: 30 (cloudfirst's judgement).
    public var landingZoneWorkingDays = 30
    /// Whose bank holidays are not working days: England and Wales by default, as most NHS trusts are there.
    public var bankHolidays = BankHolidayRegion.englandAndWales
    /// Other days no one works on the migration (a one-off bank holiday, a trust-wide shutdown).
    public var nonWorkingDays: [CalendarDate] = []
    /// How long the trust commits to its compute: none (pay as you go, the default) prices on-demand rates, with
    /// Google's sustained-use discount where Google applies it; `1y` or `3y` prices each size at its one- or
    /// three-year reserved or committed-use rate where the catalogue has one.
    public var commitment = Commitment.none
    /// Whether the trust's Windows Server and SQL Server licences carry Software Assurance it will use for Azure
    /// Hybrid Benefit: the Azure figure then leaves those licences out. Off by default: it is the trust's to claim.
    public var azureHybridBenefit = false
    public var source: SourceMap?

    public init() {}

    init(_ o: ObjectValue) {
        if o["target_clouds"] != nil { targetClouds = o.choices("target_clouds", as: Cloud.self) }
        if let r = o.object("regions") {
            for cloud in Cloud.allCases { if let region = r.text(cloud.rawValue) { regions[cloud] = region } }
        }
        utilisationPercentile = o.integer("utilisation_percentile") ?? utilisationPercentile
        comfortFactor = o.number("comfort_factor") ?? comfortFactor
        startDate = o.date("start_date")
        if o["freeze_windows"] != nil { freezeWindows = o.objects("freeze_windows").map(FreezeWindow.init) }
        maxServicesPerWave = o.integer("max_services_per_wave") ?? maxServicesPerWave
        maxServersPerWave = o.integer("max_servers_per_wave") ?? maxServersPerWave
        teamSize = o.integer("team_size") ?? teamSize
        gbpPerUSD = o.number("gbp_per_usd") ?? gbpPerUSD
        onPremisesMonthlyGBP = o.number("on_premises_monthly_gbp")
        linkMbps = o.number("link_mbps") ?? linkMbps
        maxPatientCriticalPerWave = o.integer("max_patient_critical_per_wave") ?? maxPatientCriticalPerWave
        clinicalCutoverGapWeeks = o.integer("clinical_cutover_gap_weeks") ?? clinicalCutoverGapWeeks
        procurementWeeks = o.integer("procurement_weeks") ?? procurementWeeks
        safetyCaseWeeks = o.integer("safety_case_weeks") ?? safetyCaseWeeks
        circuitWeeks = o.integer("circuit_weeks") ?? circuitWeeks
        dpiaWeeks = o.integer("dpia_weeks") ?? dpiaWeeks
        landingZoneWorkingDays = o.integer("landing_zone_working_days") ?? landingZoneWorkingDays
        bankHolidays = o.choice("bank_holidays", as: BankHolidayRegion.self) ?? bankHolidays
        nonWorkingDays = o.list("non_working_days").compactMap { if case .date(let day) = $0 { day } else { nil } }
        commitment = o.choice("commitment", as: Commitment.self) ?? commitment
        azureHybridBenefit = o.boolean("azure_hybrid_benefit") ?? azureHybridBenefit
        source = o.source
    }
}

/// A period each year in which some services must not move.
public struct FreezeWindow: Sendable, Hashable {
    public var from: MonthDay
    public var to: MonthDay
    public var appliesTo: FreezeScope

    // Safe: literal, real days of the year (MonthDay takes 02-29).
    public static let winterPressures = FreezeWindow(from: MonthDay(month: 12, day: 1)!,
                                                     to: MonthDay(month: 2, day: 29)!,
                                                     appliesTo: .patientCritical)

    public init(from: MonthDay, to: MonthDay, appliesTo: FreezeScope) {
        self.from = from
        self.to = to
        self.appliesTo = appliesTo
    }

    init(_ o: ObjectValue) {
        // Safe: 01-01 is a real day; the schema requires both fields, so these stand in only for a refused file.
        from = o.monthDay("from") ?? MonthDay(month: 1, day: 1)!
        to = o.monthDay("to") ?? MonthDay(month: 1, day: 1)!
        appliesTo = o.choice("applies_to", as: FreezeScope.self) ?? .patientCritical
    }
}
