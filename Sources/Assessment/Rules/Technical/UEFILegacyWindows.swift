import CloudFirstCore

struct UEFILegacyWindows: ServerRule {
    /// Windows Server releases Azure Migrate rates not ready when they boot through UEFI. 2003 R2 is taken as part
    /// of 2003: Azure Migrate names the family, not the release.
    static let legacyCycles: Set<String> = ["2003", "2003 R2", "2008", "2008 R2"]

    static let description = RuleDescription(
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

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        guard server.firmware == .uefi, let os = server.os, let entry = context.operatingSystem(named: os),
              entry.product == "Windows Server", Self.legacyCycles.contains(entry.cycle) else { return }
        report.report("server '\(server.id)' boots \(entry.name) through UEFI, which Azure Migrate rates not ready",
                      at: server.source, field: "firmware")
    }
}
