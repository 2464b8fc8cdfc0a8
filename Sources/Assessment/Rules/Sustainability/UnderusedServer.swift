import CloudFirstCore

struct UnderusedServer: ServerRule {
    static let description = RuleDescription(
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

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        guard server.poweredOn, let cpu = server.utilisation?.cpuP95, let memory = server.utilisation?.memoryP95,
              cpu < UtilisationBands.underusedBelow, memory < UtilisationBands.underusedBelow,
              !(cpu < UtilisationBands.idleBelow && memory < UtilisationBands.idleBelow) else { return }
        report.report("server '\(server.id)' uses little of what it has (CPU p95 \(cpu.plainDescription)%, "
            + "memory p95 \(memory.plainDescription)%): size the cloud VM from use", at: server.source,
            field: "utilisation")
    }
}
