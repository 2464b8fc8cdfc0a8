/// Bounds that keep a hostile or damaged export from exhausting the machine.
public struct ImportLimits: Sendable {
    /// Most bytes one part of a workbook may inflate to (a 100,000-VM vInfo sheet is about 400 MB of XML).
    public var maxPartBytes: Int
    /// Excel's own limit on the characters in one cell; a longer cell did not come from Excel or RVTools.
    public var maxCellCharacters: Int

    public init(maxPartBytes: Int = 2 << 30, maxCellCharacters: Int = 32_767) {
        self.maxPartBytes = maxPartBytes
        self.maxCellCharacters = maxCellCharacters
    }
}

/// One row of a sheet: the cells that hold a value, by 0-based column, and the row's number (the Excel row, or the
/// CSV line where the record starts; both 1-based).
struct SheetRow {
    var number: Int
    var cells: RowCells

    init(number: Int, cells: [Int: String]) {
        self.number = number
        self.cells = RowCells(cells)
    }

    init(number: Int, cells: RowCells) {
        self.number = number
        self.cells = cells
    }
}

/// A row's cells by column. A CSV record's are Strings already; a workbook row's stay the bytes the sheet holds
/// (or a shared string's index) until a cell is read, so that the columns an import does not read (most of vInfo's
/// ninety) cost no String and no hashing.
struct RowCells {
    /// A workbook cell: its column, and its value's bytes in `bytes` or, when `shared` is 0 or more, that shared
    /// string.
    struct Span {
        var column: Int32
        var shared: Int32
        var start: Int32
        var end: Int32
    }

    private var strings: [Int: String] = [:]
    var bytes: [UInt8] = []
    var spans: [Span] = []
    var sharedStrings: SharedStrings?
    /// Whether `spans` is in ascending column order, as Excel writes a row (ECMA-376 Part 1, 18.3.1.4); a row that
    /// is not is searched from end to end.
    var ascending = true

    init(_ strings: [Int: String]) { self.strings = strings }

    init(sharedStrings: SharedStrings) { self.sharedStrings = sharedStrings }

    var isEmpty: Bool { strings.isEmpty && spans.isEmpty }

    /// The columns that hold a value, in ascending order.
    var columns: [Int] {
        sharedStrings == nil ? strings.keys.sorted() : spans.map { Int($0.column) }.sorted()
    }

    subscript(column: Int) -> String? {
        guard let sharedStrings else { return strings[column] }
        guard let span = span(column) else { return nil }
        if span.shared >= 0 { return sharedStrings.string(at: Int(span.shared)) }
        return bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(span.start)..<Int(span.end)]), as: UTF8.self)
        }
    }

    private func span(_ column: Int) -> Span? {
        guard ascending else { return spans.last { $0.column == column } }
        var low = 0
        var high = spans.count
        while low < high {
            let middle = (low + high) / 2
            let found = Int(spans[middle].column)
            if found == column { return spans[middle] }
            if found < column { low = middle + 1 } else { high = middle }
        }
        return nil
    }
}

/// An export read as sheets of rows: an .xlsx workbook, or a folder of CSV files, one a sheet.
protocol ExportSource {
    /// The file as diagnostics and the output name it: its last path component.
    var displayName: String { get }
    var sheetNames: [String] { get }
    /// When the export was made, `YYYY-MM-DD`, when the container says (the workbook's creation date).
    var containerDate: String? { get }
    /// Calls `body` with each row of the sheet, blank rows included, in order.
    func readSheet(_ name: String, _ body: (SheetRow) throws -> Void) throws
    /// Where a cell or row of a sheet is, for a diagnostic: the file, and the place in it.
    func place(sheet: String, row: Int, column: Int?, header: String?) -> (file: String, location: ImportLocation)
}

extension ExportSource {
    /// The sheet whose name matches case-insensitively.
    func sheet(named name: String) -> String? {
        sheetNames.first { $0.lowercased() == name.lowercased() }
    }
}
