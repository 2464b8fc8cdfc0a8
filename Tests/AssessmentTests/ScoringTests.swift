@testable import Assessment
import CloudFirstCore
import Testing

/// How findings become a service's score, readiness and confidence, and the estate's summary.
@Suite struct ScoringTests {
    @Test func aCompleteCleanServiceIsReadyWithFullConfidence() throws {
        let assessment = try Estates.assess(Estates.complete)
        let app = try #require(assessment.service("app"))
        #expect(app.findings.map(\.rule) == [])
        #expect(app.score == 100)
        #expect(app.readiness == .ready)
        #expect(app.confidence == 5)
        #expect(app.strategy == .rehost)
    }

    /// Six servers on one old operating system are one problem: the rule costs its weight once.
    @Test func aRuleCountsOncePerServiceAtItsWorst() throws {
        let servers = (1...6).map { "  - { id: s\($0), site: dc1, os: Windows Server 2008 R2 }" }.joined(separator: "\n")
        let assessment = try Estates.assess("""
            servers:
            \(servers)
              - { id: s7, site: dc1, os: Windows Server 2016 }
            services:
              - id: a
                name: A
                owner: IT
                data: { classification: official, personal_data: none }
                servers: [s1, s2, s3, s4, s5, s6, s7]
            """)
        let a = try #require(assessment.service("a"))
        #expect(a.findings.filter { $0.rule == "os-past-support" }.count == 6)
        // os-past-support (blocker 40) once, os-support-ending (medium 4) once.
        #expect(a.score == 100 - 40 - 4)
        #expect(a.readiness == .notReady)
    }

    @Test func scoreNeverGoesBelowZero() {
        let findings = (0..<5).map { index in
            Finding(rule: "rule-\(index)", severity: .blocker, category: .technical, subject: .service("a"),
                    message: "", location: SourceLocation(file: "f", position: SourcePosition(line: 1, column: 1)))
        }
        #expect(Scoring.score(findings, weights: Policy.defaultWeights) == 0)
        #expect(Scoring.score(Array(findings.prefix(2)), weights: Policy.defaultWeights) == 20)
        #expect(Scoring.score([], weights: Policy.defaultWeights) == 100)
    }

    /// Blocker before unknown before conditional: a blocker is a verdict even on thin data.
    @Test func readinessTakesTheFirstRuleThatHolds() throws {
        let assessment = try Estates.assess("""
            servers:
              - { id: old, site: dc1, os: Windows Server 2003 }
              - { id: dongle, site: dc1, os: Windows Server 2022, attached_hardware: [usb-dongle] }
            services:
              - { id: blocked, name: B, servers: [old] }
              - { id: thin, name: T, servers: [dongle], data: { classification: official, personal_data: none } }
              - { id: unclassified, name: U, servers: [dongle] }
            """)
        #expect(assessment.service("blocked")?.readiness == .notReady)
        #expect(assessment.service("blocked")?.confidence == 1)
        #expect(assessment.service("thin")?.readiness == .unknown)
        #expect(assessment.service("unclassified")?.readiness == .unknown)
        let dongle = try Estates.assess(Estates.complete.replacingOccurrences(
            of: "    firmware: uefi\n", with: "    firmware: uefi\n    attached_hardware: [usb-dongle]\n"))
        #expect(dongle.service("app")?.findings.map(\.rule) == ["attached-usb-dongle"])
        #expect(dongle.service("app")?.readiness == .conditional)
        #expect(dongle.service("app")?.score == 90)
    }

    /// Azure Migrate's bands: a bare service on a bare server has too little data to judge.
    @Test func confidenceFollowsCompleteness() throws {
        let bare = try Estates.assess("""
            servers:
              - { id: s1, site: dc1 }
            services:
              - { id: a, name: A, servers: [s1], data: { classification: official, personal_data: none } }
              - { id: none, name: No servers }
            """)
        #expect(bare.service("a")?.confidence == 1)
        #expect(bare.service("a")?.readiness == .unknown)
        #expect(bare.service("none")?.confidence == 1)
        let complete = try Estates.assess(Estates.complete)
        #expect(complete.service("app")?.confidence == 5)
        // Without utilisation, a placeable OS, supplier, licensing and contract, the rules that read them cannot be
        // sure: 9 of 12 service fields and 7 of 10 server fields is 72.5%, four stars.
        let partial = try Estates.assess(Estates.complete
            .replacingOccurrences(of: "    utilisation: { cpu_p95: 40, memory_p95: 60 }\n", with: "")
            .replacingOccurrences(of: "    os: Windows Server 2022\n", with: "    os: Windows NT 4\n")
            .replacingOccurrences(of: "    supplier: { name: Example Ltd, saas: none, supported_clouds: [azure, aws, gcp] }\n",
                                  with: "")
            .replacingOccurrences(of: "    licensing: { model: subscription, hardware_bound: false }\n", with: "")
            .replacingOccurrences(of: "    contract_ends: 2031-03-31\n", with: ""))
        let confidence = try #require(partial.service("app")?.confidence)
        #expect(confidence == 4)
    }

    @Test func estateScoreIsWeightedByCriticality() throws {
        let assessment = try Estates.assess("""
            servers:
              - { id: old, site: dc1, os: Windows Server 2003 }
            services:
              - { id: critical, name: C, criticality: patient-critical, servers: [old] }
              - { id: admin, name: A, criticality: administrative }
            """)
        let critical = try #require(assessment.service("critical")?.score)
        let admin = try #require(assessment.service("admin")?.score)
        let expected = Int((Double(critical * 4 + admin * 1) / 5).rounded())
        #expect(assessment.score == expected)
        #expect(critical != admin)
    }

    @Test func topBlockersCountServicesNotFindings() throws {
        let assessment = try Estates.assess("""
            servers:
              - { id: s1, site: dc1, os: Windows Server 2003 }
              - { id: s2, site: dc1, os: Windows Server 2008 }
              - { id: s3, site: dc1, architecture: sparc, os: Windows Server 2008 }
            services:
              - { id: a, name: A, servers: [s1, s2] }
              - { id: b, name: B, servers: [s3] }
            """)
        let blockers = assessment.topBlockers
        #expect(blockers.first?.rule == "os-past-support")
        #expect(blockers.first?.services == ["a", "b"])
        #expect(blockers.map(\.rule).contains("architecture-not-x86"))
    }

    /// A finding on a shared server counts for every service on it, and a server in no service is reported apart.
    @Test func serverFindingsCountForEveryServiceOnTheServer() throws {
        let assessment = try Estates.assess("""
            servers:
              - { id: shared, site: dc1, os: Windows Server 2003 }
              - { id: stray, site: dc1, os: Windows Server 2003 }
            services:
              - { id: a, name: A, servers: [shared] }
              - { id: b, name: B, servers: [shared] }
            """)
        #expect(assessment.service("a")?.findings.contains { $0.rule == "os-past-support" } == true)
        #expect(assessment.service("b")?.findings.contains { $0.rule == "os-past-support" } == true)
        #expect(assessment.unassignedServers.map(\.server.id) == ["stray"])
        #expect(assessment.unassignedServers.first?.findings.map(\.rule).sorted()
            == ["os-past-support", "server-in-no-service"])
    }
}

/// What the assessment issue calls bad input: none of it crashes or scores high in silence.
@Suite struct IncompleteInputTests {
    @Test func anUnknownOperatingSystemIsAFindingAndLowersConfidence() throws {
        let known = try #require(try Estates.assess(Estates.complete).service("app"))
        let unknown = try #require(try Estates.assess(Estates.complete.replacingOccurrences(
            of: "os: Windows Server 2022", with: "os: Plan 9 from Bell Labs")).service("app"))
        #expect(unknown.findings.map(\.rule) == ["os-unrecognised"])
        #expect(unknown.findings.first?.message == "operating system 'Plan 9 from Bell Labs' is not in the lifecycle "
            + "catalogue")
        #expect(known.confidence == 5)
        // 12/12 service fields and 9/10 server fields is 95%: still five stars, but the finding says what is unknown.
        #expect(unknown.confidence == 5)
        let noOS = try #require(try Estates.assess(Estates.complete.replacingOccurrences(
            of: "    os: Windows Server 2022\n", with: "")).service("app"))
        #expect(noOS.findings.map(\.message) == ["no operating system is given"])
    }

    @Test func aServiceWithNoServersIsAFindingAndHasLowConfidence() throws {
        let assessment = try Estates.assess("""
            services:
              - id: ghost
                name: Ghost
                owner: IT
                data: { classification: official, personal_data: none }
            """)
        let ghost = try #require(assessment.service("ghost"))
        #expect(ghost.findings.map(\.rule).contains("service-without-servers"))
        #expect(ghost.confidence <= 2)
        #expect(ghost.readiness == .unknown)
    }

    @Test func missingUtilisationLowersConfidenceAndIsNeverIdle() throws {
        let without = try #require(try Estates.assess(Estates.complete.replacingOccurrences(
            of: "    utilisation: { cpu_p95: 40, memory_p95: 60 }\n", with: "")).service("app"))
        #expect(without.findings.isEmpty)
        #expect(without.recommendedStrategy == .rehost)
        let confidenceWithout = try #require(try Estates.assess(Estates.complete
            .replacingOccurrences(of: "    utilisation: { cpu_p95: 40, memory_p95: 60 }\n", with: "")
            .replacingOccurrences(of: "    contract_ends: 2031-03-31\n", with: "")
            .replacingOccurrences(of: "    licensing: { model: subscription, hardware_bound: false }\n", with: "")
            .replacingOccurrences(of: "    identity: [entra-id]\n", with: "")).service("app")?.confidence)
        // 8/12 and 8/10 is 73%: four stars.
        #expect(confidenceWithout == 4)
    }

    @Test func datesInThePastAreFindingsNotSilence() throws {
        let assessment = try Estates.assess(Estates.complete.replacingOccurrences(
            of: "contract_ends: 2031-03-31", with: "contract_ends: 2019-03-31"))
        let app = try #require(assessment.service("app"))
        #expect(app.findings.map(\.message) == ["the supplier contract ended on 2019-03-31: re-procurement can "
            + "require cloud hosting or SaaS"])
        #expect(app.score == 96)
    }
}
