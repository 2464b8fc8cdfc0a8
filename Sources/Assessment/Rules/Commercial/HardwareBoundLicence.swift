import CloudFirstCore

struct HardwareBoundLicence: ServiceRule {
    static let description = RuleDescription(
        id: "hardware-bound-licence", title: "Licence tied to hardware", category: .commercial, severity: .high,
        rationale: "A licence tied to a host ID, a MAC address or a physical machine stops being valid when the "
            + "service moves to a cloud VM. Licences tied to hardware are among the blockers trusts meet in "
            + "practice, and only the supplier can change them.",
        source: "REFERENCE.md section 4 (blockers seen in practice: licences tied to hardware, dongles, host IDs)",
        remediation: "Ask the supplier to re-issue the licence for the cloud (a licence server, a subscription, "
            + "or cloud-portable terms) and put it in the contract before the move.",
        examples: [
            .triggers("""
                services:
                  - id: a
                    name: A
                    ↓licensing: { model: per-server, hardware_bound: true }
                """),
            .passes("""
                services:
                  - { id: a, name: A, licensing: { model: per-core, hardware_bound: false } }
                  - { id: b, name: B, licensing: { model: subscription } }
                  - { id: c, name: C }
                """),
        ])

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard service.licensing?.hardwareBound == true else { return }
        report.report("its licence is tied to hardware and lapses when it moves to a cloud VM",
                      at: service.source, field: "licensing")
    }
}
