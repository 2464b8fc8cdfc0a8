/// Columns aligned for a terminal: a header and rows, two spaces between columns, numbers right-aligned, no cell
/// clipped (a pipe gets every character; the terminal wraps a long line rather than hiding its end), trailing spaces
/// trimmed. Widths are counted in Unicode scalars, as wide as characters for the names inventories use.
public enum TextTable {
    public static func render(header: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
        var widths = header.map(\.unicodeScalars.count)
        for row in rows {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.unicodeScalars.count)
            }
        }
        func line(_ cells: [String]) -> String {
            var out = ""
            for (column, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: max(0, widths[column] - cell.unicodeScalars.count))
                if column > 0 { out += "  " }
                out += rightAligned.contains(column) ? padding + cell : cell + padding
            }
            while out.hasSuffix(" ") { out.removeLast() }
            return out + "\n"
        }
        return line(header) + rows.map(line).joined()
    }
}
