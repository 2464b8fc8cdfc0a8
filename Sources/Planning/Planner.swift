import Assessment
import CloudFirstCore
import Foundation

/// Person-days of migration work, by strategy: a fixed part per service and a part per server. Sources: none
/// public; these are cloudfirst's planning defaults, printed with every plan, for a team to replace with its own.
/// A clinical system adds the DCB0160 work (hazard log and safety case updated, a Clinical Safety Officer's
/// sign-off; REFERENCE.md section 2).
public enum Effort {
    public static let perStrategy: [MigrationStrategy: (service: Double, server: Double)] = [
        .relocate: (2, 1), .rehost: (3, 2), .replatform: (8, 5), .repurchase: (15, 1), .refactor: (40, 10),
    ]
    public static let clinicalSafety = 5.0
    /// No wave is shorter than two working weeks: cut-over, testing and hypercare take that long at least.
    public static let minimumWaveWorkingDays = 10
    /// The first wave is a pilot of at most this many services (fewer if the cap is lower).
    public static let pilotServices = 3

    static func days(strategy: MigrationStrategy, servers: Int, clinical: Bool) -> Double {
        let rate = perStrategy[strategy] ?? (0, 0)
        return rate.service + rate.server * Double(servers) + (clinical ? clinicalSafety : 0)
    }
}

/// The on-premises running cost when the inventory does not give one: cloudfirst's illustrative model, not a
/// sourced figure. Per physical server a month: 0.35 kW at a PUE of 1.8 and GBP 0.25 a kWh (power and cooling,
/// about GBP 115), hardware refreshed every five years at GBP 7,000 (about GBP 117), GBP 60 of support and GBP 25 of
/// space: GBP 317. A virtual machine is a tenth of a host. Set `assumptions.on_premises_monthly_gbp` for a real one.
public enum OnPremisesModel {
    public static let physicalServerMonthlyGBP = 0.35 * 730 * 1.8 * 0.25 + 7_000.0 / 60 + 60 + 25
    public static let virtualMachineShare = 0.1

    static func monthly(_ servers: [Server]) -> Double {
        // A loop over the servers in place: filtering first would copy every server.
        var total = 0.0
        for server in servers where server.poweredOn {
            total += physicalServerMonthlyGBP * (server.platform == .physical ? 1 : virtualMachineShare)
        }
        return total
    }
}

/// Turns an assessed estate into a migration plan.
public struct Planner: Sendable {
    public let catalogue: PriceCatalogue

    public init(catalogue: PriceCatalogue = .embedded) {
        self.catalogue = catalogue
    }

    /// The plan in named steps: partition the services by strategy, find what to size, build the move groups and
    /// waves while sizing the servers, cost each service, place the waves on the calendar with their risks, then
    /// the estate's risks and the plan's notes.
    public func plan(_ assessment: EstateAssessment, assumptions given: Assumptions? = nil) -> MigrationPlan {
        let inputs = PlanInputs(assessment: assessment, assumptions: given ?? assessment.estate.assumptions)
        let partition = Self.partition(assessment.services)
        let sizer = Sizer(catalogue: catalogue, assumptions: inputs.assumptions)
        let toSize = Self.serversToSize(inputs, moving: partition.moving)
        let (grouping, sizing) = Self.buildWavesAndSize(inputs, moving: partition.moving, toSize: toSize, sizer: sizer)
        let serviceCosts = Self.serviceCosts(inputs, moving: partition.moving, toSize: toSize, sizing: sizing)
        let calendar = Self.placeOnCalendar(inputs, grouping: grouping, moving: partition.moving,
                                            serviceCosts: serviceCosts)
        let waves = Self.waves(inputs, grouping: grouping, calendar: calendar, moving: partition.moving)
        let assumptions = inputs.assumptions
        let onPremises = assumptions.onPremisesMonthlyGBP.map { OnPremisesCost(monthlyGBP: $0, given: true) }
            ?? OnPremisesCost(monthlyGBP: OnPremisesModel.monthly(inputs.estate.servers), given: false)
        let (risks, notes) = Self.risksAndNotes(inputs, partition: partition, waves: waves,
                                                waveOfService: calendar.waveOfService, sizing: sizing, sizer: sizer,
                                                serviceCosts: serviceCosts, onPremises: onPremises)
        return MigrationPlan(
            assessment: assessment, assumptions: assumptions, startDate: inputs.start, groups: grouping.groups,
            waves: waves, retained: partition.retained, retired: partition.retired, held: partition.held,
            sizing: sizing, serviceCosts: serviceCosts, waveCosts: calendar.waveCosts,
            monthly: calendar.waveCosts.reduce(CloudCosts(), +), onPremises: onPremises, risks: risks, notes: notes,
            catalogueDates: catalogue.dataDates,
            catalogueDatesByCloud: Dictionary(uniqueKeysWithValues: Cloud.allCases.map { ($0, catalogue.dataDates(for: $0)) }),
            waveOfService: calendar.waveOfService)
    }

    /// What every step of one plan reads: the assessment and its indexes, the assumptions and the start date.
    struct PlanInputs {
        let assessment: EstateAssessment
        let assumptions: Assumptions
        /// The services on each server, by index, as the assessment found them.
        let servicesOfServer: [[Int]]
        /// The servers of each service, by index; a server a service lists twice counts once.
        let serversOfService: [[Int]]
        let strategyOf: [MigrationStrategy]
        let start: CalendarDate
        let timing: Timing

        var estate: Estate { assessment.estate }
        var services: [ServiceAssessment] { assessment.services }

        init(assessment: EstateAssessment, assumptions: Assumptions) {
            self.assessment = assessment
            self.assumptions = assumptions
            // The assessment's indexes, read without looking a name up again.
            servicesOfServer = assessment.context.servicesOfServer
            serversOfService = assessment.context.serversOfService.map { servers in
                guard servers.count > 1 else { return servers }
                var seen = Set<Int>()
                return servers.filter { seen.insert($0).inserted }
            }
            strategyOf = assessment.services.map(\.strategy)
            start = assumptions.startDate ?? assessment.asOf.firstOfNextMonth
            timing = Timing(assessment: assessment, assumptions: assumptions, start: start,
                            serversOfService: serversOfService)
        }
    }

    /// The services by what the plan does with them, each list in inventory order.
    struct Partition {
        var moving: [Int] = [], retained: [Int] = [], retired: [Int] = []
        /// Moving by strategy but held back by a gate the assessment found.
        var held: [Int] = []
    }

    /// A server a VM strategy needs, with the moving services that need it (its cost is split among them).
    typealias ServerToSize = (server: Int, needing: [Int])

    /// The move groups, which of them go with the landing zone, and the other groups' waves, in order.
    struct Grouping {
        let groups: [MoveGroup]
        let foundation: Set<Int>
        let waveGroups: [[Int]]
        /// Whether wave 1 is a pilot: not when no group was fit to pilot (`WaveAssignment.fitsPilot`).
        let firstIsPilot: Bool
    }

    /// The waves placed on the calendar one after another, before their risks are read.
    struct CalendarPlacement {
        typealias PlacedWave = (members: [Int], services: [Int], serverCount: Int, effort: Double,
                                likely: Schedule.Placement, pessimistic: Schedule.Placement)
        let landing: (start: CalendarDate, end: CalendarDate, notes: [String])
        let landingPessimistic: (start: CalendarDate, end: CalendarDate, notes: [String])
        let foundationServices: [Int]
        let foundationEffort: Double
        let placedWaves: [PlacedWave]
        /// Each service's wave number (0 for the landing zone's), nil for one that does not move.
        let waveOfService: [Int?]
        /// Each wave's monthly cost, the landing zone's first.
        let waveCosts: [CloudCosts]
    }

    /// Step 1: each service by its strategy: moving, retained, retired, or held by a gate.
    static func partition(_ services: [ServiceAssessment]) -> Partition {
        var partition = Partition()
        for (index, service) in services.enumerated() {
            switch service.strategy {
            case .retire: partition.retired.append(index)
            case .retain: partition.retained.append(index)
            default: if service.held == nil { partition.moving.append(index) } else { partition.held.append(index) }
            }
        }
        return partition
    }

    /// Step 2: every server a moving service's VM strategy needs, in server order.
    static func serversToSize(_ inputs: PlanInputs, moving: [Int]) -> [ServerToSize] {
        let movingSet = Set(moving)
        var toSize: [ServerToSize] = []
        for (server, users) in inputs.servicesOfServer.enumerated() {
            let needing = users.filter { movingSet.contains($0) && inputs.strategyOf[$0].needsVirtualMachines }
            if !needing.isEmpty { toSize.append((server, needing)) }
        }
        return toSize
    }

    /// Step 3: the move groups and waves, built on one thread while the servers are sized on every core: neither
    /// reads what the other makes, and the waves alone would leave a core idle.
    static func buildWavesAndSize(_ inputs: PlanInputs, moving: [Int], toSize: [ServerToSize], sizer: Sizer)
        -> (Grouping, [ServerSizing]) {
        let estate = inputs.estate, services = inputs.services, strategyOf = inputs.strategyOf
        return Parallel.both({
            let groups = MoveGroupBuilder.build(moving: moving, estate: estate,
                                                serversOfService: inputs.serversOfService)
            let foundation = Self.foundationGroups(groups, services: services)
            let (waveGroups, firstIsPilot) = WaveAssignment(groups: groups, services: services,
                                                            assumptions: inputs.assumptions, foundation: foundation,
                                                            timing: inputs.timing).waves()
            return Grouping(groups: groups, foundation: foundation, waveGroups: waveGroups,
                            firstIsPilot: firstIsPilot)
        }, {
            // Sized in parallel (each server on its own), costs summed in server order so the figures never vary.
            Parallel.map(toSize.count) { item in
                sizer.size(estate.servers[toSize[item].server], at: toSize[item].server,
                           managed: toSize[item].needing.allSatisfy { strategyOf[$0] == .replatform })
            }
        })
    }

    /// Step 4: each moving service's monthly cost per cloud: its share of every server it needs, and a repurchase's
    /// subscription where the inventory quotes one, the same on every cloud.
    static func serviceCosts(_ inputs: PlanInputs, moving: [Int], toSize: [ServerToSize], sizing: [ServerSizing])
        -> [Int: CloudCosts] {
        var serviceCosts: [Int: CloudCosts] = [:]
        for index in moving { serviceCosts[index] = CloudCosts() }
        for (sized, (_, needing)) in zip(sizing, toSize) {
            for cloud in sized.clouds {
                let share = cloud.monthlyGBP / Double(needing.count)
                for service in needing { serviceCosts[service, default: CloudCosts()][cloud.cloud] += share }
            }
        }
        for index in moving where inputs.strategyOf[index] == .repurchase {
            guard let subscription = inputs.estate.services[index].supplier?.subscriptionMonthlyGBP else { continue }
            for cloud in inputs.assumptions.targetClouds {
                serviceCosts[index, default: CloudCosts()][cloud] += subscription
            }
        }
        return serviceCosts
    }

    /// Step 5: the landing zone with the foundation services, then each wave when the last ends, its lead times have
    /// run and the gap after the last clinical cut-over has passed, its whole span outside the freeze windows that
    /// apply; once with likely figures and once with pessimistic ones. Placed one after another: each wave starts
    /// after the last.
    static func placeOnCalendar(_ inputs: PlanInputs, grouping: Grouping, moving: [Int],
                                serviceCosts: [Int: CloudCosts]) -> CalendarPlacement {
        let estate = inputs.estate, groups = grouping.groups, timing = inputs.timing
        var waveOfService = [Int?](repeating: nil, count: estate.services.count)
        var waveCosts: [CloudCosts] = [CloudCosts()]
        let foundationServices = grouping.foundation.sorted().flatMap { groups[$0].services }
        var foundationEffort = 0.0, foundationGB = 0.0
        for service in foundationServices {
            foundationEffort += timing.effort(service, strategy: inputs.strategyOf[service])
            foundationGB += timing.volumeGB(service)
            waveOfService[service] = 0
            waveCosts[0] = waveCosts[0] + (serviceCosts[service] ?? CloudCosts())
        }
        // A repurchased service's HSCN route is its supplier's to provide, not the landing zone's.
        let hscn = moving.contains { estate.services[$0].exposure == .hscn && inputs.strategyOf[$0] != .repurchase }
        var likely = Schedule(timing: timing, assumptions: inputs.assumptions, pessimistic: false)
        var pessimistic = Schedule(timing: timing, assumptions: inputs.assumptions, pessimistic: true)
        let landing = likely.landingZone(foundationEffort: foundationEffort, foundationGB: foundationGB, circuit: hscn)
        let landingPessimistic = pessimistic.landingZone(foundationEffort: foundationEffort, foundationGB: foundationGB,
                                                         circuit: hscn)
        var placedWaves: [CalendarPlacement.PlacedWave] = []
        for (offset, members) in grouping.waveGroups.enumerated() {
            let number = offset + 1
            let waveServices = members.flatMap { groups[$0].services }
            let serverCount = Set(members.flatMap { groups[$0].servers }).count
            var effort = 0.0
            var costs = CloudCosts()
            for service in waveServices {
                effort += timing.effort(service, strategy: inputs.strategyOf[service])
                costs = costs + (serviceCosts[service] ?? CloudCosts())
                waveOfService[service] = number
            }
            placedWaves.append((members, waveServices, serverCount, effort,
                                likely.place(waveServices, effort: effort),
                                pessimistic.place(waveServices, effort: effort)))
            waveCosts.append(costs)
        }
        return CalendarPlacement(landing: landing, landingPessimistic: landingPessimistic,
                                 foundationServices: foundationServices, foundationEffort: foundationEffort,
                                 placedWaves: placedWaves, waveOfService: waveOfService, waveCosts: waveCosts)
    }

    /// Step 6: the waves with their risks, the landing zone's first. Each wave's risks are read on every core: they
    /// read the placed dates and nothing another wave's risks make.
    static func waves(_ inputs: PlanInputs, grouping: Grouping, calendar: CalendarPlacement, moving: [Int]) -> [Wave] {
        let estate = inputs.estate, services = inputs.services, groups = grouping.groups
        let landing = calendar.landing, placedWaves = calendar.placedWaves
        let landingZone = Wave(
            number: 0, name: "Landing zone", start: landing.start, end: landing.end,
            pessimisticStart: calendar.landingPessimistic.start, pessimisticEnd: calendar.landingPessimistic.end,
            groups: grouping.foundation.sorted(), services: calendar.foundationServices,
            serverCount: Set(grouping.foundation.flatMap { groups[$0].servers }).count,
            effortDays: Double(inputs.assumptions.landingZoneWorkingDays * inputs.assumptions.teamSize)
                + calendar.foundationEffort,
            risks: Self.landingZoneRisks(estate: estate, services: services, moving: moving)
                + Self.supportEndingRisks(calendar.foundationServices, waveEnd: landing.end, start: inputs.start,
                                          estate: estate, strategyOf: inputs.strategyOf,
                                          serversOfService: inputs.serversOfService, context: inputs.assessment.context)
                + landing.notes,
            delay: nil)
        let waveRisks = Parallel.map(placedWaves.count) { index in
            let wave = placedWaves[index]
            return Self.risks(of: wave.members, groups: groups, estate: estate, strategyOf: inputs.strategyOf,
                              servicesOfServer: inputs.servicesOfServer, assumptions: inputs.assumptions)
                + Self.findingRisks(wave.services, services: services)
                + Self.splitDatabaseRisks(wave.services, wave: index + 1, estate: estate, services: services,
                                          waveOfService: calendar.waveOfService,
                                          cutOver: { $0 == 0 ? landing.end : placedWaves[$0 - 1].likely.end })
                + Self.supportEndingRisks(wave.services, waveEnd: wave.likely.end, start: inputs.start, estate: estate,
                                          strategyOf: inputs.strategyOf, serversOfService: inputs.serversOfService,
                                          context: inputs.assessment.context)
                + wave.likely.notes
        }
        return [landingZone] + placedWaves.enumerated().map { offset, wave in
            let number = offset + 1
            let pilot = number == 1 && grouping.firstIsPilot
            return Wave(number: number, name: pilot ? "Pilot" : "Wave \(number)", start: wave.likely.start,
                        end: wave.likely.end, pessimisticStart: wave.pessimistic.start,
                        pessimisticEnd: wave.pessimistic.end, groups: wave.members, services: wave.services,
                        serverCount: wave.serverCount, effortDays: wave.effort, risks: waveRisks[offset],
                        delay: wave.likely.delay)
        }
    }

    /// Step 7: the estate's risks and the plan's notes, which read what is settled by now and not each other: one
    /// each core.
    static func risksAndNotes(_ inputs: PlanInputs, partition: Partition, waves: [Wave], waveOfService: [Int?],
                              sizing: [ServerSizing], sizer: Sizer, serviceCosts: [Int: CloudCosts],
                              onPremises: OnPremisesCost) -> (risks: [String], notes: [String]) {
        let estate = inputs.estate
        return Parallel.both({
            Self.estateRisks(estate: estate, servicesOfServer: inputs.servicesOfServer, retained: partition.retained,
                             sizing: sizing)
                + Self.siteExitRisks(estate: estate, waves: waves, serversOfService: inputs.serversOfService,
                                     retained: partition.retained, held: partition.held, timing: inputs.timing)
                + Self.contractRisks(estate: estate, waves: waves)
                + Self.stayingDependencyRisks(estate: estate, staying: partition.retained + partition.held,
                                              waveOfService: waveOfService)
        }, {
            Self.notes(sizing: sizing, sizer: sizer, assessment: inputs.assessment, assumptions: inputs.assumptions,
                       moving: partition.moving, strategyOf: inputs.strategyOf, onPremises: onPremises)
                + Self.unsupportedCloudNotes(estate: estate, serviceCosts: serviceCosts,
                                             assumptions: inputs.assumptions, strategyOf: inputs.strategyOf)
        })
    }

    /// The move groups that go with the landing zone: directory and backup services, the foundation other
    /// services stand on (identity extended into the cloud, backup vaults), whose groups hold nothing else and
    /// depend on nothing outside the foundation.
    static func foundationGroups(_ groups: [MoveGroup], services: [ServiceAssessment]) -> Set<Int> {
        var foundation = Set(groups.indices.filter { group in
            groups[group].services.allSatisfy { [.directory, .backup].contains(services[$0].kind) }
        })
        var changed = true
        while changed {
            changed = false
            for group in foundation where !groups[group].dependsOn.allSatisfy(foundation.contains) {
                foundation.remove(group)
                changed = true
            }
        }
        return foundation
    }

    /// Sites whose lease ends: a moving service planned to finish after its site closes, and a retained or held
    /// service still on it, are named with the decision they need; one that finishes in time on likely dates but
    /// not on pessimistic ones is named too, with the milder decision it needs.
    static func siteExitRisks(estate: Estate, waves: [Wave], serversOfService: [[Int]], retained: [Int],
                              held: [Int], timing: Timing) -> [String] {
        var risks: [String] = []
        var finishes = [(likely: CalendarDate, pessimistic: CalendarDate)?](repeating: nil,
                                                                            count: estate.services.count)
        for wave in waves { for service in wave.services { finishes[service] = (wave.end, wave.pessimisticEnd) } }
        // A lease that ends after the programme and beyond the horizon is not this plan's to meet.
        guard let first = waves.first?.start, let last = waves.last?.end else { return [] }
        let reach = max(last, first.adding(months: Timing.deadlineHorizonMonths))
        // The services on each closing site, found in one pass over the services' servers.
        var closing: [String: [Int]] = [:]
        for site in estate.sites { if let ends = site.leaseEnds, ends <= reach { closing[site.id] = [] } }
        guard !closing.isEmpty else { return [] }
        for service in estate.services.indices {
            var sites = Set<String>()
            for server in serversOfService[service] {
                if let site = estate.servers[server].site?.id, closing[site] != nil, sites.insert(site).inserted {
                    closing[site, default: []].append(service)
                }
            }
        }
        let staysOn = Set(retained).union(held)
        for site in estate.sites {
            guard let ends = site.leaseEnds, let on = closing[site.id], !on.isEmpty else { continue }
            let late = on.filter { finishes[$0].map { $0.likely > ends } ?? false }
            if !late.isEmpty {
                let names = late.map { "'\(estate.services[$0].id)' (\(finishes[$0]!.likely))" }
                // Why: a lead time that runs past the lease from the programme's start cannot be planned around.
                // Services waiting for the same thing to the same day are named together.
                var waits: [(what: String, ids: [String])] = []
                for service in late {
                    let lead = timing.leadDays(service, pessimistic: false)
                    let ready = first.adding(days: lead.days)
                    guard let why = lead.why, ready.adding(days: Schedule.cutoverDays) > ends else { continue }
                    let what = "\(why) from the programme's start, to \(ready)"
                    if let at = waits.firstIndex(where: { $0.what == what }) {
                        waits[at].ids.append("'\(estate.services[service].id)'")
                    } else {
                        waits.append((what, ["'\(estate.services[service].id)'"]))
                    }
                }
                let waiting = waits.map { MigrationPlan.list($0.ids) + ($0.ids.count == 1 ? " waits" : " wait")
                    + " for " + $0.what }
                risks.append("site '\(site.id)' closes on \(ends), but \(names.joined(separator: ", ")) "
                    + "\(late.count == 1 ? "is" : "are") planned to finish moving after it"
                    + (waiting.isEmpty ? "" : " (" + waiting.joined(separator: "; ") + ": no order of waves meets "
                        + "the date unless that work starts before the programme)")
                    + ": bring \(late.count == 1 ? "it" : "them") forward, "
                    + "extend the lease, or move \(late.count == 1 ? "its" : "their") servers elsewhere first")
            }
            let tight = on.filter { finishes[$0].map { $0.likely <= ends && $0.pessimistic > ends } ?? false }
            // A pessimistic lead time that alone runs past the lease: no order of waves would help.
            let pessimisticWaits = tight.compactMap { service -> String? in
                let lead = timing.leadDays(service, pessimistic: true)
                let ready = first.adding(days: lead.days)
                guard let why = lead.why, ready.adding(days: Schedule.cutoverDays) > ends else { return nil }
                return "'\(estate.services[service].id)' waits for \(why), pessimistically, to \(ready)"
            }
            if !tight.isEmpty {
                // One service gives its pessimistic finish after the phrase, as a contract does; several each give theirs.
                let names = tight.count == 1 ? "'\(estate.services[tight[0]].id)' meets it on likely dates but not on "
                    + "pessimistic ones (\(finishes[tight[0]]!.pessimistic))"
                    : tight.map { "'\(estate.services[$0].id)' (\(finishes[$0]!.pessimistic))" }.joined(separator: ", ")
                        + " meet it on likely dates but not on pessimistic ones"
                risks.append("site '\(site.id)' closes on \(ends): \(names)"
                    + (pessimisticWaits.isEmpty ? "" : " (" + pessimisticWaits.joined(separator: "; ")
                        + ", whatever the order of waves)")
                    + ": agree now how the lease could be "
                    + "extended, or where \(tight.count == 1 ? "its" : "their") servers would go, in case the move "
                    + "runs late")
            }
            let staying = on.filter(staysOn.contains)
            if !staying.isEmpty {
                let names = staying.map { "'\(estate.services[$0].id)'" }.joined(separator: ", ")
                risks.append("site '\(site.id)' closes on \(ends) and \(names) \(staying.count == 1 ? "stays" : "stay") "
                    + "on it (retained or held): decide \(staying.count == 1 ? "its" : "their") new home before then")
            }
        }
        return risks
    }

    static func risks(of members: [Int], groups: [MoveGroup], estate: Estate, strategyOf: [MigrationStrategy],
                      servicesOfServer: [[Int]], assumptions: Assumptions) -> [String] {
        var risks: [String] = []
        for group in members.map({ groups[$0] }) {
            let ids = group.services.map { "'\(estate.services[$0].id)'" }
            if !group.reasons.isEmpty {
                risks.append("\(ids.joined(separator: ", ")) move together: " + group.reasons.joined(separator: "; "))
            }
            if group.services.count > assumptions.maxServicesPerWave || group.servers.count > assumptions.maxServersPerWave {
                risks.append("the move group of \(Plural.count(group.services.count, "service")) and "
                    + "\(Plural.count(group.servers.count, "server")) is larger than the wave caps "
                    + "(\(Plural.count(assumptions.maxServicesPerWave, "service")), "
                    + "\(Plural.count(assumptions.maxServersPerWave, "server"))): it has a wave to itself")
            }
            let clinical = group.services.filter { estate.services[$0].criticality == .patientCritical }.count
            if clinical > assumptions.maxPatientCriticalPerWave {
                risks.append("the move group cuts over \(clinical) patient-critical services together, more than the "
                    + "cap of \(assumptions.maxPatientCriticalPerWave) a wave, because they must move together: "
                    + "rehearse the joint cut-over, or break the tie between them")
            }
            for member in group.services {
                let service = estate.services[member]
                for reference in service.dependsOn {
                    guard let target = estate.serviceIndex[reference.id], target != member else { continue }
                    switch strategyOf[target] {
                    case .retain:
                        risks.append("'\(service.id)' depends on '\(reference.id)', which stays on premises: hybrid "
                            + "connectivity (HSCN or VPN) must carry it")
                    case .retire:
                        risks.append("'\(service.id)' depends on '\(reference.id)', which is to be retired: replace "
                            + "or remove the dependency first")
                    default: break
                    }
                }
            }
            for server in group.servers {
                let staying = servicesOfServer[server].filter { strategyOf[$0] == .retain }
                if let first = staying.first {
                    risks.append("server '\(estate.servers[server].id)' also runs '\(estate.services[first].id)', "
                        + "which stays on premises: split them before the move")
                }
            }
        }
        return risks
    }

    static func landingZoneRisks(estate: Estate, services: [ServiceAssessment], moving: [Int]) -> [String] {
        var risks: [String] = []
        let hscn = moving.filter { estate.services[$0].exposure == .hscn }.count
        if hscn > 0 {
            risks.append("\(hscn) moving \(hscn == 1 ? "service is" : "services are") reached over HSCN: design HSCN "
                + "connectivity to the cloud before the first wave (REFERENCE.md section 3)")
        }
        let smartcard = moving.filter { estate.services[$0].identity.contains(.cis2Smartcard) }.count
        if smartcard > 0 {
            risks.append("\(smartcard) moving \(smartcard == 1 ? "service uses" : "services use") NHS CIS2 smartcards: "
                + "test sign-in from the cloud with the trust's card readers, and move desktops from Identity Agent to "
                + "CIS2 Smartcard Connect, the default client from February 2027 (REFERENCE.md section 9)")
        }
        return risks
    }

    static func estateRisks(estate: Estate, servicesOfServer: [[Int]], retained: [Int], sizing: [ServerSizing])
        -> [String] {
        var risks: [String] = []
        for sized in sizing {
            guard let over = sized.clouds.first(where: \.exceedsCatalogue) else { continue }
            risks.append("server '\(sized.serverID)' needs \(over.neededVCPUs) vCPUs and "
                + String(format: "%.0f", over.neededMemoryGiB) + " GiB, more than the largest size in the catalogue: "
                + "it is priced at the largest, and needs a specialist size or a managed database")
        }
        let orphans = servicesOfServer.filter(\.isEmpty).count
        if orphans > 0 {
            risks.append("\(orphans) \(orphans == 1 ? "server belongs" : "servers belong") to no service and "
                + "\(orphans == 1 ? "is" : "are") not planned: find their owners or retire them")
        }
        if !retained.isEmpty {
            risks.append("\(retained.count) \(retained.count == 1 ? "service stays" : "services stay") on premises: "
                + "the site, its network and hybrid connectivity remain")
        }
        return risks
    }

    /// A moving service's own high and blocker findings go with it into its wave's risks: the wave cannot be
    /// signed off without them dealt with. Findings left behind or on test servers do not.
    static func findingRisks(_ members: [Int], services: [ServiceAssessment]) -> [String] {
        members.compactMap { index in
            // Each serious rule once, in the order found; the findings are read in place, not copied, and a service
            // has few enough serious rules that a scan finds a repeat sooner than a hash would.
            var rules: [String] = []
            var serious: [String] = []
            let findings = services[index].findings
            for position in findings.indices where !findings[position].secondary && findings[position].weighsAs <= .high
                && !rules.contains(findings[position].rule) {
                rules.append(findings[position].rule)
                serious.append("\(findings[position].rule) (\(findings[position].weighsAs.rawValue))")
            }
            guard !serious.isEmpty else { return nil }
            return "'\(services[index].service.id)' moves with \(serious.count == 1 ? "a finding" : "findings") "
                + "to deal with first: " + serious.joined(separator: ", ")
        }
    }

    /// A service whose database platform moves in an earlier wave runs on premises against a database in the
    /// cloud from that wave's cut-over to its own: every query crosses the link (HSCN, VPN or a private circuit) for
    /// that time. Database traffic is the kind an application least tolerates a wide-area round trip on, so the wave
    /// names the split and its length for the design authority to accept, test or close by moving them together.
    static func splitDatabaseRisks(_ members: [Int], wave: Int, estate: Estate, services: [ServiceAssessment],
                                   waveOfService: [Int?], cutOver: (Int) -> CalendarDate) -> [String] {
        var risks: [String] = []
        for member in members {
            for reference in estate.services[member].dependsOn {
                guard let target = estate.serviceIndex[reference.id], target != member,
                      services[target].kind == .databasePlatform, let earlier = waveOfService[target], earlier < wave
                else { continue }
                let from = cutOver(earlier), until = cutOver(wave)
                risks.append("'\(estate.services[member].id)' depends on the database platform '\(reference.id)', "
                    + "which moves in wave \(earlier): from its cut-over (\(from)) to this wave's (\(until)), "
                    + "\(until.dayNumber - from.dayNumber) days, every query crosses the link to the cloud; measure the latency "
                    + "the application tolerates, or move them in one wave")
            }
        }
        return risks
    }

    /// A service whose supplier contract ends before it has moved needs an extension to negotiate and cost; one
    /// that moves in time on likely dates but not on pessimistic ones needs an extension's terms agreed in case.
    static func contractRisks(estate: Estate, waves: [Wave]) -> [String] {
        guard let start = waves.first?.start else { return [] }
        var risks: [String] = []
        for wave in waves {
            for index in wave.services {
                guard let ends = estate.services[index].contractEnds, ends < wave.pessimisticEnd else { continue }
                let id = estate.services[index].id
                if ends < wave.end {
                    let when = ends < start ? "ended on \(ends), before the programme starts" : "ends on \(ends)"
                    risks.append("'\(id)': its supplier contract \(when), but it finishes moving on \(wave.end): "
                        + "negotiate and cost an extension to cover the gap")
                } else {
                    risks.append("'\(id)': its supplier contract ends on \(ends); the move meets it on likely dates "
                        + "but not on pessimistic ones (\(wave.pessimisticEnd)): agree the terms of a short extension "
                        + "now, in case it is needed")
                }
            }
        }
        return risks
    }

    /// A server that keeps its operating system in the move (its service rehosted or relocated) and whose standard
    /// support (`LifecycleEntry.standardSupportEnds`, from the catalogue the assessment uses) ends after the
    /// programme starts but before its wave ends on likely dates runs unsupported, or on paid extended security
    /// updates, until it moves. `supportEnds` keeps each operating system name placed once: placing is costly, and
    /// estates repeat a few names on many servers.
    static func supportEndingRisks(_ waveServices: [Int], waveEnd: CalendarDate, start: CalendarDate, estate: Estate,
                                   strategyOf: [MigrationStrategy], serversOfService: [[Int]],
                                   context: AssessmentContext) -> [String] {
        var risks: [String] = []
        var seen = Set<Int>()
        for service in waveServices where [.rehost, .relocate].contains(strategyOf[service]) {
            for server in serversOfService[service] where seen.insert(server).inserted {
                // Placed as the assessment placed it, from the catalogue it judged the estate by.
                guard let os = estate.servers[server].os,
                      let ends = context.operatingSystem(named: os)?.standardSupportEnds,
                      ends >= start, ends < waveEnd else { continue }
                risks.append("server '\(estate.servers[server].id)' ('\(estate.services[service].id)', "
                    + "\(strategyOf[service].rawValue)) runs \(os), whose standard support ends on \(ends), before "
                    + "this wave ends on \(waveEnd): upgrade it first, or budget extended security updates until it "
                    + "moves")
            }
        }
        return risks
    }

    /// A service staying on premises (retained or held) that depends on one that moves needs the hybrid link too.
    static func stayingDependencyRisks(estate: Estate, staying: [Int], waveOfService: [Int?]) -> [String] {
        staying.flatMap { index -> [String] in
            estate.services[index].dependsOn.compactMap { reference in
                guard let target = estate.serviceIndex[reference.id], let wave = waveOfService[target] else {
                    return nil
                }
                return "'\(estate.services[index].id)' stays on premises but depends on '\(reference.id)', which moves in "
                    + "wave \(wave): hybrid connectivity (HSCN or VPN) must carry it from then"
            }
        }
    }

    /// The repurchased services among `services` whose subscription the inventory does not quote: in no figure.
    static func unquotedSubscriptions(_ services: [Int], estate: Estate, strategy: (Int) -> MigrationStrategy)
        -> [Int] {
        services.filter { strategy($0) == .repurchase && estate.services[$0].supplier?.subscriptionMonthlyGBP == nil }
    }

    /// How much of each cloud's figure is for services whose supplier does not support them on that cloud: the
    /// clouds cannot be ranked on totals that include what could not run there.
    static func unsupportedCloudNotes(estate: Estate, serviceCosts: [Int: CloudCosts], assumptions: Assumptions,
                                      strategyOf: [MigrationStrategy]) -> [String] {
        assumptions.targetClouds.compactMap { cloud in
            let unsupported = Self.unsupported(on: cloud, estate: estate, serviceCosts: serviceCosts,
                                               strategyOf: strategyOf)
            let total = unsupported.reduce(0) { $0 + (serviceCosts[$1]?[cloud] ?? 0) }
            guard total > 0 else { return nil }
            let names = unsupported.prefix(5).map { "'\(estate.services[$0].id)'" }.joined(separator: ", ")
                + (unsupported.count > 5 ? " and \(unsupported.count - 5) more" : "")
            return "GBP \(Int(total.rounded())) a month of the \(cloud.displayName) figure is for services whose "
                + "suppliers do not support them there (\(names)): compare the clouds without them, or for the "
                + "services each can run."
        }
    }

    /// The services in a cloud's figure, in inventory order, whose supplier does not support them on that cloud. A
    /// repurchase runs in its supplier's cloud, whichever the trust's is: its subscription is not at issue.
    static func unsupported(on cloud: Cloud, estate: Estate, serviceCosts: [Int: CloudCosts],
                            strategyOf: [MigrationStrategy]) -> [Int] {
        serviceCosts.keys.sorted().filter { index in
            (estate.services[index].supplier?.supportedClouds.map { !$0.contains(cloud) } ?? false)
                && (serviceCosts[index]?[cloud] ?? 0) > 0 && strategyOf[index] != .repurchase
        }
    }

    /// The sum of one figure over every server's sizing on a cloud, read in place.
    static func total(of figure: KeyPath<CloudSizing, Double>, on cloud: Cloud, in sizing: [ServerSizing]) -> Double {
        var total = 0.0
        for sized in sizing {
            for sizedOn in sized.clouds where sizedOn.cloud == cloud { total += sizedOn[keyPath: figure] }
        }
        return total
    }

    /// What the database and OS licences are, how they are counted, and which are priced.
    static func licenceNotes(sizing: [ServerSizing], assumptions: Assumptions, sizer: Sizer) -> [String] {
        var notes: [String] = []
        // Counted in place (`count(where:)`): filtering would copy every sizing, at 100,000 servers a measurable cost.
        func isDatabase(_ sized: ServerSizing) -> Bool { sized.clouds.contains { $0.databaseLicence != nil } }
        let databases = sizing.count(where: isDatabase)
        if databases > 0 {
            notes.append("\(databases) moving \(databases == 1 ? "server runs" : "servers run") SQL Server "
                + "or Oracle Database, counted per cloud on the vCPUs the work needs where constrained-vCPU sizes "
                + "(Azure: a half or a quarter of the size) or Optimize CPUs (AWS) allow it, and on every vCPU of the size on Google (whether its "
                + "visible-core setting lowers the count was not confirmed): SQL Server per core in 2-core "
                + "packs, at least four cores a VM (Microsoft, SQL Server licensing guide); Oracle Enterprise "
                + "Edition one processor licence for two vCPUs, Standard Edition 2 one socket for four (Oracle, "
                + "\"Licensing Oracle Software in the Cloud Computing Environment\"). Oracle is never sold by the "
                + "hour on a VM: its licences are the trust's own and are not in the figures.")
            let guessed = sizing.count { !$0.editionGiven && isDatabase($0) }
            if guessed > 0 {
                notes.append("\(guessed) database \(guessed == 1 ? "server gives" : "servers give") no edition: SQL "
                    + "Server and Oracle are counted as Enterprise Edition, the cautious figure; give software.edition.")
            }
        }
        let unpriced = assumptions.targetClouds.compactMap { cloud -> String? in
            let count = sizing.count { $0.clouds.contains { $0.cloud == cloud && $0.licenceLeftOut } }
            return count > 0 ? "\(count) on \(cloud.displayName)" : nil
        }
        if !unpriced.isEmpty {
            let partly = LicencePrice.Product.allCases.filter { product in
                !sizer.pricedLicences.contains(product)
                    && assumptions.targetClouds.contains { sizer.catalogue.hasLicence(product, on: $0) }
            }.map { product in
                product.rawValue + " (priced for " + assumptions.targetClouds.filter {
                    sizer.catalogue.hasLicence(product, on: $0)
                }.map(\.displayName).joined(separator: ", ") + " only)"
            }
            notes.append("Servers with a SQL Server, Red Hat or SUSE licence that is not priced on every cloud "
                + "(\(unpriced.joined(separator: ", "))): those licences are counted but left out of every cloud's "
                + "figure, so the clouds compare like with like"
                + (partly.isEmpty ? "" : "; the catalogue has " + partly.joined(separator: ", ")) + ".")
        }
        return notes
    }
}
