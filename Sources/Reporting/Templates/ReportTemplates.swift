import Mustache

/// The Mustache templates of the human documents (Templates/reports, embedded at build time), each rendered from a
/// typed context: a struct whose stored properties are the keys its template names. Text reaches a template already
/// escaped for where it goes (a Markdown table cell), and the templates declare the TEXT content type, so Mustache
/// adds no HTML escaping of its own.
enum ReportTemplates {
    static let fileExtension = ".mustache"

    /// Every embedded template, parsed once. They are part of the binary: one that does not parse is a defect the
    /// tests catch, not an input error.
    static let library: MustacheLibrary = {
        var templates: [String: MustacheTemplate] = [:]
        for (path, text) in EmbeddedReportTemplates.files where path.hasSuffix(fileExtension) {
            do {
                templates[String(path.dropLast(fileExtension.count))] = try MustacheTemplate(string: text)
            } catch {
                preconditionFailure("Templates/reports/\(path) does not parse: \(error)")
            }
        }
        return MustacheLibrary(templates: templates)
    }()

    /// The template's names: `assessment.md` for Templates/reports/assessment.md.mustache.
    static var names: [String] {
        EmbeddedReportTemplates.files.keys.filter { $0.hasSuffix(fileExtension) }
            .map { String($0.dropLast(fileExtension.count)) }.sorted()
    }

    static func render(_ name: String, _ context: some Sendable) -> String {
        guard let text = library.render(context, withTemplate: name) else {
            preconditionFailure("no report template '\(name)' in Templates/reports")
        }
        return text
    }
}

/// A context whose keys a template reads through key paths rather than reflection: Mustache otherwise builds a
/// `Mirror` of the value, and boxes every stored property, for each key it looks up, which is most of the time a
/// long report takes. `keys` names every stored property; an optional one that is nil reads as absent, as it does
/// through reflection.
protocol KeyedTemplateContext: MustacheParent {
    static var keys: [String: any PartialKeyPath<Self> & Sendable] { get }
}

extension KeyedTemplateContext {
    func child(named name: String) -> Any? {
        guard let path = Self.keys[name] else { return nil }
        let value = self[keyPath: path]
        if let optional = value as? any OptionalValue { return optional.wrapped }
        return value
    }
}

/// An optional, whatever it wraps, so a nil one can be told apart from a value.
protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    var wrapped: Any? { self.map { $0 as Any } }
}
