import ArgumentParser
import CatalogueRefresh
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Assessment
import CloudFirstCore
import Planning

@main
struct CloudFirst {
    static func main() {
        // The one place an exit code is chosen: every command throws what went wrong, or returns for success.
        let code: ExitStatus
        do {
            try Self.checkSubcommandNames(Array(CommandLine.arguments.dropFirst()))
            var command = try Root.parseAsRoot()
            try command.run()
            code = .success
        } catch let failure as CloudFirstError {
            if !failure.message.isEmpty { Terminal.err(failure.message) }
            code = failure.exitStatus
        } catch {
            code = Self.report(error)
        }
        Terminal.flush()
        Progress.finish()
        if Terminal.writeFailed {
            // Output that could not be written is a failure, whatever the command found (exit code 3).
            Terminal.err("cloudfirst: could not write the output: \(String(cString: strerror(errno)))")
            Terminal.flush()
            exit(ExitStatus.internalFailure.rawValue)
        }
        exit(code.rawValue)
    }

    /// A first argument that is not an option must name a subcommand; `help` must name real ones too (ArgumentParser
    /// says only "Unexpected argument" for the first, and prints the root help with exit 0 for the second). A name
    /// close to a real one is suggested, as git, terraform and kubectl do.
    static func checkSubcommandNames(_ arguments: [String]) throws {
        guard let first = arguments.first, !first.hasPrefix("-") else { return }
        let names = first == "help" ? Array(arguments.dropFirst().prefix { !$0.hasPrefix("-") }) : [first]
        var subcommands: [ParsableCommand.Type] = Root.configuration.subcommands
        var path = "cloudfirst"
        var atRoot = true
        for name in names {
            var known: [String] = []
            for subcommand in subcommands { known.append(subcommand._commandName) }
            if atRoot { known.append("help") }
            if atRoot, name == "help" { return }
            guard let index = known.firstIndex(of: name) else {
                if known.isEmpty { throw UnknownSubcommand(problem: "'\(path)' has no subcommand '\(name)'") }
                let suggestion = Suggestion.closest(to: name, among: known)
                throw UnknownSubcommand(problem: "unknown subcommand '\(name)' of '\(path)'"
                    + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                    + "\nKnown subcommands: \(known.joined(separator: ", ")).")
            }
            let next = subcommands[index]
            path += " " + name
            subcommands = next.configuration.subcommands
            atRoot = false
        }
    }

    struct UnknownSubcommand: CloudFirstError {
        var problem: String
        var exitStatus: ExitStatus { .invalidInput }
        var message: String { "Error: \(problem)\n  See 'cloudfirst --help' for more information." }
    }

    /// The embedded catalogues the figures come from (the prices' data dates and the lifecycle catalogue's size),
    /// then the refreshed ones the user's cache holds, which commands use in their place.
    static var catalogues: String {
        let dates = PriceCatalogue.embedded.dataDates
        return (["prices: embedded, data \(dates.earliest) to \(dates.latest)",
                 "lifecycle: embedded, \(LifecycleCatalogue.embedded.entries.count) rows"]
            + CatalogueCache(option: nil).refreshedLines).joined(separator: "\n")
    }

    /// Prints a parsing or help message the way ArgumentParser would, but keeps `cloudfirst`'s exit codes:
    /// help is 0, a wrong command line is 2 (not ArgumentParser's 64), anything else is an internal failure, 3.
    static func report(_ error: Error) -> ExitStatus {
        let message = Root.fullMessage(for: error)
        let code = Root.exitCode(for: error)
        if code == .success {
            if message == CloudFirstVersion.current, CommandLine.arguments.contains("--version") {
                // The first line stays the bare version, which scripts read; the catalogues follow it.
                Terminal.out(message + "\n" + Self.catalogues)
                return .success
            }
            if !message.isEmpty { Terminal.out(message) }
            return .success
        }
        if !message.isEmpty { Terminal.err(message) }
        if code == .validationFailure || error is ValidationError || code == .failure { return .invalidInput }
        return .internalFailure
    }
}

struct Root: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cloudfirst",
        abstract: "Assess an NHS estate for the public cloud, offline.",
        discussion: """
        Reads a YAML inventory of servers and services (a file, or a folder of *.yaml files). With no PATH, \
        commands use the embedded sample estate.

        Exit codes: 0 success; 1 the inventory fails the policy asked for; 2 the input could not be read or is \
        invalid, or the command line is wrong; 3 an internal or I/O failure.
        """,
        version: CloudFirstVersion.current,
        subcommands: [Validate.self, Assess.self, ExplainCommand.self, Plan.self, Generate.self, Diff.self,
                      RulesCommand.self, SchemaCommand.self, TemplatesCommand.self, Init.self, ImportCommand.self,
                      CatalogueCommand.self]
    )
}
