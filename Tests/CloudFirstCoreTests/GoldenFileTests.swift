import Foundation
import GoldenFiles
import Testing

/// The golden-file check every test target uses, on a scratch file. Not run while recording, when it writes instead.
@Suite(.disabled(if: GoldenFile.recording, "the golden files are being recorded"))
struct GoldenFileTests {
    static func scratch(_ contents: String?) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString).txt")
        if let contents { try Data(contents.utf8).write(to: file) }
        return file
    }

    @Test func theSameTextPasses() throws {
        let file = try Self.scratch("one\ntwo\n")
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(GoldenFile.compare("one\ntwo\n", with: file, name: "x.txt") == nil)
    }

    @Test func aDifferenceNamesTheFileTheLineAndTheSwitch() throws {
        let file = try Self.scratch("one\ntwo\nthree\n")
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(GoldenFile.compare("one\n2\nthree\n", with: file, name: "docs/x.md")
            == "docs/x.md differs from the output: line 2 is '2' where the file has 'two'; if the change is meant, "
            + "re-record with CLOUDFIRST_RECORD=1 swift test and review the diff")
        #expect(GoldenFile.compare("one\n", with: file, name: "x.txt")?
            .contains(": line 2 is the end where the file has 'two';") == true)
        #expect(GoldenFile.compare("one\ntwo\nthree", with: file, name: "x.txt")?
            .contains(": only the final newline differs;") == true)
    }

    @Test func aMissingFileSaysHowToRecordIt() throws {
        let file = try Self.scratch(nil)
        #expect(GoldenFile.compare("anything", with: file, name: "Goldens/new.txt")
            == "missing golden file Goldens/new.txt; record it with CLOUDFIRST_RECORD=1 swift test")
        #expect(!FileManager.default.fileExists(atPath: file.path), "checking must not write")
    }
}
