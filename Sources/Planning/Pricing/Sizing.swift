import CloudFirstCore
import Foundation

/// How a server's cloud size was worked out.
public enum SizingBasis: String, Sendable {
    /// From measured use: the 95th percentile times the comfort factor, as Azure Migrate's performance-based sizing.
    case utilisation
    /// As on premises: the cores and memory it has, because no utilisation was measured.
    case allocation
    /// A disaster-recovery standby, as on premises whatever it measured: idle until failover, it must then carry
    /// production's load, so its idle figures would size it too small (cloudfirst's judgement).
    case standby
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

/// A database licence a server carries, from its installed software: what it must be licensed for in the cloud.
public enum DatabaseLicence: Sendable, Hashable {
    /// SQL Server Standard or Enterprise, licensed per core in two-core packs, at least four cores a VM.
    case sqlServer(enterprise: Bool)
    /// Oracle Database Enterprise Edition (a processor licence for every two vCPUs in an authorised cloud) or
    /// Standard Edition 2 (a socket for every four vCPUs).
    case oracle(enterprise: Bool)

    /// The licence the server's software needs, if any: SQL Server Express and Developer editions need none. An
    /// edition not given counts as Enterprise, the cautious figure (the plan says which servers were counted so).
    public static func of(_ software: [Software]) -> (licence: DatabaseLicence, editionGiven: Bool)? {
        for item in software {
            let edition = item.edition ?? ""
            if ASCIISearch.contains(item.product, "sql server") {
                if ASCIISearch.containsAny(edition, ["express", "developer", "evaluation"]) { continue }
                // No edition given: Enterprise, the cautious figure (cloudfirst's judgement).
                return (.sqlServer(enterprise: edition.isEmpty || ASCIISearch.contains(edition, "enterprise")),
                        !edition.isEmpty)
            }
            if ASCIISearch.contains(item.product, "oracle database") {
                return (.oracle(enterprise: !ASCIISearch.contains(edition, "standard")), !edition.isEmpty)
            }
        }
        return nil
    }

    /// The licences a VM with this many licensed vCPUs needs: SQL Server two-core packs (at least two packs, four
    /// cores), Oracle Enterprise processor licences (one for two vCPUs) or Standard Edition 2 sockets (one for
    /// four vCPUs). Sources: Microsoft, SQL Server licensing guide (per-core, 2-core packs, four-core minimum per
    /// virtual OSE); Oracle, "Licensing Oracle Software in the Cloud Computing Environment" (authorised cloud
    /// environments).
    public func count(licensedVCPUs: Int) -> Int {
        switch self {
        case .sqlServer: max(2, (licensedVCPUs + 1) / 2)
        case .oracle(enterprise: true): (licensedVCPUs + 1) / 2
        case .oracle(enterprise: false): (licensedVCPUs + 3) / 4
        }
    }

    /// What one counted unit is called.
    public var unit: String {
        switch self {
        case .sqlServer(enterprise: true): "SQL Server Enterprise 2-core packs"
        case .sqlServer(enterprise: false): "SQL Server Standard 2-core packs"
        case .oracle(enterprise: true): "Oracle processor licences"
        case .oracle(enterprise: false): "Oracle SE2 sockets"
        }
    }

    /// The licence-included price the catalogue may hold for it; Oracle is never sold by the hour on a VM.
    var product: LicencePrice.Product? {
        switch self {
        case .sqlServer(let enterprise): enterprise ? .sqlEnterprise : .sqlStandard
        case .oracle: nil
        }
    }

    /// The vCPUs a database on a size of `vcpus` is licensed on when its work needs `needed`: AWS's Optimize CPU
    /// options set any even count (Amazon EC2 User Guide: "can help you save on licensing costs"); Azure's
    /// constrained-vCPU sizes, memory-optimised families only, run a half or a quarter of the size and no other
    /// count (Microsoft Learn, "Constrained vCPU sizes": SQL Server and Oracle licences follow the reduced count,
    /// compute is priced as the full size, e.g. Standard_E16-4s_v5). Whether Google's visible-core setting lowers a
    /// licence count was not confirmed, so on Google every vCPU of the size is counted.
    func licensedVCPUs(on cloud: Cloud, size vcpus: Int, memoryOptimised: Bool, needed work: Int) -> Int {
        let needed = max(minimumCores, work + work % 2)
        switch cloud {
        case .aws:
            return min(vcpus, needed)
        case .azure:
            guard memoryOptimised else { return vcpus }
            let quarter = vcpus % 4 == 0 ? vcpus / 4 : 0, half = vcpus % 2 == 0 ? vcpus / 2 : 0
            return [quarter, half].first { $0 >= needed && $0 >= 2 } ?? vcpus
        case .gcp:
            return vcpus
        }
    }

    /// The least cores licensed on a VM: four for SQL Server, else what it runs on.
    var minimumCores: Int {
        if case .sqlServer = self { return 4 }
        return 1
    }
}

extension Optional where Wrapped == DatabaseLicence {
    /// True for Oracle Database, whose licences are the trust's own on every cloud.
    var isOracle: Bool { if case .oracle? = self { true } else { false } }
}

/// The OS licence premium a server pays in the cloud when it keeps its operating system: Red Hat or SUSE.
enum OSLicence {
    static func of(_ os: String?) -> LicencePrice.Product? {
        guard let os else { return nil }
        if ASCIISearch.containsAny(os, ["red hat", "rhel"]) { return .rhel }
        if ASCIISearch.containsAny(os, ["suse", "sles"]) { return .sles }
        return nil
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
    /// The VM an hour times 730, at the commitment's rate (or on demand where the catalogue has none for the size),
    /// less Google's sustained-use discount where it applies, with the Windows licence unless Azure Hybrid Benefit
    /// takes it out.
    public let computeGBP: Double
    /// False when a commitment was asked for and the catalogue has no commitment rate for this size: it is priced on
    /// demand, and the plan says how many.
    public let commitmentPriced: Bool
    /// Google's sustained-use discount taken off `computeGBP`.
    public let sustainedUseGBP: Double
    /// The same size's compute pay as you go and at its three-year rate (on demand where it has none), whatever
    /// the commitment priced: the range a finance lead weighs.
    public let payAsYouGoComputeGBP: Double
    public let threeYearComputeGBP: Double
    /// False when the size has no three-year rate in the catalogue: `threeYearComputeGBP` is then on demand.
    public let threeYearPriced: Bool
    /// Where the storage goes: block storage, object storage or the managed file service.
    public let storageTier: StorageTier
    /// True when a managed service replaces the server (a replatformed backup or file server): no VM is priced.
    public var replacedByService: Bool { storageTier != .block && computeGBP == 0 && payAsYouGoComputeGBP == 0 }
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
    /// Windows licence included in `computeGBP`: what Azure Hybrid Benefit would save on Azure (0 once it is taken).
    public let windowsLicenceGBP: Double
    /// The database licence the server needs, and how many it needs on this size (`DatabaseLicence.count`), on the
    /// vCPUs it needs rather than all the size has: constrained-vCPU sizes (Azure), Optimize CPUs (AWS) and visible
    /// cores (Google) keep the licensed cores to what the work needs.
    public let databaseLicence: DatabaseLicence?
    public let licensedVCPUs: Int
    public let databaseLicenceCount: Int
    /// Licences bought by the hour from the cloud: Red Hat or SUSE, and SQL Server licence-included where the
    /// catalogue has its price (not on Azure with Azure Hybrid Benefit).
    public let licenceGBP: Double
    /// False when a licence the server needs from the cloud has no price in the catalogue here (Oracle never does):
    /// it is counted, not priced, and the plan says so.
    public let licencePriced: Bool
    /// What the licences left out of `licenceGBP` would cost on this cloud at its licence-included rate, where the
    /// catalogue has one: a SQL Server, Red Hat or SUSE licence left out because another cloud has no price for it.
    /// Not in `monthlyGBP`; the plan states it beside the figure. Oracle is never counted here.
    public let leftOutLicenceGBP: Double
    /// True when a SQL Server, Red Hat or SUSE licence left out has no price on this cloud either, so
    /// `leftOutLicenceGBP` falls short.
    public let leftOutLicenceUnpriced: Bool

    public var monthlyGBP: Double { computeGBP + storageGBP + backupGBP + licenceGBP }

    /// A licence the server needs from the cloud that is counted but not in the figure: SQL Server, Red Hat or SUSE
    /// not priced on every cloud, whatever else the server runs. Oracle is the trust's own everywhere, so never this.
    public var licenceLeftOut: Bool { leftOutLicenceGBP > 0 || leftOutLicenceUnpriced }
}

/// A server sized for every target cloud.
public struct ServerSizing: Sendable {
    public let serverIndex: Int
    public let serverID: String
    public let basis: SizingBasis
    /// True for a database server: sized on CPU with its memory as a floor.
    public let database: Bool
    /// False when the database licence's edition was not given and was counted as `DatabaseLicence.of` says.
    public let editionGiven: Bool
    public let clouds: [CloudSizing]

    public func on(_ cloud: Cloud) -> CloudSizing? { clouds.first { $0.cloud == cloud } }
}

/// Sizing: utilisation percentile times comfort factor (defaults 95 and 1.3, as Azure Migrate), the cheapest size
/// in the catalogue that fits at what the server pays for it (compute at the commitment's rate, Windows and other
/// licences). A database server is sized on CPU with its memory as a floor: a database engine takes what memory it
/// is given for its cache, so measured memory use says nothing of what it needs, while CPU does. A burstable size is
/// chosen only for a measured server whose CPU need stays under the size's baseline, and never for a database.
/// Storage by what the server is: a backup server or repository keeps its used GB in object storage at the cool or
/// infrequent-access tier and has no second copy; a file server's provisioned GB go on the managed file service;
/// every other server's provisioned GB go on block storage, split into disks within the cloud's per-disk maximum.
/// File and block servers keep one backup copy (disk snapshots) of the used GB.
public struct Sizer: Sendable {
    public let catalogue: PriceCatalogue
    public let assumptions: Assumptions
    /// Per cloud, the sizes with their Linux rate as priced here (commitment, sustained use), cheapest first.
    private let sizes: [Cloud: [Option]]
    /// Per cloud, the sizes an `Option.index` points into.
    private let vms: [Cloud: [VMPrice]]
    /// Per cloud, the size used when nothing fits.
    private let largestSizes: [Cloud: Option]
    /// The licences priced: those the catalogue prices on every target cloud. One priced on some clouds only would
    /// make those clouds look dearer for what the others leave out, so it is counted everywhere and priced nowhere.
    public let pricedLicences: Set<LicencePrice.Product>
    /// Whether burstable sizes are used: only when the catalogue has them for every target cloud, for the same
    /// reason as licences.
    public let burstable: Bool

    /// A size with what its Linux compute costs an hour here: plain numbers only, so the search over sizes for every
    /// server copies nothing that is reference-counted.
    private struct Option: Sendable {
        /// Into `vms[cloud]`.
        let index: Int
        let vcpus: Int
        let memoryGiB: Double
        /// Burstable sizes only; 0 otherwise.
        let baselineCPUPercent: Double
        /// A memory-optimised size: on Azure, one with constrained-vCPU variants.
        let memoryOptimised: Bool
        let linuxUSD: Double
        let windowsLicenceUSD: Double
        let committed: Bool
        let sustainedUseUSD: Double
        /// The Linux rate pay as you go (less any sustained-use discount) and at three years (on demand where the
        /// size has no three-year rate), for the range the plan shows.
        let payAsYouGoLinuxUSD: Double
        let threeYearLinuxUSD: Double
        /// False when the size has no three-year rate and `threeYearLinuxUSD` is its on-demand rate.
        let threeYearPriced: Bool
    }

    /// Hours in a month, as the clouds' price calculators count them.
    public static let hoursPerMonth = 730.0
    /// Bytes: the inventory's GB are base 10, while the clouds' memory and storage prices are per GiB (2^30 bytes):
    /// Google's price pages say GiB; Azure's disks are sized and priced in GiB and its snapshots billed on used GiB
    /// (Microsoft Learn, "Understand Azure Disk Storage billing"); AWS's GB-month is 2^30 bytes ("Amazon S3 FAQs":
    /// byte-hours divided by 1,073,741,824). Azure Blob's "GB" is read the same way (cloudfirst's reading).
    /// Pricing base-10 GB at a per-GiB rate would overstate storage by about 7%.
    static let gibPerGB = 1e9 / 1_073_741_824

    public init(catalogue: PriceCatalogue = .embedded, assumptions: Assumptions) {
        self.catalogue = catalogue
        self.assumptions = assumptions
        var sizes: [Cloud: [Option]] = [:], vms: [Cloud: [VMPrice]] = [:]
        let burstable = assumptions.targetClouds.allSatisfy { cloud in
            catalogue.vms(for: cloud).contains { $0.family == .burstable }
        }
        self.burstable = burstable
        for cloud in assumptions.targetClouds {
            let offered = catalogue.vms(for: cloud).filter { burstable || $0.family != .burstable }
            vms[cloud] = offered
            sizes[cloud] = offered.enumerated().map { index, vm in
                var rate = vm.linuxUSDPerHour, committed = false, sustained = 0.0
                let discount = catalogue.sustainedUseDiscount(for: vm)?.fraction ?? 0
                if let price = vm.linuxUSDPerHour(assumptions.commitment) {
                    // A commitment and the sustained-use discount do not combine on the same use.
                    sustained = assumptions.commitment == .none ? price * discount : 0
                    (rate, committed) = (price - sustained, true)
                }
                return Option(index: index, vcpus: vm.vcpus, memoryGiB: vm.memoryGiB,
                              baselineCPUPercent: vm.baselineCPUPercent ?? 0, memoryOptimised: vm.family == .memory,
                              linuxUSD: rate,
                              windowsLicenceUSD: vm.windowsLicenceUSDPerHour, committed: committed,
                              sustainedUseUSD: sustained,
                              payAsYouGoLinuxUSD: vm.linuxUSDPerHour * (1 - discount),
                              threeYearLinuxUSD: vm.linux3yUSDPerHour ?? vm.linuxUSDPerHour,
                              threeYearPriced: vm.linux3yUSDPerHour != nil)
            }.sorted { ($0.linuxUSD, offered[$0.index].sku) < ($1.linuxUSD, offered[$1.index].sku) }
        }
        self.sizes = sizes
        self.vms = vms
        pricedLicences = Set(LicencePrice.Product.allCases.filter { product in
            assumptions.targetClouds.allSatisfy { catalogue.hasLicence(product, on: $0) }
        })
        largestSizes = sizes.compactMapValues { options in
            options.max { ($0.vcpus, $0.memoryGiB) < ($1.vcpus, $1.memoryGiB) }
        }
    }

    /// Sizes a server. `managed`: its services are replatformed, so a backup or file server's work goes to the
    /// cloud's managed service (backup vault and object storage, managed file shares) and no VM is priced for it; a
    /// rehosted one keeps its VM.
    public func size(_ server: Server, at index: Int, managed: Bool = false) -> ServerSizing {
        let comfort = assumptions.comfortFactor
        let found = DatabaseLicence.of(server.software)
        let licence = found?.licence
        let database = server.role == .database || licence != nil
        let basis: SizingBasis
        var vcpus: Int
        var memoryGiB: Double
        /// vCPUs of steady demand, for a burstable size's baseline; nil when not measured.
        var demand: Double?
        if let cores = server.cpuCores, let memory = server.memoryGB {
            if server.environment == .dr {
                basis = .standby
                vcpus = cores
                memoryGiB = memory * Self.gibPerGB
            } else if let cpu = server.utilisation?.cpuP95, let used = server.utilisation?.memoryP95 {
                basis = .utilisation
                let needed = Double(cores) * cpu / 100 * comfort
                demand = needed
                vcpus = Int(needed.rounded(.up))
                // A database's memory is its cache: what it has is the floor.
                memoryGiB = memory * Self.gibPerGB * (database ? 1 : used / 100 * comfort)
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
        let windows = server.os.map { ASCIISearch.contains($0, "windows") } == true
        let osLicence = OSLicence.of(server.os)
        let storageGB = server.storageGB ?? 0
        let usedGB = storageGB * (server.utilisation?.storageUsedPercent ?? 100) / 100
        let tier = StorageTier.of(server.role)
        let usdRate = assumptions.gbpPerUSD
        let burstDemand = database ? nil : demand
        let clouds = assumptions.targetClouds.compactMap { cloud -> CloudSizing? in
            guard let options = sizes[cloud], let largest = largestSizes[cloud], let offered = vms[cloud] else {
                return nil
            }
            // Pounds for one unit of this cloud's compute currency: the stated rate for US dollars, 1 for pounds.
            let rate = catalogue.computeCurrency(cloud).gbp(perUSD: usdRate)
            let hybrid = cloud == .azure && assumptions.azureHybridBenefit
            // The vCPUs the database is licensed on, on this size (`DatabaseLicence.licensedVCPUs`).
            func licensed(_ vm: Option) -> Int {
                licence?.licensedVCPUs(on: cloud, size: vm.vcpus, memoryOptimised: vm.memoryOptimised,
                                       needed: vcpus) ?? 0
            }
            // What the server pays an hour on a size beyond its Linux compute: the Windows licence, its OS premium,
            // SQL Server licence-included; `priced` false when a licence it needs has no price here. A licence this
            // cloud prices but another does not is left out of `licence` (like with like) and its price kept in
            // `leftOut`, so that the plan can say what the exclusion is worth; `leftOutUnknown` when this cloud has
            // no price for it either.
            func extras(_ vm: Option) -> (windows: Double, licence: Double, priced: Bool, leftOut: Double,
                                          leftOutUnknown: Bool) {
                var extra = 0.0, priced = true, leftOut = 0.0, unknown = false
                func add(_ product: LicencePrice.Product, vcpus: Int) {
                    guard let price = catalogue.licence(product, on: cloud, vcpus: vm.vcpus) else {
                        priced = false
                        unknown = true
                        return
                    }
                    if pricedLicences.contains(product) {
                        extra += price.usdPerHour(vcpus: vcpus)
                    } else {
                        priced = false
                        leftOut += price.usdPerHour(vcpus: vcpus)
                    }
                }
                if let product = osLicence { add(product, vcpus: vm.vcpus) }
                if let licence, !hybrid || licence.product == nil {
                    if let product = licence.product {
                        // Licence-included SQL Server is billed on the constrained count on Azure, on the size's
                        // vCPUs elsewhere.
                        let billed = cloud == .azure ? licensed(vm) : vm.vcpus
                        add(product, vcpus: max(licence.minimumCores, billed))
                    } else { priced = false }
                }
                return (windows && !hybrid ? vm.windowsLicenceUSD : 0, extra, priced, leftOut, unknown)
            }
            func fits(_ option: Option) -> Bool {
                guard option.vcpus >= vcpus, option.memoryGiB >= memoryGiB else { return false }
                guard option.baselineCPUPercent > 0 else { return true }
                return burstDemand.map { $0 <= Double(option.vcpus) * option.baselineCPUPercent / 100 } ?? false
            }
            // The cheapest that fits at the price this server pays. Without licences the first fit is the
            // cheapest (sorted by Linux rate); with them, the licence per vCPU can make another size cheaper.
            // One pass, no allocation: this runs for every server on every cloud.
            let plain = !windows || hybrid
            var fit: Option?
            var best = Double.infinity
            for option in options where fits(option) {
                if plain && osLicence == nil && licence == nil { fit = option; break }
                let extra = extras(option)
                let total = option.linuxUSD + extra.windows + extra.licence
                if total < best { best = total; fit = option }
            }
            let chosen = fit ?? largest
            let vm = offered[chosen.index]
            let extra = extras(chosen)
            // The clouds price storage per GiB (`gibPerGB`); the inventory's GB are base 10.
            let storageGiB = storageGB * Self.gibPerGB, usedGiB = usedGB * Self.gibPerGB
            // Each storage row in its own currency: the stated rate for US dollars, 1 for pounds.
            let storageUSD: Double
            let backupUSD: Double
            let backupRate = (catalogue.backup[cloud]?.currency ?? .usd).gbp(perUSD: usdRate)
            var disks = 0
            let tierPrice: StoragePrice?
            switch tier {
            case .object:
                tierPrice = catalogue.object[cloud]
                storageUSD = usedGiB * (tierPrice?.usdPerGBMonth ?? 0)
                backupUSD = 0
            case .fileshare:
                tierPrice = catalogue.fileshare[cloud]
                storageUSD = storageGiB * (tierPrice?.usdPerGBMonth ?? 0)
                backupUSD = usedGiB * (catalogue.backup[cloud]?.usdPerGBMonth ?? 0)
            case .block:
                tierPrice = catalogue.storage[cloud]
                storageUSD = storageGiB * (tierPrice?.usdPerGBMonth ?? 0)
                backupUSD = usedGiB * (catalogue.backup[cloud]?.usdPerGBMonth ?? 0)
                disks = DiskLimit.published[cloud]?.disks(for: server.diskSizesGB, totalGB: storageGB) ?? 0
            }
            // A managed service replaces the VM: nothing for compute or licences.
            let monthly = tier != .block && managed ? 0 : Self.hoursPerMonth * rate
            let licensedVCPUs = licensed(chosen)
            return CloudSizing(
                cloud: cloud, vm: vm, neededVCPUs: vcpus, neededMemoryGiB: memoryGiB, exceedsCatalogue: fit == nil,
                windows: windows, computeGBP: (chosen.linuxUSD + extra.windows) * monthly,
                commitmentPriced: chosen.committed, sustainedUseGBP: chosen.sustainedUseUSD * monthly,
                payAsYouGoComputeGBP: (chosen.payAsYouGoLinuxUSD + extra.windows) * monthly,
                threeYearComputeGBP: (chosen.threeYearLinuxUSD + extra.windows) * monthly,
                threeYearPriced: chosen.threeYearPriced || monthly == 0,
                storageTier: tier, disks: disks,
                storageGBP: storageUSD * (tierPrice?.currency ?? .usd).gbp(perUSD: usdRate),
                storagePriced: tierPrice != nil || storageGB == 0, backupGBP: backupUSD * backupRate,
                windowsLicenceGBP: extra.windows * monthly, databaseLicence: licence,
                licensedVCPUs: licensedVCPUs,
                databaseLicenceCount: licence?.count(licensedVCPUs: licensedVCPUs) ?? 0,
                licenceGBP: extra.licence * monthly, licencePriced: extra.priced,
                leftOutLicenceGBP: extra.leftOut * monthly, leftOutLicenceUnpriced: extra.leftOutUnknown)
        }
        return ServerSizing(serverIndex: index, serverID: server.id, basis: basis, database: database,
                            editionGiven: found?.editionGiven ?? true, clouds: clouds)
    }
}
