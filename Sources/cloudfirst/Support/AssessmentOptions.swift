import ArgumentParser
import Assessment
import CloudFirstCore
import Planning
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What every command that judges an estate needs besides the inventory: the date it is judged on and the
/// organisation's policy.
struct AssessmentOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "The day to judge the estate on, as YYYY-MM-DD (default: today).",
        discussion: "Support end dates, contract windows and exception expiries are measured from it; fix it in CI "
            + "so that results do not change overnight.",
        valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp(
        "An organisation policy file (default: .cloudfirst.yml beside the first inventory path, or for diff beside "
            + "NEW, if there is one).",
        valueName: "file"), completion: .file(extensions: ["yml", "yaml"]))
    var config: String?

    static let latestYear = PlanOverrides.latestYear

    func validate() throws {
        if let asOf {
            guard let date = CalendarDate(asOf) else {
                throw ValidationError("--as-of must be a real date written YYYY-MM-DD, found '\(asOf)'")
            }
            guard date.year <= Self.latestYear else {
                throw ValidationError("--as-of must be no later than \(Self.latestYear)")
            }
        }
    }

    /// The as-of date, or today in the machine's time zone.
    var date: CalendarDate { asOf.flatMap(CalendarDate.init) ?? Self.today }

    static var today: CalendarDate {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }

    /// The policy in force: `--config`, else `.cloudfirst.yml` beside the inventory, else the defaults. A policy file
    /// with a mistake is reported like an inventory, and the command stops with exit code 2.
    func policy(for input: EstateInput) throws -> Policy {
        let path = config ?? (input.usesEmbeddedSample ? nil : PolicyFile.locate(for: input.paths))
        return try path.map(Self.loadPolicy) ?? Policy()
    }

    /// Reads a policy file; a mistake in it is printed like an inventory's, and the command stops with exit code 2.
    static func loadPolicy(at path: String) throws -> Policy {
        let (policy, diagnostics) = PolicyFile.load(InventorySource(displayPath: path, contents: .file(path)))
        let colour = Terminal.colourOnStderr
        for diagnostic in diagnostics { Terminal.err(Validate.render(diagnostic, colour: colour)) }
        guard let policy else { throw PolicyFile.Invalid(path: path, errorCount: diagnostics.errorCount) }
        return policy
    }
}

extension EstateInput {
    /// The estate, or, when it cannot be read or is invalid, every diagnostic on stderr and exit code 2. Warnings are
    /// printed and do not stop the command.
    func loadValid() throws -> Estate {
        try Self.valid(load())
    }

    /// Prints a load's diagnostics; the estate when it is valid, else exit code 2.
    static func valid(_ result: LoadResult) throws -> Estate {
        let colour = Terminal.colourOnStderr
        for diagnostic in result.diagnostics { Terminal.err(Validate.render(diagnostic, colour: colour)) }
        guard let estate = result.estate else {
            throw CommandFailure(.invalidInput, message: ValidationReport(result).summary)
        }
        return estate
    }
}
