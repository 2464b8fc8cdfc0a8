import CloudFirstCore

struct ExceedsCloudVMLimits: ServerRule {
    /// Azure Migrate's limits for one VM (REFERENCE.md section 7). The inventory's GB are base 10; Azure states
    /// its limits in binary units, so comparing base-10 figures with them is the cautious reading.
    static let maximumDiskGB = 65_536.0
    static let maximumDisks = 65
    static let maximumCores = 128
    static let maximumMemoryGB = 3_892.0

    static let description = RuleDescription(
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

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
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
