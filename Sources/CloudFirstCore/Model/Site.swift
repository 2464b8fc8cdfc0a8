/// A place where servers run.
public struct Site: Sendable {
    public var id: String
    public var name: String
    public var kind: SiteKind?
    public var leaseEnds: CalendarDate?
    public var source: SourceMap

    init(_ o: ObjectValue) {
        id = o.text("id") ?? ""
        name = o.text("name") ?? ""
        kind = o.choice("kind", as: SiteKind.self)
        leaseEnds = o.date("lease_ends")
        source = o.source
    }
}
