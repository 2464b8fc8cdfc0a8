// Embeds the top-level files the binary carries (the sample estate, the catalogues, the templates) into the targets
// that read them, at build time: for each, the embed-resources tool writes a Swift file into this plugin's work
// folder, and nothing generated is committed.
//
// Every file embedded is a declared input of its command, so an edit to one reruns only its command, and the Swift it
// writes keeps the text in a function body, so only that generated file is compiled again before the link. A folder's
// files are listed here, when SwiftPM plans the build, and SwiftPM keeps its plan until Package.swift or a target's
// own sources change: a file added to, renamed in or removed from a folder such as Templates/ is embedded only after
// `touch Package.swift` (`swift package resolve` is not enough). EmbeddingTests fails when the plan is stale.
import Foundation
import PackagePlugin

/// A file, or every file under a folder (hidden ones aside), by its path from the package root, as the public enum
/// `type` with the documentation `doc`.
struct Embedding {
    enum Kind: String { case file, folder }
    let kind: Kind
    let path: String
    let type: String
    let doc: String
}

/// What each target embeds; a target that applies the plugin and is not listed here is an error.
let embeddings: [String: [Embedding]] = [
    "CloudFirstCore": [Embedding(kind: .file, path: "Inventories/northshire-acute.yaml", type: "SampleEstate",
                                 doc: "The sample estate every command uses when given no path, so a first run shows something real.")],
    "Assessment": [Embedding(kind: .file, path: "Catalogues/lifecycle.csv", type: "EmbeddedLifecycle",
                             doc: "The lifecycle catalogue: end-of-support dates of operating systems, databases and applications, with their sources.")],
    "Planning": [Embedding(kind: .file, path: "Catalogues/prices.csv", type: "EmbeddedPrices",
                           doc: "The price catalogue: public list prices for UK regions, in US dollars, each row with its source and date.")],
    "Generation": [Embedding(kind: .folder, path: "Templates", type: "EmbeddedTemplates",
                             doc: "The templates cloudfirst renders (Templates/), so the installed binary needs no files beside it.")],
    "Reporting": [Embedding(kind: .folder, path: "Templates/reports", type: "EmbeddedReportTemplates",
                            doc: "The Mustache templates of the human documents (Markdown), so the installed binary needs no files beside it.")],
    // Files whose every awkward character (quotes, backslashes, `"""#`, carriage returns, control characters, non-ASCII)
    // the tests prove comes back byte for byte.
    "EmbeddingTests": [Embedding(kind: .folder, path: "Tests/EmbeddingTests/Fixtures", type: "EmbeddedFixtures",
                                 doc: "Awkward files, embedded as the binary's files are, for the round-trip tests.")],
]

struct UnknownTarget: Error, CustomStringConvertible {
    let name: String
    var description: String { "target '\(name)' applies EmbedResources but Plugins/EmbedResources lists nothing for it" }
}

@main struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let wanted = embeddings[target.name] else { throw UnknownTarget(name: target.name) }
        let tool = try context.tool(named: "embed-resources").url
        return try wanted.map { embedding in
            let source = context.package.directoryURL.appending(path: embedding.path)
            let output = context.pluginWorkDirectoryURL.appending(path: "\(embedding.type).swift")
            var arguments = [embedding.kind.rawValue, output.path, embedding.type, embedding.path, embedding.doc,
                             source.path]
            var inputs = [source]
            if embedding.kind == .folder {
                let files = try Self.files(under: source)
                arguments += files
                inputs = files.map { source.appending(path: $0) }
            }
            return .buildCommand(displayName: "Embedding \(embedding.path) as \(embedding.type)", executable: tool,
                                 arguments: arguments, inputFiles: inputs, outputFiles: [output])
        }
    }

    /// The paths under `folder` of its files, hidden files and folders skipped, sorted so the output is the same on
    /// every machine.
    static func files(under folder: URL) throws -> [String] {
        let root = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else { return [] }
        var files: [String] = []
        for case let url as URL in walker where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            files.append(String(url.standardizedFileURL.path.dropFirst(root.count + 1)))
        }
        return files.sorted()
    }
}
