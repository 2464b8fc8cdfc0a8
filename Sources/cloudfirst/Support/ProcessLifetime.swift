/// Keeps a command's large results alive until the process exits, so that they are never freed one by one.
///
/// An estate of 100,000 servers, its assessment and its plan are millions of small allocations; freeing them when
/// `run()` returns took a measurable share of `plan`'s time, only for the process to exit a moment later and hand
/// all its memory back at once. Compilers do the same (clang's `-disable-free`). Only for values a command holds to
/// the end: nothing kept here is read again.
enum ProcessLifetime {
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) {
        kept.append(value)
    }
}
