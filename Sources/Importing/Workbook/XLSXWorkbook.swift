import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// An .xlsx workbook: a zip of XML parts (ECMA-376 Part 1, SpreadsheetML), read with ZIPFoundation and streamed
/// through Foundation's event parser, cell by cell, never built into a tree. Every part is inflated under
/// `ImportLimits.maxPartBytes`, counted as it inflates, so a zip bomb that lies about its sizes stops at the limit.
final class XLSXWorkbook: ExportSource {
    let displayName: String
    let sheetNames: [String]
    let containerDate: String?
    private let archive: Archive
    private let limits: ImportLimits
    /// Sheet name to the part that holds it, e.g. `xl/worksheets/sheet1.xml`.
    private let sheetParts: [String: String]
    private let sharedStrings: [String]

    static let workbookPart = "xl/workbook.xml"

    init(path: String, displayName: String, limits: ImportLimits) throws {
        self.displayName = displayName
        self.limits = limits
        func fail(_ problem: ImportProblem) -> ImportError {
            ImportError(file: displayName, problem)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw fail(.unreadable(reason: String(cString: strerror(errno))))
        }
        let magic = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
        if magic == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
            // An OLE compound file: Excel 97-2003, or an encrypted OOXML package, whose directory names the stream
            // "EncryptedPackage" (MS-OFFCRYPTO 2.3.4.4) in UTF-16LE.
            let compound = [UInt8]((try? handle.readToEnd()) ?? Data())
            try? handle.close()
            let name = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            throw fail(Self.contains(compound, name) ? .encryptedWorkbook : .oldExcelFormat)
        }
        try? handle.close()
        guard magic.count >= 4, magic[0] == 0x50, magic[1] == 0x4B else { throw fail(.notAWorkbook) }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw fail(.damagedZip(reason: "its central directory cannot be read"))
        }
        let workbook = try Self.part(Self.workbookPart, of: archive, limits: limits, file: displayName)
        let relationshipsPart = "xl/_rels/workbook.xml.rels"
        let relationships = try Self.part(relationshipsPart, of: archive, limits: limits, file: displayName)
        let sheets = try AttributeCollector.collect("sheet", from: workbook, part: Self.workbookPart, file: displayName)
        let targets = try AttributeCollector.collect("Relationship", from: relationships, part: relationshipsPart,
                                                     file: displayName)
        var targetByID: [String: String] = [:]
        var sharedStringsPart = "xl/sharedStrings.xml"
        for target in targets {
            guard let id = target["Id"], let path = target["Target"] else { continue }
            let part = path.hasPrefix("/") ? String(path.dropFirst()) : "xl/" + path
            targetByID[id] = part
            if target["Type"]?.hasSuffix("/sharedStrings") == true { sharedStringsPart = part }
        }
        var names: [String] = []
        var parts: [String: String] = [:]
        for sheet in sheets {
            guard let name = sheet["name"],
                  let id = sheet.first(where: { $0.key == "id" || $0.key.hasSuffix(":id") })?.value,
                  let part = targetByID[id] else { continue }
            names.append(name)
            parts[name] = part
        }
        sheetNames = names
        sheetParts = parts
        if archive[sharedStringsPart] != nil {
            let data = try Self.part(sharedStringsPart, of: archive, limits: limits, file: displayName)
            sharedStrings = try SharedStringsParser.parse(data, part: sharedStringsPart, file: displayName,
                                                          limit: limits.maxCellCharacters)
        } else {
            sharedStrings = []
        }
        if archive["docProps/core.xml"] != nil,
           let core = try? Self.part("docProps/core.xml", of: archive, limits: limits, file: displayName),
           let created = try? TextCollector.text(of: "created", in: core), created.count >= 10 {
            containerDate = String(created.prefix(10))
        } else {
            containerDate = nil
        }
    }

    func readSheet(_ name: String, _ body: (SheetRow) throws -> Void) throws {
        guard let part = sheetParts[name] else {
            throw ImportError(file: displayName, .missingSheet(name, available: sheetNames))
        }
        let data = try Self.part(part, of: archive, limits: limits, file: displayName)
        try SheetParser.parse(data, sheet: name, file: displayName, sharedStrings: sharedStrings,
                              limit: limits.maxCellCharacters, body: body)
    }

    func place(sheet: String, row: Int, column: Int?, header: String?) -> (file: String, location: ImportLocation) {
        guard let column else { return (displayName, .cell(sheet: sheet, row: row, column: 0, header: nil)) }
        return (displayName, .cell(sheet: sheet, row: row, column: column, header: header))
    }

    private struct TooLarge: Error {}

    /// The inflated bytes of one part, refused past the limit whatever the zip's directory claims.
    static func part(_ path: String, of archive: Archive, limits: ImportLimits, file: String) throws -> Data {
        guard let entry = archive[path] else { throw ImportError(file: file, .missingPart(path)) }
        let limit = limits.maxPartBytes
        guard entry.uncompressedSize <= UInt64(limit) else {
            throw ImportError(file: file, location: .part(path), .inflatedTooLarge(limit: limit))
        }
        var data = Data()
        // What the directory claims, up to 64 MiB: a claim is not trusted with memory before the bytes arrive.
        data.reserveCapacity(min(Int(entry.uncompressedSize), 64 << 20))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= limit else { throw TooLarge() }
                data.append(chunk)
            }
        } catch is TooLarge {
            throw ImportError(file: file, location: .part(path), .inflatedTooLarge(limit: limit))
        } catch {
            throw ImportError(file: file, location: .part(path), .damagedZip(reason: "'\(path)' cannot be inflated"))
        }
        return data
    }

    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == first, Array(bytes[index..<index + needle.count]) == needle { return true }
            index += 1
        }
        return false
    }
}

/// The local part of an element name: `x:row` and `row` are the same element (writers may prefix the namespace).
@inline(__always)
func localName(_ name: String) -> Substring {
    guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
    return name[name.index(after: colon)...]
}

/// Runs a parser, turning its failure, or the delegate's own, into an `ImportError`. Parsers read their part through
/// a stream, which Foundation feeds to libxml2 in chunks: given the whole part at once, libxml2 refuses a part of
/// more than 10 MB on one line ("huge input lookup"), which is how Excel writes a sheet.
func runParser(_ parser: XMLParser, delegateFailure: () -> Error?, location: ImportLocation, file: String,
               openElements: () -> Int = { 0 }) throws {
    let parsed = parser.parse()
    if let failure = delegateFailure() { throw failure }
    // Foundation's parser on Linux may report success for a document cut off inside an element.
    if parsed, openElements() != 0 {
        throw ImportError(file: file, location: location,
                          .malformedXML(reason: "it ends with \(openElements()) elements still open"))
    }
    guard parsed else {
        let reason = (parser.parserError as NSError?).map { "line \(parser.lineNumber): \($0.localizedDescription)" }
            ?? "line \(parser.lineNumber)"
        throw ImportError(file: file, location: location, .malformedXML(reason: reason))
    }
}

/// The attributes of every element with one local name, e.g. each `sheet` of `xl/workbook.xml`.
final class AttributeCollector: NSObject, XMLParserDelegate {
    let name: String
    var found: [[String: String]] = []

    init(name: String) { self.name = name }

    static func collect(_ name: String, from data: Data, part: String, file: String) throws -> [[String: String]] {
        let collector = AttributeCollector(name: name)
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = collector
        try runParser(parser, delegateFailure: { nil }, location: .part(part), file: file)
        return collector.found
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if localName(elementName) == name { found.append(attributes) }
    }
}

/// The text of the first element with one local name, e.g. `dcterms:created` in `docProps/core.xml`.
final class TextCollector: NSObject, XMLParserDelegate {
    let name: String
    var text: String?
    var inside = false

    init(name: String) { self.name = name }

    static func text(of name: String, in data: Data) throws -> String? {
        let collector = TextCollector(name: name)
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = collector
        try runParser(parser, delegateFailure: { nil }, location: .part("docProps/core.xml"), file: "")
        return collector.text
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if text == nil, localName(elementName) == name { inside = true; text = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inside { text! += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName: String?) {
        if localName(elementName) == name { inside = false }
    }
}

/// `xl/sharedStrings.xml`: each `si` is one string, the text of its `t` elements (rich-text runs joined), leaving out
/// phonetic guides (`rPh`).
final class SharedStringsParser: NSObject, XMLParserDelegate {
    let part: String
    let file: String
    let limit: Int
    var strings: [String] = []
    var current = ""
    var currentLength = 0
    var collecting = false
    var inPhonetic = false
    var failure: ImportError?
    /// Elements opened and not yet closed.
    var depth = 0

    init(part: String, file: String, limit: Int) {
        self.part = part
        self.file = file
        self.limit = limit
    }

    static func parse(_ data: Data, part: String, file: String, limit: Int) throws -> [String] {
        let delegate = SharedStringsParser(part: part, file: file, limit: limit)
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = delegate
        try runParser(parser, delegateFailure: { delegate.failure }, location: .part(part), file: file,
                      openElements: { delegate.depth })
        return delegate.strings
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        depth += 1
        switch localName(elementName) {
        case "si":
            current = ""
            currentLength = 0
        case "t": collecting = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard collecting else { return }
        current += string
        currentLength += string.utf16.count
        if currentLength > limit, failure == nil {
            failure = ImportError(file: file, location: .part(part + ", shared string \(strings.count)"),
                                  .cellTooLong(length: currentLength, limit: limit))
            parser.abortParsing()
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName: String?) {
        depth -= 1
        switch localName(elementName) {
        case "si": strings.append(current)
        case "t": collecting = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

/// A worksheet part, row by row: each cell's value resolved (shared strings looked up, booleans as `True`/`False`,
/// numbers as written, e.g. `4.5999999999999996`), empty cells left out.
final class SheetParser: NSObject, XMLParserDelegate {
    let sheet: String
    let file: String
    let sharedStrings: [String]
    let limit: Int
    let body: (SheetRow) throws -> Void
    var failure: Error?
    var row = SheetRow(number: 0, cells: [:])
    var column = 0
    var lastColumn = -1
    var type: String?
    var text = ""
    var textLength = 0
    var inCell = false
    var collecting = false
    var inPhonetic = false
    /// Elements opened and not yet closed.
    var depth = 0

    init(sheet: String, file: String, sharedStrings: [String], limit: Int, body: @escaping (SheetRow) throws -> Void) {
        self.sheet = sheet
        self.file = file
        self.sharedStrings = sharedStrings
        self.limit = limit
        self.body = body
    }

    static func parse(_ data: Data, sheet: String, file: String, sharedStrings: [String], limit: Int,
                      body: (SheetRow) throws -> Void) throws {
        try withoutActuallyEscaping(body) { body in
            let delegate = SheetParser(sheet: sheet, file: file, sharedStrings: sharedStrings, limit: limit,
                                       body: body)
            let parser = XMLParser(stream: InputStream(data: data))
            parser.delegate = delegate
            try runParser(parser, delegateFailure: { delegate.failure }, location: .sheet(sheet), file: file,
                          openElements: { delegate.depth })
        }
    }

    private func fail(_ parser: XMLParser, _ problem: ImportProblem) {
        guard failure == nil else { return }
        failure = ImportError(file: file, location: .cell(sheet: sheet, row: row.number, column: column, header: nil),
                              problem)
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        depth += 1
        switch localName(elementName) {
        case "row":
            row = SheetRow(number: attributes["r"].flatMap { Int($0) } ?? row.number + 1, cells: [:])
            lastColumn = -1
        case "c":
            column = attributes["r"].flatMap(ColumnName.index(ofReference:)) ?? lastColumn + 1
            lastColumn = column
            type = attributes["t"]
            text = ""
            textLength = 0
            inCell = true
        case "v": collecting = inCell
        case "t": collecting = inCell && !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard collecting else { return }
        text += string
        textLength += string.utf16.count
        if textLength > limit { fail(parser, .cellTooLong(length: textLength, limit: limit)) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName: String?) {
        depth -= 1
        guard failure == nil else { return }
        switch localName(elementName) {
        case "v", "t": collecting = false
        case "rPh": inPhonetic = false
        case "c":
            inCell = false
            let value: String
            switch type {
            case "s":
                guard let index = Int(text), sharedStrings.indices.contains(index) else {
                    fail(parser, .sharedStringOutOfRange(index: text, count: sharedStrings.count))
                    return
                }
                value = sharedStrings[index]
            case "b": value = text == "1" ? "True" : text == "0" ? "False" : text
            default: value = text
            }
            if !value.isEmpty { row.cells[column] = value }
        case "row":
            do {
                try body(row)
            } catch {
                failure = error
                parser.abortParsing()
            }
        default: break
        }
    }
}
