/// Walks a composed YAML document against a schema, typing each scalar by what the schema expects at its place and
/// collecting every problem rather than stopping at the first.
///
/// Typing by place is what keeps the YAML 1.1 surprises out: a plain `NO`, `on` or `1.10` stays text where text is
/// expected. Where a number or boolean is expected, the YAML 1.2 core rules apply (what editors and check-jsonschema
/// use): `true`/`false` only, and decimal numbers.
struct SchemaDecoder {
    let document: YAMLDocument
    let fileIndex: Int
    /// Receives each element of the top-level lists (sites, servers, services) as soon as it is decoded, so a large
    /// estate is turned into its model element by element instead of holding a decoded copy of the whole file.
    let elementSink: ((String, ObjectValue) -> Void)?
    private(set) var problems: [(InventoryProblem, SourcePosition?)] = []
    /// Mappings merged in (`<<`) whose problems were reported once already: merged again, they are read quietly.
    private var reportedMergeSources = Set<Int>()
    private var quiet = 0
    /// Top-level lists that were not lists: references to what they should have held are not checked.
    private(set) var unreadableLists: Set<String> = []

    init(document: YAMLDocument, fileIndex: Int, elementSink: ((String, ObjectValue) -> Void)? = nil) {
        self.document = document
        self.fileIndex = fileIndex
        self.elementSink = elementSink
    }

    mutating func report(_ problem: InventoryProblem, at node: Int) {
        if quiet == 0 { problems.append((problem, document.position(node))) }
    }

    /// Decodes a whole document against `schema` (a top level that is not a mapping is reported).
    mutating func decodeDocument(schema: ObjectSchema) -> ObjectValue? {
        let root = document.resolved(document.root)
        guard document.kind(root) == .mapping else {
            report(.wrongType(field: schema.name, expected: "a mapping", found: describe(root)), at: root)
            return nil
        }
        return decodeObject(root, schema: schema, reportedAt: root)
    }

    /// Decodes a whole inventory file. A file whose format version is not 1 gets that one problem only: the rest of
    /// its content follows rules this version does not know.
    mutating func decodeInventory() -> ObjectValue? {
        let root = document.resolved(document.root)
        if document.kind(root) == .scalar, document.isPlain(root), isNull(root) {
            // A document with no content, such as a lone '---'.
            report(.emptyFile, at: root)
            return nil
        }
        guard document.kind(root) == .mapping else {
            report(.topLevelNotMapping(found: describe(root)), at: root)
            return nil
        }
        let object = decodeObject(root, schema: InventorySchema.file, reportedAt: root)
        if let version = problems.first(where: { if case .unsupportedVersion = $0.0 { true } else { false } }) {
            problems = [version]
            return nil
        }
        return object
    }

    /// Decodes `node` as `shape`; nil when it is not one (the problem is reported).
    mutating func decode(_ node: Int, as shape: ValueShape, field: String, required: Bool = false) -> Value? {
        let target = document.resolved(node)
        if document.kind(target) == .scalar, document.isPlain(target), isNull(target) {
            report(.nullValue(field: field, required: required), at: node)
            return nil
        }
        switch shape {
        case .object(let schema):
            guard document.kind(target) == .mapping else {
                report(.wrongType(field: field, expected: shape.expectation, found: describe(target)), at: node)
                return nil
            }
            return .object(decodeObject(target, schema: schema, reportedAt: node))
        case .map(let keyPattern, let valueShape):
            guard document.kind(target) == .mapping else {
                report(.wrongType(field: field, expected: "a mapping", found: describe(target)), at: node)
                return nil
            }
            var entries: [MapEntry] = []
            var seen: [String: Int] = [:]
            var child = target + 1
            while child < document.end(target) {
                let keyWritten = child
                let keyNode = document.resolved(child)
                let valueNode = document.end(child)
                child = document.end(valueNode)
                guard document.kind(keyNode) == .scalar else {
                    report(.nonScalarKey, at: keyWritten)
                    continue
                }
                let key = document.string(keyNode)
                if let keyPattern, !keyPattern.matches(key) {
                    report(.malformedText(field: field, value: key, expected: keyPattern.description), at: keyWritten)
                    continue
                }
                if let first = seen[key] {
                    report(.duplicateKey(key, firstLine: first), at: keyWritten)
                    continue
                }
                seen[key] = document.position(keyWritten).line
                if let value = decode(valueNode, as: valueShape, field: key) {
                    entries.append(MapEntry(key: key, position: document.position(keyWritten), value: value))
                }
            }
            return .map(entries)
        case .list(let element):
            guard document.kind(target) == .sequence else {
                report(.wrongType(field: field, expected: "a list", found: describe(target)), at: node)
                return nil
            }
            var values: [Value] = []
            document.forEachChild(of: target) { child in
                if let value = decodeItem(child, as: element, field: field) { values.append(value) }
            }
            return .list(values)
        default:
            guard document.kind(target) == .scalar else {
                report(.wrongType(field: field, expected: shape.expectation, found: describe(target)), at: node)
                return nil
            }
            return decodeScalar(target, as: shape, field: field, reportedAt: node)
        }
    }

    /// Decodes a mapping: known keys into their slots, unknown keys reported with a suggestion, merge keys (`<<`)
    /// applied after the mapping's own keys so that its own keys win, as the YAML merge-key rules say.
    mutating func decodeObject(_ node: Int, schema: ObjectSchema, reportedAt: Int) -> ObjectValue {
        var object = ObjectValue(schema: schema, file: fileIndex, position: document.position(reportedAt))
        // The mapping's own keys first; then each merge source in order, flattened (its own keys, then its merges)
        // before the next, as the YAML merge-key rules say. A stack keeps long merge chains off the call stack.
        var pending = Array(collectEntries(of: node, into: &object, merged: false).reversed())
        while let source = pending.popLast() {
            let repeated = !reportedMergeSources.insert(source).inserted
            if repeated { quiet += 1 }
            pending += collectEntries(of: source, into: &object, merged: true).reversed()
            if repeated { quiet -= 1 }
        }
        for (index, field) in schema.fields.enumerated() where field.required && !object.source.has(index) {
            report(.missingKey(field.name, in: schema.name), at: reportedAt)
        }
        for (a, b) in schema.exclusive where object[a] != nil && object[b] != nil {
            report(.mutuallyExclusive(a, b, in: schema.name), at: reportedAt)
        }
        return object
    }

    /// Decodes a mapping's own keys into `object` and returns the mappings it merges in, in order. A key written
    /// as an alias is reported and located where the alias is written.
    private mutating func collectEntries(of node: Int, into object: inout ObjectValue, merged: Bool) -> [Int] {
        let schema = object.schema
        var merges: [Int] = []
        var mergeKeyLine: Int?
        var child = node + 1
        let stop = document.end(node)
        while child < stop {
            let keyWritten = child
            let keyNode = document.resolved(child)
            let valueNode = document.end(child)
            child = document.end(valueNode)
            guard document.kind(keyNode) == .scalar else {
                report(.nonScalarKey, at: keyWritten)
                continue
            }
            if document.isPlain(keyNode), document.scalar(keyNode, equals: "<<") {
                if let first = mergeKeyLine {
                    report(.duplicateKey("<<", firstLine: first), at: keyWritten)
                    continue
                }
                mergeKeyLine = document.position(keyWritten).line
                addMergeSources(valueNode, to: &merges)
                continue
            }
            let matched = document.withScalarBytes(keyNode) { schema.fieldIndex(matching: $0) }
            guard let index = matched else {
                if quiet > 0 { continue }
                let key = document.string(keyNode)
                report(.unknownKey(key, in: schema.name, suggestion: Suggestion.closest(to: key,
                                                                                       among: schema.fields.map(\.name))),
                       at: keyWritten)
                continue
            }
            if let first = object.source.position(of: index) {
                // A key the mapping itself repeats is an error; one a merge brings in is overridden, as YAML says.
                if !merged { report(.duplicateKey(schema.fields[index].name, firstLine: first.line), at: keyWritten) }
                continue
            }
            let field = schema.fields[index]
            object.source.record(index, at: document.position(keyWritten))
            if let sink = elementSink, schema === InventorySchema.file, case .list(.object(let element)) = field.shape {
                object.values[index] = .list([])
                // A list the composer streamed has had its elements decoded already, as they completed.
                if !document.store.streamedLists.contains(valueNode) {
                    streamElements(of: valueNode, as: element, field: field.name, to: sink)
                }
                continue
            }
            object.values[index] = decode(valueNode, as: field.shape, field: field.name, required: field.required)
        }
        return merges
    }

    /// Decodes one item of a list; an item with no value (a bare `-`, or `~`) is reported as such.
    mutating func decodeItem(_ node: Int, as shape: ValueShape, field: String) -> Value? {
        let item = document.resolved(node)
        if document.kind(item) == .scalar, document.isPlain(item), isNull(item) {
            report(.emptyListItem(field: field), at: node)
            return nil
        }
        return decode(node, as: shape, field: field)
    }

    /// Decodes one element of a top-level list that the composer handed over, and passes it to the sink.
    mutating func decodeStreamedElement(_ node: Int, field: String) {
        guard let sink = elementSink, case .list(.object(let schema)) = InventorySchema.file.shape(of: field) else {
            preconditionFailure("'\(field)' is not a top-level list of mappings")
        }
        if case .object(let object)? = decodeItem(node, as: .object(schema), field: field) { sink(field, object) }
    }

    private mutating func streamElements(of node: Int, as schema: ObjectSchema, field: String,
                                         to sink: (String, ObjectValue) -> Void) {
        let list = document.resolved(node)
        guard document.kind(list) == .sequence else {
            unreadableLists.insert(field)
            _ = decode(node, as: .list(.object(schema)), field: field)
            return
        }
        document.forEachChild(of: list) { child in
            if case .object(let object)? = decodeItem(child, as: .object(schema), field: field) { sink(field, object) }
        }
    }

    private mutating func addMergeSources(_ node: Int, to merges: inout [Int]) {
        let target = document.resolved(node)
        switch document.kind(target) {
        case .mapping:
            merges.append(target)
        case .sequence:
            document.forEachChild(of: target) { element in
                let mapping = document.resolved(element)
                if document.kind(mapping) == .mapping { merges.append(mapping) } else { report(.invalidMerge, at: element) }
            }
        default:
            report(.invalidMerge, at: node)
        }
    }

    private mutating func decodeScalar(_ node: Int, as shape: ValueShape, field: String, reportedAt: Int) -> Value? {
        let plain = document.isPlain(node)
        switch shape {
        case .text(let pattern):
            if let pattern, !document.withScalarBytes(node, pattern.matches) {
                report(.malformedText(field: field, value: clipped(node), expected: pattern.description), at: reportedAt)
                return nil
            }
            return .text(document.string(node))
        case .reference:
            guard document.withScalarBytes(node, TextPattern.identifier.matches) else {
                report(.malformedText(field: field, value: clipped(node), expected: TextPattern.identifier.description),
                       at: reportedAt)
                return nil
            }
            return .reference(Reference(id: document.string(node), position: document.position(reportedAt)))
        case .choice(let choices):
            guard let index = document.withScalarBytes(node, choices.index(of:)) else {
                let value = document.string(node)
                report(.notAChoice(field: field, value: value, allowed: choices.names,
                                   suggestion: Suggestion.closest(to: value, among: choices.names)), at: reportedAt)
                return nil
            }
            return .choice(index)
        case .boolean:
            if plain, let value = document.withScalarBytes(node, ScalarSyntax.boolean) { return .boolean(value) }
            report(.wrongType(field: field, expected: "true or false", found: describe(node)), at: reportedAt)
            return nil
        case .integer(let min, let max):
            guard plain, let number = document.withScalarBytes(node, ScalarSyntax.number) else {
                report(.wrongType(field: field, expected: "a whole number", found: describe(node)), at: reportedAt)
                return nil
            }
            guard let value = number.exactInteger else {
                let problem: InventoryProblem = number.value == number.value.rounded()
                    ? .outOfRange(field: field, value: clipped(node), expected: Self.range(min, max ?? Int(9e15)))
                    : .wrongType(field: field, expected: "a whole number", found: describe(node))
                report(problem, at: reportedAt)
                return nil
            }
            if let min, value < min {
                report(.outOfRange(field: field, value: String(value), expected: Self.range(min, max)), at: reportedAt)
                return nil
            }
            if let max, value > max {
                report(.outOfRange(field: field, value: String(value), expected: Self.range(min, max)), at: reportedAt)
                return nil
            }
            return .integer(value)
        case .number(let min, let max):
            guard plain, let number = document.withScalarBytes(node, ScalarSyntax.number) else {
                report(.wrongType(field: field, expected: "a number", found: describe(node)), at: reportedAt)
                return nil
            }
            if let min, number.value < min {
                report(.outOfRange(field: field, value: document.string(node),
                                   expected: Self.range(min, max)), at: reportedAt)
                return nil
            }
            if let max, number.value > max {
                report(.outOfRange(field: field, value: document.string(node),
                                   expected: Self.range(min, max)), at: reportedAt)
                return nil
            }
            return .number(number.value)
        case .date:
            guard let date = document.withScalarBytes(node, { CalendarDate(bytes: $0) }) else {
                report(.malformedDate(field: field, value: clipped(node), expected: "a real date written YYYY-MM-DD"),
                       at: reportedAt)
                return nil
            }
            return .date(date)
        case .monthDay:
            guard let day = document.withScalarBytes(node, { MonthDay(bytes: $0) }) else {
                report(.malformedDate(field: field, value: clipped(node),
                                      expected: "a real day of the year written MM-DD, e.g. '12-01'"), at: reportedAt)
                return nil
            }
            return .monthDay(day)
        case .formatVersion:
            guard plain, let number = document.withScalarBytes(node, ScalarSyntax.number) else {
                report(.wrongType(field: field, expected: "the format version, the number 1", found: describe(node)),
                       at: reportedAt)
                return nil
            }
            guard number.exactInteger == 1 else {
                report(.unsupportedVersion(clipped(node)), at: reportedAt)
                return nil
            }
            return .integer(1)
        case .list, .object, .map:
            preconditionFailure("collections are decoded by decode(_:as:field:)")
        }
    }

    private static func range<T: Comparable>(_ min: T?, _ max: T?) -> String {
        switch (min, max) {
        case let (min?, max?): "between \(format(min)) and \(format(max))"
        case let (min?, nil): "at least \(format(min))"
        case let (nil, max?): "at most \(format(max))"
        case (nil, nil): "a number"
        }
    }

    private static func format<T>(_ value: T) -> String {
        if let double = value as? Double, double == double.rounded() { return String(Int(double)) }
        return "\(value)"
    }

    private func isNull(_ node: Int) -> Bool {
        document.withScalarBytes(node, ScalarSyntax.isNull)
    }

    /// How a node reads in "found ..." messages.
    private func describe(_ node: Int) -> String {
        switch document.kind(node) {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: preconditionFailure("aliases are resolved before they are described")
        case .scalar:
            if document.isPlain(node) {
                if let number = document.withScalarBytes(node, ScalarSyntax.number) {
                    return number.exactInteger != nil ? "the whole number \(document.string(node))"
                        : "the number \(document.string(node))"
                }
                if let value = document.withScalarBytes(node, ScalarSyntax.boolean) { return "\(value)" }
                if document.withScalarBytes(node, ScalarSyntax.isInfiniteOrNaN) {
                    return "'\(clipped(node))', which is not a finite number"
                }
            }
            return "text '\(clipped(node))'"
        }
    }

    private func clipped(_ node: Int) -> String {
        let text = document.string(node)
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }
}

/// The YAML 1.2 core schema's plain-scalar forms, on bytes.
enum ScalarSyntax {
    /// YAML 1.2's `.inf`, `-.inf` and `.nan` (in their three spellings): numbers, but none an inventory can use.
    static func isInfiniteOrNaN(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        return [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN"]
            .contains(text)
    }

    /// `~`, `null`, `Null`, `NULL` or nothing at all.
    static func isNull(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes.count {
        case 0: return true
        case 1: return bytes[0] == UInt8(ascii: "~")
        case 4:
            guard bytes[0] == UInt8(ascii: "n") || bytes[0] == UInt8(ascii: "N") else { return false }
            return ["null", "Null", "NULL"].contains { $0.utf8.elementsEqual(bytes) }
        default: return false
        }
    }

    static func boolean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch bytes.count {
        case 4 where bytes[0] | 0x20 == UInt8(ascii: "t")
            && ["true", "True", "TRUE"].contains(where: { $0.utf8.elementsEqual(bytes) }): true
        case 5 where bytes[0] | 0x20 == UInt8(ascii: "f")
            && ["false", "False", "FALSE"].contains(where: { $0.utf8.elementsEqual(bytes) }): false
        default: nil
        }
    }

    struct Number {
        var value: Double
        /// The value as an integer when it has no fractional part (16 and 16.0 alike, as JSON Schema counts them).
        var exactInteger: Int?
    }

    /// YAML 1.2 core numbers: decimal integers and floats (`[-+]?(digits)(.digits)?([eE][-+]?digits)?`, or `.5`),
    /// and `0x` hexadecimal and `0o` octal integers. Infinities and NaN are not numbers an inventory can use.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Number? {
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "x") || bytes[1] == UInt8(ascii: "o") {
            let radix = bytes[1] == UInt8(ascii: "x") ? 16 : 8
            guard bytes[2] != UInt8(ascii: "+"), bytes[2] != UInt8(ascii: "-"), let value = Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[2...]), as: UTF8.self),
                                  radix: radix) else { return nil }
            return Number(value: Double(value), exactInteger: value)
        }
        var index = 0
        let count = bytes.count
        var negative = false
        if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var integer = 0
        var integerDigits = 0
        var overflow = false
        while index < count, let digit = digit(bytes[index]) {
            let (times, o1) = integer.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(digit)
            overflow = overflow || o1 || o2
            integer = plus
            integerDigits += 1
            index += 1
        }
        if index == count {
            guard integerDigits > 0, !overflow else { return integerDigits > 0 ? slowParse(bytes) : nil }
            let value = negative ? -integer : integer
            return Number(value: Double(value), exactInteger: value)
        }
        var fractionDigits = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < count, digit(bytes[index]) != nil {
                fractionDigits += 1
                index += 1
            }
        }
        guard integerDigits + fractionDigits > 0 else { return nil }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            var exponentDigits = 0
            while index < count, digit(bytes[index]) != nil {
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return nil }
        }
        guard index == count else { return nil }
        return slowParse(bytes)
    }

    private static func slowParse(_ bytes: UnsafeBufferPointer<UInt8>) -> Number? {
        guard let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
        let exact = value == value.rounded(.towardZero) && abs(value) < 9.0e15 ? Int(value) : nil
        return Number(value: value, exactInteger: exact)
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= 48 && byte <= 57 ? Int(byte) - 48 : nil
    }
}
