import CloudFirstCore

struct OracleLicensingCloudVCPU: ServerRule {
    static let description = RuleDescription(
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

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        for (software, entry) in oracleDatabases(on: server, in: context) {
            let licences = server.cpuCores.map { cores in
                ": \(cores) vCPUs would need \((cores + 1) / 2) processor licences"
            } ?? ""
            report.report("server '\(server.id)' runs \(entry?.name ?? software.product), licensed on the clouds at "
                + "two vCPUs per processor licence\(licences)", at: software.source, field: "product")
        }
    }
}
