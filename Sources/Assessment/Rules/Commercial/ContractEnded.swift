import CloudFirstCore

struct ContractEnded: ServiceRule {
    static let description = RuleDescription(
        id: "contract-ended", title: "Supplier contract has ended", category: .commercial, severity: .high,
        rationale: "The recorded contract end has passed. Unless an extension has been signed, the service runs "
            + "without a contract: no support terms, and, where the supplier processes the trust's personal data, "
            + "none of the processor terms UK GDPR Article 28 requires to be set out in a contract. It is also the "
            + "moment the trust can require cloud hosting or SaaS without paying to leave early.",
        source: "UK GDPR Article 28(3) (processing by a processor shall be governed by a contract); REFERENCE.md "
            + "section 1 (GDS Cloud First: SaaS should always be considered)",
        remediation: "Record the signed extension's end date as 'contract_ends', or put a contract in place now, "
            + "requiring cloud hosting or SaaS, UK data residency and open standards where the re-procurement allows.",
        examples: [
            .triggers("""
                services:
                  - { id: a, name: A, ↓contract_ends: 2026-11-24 }
                  - { id: b, name: B, ↓contract_ends: 2019-03-31 }
                """),
            .passes("""
                services:
                  - { id: a, name: A, contract_ends: 2026-11-25 }
                  - { id: b, name: B }
                """),
        ])

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard let ends = service.contractEnds, ends < context.asOf else { return }
        report.report("the supplier contract ended on \(ends): unless an extension is signed, the service runs "
            + "without contract terms", at: service.source, field: "contract_ends")
    }
}
