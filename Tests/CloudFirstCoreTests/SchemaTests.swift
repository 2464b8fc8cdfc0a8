import CloudFirstCore
import Foundation
import Testing

@Suite struct SchemaTests {
    /// docs/ holds the schema and the field reference as published; they must be what the code writes.
    @Test func publishedSchemaIsCurrent() {
        Golden.check(JSONSchemaWriter.inventorySchema().rendered(),
                     against: TestPaths.root.appendingPathComponent("docs/inventory.schema.json"))
    }

    @Test func publishedFieldReferenceIsCurrent() {
        Golden.check(FieldReferenceWriter.markdown(),
                     against: TestPaths.root.appendingPathComponent("docs/inventory-format.md"))
    }

    @Test func everyFieldHasADescription() {
        var queue = [InventorySchema.file]
        var seen = 0
        while let schema = queue.popLast() {
            for field in schema.fields {
                seen += 1
                #expect(field.description.count > 5, "\(schema.name).\(field.name)")
                if case .object(let nested) = field.shape { queue.append(nested) }
                if case .list(.object(let nested)) = field.shape { queue.append(nested) }
            }
        }
        #expect(seen >= 80)
    }

    /// The hand-written matchers and the regular expressions published for them accept exactly the same texts.
    @Test(arguments: [
        ("identifier", TextPattern.identifier, ["a", "epr-db01", "EPR_DB.01", "9", String(repeating: "x", count: 64),
                                                "", "-a", ".a", "a b", "a/b", "é", String(repeating: "x", count: 65)]),
        ("odsCode", TextPattern.odsCode, ["RX1", "ZN1AB", "A81001", "rx1", "R1", "RX1ABCD", "RX 1", "RX-1"]),
        ("regionName", TextPattern.regionName, ["uksouth", "eu-west-2", "europe-west2", "UKSouth", "uk south", "-a",
                                                "a-", "a", "2a"]),
    ])
    func textPatternsMatchTheirRegex(_ name: String, _ pattern: TextPattern, _ samples: [String]) throws {
        let regex = try NSRegularExpression(pattern: pattern.regex)
        for sample in samples {
            let byRegex = regex.firstMatch(in: sample, range: NSRange(sample.startIndex..., in: sample)) != nil
            let byCode = pattern.matches(sample)
            #expect(byRegex == byCode, "\(name): '\(sample)'")
        }
    }

    @Test func monthDayRegexAgreesWithTheCalendar() throws {
        let regex = try NSRegularExpression(pattern: MonthDay.regexForSchema)
        for month in 0...13 {
            for day in 0...32 {
                let text = (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
                let byRegex = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
                #expect(byRegex == (MonthDay(month: month, day: day) != nil), "\(text)")
            }
        }
    }

    @Test func datesAreRealCalendarDays() {
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2023-02-29") == nil)
        #expect(CalendarDate("1900-02-29") == nil)
        #expect(CalendarDate("2000-02-29") != nil)
        #expect(CalendarDate("2027-04-31") == nil)
        #expect(CalendarDate("2027-4-30") == nil)
        #expect(CalendarDate("2027-04-01")?.description == "2027-04-01")
        // Written back exactly as read, zero-padded, for every day of a leap year and at the range's ends.
        for text in ["0001-01-01", "0099-12-31", "9999-12-31", "1999-10-09"] {
            #expect(CalendarDate(text)?.description == text)
        }
        var day = CalendarDate(year: 2028, month: 1, day: 1)!
        for _ in 0..<366 {
            #expect(CalendarDate(day.description) == day)
            day = CalendarDate(year: day.year, month: day.month, day: day.day + 1)
                ?? CalendarDate(year: day.year, month: day.month + 1, day: 1) ?? day
        }
    }

    @Test func suggestionsCatchTyposButNotStrangers() {
        #expect(Suggestion.closest(to: "cpu_core", among: ["cpu_cores", "memory_gb"]) == "cpu_cores")
        #expect(Suggestion.closest(to: "databse", among: ["database", "web"]) == "database")
        #expect(Suggestion.closest(to: "Acute", among: ["acute", "community"]) == "acute")
        #expect(Suggestion.closest(to: "dependson", among: ["depends_on", "servers"]) == "depends_on")
        #expect(Suggestion.closest(to: "b", among: ["a"]) == nil)
        // A tie goes to the name the word begins, whatever the order: a name cut short is the likelier slip.
        #expect(Suggestion.closest(to: "nsh-ep", among: ["nsh-ed", "nsh-epr"]) == "nsh-epr")
        #expect(Suggestion.closest(to: "nsh-ep", among: ["nsh-epr", "nsh-ed"]) == "nsh-epr")
        #expect(Suggestion.closest(to: "nsh-ex", among: ["nsh-ey", "nsh-ed"]) == "nsh-ed")
        #expect(Suggestion.closest(to: "operating_system", among: ["os", "role"]) == nil)
    }
}
