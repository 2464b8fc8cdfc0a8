@testable import Assessment
import CloudFirstCore
import Testing

/// The 7R decision table, one row at a time, and the owner's strategy kept over it.
@Suite struct StrategyDecisionTests {
    static func strategy(_ body: String, service: String = "a", asOf: CalendarDate = RuleExample.defaultAsOf)
        throws -> ServiceAssessment {
        try #require(try Estates.assess(body, asOf: asOf).service(service))
    }

    @Test func idleOrPoweredOffServersRetire() throws {
        let a = try Self.strategy("""
            servers:
              - { id: s1, site: dc1, powered_on: false }
              - { id: s2, site: dc1, utilisation: { cpu_p95: 1, memory_p95: 3 } }
            services:
              - { id: a, name: A, servers: [s1, s2], supplier: { saas: available } }
            """)
        #expect(a.recommendedStrategy == .retire)
        #expect(a.strategyReasons == ["every server is powered off or idle (CPU and memory p95 under 5%)"])
    }

    @Test func aFaxGatewayRetires() throws {
        let a = try Self.strategy("""
            servers:
              - { id: fax, site: dc1, attached_hardware: [fax-card] }
            services:
              - { id: a, name: Fax, servers: [fax] }
            """)
        #expect(a.recommendedStrategy == .retire)
    }

    @Test func saasIsRepurchased() throws {
        let a = try Self.strategy("""
            servers:
              - { id: s1, site: dc1, architecture: sparc }
            services:
              - { id: a, name: A, servers: [s1], supplier: { saas: only } }
            """)
        #expect(a.recommendedStrategy == .repurchase)
        #expect(a.strategyReasons.first?.hasPrefix("the supplier offers it only as SaaS: a procurement") == true)
        #expect(a.gates.map(\.rule) == ["repurchase-assurance"])
    }

    /// SaaS is a choice for this programme only when the contract lets the trust change: ending within the planning
    /// horizon (36 months by default, set in the policy file), or not recorded.
    @Test func repurchaseWeighsTheContractAgainstThePlanningHorizon() throws {
        let body = """
            servers:
              - { id: s1, site: dc1, os: Windows Server 2022 }
            services:
              - { id: a, name: A, servers: [s1], supplier: { saas: available }, contract_ends: CONTRACT }
            """
        let soon = try Self.strategy(body.replacingOccurrences(of: "CONTRACT", with: "2028-03-31"))
        #expect(soon.recommendedStrategy == .repurchase)
        #expect(soon.strategyReasons.first?.contains("its contract ends on 2028-03-31, within the 36-month planning "
            + "horizon: re-procure it as a service; a procurement follows") == true)
        let late = try Self.strategy(body.replacingOccurrences(of: "CONTRACT", with: "2031-03-31"))
        #expect(late.recommendedStrategy == .rehost)
        #expect(late.strategyReasons.contains("SaaS is offered, but the contract runs to 2031-03-31, beyond the "
            + "36-month planning horizon: revisit it at re-procurement"))
        var policy = Policy()
        policy.planningHorizonMonths = 12
        let shorter = try Estates.assess(body.replacingOccurrences(of: "CONTRACT", with: "2028-03-31"), policy: policy)
        #expect(shorter.service("a")?.recommendedStrategy == .rehost)
    }

    /// Directory, backup, file, print, desktops, databases and containers are platforms other services stand on:
    /// never bought again as if they were applications, whatever the supplier offers.
    @Test func platformsAreNeverRepurchased() throws {
        let assessment = try Estates.assess("""
            servers:
              - { id: dc01, site: dc1, role: infrastructure, software: [{ product: Windows Server Active Directory }] }
              - { id: bkp01, site: dc1, role: backup, software: [{ product: Veeam Backup & Replication }] }
              - { id: fs01, site: dc1, role: file }
              - { id: prn01, site: dc1, role: infrastructure, software: [{ product: PaperCut MF }] }
              - { id: vda01, site: dc1, role: vdi, software: [{ product: Citrix Virtual Delivery Agent }] }
              - { id: k8s01, site: dc1, role: application, software: [{ product: k3s }] }
              - { id: ora01, site: dc1, role: database }
              - { id: ora02, site: dc1, role: database }
            services:
              - { id: ad, name: Directory, servers: [dc01], supplier: { saas: available } }
              - { id: backup, name: Backup, servers: [bkp01], supplier: { saas: available } }
              - { id: files, name: Files, servers: [fs01], supplier: { saas: available } }
              - { id: print, name: Print, servers: [prn01], supplier: { saas: available }, latency_sensitive: true }
              - { id: vdi, name: Desktops, servers: [vda01], supplier: { saas: available } }
              - { id: apps, name: Apps, servers: [k8s01], supplier: { saas: available } }
              - { id: oracle, name: Oracle, servers: [ora01, ora02], supplier: { saas: available } }
            """)
        let expected: [(String, ServiceKind, MigrationStrategy)] = [
            ("ad", .directory, .rehost), ("backup", .backup, .replatform), ("files", .file, .replatform),
            ("print", .print, .retain), ("vdi", .vdi, .replatform), ("apps", .containerPlatform, .replatform),
            ("oracle", .databasePlatform, .replatform),
        ]
        for (id, kind, strategy) in expected {
            let service = try #require(assessment.service(id))
            #expect(service.kind == kind, "\(id)")
            #expect(!service.kindGiven)
            #expect(service.recommendedStrategy == strategy, "\(id): \(service.strategyReasons)")
        }
        #expect(assessment.service("ad")?.strategyReasons.first?.hasPrefix("directory services are extended") == true)
        #expect(assessment.service("oracle")?.strategyReasons.first?.hasPrefix("a shared database platform moves to "
            + "managed database services") == true)
    }

    /// A single application whose one server is a database server is not a shared database platform.
    @Test func oneDatabaseServerIsNotAPlatform() throws {
        let assessment = try Estates.assess("""
            servers:
              - { id: tp01, site: dc1, role: database, architecture: sparc }
              - { id: sql01, site: dc1, role: database }
            services:
              - { id: archive, name: Archive, servers: [tp01], supplier: { product: Telepath } }
              - { id: shared, name: Shared SQL, servers: [sql01], supplier: { product: SQL Server 2019 } }
            """)
        #expect(assessment.service("archive")?.kind == .application)
        #expect(assessment.service("archive")?.recommendedStrategy == .retain)
        #expect(assessment.service("shared")?.kind == .databasePlatform)
    }

    /// Support that ends between today and the programme's start is judged at the start: a server moved then would
    /// arrive unsupported. A test server's does not make the service a replatform.
    @Test func supportEndingBeforeTheProgrammeStartsReplatforms() throws {
        let body = """
            assumptions: { start_date: START }
            servers:
              - { id: app01, site: dc1, os: Windows Server 2016 }
              - { id: test01, site: dc1, environment: test, os: Windows Server 2016 }
              - { id: app02, site: dc1, os: Windows Server 2022 }
            services:
              - { id: a, name: A, servers: [app01] }
              - { id: b, name: B, servers: [app02, test01] }
            """
        let later = try Estates.assess(body.replacingOccurrences(of: "START", with: "2027-04-01"))
        let a = try #require(later.service("a"))
        #expect(a.recommendedStrategy == .replatform)
        #expect(a.strategyReasons.first?.hasPrefix("Windows Server 2016 leaves standard support on 2027-01-12") == true)
        #expect(a.strategyReasons.first?.contains("before the programme starts on 2027-04-01") == true)
        #expect(later.service("b")?.recommendedStrategy == .rehost)
        let sooner = try Estates.assess(body.replacingOccurrences(of: "START", with: "2026-12-01"))
        #expect(sooner.service("a")?.recommendedStrategy == .rehost)
    }

    /// Where nothing argues for a strategy, an owner's more modern choice is no disagreement; a service with no
    /// servers that runs on the container platform moves with it.
    @Test func theDefaultRowDoesNotArgueWithAModernChoice() throws {
        let assessment = try Estates.assess("""
            servers:
              - { id: app01, site: dc1, os: Windows Server 2022 }
              - { id: k8s01, site: dc1, os: Ubuntu 22.04, software: [{ product: k3s }] }
            services:
              - { id: dwh, name: Warehouse, servers: [app01], strategy: replatform }
              - { id: platform, name: Containers, servers: [k8s01] }
              - { id: flow, name: Patient flow, depends_on: [platform] }
              - { id: ghost, name: Ghost }
            """)
        let dwh = try #require(assessment.service("dwh"))
        #expect(dwh.recommendedStrategy == .rehost)
        #expect(!dwh.findings.contains { $0.rule == "strategy-disagreement" })
        #expect(assessment.service("flow")?.recommendedStrategy == .replatform)
        #expect(assessment.service("ghost")?.strategyReasons.first?.hasPrefix("it lists no servers") == true)
    }

    /// A repurchase leaves its servers behind: their findings weigh less, never head it and do not make it
    /// conditional. A retained service gets no hosting finding and passes no gate.
    @Test func findingsFitTheStrategyInForce() throws {
        let assessment = try Estates.assess("""
            servers:
              - { id: old, site: dc1, os: Windows Server 2012 R2, utilisation: { cpu_p95: 30, memory_p95: 40, days_sampled: 30 } }
              - { id: kept, site: dc1, os: Windows Server 2022 }
            services:
              - id: saas
                name: SaaS
                clinical_system: true
                data: { classification: official-sensitive, personal_data: patient, dpia: DPIA-1 }
                supplier: { saas: available }
                servers: [old]
              - id: onsite
                name: On site
                clinical_system: true
                strategy: retain
                data: { classification: official-sensitive, personal_data: patient }
                availability: { service_class: platinum }
                servers: [kept]
            """)
        let saas = try #require(assessment.service("saas"))
        #expect(saas.strategy == .repurchase)
        let old = try #require(saas.findings.first { $0.rule == "os-past-support" })
        #expect(old.secondaryReason == .leftBehind)
        #expect(saas.readiness == .ready)
        #expect(saas.headline?.secondaryReason == nil)
        #expect(saas.gates.map(\.rule).contains("repurchase-assurance"))
        let onsite = try #require(assessment.service("onsite"))
        #expect(onsite.readiness == .retained)
        #expect(!onsite.findings.contains { $0.rule == "multi-zone-design" })
        #expect(onsite.gates.isEmpty)
    }

    /// What a second review on a mental health and community trust found: a relocate of a physical server is held;
    /// a service already run as SaaS stays as it is; print goes to a cloud print service; an application past
    /// support is repurchased where SaaS is offered, whatever the contract; a held service on a closing site needs a
    /// home.
    @Test func secondReviewCases() throws {
        let assessment = try Estates.assess("""
            servers:
              - { id: stock01, site: dc1, platform: physical, os: Windows Server 2022 }
              - { id: prn01, site: dc1, role: infrastructure, software: [{ product: PaperCut MF }] }
              - { id: sp01, site: dc1, os: Windows Server 2022, software: [{ product: SharePoint Server 2013 }] }
              - { id: mha01, site: oak, os: Windows Server 2008 R2 }
            services:
              - { id: stock, name: Stock, servers: [stock01], strategy: relocate }
              - { id: rota, name: Rostering, supplier: { saas: only }, contract_ends: 2030-03-31 }
              - { id: print, name: Print, servers: [prn01] }
              - id: intranet
                name: Intranet
                servers: [sp01]
                supplier: { saas: available }
                contract_ends: 2033-03-31
              - { id: mha, name: MHA tracker, servers: [mha01], strategy: rehost }
            """, sites: "[{ id: dc1, name: DC }, { id: oak, name: Oakfield, lease_ends: 2028-03-31 }]")
        let stock = try #require(assessment.service("stock"))
        #expect(stock.held?.contains("relocate moves VMware VMs as they are, and server 'stock01' is physical") == true)
        let rota = try #require(assessment.service("rota"))
        #expect(rota.recommendedStrategy == .retain)
        #expect(rota.readiness == .retained)
        #expect(rota.strategyReasons.first?.contains("its contract end (2030-03-31) is when to review it") == true)
        #expect(assessment.service("print")?.recommendedStrategy == .replatform)
        let intranet = try #require(assessment.service("intranet"))
        #expect(intranet.recommendedStrategy == .repurchase)
        #expect(intranet.strategyReasons.first?.contains("the application is past support") == true)
        let mha = try #require(assessment.service("mha"))
        #expect(mha.held != nil)
        #expect(mha.findings.contains { $0.rule == "retained-on-closing-site" })
    }

    /// The inventory's kind wins over inference; a product on a minority of servers changes nothing.
    @Test func theKindIsGivenOrInferredFromMostServers() throws {
        let assessment = try Estates.assess("""
            servers:
              - { id: app01, site: dc1, software: [{ product: Veeam Agent for Windows }] }
              - { id: app02, site: dc1 }
              - { id: app03, site: dc1 }
            services:
              - { id: epr, name: EPR, servers: [app01, app02, app03] }
              - { id: shares, name: Shares, kind: file, servers: [app02] }
            """)
        #expect(assessment.service("epr")?.kind == .application)
        #expect(assessment.service("shares")?.kind == .file)
        #expect(assessment.service("shares")?.kindGiven == true)
    }

    /// A fax card on Windows Server 2003 cannot be rehosted however much its owner wants it: the owner's choice is
    /// kept, but blocked, and the plan holds the service back. A correct owner's choice is no disagreement at all.
    @Test func anOwnersStrategyAgainstABlockerIsHeld() throws {
        let assessment = try Estates.assess("""
            servers:
              - { id: fax01, site: dc1, os: Windows Server 2003, architecture: x86, attached_hardware: [fax-card] }
              - { id: k8s01, site: dc1, os: Ubuntu 22.04, software: [{ product: k3s }] }
              - { id: old, site: dc1, os: Windows Server 2008 R2 }
            services:
              - { id: fax, name: Fax, servers: [fax01], strategy: rehost }
              - { id: apps, name: Apps, servers: [k8s01], strategy: replatform }
              - { id: legacy, name: Legacy, servers: [old], strategy: replatform }
            """)
        let fax = try #require(assessment.service("fax"))
        #expect(fax.strategy == .rehost)
        #expect(fax.recommendedStrategy == .retire)
        #expect(fax.findings.contains { $0.rule == "owner-strategy-blocked" && $0.severity == .blocker })
        #expect(!fax.findings.contains { $0.rule == "strategy-disagreement" })
        #expect(fax.held?.contains("os-past-support") == true)
        #expect(fax.readiness == .notReady)
        let apps = try #require(assessment.service("apps"))
        #expect(apps.recommendedStrategy == .replatform)
        #expect(!apps.findings.contains { ["strategy-disagreement", "owner-strategy-blocked"].contains($0.rule) })
        // A replatform rebuilds off the old operating system: the owner's choice is not held, though the service
        // is not ready as it is.
        let legacy = try #require(assessment.service("legacy"))
        #expect(legacy.held == nil)
        #expect(!legacy.findings.contains { $0.rule == "owner-strategy-blocked" })
        #expect(legacy.readiness == .notReady)
    }

    @Test(arguments: [
        ("  - { id: s1, site: dc1, architecture: power }\n", "  - { id: a, name: A, servers: [s1] }\n"),
        ("  - { id: s1, site: dc1, attached_hardware: [modality-link] }\n",
         "  - { id: a, name: A, servers: [s1], latency_sensitive: true }\n"),
        ("  - { id: s1, site: dc1 }\n", "  - { id: a, name: A, servers: [s1], supplier: { supported_clouds: [] } }\n"),
    ])
    func whatCannotMoveIsRetained(_ servers: String, _ services: String) throws {
        let a = try Self.strategy("servers:\n" + servers + "services:\n" + services)
        #expect(a.recommendedStrategy == .retain)
        #expect(a.strategyReasons.count == 1)
    }

    @Test func vmwareVMsOnAnEndingLeaseRelocate() throws {
        let body = """
            servers:
              - { id: s1, site: leased, platform: vmware }
            services:
              - { id: a, name: A, servers: [s1] }
            """
        let ending = try Estates.assess(body, sites: "[{ id: leased, name: Colo, lease_ends: 2027-06-30 }]")
        #expect(ending.service("a")?.recommendedStrategy == .relocate)
        let later = try Estates.assess(body, sites: "[{ id: leased, name: Colo, lease_ends: 2029-06-30 }]")
        #expect(later.service("a")?.recommendedStrategy == .rehost)
    }

    @Test func pastSupportReplatforms() throws {
        let a = try Self.strategy("""
            servers:
              - { id: s1, site: dc1, os: Windows Server 2012 R2 }
            services:
              - { id: a, name: A, servers: [s1] }
            """)
        #expect(a.recommendedStrategy == .replatform)
        #expect(a.strategyReasons == ["Windows Server 2012 R2 has had no security updates since 2026-10-13"])
        // The same server a year earlier was on paid ESU, not past support: rehost.
        let earlier = try Self.strategy("""
            servers:
              - { id: s1, site: dc1, os: Windows Server 2012 R2 }
            services:
              - { id: a, name: A, servers: [s1] }
            """, asOf: Estates.date("2025-11-25"))
        #expect(earlier.recommendedStrategy == .rehost)
    }

    @Test func theOwnersStrategyIsKeptAndTheDisagreementIsAFinding() throws {
        let a = try Self.strategy("""
            servers:
              - { id: s1, site: dc1, powered_on: false }
            services:
              - { id: a, name: A, servers: [s1], strategy: rehost }
              - { id: b, name: B, servers: [s1], strategy: retire }
            """)
        #expect(a.strategy == .rehost)
        #expect(a.recommendedStrategy == .retire)
        let disagreement = try #require(a.findings.first { $0.rule == "strategy-disagreement" })
        #expect(disagreement.severity == .low)
        #expect(disagreement.location.position == SourcePosition(line: 7, column: 38))
        #expect(disagreement.message.hasPrefix("the owner's strategy is 'rehost'; the findings point to 'retire'"))
        #expect(a.held == nil)
        let b = try Self.strategy("""
            servers:
              - { id: s1, site: dc1, powered_on: false }
            services:
              - { id: b, name: B, servers: [s1], strategy: retire }
            """, service: "b")
        #expect(!b.findings.contains { $0.rule == "strategy-disagreement" })
    }

    /// The table is documented in README and `cloudfirst rules` from the same values.
    @Test func everyStrategyTheDecisionCanGiveIsInTheTable() {
        let documented = Set(StrategyDecision.table.map(\.strategy))
        #expect(documented == [.retire, .repurchase, .retain, .relocate, .replatform, .rehost])
        #expect(RuleCatalogue.text().contains("7. replatform: a production server's operating system, database or "
            + "application is past support"))
    }
}
