import CloudFirstCore

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

    /// The calendar's last day: dates past it are held there, so arithmetic on a far-future date cannot fail.
    static let lastDayNumber = CalendarDate(year: 9999, month: 12, day: 31)!.dayNumber
    static let firstDayNumber = CalendarDate(year: 1, month: 1, day: 1)!.dayNumber

    init(dayNumber unclamped: Int) {
        let dayNumber = min(max(unclamped, Self.firstDayNumber), Self.lastDayNumber)
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self = CalendarDate(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)!
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// The first day of the month after this date's.
    public var firstOfNextMonth: CalendarDate {
        month == 12 ? CalendarDate(year: min(9999, year + 1), month: 1, day: 1)!
            : CalendarDate(year: year, month: month + 1, day: 1)!
    }

    var monthDay: MonthDay { MonthDay(month: month, day: day)! }
}

extension FreezeWindow {
    /// The window's last day: a window written to 28 February runs to the end of February, so that in a leap year
    /// the 29th is inside it too.
    var lastDay: MonthDay { to.month == 2 && to.day == 28 ? MonthDay(month: 2, day: 29)! : to }

    /// Whether `date` falls inside the window (which may run over the new year, as 12-01 to 02-28 does).
    public func contains(_ date: CalendarDate) -> Bool {
        let day = date.monthDay, to = lastDay
        return from <= to ? (from <= day && day <= to) : (day >= from || day <= to)
    }

    /// The first day after the window that holds `date`.
    public func firstDayAfter(_ date: CalendarDate) -> CalendarDate {
        let to = lastDay
        let endYear = from <= to || date.monthDay < from ? date.year : date.year + 1
        var endDay = to.day
        while CalendarDate(year: endYear, month: to.month, day: endDay) == nil { endDay -= 1 }
        return CalendarDate(year: endYear, month: to.month, day: endDay)!.adding(days: 1)
    }

    /// Whether the window holds back a service of this criticality: a window for a criticality holds back that one
    /// and every more critical one (a freeze for business-critical services protects patient-critical ones too). A
    /// service with no criticality counts as business-operational, as everywhere in the plan.
    public func applies(to criticality: Criticality?) -> Bool {
        guard appliesTo != .all, let scope = Criticality(rawValue: appliesTo.rawValue) else { return true }
        return Self.rank(criticality ?? .businessOperational) <= Self.rank(scope)
    }

    /// 0 for patient-critical, the most critical.
    static func rank(_ criticality: Criticality) -> Int { Criticality.allCases.firstIndex(of: criticality)! }

    /// The criticalities for which `windows` leave no day of the year to start on, most critical first.
    public static func blockedAllYear(_ windows: [FreezeWindow]) -> [Criticality] {
        Criticality.allCases.filter { criticality in
            let applying = windows.filter { $0.applies(to: criticality) }
            // Every day of a leap year, so 29 February counts.
            return (0..<366).allSatisfy { offset in
                let day = CalendarDate(year: 2028, month: 1, day: 1)!.adding(days: offset)
                return applying.contains { $0.contains(day) }
            }
        }
    }
}
