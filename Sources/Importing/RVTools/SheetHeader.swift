import Foundation

/// A sheet's header row: columns are bound by name, case-insensitively and ignoring surrounding spaces, never by
/// position (sites add their own custom-attribute columns, and RVTools versions rename and move columns).
struct SheetHeader {
    /// The header text of each column, by 0-based column.
    let names: [Int: String]
    private let columns: [String: Int]

    init(_ row: SheetRow) {
        var names: [Int: String] = [:]
        for column in row.cells.columns {
            names[column] = row.cells[column]?.trimmingCharacters(in: .whitespaces)
        }
        self.names = names
        var columns: [String: Int] = [:]
        for (column, name) in names.sorted(by: { $0.key < $1.key }) where columns[name.lowercased()] == nil {
            columns[name.lowercased()] = column
        }
        self.columns = columns
    }

    /// The first of `spellings` the header has (old and new RVTools names for one column).
    func column(_ spellings: String...) -> Int? {
        column(spellings)
    }

    func column(_ spellings: [String]) -> Int? {
        for spelling in spellings {
            if let column = columns[spelling.lowercased()] { return column }
        }
        return nil
    }
}

extension String {
    /// The text without leading and trailing white space and line breaks: `trimmingCharacters(in:
    /// .whitespacesAndNewlines)`, without its cost for the usual cell that has none. Unicode's White_Space property,
    /// tested first, is the same set of characters as Foundation's `whitespacesAndNewlines` (categories Z*, U+0009 to
    /// U+000D and U+0085).
    var trimmed: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x80 ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value)
                : scalar.properties.isWhitespace
        }
        if !isSpace(first), !isSpace(last) { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
