/// A physical or virtual server. Optional fields are nil when the inventory does not say: the assessment treats
/// that as missing data (lower confidence), never as a good answer.
public struct Server: Sendable {
    public var id: String
    public var site: Reference?
    public var role: ServerRole?
    public var environment: Environment?
    public var platform: Platform?
    public var os: String?
    public var architecture: Architecture?
    public var firmware: Firmware?
    public var cpuCores: Int?
    /// GB, base 10.
    public var memoryGB: Double?
    /// Total provisioned storage in GB: `storage_gb`, or the sum of `disks`.
    public var storageGB: Double?
    /// Disk sizes in GB when the inventory lists them one by one.
    public var diskSizesGB: [Double]
    public var utilisation: Utilisation?
    public var software: [Software]
    public var attachedHardware: [AttachedHardware]
    public var poweredOn: Bool
    public var source: SourceMap

    init(_ o: ObjectValue) {
        id = o.text("id") ?? ""
        site = o.reference("site")
        role = o.choice("role", as: ServerRole.self)
        environment = o.choice("environment", as: Environment.self)
        platform = o.choice("platform", as: Platform.self)
        os = o.text("os")
        architecture = o.choice("architecture", as: Architecture.self)
        firmware = o.choice("firmware", as: Firmware.self)
        cpuCores = o.integer("cpu_cores")
        memoryGB = o.number("memory_gb")
        diskSizesGB = o.objects("disks").compactMap { $0.number("size_gb") }
        storageGB = o.number("storage_gb") ?? (o["disks"] != nil ? diskSizesGB.reduce(0, +) : nil)
        utilisation = o.object("utilisation").map(Utilisation.init)
        software = o.objects("software").map(Software.init)
        attachedHardware = o.choices("attached_hardware", as: AttachedHardware.self)
        poweredOn = o.boolean("powered_on") ?? true
        source = o.source
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
