import CloudFirstCore

struct SiteLeaseEnding: ServerRule {
    static let description = RuleDescription(
        id: "site-lease-ending", title: "Server on a site whose lease ends within the planning horizon",
        category: .operational, severity: .medium,
        rationale: "When the lease or contract for a site ends, every server in it has to be gone: moved to a "
            + "cloud, retired, or re-homed on another site. A site exit is a fixed date the migration plan has to "
            + "meet. cloudfirst counts a lease ending within the planning horizon (36 months of the assessment "
            + "date unless the policy file's strategy.planning_horizon_months says otherwise), or already ended, "
            + "as one this programme must deal with. 36 months is the project's judgement of how long a programme runs: an acute trust's EPR or PACS change takes "
            + "12 to 36 months, which is professional judgement from reviews, not a published figure.",
        source: "REFERENCE.md section 9 ('Programme length': 12 to 36 months, professional judgement, not a "
            + "published figure) and section 1 (Internet First: audit and build an asset register; plan the "
            + "remediation)",
        remediation: "Put the site exit date into the wave plan: move, retire or re-home each server on the site "
            + "before it, with time for cut-over rehearsals; or agree an extension of the lease and record its new "
            + "end date.",
        examples: [
            .triggers("""
                sites:
                  - { id: dc1, name: DC }
                  - { id: colo, name: Eastfield colocation, lease_ends: 2027-09-30 }
                  - { id: old, name: Old server room, lease_ends: 2026-03-31 }
                  - { id: edge, name: Edge room, lease_ends: 2029-11-25 }
                servers:
                  - { id: s1, ↓site: colo }
                  - id: s2
                    ↓site: old
                  - { id: s3, site: dc1 }
                  - { id: s4, ↓site: edge }
                """),
            .passes("""
                sites:
                  - { id: dc1, name: DC }
                  - { id: colo, name: Eastfield colocation, lease_ends: 2029-11-26 }
                servers:
                  - { id: s1, site: colo }
                  - { id: s2, site: dc1 }
                """),
        ])

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        guard let reference = server.site, let site = context.estate.site(reference.id),
              let leaseEnds = site.leaseEnds, leaseEnds <= context.horizonEnds else {
            return
        }
        let name = site.name.allSatisfy(\.isWhitespace) ? "'\(site.id)'" : "'\(site.name)' (\(site.id))"
        let when = leaseEnds < context.asOf ? "ended on \(leaseEnds): move, retire or re-home it now"
            : "ends on \(leaseEnds): move, retire or re-home it by then"
        report.report("server '\(server.id)' is on site \(name), whose lease \(when)", at: server.source,
                      field: "site")
    }
}
