/// What an import read: the servers and sites it will write, and what it left out, for the file's comments and the
/// command's summary. Sizes are GB, base 10, already converted.
public struct ImportedEstate: Equatable, Sendable {
    public struct Source: Equatable, Sendable {
        /// The export's file (or CSV folder) name, without the folders above it.
        public var name: String
        /// `YYYY-MM-DD` when the export says when it was made.
        public var exported: String?
        /// The RVTools version that wrote it, when it says.
        public var toolVersion: String?
        public var format: String
    }

    public struct Site: Equatable, Sendable {
        public var id: String
        public var name: String
    }

    public struct Server: Equatable, Sendable {
        public var id: String
        /// The VM's name as the export gives it.
        public var name: String
        public var site: String
        public var os: String?
        /// The configuration file's OS, when the VMware Tools report another one, which `os` holds.
        public var configuredOS: String?
        public var architecture: String?
        public var firmware: String?
        public var cpuCores: Int?
        public var memoryGB: Double?
        public var storageGB: Double?
        public var disksGB: [Double] = []
        public var storageUsedPercent: Double?
        public var poweredOn: Bool
        public var cluster: String?
        public var host: String?
        public var annotation: String?
        /// vCenter custom attributes, name and value, in the export's column order.
        public var attributes: [(name: String, value: String)] = []

        public static func == (lhs: Server, rhs: Server) -> Bool {
            lhs.id == rhs.id && lhs.name == rhs.name && lhs.site == rhs.site && lhs.os == rhs.os
                && lhs.configuredOS == rhs.configuredOS && lhs.architecture == rhs.architecture
                && lhs.firmware == rhs.firmware && lhs.cpuCores == rhs.cpuCores && lhs.memoryGB == rhs.memoryGB
                && lhs.storageGB == rhs.storageGB && lhs.disksGB == rhs.disksGB
                && lhs.storageUsedPercent == rhs.storageUsedPercent && lhs.poweredOn == rhs.poweredOn
                && lhs.cluster == rhs.cluster && lhs.host == rhs.host && lhs.annotation == rhs.annotation
                && lhs.attributes.map(\.name) == rhs.attributes.map(\.name)
                && lhs.attributes.map(\.value) == rhs.attributes.map(\.value)
        }
    }

    public var sources: [Source] = []
    public var sites: [Site] = []
    public var servers: [Server] = []
    /// VM templates left out: they are not servers that run.
    public var templatesSkipped = 0
    /// Rows of vInfo without a VM name (blank rows aside), left out.
    public var rowsWithoutName = 0

    public var poweredOff: Int { servers.filter { !$0.poweredOn }.count }
}
