@testable import Assessment
import CloudFirstCore
import Foundation
import Testing

/// Every rule's examples are its tests: each `↓` is a place the rule must report, and it reports nowhere else.
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

    @Test(arguments: descriptions.map(\.id))
    func examplesHold(_ id: String) throws {
        let description = try #require(RuleRegistry.standard.description(of: id))
        let triggering = description.examples.filter { $0.triggers }.count
        #expect(triggering > 0, "\(id) has no example that triggers it")
        #expect(triggering < description.examples.count, "\(id) has no example that passes")
        for example in description.examples {
            let (text, expected) = Self.strip(Self.header(for: example.inventory) + example.inventory)
            #expect(!Self.hasOwnSites(example.inventory) || example.inventory.contains("id: dc1"),
                    "\(id): an example's own sites must list dc1")
            let where_ = Testing.SourceLocation(fileID: "Assessment/\(URL(fileURLWithPath: example.file).lastPathComponent)",
                                                filePath: example.file, line: example.line, column: 1)
            let loaded = EstateLoader.load([InventorySource(displayPath: "example.yaml", contents: .bytes(Array(text.utf8)))])
            let problems = loaded.diagnostics.map(\.rendered).joined(separator: "; ")
            let estate = try #require(loaded.estate, Comment(rawValue: "example does not load: \(problems)"),
                                      sourceLocation: where_)
            let assessment = Assessor().assess(estate, asOf: example.asOf)
            let findings = assessment.services.flatMap { $0.findings + $0.gates } + assessment.unassignedServers.flatMap(\.findings)
            let actual = Set(findings.filter { $0.rule == id }.map(\.location.position))
            let message = "\(id): expected findings at \(Self.describe(expected)), found at \(Self.describe(actual))"
            #expect(actual == expected, Comment(rawValue: message), sourceLocation: where_)
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
