import Assessment
import CloudFirstCore
import Foundation
@testable import Planning
import Reporting
import Testing

/// How deadlines order the waves, how the schedule dates them, and what the plan says when a date is at risk.
@Suite struct TimelineTests {
    static let head = "cloudfirst: 1\norganisation: { name: Timeline Trust }\n"

    /// The wave of a service, by id.
    static func wave(_ id: String, in plan: MigrationPlan) throws -> Int {
        let index = try #require(plan.estate.serviceIndex[id])
        return try #require(plan.waveOfService[index])
    }

    /// A service whose site closes pulls what it depends on forward: 'need' has a dependant, so without the site's
    /// urgency 'other' (no dependants, otherwise alike) would go first.
    @Test func aSiteExitPullsItsDependenciesForward() throws {
        let plan = Plans.plan(try Plans.load(Self.head + """
            assumptions: { start_date: 2027-01-04, max_services_per_wave: 1, freeze_windows: [] }
            sites: [{ id: dc1, name: DC }, { id: old, name: Closing room, lease_ends: 2027-12-31 }]
            servers:
              - { id: s1, site: dc1, os: Windows Server 2022 }
              - { id: s2, site: dc1, os: Windows Server 2022 }
              - { id: s3, site: old, os: Windows Server 2022 }
            services:
              - { id: need, name: Needed, criticality: business-critical, servers: [s1] }
              - { id: other, name: Other, criticality: business-critical, servers: [s2] }
              - { id: exit, name: Exit, criticality: business-critical, servers: [s3], depends_on: [need] }
            """))
        #expect(try Self.wave("need", in: plan) < Self.wave("other", in: plan))
        #expect(try Self.wave("exit", in: plan) < Self.wave("other", in: plan))
    }

    /// A repurchase whose contract ends within the horizon orders by that date, and so does what it depends on;
    /// the same contract end on a service that is not repurchased orders nothing.
    @Test func aRepurchaseContractEndPullsItsDependenciesForward() throws {
        func plan(_ strategy: String) throws -> MigrationPlan {
            Plans.plan(try Plans.load(Self.head + """
                assumptions: { start_date: 2027-01-04, max_services_per_wave: 1, freeze_windows: [] }
                sites: [{ id: dc1, name: DC }]
                servers:
                  - { id: s1, site: dc1, os: Windows Server 2022 }
                  - { id: s2, site: dc1, os: Windows Server 2022 }
                  - { id: s3, site: dc1, os: Windows Server 2022 }
                services:
                  - { id: need, name: Needed, criticality: business-critical, servers: [s1] }
                  - { id: other, name: Other, criticality: business-critical, servers: [s2] }
                  - { id: saas, name: SaaS, criticality: business-critical, servers: [s3], depends_on: [need],
                      supplier: { saas: available }, contract_ends: 2027-09-30, strategy: \(strategy) }
                """))
        }
        let repurchase = try plan("repurchase")
        #expect(repurchase.assessment.services[2].strategy == .repurchase)
        #expect(try Self.wave("need", in: repurchase) < Self.wave("other", in: repurchase))
        let rehost = try plan("rehost")
        #expect(rehost.assessment.services[2].strategy == .rehost)
        #expect(try Self.wave("other", in: rehost) < Self.wave("need", in: rehost))
    }

    /// A site exit and a contract end met on likely dates but not on pessimistic ones are named as milder risks;
    /// a service late on likely dates is named once, with the likely risk only.
    @Test func siteExitsAndContractsAreCheckedOnPessimisticDatesToo() throws {
        // At 100 Mbit/s, 21,600 GB takes 20 days to copy (likely) and 40 (pessimistic); 43,200 GB twice that.
        let plan = Plans.plan(try Plans.load(Self.head + """
            assumptions: { start_date: 2027-01-04, max_services_per_wave: 1, freeze_windows: [], link_mbps: 100 }
            sites: [{ id: old, name: Closing room, lease_ends: 2027-03-31 }]
            servers:
              - { id: s1, site: old, os: Windows Server 2022 }
              - { id: s2, site: old, os: Windows Server 2022 }
            services:
              - { id: tight, name: Tight, criticality: business-operational, servers: [s1], contract_ends: 2027-03-31,
                  data: { classification: official, personal_data: none, volume_gb: 21600 } }
              - { id: late, name: Late, criticality: business-operational, servers: [s2], contract_ends: 2027-03-31,
                  data: { classification: official, personal_data: none, volume_gb: 43200 } }
            """))
        let tight = plan.waves[try Self.wave("tight", in: plan)]
        let late = plan.waves[try Self.wave("late", in: plan)]
        let lease = CalendarDate(year: 2027, month: 3, day: 31)!
        try #require(tight.end <= lease && tight.pessimisticEnd > lease && late.end > lease,
                     "the estate no longer sets up the case: \(tight.end), \(tight.pessimisticEnd), \(late.end)")
        #expect(plan.risks.contains("site 'old' closes on 2027-03-31: 'tight' meets it on likely dates but not on "
            + "pessimistic ones (\(tight.pessimisticEnd)): agree now how the lease could be extended, or where its "
            + "servers would go, in case the move runs late"), Comment(rawValue: plan.risks.joined(separator: "\n")))
        #expect(plan.risks.contains("'tight': its supplier contract ends on 2027-03-31; the move meets it on likely "
            + "dates but not on pessimistic ones (\(tight.pessimisticEnd)): agree the terms of a short extension now, "
            + "in case it is needed"))
        #expect(plan.risks.contains { $0.hasPrefix("site 'old' closes on 2027-03-31, but 'late' (\(late.end)) is") })
        #expect(plan.risks.contains { $0.hasPrefix("'late': its supplier contract ends on 2027-03-31, but it") })
        // Late on likely dates: not named again as meeting it on likely ones.
        #expect(!plan.risks.contains { $0.contains("'late'") && $0.contains("pessimistic ones") })
    }

    /// A server that keeps its operating system (rehost) and whose standard support ends between the programme's
    /// start and its wave's end is named; a replatformed one, and one whose support ended before the start (the
    /// assessment's finding already), are not.
    @Test func supportEndingBeforeAServiceMovesIsARisk() throws {
        let plan = Plans.plan(try Plans.load(Self.head + """
            assumptions: { start_date: 2026-12-07, freeze_windows: [] }
            sites: [{ id: dc1, name: DC }]
            servers:
              - { id: s1, site: dc1, os: Windows Server 2016 Standard }
              - { id: s2, site: dc1, os: Windows Server 2016 Standard }
              - { id: s3, site: dc1, os: Windows Server 2016 Standard }
              - { id: s4, site: dc1, os: Windows Server 2012 R2 }
            services:
              - { id: kept, name: Kept, servers: [s1, s2], strategy: rehost }
              - { id: rebuilt, name: Rebuilt, servers: [s3], strategy: replatform }
              - { id: older, name: Older, servers: [s4], strategy: rehost }
            """))
        let wave = plan.waves[try Self.wave("kept", in: plan)]
        try #require(wave.end > CalendarDate(year: 2027, month: 1, day: 12)!)
        let risks = plan.waves.flatMap(\.risks).filter { $0.contains("standard support ends") }
        #expect(risks == ["s1", "s2"].map { server in
            "server '\(server)' ('kept', rehost) runs Windows Server 2016 Standard, whose standard support ends on "
                + "2027-01-12, before this wave ends on \(wave.end): upgrade it first, or budget extended security "
                + "updates until it moves"
        }, Comment(rawValue: risks.joined(separator: "\n")))
    }

    /// The foundation's data is copied in the landing zone: 200 TB over 1 Gbit/s is about 19 days (38 pessimistic)
    /// more than a few GB, and the landing zone says so; under a longer circuit lead time it adds nothing.
    @Test func theLandingZoneCarriesItsFoundationsData() throws {
        func plan(volume: Int, exposure: String) throws -> MigrationPlan {
            Plans.plan(try Plans.load(Self.head + """
                assumptions: { start_date: 2027-01-04, freeze_windows: [] }
                sites: [{ id: dc1, name: DC }]
                servers:
                  - { id: b1, site: dc1, os: Windows Server 2022, role: backup }
                  - { id: a1, site: dc1, os: Windows Server 2022 }
                services:
                  - { id: backup, name: Backup, kind: backup, servers: [b1],
                      data: { classification: official-sensitive, personal_data: patient, volume_gb: \(volume) } }
                  - { id: app, name: App, servers: [a1], exposure: \(exposure) }
                """))
        }
        let small = try plan(volume: 10, exposure: "internal"), large = try plan(volume: 200_000, exposure: "internal")
        #expect(large.waves[0].services == [0])
        // 200,000 GB x 8,000 / (1,000 Mbit/s x 86,400 s) = 18.5 days, 19 counted; 10 GB counts as 1 day.
        #expect(large.waves[0].end.dayNumber - small.waves[0].end.dayNumber == 18)
        #expect(large.waves[0].pessimisticEnd.dayNumber - small.waves[0].pessimisticEnd.dayNumber == 37)
        #expect(large.waves[0].risks.contains("the foundation services' data (200 TB) takes about 19 days to copy at "
            + "1000 Mbit/s once the landing zone is built, which makes it 19 days longer (likely): seed it ahead, or "
            + "ship it on a device"), Comment(rawValue: large.waves[0].risks.joined(separator: "\n")))
        #expect(large.waves[1].start > large.waves[0].end)
        // A service reached over HSCN: the circuit's 12 weeks outlast building and copying; the copy adds nothing.
        let circuit = try plan(volume: 200_000, exposure: "hscn")
        #expect(circuit.waves[0].end == CalendarDate(year: 2027, month: 1, day: 4)!.adding(days: 12 * 7 - 1))
        #expect(!circuit.waves[0].risks.contains { $0.hasPrefix("the foundation services' data") })
    }

    /// A wave held back by several things says each, in order, with the date each moved its start to: the safety
    /// case of 'epr' (12 weeks from 2027-09-06: 2027-11-29), then the winter freeze for patient-critical services
    /// (its two weeks would run into December), then a March freeze for all (two weeks from 1 March run into it).
    @Test func aHeldBackWaveNamesEveryCauseInOrder() throws {
        let plan = Plans.plan(try Plans.load(Self.head + """
            assumptions:
              start_date: 2027-09-06
              safety_case_weeks: 12
              freeze_windows:
                - { from: "12-01", to: "02-28", applies_to: patient-critical }
                - { from: "03-10", to: "03-20", applies_to: all }
            sites: [{ id: dc1, name: DC }]
            servers:
              - { id: s1, site: dc1, os: Windows Server 2022 }
            services:
              - { id: epr, name: EPR, criticality: patient-critical, clinical_system: true, servers: [s1] }
            """))
        let wave = plan.waves[try Self.wave("epr", in: plan)]
        let natural = plan.waves[wave.number - 1].end.adding(days: 1)
        #expect(wave.start == CalendarDate(year: 2028, month: 3, day: 21)!)
        #expect(wave.delay == "starts 2028-03-21, not \(natural): it waits for the DCB0160 safety case (12 weeks) of "
            + "'epr' (to 2027-11-29); then it moves patient-critical services, which must not cut over inside the "
            + "freeze window 12-01 to 02-28 (to 2028-03-01); then it moves services, which must not cut over inside "
            + "the freeze window 03-10 to 03-20 (to 2028-03-21)")
    }

    /// Counts read as English in every plan format: one service, one server.
    @Test func countsOfOneAreSingular() throws {
        let plan = Plans.plan(try Plans.load(Self.head + """
            assumptions: { max_services_per_wave: 1, max_servers_per_wave: 1 }
            sites: [{ id: dc1, name: DC }]
            servers:
              - { id: s1, site: dc1, os: Windows Server 2022 }
            services:
              - { id: app, name: App, servers: [s1] }
            """))
        let outputs = [PlanMarkdown.render(plan, version: "test"), PlanTrackerCSV.render(plan, for: .jira),
                       PlanTrackerCSV.render(plan, for: .azureDevOps), PlanExports.mermaid(plan)]
        for output in outputs {
            #expect(!output.contains("1 services") && !output.contains("1 servers"), Comment(rawValue: output))
        }
        #expect(outputs[0].contains("from 1 service on 1 server."))
        #expect(outputs[0].contains("1 service on 1 server; "))
        #expect(outputs[0].contains("at most 1 service and 1 server a wave; the pilot at most 1 service."))
        #expect(outputs[1].contains("1 service on 1 server. Services: app."))
    }
    /// The bank holidays of each UK nation by rule, against GOV.UK's published lists: weekend substitutes included.
    @Test func bankHolidaysFollowGOVUK() {
        func days(_ year: Int, _ region: BankHolidayRegion) -> [String] {
            BankHolidays.days(in: year, region: region).map(\.description)
        }
        // GOV.UK, "UK bank holidays" (England and Wales, 2026 and 2027; Boxing Day 2026 a Saturday, Christmas 2027 a
        // Saturday and Boxing Day a Sunday).
        #expect(days(2026, .englandAndWales) == ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25",
                                                 "2026-08-31", "2026-12-25", "2026-12-28"])
        #expect(days(2027, .englandAndWales) == ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31",
                                                 "2027-08-30", "2027-12-27", "2027-12-28"])
        // Scotland: 2 January (a Saturday in 2027, so Monday 4th), no Easter Monday, the first Monday of August, St
        // Andrew's Day.
        #expect(days(2027, .scotland) == ["2027-01-01", "2027-01-04", "2027-03-26", "2027-05-03", "2027-05-31",
                                          "2027-08-02", "2027-11-30", "2027-12-27", "2027-12-28"])
        // Scotland 2023: New Year's Day a Sunday and 2 January a Monday, so the 3rd is the substitute; St Andrew's Day
        // 2025 a Sunday, so 1 December.
        #expect(days(2023, .scotland).prefix(2) == ["2023-01-02", "2023-01-03"])
        #expect(days(2025, .scotland).contains("2025-12-01"))
        // Northern Ireland adds St Patrick's Day and the Battle of the Boyne (12 July 2026 a Sunday: the 13th).
        #expect(days(2026, .northernIreland) == ["2026-01-01", "2026-03-17", "2026-04-03", "2026-04-06", "2026-05-04",
                                                 "2026-05-25", "2026-07-13", "2026-08-31", "2026-12-25",
                                                 "2026-12-28"])
        #expect(days(2026, .none).isEmpty)
    }

    /// A span of working days skips weekends, bank holidays and the trust's own non-working days.
    @Test func workingDaysSkipWeekendsAndHolidays() throws {
        var assumptions = Assumptions()
        var calendar = WorkingCalendar(assumptions)
        let monday = try #require(CalendarDate(year: 2027, month: 3, day: 1))
        #expect(calendar.span(from: monday, workingDays: 10) == 12)
        #expect(calendar.span(from: monday, workingDays: 0) == 0)
        // Good Friday and Easter Monday 2027 fall in a fortnight from Monday 22 March: two days longer.
        let easter = try #require(CalendarDate(year: 2027, month: 3, day: 22))
        #expect(calendar.span(from: easter, workingDays: 10) == 16)
        // Starting on a Saturday, work starts on Monday.
        #expect(calendar.span(from: monday.adding(days: -2), workingDays: 1) == 3)
        assumptions.bankHolidays = .none
        assumptions.nonWorkingDays = [monday.adding(days: 1)]
        calendar = WorkingCalendar(assumptions)
        #expect(calendar.span(from: easter, workingDays: 10) == 12)
        #expect(calendar.span(from: monday, workingDays: 10) == 15)
    }

    /// The landing zone's working days are the trust's to set, and its span counts working days.
    @Test func theLandingZoneDaysAreAnAssumption() throws {
        func landing(_ days: Int?) throws -> Wave {
            let set = days.map { ", landing_zone_working_days: \($0)" } ?? ""
            let plan = Plans.plan(try Plans.load(Self.head + """
                assumptions: { start_date: 2027-06-07, freeze_windows: []\(set) }
                sites: [{ id: dc1, name: DC }]
                servers: [{ id: s1, site: dc1, os: Windows Server 2022 }]
                services: [{ id: web, name: Web, servers: [s1] }]
                """))
            return try #require(plan.waves.first)
        }
        // 30 working days from Monday 7 June 2027, no bank holiday among them: six weeks less a weekend.
        #expect(try landing(nil).end.description == "2027-07-16")
        #expect(try landing(10).end.description == "2027-06-18")
        // Monday 31 May 2027 is the spring bank holiday: the same 10 days from Monday 24 May end a day later.
        let plan = Plans.plan(try Plans.load(Self.head + """
            assumptions: { start_date: 2027-05-24, freeze_windows: [], landing_zone_working_days: 10 }
            sites: [{ id: dc1, name: DC }]
            servers: [{ id: s1, site: dc1, os: Windows Server 2022 }]
            services: [{ id: web, name: Web, servers: [s1] }]
            """))
        #expect(plan.waves.first?.end.description == "2027-06-07")
    }

    /// A DPIA still to be done is a lead time: the service waits for it, and the wave says why.
    @Test func aServiceWaitsForItsDPIA() throws {
        let plan = Plans.plan(try Plans.load(Self.head + """
            assumptions: { start_date: 2027-01-04, freeze_windows: [], dpia_weeks: 20,
                           landing_zone_working_days: 5 }
            sites: [{ id: dc1, name: DC }]
            servers:
              - { id: s1, site: dc1, os: Windows Server 2022 }
              - { id: s2, site: dc1, os: Windows Server 2022 }
            services:
              - { id: open, name: Open data, servers: [s1], data: { classification: official, personal_data: none } }
              - { id: hr, name: HR, servers: [s2], data: { classification: official-sensitive, personal_data: staff } }
            """))
        let hr = plan.waves[try Self.wave("hr", in: plan)]
        let open = plan.waves[try Self.wave("open", in: plan)]
        #expect(hr.start.description == "2027-05-24")
        #expect(hr.delay?.contains("it waits for the DPIA (20 weeks) of 'hr'") == true, "\(hr.delay ?? "none")")
        #expect(hr.pessimisticStart >= CalendarDate(year: 2027, month: 1, day: 4)!.adding(days: 40 * 7))
        #expect(open.start < hr.start)
    }

    /// A wave that empties a closing site takes nothing that is not leaving one: sharing it with a large move from
    /// another room would make the exit late.
    @Test func aSiteExitWaveTakesOnlyWhatLeavesTheSite() throws {
        let plan = Plans.plan(try Plans.load(Self.head + """
            assumptions: { start_date: 2027-01-04, freeze_windows: [], link_mbps: 100, landing_zone_working_days: 5 }
            sites: [{ id: dc1, name: DC }, { id: old, name: Closing room, lease_ends: 2027-03-31 }]
            servers:
              - { id: s1, site: old, os: Windows Server 2022 }
              - { id: s2, site: dc1, os: Windows Server 2022 }
              - { id: s3, site: dc1, os: Windows Server 2022 }
            services:
              - { id: pilot, name: Pilot, criticality: administrative, servers: [s3] }
              - { id: exit, name: Exit, criticality: business-critical, servers: [s1] }
              - { id: big, name: Big, criticality: business-operational, servers: [s2],
                  data: { classification: official, personal_data: none, volume_gb: 60000 } }
            """))
        // 'exit' is too critical for the pilot, so it and 'big' are the next wave's candidates, 'exit' first.
        let exit = try Self.wave("exit", in: plan), big = try Self.wave("big", in: plan)
        #expect(try Self.wave("pilot", in: plan) == 1 && exit == 2 && big == 3)
        #expect(plan.waves[exit].end <= CalendarDate(year: 2027, month: 3, day: 31)!)
        #expect(!plan.risks.contains { $0.hasPrefix("site 'old'") }, Comment(rawValue: plan.risks.joined(separator: "\n")))
    }

    /// A site exit no order of waves can meet, because a lead time from the programme's start runs past it, says so.
    @Test func anUnmeetableSiteExitSaysWhy() throws {
        let plan = Plans.plan(try Plans.load(Self.head + """
            assumptions: { start_date: 2027-01-04, freeze_windows: [], procurement_weeks: 26 }
            sites: [{ id: old, name: Closing room, lease_ends: 2027-05-31 }]
            servers: [{ id: s1, site: old, os: Windows Server 2022 }]
            services:
              - { id: saas, name: SaaS, servers: [s1], strategy: repurchase, supplier: { saas: available } }
            """))
        let risk = try #require(plan.risks.first { $0.hasPrefix("site 'old' closes on 2027-05-31, but 'saas'") })
        #expect(risk.contains("('saas' waits for procurement (26 weeks) from the programme's start, to 2027-07-05: no "
            + "order of waves meets the date unless that work starts before the programme)"), Comment(rawValue: risk))
    }
    /// A wave does not wait a quarter for one member's procurement while the others are ready: the repurchase starts
    /// a wave of its own.
    @Test func aWaveDoesNotWaitForOneMembersLeadTime() throws {
        let plan = Plans.plan(try Plans.load(Self.head + """
            assumptions: { start_date: 2027-01-04, freeze_windows: [], landing_zone_working_days: 5 }
            sites: [{ id: dc1, name: DC }]
            servers:
              - { id: s1, site: dc1, os: Windows Server 2022 }
              - { id: s2, site: dc1, os: Windows Server 2022 }
              - { id: s3, site: dc1, os: Windows Server 2022 }
              - { id: s4, site: dc1, os: Windows Server 2022 }
              - { id: s5, site: dc1, os: Windows Server 2022 }
            services:
              - { id: a, name: A, criticality: business-critical, servers: [s1] }
              - { id: b, name: B, criticality: business-critical, servers: [s2] }
              - { id: saas, name: SaaS, criticality: business-critical, servers: [s3], strategy: repurchase,
                  supplier: { saas: available } }
              - { id: c, name: C, criticality: business-critical, servers: [s4] }
              - { id: d, name: D, criticality: business-critical, servers: [s5] }
            """))
        let saas = try Self.wave("saas", in: plan)
        for id in ["a", "b", "c", "d"] {
            let wave = try Self.wave(id, in: plan)
            #expect(wave != saas, "'\(id)' waits with the repurchase in wave \(wave)")
            #expect(plan.waves[wave].end < CalendarDate(year: 2027, month: 7, day: 5)!, "'\(id)'")
        }
        #expect(plan.waves[saas].delay?.contains("procurement (26 weeks) of 'saas'") == true)
    }

    /// A server that runs Oracle and Red Hat has its Red Hat licence counted and valued like any other: Oracle's being
    /// the trust's own does not hide it.
    @Test func anOracleServersOSLicenceIsStillCounted() throws {
        let plan = Plans.plan(try Plans.load(Self.head + """
            assumptions: { start_date: 2027-01-04 }
            sites: [{ id: dc1, name: DC }]
            servers:
              - { id: db1, site: dc1, role: database, cpu_cores: 8, memory_gb: 64, os: Red Hat Enterprise Linux 8,
                  software: [{ product: Oracle Database 19c, edition: enterprise }] }
            services: [{ id: lims, name: LIMS, servers: [db1] }]
            """))
        let rate = try #require(PriceCatalogue.embedded.licence(.rhel, on: .aws, vcpus: 8))
        let aws = try #require(plan.sizing.first?.on(.aws))
        #expect(aws.licenceLeftOut)
        #expect(abs(aws.leftOutLicenceGBP - rate.usdPerHour(vcpus: aws.vm.vcpus) * 730 * 0.75) < 0.01)
        #expect(plan.leftOutLicenceGBP(on: .aws).total == aws.leftOutLicenceGBP)
        #expect(plan.cloudCoverage.contains("licences not priced on every cloud, on 1 server"))
    }
}
