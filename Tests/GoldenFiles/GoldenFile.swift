import Foundation

/// Golden files: the output a test expects, kept in the repository. `CLOUDFIRST_RECORD=1 swift test` is the one switch
/// that rewrites every one of them (and docs/rules.md) from what the code produces now, for the diff to be reviewed
/// like code; without it a golden file that differs, or is missing, fails its test with the message `compare` gives.
/// Every test target checks its golden files through here, so the switch is implemented once.
public enum GoldenFile {
    public static let recordCommand = "CLOUDFIRST_RECORD=1 swift test"

    /// True when the tests are run to record their golden files rather than to check them.
    public static var recording: Bool { ProcessInfo.processInfo.environment["CLOUDFIRST_RECORD"] == "1" }

    /// When recording, writes `actual` to `file` (making its folder) and returns nil, or a message if it cannot. Otherwise
    /// returns nil when `file` holds exactly `actual`, else a message that names the file as `name`, says where the two
    /// first differ and how to re-record.
    public static func compare(_ actual: String, with file: URL, name: String) -> String? {
        if recording {
            do {
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: file)
                return nil
            } catch {
                return "could not record \(name): \(error)"
            }
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            return "missing golden file \(name); record it with \(recordCommand)"
        }
        guard actual != expected else { return nil }
        return "\(name) differs from the output: \(firstDifference(expected: expected, actual: actual)); if the change "
            + "is meant, re-record with \(recordCommand) and review the diff"
    }

    /// When recording, removes `folder`, so that a golden file the code no longer writes goes with it.
    public static func clearForRecording(_ folder: URL) {
        guard recording else { return }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Where two texts first differ, by line, with both lines as they are.
    static func firstDifference(expected: String, actual: String) -> String {
        func lines(_ text: String) -> [Substring] {
            (text.hasSuffix("\n") ? text.dropLast() : Substring(text)).split(separator: "\n",
                                                                             omittingEmptySubsequences: false)
        }
        let old = lines(expected), new = lines(actual)
        let common = min(old.count, new.count)
        guard let line = (0..<common).first(where: { old[$0] != new[$0] }) ?? (old.count == new.count ? nil : common)
        else { return "only the final newline differs" }
        func shown(_ lines: [Substring]) -> String { line < lines.count ? "'\(lines[line])'" : "the end" }
        return "line \(line + 1) is \(shown(new)) where the file has \(shown(old))"
    }
}
