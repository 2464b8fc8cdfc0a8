import CloudFirstCore

struct PlaintextInterface: ServiceRule {
    /// Protocols that carry data in clear unless wrapped (TLS, a VPN, LDAP StartTLS): reported unless the inventory
    /// says `encrypted: true`. Any other protocol is reported only on an explicit `encrypted: false`; SMTP is among
    /// those because STARTTLS is common and the protocol name cannot tell.
    static let plaintextByDefault: Set<InterfaceProtocol> = [.hl7v2MLLP, .dicom, .ftp, .http, .ldap]

    static let description = RuleDescription(
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

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
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
