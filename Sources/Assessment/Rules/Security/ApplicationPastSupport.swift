import CloudFirstCore

/// The applications and middleware a server runs that the catalogue knows, with where each is written.
private func applications(on server: Server, in context: AssessmentContext) -> [(LifecycleEntry, Software)] {
    server.software.compactMap { software in context.application(of: software).map { ($0, software) } }
}

private let applicationLifecycleSource = "REFERENCE.md section 6 (endoflife.date and vendor lifecycle pages) and "
    + "section 9 (NHS Identity Agent retiring as CIS2 Smartcard Connect becomes the default client from February "
    + "2027), through the embedded catalogue Catalogues/lifecycle.csv, whose rows each cite their source; DSPT Data "
    + "Security Standard 8, unsupported systems (REFERENCE.md section 9)"

public struct ApplicationPastSupport: ServerRule {
    public init() {}

    public static let description = RuleDescription(
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

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        for (entry, software) in applications(on: server, in: context) {
            switch SupportStage(entry, asOf: context.asOf) {
            case .pastSupport(let since)?:
                report.report("\(entry.name) on '\(server.id)' has had no vendor support since \(since): an upgrade "
                    + "or replacement is due", at: software.source, field: "product")
            case .paidExtension(let standardEnded, let ends)?:
                report.report("\(entry.name) on '\(server.id)' left standard support on \(standardEnded); only "
                    + "paid extended support is left, to \(ends): an upgrade or replacement is due",
                              at: software.source, field: "product")
            default:
                break
            }
        }
    }
}

public struct ApplicationSupportEnding: ServerRule {
    public init() {}

    public static let description = RuleDescription(
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

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        for (entry, software) in applications(on: server, in: context) {
            if case .supported(let ends?)? = SupportStage(entry, asOf: context.asOf), ends <= context.monthsAhead(24) {
                report.report("\(entry.name) on '\(server.id)' support ends on \(ends)", at: software.source,
                              field: "product")
            }
        }
    }
}
