@testable import Assessment
import CloudFirstCore
import Testing

/// The check the rule examples' test makes, tried on rules written wrong on purpose: each mistake is one fault.
@Suite struct RuleExampleCheckTests {
    /// Reports a server whose operating system names Windows Server 2008, at its `os` key.
    struct FlagsWindows2008: ServerRule {
        static let description = RuleDescription(
            id: "test-flags-windows-2008", title: "Windows Server 2008", category: .security, severity: .high,
            rationale: "A rule written for the check's own tests.", source: "none", remediation: "none",
            examples: [
                .triggers("""
                    servers:
                      - { id: s1, site: dc1, ↓os: Windows Server 2008 }
                    """),
                .passes("""
                    servers:
                      - { id: s1, site: dc1, os: Windows Server 2022 }
                    """),
            ])

        func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
            guard server.os?.contains("2008") == true else { return }
            report.report("server '\(server.id)' runs Windows Server 2008", at: server.source, field: "os")
        }
    }

    /// Written to fire, with three examples that say it does, but it reports nothing.
    struct FiresOnNothing: ServerRule {
        static let description = RuleDescription(
            id: "test-fires-on-nothing", title: "Fires on nothing", category: .technical, severity: .low,
            rationale: "A rule written for the check's own tests.", source: "none", remediation: "none",
            examples: [
                .triggers("""
                    servers:
                      - { id: s1, site: dc1, ↓os: Windows Server 2008 }
                    """),
                .triggers("""
                    servers:
                      - { id: s1, site: dc1, ↓os: Windows Server 2003 }
                    """),
                .triggers("""
                    servers:
                      - { id: s1, site: dc1, ↓os: Windows Server 2012 }
                    """),
                .passes("""
                    servers:
                      - { id: s1, site: dc1, os: Windows Server 2022 }
                    """),
            ])

        func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {}
    }

    static let registry = RuleRegistry(serverRules: [FlagsWindows2008(), FiresOnNothing()], serviceRules: [],
                                       derivedRules: [])

    /// The same rule's description with other examples.
    static func flagsWindows2008(_ examples: [RuleExample]) -> RuleDescription {
        let rule = FlagsWindows2008.description
        return RuleDescription(id: rule.id, title: rule.title, category: rule.category, severity: rule.severity,
                               rationale: rule.rationale, source: rule.source, remediation: rule.remediation,
                               examples: examples)
    }

    @Test func examplesThatHoldHaveNoFault() {
        #expect(RuleExampleTests.faults(of: FlagsWindows2008.description, registry: Self.registry).isEmpty)
    }

    @Test func aRuleThatFiresOnNothingIsOneFault() {
        let faults = RuleExampleTests.faults(of: FiresOnNothing.description, registry: Self.registry)
        #expect(faults.map(\.message) == [
            "test-fires-on-nothing fires on nothing: none of its 3 .triggers examples got a finding of it (is its "
                + "evaluate reporting, under this id?)",
        ])
    }

    @Test func aPassesExampleWithAMarkIsOneFault() {
        let faults = RuleExampleTests.faults(of: Self.flagsWindows2008([
            FlagsWindows2008.description.examples[0],
            .passes("""
                servers:
                  - { id: s1, site: dc1, ↓os: Windows Server 2008 }
                """),
        ]), registry: Self.registry)
        #expect(faults.map(\.message) == [
            "test-flags-windows-2008: a .passes example marks ↓ at 5:26: it must mark nothing (or be .triggers)",
        ])
    }

    @Test func aTriggersExampleWithoutAMarkIsOneFault() {
        let faults = RuleExampleTests.faults(of: Self.flagsWindows2008([
            FlagsWindows2008.description.examples[0],
            .triggers("""
                servers:
                  - { id: s1, site: dc1, os: Windows Server 2022 }
                """),
            FlagsWindows2008.description.examples[1],
        ]), registry: Self.registry)
        #expect(faults.map(\.message) == [
            "test-flags-windows-2008: a .triggers example marks no ↓: mark each place the rule must report",
        ])
    }

    /// A `.passes` example the rule does report on, and a `.triggers` example reported somewhere else than marked.
    @Test func findingsWhereTheExampleSaysNoneAreFaults() {
        let faults = RuleExampleTests.faults(of: Self.flagsWindows2008([
            FlagsWindows2008.description.examples[0],
            .triggers("""
                servers:
                  - { ↓id: s1, site: dc1, os: Windows Server 2008 }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, os: Windows Server 2008 }
                """),
        ]), registry: Self.registry)
        #expect(faults.map(\.message) == [
            "test-flags-windows-2008: expected findings at 5:7, found at 5:26",
            "test-flags-windows-2008: a .passes example got findings at 5:26",
        ])
    }
}
