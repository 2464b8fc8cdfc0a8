import CloudFirstCore

public struct SaaSAvailable: ServiceRule {
    public init() {}

    public static let description = RuleDescription(
        id: "saas-available", title: "Supplier offers it as SaaS", category: .commercial, severity: .info,
        rationale: "GDS Cloud First says software as a service should always be considered, NHS England prefers "
            + "SaaS to PaaS to IaaS, and its principles say reuse before buy or build. Buying the service as SaaS "
            + "(repurchase) removes the trust's servers rather than moving them, so cloudfirst recommends it first.",
        source: "REFERENCE.md section 1 (GDS Cloud First: SaaS should always be considered; NHS England "
            + "Architecture Principles: reuse before buy/build) and section 5 (NHS England: SaaS > PaaS > IaaS)",
        remediation: "Compare the supplier's SaaS offer (data location, service class, exit terms) with moving the "
            + "servers, before choosing the strategy.",
        examples: [
            .triggers("""
                services:
                  - id: pacs
                    name: PACS
                    supplier:
                      name: Sectra
                      ↓saas: available
                  - { id: hr, name: HR, supplier: { ↓saas: only } }
                """),
            .passes("""
                services:
                  - { id: lims, name: LIMS, supplier: { name: Clinisys, saas: none } }
                  - { id: wiki, name: Wiki, supplier: { name: In-house } }
                """),
        ])

    public func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard let supplier = service.supplier, let saas = supplier.saas, saas != .none else { return }
        let who = supplier.name.map { "'\($0)'" } ?? "the supplier"
        let kind = context.kind(of: service)
        let advice = kind == .application ? "consider repurchase first"
            : "as a \(kind.rawValue) platform it becomes the cloud's own service rather than a repurchase, but the "
                + "offer is worth knowing"
        report.report("\(who) offers it \(saas == .only ? "only " : "")as SaaS: \(advice)",
                      at: supplier.source, field: "saas")
    }
}

public struct SupplierCloudUnsupported: ServiceRule {
    public init() {}

    public static let description = RuleDescription(
        id: "supplier-cloud-unsupported", title: "Supplier does not support a target cloud", category: .commercial,
        severity: .low,
        rationale: "Running a product on a platform its supplier does not support puts support, upgrades and fixes "
            + "at risk; for a clinical system, the supplier's DCB0129 safety case may not cover the new hosting. "
            + "Where the supplier supports some of the target clouds, the service goes to one of those: a "
            + "constraint on the choice of cloud, not a defect. A supplier that supports none of them leaves "
            + "retain or repurchase, which the strategy decision makes.",
        source: "REFERENCE.md section 5 (target clouds: NHS England prefers Azure; the NHS Cloud Centre of "
            + "Excellence provisions AWS and Azure landing zones) and section 2 (DCB0129, the manufacturer's "
            + "clinical risk management); the supplier's own support statement",
        remediation: "Ask the supplier, in writing, to support the target cloud, or plan the service for a cloud it "
            + "supports; if it supports none, retain or repurchase.",
        examples: [
            .triggers("""
                services:
                  - id: epr
                    name: EPR
                    supplier:
                      name: Example EPR Ltd
                      ↓supported_clouds: [azure]
                  # Supports none: retained, so the strategy's reasons say it and no hosting finding is raised.
                  - { id: lims, name: LIMS, supplier: { supported_clouds: [] } }
                """),
            .triggers("""
                assumptions:
                  target_clouds: [azure, aws]
                services:
                  - { id: epr, name: EPR, supplier: { ↓supported_clouds: [gcp, aws] } }
                """),
            .passes("""
                assumptions:
                  target_clouds: [azure]
                services:
                  - { id: epr, name: EPR, supplier: { supported_clouds: [azure, aws] } }
                  - { id: lims, name: LIMS, supplier: { name: Clinisys } }
                """),
        ],
        notFor: RuleDescription.hostedOnly)

    public func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard let supplier = service.supplier, let supported = supplier.supportedClouds else { return }
        let targets = context.estate.assumptions.targetClouds
        let unsupported = targets.filter { !supported.contains($0) }
        guard !unsupported.isEmpty else { return }
        let names = unsupported.map(\.rawValue).joined(separator: ", ")
        report.report(unsupported.count == targets.count
                          ? "the supplier supports none of the target clouds (\(names))"
                          : "the supplier does not support it on \(names)",
                      at: supplier.source, field: "supported_clouds")
    }
}

public struct ContractEnding: ServiceRule {
    public init() {}

    public static let description = RuleDescription(
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
                """, asOf: CalendarDate(year: 2024, month: 2, day: 29)!),
            .passes("""
                services:
                  - { id: a, name: A, contract_ends: 2026-03-01 }
                """, asOf: CalendarDate(year: 2024, month: 2, day: 29)!),
        ])

    public func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard let ends = service.contractEnds, ends >= context.asOf, ends <= context.monthsAhead(24) else { return }
        report.report("the supplier contract ends on \(ends): re-procurement can require cloud hosting or SaaS",
                      at: service.source, field: "contract_ends")
    }
}

public struct ContractEnded: ServiceRule {
    public init() {}

    public static let description = RuleDescription(
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

    public func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        guard let ends = service.contractEnds, ends < context.asOf else { return }
        report.report("the supplier contract ended on \(ends): unless an extension is signed, the service runs "
            + "without contract terms", at: service.source, field: "contract_ends")
    }
}
