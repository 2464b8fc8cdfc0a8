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
    var cells: [Int: String]
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
