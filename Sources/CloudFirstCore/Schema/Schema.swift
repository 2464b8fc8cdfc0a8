/// The shape a value must have at one place in an inventory.
///
/// One description serves three readers: the decoder (which types scalars by it and reports what is wrong), the JSON
/// Schema writer (for editors and check-jsonschema) and the field reference in the docs. Keeping them one value is
/// what makes the validator and the published schema agree.
public indirect enum ValueShape: Sendable {
    case text(TextPattern?)
    case choice(ChoiceList)
    case integer(min: Int?, max: Int?)
    case number(min: Double?, max: Double?)
    case boolean
    /// A calendar date, `YYYY-MM-DD`.
    case date
    /// A day of the year, `MM-DD`, for windows that recur every year.
    case monthDay
    /// An id of another entity in the estate; checked once the whole estate is read.
    case reference(EntityKind)
    /// The format version; only 1 is read.
    case formatVersion
    case list(ValueShape)
    case object(ObjectSchema)
    /// A mapping whose keys are chosen by the writer (e.g. rule ids), each with a value of one shape.
    case map(key: TextPattern?, value: ValueShape)

    public static func choice<E: InventoryEnum>(_ type: E.Type) -> ValueShape {
        .choice(ChoiceList(E.ordered.map(\.rawValue)))
    }

    public static func choice(_ names: [String]) -> ValueShape { .choice(ChoiceList(names)) }

    /// How the shape reads in a message: "'x' must be <this>".
    var expectation: String {
        switch self {
        case .text(let pattern): pattern?.description ?? "text"
        case .choice(let choices): "one of " + choices.names.map { "'\($0)'" }.joined(separator: ", ")
        case .integer: "a whole number"
        case .number: "a number"
        case .boolean: "true or false"
        case .date: "a date (YYYY-MM-DD)"
        case .monthDay: "a day of the year (MM-DD)"
        case .reference(let kind): "the id of a \(kind.rawValue)"
        case .formatVersion: "the format version 1"
        case .list: "a list"
        case .object, .map: "a mapping"
        }
    }
}

/// The kinds of thing an id can name.
public enum EntityKind: String, Sendable {
    case site, server, service
    /// An assessment rule; checked by the assessment, which knows the rules.
    case rule
}

/// A rule for text: a regular expression for the JSON Schema and the same rule as code for the decoder, which must
/// not pay for a regex engine per value. `InventorySchemaTests` checks the two agree on examples.
public struct TextPattern: Sendable {
    public let regex: String
    public let description: String
    let matches: @Sendable (UnsafeBufferPointer<UInt8>) -> Bool

    public static let identifier = TextPattern(
        regex: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$",
        description: "an id of 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"
    ) { bytes in
        guard (1...64).contains(bytes.count), isAlphanumeric(bytes[0]) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_")
            || $0 == UInt8(ascii: "-") }
    }

    /// NHS Organisation Data Service codes: 3 characters for trusts and ICBs, 5 for sites, 6 for GP practices.
    public static let odsCode = TextPattern(
        regex: "^[A-Z0-9]{3,6}$",
        description: "an ODS code of 3 to 6 upper-case letters or digits"
    ) { bytes in
        (3...6).contains(bytes.count)
            && bytes.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || isDigit($0) }
    }

    public static let regionName = TextPattern(
        regex: "^[a-z][a-z0-9-]*[0-9a-z]$",
        description: "a cloud region name such as 'uksouth' or 'eu-west-2'"
    ) { bytes in
        guard bytes.count >= 2, isLowercase(bytes[0]), bytes[bytes.count - 1] != UInt8(ascii: "-") else { return false }
        return bytes.allSatisfy { isLowercase($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
    }

    /// Whether `text` follows the pattern.
    public func matches(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { matches($0) }
    }

    init(regex: String, description: String, matches: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Bool) {
        self.regex = regex
        self.description = description
        self.matches = matches
    }

    private static func isDigit(_ b: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) }
    private static func isLowercase(_ b: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) }
    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        isDigit(b) || isLowercase(b) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b)
    }
}

/// The words a closed field accepts, kept as bytes too so that matching a value costs no String.
public final class ChoiceList: Sendable {
    public let names: [String]
    private let bytes: [[UInt8]]

    public init(_ names: [String]) {
        self.names = names
        self.bytes = names.map { Array($0.utf8) }
    }

    /// The index of the choice spelt exactly as `value`.
    func index(of value: UnsafeBufferPointer<UInt8>) -> Int? {
        for (index, choice) in bytes.enumerated() where choice.count == value.count {
            if choice.withUnsafeBufferPointer({ $0.elementsEqual(value) }) { return index }
        }
        return nil
    }
}

/// A closed vocabulary of the inventory: its raw values are the words, `ordered` is `allCases` computed once
/// (the synthesised `allCases` builds a new array on every call, which decoding 100,000 servers would feel).
public protocol InventoryEnum: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    static var ordered: [Self] { get }
}

/// One key of a mapping. A class with immutable fields: the decoder hands fields around for every key of every
/// object it reads, and a reference is one count where a struct of three strings and a shape was several.
public final class Field: Sendable {
    public let name: String
    public let shape: ValueShape
    public let required: Bool
    public let description: String
    /// What is assumed when the key is absent, in words; documented in the schema and the field reference.
    public let defaultValue: String?

    public init(_ name: String, _ shape: ValueShape, required: Bool = false, _ description: String,
                default defaultValue: String? = nil) {
        self.name = name
        self.shape = shape
        self.required = required
        self.description = description
        self.defaultValue = defaultValue
    }
}

/// The keys a mapping may hold.
public final class ObjectSchema: Sendable {
    /// How the mapping is named in messages and docs, e.g. "server".
    public let name: String
    public let description: String
    public let fields: [Field]
    /// Pairs of keys of which at most one may be given.
    public let exclusive: [(String, String)]
    let keyBytes: [[UInt8]]
    let indexByName: [String: Int]

    public init(_ name: String, description: String, fields: [Field], exclusive: [(String, String)] = []) {
        self.name = name
        self.description = description
        self.fields = fields
        self.exclusive = exclusive
        self.keyBytes = fields.map { Array($0.name.utf8) }
        self.indexByName = Dictionary(uniqueKeysWithValues: fields.enumerated().map { ($1.name, $0) })
    }

    public func shape(of field: String) -> ValueShape { fields[index(of: field)].shape }

    public func index(of field: String) -> Int {
        guard let index = indexByName[field] else { preconditionFailure("\(name) has no field '\(field)'") }
        return index
    }

    /// The field whose name is exactly these bytes.
    func fieldIndex(matching bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        for (index, key) in keyBytes.enumerated() where key.count == bytes.count {
            if key.withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) { return index }
        }
        return nil
    }
}
