import ArgumentParser
import CloudFirstCore
import Reporting

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

    @Option(help: "The format to write.")
    var format: FormatOption<SchemaRenderers> = .first

    func run() throws {
        try format.write(InventoryFormatSubject())
    }
}
