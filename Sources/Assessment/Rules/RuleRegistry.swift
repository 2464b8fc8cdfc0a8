/// A rule the engine applies from the other findings rather than from the inventory alone; it is listed with the
/// others so that it can be explained, disabled and given a severity like any rule.
public protocol DerivedRule: Sendable {
    static var description: RuleDescription { get }
}

/// The one explicit list of rules. A test checks every rule type in the module is listed here, once.
public struct RuleRegistry: Sendable {
    public let serverRules: [any ServerRule]
    public let serviceRules: [any ServiceRule]
    public let derivedRules: [any DerivedRule.Type]

    public static let standard = RuleRegistry(
        serverRules: [
            OSPastSupport(), OSInExtendedSecurityUpdates(), OSSupportEnding(), OSUnrecognised(),
            DatabasePastSupport(), DatabaseInExtendedSecurityUpdates(), DatabaseSupportEnding(),
        ] + PlatformRules.all,
        serviceRules: [
            ExceptionExpired(), ExceptionForUnknownRule(),
        ] + ServiceRules.all,
        derivedRules: [StrategyDisagreement.self]
    )

    /// Every rule's description, in the order `cloudfirst rules` lists them: by severity, then id.
    public var descriptions: [RuleDescription] {
        (serverRules.map { type(of: $0).description } + serviceRules.map { type(of: $0).description }
            + derivedRules.map { $0.description })
            .sorted { ($0.severity, $0.id) < ($1.severity, $1.id) }
    }

    /// Every rule id, for checking names written in inventories and policy files.
    public var ids: Set<String> { Set(descriptions.map(\.id)) }

    public func description(of id: String) -> RuleDescription? {
        descriptions.first { $0.id == id }
    }
}
