/// A value kept in one heap box shared by every copy until one of them writes, as the standard library's arrays
/// and strings are. A model type that is copied far more often than it is changed (a server, a service) keeps its
/// fields in one: copying it is then one reference count, where copying its strings and arrays was one each.
struct CopyOnWrite<Value: Sendable>: @unchecked Sendable {
    // Unchecked because the box is a class with a variable; it is safe to share across threads because no copy
    // ever writes to a box another copy can see: a write to a shared box writes to a fresh copy of it.
    private final class Box {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    init(_ value: Value) {
        box = Box(value)
    }

    var value: Value {
        get { box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }
}
