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

/// One composed YAML document, stored flat so that a 60 MB inventory costs a few hundred allocations, not millions.
///
/// Nodes sit in document (pre-order) order. A collection's children follow it directly, and the collection records the
/// index one past its last descendant, so children are walked by skipping, without a child array. A mapping's children
/// alternate key, value. An alias is one node that points at its anchored target; nothing is copied, and
/// `YAMLComposer` has already checked that following aliases stays within the expansion budget.
///
/// Storage is in fixed-size chunks that never move once written: the composer appends on one thread while the
/// decoder reads finished elements on another (see `InventoryReader`).
public struct YAMLDocument: @unchecked Sendable {
    public enum Kind: UInt32, Sendable {
        case scalar = 0
        case mapping = 1
        case sequence = 2
        case alias = 3
    }

    let store: NodeStore

    init(store: NodeStore) {
        self.store = store
    }

    public var nodeCount: Int { store.nodeCount }
    /// The root node; only meaningful when the document is not empty.
    public var root: Int { 0 }

    public func kind(_ node: Int) -> Kind {
        // Safe: the two bits hold a `Kind` the composer packed, and every value it packs is a case.
        Kind(rawValue: (store.node(node).packed >> NodeStore.columnBits) & 0x3)!
    }

    public func position(_ node: Int) -> SourcePosition {
        let n = store.node(node)
        return SourcePosition(line: Int(n.line), column: Int(n.packed & NodeStore.columnMask))
    }

    /// True for a plain (unquoted, untagged) scalar: only those may be read as numbers, booleans or null.
    public func isPlain(_ node: Int) -> Bool {
        store.node(node).packed & NodeStore.plainFlag != 0
    }

    /// Follows an alias to its target; any other node is returned as it is.
    public func resolved(_ node: Int) -> Int {
        let n = store.node(node)
        if (n.packed >> NodeStore.columnBits) & 0x3 == Kind.alias.rawValue { return Int(n.payload) }
        return node
    }

    /// The index one past the node and all its descendants.
    public func end(_ node: Int) -> Int {
        let n = store.node(node)
        let kind = (n.packed >> NodeStore.columnBits) & 0x3
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
        try body(store.scalarBytes(at: Int(store.node(node).payload)))
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
}

/// The chunked storage behind `YAMLDocument`: 12 bytes a node, and scalar bytes each prefixed by its length
/// (one byte below 255, else 255 and four little-endian bytes). Chunk tables are sized from the input once, so
/// appending never moves what a reader on another thread may be looking at.
final class NodeStore: @unchecked Sendable {
    struct Node {
        var line: UInt32
        /// Column in the low 24 bits, kind in bits 24-25, the plain flag in bit 26.
        var packed: UInt32
        /// Scalar: offset of its bytes; collection: index one past its last descendant; alias: target index.
        var payload: UInt32
    }

    static let columnBits: UInt32 = 24
    static let columnMask: UInt32 = (1 << columnBits) - 1
    static let plainFlag: UInt32 = 1 << 26
    private static let nodeChunkShift = 16
    private static let nodeChunkMask = (1 << nodeChunkShift) - 1

    private let nodeChunks: UnsafeMutablePointer<UnsafeMutablePointer<Node>?>
    private let nodeChunkLimit: Int
    private(set) var nodeCount = 0
    /// Sequences whose elements the composer handed over one by one as they completed.
    var streamedLists = Set<Int>()

    private let byteChunkShift: Int
    private let byteChunks: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>
    private let byteChunkLimit: Int
    /// Offset one past the last scalar byte written.
    private(set) var byteEnd = 0

    /// Sized for any document `inputBytes` long whose scalars are at most `maxScalarBytes`. Of the dense forms libyaml
    /// accepts, none makes more than one node a byte (`{? ,? }`, empty keys and values, makes five of seven bytes);
    /// the tables allow four, for forms not thought of. A scalar's bytes are at most 1.5 times its source (the `\L`
    /// and `\P` escapes) plus a 5-byte length, and moving to a new chunk can waste up to half of one; the byte table
    /// allows for all of it. The tables hold a pointer per chunk, so generous bounds cost nothing.
    init(inputBytes: Int, maxScalarBytes: Int) {
        nodeChunkLimit = (4 * inputBytes + 64) >> NodeStore.nodeChunkShift + 1
        nodeChunks = .allocate(capacity: nodeChunkLimit)
        nodeChunks.initialize(repeating: nil, count: nodeChunkLimit)
        // A chunk must hold the largest scalar; beyond that, 4 MiB chunks for large files and smaller ones for small
        // files, which are most of them.
        let largestScalar = min(maxScalarBytes, inputBytes * 2) + 8
        var shift = 12
        while 1 << shift < max(largestScalar, min(1 << 22, inputBytes)) { shift += 1 }
        byteChunkShift = shift
        let byteBound = 2 * (inputBytes * 3 / 2 + 5 * (4 * inputBytes + 64)) + (1 << shift)
        byteChunkLimit = byteBound >> shift + 2
        byteChunks = .allocate(capacity: byteChunkLimit)
        byteChunks.initialize(repeating: nil, count: byteChunkLimit)
    }

    deinit {
        for index in 0..<nodeChunkLimit { nodeChunks[index]?.deallocate() }
        for index in 0..<byteChunkLimit { byteChunks[index]?.deallocate() }
        nodeChunks.deallocate()
        byteChunks.deallocate()
    }

    func node(_ index: Int) -> Node {
        nodeChunks[index >> NodeStore.nodeChunkShift].unsafelyUnwrapped[index & NodeStore.nodeChunkMask]
    }

    func scalarBytes(at offset: Int) -> UnsafeBufferPointer<UInt8> {
        let chunk = byteChunks[offset >> byteChunkShift].unsafelyUnwrapped
        var start = offset & ((1 << byteChunkShift) - 1)
        var length = Int(chunk[start])
        start += 1
        if length == 255 {
            length = Int(chunk[start]) | Int(chunk[start + 1]) << 8 | Int(chunk[start + 2]) << 16
                | Int(chunk[start + 3]) << 24
            start += 4
        }
        return UnsafeBufferPointer(start: chunk + start, count: length)
    }

    // MARK: Releasing (the decoder's thread, behind the composer)

    /// Frees the node chunks that lie wholly inside `range`. The caller promises no node in it is read again: the
    /// range holds decoded elements with no anchor in them, and aliases can only point back at anchored nodes.
    func releaseNodes(_ range: Range<Int>) {
        let first = (range.lowerBound + NodeStore.nodeChunkMask) >> NodeStore.nodeChunkShift
        let last = range.upperBound >> NodeStore.nodeChunkShift
        guard first < last else { return }
        for chunk in first..<last where nodeChunks[chunk] != nil {
            nodeChunks[chunk].unsafelyUnwrapped.deallocate()
            nodeChunks[chunk] = nil
        }
    }

    /// Frees the scalar-byte chunks that lie wholly inside `range`, on the same promise as `releaseNodes`.
    func releaseBytes(_ range: Range<Int>) {
        let first = (range.lowerBound + (1 << byteChunkShift) - 1) >> byteChunkShift
        let last = range.upperBound >> byteChunkShift
        guard first < last else { return }
        for chunk in first..<last where byteChunks[chunk] != nil {
            byteChunks[chunk].unsafelyUnwrapped.deallocate()
            byteChunks[chunk] = nil
        }
    }

    // MARK: Appending (the composer's thread only)

    /// Appends a node and returns its index.
    @discardableResult
    func append(kind: YAMLDocument.Kind, line: Int, column: Int, plain: Bool = false, payload: UInt32) -> Int {
        let index = nodeCount
        let chunkIndex = index >> NodeStore.nodeChunkShift
        precondition(chunkIndex < nodeChunkLimit, "YAML makes at most four nodes a byte of input")
        if nodeChunks[chunkIndex] == nil { nodeChunks[chunkIndex] = .allocate(capacity: 1 << NodeStore.nodeChunkShift) }
        // Columns past 16,777,215 (one line of 16 MB) read as that: clamped, never wrapped.
        var packed = min(UInt32(clamping: column), NodeStore.columnMask) | (kind.rawValue << NodeStore.columnBits)
        if plain { packed |= NodeStore.plainFlag }
        (nodeChunks[chunkIndex].unsafelyUnwrapped + (index & NodeStore.nodeChunkMask))
            .initialize(to: Node(line: UInt32(clamping: line), packed: packed, payload: payload))
        nodeCount += 1
        return index
    }

    func appendScalar(line: Int, column: Int, plain: Bool, bytes: UnsafeBufferPointer<UInt8>) {
        let needed = bytes.count + (bytes.count < 255 ? 1 : 5)
        let chunkSize = 1 << byteChunkShift
        if (byteEnd & (chunkSize - 1)) + needed > chunkSize { byteEnd = (byteEnd >> byteChunkShift + 1) << byteChunkShift }
        let chunkIndex = byteEnd >> byteChunkShift
        precondition(chunkIndex < byteChunkLimit, "scalar bytes are bounded by the input's size")
        if byteChunks[chunkIndex] == nil { byteChunks[chunkIndex] = .allocate(capacity: chunkSize) }
        var cursor = byteChunks[chunkIndex].unsafelyUnwrapped + (byteEnd & (chunkSize - 1))
        let offset = byteEnd
        if bytes.count < 255 {
            cursor.pointee = UInt8(bytes.count)
            cursor += 1
        } else {
            let n = UInt32(bytes.count)
            cursor[0] = 255
            cursor[1] = UInt8(n & 0xFF)
            cursor[2] = UInt8((n >> 8) & 0xFF)
            cursor[3] = UInt8((n >> 16) & 0xFF)
            cursor[4] = UInt8((n >> 24) & 0xFF)
            cursor += 5
        }
        if let base = bytes.baseAddress, bytes.count > 0 { cursor.update(from: base, count: bytes.count) }
        byteEnd += needed
        append(kind: .scalar, line: line, column: column, plain: plain, payload: UInt32(truncatingIfNeeded: offset))
    }

    func close(collection index: Int) {
        let chunk = nodeChunks[index >> NodeStore.nodeChunkShift].unsafelyUnwrapped
        chunk[index & NodeStore.nodeChunkMask].payload = UInt32(truncatingIfNeeded: nodeCount)
    }
}
