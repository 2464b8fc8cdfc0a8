import CloudFirstCore

struct AttachedUSBDongle: ServerRule {
    static let description = RuleDescription(
        id: "attached-usb-dongle", title: "USB licence dongle attached", category: .commercial, severity: .high,
        rationale: "Software that checks for a USB licence key stops working when its server moves: a cloud VM has "
            + "no USB port to plug the dongle into. Licences tied to hardware are among the blockers NHS trusts "
            + "meet in practice, and only the supplier can change them.",
        source: "REFERENCE.md section 4 (blockers seen in practice: licences tied to hardware, dongles, host IDs)",
        remediation: "Ask the supplier for a licence the cloud can hold (a software key or a licence server the VM "
            + "can reach) and agree it in the contract before the move.",
        examples: [
            .triggers("""
                servers:
                  - id: s1
                    site: dc1
                    ↓attached_hardware: [serial, usb-dongle]
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, attached_hardware: [serial, gpu] }
                  - { id: s2, site: dc1 }
                """),
        ])

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        reportAttached(.usbDongle, on: server, "has a USB licence dongle attached, which cannot follow it into a "
            + "cloud", to: &report)
    }
}
