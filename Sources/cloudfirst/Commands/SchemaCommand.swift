import ArgumentParser
import CloudFirstCore

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the inventory JSON Schema (draft-07) or the field reference.",
        discussion: """
        The JSON Schema gives editors completion and lets check-jsonschema validate inventories. Point \
        yaml-language-server at it with a first line '# yaml-language-server: $schema=inventory.schema.json'.

        Examples:
          cloudfirst schema > inventory.schema.json
          cloudfirst schema --format markdown > inventory-format.md
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, markdown
    }

    @Option(help: "json (JSON Schema draft-07) or markdown (a reference of every field).")
    var format: Format = .json

    func run() throws {
        switch format {
        case .json: Terminal.out(JSONSchemaWriter.inventorySchema().rendered())
        case .markdown: Terminal.out(FieldReferenceWriter.markdown())
        }
    }
}
