import CloudFirstCore

struct DataClassificationMissing: ServiceRule {
    static let description = RuleDescription(
        id: "data-classification-missing", title: "Data classification or personal data not given",
        category: .dataAndCompliance, severity: .medium,
        rationale: "The Cloud Risk Framework sets a service's Data Risk Model class, and with it the security "
            + "controls a cloud must provide, from the kind of data it holds; personally identifiable data is "
            + "typically class 5. Without whose personal data it holds, the class cannot be set and the service's "
            + "readiness is 'unknown'. Patient data with no classification is taken as OFFICIAL-SENSITIVE, the "
            + "convention for personal health information, and the finding asks for it to be recorded.",
        source: "REFERENCE.md section 2 (Health and Social Care Cloud Risk Framework, Oct 2021: Data Risk Model "
            + "classes 1 to 5; cloud security good practice guide, step 1: list the data)",
        remediation: "Give 'classification' (official or official-sensitive) and 'personal_data' (patient, staff or "
            + "none) under 'data'.",
        examples: [
            .triggers("""
                services:
                  - ↓{ id: a, name: A }
                  - id: b
                    name: B
                    ↓data: { classification: official }
                  - { id: c, name: C, ↓data: { personal_data: none, volume_gb: 40 } }
                  - { id: d, name: D, ↓data: { dpia: DPIA-2020-001 } }
                """),
            .passes("""
                services:
                  - { id: a, name: A, data: { classification: official-sensitive, personal_data: patient } }
                  - { id: b, name: B, data: { classification: official, personal_data: none } }
                """),
        ])

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard let data = service.data else {
            report.report("no data is described: classification and personal_data are not given", at: service.source)
            return
        }
        let missing = [("classification", data.classification == nil), ("personal_data", data.personalData == nil)]
            .filter(\.1).map(\.0)
        guard !missing.isEmpty else { return }
        let derived = data.classification == nil && data.personalData == .patient
            ? " (taken as official-sensitive, as patient data is)" : ""
        report.report("data gives no \(missing.joined(separator: " or "))\(derived)", at: service.source,
                      field: "data")
    }
}
