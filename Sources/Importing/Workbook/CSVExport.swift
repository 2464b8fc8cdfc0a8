import CloudFirstCore
import Foundation

/// RVTools' CSV export: a folder of `RVTools_tab<sheet>.csv` files (`RVTools_tabvInfo.csv`, `RVTools_tabvDisk.csv`,
/// ...), one a sheet, each read with the project's RFC 4180 reader. A diagnostic names the sheet's file and the line
/// its record starts on.
final class CSVExport: ExportSource {
    static let prefix = "RVTools_tab"

    let folder: String
    let displayName: String
    let sheetNames: [String]
    let containerDate: String? = nil
    private let limits: ImportLimits
    /// Sheet name to its file name in the folder.
    private let files: [String: String]

    /// True when `path` is a folder holding RVTools CSV files, or one such file.
    static func isExport(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return false }
        if !isFolder.boolValue { return sheetName(ofFile: (path as NSString).lastPathComponent) != nil }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.contains { sheetName(ofFile: $0) != nil }
    }

    static func sheetName(ofFile name: String) -> String? {
        guard name.lowercased().hasPrefix(prefix.lowercased()), name.lowercased().hasSuffix(".csv"),
              name.count > prefix.count + 4 else { return nil }
        return String(name.dropFirst(prefix.count).dropLast(4))
    }

    /// `path` is the export's folder, or one of its files (the folder is then the file's).
    init(path: String, limits: ImportLimits) throws {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        folder = exists && isFolder.boolValue ? path : (path as NSString).deletingLastPathComponent
        displayName = (folder as NSString).lastPathComponent
        self.limits = limits
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)
        } catch {
            throw ImportError(file: path, .unreadable(reason: "the folder cannot be listed"))
        }
        var files: [String: String] = [:]
        for name in names.sorted() {
            if let sheet = Self.sheetName(ofFile: name), files[sheet] == nil { files[sheet] = name }
        }
        self.files = files
        sheetNames = files.keys.sorted()
    }

    func readSheet(_ name: String, _ body: (SheetRow) throws -> Void) throws {
        guard let fileName = files[name] else {
            throw ImportError(file: displayName, .missingSheet(name, available: sheetNames))
        }
        let display = diagnosticName(fileName)
        let path = ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError(file: display, .unreadable(reason: String(cString: strerror(errno))))
        }
        guard data.count <= limits.maxPartBytes else {
            throw ImportError(file: display, .inflatedTooLarge(limit: limits.maxPartBytes))
        }
        // RVTools writes UTF-8; a file saved again by a spreadsheet program on Windows may be Windows-1252.
        let records = try CSVFile.records(data, file: display)
        for record in records {
            var cells: [Int: String] = [:]
            for (column, field) in record.fields.enumerated() where !field.isEmpty {
                guard field.utf16.count <= limits.maxCellCharacters else {
                    throw ImportError(file: display, location: .line(record.line, header: nil),
                                      .cellTooLong(length: field.utf16.count, limit: limits.maxCellCharacters))
                }
                cells[column] = field
            }
            try body(SheetRow(number: record.line, cells: cells))
        }
    }

    func place(sheet: String, row: Int, column: Int?, header: String?) -> (file: String, location: ImportLocation) {
        (diagnosticName(files[sheet] ?? Self.prefix + sheet + ".csv"), .line(row, header: header))
    }

    /// A file of the export as a diagnostic names it: under the folder as the user gave it, so that the path can be
    /// opened as it is written.
    private func diagnosticName(_ fileName: String) -> String {
        folder.isEmpty ? fileName : (folder as NSString).appendingPathComponent(fileName)
    }

    /// Checks the start of a sheet's file before any other sheet is read, so that a file saved as UTF-16 or with
    /// semicolons is reported against the sheet that matters (vInfo) rather than the first detail sheet read.
    func checkStart(ofSheet name: String) throws {
        guard let fileName = files[name] else { return }
        let path = ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(fileName)
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        var start = (try? handle.read(upToCount: 65_536)) ?? Data()
        // Whole scalars only: the cut may fall inside a multi-byte character.
        while !start.isEmpty, String(data: start, encoding: .utf8) == nil, start.count > 65_532 { start.removeLast() }
        let text = try CSVFile.text(start, file: diagnosticName(fileName))
        let firstLine = text.split(whereSeparator: \.isNewline).first { !$0.allSatisfy(\.isWhitespace) }
        if let firstLine, firstLine.contains(";"), !firstLine.contains(",") {
            throw ImportError(file: diagnosticName(fileName), location: .line(1, header: nil), .semicolonSeparated)
        }
    }
}
