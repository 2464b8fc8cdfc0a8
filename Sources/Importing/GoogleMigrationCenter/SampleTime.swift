import CloudFirstCore

/// A `perfInfo.csv` time stamp as seconds since 1970-01-01 00:00 UTC. Read: ISO 8601 (`2026-11-02T10:30:00Z`,
/// `2026-11-02 10:30:00`, with or without seconds, a fraction, `Z` or an offset such as `+01:00`), and the
/// month-first `MM/DD/YYYY, HH:MM:SS` (with `AM`/`PM` or not) that Google's AWS collection script writes. A time
/// without a zone is taken as UTC: only the span between samples is used, and one export writes one zone. A
/// slash date is always month first, so `13/11/2026` is refused rather than read as a day-first date.
enum SampleTime {
    static func seconds(_ text: String) -> Double? {
        let text = text.trimmingCharacters(in: .whitespaces)
        let (date, rest): (CalendarDate?, Substring)
        if text.contains("/") {
            (date, rest) = slashDate(text[...])
        } else {
            (date, rest) = isoDate(text[...])
        }
        guard let date, let clock = time(rest) else { return nil }
        return Double(date.dayNumber) * 86_400 + clock
    }

    /// `YYYY-MM-DD` and what follows it.
    private static func isoDate(_ text: Substring) -> (CalendarDate?, Substring) {
        let parts = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard text.count >= 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return (nil, "") }
        return (CalendarDate(year: year, month: month, day: day), text.dropFirst(10))
    }

    /// `M/D/YYYY` and what follows it.
    private static func slashDate(_ text: Substring) -> (CalendarDate?, Substring) {
        let end = text.firstIndex { $0 == " " || $0 == "," || $0 == "T" } ?? text.endIndex
        let parts = text[..<end].split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, let month = Int(parts[0]), let day = Int(parts[1]),
              let year = Int(parts[2]) else { return (nil, "") }
        return (CalendarDate(year: year, month: month, day: day), text[end...])
    }

    /// The time of day after a date (` 10:30`, `T10:30:00.5Z`, `, 2:05:00 PM`, `+01:00`), in seconds after midnight
    /// UTC; 0 for none.
    private static func time(_ text: Substring) -> Double? {
        var rest = text.drop { $0 == "," || $0 == " " || $0 == "T" }
        if rest.isEmpty { return 0 }
        var zone = 0.0
        if rest.hasSuffix("Z") {
            rest = rest.dropLast()
        } else if let sign = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let offset = rest[rest.index(after: sign)...].replacingOccurrences(of: ":", with: "")
            guard offset.count == 4, let hours = Int(offset.prefix(2)), let minutes = Int(offset.suffix(2)) else {
                return nil
            }
            zone = Double(hours * 3600 + minutes * 60) * (rest[sign] == "+" ? 1 : -1)
            rest = rest[..<sign]
        }
        var afternoon: Bool?
        let upper = rest.uppercased()
        if upper.hasSuffix("AM") || upper.hasSuffix("PM") {
            afternoon = upper.hasSuffix("PM")
            rest = rest.dropLast(2)
        }
        let fields = rest.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count), var hour = Int(fields[0]), let minute = Int(fields[1]),
              (0..<60).contains(minute) else { return nil }
        let second = fields.count == 3 ? Double(fields[2]) : 0
        guard let second, second >= 0, second < 61 else { return nil }
        if let afternoon {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (afternoon ? 12 : 0)
        }
        guard (0..<24).contains(hour) else { return nil }
        return Double(hour * 3600 + minute * 60) + second - zone
    }
}
