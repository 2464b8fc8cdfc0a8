@testable import Assessment
import CloudFirstCore
import Foundation
import Testing

/// Every rule's examples are its tests: a `.triggers` example's each `↓` is a place the rule must report, and it
/// reports nowhere else; a `.passes` example gets no finding of the rule.
@Suite struct RuleExampleTests {
    static let descriptions = RuleRegistry.standard.descriptions

    /// The lines every example sits under: a site `dc1` is always there.
    static let header = "cloudfirst: 1\norganisation: { name: Example Trust }\nsites: [{ id: dc1, name: DC }]\n"

    /// The header for an example: one that writes its own `sites:` section (which must list `dc1` too) gets no
    /// default site, since a mapping cannot hold the key twice.
    static func header(for inventory: String) -> String {
        hasOwnSites(inventory) ? "cloudfirst: 1\norganisation: { name: Example Trust }\n" : header
    }

    static func hasOwnSites(_ inventory: String) -> Bool {
        inventory.split(separator: "\n").contains { $0.hasPrefix("sites:") }
    }

    /// Something wrong with a rule's examples, and the example (or rule) to point at.
    struct Fault {
        let message: String
        let file: String
        let line: Int

        var sourceLocation: Testing.SourceLocation {
            Testing.SourceLocation(fileID: "Assessment/\(URL(fileURLWithPath: file).lastPathComponent)", filePath: file,
                                   line: line, column: 1)
        }
    }

    /// Runs each example of `description`'s rule with the rules of `registry` and says what is wrong, one fault a
    /// mistake: a `.triggers` example must mark `↓` and get a finding of the rule at each mark and nowhere else; a
    /// `.passes` example must mark nothing and get no finding of the rule. A rule that reports on none of its
    /// `.triggers` examples is one fault, not one for each example.
    static func faults(of description: RuleDescription, registry: RuleRegistry = .standard) -> [Fault] {
        let id = description.id
        var faults: [Fault] = []
        let triggering = description.examples.filter(\.triggers)
        let first = description.examples.first
        func fault(_ message: String, at example: RuleExample? = first) {
            faults.append(Fault(message: message, file: example?.file ?? #filePath, line: example?.line ?? #line))
        }
        if triggering.isEmpty { fault("\(id) has no .triggers example") }
        if triggering.count == description.examples.count { fault("\(id) has no .passes example") }
        var runs: [(example: RuleExample, expected: Set<SourcePosition>, actual: Set<SourcePosition>)] = []
        for example in description.examples {
            let (text, expected) = strip(header(for: example.inventory) + example.inventory)
            if hasOwnSites(example.inventory), !example.inventory.contains("id: dc1") {
                fault("\(id): an example's own sites must list dc1", at: example)
            }
            switch example.expectation {
            case .triggers where expected.isEmpty:
                fault("\(id): a .triggers example marks no ↓: mark each place the rule must report", at: example)
                continue
            case .passes where !expected.isEmpty:
                fault("\(id): a .passes example marks ↓ at \(describe(expected)): it must mark nothing (or be "
                      + ".triggers)", at: example)
                continue
            default:
                break
            }
            let loaded = EstateLoader.load([InventorySource(displayPath: "example.yaml",
                                                            contents: .bytes(Array(text.utf8)))])
            guard let estate = loaded.estate else {
                let problems = loaded.diagnostics.map(\.rendered).joined(separator: "; ")
                fault("\(id): example does not load: \(problems)", at: example)
                continue
            }
            let assessment = Assessor(rules: registry).assess(estate, asOf: example.asOf)
            let findings = assessment.services.flatMap { $0.findings + $0.gates }
                + assessment.unassignedServers.flatMap(\.findings)
            runs.append((example, expected, Set(findings.filter { $0.rule == id }.map(\.location.position))))
        }
        let triggeringRuns = runs.filter(\.example.triggers)
        let firesOnNothing = !triggeringRuns.isEmpty && triggeringRuns.allSatisfy(\.actual.isEmpty)
        if firesOnNothing {
            fault("\(id) fires on nothing: none of its \(triggeringRuns.count) .triggers examples got a finding of "
                  + "it (is its evaluate reporting, under this id?)", at: triggeringRuns[0].example)
        }
        for run in runs where run.actual != run.expected && !(firesOnNothing && run.example.triggers) {
            fault(run.example.triggers
                ? "\(id): expected findings at \(describe(run.expected)), found at \(describe(run.actual))"
                : "\(id): a .passes example got findings at \(describe(run.actual))", at: run.example)
        }
        return faults
    }

    @Test(arguments: descriptions.map(\.id))
    func examplesHold(_ id: String) throws {
        let description = try #require(RuleRegistry.standard.description(of: id))
        for fault in Self.faults(of: description) {
            Issue.record(Comment(rawValue: fault.message), sourceLocation: fault.sourceLocation)
        }
    }

    /// Removes each `↓` and returns where it stood: the 1-based line and column of the character after it.
    static func strip(_ text: String) -> (String, Set<SourcePosition>) {
        var out = ""
        var marks = Set<SourcePosition>()
        var line = 1, column = 1
        for character in text {
            if character == "↓" {
                marks.insert(SourcePosition(line: line, column: column))
                continue
            }
            out.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (out, marks)
    }

    static func describe(_ positions: Set<SourcePosition>) -> String {
        positions.isEmpty ? "nowhere"
            : positions.sorted().map { "\($0.line):\($0.column)" }.joined(separator: ", ")
    }
}
