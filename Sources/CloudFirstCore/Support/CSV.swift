import Foundation

/// RFC 4180, as the catalogues, the spreadsheets cloudfirst writes and the exports it imports need it: commas,
/// double quotes, doubled quotes inside quotes, line breaks (LF or CRLF, read as LF) inside quotes, a UTF-8 byte order
/// mark.
public enum CSV {
    public struct Malformed: Error, Equatable {
        /// The 1-based line where the field that never closes its quotes starts.
        public var line: Int

        public init(line: Int = 0) {
            self.line = line
        }
    }

    /// One record and the 1-based line it starts on: a record with a line break inside quotes spans lines, so the
    /// record's index is not its line.
    public struct Record: Equatable, Sendable {
        public var line: Int
        public var fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    public static func parse(_ text: String) throws -> [[String]] {
        try records(text).map(\.fields)
    }

    /// Every record with the line it starts on. A byte order mark at the start is not part of the first field.
    public static func records(_ text: String) throws -> [Record] {
        var records: [Record] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending = iterator.next()
        if pending == "\u{FEFF}" { pending = iterator.next() }
        while let scalar = pending {
            pending = iterator.next()
            if scalar == "\n" { line += 1 }
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        quoted = false
                    }
                } else if scalar != "\r" || pending != "\n" {
                    // A line break inside a cell is one LF, whether the file ends its lines with CRLF or LF.
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                quoted = true
                quoteLine = line
            case ",":
                row.append(field)
                field = ""
            case "\n":
                row.append(field)
                records.append(Record(line: recordLine, fields: row))
                recordLine = line
                row = []
                field = ""
            case "\r": break
            default: field.unicodeScalars.append(scalar)
            }
        }
        if quoted { throw Malformed(line: quoteLine) }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            records.append(Record(line: recordLine, fields: row))
        }
        return records
    }

    /// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF between records, and after
    /// the last, as spreadsheet programs and Jira's importer expect.
    public static func render(_ rows: [[String]]) -> String {
        // No rows is one empty line, as it always has been.
        rows.isEmpty ? "\r\n" : rows.map(line).joined()
    }

    /// One record as `render` writes it, with its CRLF: a writer that streams rows writes these one after another.
    public static func line(_ row: [String]) -> String {
        row.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",") + "\r\n"
    }
}
