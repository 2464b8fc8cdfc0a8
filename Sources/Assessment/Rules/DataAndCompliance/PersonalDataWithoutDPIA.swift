import CloudFirstCore

struct PersonalDataWithoutDPIA: ServiceRule {
    static let description = RuleDescription(
        id: "personal-data-without-dpia", title: "Personal data with no DPIA", category: .dataAndCompliance,
        severity: .high,
        rationale: "Moving personal data to a cloud changes how and where it is processed. The Health and Social "
            + "Care Cloud Risk Framework expects a Data Protection Impact Assessment, and UK GDPR Article 35 "
            + "requires one before processing likely to result in high risk, naming health data on a large scale "
            + "among them. For staff data alone, whether Article 35 strictly requires one depends on the processing; "
            + "the framework still expects it.",
        source: "REFERENCE.md section 2 (Health and Social Care Cloud Risk Framework, Oct 2021: a DPIA is "
            + "expected); UK GDPR Article 35",
        remediation: "Carry out the DPIA with the DPO before the move, covering the cloud hosting, and give its "
            + "reference as 'dpia'. It is a gate: work before the move, not a defect of the service.",
        examples: [
            .triggers("""
                services:
                  - id: epr
                    name: EPR
                    ↓data: { classification: official-sensitive, personal_data: patient }
                  - { id: esr, name: ESR, ↓data: { personal_data: staff, dpia: " " } }
                """),
            .passes("""
                services:
                  - { id: epr, name: EPR, data: { personal_data: patient, dpia: DPIA-2024-017 } }
                  - { id: web, name: Website, data: { classification: official, personal_data: none } }
                  - { id: wiki, name: Wiki, data: { classification: official } }
                """),
        ],
        gate: true)

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard let data = service.data, let personal = data.personalData, personal != .none,
              (data.dpia ?? "").allSatisfy(\.isWhitespace) else { return }
        let whose = personal == .patient ? "patient data" : "staff personal data"
        report.report("it holds \(whose) and gives no DPIA reference", at: service.source, field: "data")
    }
}
