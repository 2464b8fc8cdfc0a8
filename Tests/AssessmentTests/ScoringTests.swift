@testable import Assessment
import CloudFirstCore
import Reporting
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
        // os-past-support (a blocker weighing 25) once, os-support-ending (medium 4) once: 100 x 0.75 x 0.96.
        #expect(a.score == 72)
        #expect(a.readiness == .notReady)
    }

    /// Each rule takes its share of what is left, so five blockers still rank above six, and gates cost nothing.
    @Test func eachRuleTakesItsShareOfWhatIsLeft() {
        func blocker(_ index: Int, gate: Bool = false) -> Finding {
            Finding(rule: "rule-\(index)", severity: .blocker, category: .technical, subject: .service("a"),
                    message: "", location: SourceLocation(file: "f", position: SourcePosition(line: 1, column: 1)),
                    gate: gate, points: 40)
        }
        let findings = (0..<6).map { blocker($0) }
        #expect(Scoring.score(Array(findings.prefix(2)), policy: Policy()) == 36)
        #expect(Scoring.score(Array(findings.prefix(5)), policy: Policy()) == 8)
        #expect(Scoring.score(findings, policy: Policy()) == 5)
        #expect(Scoring.score([], policy: Policy()) == 100)
        #expect(Scoring.score([blocker(0, gate: true)], policy: Policy()) == 100)
        // On a test server only, a blocker weighs as a high finding.
        var secondary = blocker(0)
        secondary.secondaryReason = .nonProduction
        #expect(Scoring.score([secondary], policy: Policy()) == 90)
    }

    /// The ranking the assessment issue asks for: a routine operating system upgrade scores above a platform that
    /// no public cloud runs, however many findings each has.
    @Test func anUpgradeRanksAboveAPlatformNoCloudRuns() throws {
        let assessment = try Estates.assess("""
            servers:
              - { id: ris01, site: dc1, os: Windows Server 2012 R2 }
              - { id: sparc01, site: dc1, os: Solaris 10, architecture: sparc }
              - id: rac01
                site: dc1
                os: Red Hat Enterprise Linux 8
                software: [{ product: Oracle Real Application Clusters, version: "19.21" }]
            services:
              - { id: ris, name: RIS, servers: [ris01] }
              - { id: archive, name: Archive, servers: [sparc01] }
              - { id: epr, name: EPR, servers: [rac01] }
            """)
        let ris = try #require(assessment.service("ris")?.score)
        let archive = try #require(assessment.service("archive")?.score)
        let epr = try #require(assessment.service("epr")?.score)
        #expect(ris > archive)
        #expect(ris > epr)
        #expect(archive > 0)
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
        // Without utilisation, a placeable OS, supplier, licensing and contract: no utilisation evidence (60% of the
        // weight) and 9 of 12 service fields with 7 of 8 server fields (81% of the other 40%) is 32.5%, two stars.
        let partial = try Estates.assess(Estates.complete
            .replacingOccurrences(of: "    utilisation: { cpu_p95: 40, memory_p95: 60, days_sampled: 30 }\n", with: "")
            .replacingOccurrences(of: "    os: Windows Server 2022\n", with: "    os: Windows NT 4\n")
            .replacingOccurrences(of: "    supplier: { name: Example Ltd, saas: none, supported_clouds: [azure, aws, gcp] }\n",
                                  with: "")
            .replacingOccurrences(of: "    licensing: { model: subscription, hardware_bound: false }\n", with: "")
            .replacingOccurrences(of: "    contract_ends: 2031-03-31\n", with: ""))
        let confidence = try #require(partial.service("app")?.confidence)
        #expect(confidence == 2)
    }

    /// Azure Migrate's stars measure performance data over the period: days sampled count, and a service with no
    /// utilisation at all never gets five stars however complete its fields.
    @Test func confidenceComesFromUtilisationEvidence() throws {
        func confidence(_ utilisation: String) throws -> Int {
            try #require(try Estates.assess(Estates.complete.replacingOccurrences(
                of: "    utilisation: { cpu_p95: 40, memory_p95: 60, days_sampled: 30 }\n",
                with: utilisation)).service("app")?.confidence)
        }
        #expect(try confidence("    utilisation: { cpu_p95: 40, memory_p95: 60, days_sampled: 90 }\n") == 5)
        // 0.6 x 0.75 + 0.4 = 85%: five stars for 7 to 29 days.
        #expect(try confidence("    utilisation: { cpu_p95: 40, memory_p95: 60, days_sampled: 14 }\n") == 5)
        // Days not given: 0.6 x 0.5 + 0.4 = 70%, four stars; under a week, 55%, three.
        #expect(try confidence("    utilisation: { cpu_p95: 40, memory_p95: 60 }\n") == 4)
        #expect(try confidence("    utilisation: { cpu_p95: 40, memory_p95: 60, days_sampled: 3 }\n") == 3)
        // Only CPU measured is no utilisation evidence.
        #expect(try confidence("    utilisation: { cpu_p95: 40, days_sampled: 30 }\n") == 2)
        #expect(try confidence("") == 2)
        // Every field filled, but nothing measured: at most four stars, whatever the weights give.
        let unmeasured = try #require(try Estates.assess(Estates.complete.replacingOccurrences(
            of: "    utilisation: { cpu_p95: 40, memory_p95: 60, days_sampled: 30 }\n", with: "")).service("app"))
        let evidence = Scoring.evidence(of: unmeasured.service, servers: [], context: AssessmentContext(
            estate: try Estates.load(Estates.complete), asOf: RuleExample.defaultAsOf))
        #expect(evidence.utilisation == 0)
        #expect(evidence.stars <= 4)
    }

    /// Retained and retired services are not cloud candidates; gates (DCB0160, the DPIA) never make a service
    /// conditional; patient data with no classification is official-sensitive.
    @Test func readinessIsAboutTechnicalState() throws {
        let assessment = try Estates.assess(Estates.complete + """

              - id: kept
                name: Kept
                strategy: retain
                data: { classification: official, personal_data: none }
                servers: [app1]
              - id: gone
                name: Gone
                strategy: retire
                servers: [app1]
              - id: clinical
                name: Clinical
                clinical_system: true
                data: { personal_data: patient }
                servers: [app1]
            """)
        #expect(assessment.service("kept")?.readiness == .retained)
        #expect(assessment.service("gone")?.readiness == .retired)
        let clinical = try #require(assessment.service("clinical"))
        #expect(clinical.gates.map(\.rule).sorted() == ["clinical-safety-dcb0160", "personal-data-without-dpia"])
        #expect(!clinical.findings.contains { $0.rule == "clinical-safety-dcb0160" })
        #expect(Scoring.classification(of: clinical.service)?.classification == .officialSensitive)
        #expect(Scoring.classification(of: clinical.service)?.derived == true)
        #expect(clinical.readiness == .ready)
    }

    /// A test server's old operating system is kept as a finding, but weighs one severity less and does not head a
    /// service that has production servers.
    @Test func nonProductionFindingsWeighLess() throws {
        let assessment = try Estates.assess(Estates.complete.replacingOccurrences(of: "    servers: [app1]",
                                                                                    with: "    servers: [app1, test1]")
            .replacingOccurrences(of: "services:\n", with: """
                  - { id: test1, site: dc1, environment: test, os: Windows Server 2012 R2, utilisation: { cpu_p95: 40, memory_p95: 60, days_sampled: 30 } }
                services:

                """))
        let app = try #require(assessment.service("app"))
        let old = try #require(app.findings.first { $0.rule == "os-past-support" })
        #expect(old.secondary)
        #expect(old.weighsAs == .high)
        #expect(app.readiness == .conditional)
        // Its production server is clean; the headline is the test server's finding, marked as such.
        #expect(app.headline?.secondary == true)
        #expect(AssessmentTable.render(AssessmentView(assessment), colour: false).contains("blocker: os-past-support (non-production)"))
        // On a service that is all test servers, nothing is secondary: they are the service.
        let only = try Estates.assess("""
            servers:
              - { id: t1, site: dc1, environment: test, os: Windows Server 2012 R2 }
            services:
              - { id: t, name: Test rig, servers: [t1] }
            """)
        #expect(only.service("t")?.findings.first { $0.rule == "os-past-support" }?.secondary == false)
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
              - { id: s3, site: dc1, os: Windows Server 2008, firmware: uefi }
              - { id: s4, site: dc1, architecture: sparc, os: Windows Server 2008 }
            services:
              - { id: a, name: A, servers: [s1, s2] }
              - { id: b, name: B, servers: [s3] }
              - { id: kept, name: Kept, servers: [s4] }
            """)
        let blockers = assessment.topBlockers
        #expect(blockers.first?.rule == "os-past-support")
        #expect(blockers.first?.services == ["a", "b"])
        #expect(blockers.map(\.rule).contains("uefi-legacy-windows"))
        // The SPARC service is retained: nothing of it moves, so its blockers stop nothing.
        #expect(assessment.service("kept")?.readiness == .retained)
        #expect(!blockers.map(\.rule).contains("architecture-not-x86"))
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
        // Full utilisation evidence and 12/12 service with 7/8 server fields is 97.5%: still five stars, but the
        // finding says what is unknown.
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
            of: "    utilisation: { cpu_p95: 40, memory_p95: 60, days_sampled: 30 }\n", with: "")).service("app"))
        #expect(without.findings.isEmpty)
        #expect(without.recommendedStrategy == .rehost)
        let confidenceWithout = try #require(try Estates.assess(Estates.complete
            .replacingOccurrences(of: "    utilisation: { cpu_p95: 40, memory_p95: 60, days_sampled: 30 }\n", with: "")
            .replacingOccurrences(of: "    contract_ends: 2031-03-31\n", with: "")
            .replacingOccurrences(of: "    licensing: { model: subscription, hardware_bound: false }\n", with: "")
            .replacingOccurrences(of: "    identity: [entra-id]\n", with: "")).service("app")?.confidence)
        // No utilisation evidence, and 9/12 with 8/8 fields: 35%, two stars.
        #expect(confidenceWithout == 2)
    }

    @Test func datesInThePastAreFindingsNotSilence() throws {
        let assessment = try Estates.assess(Estates.complete.replacingOccurrences(
            of: "contract_ends: 2031-03-31", with: "contract_ends: 2019-03-31"))
        let app = try #require(assessment.service("app"))
        #expect(app.findings.map(\.message) == ["the supplier contract ended on 2019-03-31: unless an extension is "
            + "signed, the service runs without contract terms"])
        #expect(app.findings.map(\.severity) == [.high])
        #expect(app.score == 90)
    }
}
