import CloudFirstCore

struct ApplicationSupportEnding: ServerRule {
    static let description = RuleDescription(
        id: "application-support-ending", title: "Application or middleware support ends within 24 months",
        category: .security, severity: .medium,
        rationale: "A migration takes months; an application or runtime whose support ends within two years should "
            + "be upgraded or replaced as part of the move, not after it.",
        source: applicationLifecycleSource,
        remediation: "Move onto a current release, or its replacement, during the migration; plan the upgrade with "
            + "the supplier now.",
        examples: [
            .triggers("""
                servers:
                  - id: s1
                    site: dc1
                    software:
                      - { ↓product: NHS Identity Agent, version: "2.3" }
                      - { ↓product: Citrix Virtual Apps and Desktops Delivery Controller, version: "2203 LTSR" }
                """),
            .passes("""
                servers:
                  - id: s1
                    site: dc1
                    software:
                      - { product: Citrix Virtual Apps and Desktops, version: "2402 LTSR" }
                      - { product: Drupal, version: "11.1" }
                      - { product: Citrix StoreFront, version: "2203" }
                """),
        ])

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        for (entry, software) in applications(on: server, in: context) {
            if case .supported(let ends?)? = SupportStage(entry, asOf: context.asOf), ends <= context.monthsAhead(24) {
                report.report("\(entry.name) on '\(server.id)' support ends on \(ends)\(sourcesDiffer(entry))", at: software.source,
                              field: "product")
            }
        }
    }
}
