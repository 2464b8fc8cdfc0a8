import CloudFirstCore
import Foundation

/// How plans write money and lists, the same in every format.
public enum PlanFormatting {
    /// Whole months from one date to another, rounded: "26".
    public static func months(from start: CalendarDate, to end: CalendarDate) -> Int {
        Int((Double(end.dayNumber - start.dayNumber + 1) / 30.44).rounded())
    }

    /// Whole pounds with thousands separators: "12,345".
    public static func pounds(_ value: Double) -> String {
        let whole = Int(value.rounded())
        let digits = String(abs(whole))
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out += "," }
            out.append(character)
        }
        return (whole < 0 ? "-" : "") + out
    }

    /// Pence precision for data formats, so totals re-add to within a penny.
    public static func money(_ value: Double) -> JSONValue { .double((value * 100).rounded() / 100) }

    public static func ids(_ indexes: [Int], in estate: Estate) -> [String] { indexes.map { estate.services[$0].id } }
}
