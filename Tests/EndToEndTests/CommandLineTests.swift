import Foundation
import Reporting
import Testing

@Suite struct CommandLineTests {
    /// With no files, the embedded sample estate is validated.
    @Test func validateWithNoPathUsesTheEmbeddedSample() throws {
        let run = try Binary.cloudfirst(["validate"])
        #expect(run.status == 0)
        #expect(run.stdout == "valid: 1 file, 3 sites, 83 servers, 33 services\n")
        #expect(run.stderr.contains("using the embedded sample estate (Inventories/northshire-acute.yaml)"))
    }

    /// The README's quick start: `cloudfirst assess` with no files assesses the embedded sample estate.
    @Test func quickStartAssessesTheEmbeddedSample() throws {
        let run = try Binary.cloudfirst(["assess"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Northshire Hospitals NHS Foundation Trust: assessed "))
        #expect(run.stdout.contains("33 services: "))
        #expect(run.stderr.contains("using the embedded sample estate (Inventories/northshire-acute.yaml)"))
    }

    @Test func validatesTheSampleFolder() throws {
        // Three organisations' estates: read together only when asked (see MultiOrganisationTests).
        let run = try Binary.cloudfirst(["validate", "Inventories", "--combine-organisations"])
        #expect(run.status == 0)
        #expect(run.stdout == "valid: 3 files, 8 sites, 144 servers, 61 services\n")
        #expect(run.stderr.isEmpty)
    }

    /// `table` is every command's terminal default, explain's included; every command accepts the name validate's,
    /// rules' and explain's had, `text`, so one habit carries across commands.
    @Test func textIsStillAcceptedForTable() throws {
        let asOf = ["--as-of", "2026-12-01"]
        for command in [["validate", "docs/examples/estate.yaml"], ["rules"], ["assess"] + asOf, ["plan"] + asOf,
                        ["explain", "nsh-epr"] + asOf, ["diff", "docs/examples/estate.yaml", "docs/examples/estate.yaml"]] {
            let table = try Binary.cloudfirst(command)
            let text = try Binary.cloudfirst(command + ["--format", "text"])
            let named = try Binary.cloudfirst(command + ["--format", "table"])
            #expect(text.status == table.status && named.status == table.status)
            #expect(text.stdout == table.stdout && named.stdout == table.stdout)
            #expect(text.stderr == table.stderr && named.stderr == table.stderr)
            #expect(!table.stdout.isEmpty || !table.stderr.isEmpty)
        }
        // Listed as table only, in help and completion: help lists the registry's formats, each with its summary.
        let help = try Binary.cloudfirst(["rules", "list", "--help"])
        #expect(help.stdout.contains("--format <format>       The format to write. (default: table)"), "\(help.stdout)")
        for renderer in RuleCatalogueRenderers.all {
            #expect(help.stdout.contains("        \(renderer.identifier)"), "\(help.stdout)")
        }
        #expect(!help.stdout.contains("        text "), "\(help.stdout)")
    }

    @Test func helpIsPinned() throws {
        for (arguments, golden) in [(["--help"], "help.txt"), (["validate", "--help"], "validate-help.txt"),
                                    (["schema", "--help"], "schema-help.txt")] {
            let run = try Binary.cloudfirst(arguments)
            #expect(run.status == 0)
            Golden.check(run.stdout, golden)
        }
    }

    @Test func versionIsPrinted() throws {
        let run = try Binary.cloudfirst(["--version"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        // The first line is the bare version, which the release script reads; the embedded catalogues follow.
        #expect(lines.count == 4, "\(run.stdout)")
        #expect(lines[0].range(of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression) != nil)
        #expect(lines[1].range(of: #"^prices: embedded, data 20\d\d[-\d]* to 20\d\d[-\d]*$"#,
                                options: .regularExpression) != nil, "\(lines[1])")
        let catalogue = try String(contentsOf: Binary.root.appendingPathComponent("Catalogues/lifecycle.csv"),
                                   encoding: .utf8)
        let rows = catalogue.split(separator: "\n").count - 1
        #expect(lines[2] == "lifecycle: embedded, \(rows) rows")
        #expect(lines[3].isEmpty)
    }

    @Test(arguments: [["--bogus"], ["validate", "--format", "xml"], ["frobnicate"], ["schema", "extra"]])
    func wrongCommandLinesExitTwo(_ arguments: [String]) throws {
        let run = try Binary.cloudfirst(arguments)
        #expect(run.status == 2, "\(arguments)")
        #expect(run.stderr.hasPrefix("Error: "), "\(run.stderr)")
    }

    /// A misspelt subcommand is named with the nearest real one, on stderr, exit 2.
    @Test func aMisspeltSubcommandSuggestsTheNearest() throws {
        let run = try Binary.cloudfirst(["asess"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("Error: unknown subcommand 'asess' of 'cloudfirst'; did you mean 'assess'?\n"))
        let far = try Binary.cloudfirst(["frobnicate"])
        #expect(far.status == 2)
        #expect(!far.stderr.contains("did you mean"))
        #expect(far.stderr.contains("Known subcommands: validate, assess, explain, plan, generate, diff, rules, "
            + "schema, templates, init, import, catalogue, help."))
    }

    /// `help` names real subcommands only; an unknown one is an error, not the root help with exit 0.
    @Test func helpForAnUnknownSubcommandExitsTwo() throws {
        let run = try Binary.cloudfirst(["help", "nope"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("Error: unknown subcommand 'nope' of 'cloudfirst'\nKnown subcommands: validate, "))
        let nested = try Binary.cloudfirst(["help", "rules", "explian"])
        #expect(nested.status == 2)
        #expect(nested.stderr.hasPrefix("Error: unknown subcommand 'explian' of 'cloudfirst rules'; did you mean "
            + "'explain'?\nKnown subcommands: list, explain."))
        let known = try Binary.cloudfirst(["help", "rules", "explain"])
        #expect(known.status == 0)
        #expect(known.stdout.hasPrefix("OVERVIEW: Explain a rule"))
    }

    @Test func schemaIsThePublishedOne() throws {
        let run = try Binary.cloudfirst(["schema"])
        #expect(run.status == 0)
        let published = try String(contentsOf: Binary.root.appendingPathComponent("docs/inventory.schema.json"),
                                   encoding: .utf8)
        #expect(run.stdout == published)
        let markdown = try Binary.cloudfirst(["schema", "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("<!-- Generated by `cloudfirst schema --format markdown`"))
    }

    @Test func brokenFileIsReportedOnStderrWithASummaryOnStdout() throws {
        let scratch = try Scratch()
        let path = try scratch.write("estate.yaml", """
            cloudfirst: 1
            organisation: { name: Broken Trust }
            sites: [{ id: dc1, name: DC }]
            servers:
              - { id: s1, site: dc2, cpu_cores: 0 }
            """)
        let run = try Binary.cloudfirst(["validate", path])
        #expect(run.status == 2)
        #expect(run.stderr == """
            \(path):5:21: error: 'site' names unknown site 'dc2'; did you mean 'dc1'? [unknown-reference]
            \(path):5:37: error: 'cpu_cores' must be at least 1, found 0 [out-of-range]

            """)
        #expect(run.stdout == "invalid: 2 errors in 1 file\n")
    }

    @Test func jsonFormatCarriesTheSameDiagnostics() throws {
        let run = try Binary.cloudfirst(["validate", "--format", "json",
                                         "Tests/CloudFirstCoreTests/Fixtures/Validation/unknown-keys.yaml"])
        #expect(run.status == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["valid"] as? Bool == false)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 6)
        #expect(diagnostics.first?["line"] as? Int == 2)
        #expect(diagnostics.first?["column"] as? Int == 35)
        #expect(diagnostics.first?["code"] as? String == "unknown-key")
        #expect(run.stderr.isEmpty)
    }

    /// Colour only on a terminal, and never with NO_COLOR (https://no-color.org).
    @Test func colourOnlyOnATerminal() throws {
        let fixture = "Tests/CloudFirstCoreTests/Fixtures/Validation/out-of-range.yaml"
        let binary = Binary.folder.appendingPathComponent("cloudfirst").path
        let piped = try Binary.cloudfirst(["validate", fixture])
        #expect(!piped.stderr.contains("\u{1B}["))
        let terminal = try Binary.run("/usr/bin/script", ["-qec", "\(binary) validate \(fixture)", "/dev/null"])
        #expect(terminal.stdout.contains("\u{1B}[1;31merror:"))
        let noColour = try Binary.run("/usr/bin/script", ["-qec", "\(binary) validate \(fixture)", "/dev/null"],
                                      environment: ["NO_COLOR": "1"])
        #expect(noColour.stdout.contains("error:"))
        #expect(!noColour.stdout.contains("\u{1B}["))
    }

    /// A status line for long steps on a terminal's stderr, cleared when done; nothing of it on a pipe.
    @Test func progressOnlyOnATerminal() throws {
        let binary = Binary.folder.appendingPathComponent("cloudfirst").path
        let sample = "Inventories/riverside-mental-health.yaml"
        let terminal = try Binary.run("/usr/bin/script", ["-qec", "\(binary) plan \(sample) --format json > /dev/null",
                                                          "/dev/null"])
        #expect(terminal.stdout.contains("\r\u{1B}[2Kreading the inventory…"))
        #expect(terminal.stdout.contains("\r\u{1B}[2Kplanning…"))
        #expect(terminal.stdout.hasSuffix("\r\u{1B}[2K"))
        let piped = try Binary.cloudfirst(["plan", sample, "--format", "json"])
        #expect(!piped.stderr.contains("\u{1B}"))
        #expect(piped.stderr.isEmpty)
    }

    /// On a terminal the status line is cleared before a diagnostic, so the diagnostic starts on its own line
    /// instead of being glued onto "reading the inventory…".
    @Test func diagnosticsStartOnTheirOwnLineAfterTheStatusLine() throws {
        let scratch = try Scratch()
        let path = try scratch.write("estate.yaml", """
            cloudfirst: 1
            organisation: { name: Broken Trust }
            sites: [{ id: dc1, name: DC }]
            servers:
              - { id: s1, site: dc2, cpu_cores: 2 }
            """)
        let binary = Binary.folder.appendingPathComponent("cloudfirst").path
        let terminal = try Binary.run("/usr/bin/script", ["-qec", "\(binary) assess \(path) > /dev/null", "/dev/null"],
                                      environment: ["NO_COLOR": "1"])
        #expect(terminal.status == 2)
        #expect(terminal.stdout.contains("reading the inventory…"))
        let line = try #require(terminal.stdout.split(separator: "\n").first { $0.contains("error:") })
        // What the terminal shows of the line: the text after its last carriage return and line clear.
        let shown = line.components(separatedBy: "\r").last!.replacingOccurrences(of: "\u{1B}[2K", with: "")
        #expect(shown.hasPrefix("\(path):5:21: error: "), "\(line.debugDescription)")
    }
}

extension CommandLineTests {
    /// A misspelt rule id is refused with rules explain's own usage line and the nearest id.
    @Test func anUnknownRuleShowsItsSubcommandsUsage() throws {
        let run = try Binary.cloudfirst(["rules", "explain", "os-past-suport"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("unknown rule 'os-past-suport'; did you mean 'os-past-support'? "
            + "'cloudfirst rules' lists them all."), "\(run.stderr)")
        #expect(run.stderr.contains("Usage: cloudfirst rules explain <id>"), "\(run.stderr)")
    }
}
