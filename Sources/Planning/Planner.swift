import Assessment
import CloudFirstCore
import Foundation
import HeapModule

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
            let waveGroups = Self.assignWaves(groups: groups, services: services, assumptions: inputs.assumptions,
                                              foundation: foundation, timing: inputs.timing)
            return Grouping(groups: groups, foundation: foundation, waveGroups: waveGroups)
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
            return Wave(number: number, name: number == 1 ? "Pilot" : "Wave \(number)", start: wave.likely.start,
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

    /// Kahn's algorithm over the move groups (the foundation's already placed), a group released once all it
    /// depends on is placed, taking first the group whose site closes soonest, then the one whose lead times run out
    /// soonest (by quarter), then the one whose repurchase's contract ends soonest (each its own or a
    /// dependant's: `inheritedDeadlines`), then the least critical, the one fewest others depend on, the least data,
    /// the highest score. A wave closes when the next group would break a cap: services, servers, or patient-critical
    /// services; a wave that moves a group off a closing site closes before a group that is not; and a wave closes
    /// before a group whose lead times run out a quarter or more after its members'.
    /// The pilot (wave 1) takes at most three services fit to pilot (`fitsPilot`) while any other group is ready. A
    /// group larger than a cap gets a wave of its own.
    static func assignWaves(groups: [MoveGroup], services: [ServiceAssessment], assumptions: Assumptions,
                            foundation: Set<Int> = [], timing: Timing) -> [[Int]] {
        var dependents = [[Int]](repeating: [], count: groups.count)
        var waiting = [Int](repeating: 0, count: groups.count)
        for (group, move) in groups.enumerated() where !foundation.contains(group) {
            let open = move.dependsOn.filter { !foundation.contains($0) }
            waiting[group] = open.count
            for target in open { dependents[target].append(group) }
        }
        var dependantCount = [Int](repeating: 0, count: groups.count)
        for (group, move) in groups.enumerated() {
            for target in move.dependsOn where target != group { dependantCount[target] += 1 }
        }
        let siteDeadlines = Self.inheritedDeadlines(groups: groups, dependantCount: dependantCount,
                                                    own: timing.siteDeadline)
        let contractDeadlines = Self.inheritedDeadlines(groups: groups, dependantCount: dependantCount,
                                                        own: timing.contractDeadline)
        // The groups' first service ids as ranks, sorted once, so that keys compare and move without strings.
        let firstIDs = groups.map { group in group.services.first.map { services[$0].service.id } ?? "" }
        var idRank = [Int](repeating: 0, count: groups.count)
        for (rank, group) in groups.indices.sorted(by: { firstIDs[$0] < firstIDs[$1] }).enumerated() {
            idRank[group] = rank
        }
        // Each group's lead time (days from the start) and effort (person-days), for the rough clock below.
        var leadDays = [Int](repeating: 0, count: groups.count), efforts = [Double](repeating: 0, count: groups.count)
        let keys = groups.indices.map { index -> GroupKey in
            // Read by index: copying each member's assessment (findings and all) cost more than the rest of this.
            let members = groups[index].services
            var lead = 0, criticality = 0, volume = 0.0, score = Int.max, effort = 0.0
            for member in members {
                lead = max(lead, timing.leadDayCount(member, pessimistic: false))
                criticality = max(criticality, Criticality.rank(of: services[member].service.criticality))
                volume += timing.volumeGB(member)
                score = min(score, services[member].score)
                effort += timing.effort(member, strategy: services[member].strategy)
            }
            leadDays[index] = lead
            efforts[index] = effort
            return GroupKey(
                siteDeadline: siteDeadlines[index], contractDeadline: contractDeadlines[index],
                // By quarter: a safety case done during the landing zone does not reorder anything.
                ready: lead / 91, criticality: criticality, dependants: dependantCount[index], volume: Int(volume),
                score: members.isEmpty ? 0 : score, idRank: idRank[index])
        }
        var ready = Heap<ReadyGroup>()
        func release(_ group: Int) { ready.insert(ReadyGroup(key: keys[group], group: group)) }
        for group in groups.indices where waiting[group] == 0 && !foundation.contains(group) {
            release(group)
        }
        var waves: [[Int]] = []
        var current: [Int] = [], currentServices = 0, currentServers = 0, currentClinical = 0
        var currentLeavesSite = false, currentReady = 0
        var deferred: [Int] = []
        // A rough clock, calendar days from the start to where the next wave would begin at the soonest: the landing
        // zone, then each wave's effort over the team (at least the shortest wave) and its data's copy. Freezes, gaps
        // and lead times only make the real one later, so a lead time past this clock may still be running.
        var clock = Double(assumptions.landingZoneWorkingDays) * 7 / 5, currentEffort = 0.0, currentGB = 0.0
        func closeWave() {
            clock += max(Double(Effort.minimumWaveWorkingDays), currentEffort / Double(max(1, assumptions.teamSize)))
                * 7 / 5 + timing.transferDays(currentGB, pessimistic: false)
            currentEffort = 0
            currentGB = 0
            waves.append(current)
            current = []
            currentServices = 0
            currentServers = 0
            currentClinical = 0
            currentLeavesSite = false
            currentReady = 0
            for group in deferred { release(group) }
            deferred = []
        }
        func clinicalCount(_ group: Int) -> Int { groups[group].services.filter(timing.isPatientCritical).count }
        var pilotOpen = true
        while true {
            guard let group = ready.popMin()?.group else {
                if deferred.isEmpty { break }
                // Nothing else is ready: the pilot closes with what it has, or, with nothing fit to pilot, there is
                // no pilot and what it deferred goes on.
                if current.isEmpty {
                    pilotOpen = false
                    for group in deferred { release(group) }
                    deferred = []
                } else {
                    closeWave()
                }
                continue
            }
            let pilot = waves.isEmpty && pilotOpen
            if pilot, !Self.fitsPilot(groups[group], key: keys[group], dependants: dependantCount[group],
                                      services: services) {
                deferred.append(group)
                continue
            }
            let size = groups[group].services.count, servers = groups[group].servers.count
            let clinical = clinicalCount(group)
            let serviceCap = pilot ? min(Effort.pilotServices, assumptions.maxServicesPerWave)
                : assumptions.maxServicesPerWave
            // A wave that empties a closing site takes nothing that is not leaving one too: another group's work
            // and data would only make it later for the lease.
            // Nor does a wave wait for one member's lead time (a procurement, a DPIA), still running by the rough
            // clock, when the rest are ready a quarter or more sooner: the group that waits starts the next wave.
            let leavesSite = keys[group].siteDeadline != Int.max
            if !current.isEmpty, currentServices + size > serviceCap
                || currentServers + servers > assumptions.maxServersPerWave
                || currentClinical + clinical > assumptions.maxPatientCriticalPerWave
                || (currentLeavesSite && !leavesSite)
                || (keys[group].ready > currentReady && Double(leadDays[group]) > clock) {
                let waiting = !deferred.isEmpty
                closeWave()
                // The pilot closed with groups it had put aside: the next wave starts with whichever of them and this
                // group comes first, not with this one because it happened to be in hand.
                if waiting {
                    release(group)
                    continue
                }
            }
            current.append(group)
            currentServices += size
            currentServers += servers
            currentClinical += clinical
            currentLeavesSite = currentLeavesSite || leavesSite
            currentReady = max(currentReady, keys[group].ready)
            currentEffort += efforts[group]
            currentGB += Double(keys[group].volume)
            for dependent in dependents[group] {
                waiting[dependent] -= 1
                if waiting[dependent] == 0 { release(dependent) }
            }
        }
        if !current.isEmpty { waves.append(current) }
        return waves
    }

    /// Each group's deadline (day number; `Int.max` for none): the earliest of its own services' (`own`: a site
    /// exit, a repurchase's contract end) and of every group that depends on it, directly or not, so that what a
    /// deadline service needs is ordered as early as the service itself. Dependants before dependencies: Kahn's
    /// algorithm over the reversed graph, linear in groups and dependencies.
    static func inheritedDeadlines(groups: [MoveGroup], dependantCount: [Int], own: (Int) -> CalendarDate?) -> [Int] {
        var deadlines = groups.map { group in group.services.compactMap(own).min()?.dayNumber ?? Int.max }
        var waiting = dependantCount
        var ready = groups.indices.filter { waiting[$0] == 0 }
        while let group = ready.popLast() {
            for target in groups[group].dependsOn where target != group {
                deadlines[target] = min(deadlines[target], deadlines[group])
                waiting[target] -= 1
                if waiting[target] == 0 { ready.append(target) }
            }
        }
        return deadlines
    }

    /// Most data a pilot group carries: a pilot proves the landing zone and the method on a small move
    /// (cloudfirst's judgement).
    static let pilotMaximumGB = 1_000

    /// A pilot moves existing servers that matter little and that little depends on: no business- or
    /// patient-critical service, none that two others depend on, no repurchase or anything waiting on a lead time
    /// (it would test nothing of the landing zone), and little data.
    static func fitsPilot(_ group: MoveGroup, key: GroupKey, dependants: Int, services: [ServiceAssessment]) -> Bool {
        key.criticality <= Criticality.businessOperational.rank && dependants < 2 && key.ready == 0
            && key.volume <= pilotMaximumGB
            && group.services.allSatisfy { services[$0].strategy != .repurchase && services[$0].strategy != .refactor }
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

    static func notes(sizing: [ServerSizing], sizer: Sizer, assessment: EstateAssessment, assumptions: Assumptions, moving: [Int],
                      strategyOf: [MigrationStrategy], onPremises: OnPremisesCost) -> [String] {
        var notes: [String] = []
        let rate = String(format: "%.2f", assumptions.gbpPerUSD)
        let clouds = assumptions.targetClouds
        let pricing = switch assumptions.commitment {
        case .none: "public pay-as-you-go list prices"
        case .oneYear: "public one-year commitment rates (Azure reserved VM instances, AWS reserved instances or "
            + "savings plans, Google committed use), with licences at their pay-as-you-go rates,"
        case .threeYear: "public three-year commitment rates (Azure reserved VM instances, AWS reserved instances or "
            + "savings plans, Google committed use), with licences at their pay-as-you-go rates,"
        }
        notes.append("Prices are \(pricing) in US dollars for the UK regions, converted at \(rate) GBP per USD (set "
            + "assumptions.gbp_per_usd), for \(Int(Sizer.hoursPerMonth)) hours a month. "
            + (assumptions.commitment == .none ? "Commitments are not applied: run with --commitment 1y or 3y "
                + "(assumptions.commitment) to price them." : "A commitment is paid whether the VM runs or not."))
        if assumptions.commitment != .none {
            let onDemand = sizing.count { $0.clouds.contains { !$0.commitmentPriced } }
            if onDemand > 0 {
                notes.append("\(onDemand) \(onDemand == 1 ? "server's size has" : "servers' sizes have") no "
                    + "commitment rate in the catalogue on some cloud and \(onDemand == 1 ? "is" : "are") priced on "
                    + "demand there.")
            }
        }
        // The range's three-year end prices the sizes this plan chose: where a size has no three-year rate it is on
        // demand there, and the end is higher than a three-year plan would be.
        let noThreeYear = clouds.compactMap { cloud -> String? in
            let count = sizing.count { $0.on(cloud).map { !$0.threeYearPriced } ?? false }
            return count > 0 ? "\(count) on \(cloud.displayName)" : nil
        }
        notes.append("The range from pay as you go to a 3-year commitment prices the same sizes at both ends, the "
            + "sizes this plan chose" + (noThreeYear.isEmpty ? "." : "; servers whose size has no three-year rate in "
                + "the catalogue (\(noThreeYear.joined(separator: ", "))) are on demand at the three-year end, so that "
                + "end is an upper bound.") + " A plan run with --commitment 3y chooses its sizes on the three-year rates "
            + "and can differ.")
        let sustained = clouds.compactMap { cloud -> String? in
            let saved = Self.total(of: \.sustainedUseGBP, on: cloud, in: sizing)
            return saved > 0 ? "GBP \(Int(saved.rounded())) a month on \(cloud.displayName)" : nil
        }
        if !sustained.isEmpty {
            notes.append("Google's sustained-use discount, which Google applies by itself to machine series such as "
                + "N2 running all month, is taken off: \(sustained.joined(separator: ", ")) (the catalogue's "
                + "discount rows name the source).")
        }
        if !sizer.burstable, clouds.contains(where: { cloud in
            sizer.catalogue.vms(for: cloud).contains { $0.family == .burstable }
        }) {
            let without = clouds.filter { cloud in !sizer.catalogue.vms(for: cloud).contains { $0.family == .burstable } }
            notes.append("Burstable sizes are not used: the catalogue has no UK price for them on "
                + without.map(\.displayName).joined(separator: " or ") + ", and using them on the other clouds "
                + "only would not compare like with like. Small, idle servers may cost less on them.")
        }
        let burstable = sizing.count { $0.clouds.contains { $0.vm.family == .burstable } }
        if burstable > 0 {
            notes.append("\(burstable) small, mostly idle \(burstable == 1 ? "server is" : "servers are") given a "
                + "burstable size (Azure B-series, AWS T3, Google shared-core E2) where its measured CPU stays under "
                + "the size's baseline; a server that outgrows the baseline pays for credits or needs resizing.")
        }
        notes.append("Sizing: CPU and memory at the 95th percentile times a comfort factor of "
            + "\(assumptions.comfortFactor), the cheapest size that fits at what the server pays for it, licences "
            + "included; without utilisation, the size the server has on premises. A database server is sized on CPU "
            + "with the memory it has as a floor, since a database engine fills its memory with cache. Storage by what "
            + "the server is: a backup server or repository keeps its used GB in object storage at the cool tier "
            + "(Azure Blob Cool, S3 Standard-IA, Cloud Storage Nearline) with no second copy, and a replatformed one "
            + "becomes the cloud's backup service with no VM (its per-instance protection fees are not priced); a file "
            + "server's provisioned GB go on the managed file service (Azure Files, FSx for Windows File Server, "
            + "Filestore), with no VM when replatformed; every other server's provisioned GB go on block storage "
            + "(Azure Standard SSD, EBS gp3, pd-balanced), split into disks within each cloud's per-disk maximum. File "
            + "and block servers keep one backup copy of the used GB as disk snapshots. Storage is priced per GiB, as "
            + "the clouds bill it: the inventory's GB are base 10, so 1,000 GB is priced as 931 GiB.")
        let unpriced = sizing.count { $0.clouds.contains { !$0.storagePriced } }
        if unpriced > 0 {
            notes.append("\(unpriced) server\(unpriced == 1 ? "'s" : "s'") storage has no price in the catalogue for "
                + "its tier on some cloud (no public UK-region file-service price has been found yet): that storage "
                + "is left out of the totals, not priced as block storage.")
        }
        var byBasis: [SizingBasis: Int] = [:]
        for sized in sizing { byBasis[sized.basis, default: 0] += 1 }
        if let allocation = byBasis[.allocation] {
            let which = allocation == 1 ? "1 server has no utilisation and is sized as on premises: measure it"
                : "\(allocation) servers have no utilisation and are sized as on premises: measure them"
            notes.append(which + " for a lower figure.")
        }
        // A passive DR copy of SQL Server under Software Assurance needs no licence of its own.
        var passiveSQL = 0
        var passivePacks = [Int](repeating: 0, count: clouds.count)
        var passiveGBP = [Double](repeating: 0, count: clouds.count)
        for sized in sizing where sized.basis == .standby {
            guard sized.clouds.contains(where: { if case .sqlServer? = $0.databaseLicence { true } else { false } })
            else { continue }
            passiveSQL += 1
            for on in sized.clouds {
                guard let at = clouds.firstIndex(of: on.cloud) else { continue }
                passivePacks[at] += on.databaseLicenceCount
                passiveGBP[at] += on.licenceGBP + on.leftOutLicenceGBP
            }
        }
        if passiveSQL > 0 {
            let valued = zip(clouds, passiveGBP).filter { $1 >= 0.5 }
                .map { "GBP \(PlanFormatting.pounds($1)) a month on \($0.displayName)" }
            notes.append("\(passiveSQL) of the SQL Server \(passiveSQL == 1 ? "servers is a" : "servers are") "
                + "disaster-recovery \(passiveSQL == 1 ? "standby" : "standbys"), counted in Database licences ("
                + zip(clouds, passivePacks).map { "\($1) 2-core packs on \($0.displayName)" }.joined(separator: ", ")
                + (valued.isEmpty ? "" : "; in the licence figures at " + valued.joined(separator: ", "))
                + "): a passive DR replica that serves no users needs no licence of its own while the primary's "
                + "licences carry Software Assurance (Microsoft, SQL Server licensing guide, failover rights for "
                + "disaster recovery in the cloud), so the trust may not need them; confirm with its licensing partner.")
        }
        if let standby = byBasis[.standby] {
            notes.append("\(standby) disaster-recovery \(standby == 1 ? "standby is" : "standbys are") sized as on "
                + "premises, not on \(standby == 1 ? "its" : "their") idle measurements: on failover "
                + "\(standby == 1 ? "it carries" : "they carry") production's load. A pilot-light or warm standby in "
                + "the cloud would cost less until then.")
        }
        if let assumed = byBasis[.assumed] {
            notes.append("\(assumed) \(assumed == 1 ? "server gives" : "servers give") no cores or memory and "
                + "\(assumed == 1 ? "is" : "are") sized at the smallest VM: the figure is a guess.")
        }
        if assumptions.azureHybridBenefit {
            notes.append("Azure Hybrid Benefit is applied: the Azure figure leaves out Windows Server and SQL Server "
                + "licences, which the trust brings with Software Assurance or subscriptions (Microsoft, \"Azure "
                + "Hybrid Benefit\"), while the other clouds' figures include Windows Server licences: the clouds do "
                + "not compare like with like on Windows until the trust's own licence costs are added to Azure's.")
        } else {
            let licence = Self.total(of: \.windowsLicenceGBP, on: .azure, in: sizing)
            if licence > 0 {
                notes.append("Azure Hybrid Benefit: Windows Server licences with Software Assurance would take about "
                    + "GBP " + String(format: "%.0f", licence) + " a month off the Azure figure, which includes Windows "
                    + "licences (run with --azure-hybrid-benefit to price it).")
            }
        }
        // Only Microsoft's extended security updates are free on Azure (REFERENCE.md section 4).
        let asOf = assessment.asOf
        func inPaidExtension(_ entry: LifecycleEntry?) -> Bool {
            guard let entry, ["Windows Server", "SQL Server"].contains(entry.product),
                  let standardEnd = entry.standardSupportEnds, let esuEnd = entry.esuEnd else { return false }
            return asOf > standardEnd && asOf <= esuEnd
        }
        // Names placed as the rules placed them, from the assessment's context (each distinct name placed once).
        let context = assessment.context
        let esuServers = sizing.count { sized in
            let server = assessment.estate.servers[sized.serverIndex]
            if let os = server.os, inPaidExtension(context.operatingSystem(named: os)) { return true }
            return server.software.contains { inPaidExtension(context.database(of: $0)) }
        }
        if esuServers > 0 {
            notes.append("\(esuServers) moving \(esuServers == 1 ? "server runs" : "servers run") Windows Server or SQL "
                + "Server on paid extended security updates: Microsoft gives ESU free on Azure for the versions it "
                + "names (REFERENCE.md section 4), which favours Azure for them until they are upgraded.")
        }
        let repurchased = moving.filter { strategyOf[$0] == .repurchase }
        let unquoted = Self.unquotedSubscriptions(moving, estate: assessment.estate) { strategyOf[$0] }
        if !repurchased.isEmpty {
            notes.append("\(repurchased.count) \(repurchased.count == 1 ? "service is" : "services are") repurchased "
                + "as SaaS and their servers are not sized; "
                + (unquoted.isEmpty ? "every subscription is the inventory's quote (supplier.subscription_monthly_gbp)."
                    : "\(unquoted.count) \(unquoted.count == 1 ? "subscription is" : "subscriptions are") not in these "
                        + "figures: give supplier.subscription_monthly_gbp."))
        }
        notes.append("Not in the cloud figures, and to add before comparing: HSCN or private circuits to the cloud, "
            + "data egress, and running old and new side by side during each cut-over (cloudfirst has no public "
            + "figure for them).")
        notes.append(contentsOf: licenceNotes(sizing: sizing, assumptions: assumptions, sizer: sizer))
        notes.append(onPremises.given
            ? "The on-premises figure is the inventory's (assumptions.on_premises_monthly_gbp)."
            : "No on-premises cost is given, so the plan does not compare. cloudfirst's partial model, its own "
                + "illustration and not a sourced figure, comes to GBP "
                + PlanFormatting.pounds(onPremises.monthlyGBP) + " a month for this estate's powered-on servers: "
                + "per physical server GBP " + String(format: "%.0f", OnPremisesModel.physicalServerMonthlyGBP)
                + " a month (0.35 kW at a PUE of 1.8 and GBP 0.25 a kWh for power and cooling, hardware of GBP 7,000 "
                + "refreshed every five years, GBP 60 of support and GBP 25 of space), a virtual machine a tenth of "
                + "that. It leaves out storage, hypervisor subscriptions, operating system and database licences, "
                + "the DR site and staff, so it is a floor, not the trust's cost: set "
                + "assumptions.on_premises_monthly_gbp to compare.")
        return notes
    }
}

/// Orders groups for the waves (see `Planner.assignWaves`): site exit, ready quarter, contract end, criticality,
/// dependants, data, score, then by the first service's id. A site exit comes before a contract end: a lease that
/// ends takes the servers' home with it, while a supplier contract can usually be extended, at a cost
/// (cloudfirst's judgement).
struct GroupKey: Comparable {
    let siteDeadline: Int
    let contractDeadline: Int
    let ready: Int
    let criticality: Int
    let dependants: Int
    let volume: Int
    let score: Int
    /// The rank of the group's first service's id among all groups' first ids.
    let idRank: Int

    static func < (a: GroupKey, b: GroupKey) -> Bool {
        // A site exit first: its servers lose their home, whatever waits on a lead time. Then lead times, so that
        // what is ready moves while procurements run; then contract ends.
        if (a.siteDeadline, a.ready, a.contractDeadline) != (b.siteDeadline, b.ready, b.contractDeadline) {
            return (a.siteDeadline, a.ready, a.contractDeadline) < (b.siteDeadline, b.ready, b.contractDeadline)
        }
        return (a.criticality, a.dependants, a.volume, -a.score, a.idRank)
            < (b.criticality, b.dependants, b.volume, -b.score, b.idRank)
    }
}

/// A move group ready to be placed, in the order `Planner.assignWaves` takes them: by its key, then by its index.
/// The order is total (no two groups share an `idRank`, and the index breaks any tie besides), so the heap hands
/// groups out in the same order on every run whatever its internal layout.
struct ReadyGroup: Comparable {
    let key: GroupKey
    let group: Int

    static func < (a: ReadyGroup, b: ReadyGroup) -> Bool {
        a.key != b.key ? a.key < b.key : a.group < b.group
    }
}
