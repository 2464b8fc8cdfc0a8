import CloudFirstCore
import Foundation

/// Values as exports write them.
enum ExportValues {
    /// A number as a spreadsheet or a CSV export writes it: `4.5999999999999996`, `122880`, `" 1,234,567.5"` (with
    /// thousands separators, in groups of three). Nil for text that is not a number, and for a decimal comma (`4,5`),
    /// which cannot be told from a thousands separator.
    static func number(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if let value = Double(trimmed), value.isFinite { return value }
        guard trimmed.contains(",") else { return nil }
        let parts = trimmed.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        let head = groups[0].hasPrefix("-") ? groups[0].dropFirst() : groups[0]
        guard (1...3).contains(head.count), head.allSatisfy(\.isASCIIDigit),
              groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        let joined = groups.joined() + (parts.count > 1 ? "." + parts[1] : "")
        return Double(joined).flatMap { $0.isFinite ? $0 : nil }
    }

    /// `True`/`False` as RVTools writes them (text, any case), and Excel's booleans (which the workbook reader gives
    /// as the same words); `1`/`0` too.
    static func boolean(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "1", "yes": true
        case "false", "0", "no": false
        default: nil
        }
    }

    /// An Excel serial date (days since 1899-12-30 in the 1900 date system, the fraction the time of day) as
    /// `YYYY-MM-DD`; text that already starts with such a date is given as that date. Nil otherwise.
    static func day(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count >= 10, isISODay(trimmed.prefix(10)) { return String(trimmed.prefix(10)) }
        guard let serial = Double(trimmed), serial >= 61, serial < 2_958_466 else { return nil }
        // Serial 25569 is 1970-01-01, day 0 of the calendar's own day numbers.
        return CalendarDate(dayNumber: Int(serial.rounded(.down)) - 25_569).description
    }

    private static func isISODay(_ text: Substring) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 10 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
            && bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || (48...57).contains($0.element) }
    }

    /// A version a spreadsheet stored as a float (`4.5999999999999996`) as people write it (`4.6`): at most 12
    /// significant digits, trailing zeros dropped. Text that is not a number is kept as it is.
    static func version(_ text: String) -> String {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)) else { return text }
        var written = String(format: "%.12g", value)
        if written.contains("."), !written.contains("e") {
            while written.hasSuffix("0") { written.removeLast() }
            if written.hasSuffix(".") { written.removeLast() }
        }
        return written
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
