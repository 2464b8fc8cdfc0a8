import Assessment
import CloudFirstCore
import Foundation
@testable import Planning
import Reporting
import Testing

@Suite struct PlannerTests {
    static let head = "cloudfirst: 1\norganisation: { name: Plan Trust }\nsites: [{ id: dc1, name: DC }]\n"

    /// A repurchase costs the subscription the inventory quotes, the same on every cloud; one with no quote is
    /// counted in the notes, and with no on-premises figure given the plan says it does not compare.
    @Test func subscriptionsArePricedAndGapsSaid() throws {
        let plan = Plans.plan(try Plans.load(Self.head + """
            servers:
              - { id: s1, site: dc1 }
              - { id: s2, site: dc1 }
            services:
              - { id: quoted, name: Q, servers: [s1], supplier: { saas: only, subscription_monthly_gbp: 1250 } }
              - { id: unquoted, name: U, servers: [s2], supplier: { saas: only } }
            """))
        let quoted = try #require(plan.serviceCosts[0])
        #expect(quoted[.azure] == 1250 && quoted[.aws] == 1250 && quoted[.gcp] == 1250)
        #expect(plan.serviceCosts[1]?[.azure] == 0)
        #expect(plan.notes.contains { $0.contains("1 subscription is not in these figures") })
        // The headline counts what it leaves out: here one repurchase with no quote.
        #expect(plan.cloudCoverage.contains("they leave out the subscriptions of 1 repurchased service with no quote, "))
        #expect(plan.notes.contains { $0.hasPrefix("No on-premises cost is given, so the plan does not compare") })
    }

    /// The headline counts the file-share storage it cannot price: GB and file servers.
    @Test func unpricedFileShareStorageIsCounted() throws {
        let plan = Plans.plan(try Plans.load(Self.head + """
            servers:
              - { id: fs1, site: dc1, role: file, os: Windows Server 2019, cpu_cores: 4, memory_gb: 16, storage_gb: 4000 }
              - { id: fs2, site: dc1, role: file, os: Windows Server 2019, cpu_cores: 4, memory_gb: 16, storage_gb: 1500 }
            services:
              - { id: files, name: Files, servers: [fs1, fs2], strategy: replatform }
            """))
        #expect(plan.cloudCoverage.contains("managed file-share storage, 5,500 GB on 2 file servers (no UK price in the "
            + "catalogue)"))
    }

    /// What a programme board asked the plan to say: a contract that ends before its service has moved, a service
    /// staying on site that depends on one that moves, and a moving service's own serious findings.
    @Test func risksABoardAskedFor() throws {
        let plan = Plans.plan(try Plans.load(Self.head + """
            assumptions: { start_date: 2027-01-04 }
            servers:
              - { id: s1, site: dc1, os: Windows Server 2022, attached_hardware: [usb-dongle] }
              - { id: s2, site: dc1, os: Windows Server 2022, architecture: sparc }
            services:
              - { id: app, name: App, servers: [s1], contract_ends: 2027-01-31 }
              - { id: old, name: Old, servers: [s2], depends_on: [app] }
            """))
        #expect(plan.risks.contains { $0.hasPrefix("'app': its supplier contract ends on 2027-01-31, but it finishes "
            + "moving on") })
        #expect(plan.risks.contains { $0.hasPrefix("'old' stays on premises but depends on 'app', which moves in wave") })
        #expect(plan.waves.flatMap(\.risks).contains { $0 == "'app' moves with a finding to deal with first: "
            + "attached-usb-dongle (high)" })
    }

    /// An application whose database platform moves a wave before it is told how long every query crosses the
    /// link, and with what dates; one that moves with its database, or depends on a service that is not a database
    /// platform, is not.
    @Test func anApplicationSplitFromItsDatabaseIsNamedWithTheDaysBetween() throws {
        let plan = Plans.plan(try Plans.load(Self.head + """
            assumptions: { start_date: 2027-01-04, max_services_per_wave: 1, freeze_windows: [] }
            servers:
              - { id: d1, site: dc1, role: database }
              - { id: a1, site: dc1 }
              - { id: w1, site: dc1 }
            services:
              - { id: db, name: Database, kind: database-platform, servers: [d1] }
              - { id: app, name: App, servers: [a1], depends_on: [db] }
              - { id: web, name: Web, servers: [w1], depends_on: [app] }
            """))
        let dbWave = try #require(plan.waves.first { $0.services.contains(0) })
        let appWave = try #require(plan.waves.first { $0.services.contains(1) })
        #expect(dbWave.number < appWave.number)
        let expected = "'app' depends on the database platform 'db', which moves in wave \(dbWave.number): from its "
            + "cut-over (\(dbWave.end)) to this wave's (\(appWave.end)), \(appWave.end.dayNumber - dbWave.end.dayNumber) "
            + "days, every query crosses the link to the cloud; measure the latency the application tolerates, or "
            + "move them in one wave"
        #expect(appWave.risks.contains(expected))
        // 'web' depends on 'app', an application: no such risk in its wave, nor anywhere but the app's.
        let split = plan.waves.flatMap { wave in wave.risks.filter { $0.contains("depends on the database platform") } }
        #expect(split == [expected])
    }

    /// A cloud's total that includes services its suppliers do not support there says how much.
    @Test func unsupportedCloudsAreSaid() throws {
        let plan = Plans.plan(try Plans.load(Self.head + """
            servers:
              - { id: s1, site: dc1, cpu_cores: 4, memory_gb: 16 }
            services:
              - { id: epr, name: EPR, servers: [s1], supplier: { supported_clouds: [azure] } }
            """))
        let aws = try #require(plan.notes.first { $0.contains("of the AWS figure") })
        #expect(aws.contains("'epr'"))
        #expect(aws.hasPrefix("GBP \(Int(plan.monthly[.aws].rounded())) a month"))
        #expect(!plan.notes.contains { $0.contains("of the Azure figure") })
        // Beside the total too, not only in a note: the headline table and the JSON say it per cloud.
        #expect(plan.unsupported(on: .aws).services == [0])
        #expect(abs(plan.unsupported(on: .aws).monthlyGBP - plan.monthly[.aws]) < 0.01)
        #expect(plan.unsupported(on: .azure).services.isEmpty)
        let markdown = PlanMarkdown.render(plan, version: "test")
        let row = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| of which services their supplier") })
        #expect(row.contains("| none |") && row.contains("(`epr`)"))
    }

    /// Licences left out of every cloud's figure (priced on one cloud only) are valued on the clouds that price them,
    /// and the headline says so; a passive DR copy of SQL Server is named as one Software Assurance may cover.
    @Test func leftOutLicencesAreValuedAndPassiveDRIsNamed() throws {
        let plan = Plans.plan(try Plans.load(Self.head + """
            servers:
              - { id: db1, site: dc1, role: database, cpu_cores: 8, memory_gb: 64, os: Windows Server 2022,
                  software: [{ product: SQL Server 2019, edition: standard }] }
              - { id: db2, site: dc1, role: database, environment: dr, cpu_cores: 8, memory_gb: 64,
                  os: Windows Server 2022, software: [{ product: SQL Server 2019, edition: standard }] }
            services:
              - { id: app, name: App, servers: [db1, db2] }
            """))
        let aws = plan.leftOutLicenceGBP(on: .aws)
        // Each server on AWS pays SQL Server Standard licence-included on every vCPU of its size: the catalogue's rate
        // per vCPU-hour, 730 hours, at 0.75 GBP per USD.
        let rate = try #require(PriceCatalogue.embedded.licence(.sqlStandard, on: .aws, vcpus: 8))
        let expected = plan.sizing.reduce(0.0) { total, sized in
            let on = sized.on(.aws)!
            return total + rate.usdPerHour(vcpus: max(4, on.vm.vcpus)) * 730 * 0.75
        }
        #expect(aws.total > 0 && abs(aws.total - expected) < 0.01 && !aws.unknown)
        // Not in any figure: the licence is not priced on Azure or Google Cloud.
        #expect(plan.sizing.allSatisfy { $0.clouds.allSatisfy { $0.licenceGBP == 0 && $0.licenceLeftOut } })
        #expect(plan.cloudCoverage.contains("worth GBP \(PlanFormatting.pounds(aws.total)) a month on AWS at the "
            + "licence-included rates in the catalogue; the catalogue has no Azure and Google Cloud rate for them, "
            + "though those clouds need them too"),
                Comment(rawValue: plan.cloudCoverage))
        let passive = try #require(plan.notes.first { $0.contains("passive DR replica") })
        #expect(passive.hasPrefix("1 of the SQL Server servers is a disaster-recovery standby"))
        // Its value on AWS, inside the left-out figure above, is said with it.
        let standby = try #require(plan.sizing.first { $0.basis == .standby }?.on(.aws))
        #expect(passive.contains("in the licence figures at GBP \(PlanFormatting.pounds(standby.leftOutLicenceGBP)) "
            + "a month on AWS"), Comment(rawValue: passive))
        // And the headline table has a row for what is left out.
        let markdown = PlanMarkdown.render(plan, version: "test")
        #expect(markdown.contains("| not in the figures: SQL Server, Red Hat and SUSE licences at licence-included "
            + "rates | no rate in the catalogue | \(PlanFormatting.pounds(aws.total)) | no rate in the catalogue | |"))
    }

    /// Storage is priced per GiB: 1,000 GB of block storage costs what 931.3 GiB does.
    @Test func storageInGBIsPricedPerGiB() throws {
        let plan = Plans.plan(try Plans.load(Self.head + """
            servers:
              - { id: s1, site: dc1, cpu_cores: 2, memory_gb: 8, storage_gb: 1000, os: Ubuntu 22.04,
                  utilisation: { cpu_p95: 20, memory_p95: 40, storage_used_percent: 50 } }
            services:
              - { id: app, name: App, servers: [s1] }
            """))
        for cloud in Cloud.allCases {
            let on = try #require(plan.sizing.first?.on(cloud))
            let block = try #require(PriceCatalogue.embedded.storage[cloud]).usdPerGBMonth
            let snapshot = try #require(PriceCatalogue.embedded.backup[cloud]).usdPerGBMonth
            #expect(abs(on.storageGBP - 1000 * gibPerGB * block * 0.75) < 0.001, "\(cloud)")
            #expect(abs(on.backupGBP - 500 * gibPerGB * snapshot * 0.75) < 0.001, "\(cloud)")
        }
    }

    @Test func sharedServersAndCyclesMakeMoveGroups() throws {
        let plan = Plans.plan(try Plans.load(Self.head + """
            servers:
              - { id: s1, site: dc1 }
              - { id: s2, site: dc1 }
              - { id: s3, site: dc1 }
            services:
              - { id: a, name: A, servers: [s1] }
              - { id: b, name: B, servers: [s1] }
              - { id: c, name: C, servers: [s2], depends_on: [d] }
              - { id: d, name: D, servers: [s3], depends_on: [c] }
              - { id: e, name: E, servers: [s3], depends_on: [a] }
            """))
        let groups = plan.groups.map { $0.services.map { plan.estate.services[$0].id } }.sorted { $0[0] < $1[0] }
        #expect(groups == [["a", "b"], ["c", "d", "e"]])
        let ab = try #require(plan.groups.first { $0.services.count == 2 })
        #expect(ab.reasons == ["they share server 's1'"])
        let cde = try #require(plan.groups.first { $0.services.count == 3 })
        #expect(cde.reasons == ["they share server 's3'", "they depend on each other in a cycle"])
        // c, d, e depend on a (through e), so their group moves in a's wave or later.
        #expect(plan.waveOfService[4]! >= plan.waveOfService[0]!)
    }

    @Test func retainedAndRetiredServicesLeaveTheWavesWithRisksForTheirDependents() throws {
        let plan = Plans.plan(try Plans.load(Self.head + """
            servers:
              - { id: old, site: dc1, powered_on: false }
              - { id: unix, site: dc1, architecture: sparc }
              - { id: s1, site: dc1 }
            services:
              - { id: gone, name: Gone, servers: [old] }
              - { id: stays, name: Stays, servers: [unix] }
              - { id: app, name: App, servers: [s1], depends_on: [gone, stays] }
            """))
        #expect(plan.retired.map { plan.estate.services[$0].id } == ["gone"])
        #expect(plan.retained.map { plan.estate.services[$0].id } == ["stays"])
        let wave = try #require(plan.wave(ofService: 2))
        #expect(wave.risks == [
            "'app' depends on 'gone', which is to be retired: replace or remove the dependency first",
            "'app' depends on 'stays', which stays on premises: hybrid connectivity (HSCN or VPN) must carry it",
        ])
    }

    /// A patient-critical wave due to start in December waits for March, and the plan says why.
    @Test func patientCriticalWavesWaitForTheWinterFreezeToEnd() throws {
        let plan = Plans.plan(try Plans.load(Self.head + """
            assumptions: { start_date: 2027-10-04, max_services_per_wave: 1 }
            servers:
              - { id: s1, site: dc1 }
              - { id: s2, site: dc1 }
              - { id: s3, site: dc1 }
            services:
              - { id: admin, name: Admin, criticality: administrative, servers: [s1] }
              - { id: ops, name: Ops, criticality: business-operational, servers: [s2] }
              - { id: epr, name: EPR, criticality: patient-critical, servers: [s3] }
            """))
        let epr = try #require(plan.wave(ofService: 2))
        #expect(epr.number == 3)
        #expect(epr.start == CalendarDate(year: 2028, month: 3, day: 1))
        let delay = try #require(epr.delay)
        #expect(delay.hasPrefix("starts 2028-03-01, not 2027-1"))
        #expect(delay.hasSuffix("it moves patient-critical services, which must not cut over inside the freeze "
            + "window 12-01 to 02-29"))
        // The whole wave, not only its start, is clear of the window.
        #expect(epr.end < CalendarDate(year: 2028, month: 12, day: 1)!)
        // The waves before it were not held: nothing they move is patient-critical.
        #expect(plan.waves.prefix(3).allSatisfy { $0.delay == nil })
    }

    /// A window for a criticality holds back that criticality and every more critical one; a service with no
    /// criticality counts as business-operational; windows that cover the year are caught before planning.
    @Test func freezeWindowsHoldBackTheirCriticalityAndAbove() {
        let window = FreezeWindow(from: MonthDay(month: 6, day: 1)!, to: MonthDay(month: 6, day: 30)!,
                                  appliesTo: .businessOperational)
        #expect(window.applies(to: .patientCritical))
        #expect(window.applies(to: .businessOperational))
        #expect(window.applies(to: nil))
        #expect(!window.applies(to: .administrative))
        let all = FreezeWindow(from: MonthDay(month: 1, day: 1)!, to: MonthDay(month: 6, day: 30)!, appliesTo: .all)
        let rest = FreezeWindow(from: MonthDay(month: 7, day: 1)!, to: MonthDay(month: 12, day: 31)!,
                                appliesTo: .patientCritical)
        #expect(FreezeWindow.blockedAllYear([all, rest]) == [.patientCritical])
        #expect(FreezeWindow.blockedAllYear([FreezeWindow.winterPressures]).isEmpty)
        let wrapping = FreezeWindow(from: MonthDay(month: 3, day: 1)!, to: MonthDay(month: 2, day: 28)!, appliesTo: .all)
        // A window written to 28 February runs to the end of February: in a leap year the 29th is frozen too.
        #expect(FreezeWindow.blockedAllYear([wrapping]) == Criticality.allCases)
        let winter = FreezeWindow.winterPressures
        #expect(winter.contains(CalendarDate(year: 2028, month: 2, day: 29)!))
        #expect(winter.firstDayAfter(CalendarDate(year: 2028, month: 2, day: 10)!) == CalendarDate(year: 2028, month: 3, day: 1)!)
        #expect(winter.firstDayAfter(CalendarDate(year: 2027, month: 2, day: 10)!) == CalendarDate(year: 2027, month: 3, day: 1)!)
    }

    @Test func theFirstWaveIsASmallLowRiskPilot() throws {
        let services = (0..<8).map { index in
            "  - { id: svc\(index), name: S\(index), servers: [s\(index)], criticality: "
                + (index < 4 ? "patient-critical" : "administrative") + " }"
        }.joined(separator: "\n")
        let servers = (0..<8).map { "  - { id: s\($0), site: dc1 }" }.joined(separator: "\n")
        let plan = Plans.plan(try Plans.load(Self.head + "servers:\n\(servers)\nservices:\n\(services)\n"))
        let pilot = plan.waves[1]
        #expect(pilot.name == "Pilot")
        #expect(pilot.services.count == 3)
        #expect(pilot.services.allSatisfy { plan.estate.services[$0].criticality == .administrative })
    }

    /// Tarjan's search keeps its own stack: 50,000 services in one chain, or one cycle, plan without overflowing the
    /// thread's stack, into one group each or one group of all. How long it takes is the benchmark's to measure
    /// (scripts/benchmark, with its linearity check), not a unit test's: a wall-clock bound fails on a busy machine.
    @Test(arguments: [false, true])
    func longChainsAndCyclesPlanWithoutOverflowingTheStack(_ cycle: Bool) throws {
        let count = 50_000
        var text = Self.head + "servers:\n  - { id: s0, site: dc1 }\nservices:\n"
        for index in 0..<count {
            let next = index + 1 < count ? "svc\(index + 1)" : (cycle ? "svc0" : "")
            text += "  - { id: svc\(index), name: S, depends_on: [\(next)] }\n"
        }
        let estate = try Plans.load(text)
        let assessment = Assessor().assess(estate, asOf: Plans.asOf)
        let plan = Planner().plan(assessment)
        if cycle {
            #expect(plan.groups.count == 1)
            #expect(plan.groups[0].services.count == count)
        } else {
            #expect(plan.groups.count == count)
            // The end of the chain (which depends on nothing) moves first.
            #expect(plan.waveOfService[count - 1]! <= plan.waveOfService[0]!)
        }
        PlanPropertyTests.check(plan)
    }

    @Test func sizingTakesTheCheapestSizeThatFitsMeasuredUse() throws {
        let estate = try Plans.load(Self.head + """
            servers:
              - id: busy
                site: dc1
                os: Windows Server 2022
                cpu_cores: 16
                memory_gb: 64
                storage_gb: 1000
                utilisation: { cpu_p95: 50, memory_p95: 50, storage_used_percent: 40 }
              - { id: unmeasured, site: dc1, os: Ubuntu 22.04, cpu_cores: 4, memory_gb: 16 }
              - { id: bare, site: dc1 }
            services:
              - { id: a, name: A, servers: [busy, unmeasured, bare] }
            """)
        let plan = Plans.plan(estate)
        let busy = try #require(plan.sizing.first { $0.serverID == "busy" })
        #expect(busy.basis == .utilisation)
        let azure = try #require(busy.on(.azure))
        // 16 cores x 50% x 1.3 = 10.4 -> 11 vCPUs; 64 GB x 50% x 1.3 = 41.6 GB = 38.7 GiB: D16s_v5 (16, 64 GiB).
        #expect(azure.neededVCPUs == 11)
        #expect(abs(azure.neededMemoryGiB - 38.74) < 0.01)
        #expect(azure.vm.sku == "Standard_D16s_v5")
        #expect(azure.windows)
        // 1.624 USD an hour (Windows) x 730 x 0.75; 1000 GB (931.3 GiB) Standard SSD x 0.075 x 0.75; 400 GB (372.5
        // GiB) of snapshots x 0.053: storage is priced per GiB.
        #expect(abs(azure.computeGBP - 1.624 * 730 * 0.75) < 0.001)
        #expect(azure.storageTier == .block && azure.disks == 1)
        #expect(abs(azure.storageGBP - 1000 * gibPerGB * 0.075 * 0.75) < 0.001)
        #expect(abs(azure.backupGBP - 400 * gibPerGB * 0.053 * 0.75) < 0.001)
        #expect(abs(azure.windowsLicenceGBP - (1.624 - 0.888) * 730 * 0.75) < 0.001)

        let unmeasured = try #require(plan.sizing.first { $0.serverID == "unmeasured" })
        #expect(unmeasured.basis == .allocation)
        #expect(unmeasured.on(.aws)?.vm.sku == "m6i.xlarge")
        #expect(unmeasured.on(.aws)?.windows == false)
        let bare = try #require(plan.sizing.first { $0.serverID == "bare" })
        #expect(bare.basis == .assumed)
        #expect(plan.notes.contains { $0.hasPrefix("1 server gives no cores or memory") })
    }

    @Test func costsComeFromTheInventoryWhenItGivesThem() throws {
        let plan = Plans.plan(try Plans.load(Self.head + """
            assumptions: { on_premises_monthly_gbp: 12500, gbp_per_usd: 0.8 }
            servers:
              - { id: s1, site: dc1, cpu_cores: 2, memory_gb: 8 }
            services:
              - { id: a, name: A, servers: [s1] }
            """))
        #expect(plan.onPremises.given)
        #expect(plan.onPremises.monthlyGBP == 12500)
        #expect(plan.fiveYear(plan.onPremises.monthlyGBP) == 750_000)
        let aws = try #require(plan.sizing.first?.on(.aws))
        #expect(abs(aws.computeGBP - 0.111 * 730 * 0.8) < 0.001)
    }

    /// The plan places an installed product as the rules do: `{product: SQL Server, version: "2014"}` is SQL Server
    /// 2014, on paid extended security updates, for the note about free ESU on Azure as for the findings.
    @Test func theExtendedSecurityUpdatesNotePlacesSoftwareAsTheRulesDo() throws {
        let plan = Plans.plan(try Plans.load(Self.head + """
            servers:
              - { id: s1, site: dc1, os: Windows Server 2022, cpu_cores: 4, memory_gb: 16,
                  software: [{ product: SQL Server, version: "2014" }] }
              - { id: s2, site: dc1, os: Windows Server 2022, cpu_cores: 4, memory_gb: 16,
                  software: [{ product: SQL Server 2014 SP3 Standard }] }
              - { id: s3, site: dc1, os: Windows Server 2022, cpu_cores: 4, memory_gb: 16,
                  software: [{ product: SQL Server, version: "2022" }] }
            services:
              - { id: a, name: A, servers: [s1, s2, s3] }
            """))
        #expect(plan.sizing.count == 3)
        let assessment = Assessor().assess(plan.estate, asOf: Plans.asOf)
        let inESU = assessment.services.flatMap(\.findings).filter { $0.rule == "database-in-extended-security-updates" }
        #expect(inESU.count == 2)
        #expect(plan.notes.contains { $0.hasPrefix("2 moving servers run Windows Server or SQL Server on paid extended "
            + "security updates") }, Comment(rawValue: plan.notes.joined(separator: "\n")))
    }

    @Test func thePriceCatalogueIsDatedAndSourced() throws {
        let catalogue = PriceCatalogue.embedded
        for cloud in Cloud.allCases {
            #expect(catalogue.vms(for: cloud).count >= 20)
            #expect(catalogue.storage[cloud] != nil)
            #expect(catalogue.backup[cloud] != nil)
            #expect(catalogue.object[cloud] != nil)
        }
        #expect(catalogue.vms.allSatisfy { !$0.source.isEmpty && !$0.dataDate.isEmpty })
        #expect(catalogue.storageRows.allSatisfy { !$0.source.isEmpty && !$0.dataDate.isEmpty })
        // The S3 Standard-IA row is the oldest (2017): the plan states that range.
        #expect(catalogue.dataDates.earliest == "2017")
        #expect(throws: PriceCatalogue.CatalogueError.header) { try PriceCatalogue(csv: "kind,cloud\n") }
        let header = "kind,cloud,region,sku,family,vcpu,memory_gib,baseline_cpu_pct,usd,windows_usd,usd_1y,usd_3y,unit,source,data_date,note\n"
        #expect(throws: PriceCatalogue.CatalogueError.row(2)) {
            try PriceCatalogue(csv: header + "vm,azure,uksouth,X,general,2,8,,-1,1,,,hour,s,2024,\n")
        }
    }
}
