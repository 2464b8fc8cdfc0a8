import Assessment
import CloudFirstCore
import Foundation

/// The plan's notes: what its figures are, how they were made, and what they leave out, each a sentence a finance
/// lead can check. One step a kind of note, in the order the plan prints them.
extension Planner {
    static func notes(sizing: [ServerSizing], sizer: Sizer, assessment: EstateAssessment, assumptions: Assumptions,
                      moving: [Int], strategyOf: [MigrationStrategy], onPremises: OnPremisesCost) -> [String] {
        catalogueNotes(sizer: sizer, assessment: assessment)
            + pricingNotes(sizing: sizing, sizer: sizer, assumptions: assumptions)
            + sizingNotes(sizing: sizing, assumptions: assumptions)
            + standbyNotes(sizing: sizing, assumptions: assumptions)
            + licensingNotes(sizing: sizing, assessment: assessment, assumptions: assumptions)
            + scopeNotes(sizing: sizing, sizer: sizer, estate: assessment.estate, assumptions: assumptions,
                         moving: moving, strategyOf: strategyOf, onPremises: onPremises)
    }

    /// Which catalogues the plan read when either is a refreshed one (`cloudfirst catalogue refresh`): its source,
    /// fetch time and hash. Nothing for the embedded catalogues, which the pricing note and `--version` name.
    static func catalogueNotes(sizer: Sizer, assessment: EstateAssessment) -> [String] {
        [sizer.catalogue.provenance, assessment.context.lifecycle.provenance].compactMap { $0 }
    }

    /// Which prices: list or commitment rates, the exchange rate, the hours, the three-year range, discounts
    /// taken off, and burstable sizes.
    static func pricingNotes(sizing: [ServerSizing], sizer: Sizer, assumptions: Assumptions) -> [String] {
        var notes: [String] = []
        let rate = String(format: "%.2f", assumptions.gbpPerUSD)
        let clouds = assumptions.targetClouds
        let pricing = switch assumptions.commitment {
        case .none: "public pay-as-you-go list prices"
        case .oneYear: "public one-year commitment rates (Azure reserved VM instances, AWS reserved instances or "
            + "savings plans, Google committed use), with licences at their pay-as-you-go rates,"
        case .threeYear: "public three-year commitment rates (Azure reserved VM instances, AWS reserved instances or "
            + "savings plans, Google committed use), with licences at their pay-as-you-go rates,"
        }
        notes.append("Prices are \(pricing) \(currencyClause(sizer.catalogue, clouds: clouds, rate: rate)), for "
            + "\(Int(Sizer.hoursPerMonth)) hours a month. "
            + (assumptions.commitment == .none ? "Commitments are not applied: run with --commitment 1y or 3y "
                + "(assumptions.commitment) to price them." : "A commitment is paid whether the VM runs or not."))
        if assumptions.commitment != .none {
            let onDemand = sizing.count { $0.clouds.contains { !$0.commitmentPriced } }
            if onDemand > 0 {
                notes.append("\(onDemand) \(onDemand == 1 ? "server's size has" : "servers' sizes have") no "
                    + "commitment rate in the catalogue on some cloud and \(onDemand == 1 ? "is" : "are") priced on "
                    + "demand there.")
            }
        }
        // The range's three-year end prices the sizes this plan chose: where a size has no three-year rate it is on
        // demand there, and the end is higher than a three-year plan would be.
        let noThreeYear = clouds.compactMap { cloud -> String? in
            let count = sizing.count { $0.on(cloud).map { !$0.threeYearPriced } ?? false }
            return count > 0 ? "\(count) on \(cloud.displayName)" : nil
        }
        notes.append("The range from pay as you go to a 3-year commitment prices the same sizes at both ends, the "
            + "sizes this plan chose" + (noThreeYear.isEmpty ? "." : "; servers whose size has no three-year rate in "
                + "the catalogue (\(noThreeYear.joined(separator: ", "))) are on demand at the three-year end, so that "
                + "end is an upper bound.") + " A plan run with --commitment 3y chooses its sizes on the three-year rates "
            + "and can differ.")
        let sustained = clouds.compactMap { cloud -> String? in
            let saved = Self.total(of: \.sustainedUseGBP, on: cloud, in: sizing)
            return saved > 0 ? "GBP \(Int(saved.rounded())) a month on \(cloud.displayName)" : nil
        }
        if !sustained.isEmpty {
            notes.append("Google's sustained-use discount, which Google applies by itself to machine series such as "
                + "N2 running all month, is taken off: \(sustained.joined(separator: ", ")) (the catalogue's "
                + "discount rows name the source).")
        }
        if !sizer.burstable, clouds.contains(where: { cloud in
            sizer.catalogue.vms(for: cloud).contains { $0.family == .burstable }
        }) {
            let without = clouds.filter { cloud in !sizer.catalogue.vms(for: cloud).contains { $0.family == .burstable } }
            notes.append("Burstable sizes are not used: the catalogue has no UK price for them on "
                + without.map(\.displayName).joined(separator: " or ") + ", and using them on the other clouds "
                + "only would not compare like with like. Small, idle servers may cost less on them.")
        }
        let burstable = sizing.count { $0.clouds.contains { $0.vm.family == .burstable } }
        if burstable > 0 {
            notes.append("\(burstable) small, mostly idle \(burstable == 1 ? "server is" : "servers are") given a "
                + "burstable size (Azure B-series, AWS T3, Google shared-core E2) where its measured CPU stays under "
                + "the size's baseline; a server that outgrows the baseline pays for credits or needs resizing.")
        }
        return notes
    }

    /// Which clouds were priced in pounds as the source publishes them and which were converted from US dollars: all
    /// in dollars (the embedded catalogue) reads as it always has.
    static func currencyClause(_ catalogue: PriceCatalogue, clouds: [Cloud], rate: String) -> String {
        let converted = "converted at \(rate) GBP per USD (set assumptions.gbp_per_usd)"
        let currencies = clouds.map { catalogue.currencies($0) }
        guard currencies.contains(where: { $0.contains(.gbp) }) else {
            return "in US dollars for the UK regions, " + converted
        }
        func names(_ keep: (Set<PriceCurrency>) -> Bool) -> String {
            zip(clouds, currencies).filter { keep($1) }.map(\.0.displayName).joined(separator: " and ")
        }
        var parts = ["in pounds as the source publishes them for " + names { $0 == [.gbp] }]
        let mixed = names { $0.count > 1 }
        if !mixed.isEmpty {
            parts.append("partly in pounds from the source and partly in US dollars for " + mixed)
        }
        let dollars = names { $0 == [.usd] }
        if !dollars.isEmpty { parts.append("in US dollars for " + dollars) }
        parts.removeAll { $0.hasSuffix(" for ") }
        return "for the UK regions, " + parts.joined(separator: "; ") + "; US-dollar rows " + converted
    }

    /// How servers were sized and their storage priced, and those sized without measurements.
    static func sizingNotes(sizing: [ServerSizing], assumptions: Assumptions) -> [String] {
        var notes: [String] = []
        notes.append("Sizing: CPU and memory at the 95th percentile times a comfort factor of "
            + "\(assumptions.comfortFactor), the cheapest size that fits at what the server pays for it, licences "
            + "included; without utilisation, the size the server has on premises. A database server is sized on CPU "
            + "with the memory it has as a floor, since a database engine fills its memory with cache. Storage by what "
            + "the server is: a backup server or repository keeps its used GB in object storage at the cool tier "
            + "(Azure Blob Cool, S3 Standard-IA, Cloud Storage Nearline) with no second copy, and a replatformed one "
            + "becomes the cloud's backup service with no VM (its per-instance protection fees are not priced); a file "
            + "server's provisioned GB go on the managed file service (Azure Files, FSx for Windows File Server, "
            + "Filestore), with no VM when replatformed; every other server's provisioned GB go on block storage "
            + "(Azure Standard SSD, EBS gp3, pd-balanced), split into disks within each cloud's per-disk maximum. File "
            + "and block servers keep one backup copy of the used GB as disk snapshots. Storage is priced per GiB, as "
            + "the clouds bill it: the inventory's GB are base 10, so 1,000 GB is priced as 931 GiB.")
        let unpriced = sizing.count { $0.clouds.contains { !$0.storagePriced } }
        if unpriced > 0 {
            notes.append("\(unpriced) server\(unpriced == 1 ? "'s" : "s'") storage has no price in the catalogue for "
                + "its tier on some cloud (no public UK-region file-service price has been found yet): that storage "
                + "is left out of the totals, not priced as block storage.")
        }
        let byBasis = countByBasis(sizing)
        if let allocation = byBasis[.allocation] {
            let which = allocation == 1 ? "1 server has no utilisation and is sized as on premises: measure it"
                : "\(allocation) servers have no utilisation and are sized as on premises: measure them"
            notes.append(which + " for a lower figure.")
        }
        return notes
    }

    /// Disaster-recovery standbys (and the SQL Server licences a passive one may not need), and servers sized on
    /// a guess.
    static func standbyNotes(sizing: [ServerSizing], assumptions: Assumptions) -> [String] {
        var notes: [String] = []
        let clouds = assumptions.targetClouds
        let byBasis = countByBasis(sizing)
        // A passive DR copy of SQL Server under Software Assurance needs no licence of its own.
        var passiveSQL = 0
        var passivePacks = [Int](repeating: 0, count: clouds.count)
        var passiveGBP = [Double](repeating: 0, count: clouds.count)
        for sized in sizing where sized.basis == .standby {
            guard sized.clouds.contains(where: { if case .sqlServer? = $0.databaseLicence { true } else { false } })
            else { continue }
            passiveSQL += 1
            for on in sized.clouds {
                guard let at = clouds.firstIndex(of: on.cloud) else { continue }
                passivePacks[at] += on.databaseLicenceCount
                passiveGBP[at] += on.licenceGBP + on.leftOutLicenceGBP
            }
        }
        if passiveSQL > 0 {
            let valued = zip(clouds, passiveGBP).filter { $1 >= 0.5 }
                .map { "GBP \(PlanFormatting.pounds($1)) a month on \($0.displayName)" }
            notes.append("\(passiveSQL) of the SQL Server \(passiveSQL == 1 ? "servers is a" : "servers are") "
                + "disaster-recovery \(passiveSQL == 1 ? "standby" : "standbys"), counted in Database licences ("
                + zip(clouds, passivePacks).map { "\($1) 2-core packs on \($0.displayName)" }.joined(separator: ", ")
                + (valued.isEmpty ? "" : "; in the licence figures at " + valued.joined(separator: ", "))
                + "): a passive DR replica that serves no users needs no licence of its own while the primary's "
                + "licences carry Software Assurance (Microsoft, SQL Server licensing guide, failover rights for "
                + "disaster recovery in the cloud), so the trust may not need them; confirm with its licensing partner.")
        }
        if let standby = byBasis[.standby] {
            notes.append("\(standby) disaster-recovery \(standby == 1 ? "standby is" : "standbys are") sized as on "
                + "premises, not on \(standby == 1 ? "its" : "their") idle measurements: on failover "
                + "\(standby == 1 ? "it carries" : "they carry") production's load. A pilot-light or warm standby in "
                + "the cloud would cost less until then.")
        }
        if let assumed = byBasis[.assumed] {
            notes.append("\(assumed) \(assumed == 1 ? "server gives" : "servers give") no cores or memory and "
                + "\(assumed == 1 ? "is" : "are") sized at the smallest VM: the figure is a guess.")
        }
        return notes
    }

    /// Azure Hybrid Benefit, applied or not, and Microsoft's extended security updates, free on Azure.
    static func licensingNotes(sizing: [ServerSizing], assessment: EstateAssessment, assumptions: Assumptions) -> [String] {
        var notes: [String] = []
        if assumptions.azureHybridBenefit {
            notes.append("Azure Hybrid Benefit is applied: the Azure figure leaves out Windows Server and SQL Server "
                + "licences, which the trust brings with Software Assurance or subscriptions (Microsoft, \"Azure "
                + "Hybrid Benefit\"), while the other clouds' figures include Windows Server licences: the clouds do "
                + "not compare like with like on Windows until the trust's own licence costs are added to Azure's.")
        } else {
            let licence = Self.total(of: \.windowsLicenceGBP, on: .azure, in: sizing)
            if licence > 0 {
                notes.append("Azure Hybrid Benefit: Windows Server licences with Software Assurance would take about "
                    + "GBP " + String(format: "%.0f", licence) + " a month off the Azure figure, which includes Windows "
                    + "licences (run with --azure-hybrid-benefit to price it).")
            }
        }
        // Only Microsoft's extended security updates are free on Azure (REFERENCE.md section 4).
        let asOf = assessment.asOf
        func inPaidExtension(_ entry: LifecycleEntry?) -> Bool {
            guard let entry, ["Windows Server", "SQL Server"].contains(entry.product),
                  let standardEnd = entry.standardSupportEnds, let esuEnd = entry.esuEnd else { return false }
            return asOf > standardEnd && asOf <= esuEnd
        }
        // Names placed as the rules placed them, from the assessment's context (each distinct name placed once).
        let context = assessment.context
        let esuServers = sizing.count { sized in
            let server = assessment.estate.servers[sized.serverIndex]
            if let os = server.os, inPaidExtension(context.operatingSystem(named: os)) { return true }
            return server.software.contains { inPaidExtension(context.database(of: $0)) }
        }
        if esuServers > 0 {
            notes.append("\(esuServers) moving \(esuServers == 1 ? "server runs" : "servers run") Windows Server or SQL "
                + "Server on paid extended security updates: Microsoft gives ESU free on Azure for the versions it "
                + "names (REFERENCE.md section 4), which favours Azure for them until they are upgraded.")
        }
        return notes
    }

    /// What the figures leave out: unquoted subscriptions, connectivity and egress, licences left out, and the
    /// on-premises figure they are compared with.
    static func scopeNotes(sizing: [ServerSizing], sizer: Sizer, estate: Estate, assumptions: Assumptions, moving: [Int],
                           strategyOf: [MigrationStrategy], onPremises: OnPremisesCost) -> [String] {
        var notes: [String] = []
        let repurchased = moving.filter { strategyOf[$0] == .repurchase }
        let unquoted = Self.unquotedSubscriptions(moving, estate: estate) { strategyOf[$0] }
        if !repurchased.isEmpty {
            notes.append("\(repurchased.count) \(repurchased.count == 1 ? "service is" : "services are") repurchased "
                + "as SaaS and their servers are not sized; "
                + (unquoted.isEmpty ? "every subscription is the inventory's quote (supplier.subscription_monthly_gbp)."
                    : "\(unquoted.count) \(unquoted.count == 1 ? "subscription is" : "subscriptions are") not in these "
                        + "figures: give supplier.subscription_monthly_gbp."))
        }
        notes.append("Not in the cloud figures, and to add before comparing: HSCN or private circuits to the cloud, "
            + "data egress, and running old and new side by side during each cut-over (cloudfirst has no public "
            + "figure for them).")
        notes.append(contentsOf: licenceNotes(sizing: sizing, assumptions: assumptions, sizer: sizer))
        notes.append(onPremises.given
            ? "The on-premises figure is the inventory's (assumptions.on_premises_monthly_gbp)."
            : "No on-premises cost is given, so the plan does not compare. cloudfirst's partial model, its own "
                + "illustration and not a sourced figure, comes to GBP "
                + PlanFormatting.pounds(onPremises.monthlyGBP) + " a month for this estate's powered-on servers: "
                + "per physical server GBP " + String(format: "%.0f", OnPremisesModel.physicalServerMonthlyGBP)
                + " a month (0.35 kW at a PUE of 1.8 and GBP 0.25 a kWh for power and cooling, hardware of GBP 7,000 "
                + "refreshed every five years, GBP 60 of support and GBP 25 of space), a virtual machine a tenth of "
                + "that. It leaves out storage, hypervisor subscriptions, operating system and database licences, "
                + "the DR site and staff, so it is a floor, not the trust's cost: set "
                + "assumptions.on_premises_monthly_gbp to compare.")
        return notes
    }

    /// How many servers were sized on each basis (measurements, allocation, standby, a guess).
    static func countByBasis(_ sizing: [ServerSizing]) -> [SizingBasis: Int] {
        var byBasis: [SizingBasis: Int] = [:]
        for sized in sizing { byBasis[sized.basis, default: 0] += 1 }
        return byBasis
    }
}
