@testable import Assessment
import CloudFirstCore
import Testing

/// The `.cloudfirst.yml` that `cloudfirst init` writes loads without a diagnostic, equals the defaults, and names
/// every setting the policy file has.
@Suite struct StarterPolicyTests {
    static func load(_ text: String) -> (Policy?, [Diagnostic]) {
        PolicyFile.load(InventorySource(displayPath: ".cloudfirst.yml", contents: .bytes(Array(text.utf8))))
    }

    @Test func starterLoadsAsTheDefaults() throws {
        let (policy, diagnostics) = Self.load(PolicyFile.starterText)
        #expect(diagnostics.map(\.rendered) == [])
        #expect(try #require(policy) == Policy())
    }

    @Test func starterWritesEverySetting() {
        let text = PolicyFile.starterText
        for field in PolicyFile.schema.fields {
            #expect(text.contains("\n\(field.name):"), "'\(field.name)' is not written")
        }
        for (section, schema) in [("rules", PolicyFile.rules), ("weights", PolicyFile.weights),
                                  ("thresholds", PolicyFile.thresholds), ("strategy", PolicyFile.strategy)] {
            for field in schema.fields {
                #expect(text.contains("\n  \(field.name):") || text.contains("\n  # \(field.name):"),
                        "'\(section).\(field.name)' is not written")
            }
        }
    }

    @Test func commentedOutThresholdsWorkWhenUncommented() throws {
        // The settings written commented out are real keys with valid example values.
        let text = PolicyFile.starterText.replacingOccurrences(of: "# fail_under:", with: "fail_under:")
            .replacingOccurrences(of: "# fail_on:", with: "fail_on:")
        let (policy, diagnostics) = Self.load(text)
        #expect(diagnostics.map(\.rendered) == [])
        let loaded = try #require(policy)
        #expect(loaded.failUnder == 50)
        #expect(loaded.failOn == .blocker)
        #expect(loaded != Policy())
    }

    @Test func noLineIsLongerThanTheRepositorysWidth() {
        for line in PolicyFile.starterText.split(separator: "\n") { #expect(line.count <= 118, "\(line)") }
    }
}
