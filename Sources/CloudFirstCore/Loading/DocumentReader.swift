/// Reads one YAML document against any schema: what the inventory loader does for inventories, offered to other
/// inputs (organisation policy files) so they get the same positions and messages.
public enum DocumentReader {
    /// The decoded document, or nil when it could not be read as YAML; and every problem found, sorted. When there
    /// are errors the document holds only the values that decoded, so a caller can still check what is there (and
    /// report every problem at once) but must not act on it.
    public static func read(_ source: InventorySource, schema: ObjectSchema, limits: YAMLLimits = YAMLLimits())
        -> (ObjectValue?, [Diagnostic]) {
        let bytes: [UInt8]
        switch source.contents {
        case .bytes(let given): bytes = given
        case .file(let path):
            switch FileReader.read(path) {
            case .success(let read): bytes = read
            case .failure(let problem): return (nil, [Diagnostic(file: source.displayPath, position: nil, problem: problem)])
            }
        }
        switch YAMLComposer.compose(bytes, limits: limits) {
        case .failure(let error):
            return (nil, [Diagnostic(file: source.displayPath, position: error.position, problem: error.problem)])
        case .success(let document):
            var decoder = SchemaDecoder(document: document, fileIndex: 0)
            let object = decoder.decodeDocument(schema: schema)
            let diagnostics = decoder.problems.map { Diagnostic(file: source.displayPath, position: $0.1, problem: $0.0) }
            return (object, diagnostics.sorted())
        }
    }

    /// Where a value of a decoded document was written, for problems found after decoding.
    public static func diagnostic(_ problem: InventoryProblem, in source: InventorySource,
                                  at position: SourcePosition?) -> Diagnostic {
        Diagnostic(file: source.displayPath, position: position, problem: problem)
    }
}
