@testable import Assessment
import CloudFirstCore
import Foundation
import Testing

/// Builds small estates from YAML for the assessment tests; every one has a site `dc1`.
enum Estates {
    static let defaultSites = "[{ id: dc1, name: DC }]"

    static func load(_ body: String, sites: String = defaultSites,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Estate {
        let header = "cloudfirst: 1\norganisation: { name: Example Trust }\nsites: \(sites)\n"
        let loaded = EstateLoader.load([InventorySource(displayPath: "estate.yaml",
                                                        contents: .bytes(Array((header + body).utf8)))])
        return try #require(loaded.estate, Comment(rawValue: loaded.diagnostics.map(\.rendered).joined(separator: "\n")),
                            sourceLocation: sourceLocation)
    }

    static func assess(_ body: String, sites: String = defaultSites, asOf: CalendarDate = RuleExample.defaultAsOf,
                       policy: Policy = Policy(), sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
        -> EstateAssessment {
        Assessor(policy: policy).assess(try load(body, sites: sites, sourceLocation: sourceLocation), asOf: asOf)
    }

    /// A service with every field the confidence counts, on one fully described server: a clean, ready service. Its
    /// server is on Hyper-V: a service wholly on VMware has an info finding (`vmware-subscription-exposure`).
    static let complete = """
        servers:
          - id: app1
            site: dc1
            role: application
            environment: production
            platform: hyper-v
            os: Windows Server 2022
            architecture: x86_64
            firmware: uefi
            cpu_cores: 4
            memory_gb: 16
            storage_gb: 200
            utilisation: { cpu_p95: 40, memory_p95: 60, days_sampled: 30 }
        services:
          - id: app
            name: App
            owner: Head of IT
            supplier: { name: Example Ltd, saas: none, supported_clouds: [azure, aws, gcp] }
            criticality: business-operational
            clinical_system: false
            data: { classification: official, personal_data: none, dpia: DPIA-1 }
            availability: { service_class: bronze }
            exposure: internal
            identity: [entra-id]
            licensing: { model: subscription, hardware_bound: false }
            contract_ends: 2031-03-31
            servers: [app1]
        """

    static func date(_ text: String) -> CalendarDate { CalendarDate(text)! }
}

extension EstateAssessment {
    func service(_ id: String) -> ServiceAssessment? { services.first { $0.service.id == id } }
}
