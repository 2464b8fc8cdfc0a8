import CloudFirstCore

struct OracleStandardEditionVCPULimit: ServerRule {
    static let maximumVCPUs = 8

    static let description = RuleDescription(
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

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        guard let cores = server.cpuCores, cores > Self.maximumVCPUs else { return }
        for (software, entry) in oracleDatabases(on: server, in: context) where isStandardEdition(software) {
            report.report("server '\(server.id)' runs \(entry?.name ?? software.product) Standard Edition on \(cores) "
                + "cores; Oracle allows it on cloud VMs of at most \(Self.maximumVCPUs) vCPUs",
                at: software.source, field: "product")
        }
    }
}
