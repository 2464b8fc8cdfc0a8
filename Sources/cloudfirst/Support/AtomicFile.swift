#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CloudFirstCore

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
        let temporary: String
        do {
            temporary = try TemporaryFile.write(bytes, beside: path)
        } catch {
            throw Failure(path: path, reason: error.reason)
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
