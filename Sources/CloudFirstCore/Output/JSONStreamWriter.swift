/// A JSON document written as it is produced: the top-level object's members one at a time, and an array member
/// element by element, each element made, written and dropped before the next is made. The bytes are exactly
/// `JSONValue.object(members).rendered()`'s, so a streamed output and its golden agree; memory holds one element and
/// a buffer, not the document. The buffer goes to `sink` whenever it passes `flushBytes`.
public struct JSONStreamWriter {
    private var buffer: [UInt8] = []
    private let flushBytes: Int
    private let sink: ([UInt8]) -> Void
    private var members = 0
    private var finished = false

    public init(flushBytes: Int = 1 << 16, sink: @escaping ([UInt8]) -> Void) {
        self.flushBytes = flushBytes
        self.sink = sink
        buffer.reserveCapacity(flushBytes + 4096)
    }

    /// A member of the top-level object, written whole.
    public mutating func member(_ key: String, _ value: JSONValue) {
        beginMember(key)
        value.write(to: &buffer, indent: 2)
        flushIfFull()
    }

    /// Every member of `object` (a `.object`; anything else writes nothing), in order.
    public mutating func members(of object: JSONValue) {
        guard case .object(let members) = object else { return }
        for (key, value) in members { member(key, value) }
    }

    /// A member whose value is an array of `elements`, each made by `element` only when it is written. An array whose
    /// first element is a scalar is made whole (the renderer writes all-scalar arrays on one line, which needs them
    /// all): arrays of scalars are small; the large ones, of objects, stream.
    public mutating func arrayMember<Elements: Sequence>(_ key: String, _ elements: Elements,
                                                         _ element: (Elements.Element) -> JSONValue) {
        var iterator = elements.makeIterator()
        guard let first = iterator.next().map(element) else {
            member(key, .array([]))
            return
        }
        if first.isScalar {
            var all = [first]
            while let next = iterator.next() { all.append(element(next)) }
            member(key, .array(all))
            return
        }
        beginMember(key)
        buffer += "[\n".utf8
        var current: JSONValue? = first
        var index = 0
        while let value = current {
            if index > 0 { buffer += ",\n".utf8 }
            JSONValue.pad(&buffer, 4)
            value.write(to: &buffer, indent: 4)
            flushIfFull()
            index += 1
            current = iterator.next().map(element)
        }
        buffer += "\n".utf8
        JSONValue.pad(&buffer, 2)
        buffer += "]".utf8
        flushIfFull()
    }

    /// Closes the document (with its final newline) and hands the rest of the buffer to the sink.
    public mutating func finish() {
        precondition(!finished, "a JSON document is finished once")
        finished = true
        buffer += (members == 0 ? "{}\n" : "\n}\n").utf8
        sink(buffer)
        buffer.removeAll()
    }

    private mutating func beginMember(_ key: String) {
        precondition(!finished, "no member after the document is finished")
        buffer += (members == 0 ? "{\n" : ",\n").utf8
        members += 1
        JSONValue.pad(&buffer, 2)
        JSONValue.writeString(key, to: &buffer)
        buffer += ": ".utf8
    }

    private mutating func flushIfFull() {
        guard buffer.count >= flushBytes else { return }
        sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
