import Foundation
import ZIPFoundation

/// Writes small .xlsx workbooks for the tests, so each case's cells sit in its test's code. Cells are written as
/// a spreadsheet program would: text through the shared strings (or inline, when asked), numbers as numbers,
/// `Cell.boolean` as Excel booleans.
struct WorkbookBuilder {
    enum Cell: ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
        case text(String)
        case inline(String)
        case number(String)
        case boolean(Bool)
        /// A shared-string cell with a raw index, which may be out of range.
        case sharedIndex(Int)
        case empty

        init(stringLiteral value: String) { self = value.isEmpty ? .empty : .text(value) }
        init(floatLiteral value: Double) { self = .number(String(value)) }
        init(integerLiteral value: Int) { self = .number(String(value)) }
    }

    var sheets: [(name: String, rows: [[Cell]])] = []
    /// Blank rows (`<row>` elements with empty cells) after each sheet's last row, as RVTools exports have.
    var trailingBlankRows = 0
    var includeWorkbookPart = true
    var createdDate: String? = "2026-03-04T10:11:12Z"
    /// Parts added as they are, e.g. a huge one for the zip-bomb test.
    var extraParts: [(path: String, data: Data)] = []
    /// Parts written with this text instead of what the builder would write, e.g. a damaged sheet.
    var replacedParts: [String: String] = [:]

    init(_ sheets: [(name: String, rows: [[Cell]])] = []) {
        self.sheets = sheets
    }

    func write(to url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        var strings: [String] = []
        var index: [String: Int] = [:]
        func shared(_ text: String) -> Int {
            if let found = index[text] { return found }
            strings.append(text)
            index[text] = strings.count - 1
            return strings.count - 1
        }
        var parts: [(String, String)] = []
        for (number, sheet) in sheets.enumerated() {
            var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
                + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            for (rowIndex, row) in sheet.rows.enumerated() {
                xml += "<row r=\"\(rowIndex + 1)\">"
                for (column, cell) in row.enumerated() {
                    let reference = Self.letters(column) + "\(rowIndex + 1)"
                    switch cell {
                    case .text(let text): xml += "<c r=\"\(reference)\" t=\"s\"><v>\(shared(text))</v></c>"
                    case .inline(let text):
                        xml += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(Self.escape(text))</t></is></c>"
                    case .number(let text): xml += "<c r=\"\(reference)\"><v>\(text)</v></c>"
                    case .boolean(let value): xml += "<c r=\"\(reference)\" t=\"b\"><v>\(value ? 1 : 0)</v></c>"
                    case .sharedIndex(let raw): xml += "<c r=\"\(reference)\" t=\"s\"><v>\(raw)</v></c>"
                    case .empty: xml += "<c r=\"\(reference)\" s=\"1\"/>"
                    }
                }
                xml += "</row>"
            }
            for blank in 0..<trailingBlankRows {
                let row = sheet.rows.count + blank + 1
                xml += "<row r=\"\(row)\"><c r=\"A\(row)\" s=\"1\"/><c r=\"B\(row)\" s=\"1\"/></row>"
            }
            xml += "</sheetData></worksheet>"
            parts.append(("xl/worksheets/sheet\(number + 1).xml", xml))
        }
        let sheetList = sheets.enumerated().map { number, sheet in
            "<sheet name=\"\(Self.escape(sheet.name))\" sheetId=\"\(number + 1)\" r:id=\"rId\(number + 1)\"/>"
        }.joined()
        if includeWorkbookPart {
            parts.append(("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8"?>"#
                + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
                + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
                + "<sheets>\(sheetList)</sheets></workbook>"))
        }
        let relationships = sheets.indices.map { number in
            "<Relationship Id=\"rId\(number + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/worksheet\" Target=\"worksheets/sheet\(number + 1).xml\"/>"
        }.joined() + "<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
            + "relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        parts.append(("xl/_rels/workbook.xml.rels", #"<?xml version="1.0" encoding="UTF-8"?>"#
            + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + relationships + "</Relationships>"))
        parts.append(("xl/sharedStrings.xml", #"<?xml version="1.0" encoding="UTF-8"?>"#
            + #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
            + strings.map { "<si><t xml:space=\"preserve\">\(Self.escape($0))</t></si>" }.joined() + "</sst>"))
        if let createdDate {
            parts.append(("docProps/core.xml", #"<?xml version="1.0" encoding="UTF-8"?>"#
                + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#
                + #"xmlns:dcterms="http://purl.org/dc/terms/"><dcterms:created>"# + createdDate
                + "</dcterms:created></cp:coreProperties>"))
        }
        for (path, text) in parts { try Self.add(Data((replacedParts[path] ?? text).utf8), at: path, to: archive) }
        for (path, data) in extraParts { try Self.add(data, at: path, to: archive) }
    }

    static func add(_ data: Data, at path: String, to archive: Archive) throws {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                             compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    static func letters(_ index: Int) -> String {
        var index = index + 1
        var letters = ""
        while index > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (index - 1) % 26))) + letters
            index = (index - 1) / 26
        }
        return letters
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// A folder of its own for one test, removed afterwards.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cloudfirst-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func rvtools(_ name: String) -> String { folder.appendingPathComponent("rvtools/\(name)").path }
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
}
