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
        source = o.source
    }
}

/// A period each year in which some services must not move.
public struct FreezeWindow: Sendable, Hashable {
    public var from: MonthDay
    public var to: MonthDay
    public var appliesTo: FreezeScope

    public static let winterPressures = FreezeWindow(from: MonthDay(month: 12, day: 1)!,
                                                     to: MonthDay(month: 2, day: 29)!,
                                                     appliesTo: .patientCritical)

    public init(from: MonthDay, to: MonthDay, appliesTo: FreezeScope) {
        self.from = from
        self.to = to
        self.appliesTo = appliesTo
    }

    init(_ o: ObjectValue) {
        from = o.monthDay("from") ?? MonthDay(month: 1, day: 1)!
        to = o.monthDay("to") ?? MonthDay(month: 1, day: 1)!
        appliesTo = o.choice("applies_to", as: FreezeScope.self) ?? .patientCritical
    }
}
