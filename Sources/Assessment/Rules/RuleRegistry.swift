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

    /// Every rule, named once: the one place a new rule is added. Server rules run on each server, service rules on
    /// each service, in the order written here; derived rules are raised by `StrategyFindings` once the strategy is
    /// known. Each rule is a type in a file of its own name under `Rules/<category>/`.
    public static let standard = RuleRegistry(
        serverRules: [
            OSPastSupport(), OSInExtendedSecurityUpdates(), OSSupportEnding(), OSUnrecognised(),
            DatabasePastSupport(), DatabaseInExtendedSecurityUpdates(), DatabaseSupportEnding(), DatabaseUnrecognised(),
            ApplicationPastSupport(), ApplicationSupportEnding(),
            Architecture32Bit(), ArchitectureNotX86(), UEFILegacyWindows(), ExceedsCloudVMLimits(),
            AttachedUSBDongle(), AttachedSerialDevice(), FaxHardware(), AttachedFibreChannel(), ModalityLink(),
            AttachedSmartcardReader(), AttachedGPU(),
            OracleLicensingCloudVCPU(), OracleStandardEditionVCPULimit(),
            IdleServer(), UnderusedServer(), PoweredOffServer(), ServerInNoService(),
            OracleRACOnCloudVM(), SiteLeaseEnding(), IdentityAgentRetiring(),
        ],
        serviceRules: [
            ExceptionExpired(), ExceptionForUnknownRule(),
            PatientDataOutsideUKAndEEA(), PatientDataInEEA(), PersonalDataWithoutDPIA(), DataClassificationMissing(),
            ClinicalSafetyDCB0160(), MultiZoneDesign(), OwnerMissing(), ServiceWithoutServers(),
            HSCNConnectivity(), SmartcardAuthentication(), PlaintextInterface(), ProprietaryInterfacesOnly(),
            LatencySensitiveOnSiteDevices(),
            SaaSAvailable(), SupplierCloudUnsupported(), ContractEnding(), ContractEnded(), HardwareBoundLicence(),
            SynchronousReplicationRPO(), CrossRegionDROffshoring(), RecoveryTimeAboveServiceClass(),
            NationalServiceRegistration(),
            VMwareSubscriptionExposure(), BackupImmutableCopy(),
        ],
        derivedRules: [
            StrategyDisagreement.self, OwnerStrategyBlocked.self, RepurchaseAssurance.self, CloudExitPlan.self,
            RetainedOnClosingSite.self,
        ]
    )

    public func description(of id: String) -> RuleDescription? {
        byID[id]
    }
}
