import CloudFirstCore

/// `validate`'s diagnostics as JUnit XML for test reporters: a suite per inventory file, a failing case per error (and
/// per warning when warnings fail the build), a passing case per other warning, and one passing case for a file with
/// no problem, so every file read shows in the report.
public struct ValidationJUnit: Renderer {
    public let identifier = "junit"
    public let summary = "JUnit XML for test reporters, a suite per file; the verdict on stderr"

    public init() {}

    public func render(_ subject: ValidationSubject, to output: inout some TextOutputStream) {
        output.write(Self.render(subject.report, failOnWarnings: subject.failOnWarnings))
    }

    public func notices(for subject: ValidationSubject) -> [String] { [subject.report.summary] }

    /// `failOnWarnings` is `--fail-on warning`: a warning is then a failure, as it fails the command.
    public static func render(_ report: ValidationReport, failOnWarnings: Bool) -> String {
        let diagnostics = report.result.diagnostics
        // Every file read, in the order read, then any other file a diagnostic names (a path that was not found).
        var files = report.result.files
        var known = Set(files)
        for diagnostic in diagnostics where known.insert(diagnostic.file).inserted { files.append(diagnostic.file) }
        let byFile = Dictionary(grouping: diagnostics, by: \.file)
        let suites = files.map { file in
            let mine = byFile[file] ?? []
            let className = "cloudfirst.validate.\(file)"
            guard !mine.isEmpty else {
                return JUnitXML.Suite(name: file, cases: [JUnitXML.TestCase(className: className, name: "valid",
                                                                             outcome: .passed)])
            }
            return JUnitXML.Suite(name: file, cases: mine.map { diagnostic in
                let fails = diagnostic.severity == .error || failOnWarnings
                let outcome: JUnitXML.Outcome = fails
                    ? .failed(type: diagnostic.severity.rawValue, message: diagnostic.message, text: diagnostic.rendered)
                    : .passedWithOutput(diagnostic.rendered)
                return JUnitXML.TestCase(className: className, name: diagnostic.code, outcome: outcome)
            })
        }
        return JUnitXML.document(suites)
    }
}
