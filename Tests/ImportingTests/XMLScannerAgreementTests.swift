import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Importing
import Testing
import ZIPFoundation

/// The workbook reader's own XML scanner against Foundation's XMLParser (libxml2) as the judge: on every XML part of
/// the two public sample workbooks and on documents with the constructs a part may hold (entities, character
/// references, CDATA, comments, processing instructions, prefixes and namespace declarations, attributes in either
/// quote, line ends), both report the same elements, the same text and the same values for the attributes a workbook
/// reader looks at. It found that the scanner read `xmlns:r` as an attribute `r` and kept carriage returns.
@Suite struct XMLScannerAgreementTests {
    /// The attributes the reader uses (cell reference, type, style, sheet name and id, relationship id and target).
    static let attributes: [(String, StaticString)] = [
        ("r", "r"), ("t", "t"), ("s", "s"), ("name", "name"), ("sheetId", "sheetId"), ("id", "id"),
        ("Target", "Target"), ("ref", "ref"), ("count", "count"),
    ]

    /// Events as lines: `start NAME a=v ...`, `end NAME`, `text ...` (adjacent text joined).
    final class ScannerRecorder: XMLEvents {
        var events: [String] = []
        var text: [UInt8] = []

        func flush() {
            if !text.isEmpty { events.append("text " + String(decoding: text, as: UTF8.self)) }
            text = []
        }

        func start(_ name: XMLBytes, _ attributes: XMLAttributes) throws {
            flush()
            var line = "start " + String(decoding: name, as: UTF8.self)
            for (label, key) in XMLScannerAgreementTests.attributes {
                if let value = try attributes.string(key) { line += " \(label)=\(value)" }
            }
            events.append(line)
        }

        func end(_ name: XMLBytes) throws {
            flush()
            events.append("end " + String(decoding: name, as: UTF8.self))
        }

        func text(_ text: XMLBytes) throws { self.text.append(contentsOf: text) }
    }

    final class FoundationRecorder: NSObject, XMLParserDelegate {
        var events: [String] = []
        var text = ""

        func flush() {
            if !text.isEmpty { events.append("text " + text) }
            text = ""
        }

        /// The local name, as the scanner reports it: a prefix (`x:`) dropped.
        static func local(_ name: String) -> String { name.split(separator: ":").last.map(String.init) ?? name }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            flush()
            var byLocal: [String: String] = [:]
            for (key, value) in attributeDict where !key.hasPrefix("xmlns") { byLocal[Self.local(key)] = value }
            var line = "start " + Self.local(elementName)
            for (label, _) in XMLScannerAgreementTests.attributes {
                if let value = byLocal[label] { line += " \(label)=\(value)" }
            }
            events.append(line)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            flush()
            events.append("end " + Self.local(elementName))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            text += String(decoding: block, as: UTF8.self)
        }
    }

    static func scanned(_ bytes: [UInt8], chunk: Int) throws -> [String] {
        let recorder = ScannerRecorder()
        var scanner = XMLScanner(handler: recorder)
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

    static func parsed(_ bytes: [UInt8]) -> [String]? {
        let recorder = FoundationRecorder()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = recorder
        guard parser.parse() else { return nil }
        recorder.flush()
        return recorder.events
    }

    /// Text between elements that is only white space: libxml2 reports it as characters too, and so does the scanner;
    /// kept, so that any difference in it shows.
    static let documents = [
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<worksheet xmlns="urn:a" xmlns:r="urn:r"><sheetData><row r="1"><c r="A1" t="s" s="3"><v>0</v></c>"#
            + #"<c r='B1' t='inlineStr'><is><t xml:space="preserve"> two  spaces </t></is></c></row></sheetData>"#
            + "</worksheet>",
        #"<x:sst xmlns:x="urn:x" count="3"><x:si><x:t>Tom &amp; Jerry &lt;3 &gt; &quot;q&quot; &apos;a&apos;</x:t></x:si>"#
            + "<x:si><x:r><x:t>rich </x:t></x:r><x:r><x:t>text &#233;&#x20AC;\u{1F600}</x:t></x:r></x:si>"
            + "<x:si><x:t><![CDATA[<raw & text>]]></x:t></x:si></x:sst>",
        "<!-- before --><?pi data?><a><!-- inside --><b id=\"1\">x<?pi y?>y</b>\r\n<c/></a><!-- after -->",
        "<a>line one\nline two\ttab &#10;&#13;</a>",
        // Line ends: CR LF and a lone CR are one LF (XML 1.0 section 2.11) in text; `&#13;` stays a CR. (In CDATA
        // the parsers differ: see `lineEndsInCDATAAreNormalisedAsTheStandardSays`.)
        "<a>one\r\ntwo\rthree &amp;\r\n<![CDATA[x\ny]]>&#13;\r</a>",
    ]

    @Test(arguments: documents.indices)
    func theScannerAndFoundationAgreeOnEachConstruct(index: Int) throws {
        let bytes = Array(Self.documents[index].utf8)
        let judge = try #require(Self.parsed(bytes), "Foundation's parser refuses the document")
        for chunk in [1, 7, 1 << 16] {
            let scanned = try Self.scanned(bytes, chunk: chunk)
            #expect(scanned == judge, "chunks of \(chunk) bytes: \(Self.firstDifference(scanned, judge))")
        }
    }

    /// Where two event lists part, for the failure message.
    static func firstDifference(_ scanned: [String], _ judge: [String]) -> String {
        let index = zip(scanned, judge).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(scanned.count, judge.count)
        let mine = index < scanned.count ? scanned[index].debugDescription : "(end)"
        let theirs = index < judge.count ? judge[index].debugDescription : "(end)"
        return "event \(index): scanner \(mine), Foundation \(theirs)"
    }

    /// XML 1.0 section 2.11 normalises line ends before parsing, so inside CDATA too; Foundation's parser on Linux
    /// passes CDATA's carriage returns through, so here the standard is the judge, not Foundation.
    @Test func lineEndsInCDATAAreNormalisedAsTheStandardSays() throws {
        let bytes = Array("<a><![CDATA[x\r\ny\rz]]></a>".utf8)
        for chunk in [1, 2, 64] {
            #expect(try Self.scanned(bytes, chunk: chunk) == ["start a", "text x\ny\nz", "end a"])
        }
    }

    static let samples = ["kubev2v-example1.xlsx", "small-complete.xlsx"]

    @Test(arguments: samples)
    func theScannerAndFoundationAgreeOnEveryPartOfTheSamples(sample: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/rvtools/\(sample)")
        let archive = try Archive(url: url, accessMode: .read)
        var parts = 0
        for entry in archive where entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels") {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            let bytes = [UInt8](data)
            let judge = try #require(Self.parsed(bytes), "Foundation's parser refuses \(entry.path)")
            let scanned = try Self.scanned(bytes, chunk: 4_096)
            #expect(scanned == judge, "\(sample): \(entry.path): \(Self.firstDifference(scanned, judge))")
            parts += 1
        }
        #expect(parts > 10, "the sample's parts were not found")
    }
}
