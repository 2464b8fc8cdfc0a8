import Foundation

/// An inventory as it was at a git revision, written as `REVISION:PATH` (`HEAD~1:Inventories/`), the form
/// `git show` takes. Its files are read with `git ls-tree` and `git show`, from the repository the current folder is
/// in, and keep the `REVISION:PATH` name in every diagnostic.
public enum GitRevision {
    /// Why a revision's files could not be read: the input is wrong (exit code 2).
    public struct Failure: CloudFirstError, CustomStringConvertible, Equatable {
        public let description: String
        public var exitStatus: ExitStatus { .invalidInput }
        public var message: String { "cloudfirst: \(description)" }

        public init(description: String) {
            self.description = description
        }
    }

    /// Runs git with these arguments and returns what it printed, byte for byte, or throws `Failure` with what it
    /// said. The one place a process is spawned; tests pass their own.
    public typealias Git = @Sendable ([String]) throws -> [UInt8]

    /// True when `argument` names no file or folder but looks like `REVISION:PATH`.
    public static func looksLikeRevision(_ argument: String) -> Bool {
        !FileManager.default.fileExists(atPath: argument) && argument.contains(":") && !argument.hasPrefix(":")
    }

    /// The inventory files (`*.yaml`, `*.yml`, none under a folder whose name starts with a dot) under PATH at
    /// REVISION, each named `REVISION:FILE`.
    public static func sources(_ argument: String, git: Git = GitRevision.run) throws -> [InventorySource] {
        guard let colon = argument.firstIndex(of: ":") else {
            throw Failure(description: "'\(argument)' is not written REVISION:PATH")
        }
        let revision = String(argument[..<colon])
        let written = String(argument[argument.index(after: colon)...])
        func text(_ arguments: [String]) throws -> String { String(decoding: try git(arguments), as: UTF8.self) }
        guard (try? git(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"])) != nil else {
            throw Failure(description: "'\(revision)' is not a git revision in this repository (from '\(argument)')")
        }
        // As `git show` reads REV:PATH: "./" and "../" start from the current folder, anything else from the root.
        var path = written
        if path.hasPrefix("./") || path.hasPrefix("../") || path == "." {
            let prefix = try text(["rev-parse", "--show-prefix"]).trimmingCharacters(in: .whitespacesAndNewlines)
            path = (URL(fileURLWithPath: "/" + prefix + path).standardizedFileURL.path)
        }
        while path.hasPrefix("/") { path.removeFirst() }
        let listed = try text(["ls-tree", "-r", "--full-tree", "--name-only", revision, "--",
                               path.isEmpty ? "." : path])
        let files = listed.split(separator: "\n").map(String.init)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
        guard !files.isEmpty else {
            throw Failure(description: "'\(argument)' holds no *.yaml or *.yml file at revision '\(revision)'")
        }
        return try files.map { file in
            InventorySource(displayPath: "\(revision):\(file)",
                            contents: .bytes(try git(["cat-file", "blob", "\(revision):\(file)"])))
        }
    }

    /// Runs git from the current folder and returns what it printed, byte for byte, or throws with what it said.
    @Sendable public static func run(_ arguments: [String]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw Failure(description: "git could not be run: \(error.localizedDescription)")
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "git \(arguments.first ?? "") failed: "
                + (message.split(separator: "\n").first.map(String.init) ?? "exit \(process.terminationStatus)"))
        }
        return Array(data)
    }
}
