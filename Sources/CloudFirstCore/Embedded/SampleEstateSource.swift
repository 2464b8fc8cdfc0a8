// `SampleEstate` itself (`displayPath`, `contents`, `text`) is written at build time by the EmbedResources plugin from
// Inventories/northshire-acute.yaml.

extension SampleEstate {
    /// The sample estate as an input, read as every command reads a file.
    public static var source: InventorySource {
        InventorySource(displayPath: displayPath, contents: .bytes(Array(text.utf8)))
    }
}
