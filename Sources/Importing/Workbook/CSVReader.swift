import CloudFirstCore
import Foundation

/// One CSV file of an import template (Azure Migrate's, AWS Migration Hub's, Google Migration Center's), read with
/// the project's RFC 4180 reader (`CSV`): its header, and its records with the line each starts on. Columns are bound
/// by header name, never by position, case-insensitively, ignoring surrounding spaces, a leading `*` (Azure
/// Migrate's mark of a required column) and a trailing `(optional)` (Migration Center's templates' mark of an
/// optional one). Blank records (every field empty or spaces) are dropped wherever they are, trailing ones included.
struct CSVTable {
    /// The file as diagnostics name it.
    let file: String
    /// Each column's header as the file writes it, trimmed.
    let headers: [String]
    let headerLine: Int
    let rows: [CSVTableRow]
    private let columns: [String: Int]

    /// Reads `path`; `file` is the name diagnostics give it. A file with no header row has no columns and no rows.
    static func read(_ path: String, file: String, limits: ImportLimits) throws -> CSVTable {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ImportError(file: file, .unreadable(reason: "no such file"))
        }
        guard !isFolder.boolValue else { throw ImportError(file: file, .unreadable(reason: "it is a folder")) }
        if ["xlsx", "xlsm", "xls"].contains((path as NSString).pathExtension.lowercased()) {
            throw ImportError(file: file, .workbookNotCSV)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError(file: file, .unreadable(reason: String(cString: strerror(errno))))
        }
        guard data.count <= limits.maxPartBytes else {
            throw ImportError(file: file, .inflatedTooLarge(limit: limits.maxPartBytes))
        }
        let records = try CSVFile.records(data, file: file)
        var header: CSV.Record?
        var rows: [CSVTableRow] = []
        for record in records {
            if let long = record.fields.first(where: { $0.utf16.count > limits.maxCellCharacters }) {
                throw ImportError(file: file, location: .line(record.line, header: nil),
                                  .cellTooLong(length: long.utf16.count, limit: limits.maxCellCharacters))
            }
            guard record.fields.contains(where: { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty })
            else { continue }
            if header == nil {
                header = record
            } else {
                rows.append(CSVTableRow(line: record.line, fields: record.fields))
            }
        }
        return CSVTable(file: file, headers: header?.fields.map { $0.trimmingCharacters(in: .whitespaces) } ?? [],
                        headerLine: header?.line ?? 1, rows: rows)
    }

    init(file: String, headers: [String], headerLine: Int, rows: [CSVTableRow]) {
        self.file = file
        self.headers = headers
        self.headerLine = headerLine
        self.rows = rows
        var columns: [String: Int] = [:]
        for (column, name) in headers.enumerated() where columns[Self.key(name)] == nil {
            columns[Self.key(name)] = column
        }
        self.columns = columns
    }

    /// A header as it is matched: lower case, without a leading `*` or a trailing `(optional)`.
    static func key(_ header: String) -> String {
        var name = header.trimmingCharacters(in: .whitespaces).lowercased()
        if name.hasPrefix("*") { name.removeFirst() }
        if name.hasSuffix("(optional)") { name.removeLast("(optional)".count) }
        return name.trimmingCharacters(in: .whitespaces)
    }

    /// The first of `spellings` the header has.
    func column(_ spellings: String...) -> Int? {
        column(spellings)
    }

    func column(_ spellings: [String]) -> Int? {
        for spelling in spellings {
            if let column = columns[Self.key(spelling)] { return column }
        }
        return nil
    }

    /// The column, or an error naming the file's header line and the column the template requires.
    func require(_ spellings: String..., format: String) throws -> Int {
        guard let found = column(spellings) else {
            throw ImportError(file: file, location: .line(headerLine, header: nil),
                              .missingTemplateColumn(names: [spellings[0]], format: format))
        }
        return found
    }

    /// Every column whose matched header fits `pattern` (a regular expression over the lower-case header, without
    /// `*`), with the pattern's first capture as a number: Azure Migrate's `Disk 1 size (In GB)`, `Disk 2 ...`.
    func numberedColumns(_ pattern: String) -> [(number: Int, column: Int)] {
        guard let expression = try? NSRegularExpression(pattern: "^" + pattern + "$") else { return [] }
        var found: [(number: Int, column: Int)] = []
        for (column, header) in headers.enumerated() {
            let key = Self.key(header)
            let range = NSRange(key.startIndex..., in: key)
            guard let match = expression.firstMatch(in: key, range: range), match.numberOfRanges > 1,
                  let capture = Range(match.range(at: 1), in: key), let number = Int(key[capture]),
                  !found.contains(where: { $0.number == number }) else { continue }
            found.append((number, column))
        }
        return found.sorted { $0.number < $1.number }
    }

    /// The text of a cell, trimmed; nil when empty or the column is not there.
    func text(_ row: CSVTableRow, _ column: Int?) -> String? {
        guard let column, column < row.fields.count else { return nil }
        let value = row.fields[column].trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    /// A cell as a number (thousands separators allowed); nil when empty, an error naming the line and column when
    /// it is not a number.
    func number(_ row: CSVTableRow, _ column: Int?) throws -> Double? {
        guard let column, let value = text(row, column) else { return nil }
        guard let parsed = ExportValues.number(value) else {
            throw ImportError(file: file, location: place(row, column), .notANumber(value))
        }
        return parsed
    }

    /// Where a cell is, for a diagnostic: the record's line and the column's header.
    func place(_ row: CSVTableRow, _ column: Int?) -> ImportLocation {
        .line(row.line, header: column.flatMap { $0 < headers.count ? headers[$0] : nil })
    }

    /// `file:line` of a row, as a duplicate's message names the first one.
    func described(_ row: CSVTableRow) -> String {
        "\(file):\(row.line)"
    }
}

/// What the CSV readers of every import share: the file's text decoded, its records parsed, and the checks that
/// catch a file that is not the CSV it should be (UTF-16, semicolon-separated), was cut short, or has records whose
/// columns no longer line up with the header's.
enum CSVFile {
    /// The file's text: UTF-8 (with or without a byte order mark), else Windows-1252 (Excel's plain "CSV" on
    /// Windows). A UTF-16 file (Excel's "Unicode Text", or a script's default on Windows) is refused by name.
    static func text(_ data: Data, file: String) throws -> String {
        if data.count >= 2, data[data.startIndex] == 0xFF && data[data.startIndex + 1] == 0xFE
            || data[data.startIndex] == 0xFE && data[data.startIndex + 1] == 0xFF {
            throw ImportError(file: file, .utf16)
        }
        return String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252)
            ?? String(decoding: data, as: UTF8.self)
    }

    /// Whether a record holds nothing but empty fields or spaces.
    static func isBlank(_ record: CSV.Record) -> Bool {
        !record.fields.contains { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    /// The file's records, checked against its header (the first record that is not blank): an error naming the line
    /// when a record has more fields than the header, or when the last record has no line end and fewer fields
    /// than the header (the file was cut off in the middle of it). A properly ended record with fewer fields is
    /// kept, its missing cells empty: spreadsheet programs write rows that way. A header of one field holding a
    /// semicolon is a semicolon-separated file, refused by name.
    static func records(_ data: Data, file: String) throws -> [CSV.Record] {
        let text = try text(data, file: file)
        let records: [CSV.Record]
        do {
            records = try CSV.records(text)
        } catch let malformed as CSV.Malformed {
            throw ImportError(file: file, location: .line(malformed.line, header: nil),
                              .malformedCSV(reason: "a quoted field starts here and never ends"))
        }
        guard let headerIndex = records.firstIndex(where: { !isBlank($0) }) else { return records }
        let header = records[headerIndex]
        if header.fields.count == 1, header.fields[0].contains(";") {
            throw ImportError(file: file, location: .line(header.line, header: nil), .semicolonSeparated)
        }
        for record in records[(headerIndex + 1)...]
        where record.fields.count > header.fields.count && !isBlank(record) {
            throw ImportError(file: file, location: .line(record.line, header: nil),
                              .tooManyFields(count: record.fields.count, header: header.fields.count))
        }
        if let last = records.last, records.count > headerIndex + 1, text.unicodeScalars.last != "\n",
           last.fields.count < header.fields.count, !isBlank(last) {
            throw ImportError(file: file, location: .line(last.line, header: nil), .truncatedCSV(line: last.line))
        }
        return records
    }
}

/// A record of a CSV table: its fields by 0-based column, and the 1-based line it starts on.
struct CSVTableRow {
    var line: Int
    var fields: [String]
}
