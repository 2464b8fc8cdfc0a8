import Foundation
import Testing

/// README's code blocks, read out of README itself.
enum READMEExamples {
    struct CodeBlock {
        var language: String
        var text: String
        /// 1-based line of the opening fence.
        var line: Int
        /// The reason given by a `<!-- README example not run: REASON -->` comment just before the block, if any.
        var notRunBecause: String?
    }

    static let notRunMarker = "<!-- README example not run:"

    static func codeBlocks(in readme: String) -> [CodeBlock] {
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [CodeBlock] = []
        var index = 0
        while index < lines.count {
            guard lines[index].hasPrefix("```") else {
                index += 1
                continue
            }
            let language = String(lines[index].dropFirst(3)).trimmingCharacters(in: .whitespaces)
            let opening = index
            var body: [String] = []
            index += 1
            while index < lines.count, !lines[index].hasPrefix("```") {
                body.append(lines[index])
                index += 1
            }
            index += 1
            let before = opening > 0 ? lines[opening - 1] : ""
            let reason = before.hasPrefix(notRunMarker)
                ? before.dropFirst(notRunMarker.count).replacingOccurrences(of: "-->", with: "")
                    .trimmingCharacters(in: .whitespaces)
                : nil
            blocks.append(CodeBlock(language: language, text: body.joined(separator: "\n") + "\n", line: opening + 1,
                                    notRunBecause: reason))
        }
        return blocks
    }

    /// One command of a block and what README says of it: the output lines it shows, and its exit code (0 unless
    /// a following `$ echo $?` says otherwise).
    struct Command {
        var command: String
        var shownOutput: [String]
        var expectedStatus: Int32
    }

    /// `console` blocks are transcripts (`$ command`, then its output); `sh` blocks are commands, one a line.
    static func commands(of block: CodeBlock) -> [Command] {
        var commands: [Command] = []
        let lines = block.text.split(separator: "\n").map(String.init)
        if block.language == "sh" {
            return lines.filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                .map { Command(command: $0, shownOutput: [], expectedStatus: 0) }
        }
        for line in lines {
            if line.hasPrefix("$ echo $?") {
                continue
            } else if line.hasPrefix("$ ") {
                commands.append(Command(command: String(line.dropFirst(2)), shownOutput: [], expectedStatus: 0))
            } else if let last = commands.indices.last {
                // The status `echo $?` prints belongs to the command before it.
                if let previous = lines.firstIndex(of: line), previous > 0, lines[previous - 1] == "$ echo $?",
                   let status = Int32(line) {
                    commands[last].expectedStatus = status
                } else {
                    commands[last].shownOutput.append(line)
                }
            }
        }
        return commands
    }
}

/// Every README example that runs `cloudfirst` runs as written, from a copy of the repository (so files the examples
/// write land in a scratch folder), with the built binary first on PATH: it exits with the code README shows (0
/// unless an `echo $?` says otherwise), and every output line README shows, but for `...` elisions, is a line of
/// its output. A block README marks as not run says why.
@Suite struct READMEExampleTests {
    static let readme = (try? String(contentsOf: Binary.root.appendingPathComponent("README.md"), encoding: .utf8))
        ?? ""

    static var examples: [READMEExamples.CodeBlock] {
        READMEExamples.codeBlocks(in: readme).filter {
            ["sh", "console"].contains($0.language) && $0.text.contains("cloudfirst ")
        }
    }

    /// The repository's tracked files, copied once into a scratch folder.
    static func repositoryCopy() throws -> Scratch {
        let scratch = try Scratch()
        let listed = try Binary.run("/usr/bin/env", ["git", "ls-files", "-z"])
        #expect(listed.status == 0, "\(listed.stderr)")
        for path in listed.stdout.split(separator: "\0").map(String.init) {
            let source = Binary.root.appendingPathComponent(path)
            let target = scratch.url.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: source.path) else { continue }
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: target)
        }
        return scratch
    }

    @Test func everyExampleRunsAsWritten() throws {
        let examples = Self.examples
        #expect(examples.count >= 6, "README's examples were not found")
        let runnable = examples.filter { $0.notRunBecause == nil }
        #expect(runnable.count > examples.count / 2, "most examples must run")
        let copy = try Self.repositoryCopy()
        var environment = ["PATH": Binary.folder.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin")]
        environment["NO_COLOR"] = "1"
        // Examples that install into the user's home (shell completion) install into a scratch one.
        let home = try Scratch()
        environment["HOME"] = home.url.path
        var ran = 0
        for block in runnable {
            let commands = READMEExamples.commands(of: block)
            #expect(!commands.isEmpty, "README.md:\(block.line): no command read")
            for command in commands {
                let run = try Binary.run("/bin/bash", ["--noprofile", "--norc", "-o", "pipefail", "-c", command.command],
                                         environment: environment, directory: copy.url)
                ran += 1
                let place = "README.md:\(block.line): '\(command.command)'"
                #expect(run.status == command.expectedStatus,
                        "\(place) exited \(run.status), README says \(command.expectedStatus): \(run.stderr)")
                #expect(!run.stderr.contains("Fatal error"))
                let actual = Set((run.stdout + "\n" + run.stderr).split(separator: "\n").map(String.init))
                for shown in command.shownOutput where !shown.contains("...") {
                    #expect(actual.contains(shown), "\(place) does not print the line README shows: \(shown)")
                }
            }
        }
        #expect(ran >= 6)
        #expect(FileManager.default.fileExists(
            atPath: home.url.appendingPathComponent(".local/share/bash-completion/completions/cloudfirst").path),
            "the completion example did not install the bash script")
    }

    @Test func blocksNotRunSayWhyAndAreFew() {
        let notRun = Self.examples.filter { $0.notRunBecause != nil }
        for block in notRun { #expect(!(block.notRunBecause ?? "").isEmpty, "README.md:\(block.line) gives no reason") }
        #expect(notRun.count <= 3, "README marks \(notRun.count) examples as not run")
    }

    /// A transcript in a block with no language would escape the test above.
    @Test func everyTranscriptIsMarkedAsOne() {
        for block in READMEExamples.codeBlocks(in: Self.readme) where block.text.contains("$ cloudfirst") {
            #expect(block.language == "console", "README.md:\(block.line): a transcript in a '\(block.language)' block")
        }
    }
}
