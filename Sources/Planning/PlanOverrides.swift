import CloudFirstCore

/// The planning assumptions a command line may override (`plan` and `generate` share them, so that the Terraform is
/// built from the plan that was reviewed), as written, checked, and laid over the estate's own assumptions.
public struct PlanOverrides: Sendable, Equatable {
    /// Plans run years past their start; this leaves them room inside the calendar's year 9999. The as-of date is held
    /// to it too.
    public static let latestYear = 9000

    /// A command-line value that cannot be planned with; `description` is the whole message, naming the option.
    public struct Problem: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    public var startDate: String?
    public var maxServicesPerWave: Int?
    public var maxServersPerWave: Int?
    public var teamSize: Int?
    public var commitment: String?
    public var azureHybridBenefit: Bool

    public init(startDate: String? = nil, maxServicesPerWave: Int? = nil, maxServersPerWave: Int? = nil,
                teamSize: Int? = nil, commitment: String? = nil, azureHybridBenefit: Bool = false) {
        self.startDate = startDate
        self.maxServicesPerWave = maxServicesPerWave
        self.maxServersPerWave = maxServersPerWave
        self.teamSize = teamSize
        self.commitment = commitment
        self.azureHybridBenefit = azureHybridBenefit
    }

    /// Throws the first value that is not a real date, a known commitment or a positive count, in option order.
    public func check() throws(Problem) {
        if let startDate {
            guard let date = CalendarDate(startDate) else {
                throw Problem(description: "--start-date must be a real date written YYYY-MM-DD, found '\(startDate)'")
            }
            guard date.year <= Self.latestYear else {
                throw Problem(description: "--start-date must be no later than \(Self.latestYear)")
            }
        }
        if let commitment, Commitment(rawValue: commitment) == nil {
            throw Problem(description: "--commitment must be one of none, 1y or 3y, found '\(commitment)'")
        }
        let counts = [("--max-services-per-wave", maxServicesPerWave), ("--max-servers-per-wave", maxServersPerWave),
                      ("--team-size", teamSize)]
        for (name, value) in counts {
            if let value, value < 1 { throw Problem(description: "\(name) must be at least 1, found \(value)") }
        }
    }

    /// `assumptions` with these overrides laid over them, checked: windows that leave no day to start a wave on, or
    /// a start too far ahead to plan, are refused.
    public func applied(to assumptions: Assumptions) throws(AssumptionsProblem) -> Assumptions {
        var assumptions = assumptions
        if let startDate { assumptions.startDate = CalendarDate(startDate) }
        if let maxServicesPerWave { assumptions.maxServicesPerWave = maxServicesPerWave }
        if let maxServersPerWave { assumptions.maxServersPerWave = maxServersPerWave }
        if let teamSize { assumptions.teamSize = teamSize }
        if let commitment = commitment.flatMap(Commitment.init(rawValue:)) { assumptions.commitment = commitment }
        if azureHybridBenefit { assumptions.azureHybridBenefit = true }
        try assumptions.checkPlannable()
        return assumptions
    }
}

/// Assumptions no plan can be made with: the input is wrong (exit code 2).
public enum AssumptionsProblem: CloudFirstError, Equatable {
    /// The freeze windows leave no day of the year to start a wave for these criticalities, most critical first.
    case frozenAllYear([Criticality])
    case startTooFarAhead(CalendarDate)

    public var exitStatus: ExitStatus { .invalidInput }

    public var message: String {
        switch self {
        case .frozenAllYear(let blocked):
            "cloudfirst: the freeze windows cover every day of the year for "
                + blocked.map(\.rawValue).joined(separator: ", ")
                + " services: no wave that moves one could start. Shorten assumptions.freeze_windows"
        case .startTooFarAhead(let start):
            "cloudfirst: assumptions.start_date \(start) is too far ahead to plan (after \(PlanOverrides.latestYear))"
        }
    }
}

extension Assumptions {
    /// Throws when no plan can be made with these assumptions: freeze windows that cover the whole year for some
    /// criticality, or a start after `PlanOverrides.latestYear`.
    public func checkPlannable() throws(AssumptionsProblem) {
        let blocked = FreezeWindow.blockedAllYear(freezeWindows)
        if !blocked.isEmpty { throw .frozenAllYear(blocked) }
        if let start = startDate, start.year > PlanOverrides.latestYear { throw .startTooFarAhead(start) }
    }
}
