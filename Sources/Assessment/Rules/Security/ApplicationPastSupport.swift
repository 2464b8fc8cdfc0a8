import CloudFirstCore

struct ApplicationPastSupport: ServerRule {
    static let description = RuleDescription(
        id: "application-past-support", title: "Application or middleware past vendor support", category: .security,
        severity: .high,
        rationale: "An application, web platform or runtime that its vendor no longer fixes (SharePoint 2013, Drupal "
            + "7, PHP 8.1, E-Business Suite 12.1) collects unpatched vulnerabilities, and moving it as it is carries "
            + "them to the cloud. A paid extension buys time, not a future. Unlike an operating system, the "
            + "upgrade or replacement is usually a project of its own, which the migration has to plan for.",
        source: applicationLifecycleSource,
        remediation: "Upgrade to a supported release before or during the move, or replace the product (often by "
            + "its SaaS form); where only a paid extension is left, plan the upgrade before it ends.",
        examples: [
            .triggers("""
                servers:
                  - id: s1
                    site: dc1
                    software:
                      - ↓product: SharePoint Server 2013
                      - { ↓product: PHP, version: "8.1" }
                      - { ↓product: Drupal, version: "7.98" }
                      - { product: Sectra IDS7 }
                """),
            .triggers("""
                servers:
                  - { id: s1, site: dc1, software: [{ ↓product: Citrix Virtual Delivery Agent, version: "1912 LTSR" }] }
                """),
            .passes("""
                servers:
                  - id: s1
                    site: dc1
                    software:
                      - { product: SharePoint Server Subscription Edition }
                      - { product: PHP, version: "8.4" }
                      - { product: MHA Tracker (in-house .NET 3.5) }
                """),
        ])

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        for (entry, software) in applications(on: server, in: context) {
            switch SupportStage(entry, asOf: context.asOf) {
            case .pastSupport(let since)?:
                report.report("\(entry.name) on '\(server.id)' has had no vendor support since \(since): an upgrade "
                    + "or replacement is due\(sourcesDiffer(entry))", at: software.source, field: "product")
            case .paidExtension(let standardEnded, let ends)?:
                report.report("\(entry.name) on '\(server.id)' left standard support on \(standardEnded); only "
                    + "paid extended support is left, to \(ends): an upgrade or replacement is due\(sourcesDiffer(entry))",
                              at: software.source, field: "product")
            default:
                break
            }
        }
    }
}
