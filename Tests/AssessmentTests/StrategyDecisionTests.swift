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
        #expect(a.strategyReasons == ["the supplier offers it only as SaaS"])
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
              - { id: s1, site: dc1, os: Windows Server 2003 }
            services:
              - { id: a, name: A, servers: [s1], strategy: rehost }
              - { id: b, name: B, servers: [s1], strategy: replatform }
            """)
        #expect(a.strategy == .rehost)
        #expect(a.recommendedStrategy == .replatform)
        let disagreement = try #require(a.findings.first { $0.rule == "strategy-disagreement" })
        #expect(disagreement.location.position == SourcePosition(line: 7, column: 38))
        #expect(disagreement.message.hasPrefix("the owner's strategy is 'rehost'; the findings point to 'replatform'"))
        let b = try Self.strategy("""
            servers:
              - { id: s1, site: dc1, os: Windows Server 2003 }
            services:
              - { id: b, name: B, servers: [s1], strategy: replatform }
            """, service: "b")
        #expect(!b.findings.contains { $0.rule == "strategy-disagreement" })
    }

    /// The table is documented in README and `cloudfirst rules` from the same values.
    @Test func everyStrategyTheDecisionCanGiveIsInTheTable() {
        let documented = Set(StrategyDecision.table.map(\.strategy))
        #expect(documented == [.retire, .repurchase, .retain, .relocate, .replatform, .rehost])
        #expect(RuleCatalogue.text().contains("5. replatform: a server's operating system or database is past support"))
    }
}
