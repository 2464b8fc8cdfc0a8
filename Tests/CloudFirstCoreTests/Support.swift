import CloudFirstCore
import Foundation
import GoldenFiles
import Testing

/// Paths and switches the tests share.
enum TestPaths {
    /// The package root, found from this file's path so tests run from any working directory.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/CloudFirstCoreTests/Fixtures")
    static let validation = fixtures.appendingPathComponent("Validation")
    static let estates = fixtures.appendingPathComponent("Estates")
    static let inventories = root.appendingPathComponent("Inventories")

    /// Names of the files in `folder` ending in `suffix`, sorted.
    static func files(in folder: URL, suffix: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(suffix) }.sorted()
    }
}

/// Golden files: the expected output sits beside the test's input; `CLOUDFIRST_RECORD=1 swift test` rewrites them
/// (`GoldenFile`), and the diff is reviewed like code. A missing golden file fails the test.
enum Golden {
    static func check(_ actual: String, against file: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        if let failure = GoldenFile.compare(actual, with: file, name: file.lastPathComponent) {
            Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation)
        }
    }
}

extension LoadResult {
    /// Diagnostics as printed, then the summary line: what a golden file pins.
    var transcript: String {
        (diagnostics.map(\.rendered) + [ValidationReport(self).summary]).joined(separator: "\n") + "\n"
    }
}

/// Loads one file with the display path the golden files use.
func loadFixture(_ url: URL, displayPath: String, limits: YAMLLimits = YAMLLimits()) -> LoadResult {
    EstateLoader.load([InventorySource(displayPath: displayPath, contents: .file(url.path))], limits: limits)
}
