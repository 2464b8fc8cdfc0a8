/// The exit codes every command keeps (README and DESIGN section 4).
enum ExitStatus {
    static let success: Int32 = 0
    /// The inventory was read but fails the policy asked for.
    static let policyFailure: Int32 = 1
    /// The input could not be read or is invalid, or the command line is wrong.
    static let invalidInput: Int32 = 2
    /// An internal or I/O failure.
    static let internalFailure: Int32 = 3
}
