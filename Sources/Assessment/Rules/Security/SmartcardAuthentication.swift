import CloudFirstCore

struct SmartcardAuthentication: ServiceRule {
    static let description = RuleDescription(
        id: "smartcard-authentication", title: "NHS CIS2 smartcard sign-in must be tested from the cloud",
        category: .security, severity: .medium,
        rationale: "Staff sign in to this service with NHS smartcards. CIS2 Smartcard Connect authenticates "
            + "series 8 and 9 smartcards over the internet as well as HSCN, and becomes the default client for all "
            + "smartcard authentication from February 2027, when the older NHS Identity Agent retires; smartcard "
            + "sign-in no longer needs an HSCN connection. What still has to be proved is the whole path: the "
            + "trust's card readers and desktops, the authentication client, and the application once it is hosted "
            + "in a cloud. NHS England advises installing Smartcard Connect on a machine only once every Spine "
            + "application used on it supports CIS2 Authentication.",
        source: SmartcardSources.citation + "; REFERENCE.md section 4 (blockers seen in practice: smartcard "
            + "middleware)",
        remediation: "Test smartcard sign-in to the cloud-hosted service from trust desktops with the trust's card "
            + "readers before the move; ask the supplier to confirm CIS2 Authentication support, and move clients "
            + "from Identity Agent to Smartcard Connect.",
        examples: [
            .triggers("""
                services:
                  - id: epr
                    name: EPR
                    ↓identity: [active-directory, nhs-cis2-smartcard]
                """),
            .passes("""
                services:
                  - { id: epr, name: EPR, identity: [nhs-cis2, active-directory] }
                  - { id: app, name: Patient app, identity: [nhs-login] }
                """),
        ],
        notFor: RuleDescription.movingOnly)

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard service.identity.contains(.cis2Smartcard) else { return }
        report.report("users sign in with NHS CIS2 smartcards: test sign-in to the cloud-hosted service with the "
            + "trust's card readers, and move clients to Smartcard Connect", at: service.source, field: "identity")
    }
}
