/// The exit codes every command keeps (README, "Exit codes").
public enum ExitStatus: Int32, Sendable {
    case success = 0
    /// The inventory was read but fails the policy asked for.
    case policyFailure = 1
    /// The input could not be read or is invalid, or the command line is wrong.
    case invalidInput = 2
    /// An internal or I/O failure.
    case internalFailure = 3
}

/// An error that ends a command: the exit status it means and what to say on stderr. The executable catches it in
/// one place, prints `message` (unless empty: the diagnostics behind it were printed already) and exits with
/// `exitStatus`; nothing else chooses an exit code.
public protocol CloudFirstError: Error {
    var exitStatus: ExitStatus { get }
    /// One or more whole lines for stderr, as printed; empty when there is nothing more to say.
    var message: String { get }
}

/// A command's own failure, for what no library error names: the diagnostics were printed, or the message is the
/// command's.
public struct CommandFailure: CloudFirstError, Equatable {
    public let exitStatus: ExitStatus
    public let message: String

    public init(_ exitStatus: ExitStatus, message: String = "") {
        self.exitStatus = exitStatus
        self.message = message
    }
}
