import CloudFirstCore

/// A service kept on site where the site is going away.
struct RetainedOnClosingSite: DerivedRule {
    static let description = RuleDescription(
        id: "retained-on-closing-site", title: "Retained or held service on a site being vacated",
        category: .operational,
        severity: .high,
        rationale: "The service stays on premises, retained or held back from the cloud waves by a blocker, but a "
            + "site it runs on closes within the planning horizon: staying still means moving it, to another site, "
            + "a colocation or a cloud, before that date.",
        source: "REFERENCE.md section 4 (a trust's sites and their exits) and section 9 (cloud first does not mean "
            + "moving everything; programme length)",
        remediation: "Choose the retained service's new home (another of the trust's sites, a colocation, or the "
            + "cloud after all) and plan its move before the site's lease ends.",
        examples: [
            .triggers("""
                sites:
                  - { id: dc1, name: DC }
                  - { id: dc2, name: DR room, lease_ends: 2027-09-30 }
                servers:
                  - { id: s1, site: dc2, architecture: sparc }
                  - { id: s2, site: dc2 }
                services:
                  - ↓{ id: a, name: A, servers: [s1] }
                  - { id: b, name: B, servers: [s2], ↓strategy: retain }
                """),
            .passes("""
                sites:
                  - { id: dc1, name: DC }
                  - { id: dc2, name: DR room, lease_ends: 2035-09-30 }
                servers:
                  - { id: s1, site: dc2, architecture: sparc }
                  - { id: s2, site: dc1, architecture: sparc }
                services:
                  - { id: a, name: A, servers: [s1] }
                  - { id: b, name: B, servers: [s2] }
                """),
        ])
}
