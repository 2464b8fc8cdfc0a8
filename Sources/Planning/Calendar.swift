import CloudFirstCore

extension CalendarDate {
    /// Safe: a date's month and day are a real day of its year, and `MonthDay` takes every such day (02-29 too).
    var monthDay: MonthDay { MonthDay(month: month, day: day)! }
}

extension FreezeWindow {
    /// The window's last day: a window written to 28 February runs to the end of February, so that in a leap year
    /// the 29th is inside it too.
    var lastDay: MonthDay { to.month == 2 && to.day == 28 ? MonthDay(month: 2, day: 29)! : to }  // Safe: 02-29 is one.

    /// Whether `date` falls inside the window (which may run over the new year, as 12-01 to 02-28 does).
    public func contains(_ date: CalendarDate) -> Bool {
        let day = date.monthDay, to = lastDay
        return from <= to ? (from <= day && day <= to) : (day >= from || day <= to)
    }

    /// The first day after the window that holds `date`.
    public func firstDayAfter(_ date: CalendarDate) -> CalendarDate {
        let to = lastDay
        let endYear = from <= to || date.monthDay < from ? date.year : date.year + 1
        return CalendarDate(year: endYear, month: to.month, clampingDay: to.day).adding(days: 1)
    }

    /// Whether the window holds back a service of this criticality: a window for a criticality holds back that one
    /// and every more critical one (a freeze for business-critical services protects patient-critical ones too). A
    /// service with no criticality counts as `Criticality.assumed`, as everywhere in the plan.
    public func applies(to criticality: Criticality?) -> Bool {
        guard appliesTo != .all, let scope = Criticality(rawValue: appliesTo.rawValue) else { return true }
        return Criticality.rank(of: criticality) >= scope.rank
    }

    /// The criticalities for which `windows` leave no day of the year to start on, most critical first.
    public static func blockedAllYear(_ windows: [FreezeWindow]) -> [Criticality] {
        Criticality.allCases.filter { criticality in
            let applying = windows.filter { $0.applies(to: criticality) }
            // Every day of a leap year, so 29 February counts.
            return (0..<366).allSatisfy { offset in
                let day = CalendarDate(year: 2028, month: 1, day: 1)!.adding(days: offset)  // Safe: a real date.
                return applying.contains { $0.contains(day) }
            }
        }
    }
}

/// The UK's bank holidays by the rules that set them (GOV.UK, "UK bank holidays"; Banking and Financial Dealings Act
/// 1971, Schedule 1, and St Andrew's Day Bank Holiday (Scotland) Act 2007): a holiday that falls on a weekend moves
/// to the next weekday no other holiday has taken. A one-off holiday by proclamation (8 May 2020 in place of 4 May,
/// 19 September 2022) follows no rule: give it in `assumptions.non_working_days`.
public enum BankHolidays {
    /// The bank holidays of `year` in `region`, in date order; none for `.none`.
    public static func days(in year: Int, region: BankHolidayRegion) -> [CalendarDate] {
        guard region != .none, (2...9998).contains(year), let may = CalendarDate(year: year, month: 5, day: 1),
              let august = CalendarDate(year: year, month: 8, day: 1) else { return [] }
        var fixed: [(month: Int, day: Int)] = [(1, 1)]
        if region == .scotland { fixed.append((1, 2)) }
        if region == .northernIreland { fixed += [(3, 17), (7, 12)] }
        if region == .scotland { fixed.append((11, 30)) }
        fixed += [(12, 25), (12, 26)]
        let easter = easterSunday(year)
        var moving = [easter.adding(days: -2), firstMonday(from: may),
                      lastMonday(before: CalendarDate(year: year, month: 6, day: 1) ?? may)]
        if region != .scotland { moving.append(easter.adding(days: 1)) }
        moving.append(region == .scotland ? firstMonday(from: august)
                      : lastMonday(before: CalendarDate(year: year, month: 9, day: 1) ?? august))
        // Weekday dates first, then each weekend date moved past every holiday already taken.
        let dates = fixed.compactMap { CalendarDate(year: year, month: $0.month, day: $0.day) }
        var taken = Set(moving.map(\.dayNumber) + dates.filter { !isWeekend($0.dayNumber) }.map(\.dayNumber))
        for date in dates where isWeekend(date.dayNumber) {
            var day = date.dayNumber + 1
            while isWeekend(day) || taken.contains(day) { day += 1 }
            taken.insert(day)
        }
        return taken.sorted().map(CalendarDate.init(dayNumber:))
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous algorithm, as in Meeus, "Astronomical Algorithms").
    static func easterSunday(_ year: Int) -> CalendarDate {
        let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1
        // Always 22 March to 25 April, a real date.
        return CalendarDate(year: year, month: month, day: day) ?? CalendarDate(dayNumber: 0)
    }

    /// 0 Monday ... 6 Sunday (1970-01-01, day 0, was a Thursday).
    static func weekday(_ dayNumber: Int) -> Int { ((dayNumber + 3) % 7 + 7) % 7 }
    static func isWeekend(_ dayNumber: Int) -> Bool { weekday(dayNumber) >= 5 }

    static func firstMonday(from date: CalendarDate) -> CalendarDate {
        date.adding(days: (7 - weekday(date.dayNumber)) % 7)
    }

    /// The last Monday before `date`.
    static func lastMonday(before date: CalendarDate) -> CalendarDate {
        let previous = date.adding(days: -1)
        return previous.adding(days: -weekday(previous.dayNumber))
    }
}

/// The days the migration team works: Monday to Friday, less the bank holidays of the trust's nation and the other
/// non-working days it gives (`Assumptions`). A year's holidays are worked out once, when first met.
struct WorkingCalendar {
    let region: BankHolidayRegion
    let extra: Set<Int>
    /// The year last asked about, as day numbers, and its holidays (ten at most): waves are placed in date order, so
    /// one year serves many questions, and a short array scan costs less than a hash.
    private var year = (first: 1, last: 0)
    private var holidays: [Int] = []

    init(_ assumptions: Assumptions) {
        region = assumptions.bankHolidays
        extra = Set(assumptions.nonWorkingDays.map(\.dayNumber))
    }

    mutating func isWorking(_ dayNumber: Int) -> Bool {
        guard !BankHolidays.isWeekend(dayNumber) else { return false }
        if !extra.isEmpty, extra.contains(dayNumber) { return false }
        if dayNumber < year.first || dayNumber > year.last {
            let calendarYear = CalendarDate(dayNumber: dayNumber).year
            year = (CalendarDate(year: calendarYear, month: 1, day: 1)?.dayNumber ?? dayNumber,
                    CalendarDate(year: calendarYear, month: 12, day: 31)?.dayNumber ?? dayNumber)
            holidays = BankHolidays.days(in: calendarYear, region: region).map(\.dayNumber)
        }
        return !holidays.contains(dayNumber)
    }

    /// Calendar days from `start` to the end of the last of `workingDays` working days, `start` included: 12 for ten
    /// working days from a Monday with no holiday; 0 for none.
    mutating func span(from start: CalendarDate, workingDays: Int) -> Int {
        guard workingDays > 0 else { return 0 }
        var day = start.dayNumber, left = workingDays
        // Bounded by the calendar's end, so that no input loops forever.
        while day < CalendarDate.lastDayNumber {
            if isWorking(day) {
                left -= 1
                if left == 0 { break }
            }
            day += 1
        }
        return day - start.dayNumber + 1
    }
}
