import Assessment
import CloudFirstCore

/// One wave of the migration: the landing zone (wave 0), or move groups that go together.
public struct Wave: Sendable {
    public let number: Int
    public let name: String
    /// The likely dates.
    public let start: CalendarDate
    public let end: CalendarDate
    /// The dates with pessimistic lead times, effort and data transfer (see `Timing`).
    public let pessimisticStart: CalendarDate
    public let pessimisticEnd: CalendarDate
    /// Indexes into `MigrationPlan.groups`.
    public let groups: [Int]
    /// Indexes into `estate.services`, in the order the groups list them.
    public let services: [Int]
    public let serverCount: Int
    /// Person-days of work (see `Effort`).
    public let effortDays: Double
    public let risks: [String]
    /// Why the wave starts later than the previous one ends, when it does (a lead time, the gap between clinical
    /// cut-overs, a freeze window).
    public let delay: String?

    /// "Wave 0: Landing zone", "Wave 1: Pilot", "Wave 2".
    public var title: String { name == "Wave \(number)" ? name : "Wave \(number): \(name)" }
}

/// A cost per month per cloud, in GBP.
public struct CloudCosts: Sendable, Equatable {
    public var monthlyGBP: [Cloud: Double] = [:]

    public init() {}

    public subscript(cloud: Cloud) -> Double {
        get { monthlyGBP[cloud] ?? 0 }
        set { monthlyGBP[cloud] = newValue }
    }

    static func + (lhs: CloudCosts, rhs: CloudCosts) -> CloudCosts {
        var sum = lhs
        for (cloud, value) in rhs.monthlyGBP { sum[cloud] += value }
        return sum
    }
}

/// The estate's on-premises running cost, given or modelled.
public struct OnPremisesCost: Sendable {
    public let monthlyGBP: Double
    /// True when the inventory gave the figure; false when `OnPremisesModel` estimated it.
    public let given: Bool
}

/// An assessed estate turned into an order of work: move groups, waves with dates, what stays and what goes, sizes
/// and costs per cloud, and the assumptions behind them.
public struct MigrationPlan: Sendable {
    public let assessment: EstateAssessment
    public let assumptions: Assumptions
    public let startDate: CalendarDate
    public let groups: [MoveGroup]
    public let waves: [Wave]
    /// Indexes into `estate.services` of the services that stay on premises, and of those to decommission.
    public let retained: [Int]
    public let retired: [Int]
    /// Services whose owner's strategy runs into a blocker (`ServiceAssessment.held`): in no wave until it is
    /// resolved or accepted.
    public let held: [Int]
    /// Every server of a moving service that is sized for the cloud, in estate order.
    public let sizing: [ServerSizing]
    /// Per service (by index in `estate.services`): its share of its servers' monthly cost. A server shared by several
    /// moving services is split equally among them, so services add up to the estate.
    public let serviceCosts: [Int: CloudCosts]
    public let waveCosts: [CloudCosts]
    public let monthly: CloudCosts
    public let onPremises: OnPremisesCost
    /// Risks that belong to no single wave.
    public let risks: [String]
    /// Statements about what the figures include and leave out.
    public let notes: [String]
    public let catalogueDates: (earliest: String, latest: String)
    /// The same for each cloud's rows: where one cloud's figure rests on older prices, the plan says so.
    public let catalogueDatesByCloud: [Cloud: (earliest: String, latest: String)]

    public var estate: Estate { assessment.estate }

    /// Months a five-year cost counts.
    public static let fiveYearMonths = 60.0

    public func fiveYear(_ monthly: Double) -> Double { monthly * Self.fiveYearMonths }

    /// Five years of a cloud's running cost from the programme's start, each wave's services paid for from the day
    /// it ends (cut-over), not all from the first day: the ramp a finance lead expects. Old and new running side by
    /// side is not in it (see the notes).
    public func fiveYearRamped(_ cloud: Cloud) -> Double {
        let window = Double(startDate.adding(months: Int(Self.fiveYearMonths)).dayNumber - startDate.dayNumber)
        return zip(waves, waveCosts).reduce(0) { total, pair in
            let running = max(0, window - Double(pair.0.end.dayNumber + 1 - startDate.dayNumber))
            return total + pair.1[cloud] * Self.fiveYearMonths * running / window
        }
    }

    /// A cloud's monthly figure with every sized server's compute pay as you go, and at three-year rates.
    public func monthlyRange(_ cloud: Cloud) -> (payAsYouGo: Double, threeYear: Double) {
        var payAsYouGo = monthly[cloud], threeYear = monthly[cloud]
        for sized in sizing {
            guard let on = sized.on(cloud) else { continue }
            payAsYouGo += on.payAsYouGoComputeGBP - on.computeGBP
            threeYear += on.threeYearComputeGBP - on.computeGBP
        }
        return (payAsYouGo, threeYear)
    }

    /// The services in a cloud's monthly figure that their supplier does not support there, and what they cost on
    /// it a month: the clouds cannot be ranked on totals that include what could not run there.
    public func unsupported(on cloud: Cloud) -> (services: [Int], monthlyGBP: Double) {
        let services = Planner.unsupported(on: cloud, estate: estate, serviceCosts: serviceCosts,
                                           strategyOf: assessment.services.map(\.strategy))
        return (services, services.reduce(0) { $0 + (serviceCosts[$1]?[cloud] ?? 0) })
    }

    /// Per service (by index in `estate.services`), the number of the wave it moves in; nil when it does not move.
    public let waveOfService: [Int?]

    /// The wave a service moves in, if it moves.
    public func wave(ofService index: Int) -> Wave? {
        waveOfService[index].map { waves[$0] }
    }
}

extension MigrationPlan {
    /// The database licences the moving servers need on a cloud, by what is counted (SQL Server 2-core packs,
    /// Oracle processor licences, Oracle SE2 sockets), largest count first.
    public func databaseLicences(on cloud: Cloud) -> [(unit: String, count: Int)] {
        var counts: [String: Int] = [:]
        for sized in sizing {
            guard let on = sized.on(cloud), let licence = on.databaseLicence else { continue }
            counts[licence.unit, default: 0] += on.databaseLicenceCount
        }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) }
    }

    /// What the licences left out of every cloud's figure would cost on `cloud` a month at its licence-included
    /// rates (`CloudSizing.leftOutLicenceGBP`), and whether it lacks a rate for some of them.
    public func leftOutLicenceGBP(on cloud: Cloud) -> (total: Double, unknown: Bool) {
        var total = 0.0, unknown = false
        for sized in sizing {
            for on in sized.clouds where on.cloud == cloud && on.licenceLeftOut {
                total += on.leftOutLicenceGBP
                unknown = unknown || on.leftOutLicenceUnpriced
            }
        }
        return (total, unknown)
    }

    /// What the licences left out of every cloud's figure would cost on each cloud at the licence-included rates
    /// the catalogue holds for it (`CloudSizing.leftOutLicenceGBP`): "at least" where the cloud lacks a rate for some
    /// of them, "no rate" where it has none.
    public var leftOutLicenceValue: String {
        let clouds = assumptions.targetClouds
        let values = clouds.map(leftOutLicenceGBP)
        let priced = zip(clouds, values).filter { $1.total > 0 }.map { cloud, value in
            (value.unknown ? "at least " : "") + "GBP \(PlanFormatting.pounds(value.total)) a month on "
                + cloud.displayName + (value.unknown ? " (it has no rate for some)" : "")
        }
        let none = zip(clouds, values).filter { $1.total == 0 }.map(\.0.displayName)
        let noRate = none.isEmpty ? "" : "the catalogue has no " + Self.list(none) + " rate for them, though "
            + (none.count == 1 ? "that cloud needs" : "those clouds need") + " them too"
        guard !priced.isEmpty else { return "the catalogue has no rate for them on any cloud, though each needs them" }
        return "worth " + priced.joined(separator: ", ") + " at the licence-included rates in the catalogue"
            + (noRate.isEmpty ? "" : "; " + noRate)
    }

    /// "A", "A and B", "A, B and C".
    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
    }

    /// What the cloud figures include and leave out, in one sentence for the headline: built from what was priced,
    /// not from what could have been.
    public var cloudCoverage: String {
        let term = switch assumptions.commitment {
        case .none: "pay-as-you-go compute"
        case .oneYear: "compute at one-year commitment rates"
        case .threeYear: "compute at three-year commitment rates"
        }
        // One pass over every sizing in place: flattening them first would copy them all.
        // What is left out is counted, so that a reader can see how much: servers, GB, services.
        var windows = false, pricedLicences = false, tooSmall = 0
        var unpricedLicenceServers = 0, oracleServers = 0, unpricedStorageServers = 0, unpricedStorageGB = 0.0
        for sized in sizing {
            var unpricedLicence = false, isOracle = false, unpricedStorage = false
            for on in sized.clouds {
                windows = windows || on.windowsLicenceGBP > 0
                pricedLicences = pricedLicences || on.licenceGBP > 0
                unpricedLicence = unpricedLicence || on.licenceLeftOut
                isOracle = isOracle || on.databaseLicence.isOracle
                unpricedStorage = unpricedStorage || !on.storagePriced
                if on.exceedsCatalogue { tooSmall += 1 }
            }
            if unpricedLicence { unpricedLicenceServers += 1 }
            if isOracle { oracleServers += 1 }
            if unpricedStorage {
                unpricedStorageServers += 1
                unpricedStorageGB += estate.servers[sized.serverIndex].storageGB ?? 0
            }
        }
        let unquoted = Planner.unquotedSubscriptions(waves.flatMap(\.services), estate: estate) {
            assessment.services[$0].strategy
        }.count
        var included = ["storage and backup for the servers that move"]
        if windows { included.append("Windows Server licences") }
        if pricedLicences { included.append("the Red Hat, SUSE and SQL Server licences every cloud prices") }
        included.append("the SaaS subscriptions the inventory quotes")
        var leftOut: [String] = []
        if oracleServers > 0 {
            leftOut.append("Oracle licences (the trust's own) on \(Plural.count(oracleServers, "server"))")
        }
        if unpricedLicenceServers > 0 {
            leftOut.append("SQL Server, Red Hat and SUSE licences not priced on every cloud, on "
                + "\(Plural.count(unpricedLicenceServers, "server")) (counted in Database licences and the notes; "
                + leftOutLicenceValue + ")")
        }
        if unpricedStorageServers > 0 {
            leftOut.append("managed file-share storage, \(PlanFormatting.pounds(unpricedStorageGB)) GB on "
                + "\(Plural.count(unpricedStorageServers, "file server")) (no UK price in the catalogue)")
        }
        if unquoted > 0 { leftOut.append("the subscriptions of \(Plural.count(unquoted, "repurchased service")) with no quote") }
        leftOut += ["landing-zone services (gateways, firewalls, logging)", "circuits", "egress", "double running",
                    "migration effort"]
        return "Cloud figures are for what moves: \(term), " + included.joined(separator: ", ")
            + (assumptions.azureHybridBenefit ? " (on Azure, Windows Server and SQL Server are the trust's own, "
                + "under Azure Hybrid Benefit, so Azure's figure leaves out the Windows licences the others include)"
                : "")
            + "; they leave out " + leftOut.joined(separator: ", ") + "."
            + (tooSmall > 0 ? " \(tooSmall) server \(tooSmall == 1 ? "size is" : "sizes are") the largest in the "
                + "catalogue and too small for the workload (see the risks)." : "")
    }
}

