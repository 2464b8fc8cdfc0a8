import CloudFirstCore

/// Buying a service again is a procurement: its assurance comes before the move.
struct RepurchaseAssurance: DerivedRule {
    static let description = RuleDescription(
        id: "repurchase-assurance", title: "Repurchase: the procurement's assurance comes first",
        category: .commercial, severity: .medium,
        rationale: "A repurchase replaces the trust's own installation with the supplier's service: a procurement "
            + "(a framework call-off such as G-Cloud), the Digital Technology Assessment Criteria for the new "
            + "product, the supplier's Data Security and Protection Toolkit status, a DPIA for the new processing, "
            + "DCB0160 for a clinical system, and the data migration and exit terms of the contract. These take "
            + "months of calendar time and are waited for, not worked.",
        source: "NHS England Transformation Directorate, 'Digital Technology Assessment Criteria for health and "
            + "social care (DTAC)', launched 23 February 2021: assess new products at each procurement or contract "
            + "renewal (REFERENCE.md section 10); DSPT and DPIA (REFERENCE.md section 2); NHS Cloud Centre of "
            + "Excellence adoption plan (REFERENCE.md section 9)",
        remediation: "Start the procurement early: DTAC and DSPT evidence from the supplier, the DPIA, the safety "
            + "case for a clinical system, data migration and exit terms in the contract.",
        examples: [
            .triggers("""
                servers:
                  - { id: s1, site: dc1 }
                services:
                  - { id: a, name: A, supplier: { saas: only }, ↓strategy: repurchase }
                  - ↓{ id: b, name: B, servers: [s1], supplier: { saas: only } }
                """),
            .passes("""
                services:
                  - { id: a, name: A, supplier: { saas: none } }
                  - { id: b, name: B, supplier: { saas: available }, contract_ends: 2035-01-31 }
                """),
        ],
        gate: true)
}
