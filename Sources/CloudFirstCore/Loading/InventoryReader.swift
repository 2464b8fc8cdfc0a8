import Foundation

/// Reads one inventory file into the typed model, using both cores for a large file.
///
/// libyaml parses on one thread; it is the floor no reader on it can go below. Everything else (typing values,
/// checking them, building the model) is done on the calling thread for each finished element of the top-level
/// lists, while the parser is still reading the rest of the file. Small files are read on one thread: starting a
/// thread costs more than it saves.
enum InventoryReader {
    static let streamedKeys = ["sites", "servers", "services"]

    static func read(_ input: UnsafeBufferPointer<UInt8>, fileIndex: Int, into contents: DecodedContents,
                     limits: YAMLLimits) -> Result<(ObjectValue?, [(InventoryProblem, SourcePosition?)]), YAMLError> {
        let store = NodeStore(inputBytes: input.count, maxScalarBytes: limits.maxScalarBytes)
        let document = YAMLDocument(store: store)
        var decoder = SchemaDecoder(document: document, fileIndex: fileIndex, elementSink: contents.add)

        let composed: Result<Void, YAMLError>
        if input.count >= limits.parallelThreshold, ProcessInfo.processInfo.activeProcessorCount > 1 {
            let queue = ElementQueue()
            let keys = streamedKeys.map { Array($0.utf8) }
            let job = ComposeJob(input: input, store: store, limits: limits,
                                 stream: ElementStream(keys: keys, publish: queue.push), queue: queue)
            let thread = Thread { job.run() }
            thread.stackSize = 1 << 20
            thread.start()
            var released = ReleasedRuns()
            while let batch = queue.next() {
                for element in batch {
                    decoder.decodeStreamedElement(element.node, field: streamedKeys[element.key])
                    released.add(element, end: document.end(element.node), in: store)
                }
            }
            composed = job.result
        } else {
            composed = YAMLComposer.compose(input, into: store, limits: limits, stream: nil)
        }
        if case .failure(let error) = composed { return .failure(error) }
        let object = decoder.decodeInventory()
        contents.unreadableLists.formUnion(decoder.unreadableLists)
        return .success((object, decoder.problems))
    }
}

/// Frees the storage of decoded elements behind the decoder, in runs of consecutive elements, so a large file's
/// nodes do not all stay in memory beside the model built from them.
private struct ReleasedRuns {
    var nodes: Range<Int>?
    var bytes: Range<Int>?

    mutating func add(_ element: StreamedElement, end: Int, in store: NodeStore) {
        guard !element.definesAnchor else {
            (nodes, bytes) = (nil, nil)
            return
        }
        let (extendedNodes, extendedBytes) = (Self.extend(nodes, with: element.node..<end),
                                              Self.extend(bytes, with: element.bytes))
        (nodes, bytes) = (extendedNodes, extendedBytes)
        store.releaseNodes(extendedNodes)
        store.releaseBytes(extendedBytes)
    }

    private static func extend(_ run: Range<Int>?, with next: Range<Int>) -> Range<Int> {
        guard let run, run.upperBound == next.lowerBound else { return next }
        return run.lowerBound..<next.upperBound
    }
}

/// The composer's side of the pipeline; its result is read only after the queue reports it finished.
private final class ComposeJob: @unchecked Sendable {
    let input: UnsafeBufferPointer<UInt8>
    let store: NodeStore
    let limits: YAMLLimits
    let stream: ElementStream
    let queue: ElementQueue
    private(set) var result: Result<Void, YAMLError> = .success(())

    init(input: UnsafeBufferPointer<UInt8>, store: NodeStore, limits: YAMLLimits, stream: ElementStream,
         queue: ElementQueue) {
        self.input = input
        self.store = store
        self.limits = limits
        self.stream = stream
        self.queue = queue
    }

    func run() {
        result = YAMLComposer.compose(input, into: store, limits: limits, stream: stream)
        queue.finish()
    }
}

/// Hands finished elements from the composer's thread to the decoder's, in batches so the lock is rarely taken.
/// The lock also orders memory: every node of a batch is written before the batch is shared.
final class ElementQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var shared: [StreamedElement] = []
    private var finished = false
    /// Touched by the producer only.
    private var pending: [StreamedElement] = []
    private static let batchSize = 256

    func push(_ element: StreamedElement) {
        pending.append(element)
        if pending.count >= ElementQueue.batchSize { flush(finishing: false) }
    }

    func finish() { flush(finishing: true) }

    /// The next batch, waiting for one; nil once the producer has finished and everything was taken.
    func next() -> [StreamedElement]? {
        condition.lock()
        defer { condition.unlock() }
        while shared.isEmpty && !finished { condition.wait() }
        if shared.isEmpty { return nil }
        let batch = shared
        shared = []
        return batch
    }

    private func flush(finishing: Bool) {
        condition.lock()
        shared += pending
        if finishing { finished = true }
        condition.signal()
        condition.unlock()
        pending.removeAll(keepingCapacity: true)
    }
}
