extension String {
    /// The text with control characters written as escapes (`\n`, `\t`, `\u{1B}`), so that text from an input can
    /// neither start a new diagnostic line nor send a terminal its escape sequences.
    public var escapingControlCharacters: String {
        // Control characters are C0 (below 0x20), DEL and C1 (U+0080 to U+009F, which UTF-8 writes after 0xC2): text
        // with none of those bytes, nearly all of it, is returned after one pass over its bytes.
        guard ASCIISearch.anyByte(self, where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }),
              unicodeScalars.contains(where: \.isControl) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.isControl: out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    /// Text that keeps a Markdown table cell or list item whole: a pipe would end the cell, a line break the row.
    /// One pass over the UTF-8, and none at all for the usual text with neither: plans write it for every line.
    public var escapingForMarkdownTable: String {
        guard ASCIISearch.anyByte(self, where: { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "\n") }) else {
            return self
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 8)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "|"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "|")]
            case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: " "))
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Double {
    /// A number as people write it: "70000", not "70000.0"; "2.5" stays "2.5".
    public var plainDescription: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}

extension Unicode.Scalar {
    /// C0 and C1 controls and DEL.
    var isControl: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }
}
