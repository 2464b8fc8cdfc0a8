#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Results to stdout, diagnostics to stderr; colour only on a terminal and never with NO_COLOR.
///
/// Output is buffered per stream (a large estate can print many thousands of lines), and the other stream is
/// flushed first whenever the stream being written changes, so the order on a shared terminal is the order written.
enum Terminal {
    nonisolated(unsafe) private static var pending: [UInt8] = []
    nonisolated(unsafe) private static var pendingDescriptor: Int32 = 1
    /// Set when a write failed (a full disk, a closed stream): the command must then exit 3, not 0.
    nonisolated(unsafe) private(set) static var writeFailed = false

    static func out(_ text: String) { write(text, to: 1) }

    /// stdout as a stream: each piece goes to the buffer as it is written, nothing added between pieces; `finish`
    /// ends the output with a line end if it has none, as `out` does.
    struct StandardOutput: TextOutputStream {
        private var last: UInt8?

        mutating func write(_ string: String) {
            guard let final = string.utf8.last else { return }
            Terminal.write(string, to: 1, lineEnd: false)
            last = final
        }

        func finish() {
            if let last, last != UInt8(ascii: "\n") { Terminal.write("\n", to: 1, lineEnd: false) }
        }
    }
    static func err(_ text: String) {
        // A status line left on the terminal would have the diagnostic glued onto its end.
        Progress.clear()
        write(text, to: 2)
    }

    static func flush() {
        var offset = 0
        while offset < pending.count {
            let written = pending.withUnsafeBytes { raw in
                posixWrite(pendingDescriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                writeFailed = true
                break
            }
            offset += written
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Whether text written to stderr may carry ANSI colour.
    static let colourOnStderr: Bool = isatty(2) == 1 && !noColour

    /// Whether text written to stdout may carry ANSI colour.
    static let colourOnStdout: Bool = isatty(1) == 1 && !noColour

    private static var noColour: Bool {
        guard let value = getenv("NO_COLOR") else { return false }
        return value.pointee != 0
    }

    enum Style: String {
        case red = "\u{1B}[1;31m", yellow = "\u{1B}[1;33m", bold = "\u{1B}[1m"
        case dim = "\u{1B}[2m"
    }

    static func styled(_ text: String, _ style: Style, when enabled: Bool) -> String {
        enabled ? style.rawValue + text + "\u{1B}[0m" : text
    }

    private static func write(_ text: String, to descriptor: Int32, lineEnd: Bool = true) {
        if descriptor != pendingDescriptor {
            flush()
            pendingDescriptor = descriptor
        }
        pending.append(contentsOf: text.utf8)
        // Bytes, not characters: "\r\n" is one Character, so `hasSuffix("\n")` is false for CSV's line ends.
        if lineEnd, text.utf8.last != UInt8(ascii: "\n") { pending.append(UInt8(ascii: "\n")) }
        if pending.count >= 1 << 16 { flush() }
    }
}

#if canImport(Glibc)
private let posixWrite = Glibc.write
#else
private let posixWrite = Darwin.write
#endif
