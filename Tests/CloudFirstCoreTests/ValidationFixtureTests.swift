import CloudFirstCore
import Foundation
import Testing

/// Every fixture in Fixtures/Validation produces exactly the diagnostics in its `.diagnostics` file.
@Suite struct ValidationFixtureTests {
    static let fixtures = TestPaths.files(in: TestPaths.validation, suffix: ".yaml")

    @Test func everyFixtureHasItsExpectedDiagnostics() {
        let goldens = TestPaths.files(in: TestPaths.validation, suffix: ".diagnostics")
        #expect(goldens.map { $0.replacingOccurrences(of: ".diagnostics", with: ".yaml") } == Self.fixtures)
        #expect(Self.fixtures.count >= 25)
    }

    @Test(arguments: fixtures)
    func diagnosticsMatchGolden(_ name: String) {
        let result = loadFixture(TestPaths.validation.appendingPathComponent(name), displayPath: name)
        let golden = TestPaths.validation.appendingPathComponent(name.replacingOccurrences(of: ".yaml",
                                                                                           with: ".diagnostics"))
        Golden.check(result.transcript, against: golden)
        #expect((result.estate != nil) == !result.diagnostics.hasErrors)
    }

    /// The two-thread reader must see exactly what the one-thread reader sees, whatever the file holds.
    @Test(arguments: fixtures)
    func pipelinedReadingMatchesSingleThreaded(_ name: String) {
        let url = TestPaths.validation.appendingPathComponent(name)
        var pipelined = YAMLLimits()
        pipelined.parallelThreshold = 0
        var single = YAMLLimits()
        single.parallelThreshold = .max
        let a = loadFixture(url, displayPath: name, limits: pipelined)
        let b = loadFixture(url, displayPath: name, limits: single)
        #expect(a.transcript == b.transcript)
        #expect(a.estate?.servers.map(\.id) == b.estate?.servers.map(\.id))
        #expect(a.estate?.services.map(\.id) == b.estate?.services.map(\.id))
    }

    @Test func estateSpreadOverFilesResolvesReferencesAcrossThem() {
        let folder = TestPaths.estates.appendingPathComponent("split").path
        let result = EstateLoader.load(paths: [folder])
        #expect(result.diagnostics.isEmpty)
        #expect(result.files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["services.yml",
                                                                                    "site-and-servers.yaml"])
        let estate = try! #require(result.estate)
        #expect(estate.services.map(\.id) == ["app", "db"])
        #expect(estate.service("app")?.servers.map(\.id) == ["app01"])
        #expect(estate.assumptions.startDate == CalendarDate(year: 2027, month: 4, day: 1))
        #expect(estate.organisation?.odsCode == "ZS1")
    }

    @Test func conflictsAcrossFilesNameBothPlaces() {
        let folder = TestPaths.estates.appendingPathComponent("split-conflicts")
        let sources = ["one.yaml", "two.yaml"].map {
            InventorySource(displayPath: "split-conflicts/" + $0, contents: .file(folder.appendingPathComponent($0).path))
        }
        let result = EstateLoader.load(sources)
        Golden.check(result.transcript, against: TestPaths.estates.appendingPathComponent("split-conflicts.diagnostics"))
        #expect(result.estate == nil)
    }

    @Test func pathsThatCannotBeReadAreReportedWithoutAPosition() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("cloudfirst-empty-\(getpid())")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = EstateLoader.load(paths: ["/nonexistent/estate.yaml", empty.path])
        #expect(result.diagnostics.map(\.rendered) == [
            "/nonexistent/estate.yaml: error: no such file or folder '/nonexistent/estate.yaml' [path-not-found]",
            "\(empty.path): error: folder '\(empty.path)' holds no inventory files (*.yaml or *.yml) [no-inventory-files]",
        ])
        #expect(result.estate == nil)
    }
}
