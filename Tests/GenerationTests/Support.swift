import Assessment
import CloudFirstCore
import Foundation
import Generation
import Planning
import Testing

enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let asOf = CalendarDate(year: 2026, month: 11, day: 25)!

    static func plan(_ path: String) throws -> MigrationPlan {
        let loaded = EstateLoader.load(paths: [root.appendingPathComponent(path).path])
        let estate = try #require(loaded.estate)
        return Planner().plan(Assessor().assess(estate, asOf: asOf))
    }

    static func generator() throws -> TerraformGenerator {
        TerraformGenerator(templates: try TemplateSet.embedded(), version: "0.0.0-test")
    }
}

/// A scratch folder removed when the test ends.
final class ScratchFolder {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cloudfirst-gen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: url.appendingPathComponent(relative).path).map { String(decoding: $0, as: UTF8.self) }
    }

    func write(_ relative: String, _ text: String) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }
}
