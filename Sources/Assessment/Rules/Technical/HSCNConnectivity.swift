import CloudFirstCore

struct HSCNConnectivity: ServiceRule {
    static let description = RuleDescription(
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

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard service.exposure == .hscn else { return }
        report.report("users reach it over HSCN: the route from HSCN to the cloud must be designed first",
                      at: service.source, field: "exposure")
    }
}
