import CloudFirstCore

// Rules about devices physically attached to a server: a cloud VM has no slot, port or cable for any of them.

/// Reports `message` at the server's `attached_hardware` key when `hardware` is in it.
private func reportAttached(_ hardware: AttachedHardware, on server: Server, _ message: String,
                            to report: inout FindingReporter) {
    guard server.attachedHardware.contains(hardware) else { return }
    report.report("server '\(server.id)' \(message)", at: server.source, field: "attached_hardware")
}

public struct AttachedUSBDongle: ServerRule {
    public init() {}

    public static let description = RuleDescription(
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

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        reportAttached(.usbDongle, on: server, "has a USB licence dongle attached, which cannot follow it into a "
            + "cloud", to: &report)
    }
}

public struct AttachedSerialDevice: ServerRule {
    public init() {}

    public static let description = RuleDescription(
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

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        reportAttached(.serial, on: server, "has a device on a serial port, which cannot be cabled to a cloud VM",
                       to: &report)
    }
}

public struct FaxHardware: ServerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "fax-hardware", title: "Fax card: retire, do not migrate", category: .dataAndCompliance,
        severity: .high,
        rationale: "In December 2018 the Secretary of State banned NHS organisations from buying fax machines from "
            + "January 2019 and required fax to be phased out by 31 March 2020, in favour of secure email and modern "
            + "messaging. A server with a fax card is a fax gateway: it is to be retired, or replaced by a messaging "
            + "service, not moved.",
        source: "REFERENCE.md section 4 (the NHS fax ban: no purchases from January 2019, phased out by 31 March "
            + "2020)",
        remediation: "Find who still sends or receives faxes through it, move them to secure email (such as NHSmail) "
            + "or another secure messaging service, and retire the server.",
        examples: [
            .triggers("""
                servers:
                  - { id: fax01, site: dc1, ↓attached_hardware: [fax-card] }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, attached_hardware: [serial] }
                """),
        ])

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        reportAttached(.faxCard, on: server, "has a fax card: NHS fax was to be phased out by 31 March 2020, so "
            + "retire it rather than move it", to: &report)
    }
}

public struct AttachedFibreChannel: ServerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "attached-fibre-channel", title: "Storage on Fibre Channel", category: .technical, severity: .medium,
        rationale: "Fibre Channel connects a server to a storage array (a SAN). Cloud VMs have no Fibre Channel: "
            + "their disks are the provider's block storage, so the data on the array has to be copied into cloud "
            + "disks, and its size, speed and backup redesigned. Volumes on the array may not appear in the "
            + "inventory's disk sizes, so the server's storage may be larger than shown. REFERENCE.md does not "
            + "cover Fibre Channel.",
        source: "The block storage of the target clouds (Azure managed disks, Amazon EBS, Google Cloud Persistent "
            + "Disk; not in REFERENCE.md); REFERENCE.md section 7 (Azure Migrate judges and sizes each disk)",
        remediation: "List the SAN volumes the server uses with their sizes and measured throughput, add them to "
            + "its disks, and plan their copy into cloud block storage.",
        examples: [
            .triggers("""
                servers:
                  - { id: s1, site: dc1, platform: physical, ↓attached_hardware: [fibre-channel, gpu] }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, platform: physical, disks: [{ size_gb: 500 }] }
                """),
        ],
        notFor: RuleDescription.hostedOnly)

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        reportAttached(.fibreChannel, on: server, "uses Fibre Channel storage, which must become cloud block "
            + "storage", to: &report)
    }
}

public struct ModalityLink: ServerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "modality-link", title: "Linked to imaging modalities or analysers", category: .integration,
        severity: .high,
        rationale: "Scanners, other imaging modalities and laboratory analysers stay in the hospital. A server "
            + "they talk to directly can move to a cloud only with an on-site gateway between them: a cloud PACS "
            + "needs one for its modalities, and modalities and analysers are among the blockers trusts meet in "
            + "practice.",
        source: "REFERENCE.md section 3 (imaging: DICOM; a cloud PACS needs an on-site gateway for modalities) and "
            + "section 4 (blockers seen in practice: modalities and lab analysers need on-site gateways)",
        remediation: "Design the on-site gateway (a DICOM router or the supplier's edge server, laboratory "
            + "middleware) with the supplier, and keep it on site with resilient network to the cloud.",
        examples: [
            .triggers("""
                servers:
                  - id: pacs01
                    site: dc1
                    ↓attached_hardware: [modality-link]
                """),
            .passes("""
                servers:
                  - { id: pacs01, site: dc1, attached_hardware: [fibre-channel] }
                """),
        ])

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        reportAttached(.modalityLink, on: server, "is linked to imaging modalities or analysers, which need an "
            + "on-site gateway if it moves", to: &report)
    }
}

public struct AttachedSmartcardReader: ServerRule {
    public init() {}

    public static let description = RuleDescription(
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

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        reportAttached(.smartcardReader, on: server, "has a smartcard reader attached, which cannot follow it into "
            + "a cloud", to: &report)
    }
}

public struct AttachedGPU: ServerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "attached-gpu", title: "GPU attached", category: .technical, severity: .low,
        rationale: "A server with a graphics processor needs a GPU VM family in the cloud, which costs more than "
            + "a general-purpose VM. Each target cloud has such families; neither they nor their prices are in "
            + "REFERENCE.md or the price catalogue, so the cost estimate for this server is too low.",
        source: "The GPU VM families of the target clouds (Azure N-series, Amazon EC2 accelerated computing, "
            + "Google Cloud accelerator-optimised; not in REFERENCE.md or the price catalogue, Catalogues/prices.csv)",
        remediation: "Find out what uses the GPU (3D imaging, virtual desktops, analytics); price a GPU VM for it "
            + "in the target region, or confirm that the software runs without one.",
        examples: [
            .triggers("""
                servers:
                  - { id: s1, site: dc1, ↓attached_hardware: [gpu] }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, attached_hardware: [] }
                """),
        ],
        notFor: RuleDescription.hostedOnly)

    public func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        reportAttached(.gpu, on: server, "has a GPU: it needs a GPU VM family, which costs more", to: &report)
    }
}
