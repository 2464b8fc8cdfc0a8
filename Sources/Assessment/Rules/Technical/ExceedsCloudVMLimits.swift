import CloudFirstCore

/// Rules about servers' platforms, hardware, licences and use.
enum PlatformRules {
    static let all: [any ServerRule] = [
        Architecture32Bit(), ArchitectureNotX86(), UEFILegacyWindows(), ExceedsCloudVMLimits(),
        AttachedUSBDongle(), AttachedSerialDevice(), FaxHardware(), AttachedFibreChannel(), ModalityLink(),
        AttachedSmartcardReader(), AttachedGPU(),
        OracleLicensingCloudVCPU(), OracleStandardEditionVCPULimit(),
        IdleServer(), UnderusedServer(), PoweredOffServer(), ServerInNoService(),
        OracleRACOnCloudVM(), SiteLeaseEnding(), IdentityAgentRetiring(),
    ]
}

public struct Architecture32Bit: ServerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "architecture-32-bit", title: "32-bit server", category: .technical, severity: .high,
        rationale: "Azure Migrate rates a server with a 32-bit operating system only 'conditionally ready': it may "
            + "run in the cloud, but only once the operating system, the application and the migration tooling "
            + "are confirmed to work there. A 32-bit server is also a sign of old software whose supplier support "
            + "should be checked.",
        source: "REFERENCE.md section 7 (Azure Migrate readiness: a 32-bit operating system is conditionally ready)",
        remediation: "Move the application onto a 64-bit operating system (replatform), or confirm with the "
            + "supplier and a test migration that it runs as it is.",
        examples: [
            .triggers("""
                servers:
                  - id: s1
                    site: dc1
                    ↓architecture: x86
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, architecture: x86_64 }
                  - { id: s2, site: dc1, architecture: arm64 }
                  - { id: s3, site: dc1 }
                """),
        ])

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        guard server.architecture == .x86 else { return }
        report.report("server '\(server.id)' is 32-bit x86, which Azure Migrate rates only conditionally ready",
                      at: server.source, field: "architecture")
    }
}

public struct ArchitectureNotX86: ServerRule {
    public init() {}

    static let names: [Architecture: String] = [.sparc: "SPARC", .power: "IBM POWER", .itanium: "Itanium"]

    public static let description = RuleDescription(
        id: "architecture-not-x86", title: "Processor that no target cloud offers as a VM", category: .technical,
        severity: .blocker,
        rationale: "Azure, AWS and Google Cloud build their virtual machines on x86 and Arm processors only. "
            + "Software built for SPARC (such as Solaris), IBM POWER (such as AIX) or Itanium (such as HP-UX) cannot "
            + "be lifted onto them: it has to be replaced, rebuilt for x86 or Arm, or kept where it is. Legacy "
            + "technology like this is among the blockers trusts meet in practice. Specialist hosting for some of "
            + "these processors is sold alongside some clouds; that is not in REFERENCE.md, was not checked, and is "
            + "not the clouds' own virtual machines.",
        source: "The VM families of Azure, AWS and Google Cloud (x86 and Arm; not in REFERENCE.md); REFERENCE.md "
            + "section 4 (blockers seen in practice: legacy tech, unsupported OS) and section 7 (Azure Migrate "
            + "readiness)",
        remediation: "Ask the supplier for an x86 or Arm version, or SaaS (repurchase); otherwise plan to retain "
            + "the server on site and record why.",
        examples: [
            .triggers("""
                servers:
                  - id: s1
                    site: dc1
                    os: Solaris 10
                    ↓architecture: sparc
                  - { id: s2, site: dc1, ↓architecture: power }
                  - { id: s3, site: dc1, ↓architecture: itanium }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, architecture: x86_64 }
                  - { id: s2, site: dc1, architecture: arm64 }
                  - { id: s3, site: dc1, architecture: x86 }
                  - { id: s4, site: dc1, os: Solaris 11.4 }
                """),
        ])

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        guard let architecture = server.architecture, let name = Self.names[architecture] else { return }
        report.report("server '\(server.id)' runs on \(name), which none of Azure, AWS or Google Cloud offers as a "
            + "virtual machine", at: server.source, field: "architecture")
    }
}

public struct UEFILegacyWindows: ServerRule {
    public init() {}

    /// Windows Server releases Azure Migrate rates not ready when they boot through UEFI. 2003 R2 is taken as part
    /// of 2003: Azure Migrate names the family, not the release.
    static let legacyCycles: Set<String> = ["2003", "2003 R2", "2008", "2008 R2"]

    public static let description = RuleDescription(
        id: "uefi-legacy-windows", title: "Windows Server 2003 or 2008 booting through UEFI", category: .technical,
        severity: .blocker,
        rationale: "Azure Migrate rates a server that boots Windows Server 2003 or 2008 (2008 R2 included) through "
            + "UEFI 'not ready' for Azure: it cannot be migrated as it is. The rule follows Azure Migrate; how AWS "
            + "and Google Cloud treat these servers was not checked. Both releases are past all vendor support, so "
            + "the upgrade that removes this blocker is due anyway.",
        source: "REFERENCE.md section 7 (Azure Migrate readiness: UEFI with Windows Server 2003/2008 is not ready) "
            + "and section 6 (end of support)",
        remediation: "Upgrade to a supported Windows Server release before the move, or rebuild the service on one "
            + "(replatform).",
        examples: [
            .triggers("""
                servers:
                  - id: s1
                    site: dc1
                    os: Microsoft Windows Server 2008 R2 (64-bit)
                    ↓firmware: uefi
                  - { id: s2, site: dc1, os: Win2k8, ↓firmware: uefi }
                  - { id: s3, site: dc1, os: Windows Server 2003 R2 Standard, ↓firmware: uefi }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, os: Windows Server 2008 R2, firmware: bios }
                  - { id: s2, site: dc1, os: Windows Server 2012 R2, firmware: uefi }
                  - { id: s3, site: dc1, os: Windows Server 2008 }
                  - { id: s4, site: dc1, os: Red Hat Enterprise Linux 6, firmware: uefi }
                """),
        ])

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        guard server.firmware == .uefi, let os = server.os, let entry = context.operatingSystem(named: os),
              entry.product == "Windows Server", Self.legacyCycles.contains(entry.cycle) else { return }
        report.report("server '\(server.id)' boots \(entry.name) through UEFI, which Azure Migrate rates not ready",
                      at: server.source, field: "firmware")
    }
}

public struct ExceedsCloudVMLimits: ServerRule {
    public init() {}

    /// Azure Migrate's limits for one VM (REFERENCE.md section 7). The inventory's GB are base 10; Azure states
    /// its limits in binary units, so comparing base-10 figures with them is the cautious reading.
    static let maximumDiskGB = 65_536.0
    static let maximumDisks = 65
    static let maximumCores = 128
    static let maximumMemoryGB = 3_892.0

    public static let description = RuleDescription(
        id: "exceeds-cloud-vm-limits", title: "Larger than one cloud VM can be", category: .technical,
        severity: .blocker,
        rationale: "Azure Migrate rates a server 'not ready' when one of its disks is over 64 TB, it has more than "
            + "65 disks, more than 128 cores or more than 3,892 GB of memory: no VM it sizes to can hold it as it "
            + "is. The limits are Azure Migrate's; the clouds' largest specialist sizes may differ (not checked). "
            + "Sizes are compared as the inventory gives them (GB, base 10) with limits Azure states in binary "
            + "units, so a server just over a limit may in fact fit. A single disk's size is judged only when the "
            + "inventory lists disks one by one; a total in storage_gb says nothing about the largest disk.",
        source: "REFERENCE.md section 7 (Azure Migrate readiness: not ready for a disk over 64 TB, more than 65 "
            + "disks, more than 128 cores, more than 3,892 GB RAM)",
        remediation: "Size the server from measured use rather than what it was given: with a comfort factor, "
            + "most fit a smaller VM. Otherwise split the data across disks or services, or move the data to a "
            + "managed database or file service.",
        examples: [
            .triggers("""
                servers:
                  - id: s1
                    site: dc1
                    ↓cpu_cores: 192
                    ↓memory_gb: 4096
                    ↓disks:
                      - size_gb: 100
                      - size_gb: 70000
                """),
            .triggers("""
                servers:
                  - id: s1
                    site: dc1
                    ↓disks: [\(Array(repeating: "{ size_gb: 10 }", count: 66).joined(separator: ", "))]
                """),
            .passes("""
                servers:
                  - id: s1
                    site: dc1
                    cpu_cores: 128
                    memory_gb: 3892
                    disks: [{ size_gb: 65536 }, { size_gb: 65536 }]
                  - { id: s2, site: dc1, storage_gb: 200000 }
                  - id: s3
                    site: dc1
                    disks: [\(Array(repeating: "{ size_gb: 10 }", count: 65).joined(separator: ", "))]
                """),
        ])

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        // Disks keep no position of their own, so disk findings point at the `disks` key.
        let oversized = server.diskSizesGB.filter { $0 > Self.maximumDiskGB }
        if let largest = oversized.max() {
            let which = oversized.count == 1 ? "a disk of \(largest.plainDescription) GB"
                : "\(oversized.count) disks over 65536 GB, the largest \(largest.plainDescription) GB"
            report.report("server '\(server.id)' has \(which), more than the 64 TB (65536 GB) Azure Migrate allows "
                + "for one disk", at: server.source, field: "disks")
        }
        if server.diskSizesGB.count > Self.maximumDisks {
            report.report("server '\(server.id)' has \(server.diskSizesGB.count) disks, more than the "
                + "\(Self.maximumDisks) Azure Migrate allows for one VM", at: server.source, field: "disks")
        }
        if let cores = server.cpuCores, cores > Self.maximumCores {
            report.report("server '\(server.id)' has \(cores) cores, more than the \(Self.maximumCores) Azure "
                + "Migrate allows for one VM", at: server.source, field: "cpu_cores")
        }
        if let memory = server.memoryGB, memory > Self.maximumMemoryGB {
            report.report("server '\(server.id)' has \(memory.plainDescription) GB of memory, more than the "
                + "3892 GB Azure Migrate allows for one VM", at: server.source, field: "memory_gb")
        }
    }
}

/// Oracle Database found on a server: the product line, or nil when it is not Oracle Database.
private func oracleDatabases(on server: Server, in context: AssessmentContext) -> [(Software, LifecycleEntry?)] {
    server.software.compactMap { software in
        let entry = context.database(named: software.product)
        if entry?.product == "Oracle Database" { return (software, entry) }
        let name = software.product.lowercased()
        return name.hasPrefix("oracle database") || name.hasPrefix("oracle rdbms") ? (software, nil) : nil
    }
}

/// True when an Oracle edition as people write it is Standard Edition (SE, SE One, SE2).
private func isStandardEdition(_ software: Software) -> Bool {
    let text = ((software.edition ?? "") + " " + software.product).lowercased()
    return text.contains("standard edition") || text.range(of: #"\bse ?(2|one|1)?\b"#, options: .regularExpression)
        != nil || text.hasPrefix("standard")
}

public struct OracleLicensingCloudVCPU: ServerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "oracle-licensing-cloud-vcpu", title: "Oracle Database licences count differently on cloud vCPUs",
        category: .commercial, severity: .medium,
        rationale: "Oracle's policy for the authorised public clouds (AWS, Azure and Google Cloud) counts two "
            + "vCPUs as one processor licence, where an on-premises server counts physical cores through Oracle's "
            + "core factor table. The licences a trust owns may cover more or fewer cloud vCPUs than it expects, "
            + "and Oracle licensing is among the blockers trusts meet in practice.",
        source: "REFERENCE.md section 4 (Oracle licensing on AWS/Azure/GCP: 2 vCPU = 1 processor licence; SE2 at "
            + "most 8 vCPU); Oracle, 'Licensing Oracle Software in the Public Cloud Computing Environment'",
        remediation: "Count the processor licences the cloud VM will need (vCPUs / 2) against those owned, with "
            + "the trust's licensing adviser, before choosing the VM size; consider a managed database with the "
            + "licence included.",
        examples: [
            .triggers("""
                servers:
                  - id: db1
                    site: dc1
                    cpu_cores: 16
                    software:
                      - { ↓product: Oracle Database 19c, edition: Enterprise Edition }
                      - { product: SQL Server 2019 }
                """),
            .passes("""
                servers:
                  - id: db1
                    site: dc1
                    software:
                      - { product: Oracle Health Millennium }
                      - { product: Oracle E-Business Suite }
                      - { product: SQL Server 2019 }
                """),
        ],
        notFor: RuleDescription.hostedOnly)

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        for (software, entry) in oracleDatabases(on: server, in: context) {
            let licences = server.cpuCores.map { cores in
                ": \(cores) vCPUs would need \((cores + 1) / 2) processor licences"
            } ?? ""
            report.report("server '\(server.id)' runs \(entry?.name ?? software.product), licensed on the clouds at "
                + "two vCPUs per processor licence\(licences)", at: software.source, field: "product")
        }
    }
}

public struct OracleStandardEditionVCPULimit: ServerRule {
    public init() {}

    static let maximumVCPUs = 8

    public static let description = RuleDescription(
        id: "oracle-standard-edition-vcpu-limit", title: "Oracle Standard Edition on more than 8 cloud vCPUs",
        category: .commercial, severity: .high,
        rationale: "Oracle allows Standard Edition 2 on an authorised public cloud only on VMs of up to 8 vCPUs. "
            + "A Standard Edition database on a server with more than 8 cores cannot be moved to a VM of the same "
            + "size without breaking its licence terms. cloudfirst takes the inventory's cpu_cores as the vCPUs the "
            + "cloud VM would have, which is how a rehost sizes it before right-sizing.",
        source: "REFERENCE.md section 4 (Oracle licensing on AWS/Azure/GCP: SE2 max 8 vCPU); Oracle, 'Licensing "
            + "Oracle Software in the Public Cloud Computing Environment'",
        remediation: "Right-size the database to 8 vCPUs or fewer from measured use, move to Enterprise Edition "
            + "(with its licence cost), or to a managed database with the licence included.",
        examples: [
            .triggers("""
                servers:
                  - id: db1
                    site: dc1
                    cpu_cores: 12
                    software:
                      - { ↓product: Oracle Database 19c, edition: Standard Edition 2 }
                  - id: db2
                    site: dc1
                    cpu_cores: 16
                    software: [{ ↓product: Oracle Database 12c Release 2, edition: SE2 }]
                """),
            .passes("""
                servers:
                  - id: db1
                    site: dc1
                    cpu_cores: 8
                    software: [{ product: Oracle Database 19c, edition: Standard Edition 2 }]
                  - id: db2
                    site: dc1
                    cpu_cores: 32
                    software: [{ product: Oracle Database 19c, edition: Enterprise Edition }]
                  - id: db3
                    site: dc1
                    software: [{ product: Oracle Database 19c, edition: Standard Edition 2 }]
                """),
        ],
        notFor: RuleDescription.hostedOnly)

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        guard let cores = server.cpuCores, cores > Self.maximumVCPUs else { return }
        for (software, entry) in oracleDatabases(on: server, in: context) where isStandardEdition(software) {
            report.report("server '\(server.id)' runs \(entry?.name ?? software.product) Standard Edition on \(cores) "
                + "cores; Oracle allows it on cloud VMs of at most \(Self.maximumVCPUs) vCPUs",
                at: software.source, field: "product")
        }
    }
}

/// Idle and under-used thresholds: AWS's zombie measure (under 5%) and its idle band (5-20%), read here from the
/// 95th percentile, which is stricter than the average AWS names (REFERENCE.md section 7).
enum UtilisationBands {
    static let idleBelow = 5.0
    static let underusedBelow = 20.0
}

public struct IdleServer: ServerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "idle-server", title: "Idle server: retire rather than migrate", category: .sustainability,
        severity: .medium,
        rationale: "A server whose CPU and memory both stay under 5% is a zombie by AWS's measure: it does no "
            + "work anyone would miss, and moving it pays to run nothing in the cloud. AWS names the average over "
            + "90 days; cloudfirst reads the 95th percentile, which is stricter, and says when fewer than 90 days "
            + "were sampled. A disaster recovery server is left out: a warm standby is idle by design.",
        source: "REFERENCE.md section 7 (AWS: zombie when average CPU and memory are under 5%; retire)",
        remediation: "Confirm with the service owner that nothing uses it, archive what must be kept under the "
            + "records retention schedule, and decommission it (retire).",
        examples: [
            .triggers("""
                servers:
                  - id: s1
                    site: dc1
                    ↓utilisation: { cpu_p95: 2, memory_p95: 4.9, days_sampled: 90 }
                  - { id: s2, site: dc1, ↓utilisation: { cpu_p95: 0, memory_p95: 1 } }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, utilisation: { cpu_p95: 2, memory_p95: 5 } }
                  - { id: s2, site: dc1, utilisation: { cpu_p95: 1 } }
                  - { id: s3, site: dc1, powered_on: false, utilisation: { cpu_p95: 0, memory_p95: 0 } }
                  - { id: s4, site: dc1, environment: dr, utilisation: { cpu_p95: 1, memory_p95: 2 } }
                """),
        ])

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        // A warm disaster recovery copy is idle by design.
        guard server.poweredOn, server.environment != .dr, let cpu = server.utilisation?.cpuP95,
              let memory = server.utilisation?.memoryP95, cpu < UtilisationBands.idleBelow,
              memory < UtilisationBands.idleBelow else { return }
        let sampled = server.utilisation?.daysSampled.map { $0 < 90 ? " over only \($0) days" : " over \($0) days" }
            ?? " (days sampled not given)"
        report.report("server '\(server.id)' is idle: CPU p95 \(cpu.plainDescription)% and memory p95 "
            + "\(memory.plainDescription)%\(sampled); retire it rather than migrate", at: server.source,
            field: "utilisation")
    }
}

public struct UnderusedServer: ServerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "underused-server", title: "Under-used server: right-size before it moves", category: .sustainability,
        severity: .low,
        rationale: "A server whose CPU and memory both stay under 20% (but not both under 5%) is idle by AWS's "
            + "measure. On premises the spare capacity was already bought; in the cloud it is paid for every "
            + "month, so the VM should be sized from what it uses, as Azure Migrate's performance-based sizing does.",
        source: "REFERENCE.md section 7 (AWS: idle at 5-20%; Azure Migrate: sizing from the utilisation "
            + "percentile times a comfort factor)",
        remediation: "Size the cloud VM from measured use (cloudfirst plan does this) rather than the cores and "
            + "memory the server was given; check whether the service is still needed.",
        examples: [
            .triggers("""
                servers:
                  - id: s1
                    site: dc1
                    ↓utilisation: { cpu_p95: 12, memory_p95: 19.9 }
                  - { id: s2, site: dc1, ↓utilisation: { cpu_p95: 2, memory_p95: 15 } }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, utilisation: { cpu_p95: 12, memory_p95: 20 } }
                  - { id: s2, site: dc1, utilisation: { cpu_p95: 2, memory_p95: 3 } }
                  - { id: s3, site: dc1, utilisation: { memory_p95: 3 } }
                """),
        ],
        notFor: RuleDescription.hostedOnly)

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        guard server.poweredOn, let cpu = server.utilisation?.cpuP95, let memory = server.utilisation?.memoryP95,
              cpu < UtilisationBands.underusedBelow, memory < UtilisationBands.underusedBelow,
              !(cpu < UtilisationBands.idleBelow && memory < UtilisationBands.idleBelow) else { return }
        report.report("server '\(server.id)' uses little of what it has (CPU p95 \(cpu.plainDescription)%, "
            + "memory p95 \(memory.plainDescription)%): size the cloud VM from use", at: server.source,
            field: "utilisation")
    }
}

public struct PoweredOffServer: ServerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "powered-off-server", title: "Powered-off server", category: .sustainability, severity: .low,
        rationale: "A server that is switched off serves nobody today. It is a candidate to retire, not to "
            + "migrate, once its owner confirms nothing on it is needed; the CDDO's legacy IT guidance and the "
            + "asset-register step of Internet First both start with knowing what is really in use.",
        source: "REFERENCE.md section 1 (Internet First: audit and build an asset register; CDDO legacy IT) and "
            + "section 7 (AWS 7 Rs: retire)",
        remediation: "Confirm with its owner why it is kept; archive what records retention requires and "
            + "decommission it.",
        examples: [
            .triggers("""
                servers:
                  - id: s1
                    site: dc1
                    ↓powered_on: false
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, powered_on: true }
                  - { id: s2, site: dc1 }
                """),
        ])

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        guard !server.poweredOn else { return }
        report.report("server '\(server.id)' is powered off: retire it unless its owner needs it",
                      at: server.source, field: "powered_on")
    }
}

public struct ServerInNoService: ServerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "server-in-no-service", title: "Server that belongs to no service", category: .operational,
        severity: .medium,
        rationale: "Every server should run something someone owns. One that no service lists has no owner to "
            + "decide its strategy, no criticality to plan around and no data classification to protect: it "
            + "cannot be planned until it is placed, and it may be a forgotten server that can go.",
        source: "REFERENCE.md section 1 (Internet First: audit and build an asset register; CDDO legacy IT risk "
            + "assessment)",
        remediation: "Find out what it runs and add it to that service's servers, or confirm it is unused and "
            + "retire it.",
        examples: [
            .triggers("""
                servers:
                  - ↓{ id: s1, site: dc1 }
                  - { id: s2, site: dc1 }
                services:
                  - { id: a, name: A, servers: [s2] }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1 }
                services:
                  - { id: a, name: A, servers: [s1] }
                  - { id: b, name: B, servers: [s1] }
                """),
        ])

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        guard let index = context.estate.serverIndex[server.id], context.servicesOfServer[index].isEmpty else { return }
        report.report("server '\(server.id)' belongs to no service: nobody owns its strategy", at: server.source)
    }
}

public struct HardwareBoundLicence: ServiceRule {
    public init() {}

    public static let description = RuleDescription(
        id: "hardware-bound-licence", title: "Licence tied to hardware", category: .commercial, severity: .high,
        rationale: "A licence tied to a host ID, a MAC address or a physical machine stops being valid when the "
            + "service moves to a cloud VM. Licences tied to hardware are among the blockers trusts meet in "
            + "practice, and only the supplier can change them.",
        source: "REFERENCE.md section 4 (blockers seen in practice: licences tied to hardware, dongles, host IDs)",
        remediation: "Ask the supplier to re-issue the licence for the cloud (a licence server, a subscription, "
            + "or cloud-portable terms) and put it in the contract before the move.",
        examples: [
            .triggers("""
                services:
                  - id: a
                    name: A
                    ↓licensing: { model: per-server, hardware_bound: true }
                """),
            .passes("""
                services:
                  - { id: a, name: A, licensing: { model: per-core, hardware_bound: false } }
                  - { id: b, name: B, licensing: { model: subscription } }
                  - { id: c, name: C }
                """),
        ])

    public func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard service.licensing?.hardwareBound == true else { return }
        report.report("its licence is tied to hardware and lapses when it moves to a cloud VM",
                      at: service.source, field: "licensing")
    }
}
