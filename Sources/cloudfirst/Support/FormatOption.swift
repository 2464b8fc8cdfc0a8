import ArgumentParser
import Reporting

/// A `--format` value: one of the identifiers of `Formats`' renderers, or an older name it still accepts. Help lists
/// each format with its renderer's summary, and completion offers the identifiers, all from the registry, so a
/// format added there is accepted, listed and completed with no change here.
struct FormatOption<Formats: RendererRegistry>: ExpressibleByArgument, Sendable {
    /// The renderer's identifier (an alias already resolved).
    let identifier: String

    init?(argument: String) {
        guard let renderer = Formats.renderer(named: argument) else { return nil }
        identifier = renderer.identifier
    }

    /// The registry's first format: every command lists its terminal default first.
    static var first: FormatOption { FormatOption(argument: Formats.identifiers[0])! }

    var renderer: any Renderer<Formats.Subject> { Formats.renderer(named: identifier)! }

    var defaultValueDescription: String { identifier }

    static var allValueStrings: [String] { Formats.identifiers }

    static var allValueDescriptions: [String: String] {
        Dictionary(uniqueKeysWithValues: Formats.all.map { ($0.identifier, $0.summary) })
    }

    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}

extension FormatOption {
    /// Renders `subject` as this format: its notices on stderr, its output on stdout (nothing when it is empty, as
    /// GitHub annotations are for a valid estate), then its job summary when GITHUB_STEP_SUMMARY is set.
    func write(_ subject: Formats.Subject) throws {
        let renderer = self.renderer
        for notice in renderer.notices(for: subject) { Terminal.err(notice) }
        // Straight to stdout as the renderer writes: a streaming renderer's output is never held whole.
        var output = Terminal.StandardOutput()
        renderer.render(subject, to: &output)
        output.finish()
        if let summary = renderer.jobSummary(for: subject) { try StepSummary.appendIfRequested(summary) }
    }
}
