import Foundation
import Reporting
import Testing

/// The formats each command accepts are its registry's (Sources/Reporting), and every renderer of every registry is
/// pinned by a golden file: a format added to a registry without one fails `everyFormatIsPinned`.
@Suite struct RendererRegistryTests {
    static let asOf = ["--as-of", "2026-11-25"]
    static let example = "docs/examples/estate.yaml"
    static let small = "Tests/EndToEndTests/Fixtures/diff/after.yaml"
    static let diffSides = ["Tests/EndToEndTests/Fixtures/diff/before.yaml", small]

    /// Each command's registry, by the words that run the command.
    static let registries: [(command: [String], formats: [(identifier: String, summary: String)])] = [
        (["validate"], ValidationRenderers.all.map { ($0.identifier, $0.summary) }),
        (["assess"], AssessmentRenderers.all.map { ($0.identifier, $0.summary) }),
        (["plan"], PlanRenderers.all.map { ($0.identifier, $0.summary) }),
        (["diff"], DiffRenderers.all.map { ($0.identifier, $0.summary) }),
        (["explain"], ExplanationRenderers.all.map { ($0.identifier, $0.summary) }),
        (["rules", "list"], RuleCatalogueRenderers.all.map { ($0.identifier, $0.summary) }),
        (["schema"], SchemaRenderers.all.map { ($0.identifier, $0.summary) }),
        (["catalogue", "show"], CatalogueRenderers.all.map { ($0.identifier, $0.summary) }),
    ]

    /// One format of one command, the command line that shows it and the golden file that pins its output (a path
    /// with a folder is a file kept elsewhere in the repository, such as docs/rules.md).
    struct Pinned: Sendable, CustomTestStringConvertible {
        var command: [String]
        var format: String
        var arguments: [String]
        var golden: String
        var status: Int32 = 0
        /// The table of `validate` writes the diagnostics on stderr and the verdict on stdout: its golden holds both,
        /// stderr first.
        var withStandardError = false

        var testDescription: String { "\(command.joined(separator: " ")) --format \(format)" }
    }

    static let pinned: [Pinned] = [
        Pinned(command: ["validate"], format: "table", arguments: [example], golden: "validate-example.table.txt",
               status: 2, withStandardError: true),
        Pinned(command: ["validate"], format: "json", arguments: [example], golden: "validate-example.json", status: 2),
        Pinned(command: ["validate"], format: "sarif", arguments: [example], golden: "validate-example.sarif",
               status: 2),
        Pinned(command: ["validate"], format: "junit", arguments: [example], golden: "validate-example.junit.xml",
               status: 2),
        Pinned(command: ["validate"], format: "github", arguments: [example], golden: "validate-example.github.txt",
               status: 2),
        Pinned(command: ["assess"], format: "table", arguments: asOf, golden: "assess-sample.txt"),
        Pinned(command: ["assess"], format: "json", arguments: asOf, golden: "assess-sample.json"),
        Pinned(command: ["assess"], format: "csv", arguments: asOf, golden: "assess-sample.csv"),
        Pinned(command: ["assess"], format: "markdown", arguments: asOf, golden: "assess-sample.md"),
        Pinned(command: ["assess"], format: "sarif", arguments: [small] + asOf, golden: "assess-small.sarif"),
        Pinned(command: ["assess"], format: "junit", arguments: [small] + asOf, golden: "assess-small.junit.xml"),
        Pinned(command: ["assess"], format: "github", arguments: [small] + asOf, golden: "assess-small.github.txt"),
        Pinned(command: ["plan"], format: "table", arguments: asOf, golden: "plan-sample.txt"),
        Pinned(command: ["plan"], format: "markdown", arguments: asOf, golden: "plan-sample.md"),
        Pinned(command: ["plan"], format: "json", arguments: asOf, golden: "plan-sample.json"),
        Pinned(command: ["plan"], format: "csv", arguments: asOf, golden: "plan-sample.csv"),
        Pinned(command: ["plan"], format: "mermaid", arguments: asOf, golden: "plan-sample-mermaid.md"),
        Pinned(command: ["plan"], format: "dot", arguments: asOf, golden: "plan-sample.dot"),
        Pinned(command: ["diff"], format: "table", arguments: diffSides + asOf, golden: "diff-fixture.txt"),
        Pinned(command: ["diff"], format: "markdown", arguments: diffSides + asOf, golden: "diff-fixture.md"),
        Pinned(command: ["diff"], format: "json", arguments: diffSides + asOf, golden: "diff-fixture.json"),
        Pinned(command: ["explain"], format: "table", arguments: ["nsh-epr"] + asOf, golden: "explain-nsh-epr.txt"),
        Pinned(command: ["explain"], format: "json", arguments: ["nsh-epr"] + asOf, golden: "explain-nsh-epr.json"),
        Pinned(command: ["rules", "list"], format: "table", arguments: [], golden: "rules.txt"),
        Pinned(command: ["rules", "list"], format: "json", arguments: [], golden: "rules.json"),
        Pinned(command: ["rules", "list"], format: "markdown", arguments: [], golden: "docs/rules.md"),
        Pinned(command: ["schema"], format: "json", arguments: [], golden: "docs/inventory.schema.json"),
        Pinned(command: ["schema"], format: "markdown", arguments: [], golden: "docs/inventory-format.md"),
        // A cache folder that does not exist: the embedded catalogues, the same on every machine.
        Pinned(command: ["catalogue", "show"], format: "table", arguments: ["--cache-dir", "no-cache-here"],
               golden: "catalogue-show.txt"),
        Pinned(command: ["catalogue", "show"], format: "json", arguments: ["--cache-dir", "no-cache-here"],
               golden: "catalogue-show.json"),
    ]

    @Test func everyFormatIsPinned() {
        for (command, formats) in Self.registries {
            let pinned = Self.pinned.filter { $0.command == command }.map(\.format)
            #expect(pinned == formats.map(\.identifier), "\(command.joined(separator: " "))")
        }
        #expect(Set(Self.pinned.map(\.command)).count == Self.registries.count)
    }

    /// Identifiers name one format each, and every format says what it is for.
    @Test func identifiersAreUniqueAndEveryFormatIsDescribed() {
        for (command, formats) in Self.registries {
            #expect(Set(formats.map(\.identifier)).count == formats.count, "\(command)")
            for format in formats {
                #expect(format.identifier.wholeMatch(of: /[a-z][a-z0-9-]*/) != nil, "\(format.identifier)")
                #expect(!format.summary.isEmpty && !format.summary.contains("\n"), "\(format.identifier)")
            }
        }
    }

    @Test(arguments: pinned)
    func formatIsItsGolden(_ pinned: Pinned) throws {
        let run = try Binary.cloudfirst(pinned.command + pinned.arguments + ["--format", pinned.format],
                                        environment: ["GITHUB_STEP_SUMMARY": ""])
        #expect(run.status == pinned.status, "\(run.stderr)")
        let output = pinned.withStandardError ? run.stderr + run.stdout : run.stdout
        if pinned.golden.contains("/") {
            Golden.check(output, repositoryFile: pinned.golden)
        } else {
            Golden.check(output, pinned.golden)
        }
    }

    /// `--help` lists exactly the registry's formats, in its order, each with its summary, and names the first as
    /// the default.
    @Test func helpListsEachRegistry() throws {
        for (command, formats) in Self.registries {
            let run = try Binary.cloudfirst(command + ["--help"])
            #expect(run.status == 0)
            let lines = run.stdout.split(separator: "\n").map(String.init)
            let start = try #require(lines.firstIndex { $0.hasPrefix("  --format <format>") }, "\(command)")
            #expect(lines[start].hasSuffix("(default: \(formats[0].identifier))"), "\(lines[start])")
            var listed: [String] = []
            var text: [String: String] = [:]
            var current = ""
            for line in lines[(start + 1)...] {
                if let match = line.wholeMatch(of: /\ {8}([a-z0-9-]+) +- (.*)/) {
                    current = String(match.1)
                    listed.append(current)
                    text[current] = String(match.2)
                } else if line.hasPrefix("                 "), !current.isEmpty {
                    text[current, default: ""] += " " + line.trimmingCharacters(in: .whitespaces)
                } else {
                    break
                }
            }
            #expect(listed == formats.map(\.identifier), "\(command)")
            for format in formats {
                #expect(text[format.identifier] == format.summary, "\(command) \(format.identifier)")
            }
        }
    }

    /// A format no registry has is refused (exit 2) with the registry's formats listed, and bash completion offers
    /// them, in the registry's order.
    @Test func anUnknownFormatListsTheRegistry() throws {
        let script = try Binary.cloudfirst(["--generate-completion-script", "bash"])
        for (command, formats) in Self.registries {
            let run = try Binary.cloudfirst(command + ["--format", "pdf"])
            #expect(run.status == 2)
            // ArgumentParser lists a few values inline ('a', 'b' or 'c') and more as a bulleted list.
            let list = try #require(run.stderr.firstRange(of: "Please provide one of").map { run.stderr[$0.upperBound...] },
                                    "\(run.stderr)")
            let listed = list.matches(of: /'([a-z0-9-]+)'|\n  - ([a-z0-9-]+)/).map { String($0.1 ?? $0.2 ?? "") }
            #expect(listed == formats.map(\.identifier), "\(run.stderr)")
            let completion = "-W " + formats.map { "'\($0.identifier)'" }.joined(separator: "$'\\n'")
            #expect(script.stdout.contains(completion), "\(command): \(completion)")
        }
    }

    /// The GitHub formats' job summaries, written to GITHUB_STEP_SUMMARY, are pinned too.
    @Test(arguments: [
        (["validate", example, "--format", "github"], "validate-example.github-summary.md"),
        (["assess", small, "--format", "github"] + asOf, "assess-small.github-summary.md"),
    ])
    func jobSummaryIsPinned(_ arguments: [String], _ golden: String) throws {
        let scratch = try Scratch()
        let summary = scratch.url.appendingPathComponent("summary.md")
        _ = try Binary.cloudfirst(arguments, environment: ["GITHUB_STEP_SUMMARY": summary.path])
        Golden.check(try String(contentsOf: summary, encoding: .utf8), golden)
    }
}
