import Foundation
import Testing

/// Re-importing a newer export into an estate a person has added to: what changed is reported, a person's file that
/// names a VM that has gone is warned about by file and line, and a draft services file is the person's once edited.
/// Each run is in a scratch folder, with the paths as a person types them.
@Suite struct ReimportCommandTests {
    static let header = "VM,Powerstate,CPUs,Memory,Provisioned MiB,Annotation,Application,Datacenter,vApp,"
        + "OS according to the VMware Tools\n"

    /// An RVTools CSV export: a folder with its vInfo file.
    static let january = header
        + "epr-app,poweredOn,4,8192,102400,,EPR,DC1,,Microsoft Windows Server 2016 (64-bit)\n"
        + "epr-db,poweredOn,8,16384,204800,,EPR,DC1,,Microsoft Windows Server 2016 (64-bit)\n"
        + "pacs-01,poweredOn,2,4096,1000,,,DC1,PACS,Red Hat Enterprise Linux 8 (64-bit)\n"
        + "spare-01,poweredOff,1,1024,1000,,,DC1,,\n"

    /// A month later: epr-db is gone, epr-app has 8 CPUs and a newer OS, pacs-01 moved and is off, new-01 is new.
    static let february = header
        + "epr-app,poweredOn,8,8192,102400,,EPR,DC1,,Microsoft Windows Server 2019 (64-bit)\n"
        + "pacs-01,poweredOff,2,4096,1000,,,DC2,PACS,Red Hat Enterprise Linux 8 (64-bit)\n"
        + "spare-01,poweredOff,1,1024,1000,,,DC1,,\n"
        + "new-01,poweredOn,2,4096,1000,,,DC1,,\n"

    static func exports() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.write("january/RVTools_tabvInfo.csv", january)
        try scratch.write("february/RVTools_tabvInfo.csv", february)
        return scratch
    }

    static func run(_ arguments: [String], in scratch: Scratch) throws -> Binary.Run {
        try Binary.cloudfirst(["import", "rvtools"] + arguments + ["--organisation", "Example NHS Trust"],
                              directory: scratch.url)
    }

    static func read(_ scratch: Scratch, _ name: String) throws -> String {
        try String(contentsOfFile: scratch.url.appendingPathComponent(name).path, encoding: .utf8)
    }

    @Test func aReimportOfAChangedExportReportsWhatChanged() throws {
        let scratch = try Self.exports()
        let first = try Self.run(["january", "--out", "estate/rvtools.yaml"], in: scratch)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "wrote estate/rvtools.yaml: 4 servers (1 powered off), 1 site; 0 templates skipped\n")

        let same = try Self.run(["january", "--out", "estate/rvtools.yaml"], in: scratch)
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout == "estate/rvtools.yaml unchanged: 4 servers (1 powered off), 1 site; 0 templates "
            + "skipped\nsince the last import: unchanged\n")

        let newer = try Self.run(["february", "--out", "estate/rvtools.yaml"], in: scratch)
        #expect(newer.status == 0, "\(newer.stderr)")
        #expect(newer.stdout == """
            wrote estate/rvtools.yaml: 4 servers (2 powered off), 2 sites; 0 templates skipped
            since the last import: 1 server added, 1 removed, 2 changed; 1 site added
              added server new-01
              removed server epr-db
              changed server epr-app: os 'Microsoft Windows Server 2016 (64-bit)' → 'Microsoft Windows Server 2019 \
            (64-bit)', cpu_cores 4 → 8
              changed server pacs-01: site DC1 → DC2, powered_on true → false
              added site DC2

            """)
        #expect(newer.stderr.isEmpty, "\(newer.stderr)")
    }

    /// More changes than a screen: the first 20 lines, a count of the rest, and all of them with --all-changes.
    @Test func aLongReportIsCutShortUnlessAllChangesAreAsked() throws {
        let scratch = try Scratch()
        let rows = (1...30).map { "vm-\(String(format: "%02d", $0)),poweredOn,2,4096,1000,,,DC1,,\n" }
        try scratch.write("before/RVTools_tabvInfo.csv", Self.header + rows.joined())
        try scratch.write("after/RVTools_tabvInfo.csv",
                          Self.header + rows.map { $0.replacingOccurrences(of: ",2,4096,", with: ",4,4096,") }.joined())
        #expect(try Self.run(["before", "--out", "rvtools.yaml"], in: scratch).status == 0)
        let cut = try Self.run(["after", "--out", "rvtools.yaml"], in: scratch)
        let lines = cut.stdout.split(separator: "\n")
        #expect(lines[1] == "since the last import: 30 servers changed")
        #expect(lines[2] == "  changed server vm-01: cpu_cores 2 → 4")
        #expect(lines.count == 23)
        #expect(lines.last == "  ... and 10 more (--all-changes lists them all)")
        #expect(try Self.run(["before", "--out", "rvtools.yaml"], in: scratch).status == 0)
        let all = try Self.run(["after", "--out", "rvtools.yaml", "--all-changes"], in: scratch)
        #expect(all.stdout.split(separator: "\n").count == 32)
        #expect(all.stdout.hasSuffix("  changed server vm-30: cpu_cores 2 → 4\n"))
    }

    @Test func aPersonsFileNamingARemovedVMIsWarnedOfByLineAndTheImportStands() throws {
        let scratch = try Self.exports()
        #expect(try Self.run(["january", "--out", "estate/rvtools.yaml"], in: scratch).status == 0)
        try scratch.write("estate/services.yaml", """
            cloudfirst: 1
            organisation: { name: Example NHS Trust }
            services:
              - id: epr
                name: Electronic Patient Record
                servers: [epr-app, epr-db]
            """)
        let valid = try Binary.cloudfirst(["validate", "estate"], directory: scratch.url)
        #expect(valid.status == 0, "\(valid.stderr)")

        let newer = try Self.run(["february", "--out", "estate/rvtools.yaml"], in: scratch)
        // The export is the truth about machines: written, exit 0; the person fixes their file.
        #expect(newer.status == 0, "\(newer.stderr)")
        #expect(newer.stdout.contains("  removed server epr-db\n"))
        #expect(newer.stderr == """
            estate/services.yaml:6:24: warning: 'servers' names unknown server 'epr-db' [unknown-reference]
            warning: 1 reference in the estate's other files names what this import no longer has; the import is \
            written, and 'cloudfirst validate estate' fails until they are fixed

            """)
        #expect(try Self.read(scratch, "estate/rvtools.yaml").contains("  - id: new-01\n"))
        // The file written validates on its own; the folder does not until the person's file is fixed.
        let alone = try Binary.cloudfirst(["validate", "estate/rvtools.yaml"], directory: scratch.url)
        #expect(alone.status == 0, "\(alone.stderr)")
        let folder = try Binary.cloudfirst(["validate", "estate"], directory: scratch.url)
        #expect(folder.status == 2)
        #expect(folder.stderr.contains("estate/services.yaml:6:24: error: 'servers' names unknown server 'epr-db'"))
    }

    @Test func theDraftIsWrittenThenKeptOnceEditedAndRewrittenOnlyWithForce() throws {
        let scratch = try Self.exports()
        let arguments = ["--out", "estate/rvtools.yaml", "--services-draft", "estate/services.yaml",
                         "--group-by-attribute", "application"]
        let first = try Self.run(["january"] + arguments, in: scratch)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasSuffix("wrote estate/services.yaml: 2 draft services, 1 server in no group\n"))
        let draft = try Self.read(scratch, "estate/services.yaml")
        #expect(draft.contains("  - id: EPR\n    name: EPR\n"))
        #expect(draft.contains("    servers:\n      - epr-app\n      - epr-db\n"))
        #expect(draft.contains("  # grouped by vApp or VM folder 'PACS'\n  - id: PACS\n"))
        #expect(draft.contains("# 1 server of 4 is in no group and left out"))
        let together = try Binary.cloudfirst(["validate", "estate"], directory: scratch.url)
        #expect(together.stdout == "valid: 2 files, 1 site, 4 servers, 2 services\n", "\(together.stderr)")

        // Untouched, it follows the export: epr-db leaves the draft with the VM.
        let untouched = try Self.run(["february"] + arguments, in: scratch)
        #expect(untouched.status == 0, "\(untouched.stderr)")
        #expect(untouched.stderr.isEmpty, "\(untouched.stderr)")
        #expect(!(try Self.read(scratch, "estate/services.yaml")).contains("epr-db"))

        // Edited, it is the person's: refused with exit 2, and neither file is written.
        let inventory = try Self.read(scratch, "estate/rvtools.yaml")
        let edited = try Self.read(scratch, "estate/services.yaml")
            .replacingOccurrences(of: "    name: EPR\n", with: "    name: Electronic Patient Record\n")
        try scratch.write("estate/services.yaml", edited)
        let refused = try Self.run(["january"] + arguments, in: scratch)
        #expect(refused.status == 2)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr == "cloudfirst: 1 file was changed by hand since cloudfirst wrote it, and nothing "
            + "was written: estate/services.yaml. Keep your edits by moving the file aside, or overwrite it with "
            + "--force\n")
        #expect(try Self.read(scratch, "estate/services.yaml") == edited)
        #expect(try Self.read(scratch, "estate/rvtools.yaml") == inventory)
        // Without the flag the draft is not this run's to touch: the import goes ahead.
        let without = try Self.run(["january", "--out", "estate/rvtools.yaml"], in: scratch)
        #expect(without.status == 0, "\(without.stderr)")
        #expect(try Self.read(scratch, "estate/services.yaml") == edited)

        let forced = try Self.run(["january"] + arguments + ["--force"], in: scratch)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try Self.read(scratch, "estate/services.yaml") == draft)
    }

    @Test func anAttributeTheExportDoesNotHaveIsRefusedAndNothingWritten() throws {
        let scratch = try Self.exports()
        let run = try Self.run(["january", "--out", "estate/rvtools.yaml", "--services-draft", "estate/services.yaml",
                                "--group-by-attribute", "Service"], in: scratch)
        #expect(run.status == 2)
        #expect(run.stderr == "cloudfirst: --group-by-attribute: no VM has a value for the custom attribute "
            + "'Service'; the export's custom attributes are 'Application'\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("estate").path))

        let alone = try Self.run(["january", "--out", "rvtools.yaml", "--group-by-attribute", "Application"],
                                 in: scratch)
        #expect(alone.status == 2)
        #expect(alone.stderr.contains("--group-by-attribute groups the draft services file: give --services-draft"))
    }
}
