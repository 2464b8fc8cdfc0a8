import CloudFirstCore

struct BackupImmutableCopy: ServiceRule {
    static let description = RuleDescription(
        id: "backup-immutable-copy", title: "Backup service: keep an immutable or offline copy after the move",
        category: .security, severity: .medium,
        rationale: "Ransomware goes for the backups first. The NCSC's advice is to keep at least one copy offline "
            + "or immutable, so that an attacker with administrator rights cannot delete or encrypt it. Moved to "
            + "a cloud, backups belong in the provider's backup vaults and object storage with immutability "
            + "locked on, not on block storage behind the same credentials as the servers they protect.",
        source: "NCSC, 'Offline backups in an online world' (REFERENCE.md section 9: keep an offline or immutable "
            + "copy; cloud backups go to vaults or object storage with immutability)",
        remediation: "Design the cloud backup with an immutable vault (Azure Backup immutable vault, AWS Backup "
            + "Vault Lock, Google Cloud Backup and DR with a locked retention), in a separate account or "
            + "subscription, and keep an offline copy for what stays on site; test a restore.",
        examples: [
            .triggers("""
                servers:
                  - { id: bkp01, site: dc1, role: backup, software: [{ product: Veeam Backup & Replication }] }
                services:
                  - ↓{ id: backup, name: Backup, servers: [bkp01] }
                  - ↓{ id: vault, name: Vault, kind: backup }
                """),
            .passes("""
                servers:
                  - { id: app01, site: dc1, role: application, software: [{ product: Veeam Agent for Windows }] }
                  - { id: app02, site: dc1, role: application }
                  - { id: app03, site: dc1, role: application }
                services:
                  - { id: epr, name: EPR, servers: [app01, app02, app03] }
                  - { id: files, name: Files, kind: file }
                """),
        ])

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard context.kind(of: service) == .backup else { return }
        report.report("a backup service: the cloud design needs an immutable or offline copy, in a vault the "
            + "servers' own administrators cannot delete", at: service.source)
    }
}
