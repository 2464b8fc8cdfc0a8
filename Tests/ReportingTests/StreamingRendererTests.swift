import Assessment
import CloudFirstCore
import Reporting
import Testing

/// The streaming renderers write their output piece by piece as it is made. The goldens pin the bytes end to end;
/// these pin the pieces: SARIF's against the log `SARIFLog.document` builds whole by its own path, and JUnit's and
/// CSV's (whose whole strings are their streams collected) a case or a row at a time, nothing waiting for the whole
/// report.
@Suite struct StreamingRendererTests {
    /// A stream that keeps each piece written to it, in a box its copies share.
    struct Pieces: TextOutputStream {
        final class Log { var pieces: [String] = [] }
        let log = Log()
        mutating func write(_ string: String) { log.pieces.append(string) }
    }

    static func subject(findingRows: Bool = false) throws -> AssessmentSubject {
        let assessment = try TemplateContextTests.sample()
        return AssessmentSubject(view: AssessmentView(assessment), policy: Policy(), version: "test",
                                 findingRows: findingRows, sarifRoot: "/repo", workingDirectory: "/repo")
    }

    static func streamed(_ renderer: some Renderer<AssessmentSubject>, _ subject: AssessmentSubject) -> [String] {
        var stream = Pieces()
        renderer.render(subject, to: &stream)
        return stream.log.pieces
    }

    @Test func sarifStreamedIsTheLogMadeWhole() throws {
        let subject = try Self.subject()
        let whole = AssessmentSARIF.render(subject.view, policy: subject.policy, version: subject.version,
                                           root: subject.sarifRoot, workingDirectory: subject.workingDirectory)
        #expect(Self.streamed(AssessmentSARIF(), subject).joined() == whole.rendered())
    }

    /// A piece for the head, each suite's head, each case and each suite's tail, and the tail.
    @Test func junitIsWrittenACaseAtATime() throws {
        let subject = try Self.subject()
        let pieces = Self.streamed(AssessmentJUnit(), subject)
        let threshold = subject.policy.failOn ?? .high
        #expect(pieces.joined() == AssessmentJUnit.render(subject.view, policy: subject.policy, threshold: threshold))
        let cases = pieces.filter { $0.hasPrefix("    <testcase ") }
        let suites = pieces.filter { $0.hasPrefix("  <testsuite ") }
        #expect(suites.count >= subject.view.services.count && !cases.isEmpty)
        #expect(pieces.count == 2 + cases.count + 2 * suites.count)
    }

    /// A piece per row, the header first.
    @Test(arguments: [false, true])
    func csvIsWrittenARowAtATime(findingRows: Bool) throws {
        let subject = try Self.subject(findingRows: findingRows)
        let pieces = Self.streamed(AssessmentCSV(), subject)
        let whole = findingRows ? AssessmentCSV.findings(subject.view) : AssessmentCSV.services(subject.view)
        #expect(pieces.joined() == whole)
        #expect(pieces.count == (try CSV.parse(whole)).count)
        #expect(pieces.allSatisfy { $0.hasSuffix("\r\n") })
        if !findingRows { #expect(pieces.count == 1 + subject.view.services.count) }
    }
}
