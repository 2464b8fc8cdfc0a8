/// A physical or virtual server. Optional fields are nil when the inventory does not say: the assessment treats
/// that as missing data (lower confidence), never as a good answer.
public struct Server: Sendable {
    /// The fields, kept copy-on-write (see `CopyOnWrite`): a server is copied far more often than it is changed.
    struct Fields {
        var id: String
        var site: Reference?
        var role: ServerRole?
        var environment: Environment?
        var platform: Platform?
        var os: String?
        var architecture: Architecture?
        var firmware: Firmware?
        var cpuCores: Int?
        var memoryGB: Double?
        var storageGB: Double?
        var diskSizesGB: [Double]
        var utilisation: Utilisation?
        var software: [Software]
        var attachedHardware: [AttachedHardware]
        var poweredOn: Bool
        var source: SourceMap
    }

    private var fields: CopyOnWrite<Fields>

    public var id: String {
        get { fields.value.id }
        set { fields.value.id = newValue }
    }
    public var site: Reference? {
        get { fields.value.site }
        set { fields.value.site = newValue }
    }
    public var role: ServerRole? {
        get { fields.value.role }
        set { fields.value.role = newValue }
    }
    public var environment: Environment? {
        get { fields.value.environment }
        set { fields.value.environment = newValue }
    }
    public var platform: Platform? {
        get { fields.value.platform }
        set { fields.value.platform = newValue }
    }
    public var os: String? {
        get { fields.value.os }
        set { fields.value.os = newValue }
    }
    public var architecture: Architecture? {
        get { fields.value.architecture }
        set { fields.value.architecture = newValue }
    }
    public var firmware: Firmware? {
        get { fields.value.firmware }
        set { fields.value.firmware = newValue }
    }
    public var cpuCores: Int? {
        get { fields.value.cpuCores }
        set { fields.value.cpuCores = newValue }
    }
    /// GB, base 10.
    public var memoryGB: Double? {
        get { fields.value.memoryGB }
        set { fields.value.memoryGB = newValue }
    }
    /// Total provisioned storage in GB: `storage_gb`, or the sum of `disks`.
    public var storageGB: Double? {
        get { fields.value.storageGB }
        set { fields.value.storageGB = newValue }
    }
    /// Disk sizes in GB when the inventory lists them one by one.
    public var diskSizesGB: [Double] {
        get { fields.value.diskSizesGB }
        set { fields.value.diskSizesGB = newValue }
    }
    public var utilisation: Utilisation? {
        get { fields.value.utilisation }
        set { fields.value.utilisation = newValue }
    }
    public var software: [Software] {
        get { fields.value.software }
        set { fields.value.software = newValue }
    }
    public var attachedHardware: [AttachedHardware] {
        get { fields.value.attachedHardware }
        set { fields.value.attachedHardware = newValue }
    }
    public var poweredOn: Bool {
        get { fields.value.poweredOn }
        set { fields.value.poweredOn = newValue }
    }
    public var source: SourceMap {
        get { fields.value.source }
        set { fields.value.source = newValue }
    }

    init(_ o: ObjectValue) {
        let diskSizesGB = o.objects("disks").compactMap { $0.number("size_gb") }
        fields = CopyOnWrite(Fields(
            id: o.text("id") ?? "",
            site: o.reference("site"),
            role: o.choice("role", as: ServerRole.self),
            environment: o.choice("environment", as: Environment.self),
            platform: o.choice("platform", as: Platform.self),
            os: o.text("os"),
            architecture: o.choice("architecture", as: Architecture.self),
            firmware: o.choice("firmware", as: Firmware.self),
            cpuCores: o.integer("cpu_cores"),
            memoryGB: o.number("memory_gb"),
            storageGB: o.number("storage_gb") ?? (o["disks"] != nil ? diskSizesGB.reduce(0, +) : nil),
            diskSizesGB: diskSizesGB,
            utilisation: o.object("utilisation").map(Utilisation.init),
            software: o.objects("software").map(Software.init),
            attachedHardware: o.choices("attached_hardware", as: AttachedHardware.self),
            poweredOn: o.boolean("powered_on") ?? true,
            source: o.source))
    }
}

/// Measured utilisation, in percent.
public struct Utilisation: Sendable {
    public var cpuP95: Double?
    public var memoryP95: Double?
    public var storageUsedPercent: Double?
    public var daysSampled: Int?

    init(_ o: ObjectValue) {
        cpuP95 = o.number("cpu_p95")
        memoryP95 = o.number("memory_p95")
        storageUsedPercent = o.number("storage_used_percent")
        daysSampled = o.integer("days_sampled")
    }
}

/// A product installed on a server.
public struct Software: Sendable {
    public var product: String
    public var edition: String?
    public var version: String?
    public var source: SourceMap

    init(_ o: ObjectValue) {
        product = o.text("product") ?? ""
        edition = o.text("edition")
        version = o.text("version")
        source = o.source
    }
}
