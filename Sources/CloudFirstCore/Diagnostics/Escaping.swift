extension String {
    /// The text with control characters written as escapes (`\n`, `\t`, `\u{1B}`), so that text from an input can
    /// neither start a new diagnostic line nor send a terminal its escape sequences.
    public var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: \.isControl) else { return self }
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

extension Unicode.Scalar {
    /// C0 and C1 controls and DEL.
    var isControl: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }
}
