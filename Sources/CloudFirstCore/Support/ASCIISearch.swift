/// Tests on text's UTF-8 bytes: substrings that ignore ASCII case, and whether any byte matches (the escaping of
/// control characters and table cells asks that of every line it writes).
///
/// The rules and the sizer ask questions such as "does this OS name mention Windows?" of every server, and
/// `lowercased().contains(...)` answers each through Foundation's locale-aware search after building a new string:
/// at 100,000 servers that was a measurable part of `plan`. Every needle here is ASCII, so folding ASCII case on
/// the bytes gives the same answer for it (a non-ASCII byte only ever equals itself).
public enum ASCIISearch {
    /// Whether `text` contains `needle`, ignoring the case of ASCII letters. `needle` must be ASCII.
    public static func contains(_ text: some StringProtocol, _ needle: String) -> Bool {
        withBytes(needle) { wanted in
            guard !wanted.isEmpty else { return true }
            return withBytes(text) { bytes in
                guard bytes.count >= wanted.count else { return false }
                let first = lower(wanted[0])
                for start in 0...(bytes.count - wanted.count) where lower(bytes[start]) == first {
                    var offset = 1
                    while offset < wanted.count, lower(bytes[start + offset]) == lower(wanted[offset]) { offset += 1 }
                    if offset == wanted.count { return true }
                }
                return false
            }
        }
    }

    /// Whether any of the text's UTF-8 bytes matches.
    public static func anyByte(_ text: some StringProtocol, where matches: (UInt8) -> Bool) -> Bool {
        withBytes(text) { $0.contains(where: matches) }
    }

    /// Runs `body` on the text's UTF-8 bytes: in place where the string stores them contiguously (a native string
    /// or a slice of one), else on a copy.
    @inline(__always)
    static func withBytes<Result>(_ text: some StringProtocol,
                                  _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Whether `text` contains any of `needles`, ignoring ASCII case.
    public static func containsAny(_ text: some StringProtocol, _ needles: [String]) -> Bool {
        needles.contains { contains(text, $0) }
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
