import CloudFirstCore
import Testing

/// The streamed document must be byte for byte the one `JSONValue` renders whole: the goldens of every JSON output
/// are recorded from the whole render, and a consumer must not be able to tell the two apart.
struct JSONStreamWriterTests {
    /// A member written whole, or an array member streamed from its elements.
    enum Member {
        case whole(String, JSONValue)
        case streamed(String, [JSONValue])
    }

    /// A stream that keeps each piece written to it, and counts the pieces in a box its copies share.
    struct Pieces: TextOutputStream {
        final class Log { var pieces: [String] = [] }
        let log = Log()
        mutating func write(_ string: String) { log.pieces.append(string) }
        var text: String { log.pieces.joined() }
    }

    static func streamed(_ members: [Member], flushBytes: Int) -> (text: String, chunks: Int) {
        var writer = JSONStreamWriter(Pieces(), flushBytes: flushBytes)
        for member in members {
            switch member {
            case let .whole(key, value): writer.member(key, value)
            case let .streamed(key, elements): writer.arrayMember(key, elements) { $0 }
            }
        }
        let output = writer.finish()
        return (output.text, output.log.pieces.count)
    }

    static func whole(_ members: [Member]) -> String {
        JSONValue.object(members.map { member in
            switch member {
            case let .whole(key, value): (key, value)
            case let .streamed(key, elements): (key, .array(elements))
            }
        }).rendered()
    }

    static let service: JSONValue = .object([
        ("id", "epr"), ("score", 42), ("ratio", .double(0.25)), ("tags", ["a", "b"]),
        ("findings", .array([.object([("rule", "os-end-of-life"), ("message", "say \"no\"\n")])])), ("none", .null),
    ])

    static let cases: [[Member]] = [
        [],
        [.whole("tool", "cloudfirst")],
        [.whole("tool", "cloudfirst"), .streamed("services", [])],
        [.streamed("services", [service, service, .object([])]), .whole("after", true)],
        [.streamed("ids", ["a", "b", 3]), .streamed("empty", [])],
        // Mixed arrays: a scalar first makes the array whole; an object first streams it.
        [.streamed("mixed", ["a", service]), .streamed("mixed2", [service, "a"])],
        [.whole("nested", .object([("deep", .array([.array([]), .object([])]))])),
         .streamed("k\u{1}ey \"quoted\"", [.array([1, 2]), .array([.object([("x", 1)])])])],
    ]

    @Test(arguments: cases.indices)
    func streamedBytesAreTheWholeRender(index: Int) {
        let members = Self.cases[index]
        #expect(Self.streamed(members, flushBytes: 1 << 16).text == Self.whole(members))
        // Flushed after every piece: the bytes do not depend on where the buffer is cut.
        #expect(Self.streamed(members, flushBytes: 1).text == Self.whole(members))
    }

    /// A long array goes out in many chunks, none much larger than the threshold plus one element.
    @Test func aLongArrayIsHandedOnInChunks() {
        let elements = Array(repeating: Self.service, count: 2_000)
        var writer = JSONStreamWriter(Pieces(), flushBytes: 4_096)
        writer.arrayMember("services", elements) { $0 }
        let pieces = writer.finish().log.pieces
        let oneElement = Self.service.rendered().utf8.count * 2
        #expect(pieces.count > 50)
        #expect(pieces.map(\.utf8.count).max() ?? 0 < 4_096 + oneElement)
        #expect(pieces.joined() == Self.whole([.streamed("services", elements)]))
    }

    /// Elements are made only as they are written: each after the one before it was handed to the sink, in order.
    @Test func elementsAreMadeLazilyInOrder() {
        let stream = Pieces()
        var made: [(index: Int, chunksBefore: Int)] = []
        var writer = JSONStreamWriter(stream, flushBytes: 1)
        writer.arrayMember("services", 0..<5) { index -> JSONValue in
            made.append((index, stream.log.pieces.count))
            return .object([("index", .int(index))])
        }
        _ = writer.finish()
        #expect(made.map(\.index) == [0, 1, 2, 3, 4])
        let before = made.map(\.chunksBefore)
        #expect(zip(before, before.dropFirst()).allSatisfy { $0 < $1 }, "\(before)")
    }

    // MARK: Objects and arrays at any depth

    /// Writes `value`, a member of the open object (`key`) or an element of the open array (`key` nil), opening every
    /// object and array it holds with the nested calls rather than writing any of them whole.
    static func stream(_ value: JSONValue, key: String?, into writer: inout JSONStreamWriter<Pieces>) {
        switch value {
        case .object(let members):
            if let key { writer.beginObject(key) } else { writer.beginObject() }
            for (memberKey, member) in members { stream(member, key: memberKey, into: &writer) }
            writer.end()
        case .array(let elements):
            if let key { writer.beginArray(key) } else { writer.beginArray() }
            for element in elements { stream(element, key: nil, into: &writer) }
            writer.end()
        default:
            if let key { writer.member(key, value) } else { writer.element(value) }
        }
    }

    static func streamedNested(_ members: [(String, JSONValue)], flushBytes: Int) -> String {
        var writer = JSONStreamWriter(Pieces(), flushBytes: flushBytes)
        for (key, value) in members { stream(value, key: key, into: &writer) }
        return writer.finish().text
    }

    /// A SARIF log's shape: the array that grows with the estate is two levels down, `runs[0].results`.
    static let sarifShape: [(String, JSONValue)] = [
        ("$schema", "https://json.schemastore.org/sarif-2.1.0.json"),
        ("runs", .array([.object([
            ("tool", .object([("driver", .object([("name", "cloudfirst"), ("rules", .array([service]))]))])),
            ("results", .array([service, .object([("ruleIndex", 3), ("locations", .array([.object([])]))]), service])),
        ])])),
    ]

    static let nestedCases: [[(String, JSONValue)]] = [
        [],
        sarifShape,
        // Empty containers at depth are `[]` and `{}` on the line of their key.
        [("runs", .array([.object([("results", .array([])), ("tool", .object([]))])]))],
        [("a", .array([.array([]), .object([]), .array([.array([])])]))],
        // Scalars only, at depth: one line. A scalar first, then a container: one element a line.
        [("o", .object([("ids", .array(["a", 1, .null, true, .double(0.5)])), ("mixed", .array(["a", "b", service]))]))],
        [("deep", .array([.array([.array([.object([("k\u{1}\"q\"", .array([1, 2]))])])])])), ("after", "é ✓")],
        [("services", .array([service, service])), ("empty", .object([])), ("last", .array([]))],
    ]

    @Test(arguments: nestedCases.indices)
    func nestedStreamedBytesAreTheWholeRender(index: Int) {
        let members = Self.nestedCases[index]
        let whole = JSONValue.object(members).rendered()
        #expect(Self.streamedNested(members, flushBytes: 1 << 16) == whole)
        // Flushed after every piece: the bytes do not depend on where the buffer is cut at any depth.
        #expect(Self.streamedNested(members, flushBytes: 1) == whole)
    }

    /// `finish` closes what is still open, as `end` would have.
    @Test func finishClosesOpenContainers() {
        var writer = JSONStreamWriter(Pieces(), flushBytes: 1)
        writer.beginArray("runs")
        writer.beginObject()
        writer.arrayMember("results", [Self.service]) { $0 }
        let whole = JSONValue.object([("runs", .array([.object([("results", .array([Self.service]))])]))]).rendered()
        #expect(writer.finish().text == whole)
    }

    /// A nested array's elements are made only as they are written, each after the one before it was handed on.
    @Test func nestedElementsAreMadeLazilyInOrder() {
        let stream = Pieces()
        var made: [Int] = []
        var writer = JSONStreamWriter(stream, flushBytes: 1)
        writer.beginArray("runs")
        writer.beginObject()
        writer.arrayMember("results", 0..<4) { index -> JSONValue in
            made.append(stream.log.pieces.count)
            return .object([("index", .int(index))])
        }
        writer.end()
        writer.end()
        _ = writer.finish()
        #expect(made.count == 4)
        #expect(zip(made, made.dropFirst()).allSatisfy { $0 < $1 }, "\(made)")
    }

    /// The SARIF log streamed is the log rendered whole, with results and without.
    @Test(arguments: [0, 1, 3])
    func sarifLogStreamedIsTheWholeDocument(count: Int) {
        let rules: [JSONValue] = [Self.service]
        let results = (0..<count).map { index in
            SARIFLog.result(ruleID: "os-end-of-life", ruleIndex: 0, level: "error", message: "web\(index): \"old\"",
                            file: "estate.yaml", position: index == 1 ? nil : SourcePosition(line: index + 1, column: 3),
                            fingerprints: [("cloudfirstFinding/v1", "f\(index)")], root: "/repo",
                            workingDirectory: "/repo")
        }
        for flushBytes in [1, 1 << 16] {
            var writer = JSONStreamWriter(Pieces(), flushBytes: flushBytes)
            SARIFLog.write(version: "1.2.3", rules: rules, results: results, into: &writer)
            #expect(writer.finish().text == SARIFLog.document(version: "1.2.3", rules: rules, results: results).rendered())
        }
    }
}
