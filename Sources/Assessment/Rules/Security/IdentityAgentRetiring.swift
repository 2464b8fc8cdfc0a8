import CloudFirstCore

struct IdentityAgentRetiring: ServerRule {
    static let description = RuleDescription(
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

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        for software in server.software where ASCIISearch.contains(software.product, "identity agent") {
            let when = context.asOf > SmartcardSources.identityAgentEnds
                ? "stopped working with series 8 and 9 smartcards after \(SmartcardSources.identityAgentEnds)"
                : "works with series 8 and 9 smartcards only until \(SmartcardSources.identityAgentEnds)"
            report.report("server '\(server.id)' runs '\(software.product)', which \(when): replace it with "
                + "Smartcard Connect", at: software.source, field: "product")
        }
    }
}
