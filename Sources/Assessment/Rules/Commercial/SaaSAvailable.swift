import CloudFirstCore

struct SaaSAvailable: ServiceRule {
    static let description = RuleDescription(
        id: "saas-available", title: "Supplier offers it as SaaS", category: .commercial, severity: .info,
        rationale: "GDS Cloud First says software as a service should always be considered, NHS England prefers "
            + "SaaS to PaaS to IaaS, and its principles say reuse before buy or build. Buying the service as SaaS "
            + "(repurchase) removes the trust's servers rather than moving them, so cloudfirst recommends it first.",
        source: "REFERENCE.md section 1 (GDS Cloud First: SaaS should always be considered; NHS England "
            + "Architecture Principles: reuse before buy/build) and section 5 (NHS England: SaaS > PaaS > IaaS)",
        remediation: "Compare the supplier's SaaS offer (data location, service class, exit terms) with moving the "
            + "servers, before choosing the strategy.",
        examples: [
            .triggers("""
                services:
                  - id: pacs
                    name: PACS
                    supplier:
                      name: Sectra
                      ↓saas: available
                  - { id: hr, name: HR, supplier: { ↓saas: only } }
                """),
            .passes("""
                services:
                  - { id: lims, name: LIMS, supplier: { name: Clinisys, saas: none } }
                  - { id: wiki, name: Wiki, supplier: { name: In-house } }
                """),
        ])

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard let supplier = service.supplier, let saas = supplier.saas, saas != .none else { return }
        let who = supplier.name.map { "'\($0)'" } ?? "the supplier"
        let kind = context.kind(of: service)
        let advice = kind == .application ? "consider repurchase first"
            : "as a \(kind.rawValue) platform it becomes the cloud's own service rather than a repurchase, but the "
                + "offer is worth knowing"
        report.report("\(who) offers it \(saas == .only ? "only " : "")as SaaS: \(advice)",
                      at: supplier.source, field: "saas")
    }
}
