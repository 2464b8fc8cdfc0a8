import CloudFirstCore

struct SupplierCloudUnsupported: ServiceRule {
    static let description = RuleDescription(
        id: "supplier-cloud-unsupported", title: "Supplier does not support a target cloud", category: .commercial,
        severity: .low,
        rationale: "Running a product on a platform its supplier does not support puts support, upgrades and fixes "
            + "at risk; for a clinical system, the supplier's DCB0129 safety case may not cover the new hosting. "
            + "Where the supplier supports some of the target clouds, the service goes to one of those: a "
            + "constraint on the choice of cloud, not a defect. A supplier that supports none of them leaves "
            + "retain or repurchase, which the strategy decision makes.",
        source: "REFERENCE.md section 5 (target clouds: NHS England prefers Azure; the NHS Cloud Centre of "
            + "Excellence provisions AWS and Azure landing zones) and section 2 (DCB0129, the manufacturer's "
            + "clinical risk management); the supplier's own support statement",
        remediation: "Ask the supplier, in writing, to support the target cloud, or plan the service for a cloud it "
            + "supports; if it supports none, retain or repurchase.",
        examples: [
            .triggers("""
                services:
                  - id: epr
                    name: EPR
                    supplier:
                      name: Example EPR Ltd
                      ↓supported_clouds: [azure]
                  # Supports none: retained, so the strategy's reasons say it and no hosting finding is raised.
                  - { id: lims, name: LIMS, supplier: { supported_clouds: [] } }
                """),
            .triggers("""
                assumptions:
                  target_clouds: [azure, aws]
                services:
                  - { id: epr, name: EPR, supplier: { ↓supported_clouds: [gcp, aws] } }
                """),
            .passes("""
                assumptions:
                  target_clouds: [azure]
                services:
                  - { id: epr, name: EPR, supplier: { supported_clouds: [azure, aws] } }
                  - { id: lims, name: LIMS, supplier: { name: Clinisys } }
                """),
        ],
        notFor: RuleDescription.hostedOnly)

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard let supplier = service.supplier, let supported = supplier.supportedClouds else { return }
        let targets = context.estate.assumptions.targetClouds
        let unsupported = targets.filter { !supported.contains($0) }
        guard !unsupported.isEmpty else { return }
        let names = unsupported.map(\.rawValue).joined(separator: ", ")
        report.report(unsupported.count == targets.count
                          ? "the supplier supports none of the target clouds (\(names))"
                          : "the supplier does not support it on \(names)",
                      at: supplier.source, field: "supported_clouds")
    }
}
