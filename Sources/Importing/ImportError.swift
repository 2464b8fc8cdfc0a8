import CloudFirstCore
import Foundation

/// Where in an export a problem is: a part of the workbook's zip, a sheet, a cell, or a CSV file's line.
public enum ImportLocation: Equatable, Sendable {
    /// A file inside the workbook's zip, such as `xl/workbook.xml`.
    case part(String)
    case sheet(String)
    /// `row` is 1-based as Excel shows it; `column` is 0-based (column A is 0). `header` is the column's name.
    case cell(sheet: String, row: Int, column: Int, header: String?)
    /// `line` is the 1-based line where the record starts.
    case line(Int, header: String?)

    public var description: String {
        switch self {
        case .part(let part): "part '\(part)'"
        case .sheet(let sheet): "sheet '\(sheet)'"
        case .cell(let sheet, let row, let column, let header):
            "sheet '\(sheet)', cell \(ColumnName.letters(column))\(row)" + (header.map { " (column '\($0)')" } ?? "")
        case .line(let line, let header): "\(line)" + (header.map { ": column '\($0)'" } ?? "")
        }
    }
}

/// Why an export cannot be imported. One message per case, naming the thing and quoting names.
public enum ImportProblem: Equatable, Sendable {
    case unreadable(reason: String)
    case notAWorkbook
    case oldExcelFormat
    case encryptedWorkbook
    case damagedZip(reason: String)
    case missingPart(String)
    case inflatedTooLarge(limit: Int)
    case malformedXML(reason: String)
    case missingSheet(String, available: [String])
    case missingColumn(sheet: String, names: [String])
    case duplicateVM(name: String, first: String)
    case duplicateServerID(id: String, first: String)
    case cellTooLong(length: Int, limit: Int)
    case sharedStringOutOfRange(index: String, count: Int)
    case malformedCSV(reason: String)
    case notANumber(String)
    case notAnExport
    /// A CSV import template's header lacks a column the template requires (`format` names the template).
    case missingTemplateColumn(names: [String], format: String)
    case duplicateServer(name: String, first: String)
    /// A Migration Center MachineId listed twice in vmInfo.csv.
    case duplicateMachineID(id: String, first: String)
    case notATime(String)
    /// A row of one file of a set refers to a machine the set's main file does not list.
    case unknownMachine(id: String, listedIn: String)
    /// A CSV file whose last record has no line end and fewer fields than the header: the file was cut short.
    case truncatedCSV(line: Int)
    /// A CSV record with more fields than the header: its columns no longer line up with the header's.
    case tooManyFields(count: Int, header: Int)
    /// An export with no servers (a header-only file): refused, so that a failed export cannot empty an inventory.
    case noServers(noun: String)
    case semicolonSeparated
    case utf16
    case emptyFile
    /// A workbook given to an importer that reads only CSV templates.
    case workbookNotCSV

    public var message: String {
        switch self {
        case .unreadable(let reason): "cannot be read: \(reason)"
        case .notAWorkbook:
            "is not an .xlsx workbook (not a zip file); give an RVTools .xlsx export or the folder of its CSV export"
        case .oldExcelFormat:
            "is an Excel 97-2003 .xls workbook, which cloudfirst does not read; open it in Excel and save it as "
                + ".xlsx, or export from RVTools again as .xlsx or CSV"
        case .encryptedWorkbook:
            "is a password-protected workbook; open it in Excel, remove the password (File, Info, Protect Workbook), "
                + "save it as .xlsx and import that copy"
        case .damagedZip(let reason): "is a damaged or truncated .xlsx (\(reason)); export it again"
        case .missingPart(let part): "has no '\(part)': it is a zip, but not an .xlsx workbook"
        case .inflatedTooLarge(let limit):
            "inflates to more than \(limit / 1_048_576) MiB, more than any RVTools export; refused as a possible zip bomb"
        case .malformedXML(let reason): "is not well-formed XML (\(reason)); the workbook is damaged, export it again"
        case .missingSheet(let sheet, let available):
            "has no '\(sheet)' sheet, which an RVTools export always has" + (available.isEmpty ? ""
                : "; its sheets are " + available.map { "'\($0)'" }.joined(separator: ", "))
        case .missingColumn(let sheet, let names):
            "the '\(sheet)' sheet has no " + names.map { "'\($0)'" }.joined(separator: " or ") + " column in its header"
        case .duplicateVM(let name, let first):
            "VM '\(name)' appears twice (first at \(first)); VM names must be unique to become server ids"
        case .duplicateServerID(let id, let first):
            "the server id '\(id)' derived from this VM's name is already taken (at \(first)); rename one of them"
        case .cellTooLong(let length, let limit):
            "holds \(length) or more characters, more than Excel's \(limit) a cell"
        case .sharedStringOutOfRange(let index, let count):
            "refers to shared string \(index), but the workbook has \(count); the workbook is damaged"
        case .malformedCSV(let reason): "is not valid CSV: \(reason)"
        case .notANumber(let text): "'\(text)' is not a number"
        case .missingTemplateColumn(let names, let format):
            "has no " + names.map { "'\($0)'" }.joined(separator: " or ") + " column in its header, which \(format) "
                + "requires"
        case .duplicateServer(let name, let first):
            "server '\(name)' appears twice (first at \(first)); server names must be unique to become server ids"
        case .duplicateMachineID(let id, let first):
            "MachineId '\(id)' appears twice (first at \(first)); machine ids must be unique"
        case .notATime(let text):
            "'\(text)' is not a date and time (YYYY-MM-DD HH:MM:SS, ISO 8601, or MM/DD/YYYY HH:MM:SS)"
        case .unknownMachine(let id, let listedIn):
            "MachineId '\(id)' is not a machine that \(listedIn) lists"
        case .truncatedCSV(let line):
            "the file ends part-way through line \(line): truncated? Export it again"
        case .tooManyFields(let count, let header):
            "has \(count) fields, more than the header's \(header): the columns are misaligned (a value with a comma "
                + "that is not in quotes?)"
        case .noServers(let noun): "lists no \(noun); nothing written"
        case .semicolonSeparated:
            "looks semicolon-separated (a European Excel's CSV): save it as comma-separated"
        case .utf16: "is UTF-16: save it as UTF-8 CSV"
        case .emptyFile: "is empty (0 bytes)"
        case .workbookNotCSV: "is a workbook: save the template as CSV"
        case .notAnExport:
            "is neither an .xlsx workbook nor an RVTools CSV export (a folder of RVTools_tab<sheet>.csv files)"
        }
    }
}

/// An export that could not be imported: the file, where in it, and why. Imports write nothing when they fail.
public struct ImportError: CloudFirstError, Equatable, CustomStringConvertible, Sendable {
    /// An export that cannot be read or is invalid is the user's input: exit code 2.
    public var exitStatus: ExitStatus { .invalidInput }
    public var message: String { "cloudfirst: \(description)" }

    public var file: String
    public var location: ImportLocation?
    public var problem: ImportProblem

    public init(file: String, location: ImportLocation? = nil, _ problem: ImportProblem) {
        self.file = file
        self.location = location
        self.problem = problem
    }

    /// `file:line: error: message` for CSV, `file: sheet 'vInfo', cell A7 (column 'VM'): error: message` for xlsx.
    public var description: String {
        let message = problem.message.escapingControlCharacters
        switch location {
        case .line(let line, let header)?:
            return "\(file):\(line): error: " + (header.map { "column '\($0.escapingControlCharacters)': " } ?? "")
                + message
        case let location?: return "\(file): \(location.description.escapingControlCharacters): error: \(message)"
        case nil: return "\(file): error: \(message)"
        }
    }
}

/// Spreadsheet column letters: 0 is A, 25 is Z, 26 is AA.
enum ColumnName {
    static func letters(_ index: Int) -> String {
        var index = index + 1
        var letters = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            index = (index - 1) / 26
        }
        return letters
    }

    /// The 0-based column of a cell reference such as `AB12`, or nil when it has no letters.
    static func index(ofReference reference: String) -> Int? {
        var index = 0
        var sawLetter = false
        for byte in reference.utf8 {
            guard byte >= 65 && byte <= 90 || byte >= 97 && byte <= 122 else { break }
            index = index * 26 + Int((byte & 0xDF) - 64)
            sawLetter = true
            if index > 16_384 { return nil }
        }
        return sawLetter ? index - 1 : nil
    }
}
