import CloudFirstCore

/// What `cloudfirst schema` prints: the inventory format, which has no input.
public struct InventoryFormatSubject: Sendable {
    public init() {}
}

/// `schema`'s formats, in the order help lists them.
public enum SchemaRenderers: RendererRegistry {
    public static let all: [any Renderer<InventoryFormatSubject>] = [InventoryJSONSchema(), InventoryFieldReference()]
}

/// The JSON Schema (draft-07) editors and check-jsonschema read.
public struct InventoryJSONSchema: Renderer {
    public let identifier = "json"
    public let summary = "the JSON Schema (draft-07) editors and check-jsonschema read"

    public init() {}

    public func render(_ subject: InventoryFormatSubject, to output: inout some TextOutputStream) {
        output.write(JSONSchemaWriter.inventorySchema().rendered())
    }
}

/// A reference of every field, as Markdown.
public struct InventoryFieldReference: Renderer {
    public let identifier = "markdown"
    public let summary = "a reference of every field, as Markdown"

    public init() {}

    public func render(_ subject: InventoryFormatSubject, to output: inout some TextOutputStream) {
        output.write(FieldReferenceWriter.markdown())
    }
}
