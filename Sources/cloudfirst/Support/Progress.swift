#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A status line on stderr while a long step runs, on a terminal only: a national estate takes seconds to read,
/// assess and write, and a silent terminal looks stuck. Each step replaces the last; `done` clears the line, so
/// nothing of it stays in the scrollback or reaches a pipe or a log.
///
/// With `CLOUDFIRST_TIMINGS` set in the environment, each step's wall time is written to stderr instead (on a pipe
/// too), so a slow step can be found without a profiler.
enum Progress {
    static let enabled = isatty(2) == 1 && !timed
    private static let timed = getenv("CLOUDFIRST_TIMINGS") != nil
    nonisolated(unsafe) private static var current: (text: String, start: Double)?
    /// Whether a status line is on the terminal now, to be cleared before anything else is written to stderr.
    nonisolated(unsafe) private static var shown = false

    /// Shows `text` for the step that starts now; nothing on a pipe.
    static func step(_ text: String) {
        if timed { lap(next: text) }
        guard enabled else { return }
        Terminal.flush()
        emit("\r\u{1B}[2K" + text + "…")
        shown = true
    }

    /// Reports how far a counted step has got, at most every few percent.
    static func count(_ done: Int, of total: Int, _ what: String) {
        guard enabled, total > 0, done == total || done % max(1, total / 50) == 0 else { return }
        Terminal.flush()
        emit("\r\u{1B}[2K\(what): \(done) of \(total) (\(done * 100 / total)%)")
        shown = true
    }

    static func done() {
        if timed { lap(next: "writing the output") }
        guard enabled else { return }
        emit("\r\u{1B}[2K")
        shown = false
    }

    /// Clears the status line, if one is shown, so that a diagnostic written next starts on a line of its own.
    static func clear() {
        guard shown else { return }
        shown = false
        emit("\r\u{1B}[2K")
    }

    /// Ends the last timed step, once the output is flushed.
    static func finish() {
        if timed { lap(next: nil) }
    }

    /// Writes the finished step's wall time and starts timing the next.
    private static func lap(next: String?) {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let seconds = Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
        if let current {
            let elapsed = Int(((seconds - current.start) * 1000).rounded())
            emit("\(current.text): \(elapsed) ms\n")
        }
        current = next.map { ($0, seconds) }
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
