import CloudFirstCore

struct AttachedGPU: ServerRule {
    static let description = RuleDescription(
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

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        reportAttached(.gpu, on: server, "has a GPU: it needs a GPU VM family, which costs more", to: &report)
    }
}
