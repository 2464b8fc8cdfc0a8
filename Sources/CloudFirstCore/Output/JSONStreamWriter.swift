/// A JSON document written as it is produced: the top-level object's members one at a time, objects and arrays at any
/// depth opened, filled and closed (`beginObject`, `beginArray`, `end`), and an array element by element, each
/// element made, written and dropped before the next is made. The bytes are exactly
/// `JSONValue.object(members).rendered()`'s, so a streamed output and its golden agree; memory holds one element and
/// a buffer, not the document. The buffer goes to `output` whenever it passes `flushBytes`, and at `finish`.
///
/// Write into a copy of a renderer's stream and hand it back when done: `var json = JSONStreamWriter(output)`, ...,
/// `output = json.finish()`. A stream that writes through (stdout) loses nothing by being copied, and one that
/// collects (a String, for a golden) gets everything back.
public struct JSONStreamWriter<Output: TextOutputStream> {
    /// An object or array still open. Its opening bracket is written with its first child, so one that gets none
    /// is `{}` or `[]`; an array's scalars are held until it either ends (all on one line, as the whole render puts
    /// them) or gets a child that is not a scalar (one a line).
    private struct Container {
        var isArray: Bool
        /// The indent of the line the container closes on; its children are two spaces in.
        var indent: Int
        var children = 0
        var heldScalars: [JSONValue] = []
        var onOneLine = true
    }

    private var output: Output
    private var buffer: [UInt8] = []
    private let flushBytes: Int
    /// The open containers, the document's top-level object first.
    private var open = [Container(isArray: false, indent: 0)]

    public init(_ output: Output, flushBytes: Int = 1 << 16) {
        self.output = output
        self.flushBytes = flushBytes
        buffer.reserveCapacity(flushBytes + 4096)
    }

    /// A member of the open object (at first the top-level one), written whole.
    public mutating func member(_ key: String, _ value: JSONValue) {
        beginMember(key)
        value.write(to: &buffer, indent: open[open.count - 1].indent + 2)
        flushIfFull()
    }

    /// Every member of `object` (a `.object`; anything else writes nothing), in order.
    public mutating func members(of object: JSONValue) {
        guard case .object(let members) = object else { return }
        for (key, value) in members { member(key, value) }
    }

    /// A member of the open object whose value is an array of `elements`, each made by `element` only when it is
    /// written. An array whose elements are all scalars is held until it ends (the renderer writes all-scalar arrays
    /// on one line, which needs them all): arrays of scalars are small; the large ones, of objects, stream.
    public mutating func arrayMember<Elements: Sequence>(_ key: String, _ elements: Elements,
                                                         _ element: (Elements.Element) -> JSONValue) {
        beginArray(key)
        for next in elements { self.element(element(next)) }
        end()
    }

    /// Opens an object as a member of the open object; its members follow, then `end()`.
    public mutating func beginObject(_ key: String) {
        beginMember(key)
        push(isArray: false)
    }

    /// Opens an array as a member of the open object; its elements follow, then `end()`.
    public mutating func beginArray(_ key: String) {
        beginMember(key)
        push(isArray: true)
    }

    /// Opens an object as an element of the open array.
    public mutating func beginObject() {
        beginElement()
        push(isArray: false)
    }

    /// Opens an array as an element of the open array.
    public mutating func beginArray() {
        beginElement()
        push(isArray: true)
    }

    /// An element of the open array, written whole (a scalar is held until the array's layout is known).
    public mutating func element(_ value: JSONValue) {
        let index = open.count - 1
        precondition(open[index].isArray, "an element written into an object")
        if value.isScalar, open[index].onOneLine {
            open[index].heldScalars.append(value)
            open[index].children += 1
            return
        }
        beginElement()
        value.write(to: &buffer, indent: open[index].indent + 2)
        flushIfFull()
    }

    /// Closes the innermost object or array opened with a `begin` call.
    public mutating func end() {
        precondition(open.count > 1, "end() without an open object or array; finish() closes the document")
        close(open.removeLast())
        flushIfFull()
    }

    /// Closes whatever is still open and the document (with its final newline), writes the rest of the buffer, and
    /// returns the stream.
    public consuming func finish() -> Output {
        while let container = open.popLast() { close(container) }
        buffer += "\n".utf8
        hand()
        return output
    }

    private mutating func beginMember(_ key: String) {
        let index = open.count - 1
        precondition(!open[index].isArray, "a member written into an array")
        buffer += (open[index].children == 0 ? "{\n" : ",\n").utf8
        open[index].children += 1
        JSONValue.pad(&buffer, open[index].indent + 2)
        JSONValue.writeString(key, to: &buffer)
        buffer += ": ".utf8
    }

    /// Starts a line for a child of the open array that is not a scalar: the array now goes one element a line, so
    /// any scalars held so far go first.
    private mutating func beginElement() {
        let index = open.count - 1
        precondition(open[index].isArray, "an element written into an object")
        let indent = open[index].indent + 2
        if open[index].onOneLine {
            open[index].onOneLine = false
            buffer += "[\n".utf8
            for (position, scalar) in open[index].heldScalars.enumerated() {
                if position > 0 { buffer += ",\n".utf8 }
                JSONValue.pad(&buffer, indent)
                scalar.write(to: &buffer, indent: indent)
            }
            open[index].heldScalars = []
        }
        if open[index].children > 0 { buffer += ",\n".utf8 }
        open[index].children += 1
        JSONValue.pad(&buffer, indent)
    }

    private mutating func push(isArray: Bool) {
        open.append(Container(isArray: isArray, indent: open[open.count - 1].indent + 2))
    }

    private mutating func close(_ container: Container) {
        if container.isArray, container.onOneLine {
            // Empty, or scalars only: one line, as the whole render writes it.
            JSONValue.array(container.heldScalars).write(to: &buffer, indent: container.indent)
        } else if container.children == 0 {
            buffer += "{}".utf8
        } else {
            buffer += "\n".utf8
            JSONValue.pad(&buffer, container.indent)
            buffer += (container.isArray ? "]" : "}").utf8
        }
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
