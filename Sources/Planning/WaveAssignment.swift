import Assessment
import CloudFirstCore
import HeapModule

/// Move groups into waves: Kahn's algorithm over the move groups (the foundation's already placed), a group released
/// once all it depends on is placed, taking first the group whose site closes soonest, then the one whose lead times
/// run out soonest (by quarter), then the one whose repurchase's contract ends soonest (each its own or a
/// dependant's: `inheritedDeadlines`), then the least critical, the one fewest others depend on, the least data, the
/// highest score (`GroupKey`). A wave closes when the next group would break a cap: services, servers, or
/// patient-critical services; a wave that moves a group off a closing site closes before a group that is not; and a
/// wave closes before a group whose lead times run out a quarter or more after its members'. The pilot (wave 1)
/// takes at most three services fit to pilot (`fitsPilot`) while any other group is ready. A group larger than a cap
/// gets a wave of its own.
struct WaveAssignment {
    let groups: [MoveGroup]
    let services: [ServiceAssessment]
    let assumptions: Assumptions
    let foundation: Set<Int>
    let timing: Timing

    /// Most data a pilot group carries: a pilot proves the landing zone and the method on a small move
    /// (cloudfirst's judgement).
    static let pilotMaximumGB = 1_000

    init(groups: [MoveGroup], services: [ServiceAssessment], assumptions: Assumptions, foundation: Set<Int> = [],
         timing: Timing) {
        self.groups = groups
        self.services = services
        self.assumptions = assumptions
        self.foundation = foundation
        self.timing = timing
    }

    /// The waves, each the indices of its groups in the order they were placed, and whether the first is a pilot:
    /// it is not when no group was fit to pilot.
    func waves() -> (waves: [[Int]], firstIsPilot: Bool) {
        var graph = Graph(groups, foundation: foundation)
        let ranking = ranking(dependantCount: graph.dependantCount)
        var ready = Heap<ReadyGroup>()
        func release(_ group: Int) { ready.insert(ReadyGroup(key: ranking.keys[group], group: group)) }
        for group in groups.indices where graph.waiting[group] == 0 && !foundation.contains(group) {
            release(group)
        }
        var waves: [[Int]] = []
        var wave = OpenWave()
        var deferred: [Int] = []
        // A rough clock, calendar days from the start to where the next wave would begin at the soonest: the landing
        // zone, then each wave's effort over the team (at least the shortest wave) and its data's copy. Freezes, gaps
        // and lead times only make the real one later, so a lead time past this clock may still be running.
        var clock = Double(assumptions.landingZoneWorkingDays) * 7 / 5
        func closeWave() {
            if waves.isEmpty { firstIsPilot = pilotOpen }
            clock += max(Double(Effort.minimumWaveWorkingDays), wave.effort / Double(max(1, assumptions.teamSize)))
                * 7 / 5 + timing.transferDays(wave.dataGB, pessimistic: false)
            waves.append(wave.groups)
            wave = OpenWave()
            for group in deferred { release(group) }
            deferred = []
        }
        var pilotOpen = true
        var firstIsPilot = false
        while true {
            guard let group = ready.popMin()?.group else {
                if deferred.isEmpty { break }
                // Nothing else is ready: the pilot closes with what it has, or, with nothing fit to pilot, there is
                // no pilot and what it deferred goes on.
                if wave.groups.isEmpty {
                    pilotOpen = false
                    for group in deferred { release(group) }
                    deferred = []
                } else {
                    closeWave()
                }
                continue
            }
            let pilot = waves.isEmpty && pilotOpen
            let key = ranking.keys[group]
            if pilot, !fitsPilot(groups[group], key: key, dependants: graph.dependantCount[group]) {
                deferred.append(group)
                continue
            }
            let member = OpenWave.Member(services: groups[group].services.count, servers: groups[group].servers.count,
                                         clinical: groups[group].services.filter(timing.isPatientCritical).count,
                                         key: key, effort: ranking.efforts[group])
            let stillWaiting = Double(ranking.leadDays[group]) > clock
            if !wave.groups.isEmpty, !wave.admits(member, pilot: pilot, stillWaiting: stillWaiting, assumptions) {
                let waiting = !deferred.isEmpty
                closeWave()
                // The pilot closed with groups it had put aside: the next wave starts with whichever of them and this
                // group comes first, not with this one because it happened to be in hand.
                if waiting {
                    release(group)
                    continue
                }
            }
            wave.add(group, member)
            for dependent in graph.place(group) { release(dependent) }
        }
        if !wave.groups.isEmpty {
            if waves.isEmpty { firstIsPilot = pilotOpen }
            waves.append(wave.groups)
        }
        return (waves, firstIsPilot)
    }

    /// A pilot moves existing servers that matter little and that little depends on: no business- or
    /// patient-critical service, none that two others depend on, no repurchase or anything waiting on a lead time
    /// (it would test nothing of the landing zone), and little data.
    func fitsPilot(_ group: MoveGroup, key: GroupKey, dependants: Int) -> Bool {
        key.criticality <= Criticality.businessOperational.rank && dependants < 2 && key.ready == 0
            && key.volume <= Self.pilotMaximumGB
            && group.services.allSatisfy { services[$0].strategy != .repurchase && services[$0].strategy != .refactor }
    }

    // MARK: - The order of groups

    /// Each group's key, lead time (days from the start) and effort (person-days), for the order and the rough clock.
    struct Ranking {
        var keys: [GroupKey]
        var leadDays: [Int]
        var efforts: [Double]
    }

    func ranking(dependantCount: [Int]) -> Ranking {
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
        var ranking = Ranking(keys: [], leadDays: [Int](repeating: 0, count: groups.count),
                              efforts: [Double](repeating: 0, count: groups.count))
        ranking.keys = groups.indices.map { index -> GroupKey in
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
            ranking.leadDays[index] = lead
            ranking.efforts[index] = effort
            return GroupKey(
                siteDeadline: siteDeadlines[index], contractDeadline: contractDeadlines[index],
                // By quarter: a safety case done during the landing zone does not reorder anything.
                ready: lead / 91, criticality: criticality, dependants: dependantCount[index], volume: Int(volume),
                score: members.isEmpty ? 0 : score, idRank: idRank[index])
        }
        return ranking
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

    // MARK: - The dependency graph

    /// Who waits on whom among the groups still to place (the foundation's are placed already), and how many
    /// groups depend on each, for the order.
    struct Graph {
        /// For each group, the groups that depend on it and are still to place.
        var dependents: [[Int]]
        /// For each group, how many of the groups it depends on are not yet placed.
        var waiting: [Int]
        /// For each group, how many groups depend on it, the foundation's included.
        var dependantCount: [Int]

        init(_ groups: [MoveGroup], foundation: Set<Int>) {
            dependents = [[Int]](repeating: [], count: groups.count)
            waiting = [Int](repeating: 0, count: groups.count)
            for (group, move) in groups.enumerated() where !foundation.contains(group) {
                let open = move.dependsOn.filter { !foundation.contains($0) }
                waiting[group] = open.count
                for target in open { dependents[target].append(group) }
            }
            dependantCount = [Int](repeating: 0, count: groups.count)
            for (group, move) in groups.enumerated() {
                for target in move.dependsOn where target != group { dependantCount[target] += 1 }
            }
        }

        /// Records `group` as placed; returns the groups that now wait on nothing.
        mutating func place(_ group: Int) -> [Int] {
            var released: [Int] = []
            for dependent in dependents[group] {
                waiting[dependent] -= 1
                if waiting[dependent] == 0 { released.append(dependent) }
            }
            return released
        }
    }

    // MARK: - The wave being filled

    /// The wave being filled: its groups, and its totals against the caps.
    struct OpenWave {
        /// What one group would add to a wave.
        struct Member {
            var services: Int
            var servers: Int
            var clinical: Int
            var key: GroupKey
            var effort: Double
        }

        var groups: [Int] = []
        var services = 0
        var servers = 0
        var clinical = 0
        /// Whether a group in it moves off a closing site.
        var leavesSite = false
        /// The latest quarter in which a member's lead times run out.
        var ready = 0
        /// Person-days of work, and GB of data to copy, for the rough clock.
        var effort = 0.0
        var dataGB = 0.0

        /// Whether `member` joins this wave rather than starting the next: within every cap (the pilot's service
        /// cap is smaller); not a group staying on a site while this wave empties a closing one (its work and data
        /// would only make the wave later for the lease); and not a group whose lead time (a procurement, a DPIA),
        /// still running by the rough clock, runs out a quarter or more after this wave's members are ready.
        func admits(_ member: Member, pilot: Bool, stillWaiting: Bool, _ assumptions: Assumptions) -> Bool {
            let serviceCap = pilot ? min(Effort.pilotServices, assumptions.maxServicesPerWave)
                : assumptions.maxServicesPerWave
            let leaves = member.key.siteDeadline != Int.max
            return services + member.services <= serviceCap
                && servers + member.servers <= assumptions.maxServersPerWave
                && clinical + member.clinical <= assumptions.maxPatientCriticalPerWave
                && !(leavesSite && !leaves)
                && !(member.key.ready > ready && stillWaiting)
        }

        mutating func add(_ group: Int, _ member: Member) {
            groups.append(group)
            services += member.services
            servers += member.servers
            clinical += member.clinical
            leavesSite = leavesSite || member.key.siteDeadline != Int.max
            ready = max(ready, member.key.ready)
            effort += member.effort
            dataGB += Double(member.key.volume)
        }
    }
}
/// Orders groups for the waves (see `WaveAssignment`): site exit, ready quarter, contract end, criticality,
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

/// A move group ready to be placed, in the order `WaveAssignment` takes them: by its key, then by its index.
/// The order is total (no two groups share an `idRank`, and the index breaks any tie besides), so the heap hands
/// groups out in the same order on every run whatever its internal layout.
struct ReadyGroup: Comparable {
    let key: GroupKey
    let group: Int

    static func < (a: ReadyGroup, b: ReadyGroup) -> Bool {
        a.key != b.key ? a.key < b.key : a.group < b.group
    }
}
