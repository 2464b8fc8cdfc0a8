/// A calendar date with no time zone: what an inventory's `YYYY-MM-DD` means.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil unless the three numbers name a real day of the Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(_ text: String) {
        var copy = text
        guard let parsed = copy.withUTF8({ CalendarDate(bytes: $0) }) else { return nil }
        self = parsed
    }

    init?(bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = Digits.parse(bytes, 0..<4), let month = Digits.parse(bytes, 5..<7),
              let day = Digits.parse(bytes, 8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`, written digit by digit into one small string (dates go into most messages a plan writes).
    public var description: String {
        String(unsafeUninitializedCapacity: 10) { buffer in
            let zero = UInt8(ascii: "0")
            buffer[0] = zero + UInt8(year / 1000 % 10)
            buffer[1] = zero + UInt8(year / 100 % 10)
            buffer[2] = zero + UInt8(year / 10 % 10)
            buffer[3] = zero + UInt8(year % 10)
            buffer[4] = UInt8(ascii: "-")
            buffer[5] = zero + UInt8(month / 10)
            buffer[6] = zero + UInt8(month % 10)
            buffer[7] = UInt8(ascii: "-")
            buffer[8] = zero + UInt8(day / 10)
            buffer[9] = zero + UInt8(day % 10)
            return 10
        }
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// A day of the year that recurs, `MM-DD`; 02-29 is allowed and means the last day of February.
public struct MonthDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let month: Int
    public let day: Int

    public init?(month: Int, day: Int) {
        guard (1...12).contains(month), (1...CalendarDate.daysIn(month: month, year: 2000)).contains(day) else {
            return nil
        }
        self.month = month
        self.day = day
    }

    init?(bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 5, bytes[2] == UInt8(ascii: "-"), let month = Digits.parse(bytes, 0..<2),
              let day = Digits.parse(bytes, 3..<5) else { return nil }
        self.init(month: month, day: day)
    }

    public var description: String {
        (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
    }

    public static func < (lhs: MonthDay, rhs: MonthDay) -> Bool { (lhs.month, lhs.day) < (rhs.month, rhs.day) }

    /// The same regular expression as `init(bytes:)`, day counts per month included, for the JSON Schema.
    public static let regexForSchema = "^((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|[12][0-9]))$"
}

/// An id written in the inventory, with where it was written, so a dangling one can be reported at its place.
public struct Reference: Hashable, Sendable {
    public let id: String
    public let position: SourcePosition
}

enum Digits {
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            let digit = Int(bytes[index]) - 48
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
        }
        return value
    }
}

/// A decoded value, typed by the schema.
public enum Value: Sendable {
    case text(String)
    /// The index of the value in the field's list of choices.
    case choice(Int)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case date(CalendarDate)
    case monthDay(MonthDay)
    indirect case reference(Reference)
    case list([Value])
    indirect case object(ObjectValue)
    /// A mapping with the writer's own keys, in the order written, each key with where it was written.
    case map([MapEntry])
}

/// One entry of a `.map` value.
public struct MapEntry: Sendable {
    public let key: String
    public let position: SourcePosition
    public let value: Value
}

/// A decoded mapping: one optional value per field of its schema, and where each was written.
public struct ObjectValue: Sendable {
    public let schema: ObjectSchema
    public var values: [Value?]
    public var source: SourceMap

    init(schema: ObjectSchema, file: Int, position: SourcePosition) {
        self.schema = schema
        self.values = Array(repeating: nil, count: schema.fields.count)
        self.source = SourceMap(schema: schema, file: file, position: position)
    }

    public subscript(_ field: String) -> Value? { values[schema.index(of: field)] }

    public func text(_ field: String) -> String? {
        if case .text(let value)? = self[field] { return value }
        return nil
    }

    public func choice<E: InventoryEnum>(_ field: String, as type: E.Type) -> E? {
        if case .choice(let index)? = self[field] { return E.ordered[index] }
        return nil
    }

    public func integer(_ field: String) -> Int? {
        if case .integer(let value)? = self[field] { return value }
        return nil
    }

    public func number(_ field: String) -> Double? {
        switch self[field] {
        case .number(let value)?: value
        case .integer(let value)?: Double(value)
        default: nil
        }
    }

    public func boolean(_ field: String) -> Bool? {
        if case .boolean(let value)? = self[field] { return value }
        return nil
    }

    public func date(_ field: String) -> CalendarDate? {
        if case .date(let value)? = self[field] { return value }
        return nil
    }

    public func monthDay(_ field: String) -> MonthDay? {
        if case .monthDay(let value)? = self[field] { return value }
        return nil
    }

    public func reference(_ field: String) -> Reference? {
        if case .reference(let value)? = self[field] { return value }
        return nil
    }

    public func object(_ field: String) -> ObjectValue? {
        if case .object(let value)? = self[field] { return value }
        return nil
    }

    public func list(_ field: String) -> [Value] {
        if case .list(let values)? = self[field] { return values }
        return []
    }

    public func objects(_ field: String) -> [ObjectValue] {
        list(field).compactMap { if case .object(let value) = $0 { value } else { nil } }
    }

    public func map(_ field: String) -> [MapEntry] {
        if case .map(let entries)? = self[field] { return entries }
        return []
    }

    public func references(_ field: String) -> [Reference] {
        list(field).compactMap { if case .reference(let value) = $0 { value } else { nil } }
    }

    public func choices<E: InventoryEnum>(_ field: String, as type: E.Type) -> [E] {
        list(field).compactMap { if case .choice(let index) = $0 { E.ordered[index] } else { nil } }
    }

    public func texts(_ field: String) -> [String] {
        list(field).compactMap { if case .text(let value) = $0 { value } else { nil } }
    }
}

/// Where a mapping and each of its values were written: what lets a finding point at the exact line that caused it.
public struct SourceMap: Sendable {
    public let schema: ObjectSchema
    /// Index of the file in `Estate.files`.
    public let file: Int
    /// Where the mapping starts.
    public let position: SourcePosition
    /// Per field, line << 32 | column of its key; 0 when the key is absent.
    var fieldPositions: [UInt64]

    init(schema: ObjectSchema, file: Int, position: SourcePosition) {
        self.schema = schema
        self.file = file
        self.position = position
        self.fieldPositions = Array(repeating: 0, count: schema.fields.count)
    }

    /// Where the key `field` was written, or nil when the key is absent. Findings point here: the line a person
    /// edits to fix them.
    public subscript(_ field: String) -> SourcePosition? { position(of: schema.index(of: field)) }

    func position(of index: Int) -> SourcePosition? {
        let packed = fieldPositions[index]
        guard packed != 0 else { return nil }
        return SourcePosition(line: Int(packed >> 32), column: Int(packed & 0xFFFF_FFFF))
    }

    func has(_ index: Int) -> Bool { fieldPositions[index] != 0 }

    mutating func record(_ index: Int, at position: SourcePosition) {
        fieldPositions[index] = UInt64(position.line) << 32 | UInt64(UInt32(clamping: position.column))
    }
}
