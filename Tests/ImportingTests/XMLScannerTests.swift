@testable import Importing
import Testing

/// The push scanner the workbook parts stream through: the same events however the bytes are cut into chunks, and
/// each kind of XML that is not well-formed refused with where it is.
@Suite struct XMLScannerTests {
    final class Recorder: XMLEvents {
        var events: [String] = []
        var pendingText: [UInt8] = []

        func flush() {
            if !pendingText.isEmpty { events.append("text " + String(decoding: pendingText, as: UTF8.self)) }
            pendingText = []
        }

        func start(_ name: XMLBytes, _ attributes: XMLAttributes) throws {
            flush()
            let r = try attributes.string("r").map { " r=\($0)" } ?? ""
            let t = try attributes.string("t").map { " t=\($0)" } ?? ""
            events.append("start " + String(decoding: name, as: UTF8.self) + r + t)
        }

        func end(_ name: XMLBytes) throws {
            flush()
            events.append("end " + String(decoding: name, as: UTF8.self))
        }

        func text(_ text: XMLBytes) throws { pendingText.append(contentsOf: text) }
    }

    static func scan(_ document: String, chunk: Int) throws -> [String] {
        let recorder = Recorder()
        var scanner = XMLScanner(handler: recorder)
        let bytes = Array(document.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunk)
            try bytes[start..<end].withUnsafeBytes { try scanner.feed($0) }
            start = end
        }
        try scanner.finish()
        recorder.flush()
        return recorder.events
    }

    static let document = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <!-- a comment with <tags> in it -->
        <x:worksheet xmlns:x="urn:x"><x:row r="1"><c r='A1' t="s" note="a > b"><v>12</v></c>\
        <c r="B1" t="inlineStr"><is><t>Tom &amp; Jerry &lt;3 &#233;&#x20AC; caf\u{E9}</t></is></c>\
        <c r="C1"/><c r="D1"><v><![CDATA[<raw & text>]]></v></c></x:row></x:worksheet>

        """

    static let expected = [
        "start worksheet", "start row r=1", "start c r=A1 t=s", "start v", "text 12", "end v", "end c",
        "start c r=B1 t=inlineStr", "start is", "start t", "text Tom & Jerry <3 \u{E9}\u{20AC} caf\u{E9}", "end t",
        "end is", "end c", "start c r=C1", "end c", "start c r=D1", "start v", "text <raw & text>", "end v", "end c",
        "end row", "end worksheet",
    ]

    @Test func theSameEventsWhateverTheChunks() throws {
        for chunk in [1, 2, 3, 5, 7, 16, 64, 100_000] {
            #expect(try Self.scan(Self.document, chunk: chunk) == Self.expected, "chunks of \(chunk) bytes")
        }
    }

    @Test func xmlThatIsNotWellFormedIsRefused() {
        let cases: [(String, String)] = [
            ("<a><b></a>", "the end tag 'a' closes the element 'b'"),
            ("<a><b>", "it ends with 2 elements still open"),
            ("<a>x &nbsp; y</a>", "the entity '&nbsp;', which XML does not define"),
            ("<a>x & y</a>", "an '&' that starts no entity reference"),
            ("<a/>text", "text outside the root element"),
            ("<a/><b/>", "a second root element"),
            ("<!DOCTYPE a [<!ENTITY x \"y\">]><a/>", "a document type declaration, which a workbook part never has"),
            ("<a b=c/>", "an attribute value without quotes"),
            ("<a", "it ends inside a tag"),
            ("", "it has no root element"),
            ("</a>", "an end tag with no element open"),
        ]
        for (document, reason) in cases {
            for chunk in [1, 4, 1000] {
                do {
                    _ = try Self.scan(document, chunk: chunk)
                    Issue.record("'\(document)' was read")
                } catch let error as XMLScanError {
                    #expect(error.reason == reason, "'\(document)' in chunks of \(chunk)")
                } catch {
                    Issue.record("'\(document)': \(error)")
                }
            }
        }
    }

    @Test func aTextRunIsPassedOnAsItComesNotHeldWhole() throws {
        // Ten times the longest run the scanner will hold waiting for its end: passed on chunk by chunk instead.
        let run = String(repeating: "x", count: 10 * XMLScanner<Recorder>.maxToken)
        let events = try Self.scan("<a>" + run + "</a>", chunk: 1 << 16)
        #expect(events == ["start a", "text " + run, "end a"])
    }
}
