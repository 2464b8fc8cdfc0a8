import CloudFirstCore
import Foundation

/// How a server's cloud size was worked out.
public enum SizingBasis: String, Sendable {
    /// From measured use: the 95th percentile times the comfort factor, as Azure Migrate's performance-based sizing.
    case utilisation
    /// As on premises: the cores and memory it has, because no utilisation was measured.
    case allocation
    /// Nothing to size from (no cores or memory given): the smallest size, and the estimate is a guess.
    case assumed
}

/// Where a server's storage goes in the cloud, by what the server is.
public enum StorageTier: String, Sendable {
    /// VM disks on block storage, with one backup copy (disk snapshots) of the used GB.
    case block
    /// A backup server or repository: its used GB in object storage at the cool or infrequent-access tier, with no
    /// second backup copy (the repository is the backup).
    case object
    /// A file server: its shares on the managed file service, per provisioned GB, with one backup copy of the
    /// used GB at the snapshot rate.
    case fileshare

    /// The tier a server's role puts it on.
    public static func of(_ role: ServerRole?) -> StorageTier {
        switch role {
        case .backup: .object
        case .file: .fileshare
        default: .block
        }
    }
}

/// The largest single disk a cloud's block storage offers, from the provider's published limit.
public struct DiskLimit: Sendable {
    public let cloud: Cloud
    public let product: String
    /// GiB.
    public let maxGiB: Double
    public let source: String
    public let dataDate: String

    /// The block-storage products the catalogue prices, with their per-disk maximum.
    public static let published: [Cloud: DiskLimit] = [
        .aws: DiskLimit(cloud: .aws, product: "EBS gp3", maxGiB: 16_384,
                        source: "AWS, Amazon EBS User Guide, \"Amazon EBS volume types\" (gp3 volume size 1 GiB - 16 TiB)",
                        dataDate: "2026"),
        .azure: DiskLimit(cloud: .azure, product: "Standard SSD", maxGiB: 32_767,
                          source: "Microsoft Learn, \"Azure managed disk types\" (Standard SSD max disk size 32,767 GiB)",
                          dataDate: "2026"),
        .gcp: DiskLimit(cloud: .gcp, product: "pd-balanced", maxGiB: 65_536,
                        source: "Google Cloud, Compute Engine \"Persistent Disk\" (balanced PD up to 64 TiB per disk)",
                        dataDate: "2026"),
    ]

    /// How many cloud disks hold these disks: each on-premises disk (GB, base 10) split into as many as it needs.
    /// Without a disk list, the total is split the same way.
    public func disks(for sizesGB: [Double], totalGB: Double) -> Int {
        let sizes = sizesGB.isEmpty ? (totalGB > 0 ? [totalGB] : []) : sizesGB
        return sizes.reduce(0) { count, gb in
            count + max(1, Int((gb * Sizer.gibPerGB / maxGiB).rounded(.up)))
        }
    }
}

/// One server on one cloud: the size that fits and what it costs a month.
public struct CloudSizing: Sendable {
    public let cloud: Cloud
    public let vm: VMPrice
    /// What the server needs: vCPUs and GiB.
    public let neededVCPUs: Int
    public let neededMemoryGiB: Double
    /// True when nothing in the catalogue is large enough, so the largest size is used.
    public let exceedsCatalogue: Bool
    public let windows: Bool
    public let computeGBP: Double
    /// Where the storage goes: block storage, object storage or the managed file service.
    public let storageTier: StorageTier
    /// Block storage only: how many cloud disks hold the server's disks, each within the cloud's per-disk maximum
    /// (`DiskLimit`); 0 for object storage and file shares.
    public let disks: Int
    /// The server's storage at its tier's price.
    public let storageGBP: Double
    /// False when the catalogue has no price for the server's storage tier on this cloud: `storageGBP` is then 0
    /// and the total leaves the storage out (said in the plan's notes), rather than pricing it as something else.
    public let storagePriced: Bool
    /// One backup copy of the used GB at the snapshot price; 0 for a backup server or repository.
    public let backupGBP: Double
    /// Windows licence included in `computeGBP`: what Azure Hybrid Benefit would save on Azure.
    public let windowsLicenceGBP: Double

    public var monthlyGBP: Double { computeGBP + storageGBP + backupGBP }
}

/// A server sized for every target cloud.
public struct ServerSizing: Sendable {
    public let serverIndex: Int
    public let serverID: String
    public let basis: SizingBasis
    public let clouds: [CloudSizing]

    public func on(_ cloud: Cloud) -> CloudSizing? { clouds.first { $0.cloud == cloud } }
}

/// Sizing: utilisation percentile times comfort factor (defaults 95 and 1.3, as Azure Migrate), the cheapest size
/// in the catalogue that fits. Storage by what the server is: a backup server or repository keeps its used GB in object
/// storage at the cool or infrequent-access tier and has no second copy; a file server's provisioned GB go on the
/// managed file service; every other server's provisioned GB go on block storage, split into disks within the cloud's
/// per-disk maximum. File and block servers keep one backup copy (disk snapshots) of the used GB.
public struct Sizer: Sendable {
    public let catalogue: PriceCatalogue
    public let assumptions: Assumptions
    private let sizes: [Cloud: [VMPrice]]
    /// Per cloud, the size used when nothing fits.
    private let largestSizes: [Cloud: VMPrice]

    /// Hours in a month, as the clouds' price calculators count them.
    public static let hoursPerMonth = 730.0
    /// Bytes: the inventory's GB are base 10, the clouds' memory is GiB.
    static let gibPerGB = 1e9 / 1_073_741_824

    public init(catalogue: PriceCatalogue = .embedded, assumptions: Assumptions) {
        self.catalogue = catalogue
        self.assumptions = assumptions
        var sizes: [Cloud: [VMPrice]] = [:]
        for cloud in assumptions.targetClouds { sizes[cloud] = catalogue.vms(for: cloud) }
        self.sizes = sizes
        largestSizes = sizes.compactMapValues { options in
            options.max { ($0.vcpus, $0.memoryGiB) < ($1.vcpus, $1.memoryGiB) }
        }
    }

    public func size(_ server: Server, at index: Int) -> ServerSizing {
        let comfort = assumptions.comfortFactor
        let basis: SizingBasis
        var vcpus: Int
        var memoryGiB: Double
        if let cores = server.cpuCores, let memory = server.memoryGB {
            if let cpu = server.utilisation?.cpuP95, let used = server.utilisation?.memoryP95 {
                basis = .utilisation
                vcpus = Int((Double(cores) * cpu / 100 * comfort).rounded(.up))
                memoryGiB = memory * Self.gibPerGB * used / 100 * comfort
            } else {
                basis = .allocation
                vcpus = cores
                memoryGiB = memory * Self.gibPerGB
            }
        } else {
            basis = .assumed
            vcpus = server.cpuCores ?? 1
            memoryGiB = (server.memoryGB ?? 1) * Self.gibPerGB
        }
        vcpus = max(1, vcpus)
        memoryGiB = max(0.5, memoryGiB)
        let windows = server.os?.lowercased().contains("windows") == true
        let storageGB = server.storageGB ?? 0
        let usedGB = storageGB * (server.utilisation?.storageUsedPercent ?? 100) / 100
        let tier = StorageTier.of(server.role)
        let rate = assumptions.gbpPerUSD
        let clouds = assumptions.targetClouds.compactMap { cloud -> CloudSizing? in
            guard let options = sizes[cloud], let largest = largestSizes[cloud] else { return nil }
            // The cheapest that fits at the price this server pays: with Windows, its licence per vCPU can make a
            // memory-optimised size cheaper than the general-purpose one the Linux price would pick.
            // One pass, no allocation: this runs for every server on every cloud.
            var fit: VMPrice?
            for option in options where option.vcpus >= vcpus && option.memoryGiB >= memoryGiB {
                if !windows { fit = option; break }  // sorted by Linux price: the first fit is the cheapest
                if let best = fit, (best.windowsUSDPerHour, best.sku) <= (option.windowsUSDPerHour, option.sku) {
                    continue
                }
                fit = option
            }
            let vm = fit ?? largest
            let hourly = windows ? vm.windowsUSDPerHour : vm.linuxUSDPerHour
            let storageUSD: Double
            let backupUSD: Double
            var disks = 0
            let tierPrice: StoragePrice?
            switch tier {
            case .object:
                tierPrice = catalogue.object[cloud]
                storageUSD = usedGB * (tierPrice?.usdPerGBMonth ?? 0)
                backupUSD = 0
            case .fileshare:
                tierPrice = catalogue.fileshare[cloud]
                storageUSD = storageGB * (tierPrice?.usdPerGBMonth ?? 0)
                backupUSD = usedGB * (catalogue.backup[cloud]?.usdPerGBMonth ?? 0)
            case .block:
                tierPrice = catalogue.storage[cloud]
                storageUSD = storageGB * (tierPrice?.usdPerGBMonth ?? 0)
                backupUSD = usedGB * (catalogue.backup[cloud]?.usdPerGBMonth ?? 0)
                disks = DiskLimit.published[cloud]?.disks(for: server.diskSizesGB, totalGB: storageGB) ?? 0
            }
            return CloudSizing(
                cloud: cloud, vm: vm, neededVCPUs: vcpus, neededMemoryGiB: memoryGiB, exceedsCatalogue: fit == nil,
                windows: windows,
                computeGBP: hourly * Self.hoursPerMonth * rate,
                storageTier: tier, disks: disks, storageGBP: storageUSD * rate,
                storagePriced: tierPrice != nil || storageGB == 0, backupGBP: backupUSD * rate,
                windowsLicenceGBP: windows ? (vm.windowsUSDPerHour - vm.linuxUSDPerHour) * Self.hoursPerMonth * rate : 0)
        }
        return ServerSizing(serverIndex: index, serverID: server.id, basis: basis, clouds: clouds)
    }
}
