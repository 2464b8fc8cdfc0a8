import CloudFirstCore

/// What every rule may read: the estate, the date it is judged on, the catalogues, and indexes built once.
public struct AssessmentContext: Sendable {
    public let estate: Estate
    /// The day the assessment is made; every rule that depends on today reads this, never the clock.
    public let asOf: CalendarDate
    public let lifecycle: LifecycleCatalogue
    /// For each server (by index in `estate.servers`), the indexes of the services that run on it.
    public let servicesOfServer: [[Int]]

    public init(estate: Estate, asOf: CalendarDate, lifecycle: LifecycleCatalogue = .embedded) {
        self.estate = estate
        self.asOf = asOf
        self.lifecycle = lifecycle
        var servicesOfServer = [[Int]](repeating: [], count: estate.servers.count)
        for (serviceIndex, service) in estate.services.enumerated() {
            for reference in service.servers {
                if let serverIndex = estate.serverIndex[reference.id],
                   servicesOfServer[serverIndex].last != serviceIndex {
                    servicesOfServer[serverIndex].append(serviceIndex)
                }
            }
        }
        self.servicesOfServer = servicesOfServer
    }

    /// The servers a service runs on, in the order it lists them.
    public func servers(of service: Service) -> [Server] {
        service.servers.compactMap { estate.serverIndex[$0.id].map { estate.servers[$0] } }
    }

    /// The date `months` months after the as-of date (clamped to the month's last day).
    public func monthsAhead(_ months: Int) -> CalendarDate {
        asOf.adding(months: months)
    }
}

extension CalendarDate {
    /// The same day `months` later, or the month's last day when it is shorter.
    public func adding(months: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + months
        let newYear = total / 12, newMonth = total % 12 + 1
        var newDay = day
        while CalendarDate(year: newYear, month: newMonth, day: newDay) == nil { newDay -= 1 }
        return CalendarDate(year: newYear, month: newMonth, day: newDay)!
    }
}
