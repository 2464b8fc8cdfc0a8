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

/// Writes a file whole or not at all: the bytes go to a temporary file in the same folder, which is then linked
/// into place (failing if a file is already there, so nothing is overwritten between a check and the write) or, when
/// replacing, renamed over the old file.
enum AtomicFile {
    struct Failure: Error, CustomStringConvertible {
        var path: String
        var reason: String
        /// The file was already there and was not to be replaced.
        var exists = false

        var description: String { "cannot write '\(path)': \(reason)" }
    }

    static func write(_ bytes: [UInt8], to path: String, replacing: Bool) throws {
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        var template = Array((folder + "/.cloudfirst-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { writeBytes(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                unlink(temporary)
                throw Failure(path: path, reason: reason)
            }
            written += count
        }
        fchmod(descriptor, 0o644)
        guard fsync(descriptor) == 0, close(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(path: path, reason: reason)
        }
        defer { unlink(temporary) }
        if replacing {
            guard rename(temporary, path) == 0 else {
                throw Failure(path: path, reason: String(cString: strerror(errno)))
            }
        } else if link(temporary, path) != 0 {
            let exists = errno == EEXIST
            throw Failure(path: path, reason: exists ? "it already exists (--force overwrites)"
                                                     : String(cString: strerror(errno)), exists: exists)
        }
    }
}
