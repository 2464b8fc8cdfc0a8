/// The organisation that runs (part of) an estate.
public struct Organisation: Sendable {
    public var name: String
    public var odsCode: String?
    public var type: OrganisationType?

    init(_ o: ObjectValue) {
        name = o.text("name") ?? ""
        odsCode = o.text("ods_code")
        type = o.choice("type", as: OrganisationType.self)
    }
}
