/// Date arithmetic on `CalendarDate`, in one place for every module: day numbers, days and months added, the first
/// of the next month. Proleptic Gregorian; every result is held inside the calendar (years 1 to 9999), so that
/// arithmetic on a far-future date cannot fail.
extension CalendarDate {
    /// Days since 1970-01-01 (proleptic Gregorian), by Howard Hinnant's days-from-civil algorithm.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day numbers of 0001-01-01 and 9999-12-31, the calendar's first and last days.
    static let firstDayNumber = CalendarDate(validYear: 1, month: 1, day: 1).dayNumber
    public static let lastDayNumber = CalendarDate(validYear: 9999, month: 12, day: 31).dayNumber

    /// The date of a day number (`dayNumber`), held inside the calendar.
    public init(dayNumber unclamped: Int) {
        let dayNumber = min(max(unclamped, Self.firstDayNumber), Self.lastDayNumber)
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        // Hinnant's civil-from-days gives a real date for every day number, and the clamp above keeps the year in
        // 1...9999.
        self.init(validYear: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// `day` of the month, or the month's last day when the month is shorter (30 February is 28 or 29 February);
    /// the year held inside the calendar and the month in 1...12.
    public init(year: Int, month: Int, clampingDay day: Int) {
        let year = min(max(year, 1), 9999), month = min(max(month, 1), 12)
        self.init(validYear: year, month: month, day: min(max(day, 1), Self.daysIn(month: month, year: year)))
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// The same day `months` later, or the month's last day when it is shorter.
    public func adding(months: Int) -> CalendarDate {
        let total = min(max(year * 12 + (month - 1) + months, 12), 9999 * 12 + 11)
        return CalendarDate(year: total / 12, month: total % 12 + 1, clampingDay: day)
    }

    /// The first day of the month after this date's.
    public var firstOfNextMonth: CalendarDate {
        month == 12 ? CalendarDate(year: year + 1, month: 1, clampingDay: 1)
            : CalendarDate(year: year, month: month + 1, clampingDay: 1)
    }

    /// A date its caller has checked is real.
    private init(validYear year: Int, month: Int, day: Int) {
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            preconditionFailure("\(year)-\(month)-\(day) is not a date")
        }
        self = date
    }
}
