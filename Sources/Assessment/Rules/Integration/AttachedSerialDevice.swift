import CloudFirstCore

struct AttachedSerialDevice: ServerRule {
    static let description = RuleDescription(
        id: "attached-serial-device", title: "Device on a serial port", category: .integration, severity: .high,
        rationale: "A device cabled to a server's serial port, such as a laboratory analyser, cannot be cabled to a "
            + "cloud VM. Analysers and similar devices need an on-site gateway that carries their link over the "
            + "network; they are among the blockers trusts meet in practice.",
        source: "REFERENCE.md section 4 (blockers seen in practice: modalities and lab analysers need on-site "
            + "gateways)",
        remediation: "Find out what the device is. Put a serial-to-network converter or the supplier's interface "
            + "gateway beside it, and carry its traffic to the cloud over an encrypted connection; or keep that "
            + "part on site.",
        examples: [
            .triggers("""
                servers:
                  - id: s1
                    site: dc1
                    ↓attached_hardware:
                      - serial
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, attached_hardware: [usb-dongle, modality-link] }
                """),
        ])

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        reportAttached(.serial, on: server, "has a device on a serial port, which cannot be cabled to a cloud VM",
                       to: &report)
    }
}
