import CloudFirstCore
import Foundation
import Testing

/// The inventory `cloudfirst init` writes is valid, and its assumptions block states every default as it is.
@Suite struct StarterInventoryTests {
    static func load(_ text: String) -> LoadResult {
        EstateLoader.load([InventorySource(displayPath: StarterInventory.fileName, contents: .bytes(Array(text.utf8)))])
    }

    @Test func starterIsValid() {
        let result = Self.load(StarterInventory.text)
        #expect(result.diagnostics.map(\.rendered) == [])
        #expect(result.estate != nil)
    }

    @Test func assumptionsAreTheDefaults() throws {
        let written = try #require(Self.load(StarterInventory.text).estate).assumptions
        #expect(written.source != nil, "the starter gives no assumptions block")
        let defaults = Assumptions()
        #expect(written.targetClouds == defaults.targetClouds)
        #expect(written.regions == defaults.regions)
        #expect(written.utilisationPercentile == defaults.utilisationPercentile)
        #expect(written.comfortFactor == defaults.comfortFactor)
        #expect(written.currency == defaults.currency)
        #expect(written.startDate == defaults.startDate)
        #expect(written.freezeWindows == defaults.freezeWindows)
        #expect(written.maxServicesPerWave == defaults.maxServicesPerWave)
        #expect(written.maxServersPerWave == defaults.maxServersPerWave)
        #expect(written.teamSize == defaults.teamSize)
        #expect(written.gbpPerUSD == defaults.gbpPerUSD)
        #expect(written.onPremisesMonthlyGBP == defaults.onPremisesMonthlyGBP)
        #expect(written.linkMbps == defaults.linkMbps)
        #expect(written.maxPatientCriticalPerWave == defaults.maxPatientCriticalPerWave)
        #expect(written.clinicalCutoverGapWeeks == defaults.clinicalCutoverGapWeeks)
        #expect(written.procurementWeeks == defaults.procurementWeeks)
        #expect(written.safetyCaseWeeks == defaults.safetyCaseWeeks)
        #expect(written.circuitWeeks == defaults.circuitWeeks)
        #expect(written.commitment == defaults.commitment)
        #expect(written.azureHybridBenefit == defaults.azureHybridBenefit)
    }

    @Test func everyAssumptionIsWrittenOut() {
        let text = StarterInventory.text
        for field in InventorySchema.assumptions.fields {
            #expect(text.contains("\n  \(field.name):") || text.contains("\n  # \(field.name): "),
                    "assumption '\(field.name)' is not written")
        }
    }

    @Test func assumptionsWrittenCommentedOutAreRealKeys() throws {
        let text = StarterInventory.text.replacingOccurrences(of: "# start_date: YYYY-MM-DD", with: "start_date: 2027-04-01")
            .replacingOccurrences(of: "# on_premises_monthly_gbp: 0", with: "on_premises_monthly_gbp: 0")
        let result = Self.load(text)
        #expect(result.diagnostics.map(\.rendered) == [])
        let assumptions = try #require(result.estate).assumptions
        #expect(assumptions.startDate == CalendarDate("2027-04-01"))
        #expect(assumptions.onPremisesMonthlyGBP == 0)
    }

    @Test func noLineIsLongerThanTheRepositorysWidth() {
        for line in StarterInventory.text.split(separator: "\n") { #expect(line.count <= 118, "\(line)") }
    }
}
