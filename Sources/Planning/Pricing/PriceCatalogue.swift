import CloudFirstCore

/// A VM size a cloud sells, with its on-demand list price.
public struct VMPrice: Sendable, Hashable {
    public enum Family: String, Sendable {
        case general, memory, compute
    }

    public let cloud: Cloud
    public let region: String
    public let sku: String
    public let family: Family
    public let vcpus: Int
    /// GiB, as the clouds state it.
    public let memoryGiB: Double
    /// USD an hour, Linux (no licence).
    public let linuxUSDPerHour: Double
    /// USD an hour with the Windows Server licence included.
    public let windowsUSDPerHour: Double
    public let source: String
    public let dataDate: String
    public let note: String
}

/// Storage or backup priced per GB-month.
public struct StoragePrice: Sendable, Hashable {
    /// What a row prices: the CSV's `kind`.
    public enum Kind: String, Sendable, CaseIterable {
        /// Block storage for a VM's disks (`storage`).
        case block = "storage"
        /// The backup copy of a block-storage server: disk snapshots (`backup`).
        case snapshot = "backup"
        /// Object storage at its cool or infrequent-access tier, for backup repositories (`object`).
        case object
        /// A managed file service, per GB (`fileshare`).
        case fileshare
    }

    public let cloud: Cloud
    public let region: String
    public let product: String
    public let usdPerGBMonth: Double
    public let source: String
    public let dataDate: String
    public let note: String
}

/// The embedded, dated price catalogue (Catalogues/prices.csv): public on-demand list prices in US dollars for the UK
/// regions, each row with its source and the date of its data.
public struct PriceCatalogue: Sendable {
    public let vms: [VMPrice]
    /// Block storage for VM disks.
    public let storage: [Cloud: StoragePrice]
    /// Disk snapshots: the backup copy of a block-storage server.
    public let backup: [Cloud: StoragePrice]
    /// Object storage at the cool or infrequent-access tier: where a backup repository goes.
    public let object: [Cloud: StoragePrice]
    /// The managed file service: where a file server's shares go.
    public let fileshare: [Cloud: StoragePrice]

    public static let embedded: PriceCatalogue = {
        do {
            return try PriceCatalogue(csv: EmbeddedPrices.text)
        } catch {
            preconditionFailure("the embedded price catalogue does not parse: \(error)")
        }
    }()

    public enum CatalogueError: Error, Equatable {
        case header
        case row(Int)
    }

    static let header = ["kind", "cloud", "region", "sku", "family", "vcpu", "memory_gib", "usd", "windows_usd", "unit",
                         "source", "data_date", "note"]

    public init(csv: String) throws {
        let rows = try CSV.parse(csv)
        guard rows.first == Self.header else { throw CatalogueError.header }
        var vms: [VMPrice] = []
        var prices: [StoragePrice.Kind: [Cloud: StoragePrice]] = [:]
        for (offset, row) in rows.dropFirst().enumerated() where row != [""] {
            let line = offset + 2
            guard row.count == Self.header.count, let cloud = Cloud(rawValue: row[1]), let usd = Double(row[7]),
                  usd > 0 else { throw CatalogueError.row(line) }
            switch row[0] {
            case "vm":
                guard let family = VMPrice.Family(rawValue: row[4]), let vcpus = Int(row[5]), vcpus > 0,
                      let memory = Double(row[6]), memory > 0, let windows = Double(row[8]), windows >= usd,
                      row[9] == "hour" else { throw CatalogueError.row(line) }
                vms.append(VMPrice(cloud: cloud, region: row[2], sku: row[3], family: family, vcpus: vcpus,
                                   memoryGiB: memory, linuxUSDPerHour: usd, windowsUSDPerHour: windows,
                                   source: row[10], dataDate: row[11], note: row[12]))
            case let kind where StoragePrice.Kind(rawValue: kind) != nil:
                // One row a kind and cloud, with its source and date: a second would silently replace the first.
                guard let kind = StoragePrice.Kind(rawValue: kind), row[9] == "GB-month",
                      prices[kind]?[cloud] == nil, !row[10].isEmpty, !row[11].isEmpty else {
                    throw CatalogueError.row(line)
                }
                prices[kind, default: [:]][cloud] = StoragePrice(
                    cloud: cloud, region: row[2], product: row[3], usdPerGBMonth: usd, source: row[10],
                    dataDate: row[11], note: row[12])
            default:
                throw CatalogueError.row(line)
            }
        }
        // Cheapest first, so the first size that fits is the cheapest that fits.
        self.vms = vms.sorted { ($0.linuxUSDPerHour, $0.sku) < ($1.linuxUSDPerHour, $1.sku) }
        storage = prices[.block] ?? [:]
        backup = prices[.snapshot] ?? [:]
        object = prices[.object] ?? [:]
        fileshare = prices[.fileshare] ?? [:]
    }

    /// The prices of one kind, by cloud.
    public func prices(_ kind: StoragePrice.Kind) -> [Cloud: StoragePrice] {
        switch kind {
        case .block: storage
        case .snapshot: backup
        case .object: object
        case .fileshare: fileshare
        }
    }

    /// Every storage row: block, snapshot, object and file service.
    public var storageRows: [StoragePrice] { StoragePrice.Kind.allCases.flatMap { prices($0).values } }

    /// The sizes of one cloud, cheapest first.
    public func vms(for cloud: Cloud) -> [VMPrice] { vms.filter { $0.cloud == cloud } }

    /// The earliest and latest dates of the data behind the prices, as the rows give them.
    public var dataDates: (earliest: String, latest: String) {
        let dates = (vms.map(\.dataDate) + storageRows.map(\.dataDate))
            .compactMap { $0.firstMatch(of: /\d{4}(-\d{2}(-\d{2})?)?/).map { String($0.0) } }.sorted()
        return (dates.first ?? "", dates.last ?? "")
    }
}
