import Assessment
import CloudFirstCore
@testable import Planning
import Testing

/// What every plan must be, checked on every sample estate and on seeded generated ones.
@Suite struct PlanPropertyTests {
    static func check(_ plan: MigrationPlan, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let estate = plan.estate
        let assumptions = plan.assumptions

        // Every service exactly once: in one wave, retained or retired.
        var seen = [Int](repeating: 0, count: estate.services.count)
        for wave in plan.waves { for service in wave.services { seen[service] += 1 } }
        for service in plan.retained + plan.retired + plan.held { seen[service] += 1 }
        #expect(seen.allSatisfy { $0 == 1 }, "a service is missing or planned twice", sourceLocation: sourceLocation)

        // An owner's strategy that runs into a blocker is never scheduled: held, in no wave, and not sized.
        for (index, service) in plan.assessment.services.enumerated() where service.held != nil {
            #expect(plan.held.contains(index) && plan.waveOfService[index] == nil,
                    "'\(service.service.id)' is held but planned", sourceLocation: sourceLocation)
            #expect(plan.serviceCosts[index] == nil, sourceLocation: sourceLocation)
        }

        // Wave 0 is the landing zone and holds only the foundation (directory and backup); waves follow one another.
        #expect(plan.waves.first?.number == 0, sourceLocation: sourceLocation)
        for service in plan.waves.first?.services ?? [] {
            #expect([.directory, .backup].contains(plan.assessment.services[service].kind),
                    "'\(estate.services[service].id)' is in the landing zone", sourceLocation: sourceLocation)
        }
        for (earlier, later) in zip(plan.waves, plan.waves.dropFirst()) {
            #expect(later.start > earlier.end, "wave \(later.number) starts before \(earlier.number) ends",
                    sourceLocation: sourceLocation)
            #expect(later.end >= later.start, sourceLocation: sourceLocation)
        }
        // Every wave after the landing zone starts on a working day, on likely and pessimistic dates.
        var calendar = WorkingCalendar(plan.assumptions)
        for wave in plan.waves.dropFirst() {
            for day in [wave.start, wave.pessimisticStart] {
                let working = calendar.isWorking(day.dayNumber)
                #expect(working, "wave \(wave.number) starts on \(day), not a working day", sourceLocation: sourceLocation)
            }
        }

        // Dependency order: a moving dependency moves in the same wave or earlier.
        for (index, service) in estate.services.enumerated() {
            guard let wave = plan.waveOfService[index] else { continue }
            for reference in service.dependsOn {
                guard let target = estate.serviceIndex[reference.id], let dependencyWave = plan.waveOfService[target]
                else { continue }
                #expect(dependencyWave <= wave, Comment(rawValue: "'\(service.id)' (wave \(wave)) moves before its "
                    + "dependency '\(reference.id)' (wave \(dependencyWave))"), sourceLocation: sourceLocation)
            }
        }

        // Dependencies first, group by group: no group moves in a later wave than a group that depends on it.
        var waveOfGroup = [Int?](repeating: nil, count: plan.groups.count)
        for wave in plan.waves { for group in wave.groups { waveOfGroup[group] = wave.number } }
        for (group, move) in plan.groups.enumerated() {
            guard let wave = waveOfGroup[group] else { continue }
            for target in move.dependsOn {
                let dependencyWave = waveOfGroup[target]
                #expect(dependencyWave.map { $0 <= wave } ?? false, Comment(rawValue: "group \(group) (wave \(wave)) "
                    + "depends on group \(target) (wave \(dependencyWave.map(String.init) ?? "none"))"),
                        sourceLocation: sourceLocation)
            }
        }

        // A service with a site deadline has everything it depends on, directly or through other moving services,
        // moving in its wave or earlier (a dependency that stays, or is held, is the hybrid link's to carry).
        let deadlines = Timing(assessment: plan.assessment, assumptions: assumptions, start: plan.startDate,
                               serversOfService: estate.services.map { service in
                                   service.servers.compactMap { estate.serverIndex[$0.id] }
                               })
        for (index, service) in estate.services.enumerated() {
            guard let wave = plan.waveOfService[index], deadlines.siteDeadline(index) != nil else { continue }
            var seen: Set<Int> = [index], stack = [index]
            while let next = stack.popLast() {
                for reference in estate.services[next].dependsOn {
                    guard let target = estate.serviceIndex[reference.id], seen.insert(target).inserted,
                          let dependencyWave = plan.waveOfService[target] else { continue }
                    stack.append(target)
                    #expect(dependencyWave <= wave, Comment(rawValue: "'\(service.id)' must leave its site by its "
                        + "deadline (wave \(wave)) but depends on '\(reference.id)' (wave \(dependencyWave))"),
                            sourceLocation: sourceLocation)
                }
            }
        }

        // No wave that moves a service a freeze window holds back overlaps that window: its whole span, or, for a
        // wave too long to fit between the windows, its cut-over (the last two weeks). Likely and pessimistic alike.
        for wave in plan.waves where wave.number > 0 {
            let windows = assumptions.freezeWindows.filter { window in
                wave.services.contains { window.applies(to: estate.services[$0].criticality) }
            }
            for (start, end) in [(wave.start, wave.end), (wave.pessimisticStart, wave.pessimisticEnd)] {
                let days = end.dayNumber - start.dayNumber + 1
                let from = Schedule.fitsBetween(windows, days: days) ? start : end.adding(days: 1 - Schedule.cutoverDays)
                var day = from
                while day <= end {
                    #expect(!windows.contains { $0.contains(day) }, "wave \(wave.number) is inside a freeze on \(day)",
                            sourceLocation: sourceLocation)
                    day = day.adding(days: 1)
                }
            }
            // At most the cap of patient-critical services in a wave (a group larger than it has a wave of its own).
            let clinical = wave.services.filter { estate.services[$0].criticality == .patientCritical }.count
            if wave.groups.count > 1 {
                #expect(clinical <= assumptions.maxPatientCriticalPerWave,
                        Comment(rawValue: "wave \(wave.number) cuts over \(clinical) patient-critical services"),
                        sourceLocation: sourceLocation)
            }
        }

        // Every service on a site whose lease ends moves before the exit, or is named in the plan's risks.
        for (index, service) in estate.services.enumerated() {
            let exits = service.servers.compactMap { estate.server($0.id)?.site.flatMap { estate.site($0.id)?.leaseEnds } }
            guard let exit = exits.min(), let wave = plan.waveOfService[index],
                  plan.waves[wave].end > exit else { continue }
            #expect(plan.risks.contains { $0.contains("'\(service.id)' (") && $0.contains("finish moving after it") },
                    "'\(service.id)' finishes after its site closes on \(exit) and no risk says so",
                    sourceLocation: sourceLocation)
        }

        // Caps hold, except for a wave that is one group too large to fit any wave.
        for wave in plan.waves where wave.number > 0 {
            let cap = wave.number == 1 ? min(3, assumptions.maxServicesPerWave) : assumptions.maxServicesPerWave
            if wave.groups.count > 1 {
                #expect(wave.services.count <= cap, "wave \(wave.number) has \(wave.services.count) services",
                        sourceLocation: sourceLocation)
                #expect(wave.serverCount <= assumptions.maxServersPerWave, sourceLocation: sourceLocation)
            }
        }

        // Costs are never negative and add up: services to waves to the estate.
        for cloud in assumptions.targetClouds {
            let services = plan.serviceCosts.values.reduce(0) { $0 + $1[cloud] }
            let waves = plan.waveCosts.reduce(0) { $0 + $1[cloud] }
            let servers = plan.sizing.compactMap { $0.on(cloud)?.monthlyGBP }.reduce(0, +)
            #expect(plan.serviceCosts.values.allSatisfy { $0[cloud] >= 0 }, sourceLocation: sourceLocation)
            #expect(abs(services - plan.monthly[cloud]) < 0.01, sourceLocation: sourceLocation)
            #expect(abs(waves - plan.monthly[cloud]) < 0.01, sourceLocation: sourceLocation)
            #expect(abs(servers - plan.monthly[cloud]) < 0.01, sourceLocation: sourceLocation)
            #expect(plan.sizing.isEmpty || plan.monthly[cloud] > 0, sourceLocation: sourceLocation)
        }
        #expect(plan.onPremises.monthlyGBP >= 0, sourceLocation: sourceLocation)
    }

    @Test(arguments: ["northshire-acute.yaml", "riverside-mental-health.yaml", "eastvale-ics-shared.yaml"])
    func sampleEstatesPlanSoundly(_ name: String) throws {
        let plan = Plans.plan(try Plans.sample(name))
        Self.check(plan)
        #expect(plan.waves.count >= 2)
        #expect(plan.monthly[.azure] > 0)
    }

    /// Estates with every kind of service, supplier offer, contract, owner's choice and utilisation evidence.
    @Test(arguments: [11, 12, 13, 14, 15, 16])
    func variedEstatesAssessAndPlanSoundly(_ seed: Int) throws {
        let estate = try Plans.load(Plans.varied(services: 80, seed: UInt64(seed)))
        let plan = Plans.plan(estate)
        Self.check(plan)
        let assessment = plan.assessment
        #expect(assessment.services.contains { $0.held != nil }, "the generator makes owners' choices against blockers")
        for service in assessment.services {
            let id = service.service.id
            // Platforms other services stand on are never bought again as applications.
            if [.directory, .backup, .file].contains(service.kind) {
                #expect(service.recommendedStrategy != .repurchase, "\(id) (\(service.kind)) recommended repurchase")
            }
            // No utilisation evidence, no five stars.
            let servers = estate.services[estate.serviceIndex[id]!].servers.compactMap { estate.server($0.id) }
            let measured = servers.contains { $0.utilisation?.cpuP95 != nil && $0.utilisation?.memoryP95 != nil }
            if !measured { #expect(service.confidence < 5, "\(id) has no utilisation yet confidence 5") }
            // An owner's strategy that a blocker stands against is held, never silently scheduled.
            if service.service.strategy == .rehost, service.kind != .directory,
               service.findings.contains(where: { $0.weighsAs == .blocker && $0.rule != "owner-strategy-blocked" }) {
                #expect(service.held != nil, "\(id): owner's rehost against a blocker is not held")
            }
            // Retained and retired services are never reported as cloud candidates.
            if service.strategy == .retain { #expect(service.readiness == .retained) }
            if service.strategy == .retire { #expect(service.readiness == .retired) }
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func generatedEstatesPlanSoundly(_ seed: Int) throws {
        let estate = try Plans.load(Plans.generated(services: 60 + seed * 15, seed: UInt64(seed)))
        let plan = Plans.plan(estate)
        Self.check(plan)
        #expect(plan.waves.count > 3)
        #expect(plan.groups.contains { $0.services.count > 1 }, "the generator makes shared servers and cycles")
    }

    /// The same properties under tight caps and a freeze that covers most of the year.
    @Test func tightCapsAndLongFreezesHold() throws {
        let estate = try Plans.load(Plans.generated(services: 120, seed: 42))
        var assumptions = estate.assumptions
        assumptions.maxServicesPerWave = 2
        assumptions.maxServersPerWave = 3
        assumptions.teamSize = 1
        assumptions.freezeWindows = [
            FreezeWindow(from: MonthDay(month: 10, day: 1)!, to: MonthDay(month: 4, day: 30)!, appliesTo: .patientCritical),
            FreezeWindow(from: MonthDay(month: 8, day: 1)!, to: MonthDay(month: 8, day: 31)!, appliesTo: .all),
        ]
        let plan = Plans.plan(estate, assumptions: assumptions)
        Self.check(plan)
        #expect(plan.waves.contains { $0.delay != nil })
    }
}
