import Foundation

/// A catalogue file (a refreshed price or lifecycle catalogue) that cannot be used: the file and the line, and exit
/// code 2, or 3 when the file cannot be read at all.
public struct CatalogueFileError: CloudFirstError, Equatable {
    public let path: String
    public let line: Int?
    public let problem: String
    /// The file could not be read (an I/O failure), rather than read and found wrong.
    public let unreadable: Bool

    public init(path: String, line: Int?, problem: String, unreadable: Bool = false) {
        self.path = path
        self.line = line
        self.problem = problem
        self.unreadable = unreadable
    }

    public var exitStatus: ExitStatus { unreadable ? .internalFailure : .invalidInput }
    public var message: String { "\(path)\(line.map { ":\($0)" } ?? ""): \(problem)" }
}

/// Where a catalogue's CSV does not parse: its header, or the line of a row.
public enum CatalogueParseError: Error, Equatable {
    case header
    case row(Int)
}

extension CatalogueFileError {
    /// A catalogue read from `path` by `parse` (its CSV reader), each way it can fail named with the file and line:
    /// `name` is the catalogue's ("price", "lifecycle"), `header` its columns, `rowRule` what a row needs.
    public static func reading<Catalogue>(_ path: String, catalogue name: String, header: [String], rowRule: String,
                                          _ parse: (String) throws -> Catalogue) throws -> Catalogue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CatalogueFileError(path: path, line: nil, problem: "cannot read the \(name) catalogue",
                                     unreadable: true)
        }
        do {
            return try parse(String(decoding: data, as: UTF8.self))
        } catch CatalogueParseError.header {
            throw CatalogueFileError(path: path, line: 1, problem: "not a \(name) catalogue: the header is not "
                + header.joined(separator: ","))
        } catch CatalogueParseError.row(let row) {
            throw CatalogueFileError(path: path, line: row, problem: "a \(name) row that does not parse (\(rowRule))")
        } catch let malformed as CSV.Malformed {
            throw CatalogueFileError(path: path, line: malformed.line, problem: "a quoted field that never closes")
        }
    }
}
