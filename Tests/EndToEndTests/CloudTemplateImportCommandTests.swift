import Foundation
import Testing

/// `cloudfirst import azure-migrate|aws|google` as a person runs them: each fixture in, an inventory out that
/// validates and assesses, alone and beside the others; a bad file refused with exit code 2 and nothing written.
@Suite struct CloudTemplateImportCommandTests {
    static let fixtures = Binary.root.appendingPathComponent("Tests/ImportingTests/Fixtures")

    static let formats: [(command: String, input: String, summary: String, servers: Int)] = [
        ("azure-migrate", "azure-migrate/northshire-dc1.csv", "4 servers, 1 site", 4),
        ("aws", "aws/northshire-migration-hub.csv", "4 servers, 1 site", 4),
        ("google", "google/northshire-dc2", "3 servers (1 powered off), 1 site", 3),
    ]

    @Test(arguments: 0..<3)
    func eachFormatImportsValidatesAndAssesses(index: Int) throws {
        let format = Self.formats[index]
        let scratch = try Scratch()
        let folder = scratch.url.appendingPathComponent("estate").path
        let out = folder + "/\(format.command).yaml"
        let input = Self.fixtures.appendingPathComponent(format.input).path
        let run = try Binary.cloudfirst(["import", format.command, input, "--out", out,
                                         "--organisation", "Example NHS Trust"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "wrote \(out): \(format.summary)\n")
        // dc1 and dc2 are names, not dates: no note about a dated name.
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(!text.contains(scratch.url.path), "the output names a machine path")
        #expect(text.hasPrefix("# Imported from "))

        let validate = try Binary.cloudfirst(["validate", folder])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout == "valid: 1 file, 1 site, \(format.servers) servers, 0 services\n")
        let assess = try Binary.cloudfirst(["assess", folder, "--format", "json"])
        #expect(assess.status == 0, "\(assess.stderr)")
        #expect(assess.stdout.contains("\"services\""), "\(assess.stdout.prefix(300))")

        let again = try Binary.cloudfirst(["import", format.command, input, "--out", out,
                                           "--organisation", "Example NHS Trust"])
        #expect(again.status == 0 && again.stdout.hasPrefix("\(out) unchanged: "), "\(again.stdout)\(again.stderr)")
    }

    @Test func allThreeSideBySideMakeOneEstateThatAssesses() throws {
        let scratch = try Scratch()
        let folder = scratch.url.appendingPathComponent("estate").path
        for format in Self.formats {
            let run = try Binary.cloudfirst(["import", format.command,
                                             Self.fixtures.appendingPathComponent(format.input).path,
                                             "--out", folder + "/\(format.command).yaml",
                                             "--organisation", "Example NHS Trust"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        try """
        cloudfirst: 1
        organisation: { name: Example NHS Trust }
        services:
          - id: maternity
            name: Maternity system
            servers: [maternity-app01]
          - id: ris
            name: Radiology Information System
            servers: [RISAPP01]
        """.write(toFile: folder + "/services.yaml", atomically: true, encoding: .utf8)
        let validate = try Binary.cloudfirst(["validate", folder])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout == "valid: 4 files, 3 sites, 11 servers, 2 services\n")
        let assess = try Binary.cloudfirst(["assess", folder, "--format", "json"])
        #expect(assess.status == 0, "\(assess.stderr)")
        #expect(assess.stdout.contains("\"maternity\"") && assess.stdout.contains("\"ris\""))
    }

    @Test func siteOptionNamesTheOneSite() throws {
        let scratch = try Scratch()
        let out = scratch.url.appendingPathComponent("aws.yaml").path
        let run = try Binary.cloudfirst(["import", "aws",
                                         Self.fixtures.appendingPathComponent("aws/northshire-migration-hub.csv").path,
                                         "--out", out, "--site", "Main hospital data centre"])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("    name: Main hospital data centre\n"))
        #expect(text.contains("  # named by --site: the exports name no data centre\n"))
    }

    @Test func aDatedFileNameWithoutSiteGetsANoteAndWithSiteNone() throws {
        let scratch = try Scratch()
        let input = scratch.url.appendingPathComponent("servers-2026-12.csv").path
        try "*Server name,*Cores,*Memory (In MB),*OS name\r\nepr-db01,16,131072,Windows\r\n"
            .write(toFile: input, atomically: true, encoding: .utf8)
        let out = scratch.url.appendingPathComponent("azure.yaml").path
        let run = try Binary.cloudfirst(["import", "azure-migrate", input, "--out", out, "--organisation", "X"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "note: the site is named from the file 'servers-2026-12.csv'; give --site NAME to keep "
            + "the same site across re-imports\n")
        let named = try Binary.cloudfirst(["import", "azure-migrate", input, "--out", out, "--organisation", "X",
                                           "--site", "Main"])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(named.stderr.isEmpty, "\(named.stderr)")
    }

    @Test func aTruncatedOrHeaderOnlyExportExitsTwoAndLeavesTheInventoryAlone() throws {
        let scratch = try Scratch()
        let input = scratch.url.appendingPathComponent("dc.csv").path
        let whole = "*Server name,*Cores,*Memory (In MB),*OS name\r\nepr-db01,16,131072,Windows\r\n"
        try whole.write(toFile: input, atomically: true, encoding: .utf8)
        let out = scratch.url.appendingPathComponent("azure.yaml").path
        #expect(try Binary.cloudfirst(["import", "azure-migrate", input, "--out", out, "--organisation", "X"])
            .status == 0)
        let written = try String(contentsOfFile: out, encoding: .utf8)
        try (whole + "epr-app01,8,32").write(toFile: input, atomically: true, encoding: .utf8)
        let cut = try Binary.cloudfirst(["import", "azure-migrate", input, "--out", out, "--organisation", "X"])
        #expect(cut.status == 2)
        #expect(cut.stderr == "cloudfirst: dc.csv:3: error: the file ends part-way through line 3: truncated? Export "
            + "it again\n")
        try "*Server name,*Cores,*Memory (In MB),*OS name\r\n".write(toFile: input, atomically: true, encoding: .utf8)
        let empty = try Binary.cloudfirst(["import", "azure-migrate", input, "--out", out, "--organisation", "X"])
        #expect(empty.status == 2)
        #expect(empty.stderr == "cloudfirst: dc.csv: error: lists no servers; nothing written\n")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == written)
    }

    @Test func groupByAttributeOffersOnlyTheExportsOwnTags() throws {
        let scratch = try Scratch()
        let input = scratch.url.appendingPathComponent("hub.csv").path
        try ("ExternalId,HostName,CPU.NumberOfCores,RAM.TotalSizeInMB,OS.Name,Tags,CPU.UsagePct.Avg\r\n"
            + "INV-1,epr-db01,8,1024,Windows,service:EPR,20\r\nINV-2,epr-app01,8,1024,Windows,service:EPR,30\r\n")
            .write(toFile: input, atomically: true, encoding: .utf8)
        let out = scratch.url.appendingPathComponent("aws.yaml").path
        let draft = scratch.url.appendingPathComponent("services.yaml").path
        for note in ["ExternalId", "utilisation (average and maximum, not a p95)"] {
            let refused = try Binary.cloudfirst(["import", "aws", input, "--out", out, "--organisation", "X",
                                                 "--services-draft", draft, "--group-by-attribute", note])
            #expect(refused.status == 2)
            #expect(refused.stderr == "cloudfirst: --group-by-attribute: no server has a value for the tag '\(note)'; "
                + "the export's tags are 'service'\n")
        }
        let grouped = try Binary.cloudfirst(["import", "aws", input, "--out", out, "--organisation", "X",
                                             "--services-draft", draft, "--group-by-attribute", "service"])
        #expect(grouped.status == 0, "\(grouped.stderr)")
        #expect(try String(contentsOfFile: draft, encoding: .utf8)
            .contains("    servers:\n      - epr-app01\n      - epr-db01\n"))
        // The notes are still the server's comment in the inventory.
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("ExternalId: INV-1"))
    }

    @Test func aBadFileExitsTwoNamingFileLineAndColumnAndWritesNothing() throws {
        let scratch = try Scratch()
        let input = scratch.url.appendingPathComponent("dc1.csv").path
        try "*Server name,*Cores,*Memory (In MB),*OS name\r\nepr-db01,16,131072,Windows\r\nepr-app01,8,lots,Linux\r\n"
            .write(toFile: input, atomically: true, encoding: .utf8)
        let out = scratch.url.appendingPathComponent("estate/azure.yaml").path
        let run = try Binary.cloudfirst(["import", "azure-migrate", input, "--out", out])
        #expect(run.status == 2)
        #expect(run.stderr.contains("cloudfirst: dc1.csv:3: error: column '*Memory (In MB)': 'lots' is not a number"),
                "\(run.stderr)")
        #expect(!run.stderr.contains("Fatal error"))
        #expect(!FileManager.default.fileExists(atPath: out))

        let folder = scratch.url.appendingPathComponent("mc").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "MachineId,TimeStamp\r\n".write(toFile: folder + "/perfInfo.csv", atomically: true, encoding: .utf8)
        let google = try Binary.cloudfirst(["import", "google", folder, "--out", out])
        #expect(google.status == 2)
        #expect(google.stderr.contains("mc: error: cannot be read: it has no vmInfo.csv"), "\(google.stderr)")
    }
}
