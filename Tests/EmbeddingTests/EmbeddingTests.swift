import Assessment
import CloudFirstCore
import Foundation
import Generation
import Planning
import Testing

/// The binary carries the sample estate, the catalogues and the templates as Swift strings that the EmbedResources
/// plugin writes at build time. Each must be its file byte for byte: compared as UTF-8 bytes, not as Strings, which
/// would call a precomposed and a combining accent equal.
@Suite struct EmbeddingTests {
    /// The package root, found from this file's path so the tests run from any working directory.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func bytes(of path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(path)))
    }

    /// The files under `folder` as the plugin lists them: by relative path, hidden files and folders skipped.
    static func files(under folder: String) -> Set<String> {
        let base = root.appendingPathComponent(folder).standardizedFileURL.path
        let walker = FileManager.default.enumerator(at: root.appendingPathComponent(folder),
                                                    includingPropertiesForKeys: [.isRegularFileKey],
                                                    options: [.skipsHiddenFiles])
        var files: Set<String> = []
        while let url = walker?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            files.insert(String(url.standardizedFileURL.path.dropFirst(base.count + 1)))
        }
        return files
    }

    /// The single files: where each came from, its exact contents, and the text its readers take.
    static let singleFiles: [(path: String, contents: String, text: String)] = [
        (SampleEstate.displayPath, SampleEstate.contents, SampleEstate.text),
        (EmbeddedLifecycle.displayPath, EmbeddedLifecycle.contents, EmbeddedLifecycle.text),
        (EmbeddedPrices.displayPath, EmbeddedPrices.contents, EmbeddedPrices.text),
    ]

    @Test func eachSingleFileIsItsSourceByteForByte() throws {
        #expect(Self.singleFiles.map(\.path)
            == ["Inventories/northshire-acute.yaml", "Catalogues/lifecycle.csv", "Catalogues/prices.csv"])
        for file in Self.singleFiles {
            #expect(Array(file.contents.utf8) == (try Self.bytes(of: file.path)), "\(file.path)")
        }
    }

    /// `text` is what the code that reads these files has always been given: the file without its final line feed.
    @Test func textIsTheFileWithoutItsFinalLineFeed() {
        for file in Self.singleFiles {
            #expect(Array(file.text.utf8) + [UInt8(ascii: "\n")] == Array(file.contents.utf8), "\(file.path)")
        }
    }

    @Test func everyTemplateIsItsFileByteForByte() throws {
        #expect(EmbeddedTemplates.displayPath == "Templates")
        let onDisk = Self.files(under: "Templates")
        #expect(onDisk.count >= 20)
        #expect(Set(EmbeddedTemplates.files.keys) == onDisk,
                "the build embedded another set of files: `touch Package.swift` so SwiftPM lists Templates/ again")
        for path in onDisk.sorted() {
            #expect(Array(EmbeddedTemplates.files[path, default: ""].utf8) == (try Self.bytes(of: "Templates/\(path)")),
                    "\(path)")
        }
    }

    /// The fixtures hold what a plain string literal would get wrong; each comes back exactly, and hidden files stay out.
    @Test func awkwardFilesComeBackByteForByte() throws {
        let folder = EmbeddedFixtures.displayPath
        #expect(Set(EmbeddedFixtures.files.keys) == [
            "controls-and-unicode.txt", "empty.txt", "line-endings.txt", "nested/deeper/terraform.tf.mustache",
            "quotes-and-hashes.txt",
        ])
        #expect(Set(EmbeddedFixtures.files.keys) == Self.files(under: folder))
        for (path, text) in EmbeddedFixtures.files {
            #expect(Array(text.utf8) == (try Self.bytes(of: "\(folder)/\(path)")), "\(path)")
        }
    }

    /// Guards the fixtures themselves: an edit that loses an awkward character would make the test above prove less.
    @Test func theFixturesHoldTheAwkwardCharacters() throws {
        let files = try EmbeddedFixtures.files.keys.map { Data(try Self.bytes(of: "\(EmbeddedFixtures.displayPath)/\($0)")) }
        for needle in ["\"\"\"#", "\"\"\"##", "\\#(", "\\##n", "\\(", "\\\n", "\\##\n", "\r\n", "return\rand", "\0",
                       "\u{1B}", "\u{7F}", "\u{85}", "\u{FEFF}", "\u{2028}", "\u{2029}", "e\u{301}", "é", "£", "👩‍⚕️",
                       "\t", "\n\n"] {
            #expect(files.contains { $0.range(of: Data(needle.utf8)) != nil }, "no \(needle.debugDescription) in the fixtures")
        }
    }
}
