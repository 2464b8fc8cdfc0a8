#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let writeBytes = Glibc.write
#else
private let writeBytes = Darwin.write
#endif

/// The first half of writing a file whole or not at all: the bytes in a new temporary file beside the target (same
/// folder, so a rename or link into place is atomic), mode 0644, synced to disk. The caller renames or links it into
/// place, and removes it when it does not.
public enum TemporaryFile {
    public struct Failure: Error, Equatable {
        /// Whether the temporary file could not be made at all, rather than made and not written.
        public var created: Bool
        /// The system's words.
        public var reason: String
    }

    /// Writes `bytes` to `.cloudfirst-XXXXXX` in `target`'s folder and returns its path; on failure nothing is left.
    public static func write(_ bytes: [UInt8], beside target: String) throws(Failure) -> String {
        // The target's folder: "." for a bare name, "" (so "/.cloudfirst-...") for a file in the root.
        let folder = target.contains("/") ? String(target[..<target.lastIndex(of: "/")!]) : "."
        var template = Array((folder + "/.cloudfirst-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw Failure(created: false, reason: String(cString: strerror(errno))) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { writeBytes(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                unlink(temporary)
                throw Failure(created: true, reason: reason)
            }
            written += count
        }
        fchmod(descriptor, 0o644)
        guard fsync(descriptor) == 0, close(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(created: true, reason: reason)
        }
        return temporary
    }
}
