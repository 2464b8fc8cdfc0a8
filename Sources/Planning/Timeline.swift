import Assessment
import CloudFirstCore

/// What each moving service asks of the calendar: its effort, the lead times it waits on, the data it carries and
/// the site exit it must beat. Every figure is an assumption the trust can set (`Assumptions`), or a multiplier
/// stated here; none is a published figure (REFERENCE.md section 9, "Programme length").
public struct Timing {
    /// Effort is multiplied by this for a service of this criticality: an EPR, PACS or LIMS is a programme of
    /// testing, rehearsal and clinical sign-off, not a task (cloudfirst's judgement).
    public static let effortByCriticality: [Criticality: Double] = [.patientCritical: 3, .businessCritical: 1.5]
    /// Pessimistic multipliers: procurement 3x (6 to 18 months), the safety case and a circuit 2x, effort 1.5x,
    /// data transfer 2x (half the link's rate achieved). cloudfirst's judgement.
    public static let procurementPessimism = 3.0, safetyCasePessimism = 2.0, circuitPessimism = 2.0, dpiaPessimism = 2.0
    public static let effortPessimism = 1.5, transferPessimism = 2.0

    let assessment: EstateAssessment
    let assumptions: Assumptions
    let start: CalendarDate
    let serversOfService: [[Int]]

    var estate: Estate { assessment.estate }

    /// Person-days of migration work for a service (see `Effort`), scaled by its criticality.
    func effort(_ service: Int, strategy: MigrationStrategy) -> Double {
        let estateService = estate.services[service]
        let base = Effort.days(strategy: strategy, servers: serversOfService[service].count,
                               clinical: estateService.clinicalSystem == true)
        return base * (estateService.criticality.flatMap { Self.effortByCriticality[$0] } ?? 1)
    }

    /// Calendar days from the programme's start before the service can move: a repurchase waits for its
    /// procurement, a clinical system for its safety case. Waited, not worked.
    func leadDays(_ service: Int, pessimistic: Bool) -> (days: Int, why: String?) {
        let (procurement, safetyCase, dpia) = leadWeeks(service, pessimistic: pessimistic)
        // The longest wait names the cause; on a tie, procurement, then the safety case, then the DPIA.
        var longest: (days: Int, why: String?) = (0, nil)
        for (weeks, what) in [(procurement, "procurement"), (safetyCase, "the DCB0160 safety case"),
                              (dpia, "the DPIA")] {
            guard let weeks, Int(weeks * 7) > longest.days else { continue }
            longest = (Int(weeks * 7), "\(what) (\(Plural.count(Int(weeks), "week")))")
        }
        return longest
    }

    /// `leadDays` without the words, for ordering groups.
    func leadDayCount(_ service: Int, pessimistic: Bool) -> Int {
        let (procurement, safetyCase, dpia) = leadWeeks(service, pessimistic: pessimistic)
        return max(Int((procurement ?? 0) * 7), Int((safetyCase ?? 0) * 7), Int((dpia ?? 0) * 7))
    }

    /// The weeks of procurement (a repurchase), of safety case (a clinical system) and of DPIA (one still to be
    /// done) the service waits for.
    private func leadWeeks(_ service: Int, pessimistic: Bool)
        -> (procurement: Double?, safetyCase: Double?, dpia: Double?) {
        let assessed = assessment.services[service]
        let procurement = assessed.strategy == .repurchase
            ? Double(assumptions.procurementWeeks) * (pessimistic ? Self.procurementPessimism : 1) : nil
        let safetyCase = estate.services[service].clinicalSystem == true
            ? Double(assumptions.safetyCaseWeeks) * (pessimistic ? Self.safetyCasePessimism : 1) : nil
        let dpia = assessed.awaitsDPIA
            ? Double(assumptions.dpiaWeeks) * (pessimistic ? Self.dpiaPessimism : 1) : nil
        return (procurement, safetyCase, dpia)
    }

    /// The data a service carries to the cloud, GB: its `data.volume_gb`, else the used storage of its servers.
    func volumeGB(_ service: Int) -> Double {
        if let volume = estate.services[service].data?.volumeGB { return volume }
        return serversOfService[service].reduce(0) { total, index in
            let server = estate.servers[index]
            return total + (server.storageGB ?? 0) * (server.utilisation?.storageUsedPercent ?? 100) / 100
        }
    }

    /// Days to carry `gigabytes` over the link at its full rate.
    func transferDays(_ gigabytes: Double, pessimistic: Bool) -> Double {
        gigabytes * 8_000 / (assumptions.linkMbps * 86_400) * (pessimistic ? Self.transferPessimism : 1)
    }

    /// How far ahead a site's lease end or a supplier contract's end orders the waves: the planning horizon the
    /// assessment uses (36 months, `Policy.planningHorizonMonths`), counted from the programme's start.
    static let deadlineHorizonMonths = 36

    /// The earliest lease end among the sites its servers are on, when it falls within the horizon.
    func siteDeadline(_ service: Int) -> CalendarDate? {
        let horizon = start.adding(months: Self.deadlineHorizonMonths)
        return serversOfService[service].compactMap { index in
            estate.servers[index].site.flatMap { estate.site($0.id)?.leaseEnds }
        }.filter { $0 <= horizon }.min()
    }

    /// A repurchase's supplier contract end (`contract_ends`), when it falls within the horizon: the new service
    /// should be live before the old contract runs out. A contract that has already ended is the most urgent of all.
    func contractDeadline(_ service: Int) -> CalendarDate? {
        guard assessment.services[service].strategy == .repurchase,
              let ends = estate.services[service].contractEnds,
              ends <= start.adding(months: Self.deadlineHorizonMonths) else { return nil }
        return ends
    }

    func isPatientCritical(_ service: Int) -> Bool { estate.services[service].criticality == .patientCritical }
}

/// Places waves on the calendar one after another: after the last wave, after the lead times of its services have
/// run, after the gap since the last patient-critical cut-over, and with its whole span clear of the freeze
/// windows that apply to its services (a wave too long to fit between windows keeps at least its cut-over, the last
/// two weeks, clear of them).
struct Schedule {
    let timing: Timing
    let assumptions: Assumptions
    let pessimistic: Bool
    private var previousEnd: CalendarDate
    private var lastClinicalEnd: CalendarDate?
    /// `longestClearRun` of each set of freeze windows met so far, keyed by which of the assumptions' windows apply
    /// (a bit each): a plan has thousands of waves and a handful of such sets.
    private var clearRuns: [UInt64: Int] = [:]
    /// Weekends, bank holidays and the trust's other non-working days.
    private var calendar: WorkingCalendar

    /// A wave's last two weeks: cut-over, then hypercare.
    static let cutoverDays = 14

    init(timing: Timing, assumptions: Assumptions, pessimistic: Bool) {
        self.timing = timing
        self.assumptions = assumptions
        self.pessimistic = pessimistic
        calendar = WorkingCalendar(assumptions)
        previousEnd = timing.start.adding(days: -1)
    }

    /// The landing zone: its working days and the foundation services' effort, then the copy of the foundation's
    /// data (`foundationGB`, a backup repository's above all), or the circuit's lead time when a service users reach
    /// over HSCN moves, whichever is longer. The copy needs the landing zone built but not the HSCN circuit, which
    /// carries users' traffic: a VPN over the internet carries the copy meanwhile (cloudfirst's judgement).
    mutating func landingZone(foundationEffort: Double, foundationGB: Double, circuit: Bool)
        -> (start: CalendarDate, end: CalendarDate, notes: [String]) {
        let effort = foundationEffort * (pessimistic ? Timing.effortPessimism : 1)
        let working = assumptions.landingZoneWorkingDays
            + Int((effort / Double(max(1, assumptions.teamSize))).rounded(.up))
        let built = calendar.span(from: timing.start, workingDays: working)
        let copy = timing.transferDays(foundationGB, pessimistic: pessimistic)
        let transfer = Int(copy.rounded(.up))
        var days = built + transfer
        var notes: [String] = []
        var waited = built
        if circuit {
            let weeks = Double(assumptions.circuitWeeks) * (pessimistic ? Timing.circuitPessimism : 1)
            waited = max(built, Int(weeks * 7))
            if Int(weeks * 7) > days {
                days = Int(weeks * 7)
                notes.append("the HSCN or private circuit to the cloud takes "
                    + "\(Plural.count(assumptions.circuitWeeks, "week")) to order and install (likely): the landing "
                    + "zone waits for it")
            }
        }
        if days > waited {
            notes.append("the foundation services' data (\(PlainNumber.gigabytes(foundationGB))) takes "
                + (copy < 1 ? "under a day" : "about \(Plural.count(transfer, "day"))") + " to copy at "
                + "\(assumptions.linkMbps.plainDescription) Mbit/s once the landing zone is built, which makes it "
                + "\(Plural.count(days - waited, "day")) longer (likely): seed it ahead, or ship it on a device")
        }
        let start = timing.start
        previousEnd = start.adding(days: days - 1)
        return (start, previousEnd, notes)
    }

    /// Places a wave of these services and `effort` person-days.
    /// Where `place` put a wave: its dates, notes on its span, and why it starts later than it could have.
    typealias Placement = (start: CalendarDate, end: CalendarDate, notes: [String], delay: String?)

    mutating func place(_ services: [Int], effort: Double) -> Placement {
        var notes: [String] = []
        let scaledEffort = effort * (pessimistic ? Timing.effortPessimism : 1)
        let working = max(Effort.minimumWaveWorkingDays,
                          Int((scaledEffort / Double(max(1, assumptions.teamSize))).rounded(.up)))
        let gigabytes = services.reduce(0) { $0 + timing.volumeGB($1) }
        let transfer = Int(timing.transferDays(gigabytes, pessimistic: pessimistic).rounded(.up))
        // Working days counted from wherever the wave starts (bank holidays differ), then the copy, which runs
        // every day.
        func span(from start: CalendarDate) -> Int { calendar.span(from: start, workingDays: working) + transfer }
        if transfer >= 7 {
            notes.append("its data (\(PlainNumber.gigabytes(gigabytes))) takes about \(transfer) days to copy at "
                + "\(assumptions.linkMbps.plainDescription) Mbit/s: seed it ahead, or ship it on a device")
        }
        var earliest = previousEnd.adding(days: 1)
        let natural = earliest
        let days = span(from: earliest)
        // Every cause that moved the start, in order, with the start it moved it to.
        var causes: [(why: String, to: CalendarDate)] = []
        // Lead times run from the programme's start.
        var waited: (days: Int, service: Int?) = (0, nil)
        for service in services {
            let days = timing.leadDayCount(service, pessimistic: pessimistic)
            if days > waited.days { waited = (days, service) }
        }
        let ready = timing.start.adding(days: waited.days)
        if ready > earliest, let slowest = waited.service,
           let why = timing.leadDays(slowest, pessimistic: pessimistic).why {
            earliest = ready
            causes.append(("it waits for \(why) of '\(timing.estate.services[slowest].id)'", ready))
        }
        let clinical = services.contains(where: timing.isPatientCritical)
        if clinical, let last = lastClinicalEnd {
            // Cut-overs come at a wave's end: this one's end is at least the gap after the last one's.
            let gapStart = last.adding(days: assumptions.clinicalCutoverGapWeeks * 7 - days + 1)
            if gapStart > earliest {
                earliest = gapStart
                causes.append(("it cuts over a patient-critical service, at least "
                    + "\(Plural.count(assumptions.clinicalCutoverGapWeeks, "week")) after the last one", gapStart))
            }
        }
        var applying: UInt64 = 0
        let windows = assumptions.freezeWindows.enumerated().filter { index, window in
            let applies = services.contains { window.applies(to: timing.estate.services[$0].criticality) }
            if applies && index < 64 { applying |= 1 << UInt64(index) }
            return applies
        }.map(\.element)
        var start = earliest
        let fits: Bool
        if assumptions.freezeWindows.count <= 64 {
            let clearRun = clearRuns[applying] ?? Self.longestClearRun(windows)
            clearRuns[applying] = clearRun
            fits = clearRun >= days
        } else {
            fits = Self.longestClearRun(windows) >= days
        }
        // Shift past every window the span (or, for a wave too long to fit, its cut-over) falls in. The commands
        // refuse windows that cover the whole year; the bound is a last guard so that no input can loop forever.
        let gapEnd = clinical ? lastClinicalEnd.map { $0.adding(days: assumptions.clinicalCutoverGapWeeks * 7) } : nil
        var end = start, settled = false
        for _ in 0..<800 {
            // A wave starts on a working day: no one cuts over a service's first step on a Saturday or Easter Monday.
            while !calendar.isWorking(start.dayNumber), start.dayNumber < CalendarDate.lastDayNumber {
                start = start.adding(days: 1)
            }
            end = start.adding(days: span(from: start) - 1)
            // A later start can take fewer calendar days (a bank holiday left behind): the gap still holds.
            if let gapEnd, end < gapEnd {
                start = start.adding(days: gapEnd.dayNumber - end.dayNumber)
                continue
            }
            let checkedFrom = fits ? start : end.adding(days: 1 - Self.cutoverDays)
            guard let (window, day) = Self.firstOverlap(windows, from: checkedFrom, to: end) else {
                settled = true
                break
            }
            let after = window.firstDayAfter(day)
            let scope = window.appliesTo == .all ? "" : "\(window.appliesTo.rawValue) "
            // Move the whole wave so that what was checked starts after the window.
            start = start.adding(days: max(1, after.dayNumber - checkedFrom.dayNumber))
            causes.append(("it moves \(scope)services, which must not cut over inside the freeze window "
                + "\(window.from) to \(window.to)", start))
        }
        // One cause needs no date of its own: it is the start. Several each say where they left it.
        let delay = causes.isEmpty ? nil : "starts \(start), not \(natural): "
            + (causes.count == 1 ? causes[0].why
                : causes.map { "\($0.why) (to \($0.to))" }.joined(separator: "; then "))
        // The last guard tripped: the span from where the start was left.
        if !settled { end = start.adding(days: span(from: start) - 1) }
        previousEnd = end
        if clinical { lastClinicalEnd = end }
        return (start, end, notes, delay)
    }

    /// The first day in `from...to` inside one of `windows`.
    static func firstOverlap(_ windows: [FreezeWindow], from: CalendarDate, to: CalendarDate)
        -> (FreezeWindow, CalendarDate)? {
        guard !windows.isEmpty, from <= to else { return nil }
        var day = from
        while day <= to {
            if let window = windows.first(where: { $0.contains(day) }) { return (window, day) }
            day = day.adding(days: 1)
        }
        return nil
    }

    /// Whether a span of `days` fits in the longest stretch of the year clear of `windows`.
    static func fitsBetween(_ windows: [FreezeWindow], days: Int) -> Bool {
        longestClearRun(windows) >= days
    }

    /// The longest stretch of days clear of `windows`, over two years (a leap year among them, so that 29 February
    /// counts, and a stretch across the new year counts whole); 732 with no window.
    static func longestClearRun(_ windows: [FreezeWindow]) -> Int {
        var longest = 0, run = 0
        let first = CalendarDate(year: 2027, month: 1, day: 1)!  // Safe: a literal, real date.
        for offset in 0..<(366 * 2) {
            let day = first.adding(days: offset)
            run = windows.contains { $0.contains(day) } ? 0 : run + 1
            longest = max(longest, run)
        }
        return longest
    }
}

/// Numbers as a plan writes them.
enum PlainNumber {
    /// "350 GB", "14.5 TB", "210 TB".
    static func gigabytes(_ value: Double) -> String {
        value >= 1_000 ? ((value / 100).rounded() / 10).plainDescription + " TB" : "\(Int(value.rounded())) GB"
    }
}
