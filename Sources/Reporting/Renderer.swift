/// One output format of one kind of result, as SwiftLint has one reporter per format: its `--format` name, the line
/// of help that says what it is for, and how it writes its subject.
///
/// A command renders through its subject's registry (`AssessmentRenderers.all` and the others, one list each), so
/// the formats a command accepts, its help and its completion all come from that list. Adding a format is one file
/// with a type conforming to this protocol and one line in its registry.
public protocol Renderer<Subject>: Sendable {
    /// The typed view model the format is written from.
    associatedtype Subject

    /// The `--format` value.
    var identifier: String { get }

    /// One line for `--help`: what the format is, and what it is for.
    var summary: String { get }

    /// Writes the output. Renderers may build their text in a string first; the sink lets a large one stream.
    func render(_ subject: Subject, to output: inout some TextOutputStream)

    /// Lines for stderr, written before the output: what the format has no place for (a filter's note, a summary).
    func notices(for subject: Subject) -> [String]

    /// Markdown for a CI job summary (GitHub's `GITHUB_STEP_SUMMARY`), when the format has one.
    func jobSummary(for subject: Subject) -> String?
}

extension Renderer {
    public func notices(for subject: Subject) -> [String] { [] }

    public func jobSummary(for subject: Subject) -> String? { nil }

    /// The whole output as one string.
    public func rendered(_ subject: Subject) -> String {
        var text = ""
        render(subject, to: &text)
        return text
    }
}

/// The formats of one kind of result, in the order help lists them; the first is the default.
public protocol RendererRegistry {
    associatedtype Subject

    /// Every format, each identifier once.
    static var all: [any Renderer<Subject>] { get }

    /// Older names still accepted for a format, by the name they stand for; help and completion list only `all`.
    static var aliases: [String: String] { get }
}

extension RendererRegistry {
    /// `text`, the terminal view's older name, for every registry whose terminal view is `table`: one habit carries
    /// across commands.
    public static var aliases: [String: String] { identifiers.contains("table") ? ["text": "table"] : [:] }

    public static var identifiers: [String] { all.map(\.identifier) }

    /// The renderer a `--format` value names, through an alias if it is one.
    public static func renderer(named name: String) -> (any Renderer<Subject>)? {
        let identifier = aliases[name] ?? name
        return all.first { $0.identifier == identifier }
    }
}
