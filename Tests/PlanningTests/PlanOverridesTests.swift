import CloudFirstCore
import Planning
import Testing

/// The command line's planning overrides and the check that assumptions can be planned with at all.
struct PlanOverridesTests {
    static let allYear = FreezeWindow(from: MonthDay(month: 1, day: 1)!, to: MonthDay(month: 12, day: 31)!,
                                      appliesTo: .businessCritical)

    @Test func windowsCoveringTheWholeYearAreRefused() {
        var assumptions = Assumptions()
        assumptions.freezeWindows = [Self.allYear]
        #expect(throws: AssumptionsProblem.frozenAllYear([.patientCritical, .businessCritical])) {
            try assumptions.checkPlannable()
        }
        #expect(AssumptionsProblem.frozenAllYear([.patientCritical, .businessCritical]).message
            == "cloudfirst: the freeze windows cover every day of the year for patient-critical, business-critical "
            + "services: no wave that moves one could start. Shorten assumptions.freeze_windows")
        #expect(AssumptionsProblem.frozenAllYear([]).exitStatus == .invalidInput)
    }

    @Test func twoWindowsThatTogetherLeaveNoDayAreRefused() {
        var assumptions = Assumptions()
        assumptions.freezeWindows = [
            FreezeWindow(from: MonthDay(month: 7, day: 1)!, to: MonthDay(month: 12, day: 31)!, appliesTo: .all),
            FreezeWindow(from: MonthDay(month: 1, day: 1)!, to: MonthDay(month: 6, day: 30)!, appliesTo: .all),
        ]
        #expect(throws: AssumptionsProblem.frozenAllYear(Criticality.allCases)) { try assumptions.checkPlannable() }
    }

    @Test func theDefaultWinterFreezeLeavesDaysToStart() throws {
        try Assumptions().checkPlannable()
        #expect(FreezeWindow.blockedAllYear(Assumptions().freezeWindows).isEmpty)
    }

    @Test func aStartTooFarAheadIsRefused() throws {
        let overrides = PlanOverrides(startDate: "9001-01-01")
        let problem = #expect(throws: PlanOverrides.Problem.self) { try overrides.check() }
        #expect(problem?.description == "--start-date must be no later than 9000")
        var assumptions = Assumptions()
        assumptions.startDate = CalendarDate(year: 9001, month: 1, day: 1)
        #expect(throws: AssumptionsProblem.startTooFarAhead(CalendarDate(year: 9001, month: 1, day: 1)!)) {
            try assumptions.checkPlannable()
        }
        #expect(AssumptionsProblem.startTooFarAhead(CalendarDate(year: 9001, month: 1, day: 1)!).message
            == "cloudfirst: assumptions.start_date 9001-01-01 is too far ahead to plan (after 9000)")
    }

    @Test(arguments: [
        (PlanOverrides(startDate: "2027-02-30"),
         "--start-date must be a real date written YYYY-MM-DD, found '2027-02-30'"),
        (PlanOverrides(commitment: "5y"), "--commitment must be one of none, 1y or 3y, found '5y'"),
        (PlanOverrides(maxServicesPerWave: 0), "--max-services-per-wave must be at least 1, found 0"),
        (PlanOverrides(maxServersPerWave: -1), "--max-servers-per-wave must be at least 1, found -1"),
        (PlanOverrides(teamSize: 0), "--team-size must be at least 1, found 0"),
    ])
    func aWrongValueIsNamedWithItsOption(overrides: PlanOverrides, message: String) {
        let problem = #expect(throws: PlanOverrides.Problem.self) { try overrides.check() }
        #expect(problem?.description == message)
    }

    @Test func overridesAreLaidOverTheEstatesAssumptions() throws {
        let overrides = PlanOverrides(startDate: "2027-04-05", maxServicesPerWave: 3, maxServersPerWave: 7, teamSize: 2,
                                      commitment: "3y", azureHybridBenefit: true)
        try overrides.check()
        let applied = try overrides.applied(to: Assumptions())
        #expect(applied.startDate == CalendarDate(year: 2027, month: 4, day: 5))
        #expect(applied.maxServicesPerWave == 3)
        #expect(applied.maxServersPerWave == 7)
        #expect(applied.teamSize == 2)
        #expect(applied.commitment == .threeYear)
        #expect(applied.azureHybridBenefit)
        let unchanged = try PlanOverrides().applied(to: Assumptions())
        #expect(unchanged.startDate == nil && unchanged.maxServicesPerWave == 10 && unchanged.teamSize == 6)
        #expect(unchanged.commitment == Assumptions().commitment && !unchanged.azureHybridBenefit)
    }

    @Test func anOverriddenStartIsCheckedWithTheWindows() {
        var assumptions = Assumptions()
        assumptions.freezeWindows = [Self.allYear]
        #expect(throws: AssumptionsProblem.frozenAllYear([.patientCritical, .businessCritical])) {
            try PlanOverrides(startDate: "2027-01-04").applied(to: assumptions)
        }
    }
}
