import CloudFirstCore
import Foundation

/// GitHub Actions' job summary: Markdown appended to the file `GITHUB_STEP_SUMMARY` names, when it is set.
enum StepSummary {
    /// Appends `text` when the job has a summary file; does nothing outside GitHub Actions.
    static func appendIfRequested(_ text: @autoclosure () -> String) throws {
        guard let path = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return }
        try append(text(), to: path)
    }

    static func append(_ text: String, to path: String) throws {
        guard let handle = FileHandle(forWritingAtPath: path) ?? {
            FileManager.default.createFile(atPath: path, contents: nil) ? FileHandle(forWritingAtPath: path) : nil
        }() else {
            throw WriteFailure(what: "the step summary", path: path, error: CocoaError(.fileWriteUnknown))
        }
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        handle.closeFile()
    }
}
