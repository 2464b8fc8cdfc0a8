import CloudFirstCore

struct ContractEnding: ServiceRule {
    static let description = RuleDescription(
        id: "contract-ending", title: "Supplier contract ends within 24 months",
        category: .commercial, severity: .medium,
        rationale: "A contract's end is when the trust can require cloud hosting or SaaS without paying to leave "
            + "early. GDS Cloud First says SaaS should always be considered and a non-cloud choice needs evidence "
            + "and a business case; NHS England's principles say reuse before buy or build. Re-procurement takes "
            + "time, so cloudfirst flags contracts that end within 24 months: a planning horizon of its own, not an "
            + "NHS rule. A contract that has already ended is a finding of its own (contract-ended).",
        source: "REFERENCE.md section 1 (GDS Cloud First: public cloud first, SaaS should always be considered; "
            + "NHS England Architecture Principles: reuse before buy/build); the 24-month window is cloudfirst's "
            + "own planning horizon",
        remediation: "Start re-procurement early enough to require cloud hosting or SaaS, UK data residency and "
            + "open standards in the new contract.",
        examples: [
            .triggers("""
                services:
                  - { id: a, name: A, ↓contract_ends: 2028-11-25 }
                  - { id: b, name: B, ↓contract_ends: 2026-11-25 }
                """),
            .passes("""
                services:
                  - { id: a, name: A, contract_ends: 2028-11-26 }
                  - { id: b, name: B }
                  - { id: c, name: C, contract_ends: 2026-11-24 }
                """),
            .triggers("""
                services:
                  - { id: a, name: A, ↓contract_ends: 2026-02-28 }
                """, asOf: CalendarDate(year: 2024, month: 2, day: 29)!),  // Safe: 2024 is a leap year.
            .passes("""
                services:
                  - { id: a, name: A, contract_ends: 2026-03-01 }
                """, asOf: CalendarDate(year: 2024, month: 2, day: 29)!),  // Safe: 2024 is a leap year.
        ])

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard let ends = service.contractEnds, ends >= context.asOf, ends <= context.monthsAhead(24) else { return }
        report.report("the supplier contract ends on \(ends): re-procurement can require cloud hosting or SaaS",
                      at: service.source, field: "contract_ends")
    }
}
