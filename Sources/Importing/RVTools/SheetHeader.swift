import Foundation

/// A sheet's header row: columns are bound by name, case-insensitively and ignoring surrounding spaces, never by
/// position (sites add their own custom-attribute columns, and RVTools versions rename and move columns).
struct SheetHeader {
    /// The header text of each column, by 0-based column.
    let names: [Int: String]
    private let columns: [String: Int]

    init(_ row: SheetRow) {
        names = row.cells.mapValues { $0.trimmingCharacters(in: .whitespaces) }
        var columns: [String: Int] = [:]
        for (column, name) in names.sorted(by: { $0.key < $1.key }) where columns[name.lowercased()] == nil {
            columns[name.lowercased()] = column
        }
        self.columns = columns
    }

    /// The first of `spellings` the header has (old and new RVTools names for one column).
    func column(_ spellings: String...) -> Int? {
        for spelling in spellings {
            if let column = columns[spelling.lowercased()] { return column }
        }
        return nil
    }
}
