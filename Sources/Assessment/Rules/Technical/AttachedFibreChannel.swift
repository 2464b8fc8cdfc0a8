import CloudFirstCore

struct AttachedFibreChannel: ServerRule {
    static let description = RuleDescription(
        id: "attached-fibre-channel", title: "Storage on Fibre Channel", category: .technical, severity: .medium,
        rationale: "Fibre Channel connects a server to a storage array (a SAN). Cloud VMs have no Fibre Channel: "
            + "their disks are the provider's block storage, so the data on the array has to be copied into cloud "
            + "disks, and its size, speed and backup redesigned. Volumes on the array may not appear in the "
            + "inventory's disk sizes, so the server's storage may be larger than shown. REFERENCE.md does not "
            + "cover Fibre Channel.",
        source: "The block storage of the target clouds (Azure managed disks, Amazon EBS, Google Cloud Persistent "
            + "Disk; not in REFERENCE.md); REFERENCE.md section 7 (Azure Migrate judges and sizes each disk)",
        remediation: "List the SAN volumes the server uses with their sizes and measured throughput, add them to "
            + "its disks, and plan their copy into cloud block storage.",
        examples: [
            .triggers("""
                servers:
                  - { id: s1, site: dc1, platform: physical, ↓attached_hardware: [fibre-channel, gpu] }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, platform: physical, disks: [{ size_gb: 500 }] }
                """),
        ],
        notFor: RuleDescription.hostedOnly)

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        reportAttached(.fibreChannel, on: server, "uses Fibre Channel storage, which must become cloud block "
            + "storage", to: &report)
    }
}
