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
