/// A position in a source file. Both numbers are 1-based; column counts characters, not bytes.
public struct SourcePosition: Hashable, Comparable, Sendable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// One composed YAML document, stored flat so that a 30 MB inventory costs a few allocations rather than millions.
///
/// Nodes sit in document (pre-order) order. A collection's children follow it directly, and the collection records the
/// index one past its last descendant, so children are walked by skipping, without a child array. A mapping's children
/// alternate key, value. An alias is one node that points at its anchored target; nothing is copied, and
/// `YAMLComposer` has already checked that following aliases stays within the expansion budget.
public struct YAMLDocument: Sendable {
    public enum Kind: UInt32, Sendable {
        case scalar = 0
        case mapping = 1
        case sequence = 2
        case alias = 3
    }

    /// 12 bytes a node: line, column with kind and style packed in the top bits, and one payload word
    /// (scalar: offset into `scalarBytes`; collection: end index; alias: target index).
    struct Node: Sendable {
        var line: UInt32
        var packed: UInt32
        var payload: UInt32
    }

    static let columnBits: UInt32 = 24
    static let columnMask: UInt32 = (1 << columnBits) - 1
    static let plainFlag: UInt32 = 1 << 26

    var nodes: [Node] = []
    /// Scalar contents, each prefixed by its length: one byte below 255, else 255 and four little-endian bytes.
    var scalarBytes: [UInt8] = []

    public init() {}

    public var isEmpty: Bool { nodes.isEmpty }
    public var nodeCount: Int { nodes.count }
    /// The root node; only meaningful when the document is not empty.
    public var root: Int { 0 }
    public func kind(_ node: Int) -> Kind {
        Kind(rawValue: (nodes[node].packed >> YAMLDocument.columnBits) & 0x3)!
    }
    public func position(_ node: Int) -> SourcePosition {
        let n = nodes[node]
        return SourcePosition(line: Int(n.line), column: Int(n.packed & YAMLDocument.columnMask))
    }

    /// True for a plain (unquoted, untagged) scalar: only those may be read as numbers, booleans or null.
    public func isPlain(_ node: Int) -> Bool {
        nodes[node].packed & YAMLDocument.plainFlag != 0
    }

    /// Follows an alias to its target; any other node is returned as it is.
    public func resolved(_ node: Int) -> Int {
        let n = nodes[node]
        if (n.packed >> YAMLDocument.columnBits) & 0x3 == Kind.alias.rawValue { return Int(n.payload) }
        return node
    }

    /// The index one past the node and all its descendants.
    public func end(_ node: Int) -> Int {
        let n = nodes[node]
        let kind = (n.packed >> YAMLDocument.columnBits) & 0x3
        return kind == Kind.mapping.rawValue || kind == Kind.sequence.rawValue ? Int(n.payload) : node + 1
    }

    /// Calls `body` with each child of a collection, in order (keys and values alternate in a mapping).
    public func forEachChild(of node: Int, _ body: (Int) throws -> Void) rethrows {
        let stop = end(node)
        var child = node + 1
        while child < stop {
            try body(child)
            child = end(child)
        }
    }

    /// Calls `body` with the bytes of a scalar node, without copying them.
    public func withScalarBytes<R>(_ node: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var offset = Int(nodes[node].payload)
        return try scalarBytes.withUnsafeBufferPointer { all in
            var length = Int(all[offset])
            offset += 1
            if length == 255 {
                length = Int(all[offset]) | Int(all[offset + 1]) << 8 | Int(all[offset + 2]) << 16
                    | Int(all[offset + 3]) << 24
                offset += 4
            }
            return try body(UnsafeBufferPointer(rebasing: all[offset..<offset + length]))
        }
    }

    /// The text of a scalar node. libyaml has already checked the input is valid UTF-8.
    public func string(_ node: Int) -> String {
        withScalarBytes(node) { String(decoding: $0, as: UTF8.self) }
    }

    /// True when a scalar node's bytes equal `literal`.
    public func scalar(_ node: Int, equals literal: StaticString) -> Bool {
        withScalarBytes(node) { bytes in
            guard bytes.count == literal.utf8CodeUnitCount else { return false }
            return bytes.elementsEqual(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        }
    }

    // MARK: Building (used by YAMLComposer)
    mutating func reserve(forInputBytes count: Int) {
        nodes.reserveCapacity(max(16, count / 8))
        scalarBytes.reserveCapacity(max(64, count / 2))
    }
    mutating func appendScalar(line: Int, column: Int, plain: Bool, bytes: UnsafeBufferPointer<UInt8>) {
        let offset = UInt32(truncatingIfNeeded: scalarBytes.count)
        if bytes.count < 255 {
            scalarBytes.append(UInt8(bytes.count))
        } else {
            let n = UInt32(bytes.count)
            scalarBytes.append(255)
            scalarBytes.append(UInt8(n & 0xFF))
            scalarBytes.append(UInt8((n >> 8) & 0xFF))
            scalarBytes.append(UInt8((n >> 16) & 0xFF))
            scalarBytes.append(UInt8((n >> 24) & 0xFF))
        }
        scalarBytes.append(contentsOf: bytes)
        append(kind: .scalar, line: line, column: column, plain: plain, payload: offset)
    }

    /// Appends a node and returns its index.
    @discardableResult
    mutating func append(kind: Kind, line: Int, column: Int, plain: Bool = false, payload: UInt32) -> Int {
        let col = UInt32(clamping: column) & YAMLDocument.columnMask
        var packed = col | (kind.rawValue << YAMLDocument.columnBits)
        if plain { packed |= YAMLDocument.plainFlag }
        nodes.append(Node(line: UInt32(clamping: line), packed: packed, payload: payload))
        return nodes.count - 1
    }
    mutating func close(collection index: Int) {
        nodes[index].payload = UInt32(truncatingIfNeeded: nodes.count)
    }
}
