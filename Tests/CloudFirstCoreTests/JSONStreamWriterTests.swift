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
}
