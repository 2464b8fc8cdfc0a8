/// The organisation that runs (part of) an estate.
public struct Organisation: Sendable {
    public var name: String
    public var odsCode: String?
    public var type: OrganisationType?
    /// Where the file wrote it; nil for an organisation made up of several (`Estate.organisation`).
    public var source: SourceMap?

    public init(name: String, odsCode: String? = nil, type: OrganisationType? = nil) {
        self.name = name
        self.odsCode = odsCode
        self.type = type
    }

    init(_ o: ObjectValue) {
        name = o.text("name") ?? ""
        odsCode = o.text("ods_code")
        type = o.choice("type", as: OrganisationType.self)
        source = o.source
    }

    /// Whether two files name the same organisation: the same ODS code when both give one (the code is the NHS's
    /// identity for an organisation; its name may be written out or abbreviated), else the same name, ignoring case
    /// and spaces at either end.
    public func isSame(as other: Organisation) -> Bool {
        if let code = odsCode, let otherCode = other.odsCode {
            return code.uppercased() == otherCode.uppercased()
        }
        return Self.normalised(name) == Self.normalised(other.name)
    }

    private static func normalised(_ name: String) -> String {
        String(name.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()).lowercased()
    }

    /// One organisation per distinct organisation in `organisations`, in first-seen order.
    public static func distinct(_ organisations: [Organisation]) -> [Organisation] {
        var out: [Organisation] = []
        for organisation in organisations where !out.contains(where: { $0.isSame(as: organisation) }) {
            out.append(organisation)
        }
        return out
    }
}
