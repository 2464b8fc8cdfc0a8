import Foundation
import Testing

/// Shell completion as README tells people to install it: the script ArgumentParser generates, with inventory paths
/// completing to YAML files and folders and `rules explain` completing to the registry's rule ids, through the
/// binary's own completion call.
@Suite struct CompletionTests {
    /// Every rule id and verdict topic, as `cloudfirst rules --format json` lists them.
    static func ruleIDs() throws -> [String] {
        let run = try Binary.cloudfirst(["rules", "--format", "json"])
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let rules = try #require(json["rules"] as? [[String: Any]])
        return rules.compactMap { $0["id"] as? String }
    }

    static func script(_ shell: String) throws -> String {
        let run = try Binary.cloudfirst(["--generate-completion-script", shell])
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    /// Sources the bash script and asks it to complete `line` (the cursor at its end), in `folder`.
    static func bashComplete(_ line: String, in folder: URL) throws -> [String] {
        let scratch = try Scratch()
        let script = try scratch.write("cloudfirst.bash", try Self.script("bash"))
        var words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if words.last != "" && line.hasSuffix(" ") { words.append("") }
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let driver = """
            source '\(script)'
            COMP_WORDS=(\(quoted))
            COMP_CWORD=\(words.count - 1)
            COMP_LINE='\(line)'
            COMP_POINT=${#COMP_LINE}
            _cloudfirst cloudfirst '\(words.last!)' '\(words.count > 1 ? words[words.count - 2] : "")'
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let path = Binary.folder.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let run = try Binary.run("/bin/bash", ["--noprofile", "--norc", "-c", driver], environment: ["PATH": path],
                                 directory: folder)
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout.split(separator: "\n").map(String.init).sorted()
    }

    @Test func bashScriptCallsBackForRuleIDs() throws {
        let bash = try Self.script("bash")
        #expect(bash.contains("__cloudfirst_custom_complete ---completion rules explain -- positional@0"))
        #expect(bash.contains("-fX '!*.@(yaml|yml)'"), "inventory paths do not complete to YAML files")
        for shell in ["zsh", "fish"] {
            #expect(try Self.script(shell).contains("---completion rules explain -- positional@0"), "\(shell)")
        }
    }

    @Test func customCompletionReturnsTheRegistrysRuleIDs() throws {
        let ids = try Self.ruleIDs()
        #expect(ids.count > 10)
        // The call the scripts make: the argument, then the words, the index of the word and the cursor in it.
        let all = try Binary.cloudfirst(["---completion", "rules", "explain", "--", "positional@0", "3", "0",
                                         "cloudfirst", "rules", "explain", ""])
        #expect(all.status == 0, "\(all.stderr)")
        let offered = Set(all.stdout.split(separator: "\n").map(String.init))
        #expect(Set(ids).isSubset(of: offered), "missing: \(Set(ids).subtracting(offered).sorted())")
        #expect(offered.contains("score"), "the verdict topics are not offered")
        let prefix = try #require(ids.first.map { String($0.prefix(4)) })
        let some = try Binary.cloudfirst(["---completion", "rules", "explain", "--", "positional@0", "3", "4",
                                          "cloudfirst", "rules", "explain", prefix])
        #expect(Set(some.stdout.split(separator: "\n").map(String.init))
            == Set((ids + ["score", "gates", "readiness", "confidence", "estate-score", "kind", "strategy"])
                .filter { $0.hasPrefix(prefix) }))
    }

    @Test func bashCompletesRuleIDsAndInventoryFiles() throws {
        let ids = try Self.ruleIDs()
        let scratch = try Scratch()
        try scratch.write("estate.yaml", "x")
        try scratch.write("more.yml", "x")
        try scratch.write("notes.txt", "x")
        try scratch.write("sites/a.yaml", "x")
        let oses = try Self.bashComplete("cloudfirst rules explain os-p", in: scratch.url)
        #expect(oses == ids.filter { $0.hasPrefix("os-p") }.sorted())
        #expect(!oses.isEmpty)
        let paths = try Self.bashComplete("cloudfirst validate ", in: scratch.url)
        #expect(paths == ["estate.yaml", "more.yml", "sites"])
    }
}
