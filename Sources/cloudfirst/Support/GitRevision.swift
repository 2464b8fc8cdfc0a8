import CloudFirstCore
import Foundation

/// An inventory as it was at a git revision, written as `REVISION:PATH` (`HEAD~1:Inventories/`), the form
/// `git show` takes. Its files are read with `git ls-tree` and `git show`, from the repository the current folder is
/// in, and keep the `REVISION:PATH` name in every diagnostic.
enum GitRevision {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// True when `argument` names no file or folder but looks like `REVISION:PATH`.
    static func looksLikeRevision(_ argument: String) -> Bool {
        !FileManager.default.fileExists(atPath: argument) && argument.contains(":") && !argument.hasPrefix(":")
    }

    static func sources(_ argument: String) throws -> [InventorySource] {
        let colon = argument.firstIndex(of: ":")!
        let revision = String(argument[..<colon])
        var path = String(argument[argument.index(after: colon)...])
        while path.hasPrefix("./") { path.removeFirst(2) }
        guard (try? run(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"])) != nil else {
            throw Failure(description: "'\(revision)' is not a git revision in this repository (from '\(argument)')")
        }
        let listed = try run(["ls-tree", "-r", "--name-only", revision, "--", path.isEmpty ? "." : path])
        let files = listed.split(separator: "\n").map(String.init)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
        guard !files.isEmpty else {
            throw Failure(description: "'\(argument)' holds no *.yaml or *.yml file at revision '\(revision)'")
        }
        return try files.map { file in
            InventorySource(displayPath: "\(revision):\(file)",
                            contents: .bytes(Array(try run(["show", "\(revision):\(file)"]).utf8)))
        }
    }

    /// Runs git and returns what it printed, or throws with what it said.
    static func run(_ arguments: [String]) throws -> String {
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
        return String(decoding: data, as: UTF8.self)
    }
}
