import CloudFirstCore

struct ClinicalSafetyDCB0160: ServiceRule {
    static let description = RuleDescription(
        id: "clinical-safety-dcb0160", title: "Clinical system: the move is a change under DCB0160",
        category: .dataAndCompliance, severity: .high,
        rationale: "DCB0160 binds the organisation deploying a health IT system through its modification and "
            + "decommissioning, and covers its infrastructure and interfaces; it has been a 'must comply' duty "
            + "since 7 July 2025. Moving a clinical system to a cloud is such a change: its hazard log and clinical "
            + "safety case must be updated, and the change signed off by a named Clinical Safety Officer, before it "
            + "goes live. It is a gate every clinical move passes through, not a defect of the service.",
        source: "REFERENCE.md section 2 (clinical safety: DCB0160 for the deploying organisation and DCB0129 for "
            + "the manufacturer; a change of hosting is a change) and section 9 (DCB0160 a 'must comply' duty from "
            + "7 July 2025)",
        remediation: "Name the Clinical Safety Officer for the move; add the hosting hazards (loss of the network "
            + "to the cloud, latency, failover, restoring data) to the hazard log; update the safety case with the "
            + "supplier's DCB0129 evidence for the new hosting.",
        examples: [
            .triggers("""
                services:
                  - { id: epr, name: EPR, ↓clinical_system: true }
                """),
            .passes("""
                services:
                  - { id: fin, name: Finance, clinical_system: false }
                  - { id: hr, name: HR }
                """),
        ],
        gate: true)

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard service.clinicalSystem == true else { return }
        report.report("a clinical system: moving or decommissioning it needs an updated hazard log and safety case, "
            + "signed off by a named Clinical Safety Officer", at: service.source, field: "clinical_system")
    }
}
