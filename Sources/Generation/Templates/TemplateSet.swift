import CloudFirstCore
import Foundation
import Mustache

/// A problem with a template: which one, where, and what.
public struct TemplateError: CloudFirstError, CustomStringConvertible, Equatable {

    /// The template's path under the templates folder, e.g. `terraform/aws/wave/main.tf.mustache`.
    public let template: String
    /// 1-based, when the problem has a place.
    public let line: Int?
    public let column: Int?
    /// What is wrong, without the place.
    public let problem: String

    public init(template: String, line: Int?, column: Int?, message: String) {
        self.template = template
        self.line = line
        self.column = column
        self.problem = message
    }

    /// A template that cannot be used is the user's input (`--templates`): exit code 2.
    public var exitStatus: ExitStatus { .invalidInput }
    /// The line printed: `template:line:column: error: problem`.
    public var message: String { description }

    public var description: String {
        var place = template
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): error: \(problem)"
    }
}

/// Escapes values for a quoted HCL string: templates write `"{{name}}"` and an inventory value can never end the
/// string or start an interpolation.
struct HCLStringContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            // "${" and "%{" start HCL templates: with the sign doubled, they are literal.
            case "{" where previous == "$" || previous == "%":
                out.unicodeScalars.removeLast()
                out.unicodeScalars.append(previous)
                out.unicodeScalars.append(previous)
                out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            default: out.unicodeScalars.append(scalar)
            }
            previous = scalar
        }
        return out
    }
}

/// The Mustache templates: the embedded set, or a folder a trust has exported and changed. Every template is parsed
/// when the set is loaded, so a broken one is reported before anything is written.
public struct TemplateSet: Sendable {
    /// Templates by path under the templates folder, with the `.mustache` extension.
    public let files: [String: String]
    /// Where they came from, for messages: "embedded" or the folder.
    public let origin: String
    private let compiled: [String: MustacheTemplate]
    private let library: MustacheLibrary

    public static let fileExtension = ".mustache"

    public static func embedded() throws -> TemplateSet {
        try TemplateSet(files: EmbeddedTemplates.files, origin: "embedded")
    }

    /// Reads every `*.mustache` file under `folder`; a file the embedded set has that the folder lacks is taken from
    /// the embedded set, so a trust can override one template and keep the rest.
    public static func load(folder: String) throws -> TemplateSet {
        let root = URL(fileURLWithPath: folder)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw TemplateError(template: folder, line: nil, column: nil, message: "is not a folder of templates")
        }
        var files = EmbeddedTemplates.files
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard url.lastPathComponent.hasSuffix(fileExtension) else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw TemplateError(template: relative, line: nil, column: nil, message: "cannot be read")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw TemplateError(template: relative, line: nil, column: nil, message: "is not UTF-8 text")
            }
            files[relative] = text
        }
        return try TemplateSet(files: files, origin: folder)
    }

    public init(files: [String: String], origin: String) throws {
        MustacheContentTypes.register(HCLStringContentType(), named: "HCL")
        self.files = files
        self.origin = origin
        var compiled: [String: MustacheTemplate] = [:]
        var errors: [TemplateError] = []
        for (path, text) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(Self.fileExtension) {
            do {
                compiled[Self.name(of: path)] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                errors.append(TemplateError(template: path, line: error.context.lineNumber,
                                            column: error.context.columnNumber,
                                            message: "does not parse: \(Self.describe(error.error))"))
            } catch {
                errors.append(TemplateError(template: path, line: nil, column: nil, message: "does not parse: \(error)"))
            }
        }
        // A partial that names no template would render as nothing, silently: refuse it.
        for (path, text) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(Self.fileExtension) {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for match in line.matches(of: /\{\{>\s*([^}\s]+)\s*\}\}/) {
                    let partial = String(match.1)
                    if compiled[partial] == nil {
                        errors.append(TemplateError(template: path, line: number + 1, column: nil,
                                                    message: "includes the partial '\(partial)', which no template "
                                                        + "defines"))
                    }
                }
            }
        }
        if let first = errors.first { throw first }
        self.compiled = compiled
        self.library = MustacheLibrary(templates: compiled)
    }

    /// `terraform/aws/wave/main.tf.mustache` is the template `terraform/aws/wave/main.tf`.
    static func name(of path: String) -> String { String(path.dropLast(fileExtension.count)) }

    /// The templates of one folder (e.g. `terraform/aws/wave`), by output file name (`main.tf`).
    public func templates(in folder: String) -> [String] {
        compiled.keys.filter { $0.hasPrefix(folder + "/") && !$0.dropFirst(folder.count + 1).contains("/") }
            .map { String($0.dropFirst(folder.count + 1)) }.sorted()
    }

    public func render(_ folder: String, _ file: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: folder + "/" + file) ?? ""
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: "a section is closed with the wrong name"
        case MustacheTemplate.Error.unfinishedName: "a tag is not closed"
        case MustacheTemplate.Error.expectedSectionEnd: "a section is never closed"
        case MustacheTemplate.Error.invalidSetDelimiter: "a set-delimiter tag is malformed"
        default: "\(error)"
        }
    }
}
