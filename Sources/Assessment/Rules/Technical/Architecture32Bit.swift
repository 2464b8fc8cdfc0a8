import CloudFirstCore

struct Architecture32Bit: ServerRule {
    static let description = RuleDescription(
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

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        guard server.architecture == .x86 else { return }
        report.report("server '\(server.id)' is 32-bit x86, which Azure Migrate rates only conditionally ready",
                      at: server.source, field: "architecture")
    }
}
