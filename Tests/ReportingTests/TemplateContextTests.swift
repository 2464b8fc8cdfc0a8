import Assessment
import CloudFirstCore
import Foundation
import Planning
@testable import Reporting
import Testing

/// The typed contexts the report templates read: the ones read through key paths (`KeyedTemplateContext`, for speed)
/// name every stored property, so no key falls through to an outer context by being left out of the list.
@Suite struct TemplateContextTests {
    static let asOf = CalendarDate(year: 2026, month: 11, day: 25)!

    static func sample() throws -> EstateAssessment {
        let loaded = EstateLoader.load([SampleEstate.source])
        return Assessor().assess(try #require(loaded.estate), asOf: asOf)
    }

    /// The labels reflection sees, against the keys the type lists.
    static func check<T: KeyedTemplateContext>(_ value: T, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let stored = Mirror(reflecting: value).children.compactMap(\.label)
        #expect(Set(T.keys.keys) == Set(stored), "\(T.self)", sourceLocation: sourceLocation)
        #expect(stored.count == T.keys.count, "\(T.self)", sourceLocation: sourceLocation)
        for label in stored {
            // Through the key path, the value reflection gives (a nil optional reads as absent in both).
            let mirrored = Mirror(reflecting: value).children.first { $0.label == label }!.value
            let keyed = value.child(named: label)
            #expect(String(describing: keyed.map { $0 } ?? "nil" as Any)
                        == String(describing: Self.unwrapped(mirrored) ?? "nil" as Any),
                    "\(T.self).\(label)", sourceLocation: sourceLocation)
        }
    }

    static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }

    @Test func assessmentContextsListEveryProperty() throws {
        let context = AssessmentMarkdown.Context(AssessmentView(try Self.sample()), registry: .standard,
                                                 policy: Policy(), version: "test")
        let service = try #require(context.services.first { !$0.findings.isEmpty })
        Self.check(service)
        Self.check(try #require(service.findings.first))
        // A service with none of its optional values, too.
        Self.check(try #require(context.services.first { $0.held == nil }))
    }

    @Test func planContextsListEveryProperty() throws {
        let plan = Planner().plan(try Self.sample())
        let context = PlanMarkdown.Context(plan, version: "test")
        for wave in context.waves { Self.check(wave) }
        Self.check(try #require(context.waves.flatMap(\.services).first))
        Self.check(try #require(context.sizing.first))
    }

    @Test func diffContextsListEveryProperty() throws {
        // The same estate judged four years later: support has ended for more of it.
        let before = try Self.sample()
        let after = Assessor().assess(before.estate, asOf: CalendarDate(year: 2030, month: 11, day: 25)!)
        let context = DiffMarkdown.Context(AssessmentDiff(old: before, new: after))
        Self.check(try #require(context.services.first))
        Self.check(try #require(context.newFindings.first))
    }

    @Test func ruleContextsListEveryProperty() throws {
        let context = RuleCatalogueMarkdown.Context(.standard, policy: Policy())
        Self.check(try #require(context.rules.first))
        Self.check(try #require(context.rules.flatMap(\.examples).first))
    }

    /// Every template under Templates/reports is embedded and parses, and each is a renderer's.
    @Test func everyTemplateIsEmbeddedAndUsed() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Templates/reports")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { !$0.hasPrefix(".") }
        #expect(Set(EmbeddedReportTemplates.files.keys) == Set(onDisk),
                "the build embedded another set of files: `touch Package.swift` so SwiftPM lists Templates/ again")
        #expect(ReportTemplates.names == ["assessment.md", "diff.md", "plan.md", "rules.md"])
        _ = ReportTemplates.library
    }
}
