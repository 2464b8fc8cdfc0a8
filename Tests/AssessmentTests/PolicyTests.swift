@testable import Assessment
import CloudFirstCore
import Testing

/// The organisation's policy file and the exceptions on services.
@Suite struct PolicyTests {
    static func load(_ text: String) -> (Policy?, [String]) {
        let (policy, diagnostics) = PolicyFile.load(InventorySource(displayPath: ".cloudfirst.yml",
                                                                     contents: .bytes(Array(text.utf8))))
        return (policy, diagnostics.map(\.rendered))
    }

    @Test func aPolicyFileSetsRulesWeightsAndThresholds() throws {
        let (loaded, problems) = Self.load("""
            cloudfirst: 1
            rules:
              disable: [owner-missing]
              severity: { os-support-ending: high }
            weights: { high: 20 }
            thresholds: { minimum_confidence: 3, fail_under: 60, fail_on: blocker }
            """)
        #expect(problems == [])
        let policy = try #require(loaded)
        #expect(policy.disabledRules == ["owner-missing"])
        #expect(policy.severityOverrides == ["os-support-ending": .high])
        #expect(policy.weights[.high] == 20)
        #expect(policy.weights[.blocker] == 40)
        #expect(policy.minimumConfidence == 3)
        #expect(policy.failUnder == 60)
        #expect(policy.failOn == .blocker)

        let assessment = try Estates.assess("""
            servers:
              - { id: s1, site: dc1, os: Windows Server 2016 }
            services:
              - { id: a, name: A, servers: [s1], data: { classification: official, personal_data: none } }
            """, policy: policy)
        let a = try #require(assessment.service("a"))
        #expect(!a.findings.contains { $0.rule == "owner-missing" })
        let ending = try #require(a.findings.first { $0.rule == "os-support-ending" })
        #expect(ending.severity == .high)
        #expect(a.score == 80)
    }

    /// A bad policy file is reported like an inventory: file, line, column, and a suggestion.
    @Test func aBadPolicyFileIsReportedWithPositions() {
        let (policy, problems) = Self.load("""
            cloudfirst: 1
            rules:
              disable: [owner-mising]
              severity: { os-past-support: critical }
            weights: { blocker: 400 }
            thresholds: { fail_undr: 50 }
            """)
        #expect(policy == nil)
        #expect(problems == [
            ".cloudfirst.yml:3:13: error: no rule has the id 'owner-mising'; 'cloudfirst rules' lists them; "
                + "did you mean 'owner-missing'? [unknown-rule]",
            ".cloudfirst.yml:4:32: error: 'os-past-support' must be one of 'blocker', 'high', 'medium', 'low', "
                + "'info', found 'critical' [not-a-choice]",
            ".cloudfirst.yml:5:21: error: 'blocker' must be between 0 and 100, found 400 [out-of-range]",
            ".cloudfirst.yml:6:15: error: unknown key 'fail_undr' in thresholds; did you mean 'fail_under'? "
                + "[unknown-key]",
        ])
    }

    @Test func failuresNameWhatFailed() throws {
        let assessment = try Estates.assess("""
            servers:
              - { id: s1, site: dc1, os: Windows Server 2003 }
            services:
              - { id: a, name: A, servers: [s1] }
              - { id: b, name: B, servers: [s1] }
            """)
        var policy = Policy()
        #expect(policy.failures(of: assessment) == [])
        policy.failOn = .blocker
        policy.failUnder = 90
        #expect(policy.failures(of: assessment) == [
            "the estate's score \(assessment.score) is below 90",
            "1 finding at or above blocker on 1 subject",
        ])
    }

    @Test func exceptionsAcceptFindingsUntilTheyExpire() throws {
        let body = """
            servers:
              - { id: s1, site: dc1, os: Windows Server 2012 R2 }
            services:
              - id: a
                name: A
                servers: [s1]
                exceptions:
                  - { rule: os-past-support, reason: "upgrade booked for March", until: 2027-03-31 }
            """
        let inForce = try #require(try Estates.assess(body).service("a"))
        #expect(!inForce.findings.contains { $0.rule == "os-past-support" })
        #expect(inForce.accepted.map(\.finding.rule) == ["os-past-support"])
        #expect(inForce.accepted.first?.reason == "upgrade booked for March")
        #expect(inForce.readiness != .notReady)

        let expired = try #require(try Estates.assess(body, asOf: Estates.date("2027-04-01")).service("a"))
        #expect(expired.accepted.isEmpty)
        #expect(expired.findings.contains { $0.rule == "os-past-support" })
        let lapse = try #require(expired.findings.first { $0.rule == "exception-expired" })
        #expect(lapse.location.position == SourcePosition(line: 11, column: 70))
        #expect(expired.readiness == .notReady)
    }
}
