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
                // Safe: a buffer of capacity `count`, at least `threshold`, has an address.
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

    /// `first` on another thread while `second` runs on this one (which may itself use every core through `map`),
    /// both results when both are done. For two pieces of work that read only what is settled and not each other.
    public static func both<A, B>(_ first: @escaping () -> A, _ second: () -> B) -> (A, B) {
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return (first(), second()) }
        nonisolated(unsafe) let work = first
        nonisolated(unsafe) var result: A?
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            result = work()
            done.signal()
        }
        let other = second()
        done.wait()
        // Safe: `done` is signalled only after `result` is set.
        return (result!, other)
    }
}
