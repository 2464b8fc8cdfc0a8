import CloudFirstCore
import Foundation

/// The currency a catalogue row is priced in: US dollars (the embedded catalogue, and a row whose `currency` column is
/// empty or absent), or pounds as the source publishes them (Azure's Retail Prices API asked with
/// `currencyCode='GBP'`). A plan converts US-dollar rows at assumptions.gbp_per_usd and takes pound rows as they are.
public enum PriceCurrency: String, Sendable, Hashable {
    case usd = "USD"
    case gbp = "GBP"

    /// Pounds for one unit of this currency: 1 for pounds, the stated rate for US dollars.
    public func gbp(perUSD rate: Double) -> Double { self == .gbp ? 1 : rate }
}

/// A VM size a cloud sells, with its on-demand list price and, where the catalogue has them, its one- and
/// three-year commitment rates. The `USD` in the price fields' names is the catalogue's column names; the amounts
/// are in `currency`.
///
/// A class, immutable and shared: every server's sizing on every cloud points at its catalogue row, and copying a
/// sizing then costs one reference, not one for each of the row's strings.
public final class VMPrice: Sendable {
    public enum Family: String, Sendable {
        case general, memory, compute
        /// Burstable sizes (Azure B-series, AWS T3, Google shared-core E2): a baseline share of each vCPU, bursting
        /// above it on credits; only for small servers whose measured use stays under the baseline.
        case burstable
    }

    public let cloud: Cloud
    public let region: String
    public let sku: String
    public let family: Family
    public let vcpus: Int
    /// GiB, as the clouds state it.
    public let memoryGiB: Double
    /// Burstable sizes: the share of each vCPU it may use all the time, percent.
    public let baselineCPUPercent: Double?
    /// USD an hour, Linux (no licence).
    public let linuxUSDPerHour: Double
    /// USD an hour with the Windows Server licence included.
    public let windowsUSDPerHour: Double
    /// USD an hour, Linux, with a one-year and a three-year commitment, where the catalogue has them.
    public let linux1yUSDPerHour: Double?
    public let linux3yUSDPerHour: Double?
    public let source: String
    public let dataDate: String
    public let note: String
    /// The currency of the rates above.
    public let currency: PriceCurrency

    public init(cloud: Cloud, region: String, sku: String, family: Family, vcpus: Int, memoryGiB: Double,
                baselineCPUPercent: Double?, linuxUSDPerHour: Double, windowsUSDPerHour: Double,
                linux1yUSDPerHour: Double?, linux3yUSDPerHour: Double?, source: String, dataDate: String,
                note: String, currency: PriceCurrency = .usd) {
        self.currency = currency
        self.cloud = cloud
        self.region = region
        self.sku = sku
        self.family = family
        self.vcpus = vcpus
        self.memoryGiB = memoryGiB
        self.baselineCPUPercent = baselineCPUPercent
        self.linuxUSDPerHour = linuxUSDPerHour
        self.windowsUSDPerHour = windowsUSDPerHour
        self.linux1yUSDPerHour = linux1yUSDPerHour
        self.linux3yUSDPerHour = linux3yUSDPerHour
        self.source = source
        self.dataDate = dataDate
        self.note = note
    }

    /// The Windows Server licence an hour: what the Windows price adds to the Linux one.
    public var windowsLicenceUSDPerHour: Double { windowsUSDPerHour - linuxUSDPerHour }

    /// The Linux rate under a commitment; nil when the catalogue has none for this size.
    public func linuxUSDPerHour(_ commitment: Commitment) -> Double? {
        switch commitment {
        case .none: linuxUSDPerHour
        case .oneYear: linux1yUSDPerHour
        case .threeYear: linux3yUSDPerHour
        }
    }
}

/// A licence a cloud sells by the hour on top of the Linux compute price: Red Hat Enterprise Linux, SUSE Linux
/// Enterprise Server, SQL Server Standard or Enterprise. Some are priced per VM within a band of vCPUs, some per vCPU.
public struct LicencePrice: Sendable, Hashable {
    public enum Product: String, Sendable, CaseIterable {
        case rhel, sles
        case sqlStandard = "sql-standard", sqlEnterprise = "sql-enterprise"
    }

    public let cloud: Cloud
    public let product: Product
    /// The band's largest VM, vCPUs; nil for any size.
    public let maxVCPUs: Int?
    public let usdPerHour: Double
    /// True when `usdPerHour` is per vCPU; false when per VM in the band.
    public let perVCPU: Bool
    public let source: String
    public let dataDate: String
    public let note: String
    /// The currency of `usdPerHour`.
    public var currency: PriceCurrency = .usd

    /// USD an hour for this many vCPUs.
    public func usdPerHour(vcpus: Int) -> Double { perVCPU ? usdPerHour * Double(vcpus) : usdPerHour }
}

/// A discount a cloud applies by itself: Google's sustained-use discount on a machine series run all month.
public struct DiscountRate: Sendable, Hashable {
    public let cloud: Cloud
    /// The machine series it applies to, as the size names begin (`n2`, `n1`).
    public let series: String
    /// The share taken off the compute price for a full month.
    public let fraction: Double
    public let source: String
    public let dataDate: String
    public let note: String

    /// Whether it applies to this size.
    public func applies(to vm: VMPrice) -> Bool { vm.cloud == cloud && vm.sku.hasPrefix(series + "-") }
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
    /// The price per GiB-month, in `currency`.
    public let usdPerGBMonth: Double
    public let source: String
    public let dataDate: String
    public let note: String
    /// The currency of `usdPerGBMonth`.
    public var currency: PriceCurrency = .usd
}

/// The embedded, dated price catalogue (Catalogues/prices.csv): public on-demand list prices in US dollars for the UK
/// regions, each row with its source and the date of its data. A refreshed catalogue may add a last column,
/// `currency` (`USD`, `GBP`, or empty for USD), so that a row can be priced in pounds as its source publishes it; a
/// cloud's VM sizes and licences share one currency, so that sizes compare within a cloud without a rate.
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
    /// Licences sold by the hour on top of the Linux price, by cloud and product, smallest band first.
    public let licences: [Cloud: [LicencePrice.Product: [LicencePrice]]]
    /// Discounts a cloud applies by itself.
    public let discounts: [DiscountRate]

    public static let embedded: PriceCatalogue = {
        do {
            return try PriceCatalogue(csv: EmbeddedPrices.text)
        } catch {
            preconditionFailure("the embedded price catalogue does not parse: \(error)")
        }
    }()

    /// Where a catalogue read from a file came from, in a sentence for the plan's notes; nil for the embedded one.
    public var provenance: String?

    /// Where the CSV does not parse: its header, or a row's line.
    public typealias CatalogueError = CatalogueParseError

    /// A catalogue in the embedded one's format read from a file (a refreshed catalogue); `provenance` says where it
    /// came from. Every row is checked as the embedded one's are.
    public init(contentsOfFile path: String, provenance: String?) throws {
        self = try CatalogueFileError.reading(path, catalogue: "price", header: Self.header,
                                              rowRule: "every row needs a positive price, a source and a date, and a "
                                                  + "currency of USD or GBP, one for a cloud's sizes and licences") {
            try Self(csv: $0)
        }
        self.provenance = provenance
    }

    static let header = ["kind", "cloud", "region", "sku", "family", "vcpu", "memory_gib", "baseline_cpu_pct", "usd",
                         "windows_usd", "usd_1y", "usd_3y", "unit", "source", "data_date", "note"]
    /// The header of a catalogue with a currency column: `header` and `currency`.
    public static let currencyHeader = header + ["currency"]

    public init(csv: String) throws {
        let rows = try CSV.parse(csv)
        guard let header = rows.first, header == Self.header || header == Self.currencyHeader else {
            throw CatalogueError.header
        }
        var vms: [VMPrice] = []
        /// The currency of each cloud's VM sizes and licences, from its first such row.
        var computeCurrency: [Cloud: PriceCurrency] = [:]
        var prices: [StoragePrice.Kind: [Cloud: StoragePrice]] = [:]
        var licences: [Cloud: [LicencePrice.Product: [LicencePrice]]] = [:]
        var discounts: [DiscountRate] = []
        for (offset, fields) in rows.dropFirst().enumerated() where fields != [""] {
            let line = offset + 2
            guard fields.count == header.count else { throw CatalogueError.row(line) }
            let row = Row(fields)
            // Every row has a price, a source and a date.
            guard let cloud = Cloud(rawValue: row.cloud), let usd = Double(row.usd), usd > 0, !row.source.isEmpty,
                  !row.dataDate.isEmpty, let currency = PriceCurrency(rawValue: row.currency.isEmpty ? "USD" : row.currency)
            else { throw CatalogueError.row(line) }
            if row.kind == "vm" || row.kind == "licence" {
                guard computeCurrency[cloud, default: currency] == currency else { throw CatalogueError.row(line) }
                computeCurrency[cloud] = currency
            }
            switch row.kind {
            case "vm":
                guard let family = VMPrice.Family(rawValue: row.family), let vcpus = Int(row.vcpu), vcpus > 0,
                      let memory = Double(row.memoryGiB), memory > 0, let windows = Double(row.windowsUSD),
                      windows >= usd, row.unit == "hour",
                      let oneYear = row.optionalPrice(row.usd1y, below: usd),
                      let threeYear = row.optionalPrice(row.usd3y, below: oneYear ?? usd),
                      let baseline = row.optionalPercent(row.baseline), (baseline != nil) == (family == .burstable)
                else { throw CatalogueError.row(line) }
                vms.append(VMPrice(cloud: cloud, region: row.region, sku: row.sku, family: family, vcpus: vcpus,
                                   memoryGiB: memory, baselineCPUPercent: baseline, linuxUSDPerHour: usd,
                                   windowsUSDPerHour: windows, linux1yUSDPerHour: oneYear,
                                   linux3yUSDPerHour: threeYear, source: row.source, dataDate: row.dataDate,
                                   note: row.note, currency: currency))
            case "licence":
                guard let product = LicencePrice.Product(rawValue: row.sku), ["hour", "vcpu-hour"].contains(row.unit),
                      row.vcpu.isEmpty || Int(row.vcpu).map({ $0 > 0 }) == true else { throw CatalogueError.row(line) }
                licences[cloud, default: [:]][product, default: []].append(LicencePrice(
                    cloud: cloud, product: product, maxVCPUs: Int(row.vcpu), usdPerHour: usd,
                    perVCPU: row.unit == "vcpu-hour", source: row.source, dataDate: row.dataDate, note: row.note,
                    currency: currency))
            case "discount":
                guard row.sku == "sustained-use", !row.family.isEmpty, row.unit == "fraction", usd < 1 else {
                    throw CatalogueError.row(line)
                }
                discounts.append(DiscountRate(cloud: cloud, series: row.family, fraction: usd, source: row.source,
                                              dataDate: row.dataDate, note: row.note))
            case let kind where StoragePrice.Kind(rawValue: kind) != nil:
                // One row a kind and cloud: a second would silently replace the first.
                guard let kind = StoragePrice.Kind(rawValue: kind), row.unit == "GB-month",
                      prices[kind]?[cloud] == nil else { throw CatalogueError.row(line) }
                prices[kind, default: [:]][cloud] = StoragePrice(
                    cloud: cloud, region: row.region, product: row.sku, usdPerGBMonth: usd, source: row.source,
                    dataDate: row.dataDate, note: row.note, currency: currency)
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
        // Smallest band first; the band for any size last.
        self.licences = licences.mapValues { byProduct in
            byProduct.mapValues { $0.sorted { ($0.maxVCPUs ?? .max) < ($1.maxVCPUs ?? .max) } }
        }
        self.discounts = discounts
        self.computeCurrencies = computeCurrency
    }

    /// The currency of each cloud's VM sizes and licences (US dollars for a cloud with none).
    private let computeCurrencies: [Cloud: PriceCurrency]

    /// The currency a cloud's VM sizes and licences are priced in.
    public func computeCurrency(_ cloud: Cloud) -> PriceCurrency { computeCurrencies[cloud] ?? .usd }

    /// The currencies of a cloud's priced rows (sizes, licences, storage): what the plan's notes say of it.
    public func currencies(_ cloud: Cloud) -> Set<PriceCurrency> {
        var found = Set(vms(for: cloud).map(\.currency))
        found.formUnion(storageRows.filter { $0.cloud == cloud }.map(\.currency))
        found.formUnion((licences[cloud] ?? [:]).values.joined().map(\.currency))
        return found
    }

    /// One catalogue row, its fields by name; `currency` is empty in a catalogue without the column.
    private struct Row {
        let kind, cloud, region, sku, family, vcpu, memoryGiB, baseline, usd, windowsUSD, usd1y, usd3y, unit,
            source, dataDate, note, currency: String

        init(_ f: [String]) {
            (kind, cloud, region, sku, family, vcpu, memoryGiB, baseline) = (f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7])
            (usd, windowsUSD, usd1y, usd3y, unit, source, dataDate, note) = (f[8], f[9], f[10], f[11], f[12], f[13],
                                                                             f[14], f[15])
            currency = f.count > 16 ? f[16] : ""
        }

        /// An optional price: `.some(nil)` when empty, the value when positive and no more than `ceiling` (a
        /// commitment never costs more than what it commits against), nil (malformed) otherwise.
        func optionalPrice(_ text: String, below ceiling: Double) -> Double?? {
            if text.isEmpty { return .some(nil) }
            guard let value = Double(text), value > 0, value <= ceiling else { return nil }
            return .some(value)
        }

        func optionalPercent(_ text: String) -> Double?? {
            if text.isEmpty { return .some(nil) }
            guard let value = Double(text), value > 0, value <= 100 else { return nil }
            return .some(value)
        }
    }

    /// The hourly price of a licence on a VM of this many vCPUs: the smallest band that holds it; nil when the
    /// catalogue has no price for it on this cloud.
    public func licence(_ product: LicencePrice.Product, on cloud: Cloud, vcpus: Int) -> LicencePrice? {
        licences[cloud]?[product]?.first { ($0.maxVCPUs ?? .max) >= vcpus }
    }

    /// Whether the catalogue prices this licence on this cloud, for any size.
    public func hasLicence(_ product: LicencePrice.Product, on cloud: Cloud) -> Bool {
        licences[cloud]?[product]?.isEmpty == false
    }

    /// Google's sustained-use discount for this size, when Google applies one to its series.
    public func sustainedUseDiscount(for vm: VMPrice) -> DiscountRate? {
        discounts.first { $0.applies(to: vm) }
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
    public var dataDates: (earliest: String, latest: String) { dataDates(of: nil) }

    /// The earliest and latest dates of one cloud's rows: the oldest price a cloud's figure rests on.
    public func dataDates(for cloud: Cloud) -> (earliest: String, latest: String) { dataDates(of: cloud) }

    private func dataDates(of cloud: Cloud?) -> (earliest: String, latest: String) {
        func keep(_ rowCloud: Cloud) -> Bool { cloud == nil || rowCloud == cloud }
        var texts: [String] = vms.filter { keep($0.cloud) }.map(\.dataDate)
        texts += storageRows.filter { keep($0.cloud) }.map(\.dataDate)
        for (rowCloud, products) in licences where keep(rowCloud) {
            texts += products.values.joined().map(\.dataDate)
        }
        texts += discounts.filter { keep($0.cloud) }.map(\.dataDate)
        let dates = texts.compactMap(Self.firstDate).sorted()
        return (dates.first ?? "", dates.last ?? "")
    }

    /// The first date in a row's data-date text: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as the regular expression
    /// `\d{4}(-\d{2}(-\d{2})?)?` finds it, scanned by hand because every plan reads every row's.
    static func firstDate(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        func digits(_ from: Int, _ count: Int) -> Bool {
            from + count <= bytes.count && bytes[from..<from + count].allSatisfy { (0x30...0x39).contains($0) }
        }
        for start in bytes.indices where digits(start, 4) {
            var end = start + 4
            if end < bytes.count, bytes[end] == UInt8(ascii: "-"), digits(end + 1, 2) {
                end += 3
                if end < bytes.count, bytes[end] == UInt8(ascii: "-"), digits(end + 1, 2) { end += 3 }
            }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
        return nil
    }
}
