import CloudFirstCore

struct ModalityLink: ServerRule {
    static let description = RuleDescription(
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

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        reportAttached(.modalityLink, on: server, "is linked to imaging modalities or analysers, which need an "
            + "on-site gateway if it moves", to: &report)
    }
}
