import CloudFirstCore

struct ProprietaryInterfacesOnly: ServiceRule {
    static let description = RuleDescription(
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

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard !service.interfaces.isEmpty, service.interfaces.allSatisfy({ $0.protocol == .proprietary }) else {
            return
        }
        let count = service.interfaces.count
        let message = count == 1 ? "its only interface is proprietary"
            : "all \(count) of its interfaces are proprietary"
        report.report(message, at: service.source, field: "interfaces")
    }
}
