import ArgumentParser
import Assessment
import CloudFirstCore
import Foundation
import Reporting

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "One service in detail: its findings, score arithmetic, readiness, strategy and confidence.",
        discussion: """
        Shows where the service is defined; its score worked out from 100, rule by rule; why it has its readiness; \
        every finding and gate with its file, line and column and what to do about it; the decision table's row \
        that gave the strategy, with its reasons, and the owner's choice; the evidence behind its confidence and \
        what would raise it; and its servers. Exit code 2 when the service is not in the estate.

        Examples:
          cloudfirst explain nsh-epr
          cloudfirst explain epr estate/ --as-of 2027-04-01
          cloudfirst explain epr estate/ --format json
        """
    )

    @Argument(help: ArgumentHelp("The service's id, as 'cloudfirst assess' lists it.", valueName: "service"))
    var service: String

    @OptionGroup var input: EstateInput
    @OptionGroup var options: AssessmentOptions
    @OptionGroup var catalogue: LifecycleOptions

    @Option(help: "The format to write.")
    var format: FormatOption<ExplanationRenderers> = .first

    func validate() throws {
        // `cloudfirst explain estate.yaml` names an inventory where the service belongs. A service id never holds a
        // slash or ends like a YAML file; one that is also a file's name is taken as the service when paths follow.
        if service.hasSuffix(".yaml") || service.hasSuffix(".yml") || service.contains("/")
            || (input.paths.isEmpty && FileManager.default.fileExists(atPath: service)) {
            throw ValidationError("'\(service)' is an inventory path, not a service; the service comes first: "
                + "cloudfirst explain SERVICE [PATH...]")
        }
    }

    func run() throws {
        let policy = try options.policy(for: input)
        Progress.step("reading the inventory")
        let estate = try input.loadValid()
        guard estate.service(service) != nil else {
            Progress.done()
            throw CommandFailure(.invalidInput, message: "Error: \(Self.unknown(service, in: estate))")
        }
        Progress.step("assessing \(Plural.count(estate.services.count, "service"))")
        let assessment = Assessor(policy: policy).assess(estate, asOf: options.date, lifecycle: try catalogue.lifecycle())
        ProcessLifetime.keep(assessment)
        Progress.done()
        guard let explanation = ServiceExplanation(service: service, in: assessment, policy: policy) else {
            throw CommandFailure(.invalidInput, message: "Error: \(Self.unknown(service, in: estate))")
        }
        try format.write(ExplanationSubject(explanation: explanation, estate: estate, asOf: assessment.asOf,
                                            colour: Terminal.colourOnStdout))
    }

    /// Names the nearest service, and a server's services when the name is a server's.
    static func unknown(_ name: String, in estate: Estate) -> String {
        var message = "no service '\(name)' in the estate"
        if let server = estate.serverIndex[name] {
            let services = estate.services.filter { $0.servers.contains { $0.id == estate.servers[server].id } }
                .map(\.id)
            message += services.isEmpty ? "; '\(name)' is a server, in no service"
                : "; '\(name)' is a server, of \(services.map { "'\($0)'" }.joined(separator: ", "))"
        } else if let suggestion = Suggestion.closest(to: name, among: estate.services.map(\.id)) {
            message += "; did you mean '\(suggestion)'?"
        }
        return message + "\n  'cloudfirst assess' lists the services."
    }
}
