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

    /// Every rule's description, in the order `cloudfirst rules` lists them: by severity, then id.
    public let descriptions: [RuleDescription]
    /// Every rule id, for checking names written in inventories and policy files.
    public let ids: Set<String>
    private let byID: [String: RuleDescription]

    public init(serverRules: [any ServerRule], serviceRules: [any ServiceRule], derivedRules: [any DerivedRule.Type]) {
        self.serverRules = serverRules
        self.serviceRules = serviceRules
        self.derivedRules = derivedRules
        descriptions = (serverRules.map { type(of: $0).description } + serviceRules.map { type(of: $0).description }
            + derivedRules.map { $0.description })
            .sorted { ($0.severity, $0.id) < ($1.severity, $1.id) }
        ids = Set(descriptions.map(\.id))
        byID = Dictionary(descriptions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public static let standard = RuleRegistry(
        serverRules: [
            OSPastSupport(), OSInExtendedSecurityUpdates(), OSSupportEnding(), OSUnrecognised(),
            DatabasePastSupport(), DatabaseInExtendedSecurityUpdates(), DatabaseSupportEnding(), DatabaseUnrecognised(),
            ApplicationPastSupport(), ApplicationSupportEnding(),
        ] + PlatformRules.all,
        serviceRules: [
            ExceptionExpired(), ExceptionForUnknownRule(),
        ] + ServiceRules.all,
        derivedRules: [
            StrategyDisagreement.self, OwnerStrategyBlocked.self, RepurchaseAssurance.self, CloudExitPlan.self,
            RetainedOnClosingSite.self,
        ]
    )

    public func description(of id: String) -> RuleDescription? {
        byID[id]
    }
}
