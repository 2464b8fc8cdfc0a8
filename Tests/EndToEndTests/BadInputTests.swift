import Foundation
import Testing

/// Every kind of bad input the foundation issue lists: exit code 2, a diagnostic naming the file (with line and
/// column wherever a position exists), no crash trace, and quickly. Core tests pin the exact messages; these run
/// the real binary on real files.
@Suite struct BadInputTests {
    enum Content {
        case text(String)
        case bytes([UInt8])
    }

    /// (name, content, whether the diagnostic carries a line and column)
    static let cases: [(String, Content, Bool)] = {
        var nested = "cloudfirst: 1\norganisation: " + String(repeating: "[", count: 20_000)
        nested += String(repeating: "]", count: 20_000) + "\n"
        var bomb = "cloudfirst: 1\norganisation: { name: Bomb }\nsites:\n  - &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            bomb += "  - &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        let head = "cloudfirst: 1\norganisation: { name: Bad Trust }\nsites: [{ id: dc1, name: DC }]\n"
        return [
            ("empty-file", .text(""), false),
            ("list-where-mapping-belongs", .text("- cloudfirst: 1\n"), true),
            ("tabs", .text("cloudfirst: 1\norganisation:\n\tname: Tab Trust\n"), true),
            ("syntax-error", .text("cloudfirst: 1\norganisation: { name: : }\n  - x\n"), true),
            ("unclosed-flow", .text("cloudfirst: 1\norganisation: { name: Open Trust\n"), true),
            ("duplicate-keys", .text(head + "servers: [{ id: s1, site: dc1, site: dc1 }]\n"), true),
            ("wrong-types", .text(head + "servers: [{ id: s1, site: dc1, cpu_cores: four }]\n"), true),
            ("unknown-keys", .text(head + "servers: [{ id: s1, site: dc1, cpus: 4 }]\n"), true),
            ("out-of-range", .text(head + "servers: [{ id: s1, site: dc1, cpu_cores: -2 }]\n"), true),
            ("dangling-reference", .text(head + "servers: [{ id: s1, site: dc9 }]\n"), true),
            ("duplicate-ids", .text(head + "servers: [{ id: s1, site: dc1 }, { id: s1, site: dc1 }]\n"), true),
            ("alias-bomb", .text(bomb), true),
            ("deep-nesting", .text(nested), true),
            ("huge-scalar", .text("cloudfirst: 1\norganisation: { name: " + String(repeating: "x", count: 8 << 20)
                + " }\n"), true),
            ("invalid-utf8", .bytes(Array("cloudfirst: 1\norganisation: { name: ".utf8) + [0xFF, 0xFE] + [0x7D]),
             true),
            ("future-version", .text("cloudfirst: 3\norganisation: { name: Future Trust }\n"), true),
        ]
    }()

    @Test(arguments: cases.map(\.0))
    func badFileExitsTwoWithAPositionedDiagnostic(_ name: String) throws {
        let (_, content, positioned) = try #require(Self.cases.first { $0.0 == name })
        let scratch = try Scratch()
        let path: String
        switch content {
        case .text(let text): path = try scratch.write("\(name).yaml", text)
        case .bytes(let bytes): path = try scratch.write("\(name).yaml", Data(bytes))
        }
        let run = try Binary.cloudfirst(["validate", path])
        #expect(run.status == 2)
        let first = run.stderr.split(separator: "\n").first.map(String.init) ?? ""
        let pattern = "^" + NSRegularExpression.escapedPattern(for: path) + (positioned ? ":[0-9]+:[0-9]+" : "")
            + ": error: "
        #expect(first.range(of: pattern, options: .regularExpression) != nil, "\(first)")
        Self.expectNoCrashTrace(run)
        // The issue asks for under a second; the bound here is looser because the machine is shared, and is
        // there to catch a hang or a blow-up, not to measure.
        #expect(run.seconds < 5, "took \(run.seconds) s")
    }

    @Test func folderWithNoYAML() throws {
        let scratch = try Scratch()
        try scratch.write("notes.txt", "nothing here")
        let run = try Binary.cloudfirst(["validate", scratch.url.path])
        #expect(run.status == 2)
        #expect(run.stderr == "\(scratch.url.path): error: folder '\(scratch.url.path)' holds no inventory files "
            + "(*.yaml or *.yml) [no-inventory-files]\n")
        #expect(run.stdout == "invalid: 1 error; no inventory file was read\n")
    }

    @Test func pathThatDoesNotExist() throws {
        let run = try Binary.cloudfirst(["validate", "no/such/estate.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr == "no/such/estate.yaml: error: no such file or folder 'no/such/estate.yaml' [path-not-found]\n")
    }

    /// Root reads any file, so as root the test drops to an unprivileged user to meet a real permission error.
    @Test func fileWithoutReadPermission() throws {
        let scratch = try Scratch()
        let path = try scratch.write("locked.yaml", "cloudfirst: 1\norganisation: { name: Locked Trust }\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: scratch.url.path)
        let binary = Binary.folder.appendingPathComponent("cloudfirst").path
        let run = getuid() == 0
            ? try Binary.run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", binary,
                                                  "validate", path])
            : try Binary.cloudfirst(["validate", path])
        #expect(run.status == 2)
        #expect(run.stderr == "\(path): error: cannot read '\(path)': permission denied [unreadable]\n")
    }

    static func expectNoCrashTrace(_ run: Binary.Run, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for marker in ["Fatal error", "Stack dump", "backtrace", "Segmentation", "Illegal instruction"] {
            #expect(!run.stderr.contains(marker), "\(marker) in stderr", sourceLocation: sourceLocation)
        }
        #expect(run.status < 128, "killed by a signal", sourceLocation: sourceLocation)
    }
}
