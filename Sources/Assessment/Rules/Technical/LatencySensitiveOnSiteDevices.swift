import CloudFirstCore

struct LatencySensitiveOnSiteDevices: ServiceRule {
    /// Hardware that ties a server to devices in the building. A fax card is left out: a fax gateway is retired.
    static let onSiteHardware: [AttachedHardware] = [.modalityLink, .serial, .smartcardReader]

    /// Words in an interface's peer label that name devices on site (both spellings of analyser).
    static let onSitePeerWords = ["modalit", "analyser", "analyzer", "printer"]

    static let description = RuleDescription(
        id: "latency-sensitive-on-site-devices", title: "Latency-sensitive service tied to devices on site",
        category: .technical, severity: .high,
        rationale: "This service needs low latency to devices in the hospital: imaging modalities, lab analysers, "
            + "ward printers (wristbands and specimen labels, where a print that times out is a patient "
            + "identification risk) or hardware wired to its servers. Across the network to a cloud region, such "
            + "links can time out or slow clinical work, and attached hardware cannot follow a server into a cloud. "
            + "A cloud PACS needs an on-site gateway for modalities, and lab analysers need the same.",
        source: "REFERENCE.md section 3 (a cloud PACS needs an on-site gateway for modalities) and section 4 "
            + "(blockers seen in practice: modalities and lab analysers need on-site gateways)",
        remediation: "Design a hybrid edge: an on-site gateway (DICOM router, laboratory middleware, serial to "
            + "network converter) beside the devices, with the service in the cloud behind it; or keep the part "
            + "that talks to the devices on site.",
        examples: [
            .triggers("""
                servers:
                  - { id: ris01, site: dc1, attached_hardware: [usb-dongle, modality-link] }
                services:
                  - { id: ris, name: RIS, servers: [ris01], ↓latency_sensitive: true }
                """),
            .triggers("""
                services:
                  - id: lims
                    name: LIMS
                    ↓latency_sensitive: true
                    interfaces: [{ protocol: hl7v2-mllp, peer: Haematology analysers }]
                """),
            .triggers("""
                services:
                  - { id: print, name: Print, kind: print, ↓latency_sensitive: true }
                """),
            .passes("""
                servers:
                  - { id: ris01, site: dc1, attached_hardware: [modality-link] }
                  - { id: app01, site: dc1, attached_hardware: [usb-dongle] }
                services:
                  - { id: ris, name: RIS, servers: [ris01], latency_sensitive: false }
                  - { id: print, name: Print, kind: print, latency_sensitive: false }
                  - { id: vdi, name: VDI, servers: [app01], latency_sensitive: true }
                  - id: lims
                    name: LIMS
                    interfaces: [{ protocol: hl7v2-mllp, peer: analysers }]
                """),
        ])

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard service.latencySensitive == true else { return }
        var evidence: [String] = context.servers(of: service).compactMap { server in
            let hardware = server.attachedHardware.filter(Self.onSiteHardware.contains)
            return hardware.isEmpty ? nil
                : "server '\(server.id)' has \(hardware.map(\.rawValue).joined(separator: ", ")) attached"
        }
        evidence += service.interfaces.compactMap(\.peer).filter { peer in
            ASCIISearch.containsAny(peer, Self.onSitePeerWords)
        }.map { "an interface reaches '\($0)'" }
        if evidence.isEmpty, context.kind(of: service) == .print {
            evidence.append("it is a print service, and its printers are on the wards")
        }
        guard !evidence.isEmpty else { return }
        report.report("latency-sensitive with devices on site (\(evidence.joined(separator: "; "))): it needs an "
            + "on-site gateway", at: service.source, field: "latency_sensitive")
    }
}
