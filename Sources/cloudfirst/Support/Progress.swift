#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A status line on stderr while a long step runs, on a terminal only: a national estate takes seconds to read,
/// assess and write, and a silent terminal looks stuck. Each step replaces the last; `done` clears the line, so
/// nothing of it stays in the scrollback or reaches a pipe or a log.
enum Progress {
    static let enabled = isatty(2) == 1

    /// Shows `text` for the step that starts now; nothing on a pipe.
    static func step(_ text: String) {
        guard enabled else { return }
        Terminal.flush()
        emit("\r\u{1B}[2K" + text + "…")
    }

    /// Reports how far a counted step has got, at most every few percent.
    static func count(_ done: Int, of total: Int, _ what: String) {
        guard enabled, total > 0, done == total || done % max(1, total / 50) == 0 else { return }
        emit("\r\u{1B}[2K\(what): \(done) of \(total) (\(done * 100 / total)%)")
    }

    static func done() {
        guard enabled else { return }
        emit("\r\u{1B}[2K")
    }

    private static func emit(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { raw in
            #if canImport(Glibc)
            Glibc.write(2, raw.baseAddress, raw.count)
            #else
            Darwin.write(2, raw.baseAddress, raw.count)
            #endif
        }
    }
}
