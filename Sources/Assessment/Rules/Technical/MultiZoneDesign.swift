import CloudFirstCore

public struct ClinicalSafetyDCB0160: ServiceRule {
    public init() {}

    public static let description = RuleDescription(
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

    public func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard service.clinicalSystem == true else { return }
        report.report("a clinical system: moving or decommissioning it needs an updated hazard log and safety case, "
            + "signed off by a named Clinical Safety Officer", at: service.source, field: "clinical_system")
    }
}

public struct MultiZoneDesign: ServiceRule {
    public init() {}

    public static let description = RuleDescription(
        id: "multi-zone-design", title: "Platinum or Gold service class needs a design across availability zones",
        category: .technical, severity: .medium,
        rationale: "The NHS service classes Platinum (24x7, 99.9%, disaster recovery within 2 hours) and Gold "
            + "(Monday to Saturday 08:00 to 18:00, 99.9%, within 4 hours) leave little room for an outage. Moved "
            + "as single virtual machines, the service keeps its single points of failure; in a cloud, running "
            + "across availability zones (separate data centres in one region) lets it survive the loss of one. "
            + "The Cloud Risk Framework counts availability among the risks of cloud hosting.",
        source: "REFERENCE.md section 2 (NHS service classes; Health and Social Care Cloud Risk Framework: "
            + "availability; NCSC Cloud Security Principle 2, asset protection and resilience)",
        remediation: "Design for two or more availability zones (zone-redundant database and storage, "
            + "load-balanced application tier), check that the target region offers zones, and test failover "
            + "against the recovery time.",
        examples: [
            .triggers("""
                services:
                  - id: epr
                    name: EPR
                    ↓availability: { service_class: platinum, rto_hours: 2 }
                  - { id: lims, name: LIMS, ↓availability: { service_class: gold } }
                """),
            .passes("""
                services:
                  - { id: hr, name: HR, availability: { service_class: silver } }
                  - { id: wiki, name: Wiki, availability: { service_class: bronze } }
                  - { id: fin, name: Finance, availability: { rto_hours: 24 } }
                """),
        ],
        notFor: RuleDescription.hostedOnly)

    public func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard let serviceClass = service.availability?.serviceClass else { return }
        let target: String
        switch serviceClass {
        case .platinum: target = "the class sets 24x7, 99.9%, disaster recovery within 2 hours"
        case .gold: target = "the class sets 99.9% in its hours, Mon-Sat 08:00-18:00, disaster recovery within 4 hours"
        case .silver, .bronze: return
        }
        report.report("service class \(serviceClass.rawValue) (\(target)) needs a design "
            + "across availability zones", at: service.source, field: "availability")
    }
}

public struct OwnerMissing: ServiceRule {
    public init() {}

    public static let description = RuleDescription(
        id: "owner-missing", title: "Service has no owner", category: .operational, severity: .low,
        rationale: "Without an accountable owner nobody can accept the service's risks, approve an exception or "
            + "choose its strategy, and the SIRO and Clinical Safety Officer have nobody to answer to them for it.",
        source: "REFERENCE.md section 1 (Internet First: audit and build an asset register) and section 2 "
            + "(off-shoring guidance: the SIRO must be satisfied; DCB0160)",
        remediation: "Name the accountable owner as 'owner'; a role (e.g. 'Chief Clinical Information Officer') "
            + "outlasts a person.",
        examples: [
            .triggers("""
                services:
                  - ↓{ id: a, name: A }
                  - ↓id: b
                    name: B
                    clinical_system: false
                  - { id: c, name: C, ↓owner: " " }
                """),
            .passes("""
                services:
                  - { id: a, name: A, owner: Chief Clinical Information Officer }
                """),
        ])

    public func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard (service.owner ?? "").allSatisfy(\.isWhitespace) else { return }
        report.report("no owner is given", at: service.source, field: "owner")
    }
}

public struct ServiceWithoutServers: ServiceRule {
    public init() {}

    public static let description = RuleDescription(
        id: "service-without-servers", title: "Service lists no servers", category: .operational, severity: .info,
        rationale: "Without its servers the assessment has nothing to size, cost or check for support dates, so "
            + "the service can be judged only on what it says about itself and its confidence is low. A service "
            + "the supplier offers only as SaaS has no servers of the trust's to list.",
        source: "REFERENCE.md section 7 (Azure Migrate: confidence from data completeness; Google Migration Center: "
            + "insufficient data)",
        remediation: "List the ids of the servers it runs on under 'servers', or record the supplier's "
            + "'saas: only' if it runs in the supplier's cloud.",
        examples: [
            .triggers("""
                services:
                  - ↓{ id: a, name: A }
                  - { id: b, name: B, ↓servers: [] }
                  - ↓{ id: c, name: C, supplier: { saas: available } }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1 }
                services:
                  - { id: a, name: A, servers: [s1] }
                  - { id: b, name: B, supplier: { name: Microsoft, saas: only } }
                """),
        ])

    public func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard service.servers.isEmpty, service.supplier?.saas != .only else { return }
        let message = service.source["servers"] == nil ? "no servers are listed" : "its servers list is empty"
        report.report(message + ": it cannot be sized, costed or checked for support", at: service.source,
                      field: "servers")
    }
}
