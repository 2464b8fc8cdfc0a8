import Dispatch
import Foundation

/// Maps indexes to values on every core, for work that reads shared immutable data and writes only its own result:
/// the rules judging servers and services, the sizer sizing servers. The result is in index order, the same as a
/// serial map, so output never depends on the number of cores.
public enum Parallel {
    /// Below this many items the threads cost more than they save.
    public static let threshold = 512

    public static func map<T>(_ count: Int, _ transform: (Int) -> T) -> [T] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard count >= threshold, cores > 1 else { return (0..<count).map(transform) }
        // Several chunks a core, so a core that finishes early takes another.
        let chunks = min(count, cores * 8)
        return withoutActuallyEscaping(transform) { transform in
            Array(unsafeUninitializedCapacity: count) { buffer, initialised in
                nonisolated(unsafe) let base = buffer.baseAddress!
                nonisolated(unsafe) let work = transform
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    for index in chunk * count / chunks ..< (chunk + 1) * count / chunks {
                        (base + index).initialize(to: work(index))
                    }
                }
                initialised = count
            }
        }
    }
}
