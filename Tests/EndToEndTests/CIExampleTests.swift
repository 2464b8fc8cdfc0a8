import Foundation
import Testing

/// The CI examples in docs/ci/ and the pre-commit hook, run as written on a repository's first run and after:
/// the commands are read out of the YAML files themselves, so the test follows the documentation, and run with the
/// built `cloudfirst` first on PATH in a scratch git repository.
///
/// As README documents: on the first run there is no baseline; the job writes one from the findings the estate has,
/// says so, and passes. Once it is committed, a change that adds nothing passes, reading it; a change that adds a
/// finding fails (exit code 1), naming the new finding.
@Suite(.serialized) struct CIExampleTests {
    static let gitIdentity = ["GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
                              "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
                              "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"]

    struct StepResult {
        var name: String
        var status: Int32
        var output: String
    }

    /// A scratch clone of a bare "origin" whose main branch has no inventory yet, on a branch that adds one: a
    /// single-organisation sample and the policy file `cloudfirst init` writes, beside it.
    final class Repository {
        let scratch: Scratch
        let work: URL

        init() throws {
            scratch = try Scratch()
            let origin = scratch.url.appendingPathComponent("origin.git")
            work = scratch.url.appendingPathComponent("work")
            try FileManager.default.createDirectory(at: origin, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            try git(["init", "--bare", "-q", "-b", "main"], in: origin)
            try git(["init", "-q", "-b", "main"])
            try git(["remote", "add", "origin", origin.path])
            try "# Estate\n".write(to: work.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
            try git(["add", "."])
            try git(["commit", "-q", "-m", "Start"])
            try git(["push", "-q", "origin", "main"])
            try git(["checkout", "-q", "-b", "add-inventory"])
            let inventory = work.appendingPathComponent("inventory")
            try FileManager.default.createDirectory(at: inventory, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: Binary.root.appendingPathComponent("Inventories/riverside-mental-health.yaml"),
                to: inventory.appendingPathComponent("estate.yaml"))
            let starter = scratch.url.appendingPathComponent("starter")
            let initialised = try Binary.cloudfirst(["init", starter.path])
            guard initialised.status == 0 else { throw Failure(description: "init: \(initialised.stderr)") }
            try FileManager.default.copyItem(at: starter.appendingPathComponent(".cloudfirst.yml"),
                                             to: inventory.appendingPathComponent(".cloudfirst.yml"))
            try git(["add", "."])
            try git(["commit", "-q", "-m", "Add the inventory"])
        }

        struct Failure: Error, CustomStringConvertible {
            var description: String
        }

        @discardableResult
        func git(_ arguments: [String], in folder: URL? = nil) throws -> String {
            let run = try Binary.run("/usr/bin/env", ["git"] + arguments, environment: CIExampleTests.gitIdentity,
                                     directory: folder ?? work)
            guard run.status == 0 else {
                throw Failure(description: "git \(arguments.joined(separator: " ")): \(run.stderr)")
            }
            return run.stdout
        }

        var baseline: URL { work.appendingPathComponent(".cloudfirst-baseline.json") }

        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = work.appendingPathComponent(path)
            try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        }

        /// Commits the baseline the first run wrote and merges the branch into main, as a team would.
        func commitBaselineAndMerge() throws {
            try git(["add", ".cloudfirst-baseline.json"])
            try git(["commit", "-q", "-m", "Baseline"])
            try git(["checkout", "-q", "main"])
            try git(["merge", "-q", "--ff-only", "add-inventory"])
            try git(["push", "-q", "origin", "main"])
        }

        /// A new branch from main with one committed change to the inventory.
        func branch(_ name: String, changing change: @escaping (String) -> String) throws {
            try git(["checkout", "-q", "-b", name, "main"])
            try edit("inventory/estate.yaml", change)
            try git(["commit", "-q", "-am", name])
        }
    }

    static func shell(_ script: String, in repository: Repository, environment: [String: String]) throws
        -> (Int32, String) {
        var env = environment.merging(gitIdentity) { $1 }
        env["PATH"] = Binary.folder.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        // As GitHub runs a `run:` step and GitLab's shell executor a script line: bash, stopping at the first failure.
        let run = try Binary.run("/bin/bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                                 environment: env, directory: repository.work)
        return (run.status, run.stdout + run.stderr)
    }

    /// The install step builds cloudfirst from a clone; here the binary under test is on PATH instead.
    static func installs(_ script: String) -> Bool { script.contains("swift build") }

    // MARK: GitHub Actions

    /// Runs the workflow's `run:` steps in order, as GitHub would: a step with no `if:` runs while nothing has
    /// failed, `always()` runs regardless, and the pull-request step runs on a pull request into main.
    static func runGitHub(_ repository: Repository, pullRequest: Bool,
                          sourceLocation: SourceLocation = #_sourceLocation) throws -> [StepResult] {
        let workflow = try YAMLTree(file: Binary.root.appendingPathComponent("docs/ci/github-actions.yml"))
        var environment = workflow["env"]?.strings ?? [:]
        let summary = repository.scratch.url.appendingPathComponent("summary-\(UUID().uuidString).md")
        environment["GITHUB_STEP_SUMMARY"] = summary.path
        let steps = workflow["jobs"]?["check"]?["steps"]?.items ?? []
        #expect(steps.count > 5, "no steps read from the workflow", sourceLocation: sourceLocation)
        var results: [StepResult] = []
        var failed = false
        for step in steps {
            guard let script = step["run"]?.string, !installs(script) else { continue }
            let name = step["name"]?.string ?? script
            switch step["if"]?.string {
            case nil: if failed { continue }
            case "always()": break
            case "github.event_name == 'pull_request'": if failed || !pullRequest { continue }
            case let other?:
                Issue.record("step '\(name)' has a condition the test does not know: \(other)",
                             sourceLocation: sourceLocation)
                continue
            }
            let expanded = script.replacingOccurrences(of: "${{ github.base_ref }}", with: "main")
            #expect(!expanded.contains("${{"), "step '\(name)' uses an expression the test does not expand",
                    sourceLocation: sourceLocation)
            let (status, output) = try shell(expanded, in: repository, environment: environment)
            results.append(StepResult(name: name, status: status, output: output))
            if status != 0 { failed = true }
        }
        return results
    }

    @Test func gitHubWorkflowFirstRunWritesTheBaselineThenReadsIt() throws {
        let repository = try Repository()
        try repository.git(["fetch", "-q", "origin"])

        // First run: a pull request adding the inventory, with no baseline and nothing on main to compare with.
        let first = try Self.runGitHub(repository, pullRequest: true)
        for step in first { #expect(step.status == 0, "first run, '\(step.name)': \(step.output)") }
        #expect(first.map(\.name).contains("What this change does to readiness"))
        let baselineStep = try #require(first.first { $0.name.hasPrefix("Baseline") })
        #expect(baselineStep.output.contains("::notice file=.cloudfirst-baseline.json::No baseline in the repository"))
        let written = try Data(contentsOf: repository.baseline)
        let assess = try #require(first.first { $0.name.hasPrefix("Assess (annotations") })
        #expect(assess.output.contains("against the baseline: 0 new, 0 fixed"), "\(assess.output)")
        #expect(assess.output.contains("::"), "no annotations")

        // Second run: the baseline committed and merged; a pull request that changes a comment.
        try repository.commitBaselineAndMerge()
        try repository.branch("comment") { $0 + "# reviewed\n" }
        try repository.git(["fetch", "-q", "origin"])
        let second = try Self.runGitHub(repository, pullRequest: true)
        for step in second { #expect(step.status == 0, "second run, '\(step.name)': \(step.output)") }
        #expect(!second.contains { $0.output.contains("No baseline in the repository") }, "the baseline was rewritten")
        #expect(try Data(contentsOf: repository.baseline) == written)
        #expect(second.first { $0.name.hasPrefix("Assess (annotations") }?.output
            .contains("against the baseline: 0 new, 0 fixed") == true)
        #expect(second.contains { $0.name == "What this change does to readiness" && $0.status == 0 })

        // Third run: a change that puts a server on an operating system past support fails on that finding only.
        try repository.branch("regression") {
            $0.replacingOccurrences(of: "os: Windows Server 2022 Standard", with: "os: Windows Server 2003", range:
                $0.range(of: "os: Windows Server 2022 Standard"))
        }
        let third = try Self.runGitHub(repository, pullRequest: true)
        let failing = try #require(third.first { $0.name.hasPrefix("Assess (annotations") })
        #expect(failing.status == 1, "\(failing.output)")
        #expect(failing.output.contains("os-past-support] (new)"), "\(failing.output)")
        #expect(failing.output.contains("cloudfirst: policy failed: "))
        #expect(third.first { $0.name == "Validate" }?.status == 0)
    }

    // MARK: GitLab CI

    static func runGitLab(_ repository: Repository, mergeRequest: Bool,
                          sourceLocation: SourceLocation = #_sourceLocation) throws -> [StepResult] {
        let pipeline = try YAMLTree(file: Binary.root.appendingPathComponent("docs/ci/gitlab-ci.yml"))
        let job = try #require(pipeline["cloudfirst"], sourceLocation: sourceLocation)
        var environment = job["variables"]?.strings ?? [:]
        if mergeRequest { environment["CI_MERGE_REQUEST_TARGET_BRANCH_NAME"] = "main" }
        #expect(job["before_script"]?.items.contains { Self.installs($0.string ?? "") } == true,
                sourceLocation: sourceLocation)
        let lines = job["script"]?.items.compactMap(\.string) ?? []
        #expect(lines.count > 2, "no script read from the pipeline", sourceLocation: sourceLocation)
        var results: [StepResult] = []
        for line in lines {
            let (status, output) = try shell(line, in: repository, environment: environment)
            results.append(StepResult(name: line, status: status, output: output))
            if status != 0 { break }
        }
        return results
    }

    @Test func gitLabJobFirstRunWritesTheBaselineThenReadsIt() throws {
        let repository = try Repository()
        let first = try Self.runGitLab(repository, mergeRequest: true)
        for step in first { #expect(step.status == 0, "first run, '\(step.name)': \(step.output)") }
        #expect(first.contains { $0.output.contains("No baseline in the repository: wrote .cloudfirst-baseline.json") })
        #expect(first.contains { $0.output.contains("The target branch has no inventory yet") })
        let written = try Data(contentsOf: repository.baseline)

        try repository.commitBaselineAndMerge()
        try repository.branch("comment") { $0 + "# reviewed\n" }
        let second = try Self.runGitLab(repository, mergeRequest: true)
        for step in second { #expect(step.status == 0, "second run, '\(step.name)': \(step.output)") }
        #expect(try Data(contentsOf: repository.baseline) == written)
        #expect(second.contains { $0.output.contains("against the baseline: 0 new, 0 fixed") })
        #expect(second.last?.output.contains("nothing to compare") == false, "the diff did not run")

        try repository.branch("regression") {
            $0.replacingOccurrences(of: "os: Windows Server 2022 Standard", with: "os: Windows Server 2003", range:
                $0.range(of: "os: Windows Server 2022 Standard"))
        }
        let third = try Self.runGitLab(repository, mergeRequest: true)
        let failing = try #require(third.last)
        #expect(failing.status == 1, "\(failing.output)")
        #expect(failing.name.contains("--baseline"))
        #expect(failing.output.contains("os-past-support] (new)"))
    }

    // MARK: pre-commit

    /// The hook as this repository ships it, on every file pre-commit would pass it on a first run
    /// (`pre-commit run --all-files`), and as README configures it for a folder.
    @Test func preCommitHookPassesOnAFirstRun() throws {
        let repository = try Repository()
        let hooks = try YAMLTree(file: Binary.root.appendingPathComponent(".pre-commit-hooks.yaml"))
        let hook = try #require(hooks.items.first { $0["id"]?.string == "cloudfirst-validate" })
        let entry = try #require(hook["entry"]?.string)
        let files = try NSRegularExpression(pattern: try #require(hook["files"]?.string))
        let exclude = try hook["exclude"]?.string.map { try NSRegularExpression(pattern: $0) }
        func matches(_ regex: NSRegularExpression, _ path: String) -> Bool {
            regex.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
        }
        let tracked = try repository.git(["ls-files"]).split(separator: "\n").map(String.init)
        #expect(tracked.contains("inventory/.cloudfirst.yml"))
        let selected = tracked.filter { path in matches(files, path) && !(exclude.map { matches($0, path) } ?? false) }
        #expect(selected == ["inventory/estate.yaml"], "the hook would be given \(selected)")
        let quoted = selected.map { "'\($0)'" }.joined(separator: " ")
        let (status, output) = try Self.shell("\(entry) \(quoted)", in: repository, environment: [:])
        #expect(status == 0, "\(output)")
        #expect(output.contains("valid: 1 file"))

        // README's configuration for an estate split over files: the folder, with no file names.
        let readme = try String(contentsOf: Binary.root.appendingPathComponent("README.md"), encoding: .utf8)
        let block = try #require(READMEExamples.codeBlocks(in: readme).first {
            $0.language == "yaml" && $0.text.contains("id: cloudfirst-validate")
        })
        let configured = try #require(try YAMLTree(text: block.text).items.first?["hooks"]?.items.first)
        #expect(configured["pass_filenames"]?.string == "false")
        let arguments = configured["args"]?.items.compactMap(\.string) ?? []
        #expect(!arguments.isEmpty)
        let (folderStatus, folderOutput) = try Self.shell(([entry] + arguments).joined(separator: " "),
                                                          in: repository, environment: [:])
        #expect(folderStatus == 0, "\(folderOutput)")
        #expect(folderOutput.contains("valid: 1 file"))
    }
}
