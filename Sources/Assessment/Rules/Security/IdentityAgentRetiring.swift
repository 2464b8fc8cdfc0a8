import CloudFirstCore

/// The NHS England Digital pages the smartcard rules rest on, with what they say.
enum SmartcardSources {
    static let citation = "REFERENCE.md section 9 (CIS2 Smartcard Connect authenticates series 8 and 9 smartcards "
        + "over the internet and becomes the default client from February 2027 as NHS Identity Agent retires); NHS "
        + "England Digital, 'Smartcard software for authentication via the internet' (Care Identity Service, CIS2 "
        + "Authentication pages) and 'NHS Smartcard Connect' (Identity Agent works with series 8 and 9 cards until "
        + "28 February 2027; install Smartcard Connect only once every Spine application on the machine supports "
        + "CIS2 Authentication)"

    /// The last day NHS Identity Agent works with series 8 and 9 smartcards ('NHS Smartcard Connect').
    static let identityAgentEnds = CalendarDate(year: 2027, month: 2, day: 28)!
}

public struct IdentityAgentRetiring: ServerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "identity-agent-retiring", title: "NHS Identity Agent installed: replace it with Smartcard Connect",
        category: .security, severity: .high,
        rationale: "NHS Identity Agent is the older (CIS1) smartcard authentication client. NHS England is "
            + "retiring it: it works with series 8 and 9 smartcards only until 28 February 2027, and CIS2 Smartcard "
            + "Connect becomes the default client for all smartcard authentication from February 2027. On a server "
            + "it is most likely there for staff who sign in through a terminal server or virtual desktop. Left in "
            + "place, smartcard sign-in through this server stops working, whether the server moves or not; "
            + "rebuilt in a cloud, it should be built with Smartcard Connect.",
        source: SmartcardSources.citation,
        remediation: "Check with each application's supplier that it supports CIS2 Authentication, then replace "
            + "Identity Agent with NHS Credential Management and Smartcard Connect and test sign-in with the "
            + "trust's card readers, before February 2027 and before the server moves.",
        examples: [
            .triggers("""
                servers:
                  - id: ts1
                    site: dc1
                    software:
                      - { ↓product: NHS Identity Agent, version: "2.3" }
                  - { id: ts2, site: dc1, software: [{ ↓product: Care Identity Service 2 and Identity Agent }] }
                """),
            .passes("""
                servers:
                  - { id: ts1, site: dc1, software: [{ product: NHS Credential Management with Smartcard Connect }] }
                  - { id: ts2, site: dc1, software: [{ product: Identity Manager }] }
                """),
        ])

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        for software in server.software where ASCIISearch.contains(software.product, "identity agent") {
            let when = context.asOf > SmartcardSources.identityAgentEnds
                ? "stopped working with series 8 and 9 smartcards after \(SmartcardSources.identityAgentEnds)"
                : "works with series 8 and 9 smartcards only until \(SmartcardSources.identityAgentEnds)"
            report.report("server '\(server.id)' runs '\(software.product)', which \(when): replace it with "
                + "Smartcard Connect", at: software.source, field: "product")
        }
    }
}
