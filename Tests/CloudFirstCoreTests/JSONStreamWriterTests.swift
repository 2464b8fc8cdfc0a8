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

    static func streamed(_ members: [Member], flushBytes: Int) -> (text: String, chunks: Int) {
        var bytes: [UInt8] = []
        var chunks = 0
        var writer = JSONStreamWriter(flushBytes: flushBytes) { chunk in
            bytes += chunk
            chunks += 1
        }
        for member in members {
            switch member {
            case let .whole(key, value): writer.member(key, value)
            case let .streamed(key, elements): writer.arrayMember(key, elements) { $0 }
            }
        }
        writer.finish()
        return (String(decoding: bytes, as: UTF8.self), chunks)
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
        var largest = 0, chunks = 0, total = 0
        var writer = JSONStreamWriter(flushBytes: 4_096) { chunk in
            largest = max(largest, chunk.count)
            chunks += 1
            total += chunk.count
        }
        writer.arrayMember("services", elements) { $0 }
        writer.finish()
        let oneElement = Self.service.rendered().utf8.count * 2
        #expect(chunks > 50)
        #expect(largest < 4_096 + oneElement)
        #expect(total == Self.whole([.streamed("services", elements)]).utf8.count)
    }

    /// Elements are made only as they are written: each after the one before it was handed to the sink, in order.
    @Test func elementsAreMadeLazilyInOrder() {
        final class Counter { var chunks = 0 }
        let counter = Counter()
        var made: [(index: Int, chunksBefore: Int)] = []
        var writer = JSONStreamWriter(flushBytes: 1) { _ in counter.chunks += 1 }
        writer.arrayMember("services", 0..<5) { index -> JSONValue in
            made.append((index, counter.chunks))
            return .object([("index", .int(index))])
        }
        writer.finish()
        #expect(made.map(\.index) == [0, 1, 2, 3, 4])
        let before = made.map(\.chunksBefore)
        #expect(zip(before, before.dropFirst()).allSatisfy { $0 < $1 }, "\(before)")
    }
}
