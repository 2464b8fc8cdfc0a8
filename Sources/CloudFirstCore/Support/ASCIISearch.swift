/// Substring tests that ignore ASCII case, on UTF-8 bytes.
///
/// The rules and the sizer ask questions such as "does this OS name mention Windows?" of every server, and
/// `lowercased().contains(...)` answers each through Foundation's locale-aware search after building a new string:
/// at 100,000 servers that was a measurable part of `plan`. Every needle here is ASCII, so folding ASCII case on
/// the bytes gives the same answer for it (a non-ASCII byte only ever equals itself).
public enum ASCIISearch {
    /// Whether `text` contains `needle`, ignoring the case of ASCII letters. `needle` must be ASCII.
    public static func contains(_ text: some StringProtocol, _ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { wanted in
            guard !wanted.isEmpty else { return true }
            var text = String(text)
            return text.withUTF8 { bytes in
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

    /// Whether `text` contains any of `needles`, ignoring ASCII case.
    public static func containsAny(_ text: some StringProtocol, _ needles: [String]) -> Bool {
        needles.contains { contains(text, $0) }
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
