#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A file cloudfirst was asked to write could not be written (exit code 3): the path, and the reason in the
/// system's words, or the plainer fact behind them (the folder does not exist, the path is a folder).
public struct WriteFailure: CloudFirstError, CustomStringConvertible, Equatable {
    /// What was being written, as the message names it: "the baseline", "the step summary".
    public var what: String
    public var path: String
    public var reason: String

    public init(what: String, path: String, reason: String) {
        self.what = what
        self.path = path
        self.reason = reason
    }

    /// The failure of writing `path`, its reason worked out from `error` and the file system as it is now.
    public init(what: String, path: String, error: Error) {
        self.init(what: what, path: path, reason: Self.reason(error, writing: path))
    }

    public var exitStatus: ExitStatus { .internalFailure }
    public var message: String { "cloudfirst: " + description }
    public var description: String { "cannot write \(what) '\(path)': \(reason)" }

    /// Why writing `path` failed: the plain fact when the place is wrong (a folder, a missing or read-only folder),
    /// else the POSIX error's own words, found through the underlying errors Foundation wraps it in (Foundation's own
    /// description on Linux is often only "The operation could not be completed. The file doesn't exist." whatever
    /// the cause).
    public static func reason(_ error: Error, writing path: String) -> String {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            return "it is a folder"
        }
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            return "the folder '\(folder)' does not exist"
        }
        if !isFolder.boolValue { return "'\(folder)' is not a folder" }
        var current: NSError? = error as NSError
        while let error = current {
            if error.domain == NSPOSIXErrorDomain, let text = strerror(Int32(error.code)) { return String(cString: text) }
            current = error.userInfo[NSUnderlyingErrorKey] as? NSError
        }
        if !FileManager.default.isWritableFile(atPath: folder) { return "the folder '\(folder)' is not writable" }
        // Foundation gave no system error: ask the system ourselves, as the write did (the file opened for writing,
        // or a new file made beside it, which is how an atomic write starts).
        if FileManager.default.fileExists(atPath: path) {
            let descriptor = open(path, O_WRONLY)
            if descriptor < 0 { return String(cString: strerror(errno)) }
            close(descriptor)
        }
        let probe = (folder as NSString).appendingPathComponent(".cloudfirst-write-check-\(getpid())")
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if descriptor < 0 { return "no file can be made in '\(folder)': " + String(cString: strerror(errno)) }
        close(descriptor)
        unlink(probe)
        return error.localizedDescription
    }
}
