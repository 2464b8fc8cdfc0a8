import CloudFirstCore

struct ServiceWithoutServers: ServiceRule {
    static let description = RuleDescription(
        id: "service-without-servers", title: "Service lists no servers", category: .operational, severity: .info,
        rationale: "Without its servers the assessment has nothing to size, cost or check for support dates, so "
            + "the service can be judged only on what it says about itself and its confidence is low. A service "
            + "the supplier offers only as SaaS has no servers of the trust's to list.",
        source: "REFERENCE.md section 7 (Azure Migrate: confidence from data completeness; Google Migration Center: "
            + "insufficient data)",
        remediation: "List the ids of the servers it runs on under 'servers', or record the supplier's "
            + "'saas: only' if it runs in the supplier's cloud.",
        examples: [
            .triggers("""
                services:
                  - ↓{ id: a, name: A }
                  - { id: b, name: B, ↓servers: [] }
                  - ↓{ id: c, name: C, supplier: { saas: available } }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1 }
                services:
                  - { id: a, name: A, servers: [s1] }
                  - { id: b, name: B, supplier: { name: Microsoft, saas: only } }
                """),
        ])

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard service.servers.isEmpty, service.supplier?.saas != .only else { return }
        let message = service.source["servers"] == nil ? "no servers are listed" : "its servers list is empty"
        report.report(message + ": it cannot be sized, costed or checked for support", at: service.source,
                      field: "servers")
    }
}
