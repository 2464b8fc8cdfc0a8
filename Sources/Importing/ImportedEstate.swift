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
        /// The comment above the site in the file, when the importer gives one (RVTools' are its datacenters').
        public var comment: String?
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
        /// `vmware`, `hyper-v` or `physical` as the export says; RVTools' VMs are all VMware's.
        public var platform: String? = "vmware"
        public var cpuCores: Int?
        public var memoryGB: Double?
        public var storageGB: Double?
        public var disksGB: [Double] = []
        public var storageUsedPercent: Double?
        /// Measured 95th-percentile utilisation, only where the export carries percentiles or a time series to take
        /// them from (never from a point-in-time figure), with the days the measurements span.
        public var cpuP95: Double?
        public var memoryP95: Double?
        public var daysSampled: Int?
        /// The applications (or groups) the export says the server belongs to: a draft services file's membership.
        public var applications: [String] = []
        /// The vApp the export puts the VM in, else its VM folder: a draft services file's membership too.
        public var vAppOrFolder: String?
        public var poweredOn: Bool
        public var cluster: String?
        public var host: String?
        public var annotation: String?
        /// What the file's comment on the server lists, in order: the export's own attributes (vCenter custom
        /// attributes, AWS tags, Migration Center labels), which a draft services file may group by, and cloudfirst's
        /// notes (figures and columns the inventory format has no field for), which are comments only.
        public var attributes: [Attribute] = []

        /// The export's own attributes, tags or labels: what `--group-by-attribute` offers and accepts.
        public var groupableAttributes: [Attribute] { attributes.filter { $0.kind == .exportAttribute } }
    }

    /// A line of a server's comment: a vCenter custom attribute of a VM (the column's header, and the VM's value),
    /// an AWS tag or a Migration Center label (its key and value), or a note of cloudfirst's own.
    public struct Attribute: Equatable, Sendable {
        public enum Kind: Equatable, Sendable {
            /// The export's own attribute, tag or label, which people set to say what a server belongs to.
            case exportAttribute
            /// cloudfirst's note on the server (a figure, or a column the inventory format has no field for).
            case note
        }

        public var name: String
        public var value: String
        public var kind: Kind

        public init(name: String, value: String, kind: Kind = .exportAttribute) {
            self.name = name
            self.value = value
            self.kind = kind
        }

        /// cloudfirst's own note: written in the comment, never offered as an attribute to group by.
        public static func note(_ name: String, _ value: String) -> Attribute {
            Attribute(name: name, value: value, kind: .note)
        }
    }

    public var sources: [Source] = []
    public var sites: [Site] = []
    public var servers: [Server] = []
    /// VM templates left out: they are not servers that run.
    public var templatesSkipped = 0
    /// Rows of vInfo without a VM name (blank rows aside), left out.
    public var rowsWithoutName = 0
    /// The file's comment lines under the first, from the importer: what it read, how it converted sizes and
    /// utilisation, where ids and sites come from. Empty for RVTools, whose lines InventoryText keeps.
    public var notes: [String] = []
    /// Whether the export says which machines are powered off, and which are templates: a summary counts only what
    /// the export can say (Azure Migrate's and AWS's templates have no power state; only RVTools lists templates).
    public var readsPowerState = true
    public var readsTemplates = true
    /// What the export calls a server, for the comment on a server whose id is not its name.
    public var serverNoun = "VM"
    /// What the export calls the attributes a draft services file may group by, and where they are, for the message
    /// when the one asked for is not there.
    public var attributeNoun = "custom attribute"
    public var attributePlace = "the columns between 'Annotation' and 'Datacenter' in vInfo"

    public var poweredOff: Int { servers.filter { !$0.poweredOn }.count }
}
