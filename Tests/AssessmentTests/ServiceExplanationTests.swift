@testable import Assessment
import CloudFirstCore
import Foundation
import Testing

/// `cloudfirst explain` shows the working behind each verdict; that working must be the one the verdict came from.
@Suite struct ServiceExplanationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func sample(_ name: String) throws -> EstateAssessment {
        let loaded = EstateLoader.load(paths: [root.appendingPathComponent("Inventories/\(name)").path])
        let estate = try #require(loaded.estate)
        return Assessor().assess(estate, asOf: Estates.date("2026-11-25"))
    }

    /// Every service of every sample: the arithmetic ends on the score, the readiness reason gives the readiness, the
    /// evidence gives the confidence, and the table row named recommends the strategy recommended.
    @Test(arguments: ["northshire-acute.yaml", "riverside-mental-health.yaml", "eastvale-ics-shared.yaml"])
    func theWorkingIsTheVerdicts(_ sample: String) throws {
        let assessment = try Self.sample(sample)
        #expect(!assessment.services.isEmpty)
        for service in assessment.services {
            let explanation = try #require(ServiceExplanation(service: service.service.id, in: assessment,
                                                              policy: Policy()))
            let id = service.service.id
            #expect(explanation.arithmetic.score == service.score, "\(id)")
            #expect(Int(explanation.arithmetic.unrounded.rounded()) == service.score, "\(id)")
            #expect(explanation.arithmetic.steps.last.map { abs($0.remaining - explanation.arithmetic.unrounded) < 1e-9 }
                ?? (service.score == 100), "\(id)")
            // Every rule with a finding in force is one step, whatever the number of its findings.
            #expect(explanation.arithmetic.steps.map(\.rule) == uniqued(service.findings.map(\.rule)), "\(id)")
            #expect(explanation.arithmetic.steps.reduce(0) { $0 + $1.findings } == service.findings.count, "\(id)")
            let verdict = Scoring.readinessVerdict(service.findings, confidence: service.confidence,
                                                   service: service.service, strategy: service.strategy,
                                                   policy: Policy())
            #expect(verdict.readiness == service.readiness, "\(id)")
            #expect(explanation.evidence.stars == service.confidence, "\(id)")
            let advice = explanation.confidenceAdvice
            #expect(advice.ceiling >= service.confidence, "\(id)")
            #expect(advice.steps.isEmpty == (advice.ceiling == service.confidence), "\(id)")
            #expect((advice.limit == nil) == (advice.ceiling == 5), "\(id)")
            #expect(StrategyDecision.table[service.strategyRow - 1].strategy == service.recommendedStrategy, "\(id)")
            #expect(explanation.ownerChoiceLocation == nil || service.service.strategy != nil, "\(id)")
        }
    }

    /// Under an organisation's policy (other weights, a severity raised, a rule disabled, a higher minimum
    /// confidence) the working still ends on the score and the reason still gives the readiness.
    @Test func theWorkingFollowsThePolicy() throws {
        var policy = Policy()
        policy.weights = [.blocker: 50, .high: 20, .medium: 5, .low: 2, .info: 1]
        policy.severityOverrides = ["plaintext-interface": .high]
        policy.disabledRules = ["hscn-connectivity"]
        policy.minimumConfidence = 5
        let loaded = EstateLoader.load(paths: [Self.root.appendingPathComponent("Inventories/northshire-acute.yaml").path])
        let assessment = Assessor(policy: policy).assess(try #require(loaded.estate), asOf: Estates.date("2026-11-25"))
        let defaults = try Self.sample("northshire-acute.yaml")
        #expect(assessment.services.map(\.score) != defaults.services.map(\.score))
        for service in assessment.services {
            let explanation = try #require(ServiceExplanation(service: service.service.id, in: assessment,
                                                              policy: policy))
            #expect(explanation.arithmetic.score == service.score, "\(service.service.id)")
            #expect(!explanation.arithmetic.steps.contains { $0.rule == "hscn-connectivity" })
            #expect(Scoring.readinessVerdict(service.findings, confidence: service.confidence, service: service.service,
                                             strategy: service.strategy, policy: policy).readiness
                == service.readiness, "\(service.service.id)")
            if let step = explanation.arithmetic.steps.first(where: { $0.rule == "plaintext-interface" }),
               !step.finding.secondary {
                #expect(step.points == 20)
            }
        }
        #expect(assessment.services.contains { $0.readiness == .unknown })
    }

    /// The reason matches the verdict it explains: blockers for not-ready, high findings for conditional.
    @Test func readinessReasonsNameWhatCounts() throws {
        let assessment = try Self.sample("northshire-acute.yaml")
        for service in assessment.services {
            let explanation = try #require(ServiceExplanation(service: service.service.id, in: assessment,
                                                              policy: Policy()))
            switch (service.readiness, explanation.readinessReason) {
            case (.notReady, .blockers(let findings)):
                #expect(!findings.isEmpty && findings.allSatisfy { $0.weighsAs == .blocker })
            case (.conditional, .high(let findings)):
                #expect(!findings.isEmpty && findings.allSatisfy { $0.weighsAs == .high })
            case (.retained, .strategy(.retain)), (.retired, .strategy(.retire)), (.ready, .clear), (.unknown, .unknown):
                break
            default:
                Issue.record("\(service.service.id): \(service.readiness) explained by \(explanation.readinessReason)")
            }
        }
    }

    /// A service missing evidence is told what would raise its confidence, by the inventory's field names.
    @Test func confidenceNamesTheMissingEvidence() throws {
        let assessment = try Estates.assess("""
            servers:
              - { id: s1, site: dc1, os: Windows Server 2022, utilisation: { cpu_p95: 30, memory_p95: 40, days_sampled: 5 } }
            services:
              - { id: a, name: A, servers: [s1] }
            """)
        let explanation = try #require(ServiceExplanation(service: "a", in: assessment, policy: Policy()))
        #expect(assessment.service("a")?.confidence ?? 5 < 5)
        let advice = explanation.confidenceAdvice.steps.joined(separator: "\n")
        #expect(advice.contains("server 's1': CPU and memory p95 over 30 days or more (now: 5 days sampled)"), "\(advice)")
        #expect(advice.contains("owner"), "\(advice)")
        #expect(advice.contains("contract_ends"), "\(advice)")
        #expect(advice.contains("cpu_cores"), "\(advice)")
        #expect(ServiceExplanation(service: "nope", in: assessment, policy: Policy()) == nil)
    }

    /// A finding on a test server weighs one severity less in the arithmetic, and a rule counts once.
    @Test func theArithmeticWeighsNonProductionLess() {
        func finding(_ rule: String, _ severity: Severity, points: Int, secondary: Bool = false) -> Finding {
            var finding = Finding(rule: rule, severity: severity, category: .technical, subject: .service("a"),
                                  message: "", location: SourceLocation(file: "f", position: SourcePosition(line: 1,
                                                                                                          column: 1)),
                                  points: points)
            if secondary { finding.secondaryReason = .nonProduction }
            return finding
        }
        let arithmetic = Scoring.arithmetic([finding("x", .blocker, points: 40, secondary: true),
                                             finding("y", .medium, points: 4), finding("y", .medium, points: 4)],
                                            policy: Policy())
        #expect(arithmetic.steps.map(\.rule) == ["x", "y"])
        #expect(arithmetic.steps.map(\.points) == [10, 4])
        #expect(arithmetic.steps.map(\.findings) == [1, 2])
        #expect(arithmetic.score == 86)
        #expect(abs(arithmetic.unrounded - 86.4) < 1e-9)
    }

    func uniqued(_ rules: [String]) -> [String] {
        var seen = Set<String>()
        return rules.filter { seen.insert($0).inserted }
    }
}
