/// Writes inventory format 1 as JSON Schema draft-07: the version yaml-language-server and check-jsonschema read.
///
/// What JSON Schema cannot say (ids unique across files, references that resolve, assumptions in one file only) is
/// left to `cloudfirst validate`; everything else is said here exactly as the decoder checks it.
public enum JSONSchemaWriter {
    public static func inventorySchema() -> JSONValue {
        var root = object(InventorySchema.file)
        root.insert(contentsOf: [
            ("$schema", "http://json-schema.org/draft-07/schema#"),
            ("title", "cloudfirst inventory, format 1"),
        ], at: 0)
        return .object(root)
    }

    static func object(_ schema: ObjectSchema) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [
            ("description", .string(schema.description)),
            ("type", "object"),
        ]
        let required = schema.fields.filter(\.required).map { JSONValue.string($0.name) }
        if !required.isEmpty { members.append(("required", .array(required))) }
        members.append(("properties", .object(schema.fields.map { ($0.name, .object(field($0))) })))
        members.append(("additionalProperties", false))
        if !schema.exclusive.isEmpty {
            let clauses = schema.exclusive.map { pair -> JSONValue in
                .object([("not", .object([("required", [.string(pair.0), .string(pair.1)])]))])
            }
            members.append(("allOf", .array(clauses)))
        }
        return members
    }

    static func field(_ field: Field) -> [(String, JSONValue)] {
        var description = field.description
        if let value = field.defaultValue { description += " Default: \(value)." }
        return [("description", .string(description))] + shape(field.shape)
    }

    static func shape(_ value: ValueShape) -> [(String, JSONValue)] {
        switch value {
        case .text(let pattern):
            var members: [(String, JSONValue)] = [("type", "string")]
            if let pattern { members.append(("pattern", .string(pattern.regex))) }
            return members
        case .reference:
            return [("type", "string"), ("pattern", .string(TextPattern.identifier.regex))]
        case .choice(let choices):
            return [("type", "string"), ("enum", .array(choices.names.map(JSONValue.string)))]
        case .integer(let min, let max):
            var members: [(String, JSONValue)] = [("type", "integer")]
            if let min { members.append(("minimum", .int(min))) }
            if let max { members.append(("maximum", .int(max))) }
            return members
        case .number(let min, let max):
            var members: [(String, JSONValue)] = [("type", "number")]
            if let min { members.append(("minimum", .double(min))) }
            if let max { members.append(("maximum", .double(max))) }
            return members
        case .boolean:
            return [("type", "boolean")]
        case .date:
            return [("type", "string"), ("format", "date"), ("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
        case .monthDay:
            return [("type", "string"), ("pattern", .string(MonthDay.regexForSchema))]
        case .formatVersion:
            return [("type", "integer"), ("const", 1)]
        case .list(let element):
            return [("type", "array"), ("items", .object(shape(element)))]
        case .object(let schema):
            return object(schema)
        case .map(let key, let value):
            var members: [(String, JSONValue)] = [("type", "object")]
            if let key { members.append(("propertyNames", .object([("pattern", .string(key.regex))]))) }
            members.append(("additionalProperties", .object(shape(value))))
            return members
        }
    }
}
