/// What every command's JSON starts with, so a consumer reads the same head whichever command wrote it:
/// `tool`, `version`, `format_version`, `command`, `organisations`, `as_of`, `inputs`, then the command's own members.
/// The shape is published as `docs/output.schema.json` and checked against real outputs in CI.
///
/// One key convention holds below the envelope too: keys are snake_case (`[a-z0-9_]+`). A value that is a word of
/// the inventory's vocabulary (`not-ready`, `patient-critical`) stays as written where it is a value, and becomes a
/// key only through `key(_:)` (`not_ready`).
public struct JSONEnvelope: Sendable {
    /// The version of the output format: raised when a member is renamed, removed or changes meaning, not when one is
    /// added.
    public static let formatVersion = 1

    public var command: String
    public var organisations: [Organisation]
    /// The day judged on (`YYYY-MM-DD`), or nil for a command that judges no day.
    public var asOf: String?
    /// The files read, as named (or as found under a folder named), in the order read.
    public var inputs: [String]

    public init(command: String, organisations: [Organisation], asOf: String?, inputs: [String]) {
        self.command = command
        self.organisations = organisations
        self.asOf = asOf
        self.inputs = inputs
    }

    /// For a command that read `estates` (one, or two for `diff`): every organisation their files name, once, in the
    /// order first named, and every file.
    public init(command: String, estates: [Estate], asOf: String?) {
        let files = estates.flatMap(\.files)
        self.init(command: command, organisations: Organisation.distinct(files.compactMap(\.organisation)),
                  asOf: asOf, inputs: files.map(\.path))
    }

    /// The document: the envelope's members, then `payload`'s (an object).
    public func wrap(_ payload: JSONValue) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("tool", .string("cloudfirst")),
            ("version", .string(CloudFirstVersion.current)),
            ("format_version", .int(Self.formatVersion)),
            ("command", .string(command)),
            ("organisations", .array(organisations.map { organisation in
                .object([("name", .string(organisation.name)),
                         ("ods_code", organisation.odsCode.map(JSONValue.string) ?? .null)])
            })),
            ("as_of", asOf.map(JSONValue.string) ?? .null),
            ("inputs", .array(inputs.map(JSONValue.string))),
        ]
        if case .object(let payloadMembers) = payload { members += payloadMembers }
        return .object(members)
    }

    /// A vocabulary word as a key: hyphens become underscores (`not-ready` is `not_ready`).
    public static func key(_ word: String) -> String {
        word.replacingOccurrences(of: "-", with: "_")
    }
}
