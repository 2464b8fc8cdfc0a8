import CloudFirstCore
import Foundation

/// A YAML document as plain values, read with cloudfirst's own reader: enough to take the commands out of the CI
/// examples and hook definitions the documentation ships.
indirect enum YAMLTree {
    case scalar(String)
    case mapping([(key: String, value: YAMLTree)])
    case sequence([YAMLTree])

    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    init(text: String) throws {
        switch YAMLComposer.compose(Array(text.utf8)) {
        case .success(let document): self = Self.tree(document, document.root)
        case .failure(let error): throw Unreadable(description: "\(error.problem) at \(String(describing: error.position))")
        }
    }

    init(file url: URL) throws {
        try self.init(text: try String(contentsOf: url, encoding: .utf8))
    }

    private static func tree(_ document: YAMLDocument, _ node: Int) -> YAMLTree {
        let node = document.resolved(node)
        switch document.kind(node) {
        case .scalar, .alias: return .scalar(document.string(node))
        case .sequence:
            var items: [YAMLTree] = []
            document.forEachChild(of: node) { items.append(tree(document, $0)) }
            return .sequence(items)
        case .mapping:
            var children: [Int] = []
            document.forEachChild(of: node) { children.append($0) }
            var entries: [(key: String, value: YAMLTree)] = []
            for pair in stride(from: 0, to: children.count - 1, by: 2) {
                entries.append((document.string(children[pair]), tree(document, children[pair + 1])))
            }
            return .mapping(entries)
        }
    }

    subscript(_ key: String) -> YAMLTree? {
        guard case .mapping(let entries) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    var string: String? {
        guard case .scalar(let text) = self else { return nil }
        return text
    }

    var items: [YAMLTree] {
        guard case .sequence(let items) = self else { return [] }
        return items
    }

    /// A mapping of scalars as a dictionary (an `env:` or `variables:` block).
    var strings: [String: String] {
        guard case .mapping(let entries) = self else { return [:] }
        var out: [String: String] = [:]
        for entry in entries { if let text = entry.value.string { out[entry.key] = text } }
        return out
    }
}
