import CloudFirstCore

struct ArchitectureNotX86: ServerRule {
    static let names: [Architecture: String] = [.sparc: "SPARC", .power: "IBM POWER", .itanium: "Itanium"]

    static let description = RuleDescription(
        id: "architecture-not-x86", title: "Processor that no target cloud offers as a VM", category: .technical,
        severity: .blocker,
        rationale: "Azure, AWS and Google Cloud build their virtual machines on x86 and Arm processors only. "
            + "Software built for SPARC (such as Solaris), IBM POWER (such as AIX) or Itanium (such as HP-UX) cannot "
            + "be lifted onto them: it has to be replaced, rebuilt for x86 or Arm, or kept where it is. Legacy "
            + "technology like this is among the blockers trusts meet in practice. Specialist hosting for some of "
            + "these processors is sold alongside some clouds; that is not in REFERENCE.md, was not checked, and is "
            + "not the clouds' own virtual machines.",
        source: "The VM families of Azure, AWS and Google Cloud (x86 and Arm; not in REFERENCE.md); REFERENCE.md "
            + "section 4 (blockers seen in practice: legacy tech, unsupported OS) and section 7 (Azure Migrate "
            + "readiness)",
        remediation: "Ask the supplier for an x86 or Arm version, or SaaS (repurchase); otherwise plan to retain "
            + "the server on site and record why.",
        examples: [
            .triggers("""
                servers:
                  - id: s1
                    site: dc1
                    os: Solaris 10
                    ↓architecture: sparc
                  - { id: s2, site: dc1, ↓architecture: power }
                  - { id: s3, site: dc1, ↓architecture: itanium }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, architecture: x86_64 }
                  - { id: s2, site: dc1, architecture: arm64 }
                  - { id: s3, site: dc1, architecture: x86 }
                  - { id: s4, site: dc1, os: Solaris 11.4 }
                """),
        ])

    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter) {
        guard let architecture = server.architecture, let name = Self.names[architecture] else { return }
        report.report("server '\(server.id)' runs on \(name), which none of Azure, AWS or Google Cloud offers as a "
            + "virtual machine", at: server.source, field: "architecture")
    }
}
