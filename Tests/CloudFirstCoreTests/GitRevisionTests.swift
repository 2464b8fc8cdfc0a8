import CloudFirstCore
import Foundation
import Testing

/// `REVISION:PATH` read through a stand-in for git, so that what is asked of git and what is made of its answers are
/// checked without a repository.
struct GitRevisionTests {
    /// Answers as git would for a repository whose `main` holds `tree`, and records every command asked of it.
    final class FakeGit: @unchecked Sendable {
        let tree: [String: String]
        let prefix: String
        private(set) var asked: [[String]] = []
        private let lock = NSLock()

        init(_ tree: [String: String], prefix: String = "") {
            self.tree = tree
            self.prefix = prefix
        }

        var run: GitRevision.Git {
            { [self] arguments in
                lock.withLock { asked.append(arguments) }
                switch arguments.first {
                case "rev-parse" where arguments.contains("--show-prefix"): return Array((prefix + "\n").utf8)
                case "rev-parse":
                    guard arguments.last == "main^{commit}" else {
                        throw GitRevision.Failure(description: "git rev-parse failed: exit 1")
                    }
                    return []
                case "ls-tree":
                    let path = arguments.last ?? "."
                    let files = tree.keys.sorted().filter { path == "." || $0 == path || $0.hasPrefix(path) }
                    return Array(files.map { $0 + "\n" }.joined().utf8)
                case "cat-file":
                    let name = String(arguments.last?.split(separator: ":", maxSplits: 1).last ?? "")
                    return Array((tree[name] ?? "").utf8)
                default: throw GitRevision.Failure(description: "unexpected git \(arguments)")
                }
            }
        }
    }

    static let tree = [
        "Inventories/a.yaml": "cloudfirst: 1\n", "Inventories/b.yml": "b: 2\n", "Inventories/notes.md": "# notes\n",
        "Inventories/.hidden/c.yaml": "c: 3\n", "docs/d.yaml": "d: 4\n",
    ]

    @Test func readsEveryInventoryFileUnderThePathNamedWithItsRevision() throws {
        let git = FakeGit(Self.tree)
        let sources = try GitRevision.sources("main:Inventories/", git: git.run)
        #expect(sources.map(\.displayPath) == ["main:Inventories/a.yaml", "main:Inventories/b.yml"])
        guard case .bytes(let bytes) = sources[0].contents else {
            Issue.record("expected the blob's bytes")
            return
        }
        #expect(bytes == Array("cloudfirst: 1\n".utf8))
        #expect(git.asked.contains(["cat-file", "blob", "main:Inventories/b.yml"]))
    }

    @Test func aPathFromTheCurrentFolderStartsAtItsPrefix() throws {
        let git = FakeGit(Self.tree, prefix: "Inventories/")
        let sources = try GitRevision.sources("main:./", git: git.run)
        #expect(sources.map(\.displayPath) == ["main:Inventories/a.yaml", "main:Inventories/b.yml"])
        #expect(git.asked.contains(["ls-tree", "-r", "--full-tree", "--name-only", "main", "--", "Inventories"]))
    }

    @Test func anUnknownRevisionIsNamed() {
        #expect(throws: GitRevision.Failure(
            description: "'nope' is not a git revision in this repository (from 'nope:Inventories/')")) {
            try GitRevision.sources("nope:Inventories/", git: FakeGit(Self.tree).run)
        }
    }

    @Test func aPathWithNoInventoryFileIsRefused() {
        let failure = GitRevision.Failure(
            description: "'main:docs/notes' holds no *.yaml or *.yml file at revision 'main'")
        #expect(throws: failure) { try GitRevision.sources("main:docs/notes", git: FakeGit(Self.tree).run) }
        #expect(failure.exitStatus == .invalidInput)
        #expect(failure.message == "cloudfirst: 'main:docs/notes' holds no *.yaml or *.yml file at revision 'main'")
    }

    @Test func looksLikeARevisionOnlyWhenNoFileHasThatName() {
        #expect(GitRevision.looksLikeRevision("HEAD~1:Inventories/"))
        #expect(!GitRevision.looksLikeRevision(":Inventories/"))
        #expect(!GitRevision.looksLikeRevision("Inventories/"))
    }
}

/// The exit codes README documents, and the one error every command throws for its own failures.
struct ExitStatusTests {
    @Test func theFourCodesAreTheDocumentedOnes() {
        #expect([ExitStatus.success, .policyFailure, .invalidInput, .internalFailure].map(\.rawValue) == [0, 1, 2, 3])
    }

    @Test func aCommandFailureCarriesItsStatusAndMessage() {
        let failure = CommandFailure(.internalFailure, message: "cloudfirst: cannot write 'x'")
        #expect(failure.exitStatus == .internalFailure)
        #expect(failure.message == "cloudfirst: cannot write 'x'")
        #expect(CommandFailure(.policyFailure).message.isEmpty)
    }
}
