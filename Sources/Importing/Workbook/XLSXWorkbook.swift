import Foundation
import ZIPFoundation

/// An .xlsx workbook: a zip of XML parts (ECMA-376 Part 1, SpreadsheetML), read with ZIPFoundation. Each part is
/// inflated 64 KiB at a time into `XMLScanner`, which reports rows and cells as they complete, so memory does not
/// grow with a sheet: a workbook's held state is its shared strings (which any sheet may refer to) and one row.
/// Every part is inflated under `ImportLimits.maxPartBytes`, counted as it inflates, so a zip bomb that lies about
/// its sizes stops at the limit. A damaged deflate stream may be met by the XML check before zlib's own (the part's
/// bytes are read as they come): either way the import fails, naming the part or sheet.
///
/// Foundation's `XMLParser(stream:)` pulls from an `InputStream` in chunks (swift-corelibs-foundation, XMLParser.swift,
/// `parseFromStream`), so it could stream too, given the inflater on another thread or a pull-driven inflater; it is
/// not used for its cost, a String for every element name and a dictionary for every start tag's attributes, which
/// was most of an import's time.
final class XLSXWorkbook: ExportSource {
    let displayName: String
    let sheetNames: [String]
    let containerDate: String?
    private let archive: Archive
    private let limits: ImportLimits
    /// Sheet name to the part that holds it, e.g. `xl/worksheets/sheet1.xml`.
    private let sheetParts: [String: String]
    private let sharedStrings: SharedStrings

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
        if magic.isEmpty { throw fail(.emptyFile) }
        guard magic.count >= 4, magic[0] == 0x50, magic[1] == 0x4B else { throw fail(.notAWorkbook) }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw fail(.damagedZip(reason: "its central directory cannot be read"))
        }
        let relationshipsPart = "xl/_rels/workbook.xml.rels"
        let sheets = AttributeCollector(name: "sheet")
        try Self.stream(Self.workbookPart, of: archive, limits: limits, file: displayName,
                        location: .part(Self.workbookPart), to: sheets)
        let relationships = AttributeCollector(name: "Relationship")
        try Self.stream(relationshipsPart, of: archive, limits: limits, file: displayName,
                        location: .part(relationshipsPart), to: relationships)
        var targetByID: [String: String] = [:]
        var sharedStringsPart = "xl/sharedStrings.xml"
        for target in relationships.found {
            guard let id = target["Id"], let path = target["Target"] else { continue }
            let part = path.hasPrefix("/") ? String(path.dropFirst()) : "xl/" + path
            targetByID[id] = part
            if target["Type"]?.hasSuffix("/sharedStrings") == true { sharedStringsPart = part }
        }
        var names: [String] = []
        var parts: [String: String] = [:]
        for sheet in sheets.found {
            guard let name = sheet["name"],
                  let id = sheet.first(where: { $0.key == "id" || $0.key.hasSuffix(":id") })?.value,
                  let part = targetByID[id] else { continue }
            names.append(name)
            parts[name] = part
        }
        sheetNames = names
        sheetParts = parts
        if archive[sharedStringsPart] != nil {
            let reader = SharedStringsReader(part: sharedStringsPart, file: displayName,
                                             limit: limits.maxCellCharacters)
            try Self.stream(sharedStringsPart, of: archive, limits: limits, file: displayName,
                            location: .part(sharedStringsPart), to: reader)
            sharedStrings = reader.strings
        } else {
            sharedStrings = SharedStrings()
        }
        let core = TextCollector(name: "created")
        if archive["docProps/core.xml"] != nil,
           (try? Self.stream("docProps/core.xml", of: archive, limits: limits, file: displayName,
                             location: .part("docProps/core.xml"), to: core)) != nil,
           let created = core.text.flatMap({ String(validating: $0, as: UTF8.self) }), created.count >= 10 {
            containerDate = String(created.prefix(10))
        } else {
            containerDate = nil
        }
    }

    func readSheet(_ name: String, _ body: (SheetRow) throws -> Void) throws {
        guard let part = sheetParts[name] else {
            throw ImportError(file: displayName, .missingSheet(name, available: sheetNames))
        }
        try withoutActuallyEscaping(body) { body in
            let reader = SheetReader(sheet: name, file: displayName, sharedStrings: sharedStrings,
                                     limit: limits.maxCellCharacters, body: body)
            try Self.stream(part, of: archive, limits: limits, file: displayName, location: .sheet(name),
                            to: reader)
        }
    }

    func place(sheet: String, row: Int, column: Int?, header: String?) -> (file: String, location: ImportLocation) {
        guard let column else { return (displayName, .cell(sheet: sheet, row: row, column: 0, header: nil)) }
        return (displayName, .cell(sheet: sheet, row: row, column: column, header: header))
    }

    private struct TooLarge: Error {}

    /// Bytes inflated at a time: the scanner holds one chunk and the unfinished tag at its end, never the part.
    static let chunkBytes = 1 << 16

    /// Inflates one part chunk by chunk into a scanner, stopping at the limit whatever the zip's directory claims;
    /// what the handler was given before a failure is the caller's to drop (the import then writes nothing).
    static func stream<Handler: XMLEvents>(_ path: String, of archive: Archive, limits: ImportLimits, file: String,
                                          location: ImportLocation, to handler: Handler) throws {
        guard let entry = archive[path] else { throw ImportError(file: file, .missingPart(path)) }
        let limit = limits.maxPartBytes
        guard entry.uncompressedSize <= UInt64(limit) else {
            throw ImportError(file: file, location: .part(path), .inflatedTooLarge(limit: limit))
        }
        var scanner = XMLScanner(handler: handler)
        var inflated = 0
        do {
            _ = try archive.extract(entry, bufferSize: chunkBytes, skipCRC32: false) { chunk in
                inflated += chunk.count
                guard inflated <= limit else { throw TooLarge() }
                try chunk.withUnsafeBytes { try scanner.feed($0) }
            }
            try scanner.finish()
        } catch is TooLarge {
            throw ImportError(file: file, location: .part(path), .inflatedTooLarge(limit: limit))
        } catch let error as XMLScanError {
            throw ImportError(file: file, location: location,
                              .malformedXML(reason: "byte \(error.offset) of '\(path)': \(error.reason)"))
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError(file: file, location: .part(path), .damagedZip(reason: "'\(path)' cannot be inflated"))
        }
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

/// Whether an element's local name is `name`.
@inline(__always)
func equals(_ bytes: XMLBytes, _ name: StaticString) -> Bool {
    XMLScanning.same(bytes, UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
}

/// A whole number written in ASCII digits, e.g. a row number or a shared-string index; nil for anything else.
@inline(__always)
func wholeNumber(_ bytes: some Collection<UInt8>) -> Int? {
    guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
    var value = 0
    for byte in bytes {
        guard byte >= 0x30, byte <= 0x39 else { return nil }
        value = value * 10 + Int(byte - 0x30)
    }
    return value
}

/// The 0-based column of a cell reference such as `AB12`, or nil when it has no letters.
@inline(__always)
func columnIndex(ofReference reference: XMLBytes) -> Int? {
    var index = 0
    var sawLetter = false
    for byte in reference {
        guard byte >= 65 && byte <= 90 || byte >= 97 && byte <= 122 else { break }
        index = index * 26 + Int((byte & 0xDF) - 64)
        sawLetter = true
        if index > 16_384 { return nil }
    }
    return sawLetter ? index - 1 : nil
}

/// The attributes of every element with one local name, e.g. each `sheet` of `xl/workbook.xml`.
final class AttributeCollector: XMLEvents {
    let name: String
    var found: [[String: String]] = []

    init(name: String) { self.name = name }

    func start(_ name: XMLBytes, _ attributes: XMLAttributes) throws {
        if name.elementsEqual(self.name.utf8) {
            var local: [String: String] = [:]
            for (key, value) in try attributes.all() {
                local[String(key.split(separator: ":").last ?? Substring(key))] = value
                local[key] = value
            }
            found.append(local)
        }
    }

    func end(_ name: XMLBytes) throws {}
    func text(_ text: XMLBytes) throws {}
}

/// The text of the first element with one local name, e.g. `dcterms:created` in `docProps/core.xml`.
final class TextCollector: XMLEvents {
    let name: String
    var text: [UInt8]?
    var inside = false

    init(name: String) { self.name = name }

    func start(_ name: XMLBytes, _ attributes: XMLAttributes) throws {
        if text == nil, name.elementsEqual(self.name.utf8) {
            inside = true
            text = []
        }
    }

    func end(_ name: XMLBytes) throws {
        if name.elementsEqual(self.name.utf8) { inside = false }
    }

    func text(_ text: XMLBytes) throws {
        if inside { self.text!.append(contentsOf: text) }
    }
}

/// The workbook's shared strings, held compactly: their UTF-8 bytes end to end and where each ends, rather than one
/// String object each (a 100,000-VM workbook has hundreds of thousands of them, and they are held for every sheet).
struct SharedStrings {
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []

    var count: Int { ends.count }

    mutating func append(_ string: [UInt8]) {
        bytes.append(contentsOf: string)
        ends.append(bytes.count)
    }

    func isEmpty(at index: Int) -> Bool {
        ends[index] == (index == 0 ? 0 : ends[index - 1])
    }

    func string(at index: Int) -> String {
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<ends[index]]), as: UTF8.self) }
    }
}

/// `xl/sharedStrings.xml`: each `si` is one string, the text of its `t` elements (rich-text runs joined), leaving out
/// phonetic guides (`rPh`).
final class SharedStringsReader: XMLEvents {
    let part: String
    let file: String
    let limit: Int
    var strings = SharedStrings()
    var current: [UInt8] = []
    var collecting = false
    var inPhonetic = false

    init(part: String, file: String, limit: Int) {
        self.part = part
        self.file = file
        self.limit = limit
    }

    func start(_ name: XMLBytes, _ attributes: XMLAttributes) throws {
        if equals(name, "si") {
            current.removeAll(keepingCapacity: true)
        } else if equals(name, "t") {
            collecting = !inPhonetic
        } else if equals(name, "rPh") {
            inPhonetic = true
        }
    }

    func text(_ text: XMLBytes) throws {
        guard collecting else { return }
        current.append(contentsOf: text)
        if current.count > limit {
            // A UTF-16 code unit takes one to three UTF-8 bytes: count exactly only when the bytes may be too many.
            let length = String(decoding: current, as: UTF8.self).utf16.count
            if length > limit {
                throw ImportError(file: file, location: .part(part + ", shared string \(strings.count)"),
                                  .cellTooLong(length: length, limit: limit))
            }
        }
    }

    func end(_ name: XMLBytes) throws {
        if equals(name, "si") {
            // Checked once here, so that each look-up can decode without checking again.
            guard String(validating: current, as: UTF8.self) != nil else {
                throw ImportError(file: file, location: .part(part + ", shared string \(strings.count)"),
                                  .malformedXML(reason: "its text is not UTF-8"))
            }
            strings.append(current)
        } else if equals(name, "t") {
            collecting = false
        } else if equals(name, "rPh") {
            inPhonetic = false
        }
    }
}

/// A worksheet part, row by row: each cell's value resolved (shared strings looked up, booleans as `True`/`False`,
/// numbers as written, e.g. `4.5999999999999996`), empty cells left out. A cell's value is checked here (a shared
/// string's index in range, text that is UTF-8) and made a String only when read.
final class SheetReader: XMLEvents {
    enum CellType { case sharedString, boolean, other }

    let sheet: String
    let file: String
    let sharedStrings: SharedStrings
    let limit: Int
    let body: (SheetRow) throws -> Void
    var number = 0
    var cells: RowCells
    var column = 0
    var lastColumn = -1
    var type = CellType.other
    /// Where the current cell's value starts in `cells.bytes`.
    var valueStart = 0
    var inCell = false
    var collecting = false
    var inPhonetic = false

    init(sheet: String, file: String, sharedStrings: SharedStrings, limit: Int,
         body: @escaping (SheetRow) throws -> Void) {
        self.sheet = sheet
        self.file = file
        self.sharedStrings = sharedStrings
        self.limit = limit
        self.body = body
        cells = RowCells(sharedStrings: sharedStrings)
    }

    private func failure(_ problem: ImportProblem) -> ImportError {
        ImportError(file: file, location: .cell(sheet: sheet, row: number, column: column, header: nil), problem)
    }

    func start(_ name: XMLBytes, _ attributes: XMLAttributes) throws {
        if equals(name, "c") {
            column = attributes.raw("r").flatMap(columnIndex(ofReference:)) ?? lastColumn + 1
            lastColumn = column
            switch attributes.raw("t") {
            case let type? where equals(type, "s"): self.type = .sharedString
            case let type? where equals(type, "b"): self.type = .boolean
            default: type = .other
            }
            valueStart = cells.bytes.count
            inCell = true
        } else if equals(name, "v") {
            collecting = inCell
        } else if equals(name, "t") {
            collecting = inCell && !inPhonetic
        } else if equals(name, "row") {
            number = attributes.raw("r").flatMap(wholeNumber) ?? number + 1
            if !cells.bytes.isEmpty { cells.bytes.removeAll(keepingCapacity: true) }
            if !cells.spans.isEmpty { cells.spans.removeAll(keepingCapacity: true) }
            cells.ascending = true
            lastColumn = -1
        } else if equals(name, "rPh") {
            inPhonetic = true
        }
    }

    func text(_ text: XMLBytes) throws {
        guard collecting else { return }
        cells.bytes.append(contentsOf: text)
        let length = cells.bytes.count - valueStart
        if length > limit {
            // A UTF-16 code unit takes one to three UTF-8 bytes: count exactly only when the bytes may be too many.
            let exact = String(decoding: cells.bytes[valueStart...], as: UTF8.self).utf16.count
            if exact > limit { throw failure(.cellTooLong(length: exact, limit: limit)) }
        }
    }

    func end(_ name: XMLBytes) throws {
        if equals(name, "c") {
            inCell = false
            let end = cells.bytes.count
            guard end > valueStart else { return }
            var span = RowCells.Span(column: Int32(column), shared: -1, start: Int32(valueStart), end: Int32(end))
            switch type {
            case .sharedString:
                let value = cells.bytes[valueStart..<end]
                guard let index = wholeNumber(value), index < sharedStrings.count else {
                    throw failure(.sharedStringOutOfRange(index: String(decoding: value, as: UTF8.self),
                                                          count: sharedStrings.count))
                }
                // Dropped one by one: Array's removeLast(_:) and removeSubrange(_:) cost far more for a few bytes.
                for _ in valueStart..<end { cells.bytes.removeLast() }
                guard !sharedStrings.isEmpty(at: index) else { return }
                span.shared = Int32(index)
                span.start = 0
                span.end = 0
            case .boolean where end - valueStart == 1 && (cells.bytes[valueStart] == 0x31 || cells.bytes[valueStart] == 0x30):
                let word = cells.bytes[valueStart] == 0x31 ? "True" : "False"
                cells.bytes.replaceSubrange(valueStart..<end, with: word.utf8)
                span.end = Int32(cells.bytes.count)
            case .boolean, .other:
                let valid = cells.bytes.withUnsafeBufferPointer { bytes in
                    let value = bytes[valueStart..<end]
                    return value.allSatisfy { $0 < 0x80 } || String(validating: value, as: UTF8.self) != nil
                }
                guard valid else { throw failure(.malformedXML(reason: "the cell's text is not UTF-8")) }
            }
            if let last = cells.spans.last, last.column >= span.column { cells.ascending = false }
            cells.spans.append(span)
        } else if equals(name, "v") || equals(name, "t") {
            collecting = false
        } else if equals(name, "row") {
            try body(SheetRow(number: number, cells: cells))
        } else if equals(name, "rPh") {
            inPhonetic = false
        }
    }
}
