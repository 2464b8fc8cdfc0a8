/// A service the organisation runs, and what the assessment needs to know about it.
public struct Service: Sendable {
    /// The fields, kept copy-on-write (see `CopyOnWrite`): a service is copied far more often than it is changed.
    struct Fields {
        var id: String
        var name: String
        var kind: ServiceKind?
        var owner: String?
        var supplier: Supplier?
        var criticality: Criticality?
        var clinicalSystem: Bool?
        var data: DataProfile?
        var availability: Availability?
        var servers: [Reference]
        var dependsOn: [Reference]
        var interfaces: [Interface]
        var identity: [IdentityProvider]
        var exposure: Exposure?
        var latencySensitive: Bool?
        var licensing: Licensing?
        var contractEnds: CalendarDate?
        var strategy: MigrationStrategy?
        var strategyReason: String?
        var exceptions: [RuleException]
        var source: SourceMap
    }

    private var fields: CopyOnWrite<Fields>

    public var id: String {
        get { fields.value.id }
        set { fields.value.id = newValue }
    }
    public var name: String {
        get { fields.value.name }
        set { fields.value.name = newValue }
    }
    /// The kind the inventory gives; the assessment infers one from its servers when it is absent.
    public var kind: ServiceKind? {
        get { fields.value.kind }
        set { fields.value.kind = newValue }
    }
    public var owner: String? {
        get { fields.value.owner }
        set { fields.value.owner = newValue }
    }
    public var supplier: Supplier? {
        get { fields.value.supplier }
        set { fields.value.supplier = newValue }
    }
    public var criticality: Criticality? {
        get { fields.value.criticality }
        set { fields.value.criticality = newValue }
    }
    public var clinicalSystem: Bool? {
        get { fields.value.clinicalSystem }
        set { fields.value.clinicalSystem = newValue }
    }
    public var data: DataProfile? {
        get { fields.value.data }
        set { fields.value.data = newValue }
    }
    public var availability: Availability? {
        get { fields.value.availability }
        set { fields.value.availability = newValue }
    }
    public var servers: [Reference] {
        get { fields.value.servers }
        set { fields.value.servers = newValue }
    }
    public var dependsOn: [Reference] {
        get { fields.value.dependsOn }
        set { fields.value.dependsOn = newValue }
    }
    public var interfaces: [Interface] {
        get { fields.value.interfaces }
        set { fields.value.interfaces = newValue }
    }
    public var identity: [IdentityProvider] {
        get { fields.value.identity }
        set { fields.value.identity = newValue }
    }
    public var exposure: Exposure? {
        get { fields.value.exposure }
        set { fields.value.exposure = newValue }
    }
    public var latencySensitive: Bool? {
        get { fields.value.latencySensitive }
        set { fields.value.latencySensitive = newValue }
    }
    public var licensing: Licensing? {
        get { fields.value.licensing }
        set { fields.value.licensing = newValue }
    }
    public var contractEnds: CalendarDate? {
        get { fields.value.contractEnds }
        set { fields.value.contractEnds = newValue }
    }
    public var strategy: MigrationStrategy? {
        get { fields.value.strategy }
        set { fields.value.strategy = newValue }
    }

    /// Why the owner chose `strategy`, in their words: shown beside the choice wherever it is explained.
    public var strategyReason: String? {
        get { fields.value.strategyReason }
        set { fields.value.strategyReason = newValue }
    }
    public var exceptions: [RuleException] {
        get { fields.value.exceptions }
        set { fields.value.exceptions = newValue }
    }
    public var source: SourceMap {
        get { fields.value.source }
        set { fields.value.source = newValue }
    }

    init(_ o: ObjectValue) {
        fields = CopyOnWrite(Fields(
            id: o.text("id") ?? "",
            name: o.text("name") ?? "",
            kind: o.choice("kind", as: ServiceKind.self),
            owner: o.text("owner"),
            supplier: o.object("supplier").map(Supplier.init),
            criticality: o.choice("criticality", as: Criticality.self),
            clinicalSystem: o.boolean("clinical_system"),
            data: o.object("data").map(DataProfile.init),
            availability: o.object("availability").map(Availability.init),
            servers: o.references("servers"),
            dependsOn: o.references("depends_on"),
            interfaces: o.objects("interfaces").map(Interface.init),
            identity: o.choices("identity", as: IdentityProvider.self),
            exposure: o.choice("exposure", as: Exposure.self),
            latencySensitive: o.boolean("latency_sensitive"),
            licensing: o.object("licensing").map(Licensing.init),
            contractEnds: o.date("contract_ends"),
            strategy: o.choice("strategy", as: MigrationStrategy.self),
            strategyReason: o.text("strategy_reason"),
            exceptions: o.objects("exceptions").map(RuleException.init),
            source: o.source))
    }
}

public struct Supplier: Sendable {
    public var name: String?
    public var product: String?
    public var saas: SaaSAvailability?
    /// Nil when the inventory does not say; empty when it says none.
    public var supportedClouds: [Cloud]?
    /// The SaaS subscription's monthly cost, GBP, when the inventory gives a quote.
    public var subscriptionMonthlyGBP: Double?
    public var source: SourceMap

    init(_ o: ObjectValue) {
        name = o.text("name")
        product = o.text("product")
        saas = o.choice("saas", as: SaaSAvailability.self)
        supportedClouds = o["supported_clouds"] == nil ? nil : o.choices("supported_clouds", as: Cloud.self)
        subscriptionMonthlyGBP = o.number("subscription_monthly_gbp")
        source = o.source
    }
}

public struct DataProfile: Sendable {
    public var classification: DataClassification?
    public var personalData: PersonalData?
    public var riskClass: Int?
    public var volumeGB: Double?
    public var dpia: String?
    public var source: SourceMap

    init(_ o: ObjectValue) {
        classification = o.choice("classification", as: DataClassification.self)
        personalData = o.choice("personal_data", as: PersonalData.self)
        riskClass = o.integer("risk_class")
        volumeGB = o.number("volume_gb")
        dpia = o.text("dpia")
        source = o.source
    }
}

public struct Availability: Sendable {
    public var serviceClass: ServiceClass?
    public var rtoHours: Double?
    public var rpoMinutes: Double?

    init(_ o: ObjectValue) {
        serviceClass = o.choice("service_class", as: ServiceClass.self)
        rtoHours = o.number("rto_hours")
        rpoMinutes = o.number("rpo_minutes")
    }
}

public struct Interface: Sendable {
    public var `protocol`: InterfaceProtocol?
    public var peer: String?
    public var encrypted: Bool?
    public var source: SourceMap

    init(_ o: ObjectValue) {
        `protocol` = o.choice("protocol", as: InterfaceProtocol.self)
        peer = o.text("peer")
        encrypted = o.boolean("encrypted")
        source = o.source
    }
}

public struct Licensing: Sendable {
    public var model: LicensingModel?
    public var hardwareBound: Bool?

    init(_ o: ObjectValue) {
        model = o.choice("model", as: LicensingModel.self)
        hardwareBound = o.boolean("hardware_bound")
    }
}

/// A finding the service's owner has accepted, with why and until when.
public struct RuleException: Sendable {
    public var rule: String
    public var reason: String
    public var until: CalendarDate?
    public var source: SourceMap

    init(_ o: ObjectValue) {
        rule = o.reference("rule")?.id ?? ""
        reason = o.text("reason") ?? ""
        until = o.date("until")
        source = o.source
    }
}
