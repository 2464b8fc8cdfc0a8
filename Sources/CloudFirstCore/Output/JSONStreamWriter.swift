/// A JSON document written as it is produced: the top-level object's members one at a time, and an array member
/// element by element, each element made, written and dropped before the next is made. The bytes are exactly
/// `JSONValue.object(members).rendered()`'s, so a streamed output and its golden agree; memory holds one element and
/// a buffer, not the document. The buffer goes to `output` whenever it passes `flushBytes`, and at `finish`.
///
/// Write into a copy of a renderer's stream and hand it back when done: `var json = JSONStreamWriter(output)`, ...,
/// `output = json.finish()`. A stream that writes through (stdout) loses nothing by being copied, and one that
/// collects (a String, for a golden) gets everything back.
public struct JSONStreamWriter<Output: TextOutputStream> {
    private var output: Output
    private var buffer: [UInt8] = []
    private let flushBytes: Int
    private var members = 0

    public init(_ output: Output, flushBytes: Int = 1 << 16) {
        self.output = output
        self.flushBytes = flushBytes
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

    /// Closes the document (with its final newline), writes the rest of the buffer, and returns the stream.
    public consuming func finish() -> Output {
        buffer += (members == 0 ? "{}\n" : "\n}\n").utf8
        hand()
        return output
    }

    private mutating func beginMember(_ key: String) {
        buffer += (members == 0 ? "{\n" : ",\n").utf8
        members += 1
        JSONValue.pad(&buffer, 2)
        JSONValue.writeString(key, to: &buffer)
        buffer += ": ".utf8
    }

    private mutating func flushIfFull() {
        if buffer.count >= flushBytes { hand() }
    }

    /// The buffer to the stream. Cut only between whole values, so every piece is whole UTF-8.
    private mutating func hand() {
        output.write(String(decoding: buffer, as: UTF8.self))
        buffer.removeAll(keepingCapacity: true)
    }
}

/// A member of a streamed document: a value written whole, or an array whose elements are made as they are written
/// (a lazy sequence: `AnySequence(items.lazy.map(entry))`).
public enum JSONStreamMember {
    case value(JSONValue)
    case elements(AnySequence<JSONValue>)
}

extension JSONStreamWriter {
    /// Writes each member in order.
    public mutating func write(_ members: [(String, JSONStreamMember)]) {
        for (key, member) in members {
            switch member {
            case .value(let value): self.member(key, value)
            case .elements(let elements): arrayMember(key, elements) { $0 }
            }
        }
    }
}
