import CloudFirstCore

public struct HSCNConnectivity: ServiceRule {
    public init() {}

    public static let description = RuleDescription(
        id: "hscn-connectivity", title: "Users reach it over HSCN: the route to the cloud comes first",
        category: .technical, severity: .medium,
        rationale: "Users reach this service over the Health and Social Care Network. Hosted in a cloud, it needs "
            + "a route from HSCN to the cloud region through a Connectivity Network Service Provider, and the NHS "
            + "advice is to plan the cloud strategy before the network connectivity. The Cloud Risk Framework warns "
            + "that the network to the cloud becomes a critical single point of failure.",
        source: "REFERENCE.md section 3 (HSCN: hybrid network for private and public connectivity via CNSPs; plan "
            + "the cloud strategy before the network connectivity) and section 2 (Health and Social Care Cloud Risk "
            + "Framework: availability of the network to cloud)",
        remediation: "Design a resilient HSCN-to-cloud connection with a CNSP in wave 0, before the service moves; "
            + "or, where the Internet First principle allows, make the service available over the internet.",
        examples: [
            .triggers("""
                services:
                  - { id: epr, name: EPR, ↓exposure: hscn }
                """),
            .passes("""
                services:
                  - { id: web, name: Website, exposure: internet }
                  - { id: hr, name: HR, exposure: internal }
                  - { id: wiki, name: Wiki }
                """),
        ],
        notFor: RuleDescription.movingOnly)

    public func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard service.exposure == .hscn else { return }
        report.report("users reach it over HSCN: the route from HSCN to the cloud must be designed first",
                      at: service.source, field: "exposure")
    }
}

public struct SmartcardAuthentication: ServiceRule {
    public init() {}

    public static let description = RuleDescription(
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

    public func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard service.identity.contains(.cis2Smartcard) else { return }
        report.report("users sign in with NHS CIS2 smartcards: test sign-in to the cloud-hosted service with the "
            + "trust's card readers, and move clients to Smartcard Connect", at: service.source, field: "identity")
    }
}

public struct PlaintextInterface: ServiceRule {
    public init() {}

    /// Protocols that carry data in clear unless wrapped (TLS, a VPN, LDAP StartTLS): reported unless the inventory
    /// says `encrypted: true`. Any other protocol is reported only on an explicit `encrypted: false`; SMTP is among
    /// those because STARTTLS is common and the protocol name cannot tell.
    static let plaintextByDefault: Set<InterfaceProtocol> = [.hl7v2MLLP, .dicom, .ftp, .http, .ldap]

    public static let description = RuleDescription(
        id: "plaintext-interface", title: "Interface carries data unencrypted", category: .security,
        severity: .medium,
        rationale: "Data in transit must be protected with TLS 1.2 or later, or IPsec. On a trust LAN, HL7 v2 over "
            + "MLLP, DICOM, FTP, HTTP and LDAP usually run in clear; once one end is in a cloud, the same traffic "
            + "crosses networks the trust does not own, and must travel inside the IPsec connection to the cloud or "
            + "move to the protocol's TLS form: work in the move's design rather than something that stops it. "
            + "Those five protocols count as unencrypted unless the "
            + "inventory says 'encrypted: true'; any other protocol is reported only when it says "
            + "'encrypted: false'.",
        source: "REFERENCE.md section 2 (cloud security good practice guide: in transit TLS 1.2+ or IPsec; NCSC "
            + "Cloud Security Principle 1, data in transit protection) and section 3 (HL7 v2 over MLLP on trust "
            + "LANs is usually unencrypted; modern pattern HL7 v2 or FHIR over HTTPS with mutual TLS)",
        remediation: "Move to the protocol's encrypted form (HL7 v2 or FHIR over HTTPS with mutual TLS, DICOM TLS, "
            + "SFTP, HTTPS, LDAPS) or carry the traffic through an IPsec tunnel, then mark it 'encrypted: true'.",
        examples: [
            .triggers("""
                services:
                  - id: pas
                    name: PAS
                    interfaces:
                      - ↓protocol: hl7v2-mllp
                        peer: lims
                      - { ↓protocol: dicom, peer: modalities, encrypted: false }
                      - { ↓protocol: smtp, peer: external, encrypted: false }
                      - { ↓protocol: ldap }
                      - { protocol: hl7v2-mllp, peer: ris, encrypted: true }
                      - { protocol: smtp, peer: external }
                """),
            .passes("""
                services:
                  - id: pas
                    name: PAS
                    interfaces:
                      - { protocol: hl7v2-https, peer: lims }
                      - { protocol: dicom-tls, peer: pacs, encrypted: true }
                      - { protocol: ftp, peer: bank, encrypted: true }
                      - { protocol: smb, peer: fileshare }
                      - { protocol: mesh, peer: spine }
                """),
        ])

    public func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        for interface in service.interfaces {
            guard let wire = interface.protocol else { continue }
            let peer = interface.peer.map { " to '\($0)'" } ?? ""
            if interface.encrypted == false {
                report.report("\(wire.rawValue) interface\(peer) is not encrypted", at: interface.source,
                              field: "protocol")
            } else if interface.encrypted == nil, Self.plaintextByDefault.contains(wire) {
                report.report("\(wire.rawValue) interface\(peer) runs in clear unless wrapped, and is not marked "
                    + "encrypted", at: interface.source, field: "protocol")
            }
        }
    }
}

public struct ProprietaryInterfacesOnly: ServiceRule {
    public init() {}

    public static let description = RuleDescription(
        id: "proprietary-interfaces-only", title: "Every interface is proprietary", category: .integration,
        severity: .medium,
        rationale: "Every connection this service has uses its supplier's own protocol. The DHSC vision requires "
            + "systems to meet open standards so that they can talk to each other and be replaced when better "
            + "technology comes, and says systems that do not will be phased out. A service reachable only through "
            + "a proprietary protocol is hard to replace or to move piece by piece, and the Cloud Risk Framework "
            + "counts lock-in as a risk.",
        source: "REFERENCE.md section 1 (DHSC, The Future of Healthcare, Oct 2018: 'meet a clear set of open "
            + "standards ... be replaced'; NHS England Architecture Principles: interoperability with open data and "
            + "technology standards) and section 2 (Cloud Risk Framework: lock-in)",
        remediation: "Ask the supplier for open interfaces (FHIR, HL7 v2 over HTTPS, DICOMweb), or put an "
            + "integration engine in front that speaks them; make open standards a condition of re-procurement.",
        examples: [
            .triggers("""
                services:
                  - id: theatres
                    name: Theatres
                    ↓interfaces:
                      - { protocol: proprietary, peer: epr }
                      - { protocol: proprietary, peer: stock }
                  - { id: ris, name: RIS, ↓interfaces: [{ protocol: proprietary }] }
                """),
            .passes("""
                services:
                  - id: theatres
                    name: Theatres
                    interfaces:
                      - { protocol: proprietary, peer: epr }
                      - { protocol: fhir-r4, peer: stock }
                  - { id: wiki, name: Wiki }
                """),
        ])

    public func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard !service.interfaces.isEmpty, service.interfaces.allSatisfy({ $0.protocol == .proprietary }) else {
            return
        }
        let count = service.interfaces.count
        let message = count == 1 ? "its only interface is proprietary"
            : "all \(count) of its interfaces are proprietary"
        report.report(message, at: service.source, field: "interfaces")
    }
}

public struct LatencySensitiveOnSiteDevices: ServiceRule {
    public init() {}

    /// Hardware that ties a server to devices in the building. A fax card is left out: a fax gateway is retired.
    static let onSiteHardware: [AttachedHardware] = [.modalityLink, .serial, .smartcardReader]

    /// Words in an interface's peer label that name devices on site (both spellings of analyser).
    static let onSitePeerWords = ["modalit", "analyser", "analyzer", "printer"]

    public static let description = RuleDescription(
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

    public func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
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
