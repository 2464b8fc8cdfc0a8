import CloudFirstCore

struct NationalServiceRegistration: ServiceRule {
    /// An NHS national service an interface can reach, and what is registered against the connecting system's
    /// network address or host name.
    struct NationalService {
        let name: String
        let registration: String
    }

    static let spine = NationalService(
        name: "Spine", registration: "its Spine endpoint (accredited system ID and endpoint registration, with the "
            + "host name registered with the NHS DNS team)")
    static let mesh = NationalService(
        name: "MESH", registration: "its MESH mailbox client (the client host, its MESH TLS certificate and "
            + "mailbox credentials)")
    static let nhsmailRelay = NationalService(
        name: "the NHSmail relay", registration: "the DNS entry of its sending server, which the relay checks by "
            + "reverse lookup")
    static let sus = NationalService(
        name: "SUS", registration: "the connection it submits through (a MESH mailbox or Spine endpoint), to be "
            + "confirmed with NHS England")

    /// Words in an interface's peer label that name a national service. Spine's own services count as Spine.
    static let peerWords: [(words: Set<String>, service: NationalService)] = [
        (["spine", "pds", "scr", "eps", "ers", "nrl", "sds"], spine),
        (["mesh"], mesh),
        (["nhsmail"], nhsmailRelay),
        (["sus"], sus),
    ]

    /// The national service an interface reaches, or nil. NHSmail counts only for SMTP (or an unnamed protocol):
    /// the relay is what registers a sending server.
    /// `words` gives a peer label's words (`labelWords`); the context passes one that splits each distinct label once.
    static func nationalService(of interface: Interface, words: (String) -> Set<String> = labelWords)
        -> NationalService? {
        if interface.protocol == .mesh { return mesh }
        guard let peer = interface.peer else { return nil }
        let words = words(peer)
        for (match, service) in peerWords where !match.isDisjoint(with: words) {
            if service.name == nhsmailRelay.name, interface.protocol.map({ $0 != .smtp }) ?? false { continue }
            return service
        }
        return nil
    }

    /// A peer label's words, lowercased, with the national services written as phrases added by their short names.
    static func labelWords(_ label: String) -> Set<String> {
        let peer = label.lowercased()
        var words = Set(peer.split { !$0.isLetter && !$0.isNumber }.map(String.init))
        if ASCIISearch.containsAny(label, ["e-rs", "e-referral"]) { words.insert("ers") }
        if ASCIISearch.containsAny(label, ["nhs.net", "relay.nhs.uk"]) { words.insert("nhsmail") }
        if ASCIISearch.contains(label, "secondary uses service") { words.insert("sus") }
        return words
    }

    static let description = RuleDescription(
        id: "national-service-registration", title: "Interface to an NHS national service: re-register before "
            + "cut-over",
        category: .integration, severity: .medium,
        rationale: "This interface reaches an NHS national service: Spine (PDS, SCR, e-RS, EPS), MESH, the NHSmail "
            + "relay or SUS. Each knows the connecting system by something the move changes. A system that talks "
            + "to Spine has an accredited system ID for one deployment in one organisation and a registered "
            + "endpoint with its host name; a MESH client connects with a TLS certificate and mailbox credentials; "
            + "the NHSmail relay checks the sending server by reverse DNS and refuses mail from one that is not "
            + "registered. Moving the service gives it new network addresses, so these registrations must be "
            + "updated with NHS England before cut-over, or the interface stops on the day. This is work to plan "
            + "before the move, a gate on the timetable, not a sign that the service cannot move.",
        source: "NHS England Digital, 'Integration environments' (Path to Live: register the message handling "
            + "service with Spine by requesting an endpoint; register the fully qualified domain name with the NHS "
            + "DNS team) and 'Endpoint registration service user guide'; NHS Developer, 'Spine Endpoints' (every "
            + "system connecting to Spine has an accredited system ID unique to a system deployed in one "
            + "organisation); NHS Digital, 'Applications Guide for NHSmail', version 14, March 2022, and NHSmail "
            + "support, 'Relay Configuration' (the relay checks the sender's reverse DNS; register the DNS entry); "
            + "NHS England, MESH API specification ('Get a TLS certificate'); REFERENCE.md section 3 (Spine: "
            + "accredited system ID and client certificate)",
        remediation: "List the registrations each national interface depends on, raise the changes with NHS England "
            + "(endpoint registration, DNS, MESH) and the supplier in time for testing in the Path to Live "
            + "environments, and make their completion a condition of the cut-over plan.",
        examples: [
            .triggers("""
                services:
                  - id: pas
                    name: PAS
                    interfaces:
                      - ↓protocol: soap
                        peer: Spine PDS
                      - ↓{ protocol: mesh, peer: pathology-network-hub }
                      - ↓{ protocol: smtp, peer: NHSmail relay }
                      - ↓{ protocol: fhir-r4, peer: e-RS }
                      - ↓{ protocol: sftp, peer: SUS }
                      - { protocol: hl7v2-mllp, peer: lims }
                      - { protocol: ldaps, peer: NHSmail directory }
                """),
            .passes("""
                services:
                  - id: pas
                    name: PAS
                    interfaces:
                      - { protocol: hl7v2-https, peer: lims }
                      - { protocol: smtp, peer: local exchange }
                      - { protocol: https, peer: suspense-ledger }
                  - { id: wiki, name: Wiki }
                """),
        ],
        gate: true)

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        for interface in service.interfaces {
            guard let national = Self.nationalService(of: interface, words: context.peerWords) else { continue }
            let peer = interface.peer.map { " '\($0)'" } ?? ""
            report.report("interface\(peer) reaches \(national.name): re-register \(national.registration) for the "
                + "new network address before cut-over", at: interface.source)
        }
    }
}
