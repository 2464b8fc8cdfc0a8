import CYAML

/// Limits that turn hostile or broken files into clean errors instead of exhausted memory or time.
public struct YAMLLimits: Sendable {
    /// Deepest nesting of mappings and sequences. An inventory needs fewer than 10 levels.
    public var maxDepth: Int = 128
    /// Longest single scalar, in bytes. The longest real value is a free-text note of a few kilobytes.
    public var maxScalarBytes: Int = 1 << 20
    /// Nodes that following aliases may add beyond the document's own: the larger of this floor and
    /// `aliasExpansionFactor` times the document's node count. A billion-laughs file exceeds it after a few levels.
    public var aliasExpansionFloor: Int = 1_000_000
    public var aliasExpansionFactor: Int = 10
    /// Largest file read, in bytes; node and scalar offsets are 32-bit.
    public var maxInputBytes: Int = 512 << 20
    /// Files at least this large are parsed on a second thread while the first decodes (see `InventoryReader`).
    /// Starting a thread costs more than it saves on small files.
    public var parallelThreshold: Int = 1 << 20

    public init() {}
}

/// A YAML error that stops composition, with where it happened.
public struct YAMLError: Error, Sendable {
    public var problem: InventoryProblem
    public var position: SourcePosition?
}

/// Composes one YAML document from libyaml's event stream into a `YAMLDocument`, keeping a 1-based line and column
/// for every node. Scalars keep their bytes and whether they were plain; typing them is the decoder's job, which knows
/// what the schema expects at each place (so `NO` stays text where text is expected).
public enum YAMLComposer {
    public static func compose(_ bytes: [UInt8], limits: YAMLLimits = YAMLLimits()) -> Result<YAMLDocument, YAMLError> {
        bytes.withUnsafeBufferPointer { buffer in
            let store = NodeStore(inputBytes: buffer.count, maxScalarBytes: limits.maxScalarBytes)
            return compose(buffer, into: store, limits: limits, stream: nil).map { YAMLDocument(store: store) }
        }
    }

    /// Composes into `store`, telling `stream` about each finished element of the root mapping's lists it names.
    static func compose(_ input: UnsafeBufferPointer<UInt8>, into store: NodeStore, limits: YAMLLimits,
                        stream: ElementStream?) -> Result<Void, YAMLError> {
        if input.isEmpty { return .failure(YAMLError(problem: .emptyFile, position: nil)) }
        if input.count > limits.maxInputBytes {
            return .failure(YAMLError(problem: .fileTooLarge(bytes: input.count, limit: limits.maxInputBytes),
                                      position: nil))
        }
        var state = ComposerState(store: store, limits: limits, stream: stream)
        return state.run(input)
    }
}

/// Which lists of the root mapping to hand over element by element, and to whom.
struct ElementStream {
    /// Keys of the root mapping whose sequence values are streamed.
    let keys: [[UInt8]]
    /// Called once an element is complete.
    let publish: (StreamedElement) -> Void
}

/// A finished element of a streamed list, and what the decoder needs to know to free its storage afterwards.
struct StreamedElement {
    /// Index of the list's key in `ElementStream.keys`.
    var key: Int
    var node: Int
    /// Where its scalars' bytes lie in the node store.
    var bytes: Range<Int>
    /// Whether an anchor is defined inside it: then later aliases may point into it, and it must be kept.
    var definesAnchor: Bool
}

private struct ComposerState {
    struct Frame {
        var node: Int
        /// Nodes that aliases inside this collection add when followed.
        var aliasExtra: Int
        var anchor: String?
        /// For a streamed list: the index of its key in `ElementStream.keys`.
        var streamedKey: Int?
        /// For an element of a streamed list: where its scalar bytes start, and the anchor count when it began.
        var byteStart = 0
        var anchorsBefore = 0
    }

    struct Anchor {
        var node: Int
        /// Nodes the anchored subtree stands for, aliases inside it followed; nil while it is still open.
        var expandedSize: Int?
    }

    let limits: YAMLLimits
    let store: NodeStore
    let stream: ElementStream?
    var stack: [Frame] = []
    var anchors: [String: Anchor] = [:]
    /// Anchors defined so far, counting redefinitions.
    var anchorDefinitions = 0
    var totalAliasExtra = 0
    var documents = 0
    /// Children of the root mapping seen so far: even counts mean the next child is a key.
    var rootChildren = 0
    /// The streamed key the root mapping's next value belongs to.
    var pendingStreamKey: Int?
    /// Streamed keys already met at the root: a repeated key is an error the root decode reports, and its value is
    /// not streamed, so that both readers see the same.
    var streamedKeysSeen = Set<Int>()

    init(store: NodeStore, limits: YAMLLimits, stream: ElementStream?) {
        self.store = store
        self.limits = limits
        self.stream = stream
        stack.reserveCapacity(16)
    }

    mutating func run(_ input: UnsafeBufferPointer<UInt8>) -> Result<Void, YAMLError> {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return .failure(YAMLError(problem: .syntax(problem: "libyaml could not start", context: nil), position: nil))
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, input.baseAddress, input.count)

        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return .failure(Self.parserError(parser, input: input))
            }
            let failure = handle(event)
            let done = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            if let failure { return .failure(failure) }
            if done { break }
        }
        if store.nodeCount == 0 { return .failure(YAMLError(problem: .emptyFile, position: nil)) }
        return .success(())
    }

    /// Called before a node is appended at the current depth: keeps track of the root mapping's keys.
    private mutating func willAppendChild(isSequence: Bool) -> Int? {
        guard stream != nil, stack.count == 1, store.node(stack[0].node).packed >> NodeStore.columnBits & 0x3
            == YAMLDocument.Kind.mapping.rawValue else { return nil }
        defer { rootChildren += 1 }
        if rootChildren % 2 == 0 { return nil }
        let key = pendingStreamKey
        pendingStreamKey = nil
        return isSequence ? key : nil
    }

    /// Called after a node at the current depth is complete: hands it over if it is an element of a streamed list.
    private func didComplete(_ node: Int, byteStart: Int, anchorsBefore: Int) {
        guard let stream, let top = stack.last, let key = top.streamedKey else { return }
        stream.publish(StreamedElement(key: key, node: node, bytes: byteStart..<store.byteEnd,
                                       definesAnchor: anchorDefinitions != anchorsBefore))
    }

    private mutating func noteRootKey(_ node: Int) {
        guard let stream, stack.count == 1, rootChildren % 2 == 1 else { return }
        let bytes = store.scalarBytes(at: Int(store.node(node).payload))
        pendingStreamKey = stream.keys.firstIndex { $0.withUnsafeBufferPointer { $0.elementsEqual(bytes) } }
        if let key = pendingStreamKey, !streamedKeysSeen.insert(key).inserted { pendingStreamKey = nil }
    }

    /// Handles one event; returns an error to stop composition.
    private mutating func handle(_ event: yaml_event_t) -> YAMLError? {
        let line = Int(event.start_mark.line) + 1
        let column = Int(event.start_mark.column) + 1
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let length = Int(scalar.length)
            if length > limits.maxScalarBytes {
                return YAMLError(problem: .scalarTooLarge(bytes: length, limit: limits.maxScalarBytes),
                                 position: SourcePosition(line: line, column: column))
            }
            var plain = scalar.plain_implicit != 0 && scalar.style == YAML_PLAIN_SCALAR_STYLE
            if let tag = scalar.tag {
                switch Self.scalarTag(String(cString: tag)) {
                case .text: plain = false
                case .typed: plain = true
                case .unsupported(let name):
                    return YAMLError(problem: .unsupportedTag(name), position: SourcePosition(line: line, column: column))
                }
            }
            let node = store.nodeCount
            let (byteStart, anchorsBefore) = (store.byteEnd, anchorDefinitions)
            _ = willAppendChild(isSequence: false)
            store.appendScalar(line: line, column: column, plain: plain,
                               bytes: UnsafeBufferPointer(start: scalar.value, count: length))
            if let anchor = scalar.anchor {
                anchors[String(cString: anchor)] = Anchor(node: node, expandedSize: 1)
                anchorDefinitions += 1
            }
            noteRootKey(node)
            didComplete(node, byteStart: byteStart, anchorsBefore: anchorsBefore)
        case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
            if stack.count >= limits.maxDepth {
                return YAMLError(problem: .nestingTooDeep(limit: limits.maxDepth),
                                 position: SourcePosition(line: line, column: column))
            }
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let tag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
            if let tag, let problem = Self.collectionTagProblem(String(cString: tag), mapping: isMapping) {
                return YAMLError(problem: problem, position: SourcePosition(line: line, column: column))
            }
            let anchorPointer = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            // A list with an anchor of its own may be aliased whole later, so its elements must stay: not streamed.
            let streamedKey = willAppendChild(isSequence: !isMapping).flatMap { anchorPointer == nil ? $0 : nil }
            let node = store.append(kind: isMapping ? .mapping : .sequence, line: line, column: column, payload: 0)
            let anchorsBefore = anchorDefinitions
            var anchor: String?
            if let anchorPointer {
                let name = String(cString: anchorPointer)
                anchors[name] = Anchor(node: node, expandedSize: nil)
                anchorDefinitions += 1
                anchor = name
            }
            if streamedKey != nil { store.streamedLists.insert(node) }
            stack.append(Frame(node: node, aliasExtra: 0, anchor: anchor, streamedKey: streamedKey,
                               byteStart: store.byteEnd, anchorsBefore: anchorsBefore))
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            let frame = stack.removeLast()
            store.close(collection: frame.node)
            if let anchor = frame.anchor {
                let size = store.nodeCount - frame.node + frame.aliasExtra
                anchors[anchor] = Anchor(node: frame.node, expandedSize: size)
            }
            if !stack.isEmpty { stack[stack.count - 1].aliasExtra += frame.aliasExtra }
            didComplete(frame.node, byteStart: frame.byteStart, anchorsBefore: frame.anchorsBefore)
        case YAML_ALIAS_EVENT:
            let name = String(cString: event.data.alias.anchor)
            let position = SourcePosition(line: line, column: column)
            guard let anchor = anchors[name] else {
                return YAMLError(problem: .unknownAnchor(name), position: position)
            }
            guard let size = anchor.expandedSize else {
                return YAMLError(problem: .recursiveAlias(name), position: position)
            }
            let budget = max(limits.aliasExpansionFloor, limits.aliasExpansionFactor * store.nodeCount)
            totalAliasExtra += size - 1
            if totalAliasExtra > budget {
                return YAMLError(problem: .aliasBudgetExceeded(limit: budget), position: position)
            }
            if !stack.isEmpty { stack[stack.count - 1].aliasExtra += size - 1 }
            _ = willAppendChild(isSequence: false)
            let node = store.append(kind: .alias, line: line, column: column, payload: UInt32(anchor.node))
            didComplete(node, byteStart: store.byteEnd, anchorsBefore: anchorDefinitions)
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                return YAMLError(problem: .secondDocument, position: SourcePosition(line: line, column: column))
            }
        default:
            break
        }
        return nil
    }

    enum ScalarTag {
        case text, typed
        case unsupported(String)
    }

    /// The YAML 1.2 core tags mean what they say: `!!str` is text, `!!int`, `!!float`, `!!bool` and `!!null` are
    /// read as their type. An inventory has no use for any other tag, so it is an error rather than ignored.
    static func scalarTag(_ tag: String) -> ScalarTag {
        switch tag {
        case "!", "tag:yaml.org,2002:str": .text
        case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null":
            .typed
        default: .unsupported(shortTag(tag))
        }
    }

    static func collectionTagProblem(_ tag: String, mapping: Bool) -> InventoryProblem? {
        let expected = mapping ? "tag:yaml.org,2002:map" : "tag:yaml.org,2002:seq"
        return tag == expected || tag == "!" ? nil : .unsupportedTag(shortTag(tag))
    }

    private static func shortTag(_ tag: String) -> String {
        tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
    }

    /// Turns libyaml's error state into a problem with the best position available.
    static func parserError(_ parser: yaml_parser_t, input: UnsafeBufferPointer<UInt8>) -> YAMLError {
        var problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        if parser.error == YAML_READER_ERROR {
            // Reader errors carry a byte offset rather than a mark.
            let position = SourceText.position(ofByte: Int(parser.problem_offset), in: input)
            if ["UTF-8", "UTF-16", "surrogate", "invalid Unicode character"].contains(where: problem.contains) {
                return YAMLError(problem: .invalidEncoding(problem), position: position)
            }
            return YAMLError(problem: .syntax(problem: problem, context: nil), position: position)
        }
        let mark = parser.problem_mark
        let position = SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        if problem.contains("tab") || SourceText.byte(at: position, in: input) == UInt8(ascii: "\t") {
            return YAMLError(problem: .tabIndentation, position: position)
        }
        var context = parser.context.map { String(cString: $0) }
        // libyaml's words for the commonest slips in hand-written YAML, said plainly.
        if problem == "did not find expected key", context?.contains("block mapping") == true {
            problem = "this line is not indented like the keys of its mapping (did not find expected key)"
        } else if problem == "did not find expected '-' indicator" {
            problem = "this line is not indented like the items of its list (did not find expected '-' indicator)"
        } else if problem == "mapping values are not allowed in this context" {
            problem = "a ':' here would start a mapping where none can start: check this line's indentation, or "
                + "quote a value that contains ': ' (mapping values are not allowed in this context)"
        }
        let start = parser.context_mark
        if let given = context, start.line != mark.line || start.column != mark.column {
            context = given + " that starts at line \(start.line + 1), column \(start.column + 1)"
        }
        return YAMLError(problem: .syntax(problem: problem, context: context), position: position)
    }
}

/// Byte-level helpers for turning positions into offsets and back; used only on error paths.
enum SourceText {
    /// The 1-based position of a byte offset, as libyaml counts: columns in characters, a byte order mark not
    /// counted, and CR, LF or CRLF each ending a line. UTF-16 input (told by its byte order mark) is counted in
    /// UTF-16 units, a surrogate pair as one character.
    static func position(ofByte offset: Int, in input: UnsafeBufferPointer<UInt8>) -> SourcePosition {
        var units: [UInt32] = []
        let end = min(offset, input.count)
        if input.count >= 2, (input[0] == 0xFF && input[1] == 0xFE) || (input[0] == 0xFE && input[1] == 0xFF) {
            let littleEndian = input[0] == 0xFF
            var index = 2
            while index + 1 < end {
                let unit = littleEndian ? UInt32(input[index]) | UInt32(input[index + 1]) << 8
                    : UInt32(input[index]) << 8 | UInt32(input[index + 1])
                // A low surrogate completes the character its high surrogate began.
                if !(0xDC00...0xDFFF).contains(unit) { units.append(unit) }
                index += 2
            }
        } else {
            let start = input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF ? 3 : 0
            for index in start..<max(start, end) where input[index] & 0xC0 != 0x80 { units.append(UInt32(input[index])) }
        }
        var line = 1
        var column = 1
        var previous: UInt32 = 0
        for unit in units {
            if unit == 0x0A {
                if previous != 0x0D {
                    line += 1
                    column = 1
                }
            } else if unit == 0x0D {
                line += 1
                column = 1
            } else {
                column += 1
            }
            previous = unit
        }
        return SourcePosition(line: line, column: column)
    }

    /// The byte at a 1-based position, if the position lies inside the input.
    static func byte(at position: SourcePosition, in input: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var line = 1
        var index = 0
        while line < position.line, index < input.count {
            if input[index] == UInt8(ascii: "\n") { line += 1 }
            index += 1
        }
        var column = 1
        while column < position.column, index < input.count, input[index] != UInt8(ascii: "\n") {
            index += 1
            while index < input.count, input[index] & 0xC0 == 0x80 { index += 1 }
            column += 1
        }
        return index < input.count ? input[index] : nil
    }
}
