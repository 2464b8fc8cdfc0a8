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
    public let storageGBP: Double
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
/// in the catalogue that fits, block storage for every provisioned GB and one backup copy of the used GB.
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
        let backupGB = storageGB * (server.utilisation?.storageUsedPercent ?? 100) / 100
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
            return CloudSizing(
                cloud: cloud, vm: vm, neededVCPUs: vcpus, neededMemoryGiB: memoryGiB, exceedsCatalogue: fit == nil,
                windows: windows,
                computeGBP: hourly * Self.hoursPerMonth * rate,
                storageGBP: storageGB * (catalogue.storage[cloud]?.usdPerGBMonth ?? 0) * rate,
                backupGBP: backupGB * (catalogue.backup[cloud]?.usdPerGBMonth ?? 0) * rate,
                windowsLicenceGBP: windows ? (vm.windowsUSDPerHour - vm.linuxUSDPerHour) * Self.hoursPerMonth * rate : 0)
        }
        return ServerSizing(serverIndex: index, serverID: server.id, basis: basis, clouds: clouds)
    }
}
