import CloudFirstCore

struct IdleServer: ServerRule {
    static let description = RuleDescription(
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

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
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
