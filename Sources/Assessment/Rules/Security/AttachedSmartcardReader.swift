import CloudFirstCore

struct AttachedSmartcardReader: ServerRule {
    static let description = RuleDescription(
        id: "attached-smartcard-reader", title: "Smartcard reader attached to the server", category: .security,
        severity: .high,
        rationale: "Whatever uses a smartcard reader on a server, such as NHS smartcard middleware, loses it when "
            + "the server moves: a cloud VM has no reader. Smartcard middleware is among the blockers trusts meet "
            + "in practice, and NHS CIS2 smartcard authentication needs an HSCN connection.",
        source: "REFERENCE.md section 3 (NHS CIS2: smartcard authentication needs an HSCN connection; OpenID "
            + "Connect) and section 4 (blockers seen in practice: smartcard middleware)",
        remediation: "Find out what reads the card on the server. Ask the supplier for NHS CIS2 sign-in through "
            + "OpenID Connect, or keep the reader where the people using it are, on their own devices.",
        examples: [
            .triggers("""
                servers:
                  - { id: ra01, site: dc1, ↓attached_hardware: [usb-dongle, smartcard-reader] }
                """),
            .passes("""
                servers:
                  - { id: ra01, site: dc1, attached_hardware: [usb-dongle] }
                """),
        ])

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        reportAttached(.smartcardReader, on: server, "has a smartcard reader attached, which cannot follow it into "
            + "a cloud", to: &report)
    }
}
