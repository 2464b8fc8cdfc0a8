import Assessment
import CloudFirstCore
import Foundation
import Testing

/// Gating against a baseline: only what is new since it can fail, at or above `failOn` (`low` by default).
struct BaselineGateTests {
    /// The complete service moved onto Windows Server 2008: out of support long before the as-of date.
    static let outOfSupport = Estates.complete.replacingOccurrences(of: "Windows Server 2022",
                                                                    with: "Windows Server 2008")

    @Test func aNewFindingFailsTheGate() throws {
        let before = try Estates.assess(Estates.complete)
        let after = try Estates.assess(Self.outOfSupport)
        let gate = BaselineGate(after, against: Baseline(before), policy: Policy())
        #expect(!gate.new.isEmpty)
        #expect(!gate.failing.isEmpty)
        #expect(gate.threshold == .low)
        #expect(!gate.passes)
        let count = gate.failing.count
        let findings = count == 1 ? "finding" : "findings"
        #expect(gate.failures == ["\(count) new \(findings) at or above low since the baseline"])
    }

    @Test func aBaselinedFindingPasses() throws {
        let assessment = try Estates.assess(Self.outOfSupport)
        #expect(!assessment.distinctFindings.isEmpty)
        let gate = BaselineGate(assessment, against: Baseline(assessment), policy: Policy())
        #expect(gate.new.isEmpty)
        #expect(gate.fixed.isEmpty)
        #expect(gate.passes)
    }

    @Test func aFixedFindingIsCountedAndPasses() throws {
        let before = try Estates.assess(Self.outOfSupport)
        let after = try Estates.assess(Estates.complete)
        let gate = BaselineGate(after, against: Baseline(before), policy: Policy())
        #expect(!gate.fixed.isEmpty)
        #expect(gate.passes)
    }

    @Test func newFindingsBelowFailOnDoNotFail() throws {
        let before = try Estates.assess(Estates.complete)
        let after = try Estates.assess(Self.outOfSupport)
        var policy = Policy()
        policy.failOn = .blocker
        let gate = BaselineGate(after, against: Baseline(before), policy: policy)
        #expect(gate.threshold == .blocker)
        #expect(gate.failing.allSatisfy { $0.severity == .blocker })
        #expect(gate.passes == gate.failing.isEmpty)
        #expect(gate.new.count >= gate.failing.count)
    }

    @Test func theScoreThresholdStillAppliesAgainstABaseline() throws {
        let assessment = try Estates.assess(Self.outOfSupport)
        var policy = Policy()
        policy.failUnder = 101
        let gate = BaselineGate(assessment, against: Baseline(assessment), policy: policy)
        #expect(gate.new.isEmpty)
        #expect(gate.failures == ["the estate's score \(assessment.score) is below 101"])
    }

    @Test func aFileThatIsNotABaselineIsInvalidInput() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-baseline-\(UUID()).json").path
        try Data("[]".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = Baseline.ReadError.notABaseline(path, expected: "a JSON object")
        #expect(throws: error) { try Baseline(contentsOf: path) }
        #expect(error.exitStatus == .invalidInput)
        #expect(error.message == "cloudfirst: '\(path)' is not a cloudfirst baseline: expected a JSON object. "
            + "Write one with --write-baseline")
    }
}
