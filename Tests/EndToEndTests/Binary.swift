import Foundation
import GoldenFiles
import Testing

/// Runs the built `cloudfirst` (and `synthetic-estate`) the way a person or a pipeline would.
struct Binary {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var seconds: Double
    }

    /// The products sit beside the test runner in the build folder.
    static let folder: URL = {
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: runner).deletingLastPathComponent()
        while !FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("cloudfirst").path),
              url.path != "/" {
            url = url.deletingLastPathComponent()
        }
        return url
    }()

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func cloudfirst(_ arguments: [String], environment: [String: String] = [:],
                           directory: URL? = nil) throws -> Run {
        try run(folder.appendingPathComponent("cloudfirst").path, arguments, environment: environment,
                directory: directory)
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    directory: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.currentDirectoryURL = directory ?? root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        // Read both pipes while the process runs, so a large output cannot fill a pipe and stall it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self), seconds: Date().timeIntervalSince(start))
    }
}

/// Golden files for whole outputs; `CLOUDFIRST_RECORD=1 swift test` rewrites them for review (`GoldenFile`).
enum Golden {
    static let folder = Binary.root.appendingPathComponent("Tests/EndToEndTests/Goldens")

    static func check(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        check(actual, against: folder.appendingPathComponent(name), named: "Goldens/\(name)",
              sourceLocation: sourceLocation)
    }

    /// For a file kept elsewhere in the repository (docs/rules.md), named by its path from the root.
    static func check(_ actual: String, repositoryFile path: String,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        check(actual, against: Binary.root.appendingPathComponent(path), named: path, sourceLocation: sourceLocation)
    }

    private static func check(_ actual: String, against file: URL, named name: String,
                              sourceLocation: Testing.SourceLocation) {
        if let failure = GoldenFile.compare(actual, with: file, name: name) {
            Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation)
        }
    }
}

/// A scratch folder removed when the test ends.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cloudfirst-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        try? FileManager.default.removeItem(at: url)
    }

    @discardableResult
    func write(_ name: String, _ contents: String) throws -> String {
        try write(name, Data(contents.utf8))
    }

    @discardableResult
    func write(_ name: String, _ contents: Data) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: file)
        return file.path
    }
}
