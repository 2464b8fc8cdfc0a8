import Assessment
import CloudFirstCore
import Foundation
@testable import Generation
import Planning
import Testing

/// The security rules between services on every cloud: an interface's peer opens its port between the two services
/// whichever way any dependency points; each environment has groups of its own, so a test server never reaches a
/// production one; a print service listens on the printing ports and a MESH client on none.
@Suite struct NetworkRulesTests {
    /// An integration engine (`tie`) sending HL7 to an EPR that neither depends on it nor is depended on, each with
    /// test servers beside the live ones (the EPR a DR server too), a MESH client interface, a peer outside the
    /// estate, and a print service.
    static let yaml = """
        cloudfirst: 1
        organisation: { name: Net Trust }
        sites: [{ id: dc1, name: DC }]
        servers:
          - { id: tie-live, site: dc1, os: Red Hat Enterprise Linux 8, cpu_cores: 2, memory_gb: 8, environment: production }
          - { id: tie-test, site: dc1, os: Red Hat Enterprise Linux 8, cpu_cores: 2, memory_gb: 8, environment: test }
          - { id: epr-live, site: dc1, os: Red Hat Enterprise Linux 8, cpu_cores: 2, memory_gb: 8, environment: production }
          - { id: epr-test, site: dc1, os: Red Hat Enterprise Linux 8, cpu_cores: 2, memory_gb: 8, environment: test }
          - { id: epr-dr, site: dc1, os: Red Hat Enterprise Linux 8, cpu_cores: 2, memory_gb: 8, environment: dr }
          - { id: print-1, site: dc1, os: Windows Server 2019, cpu_cores: 2, memory_gb: 8, environment: production }
        services:
          - id: tie
            name: Integration engine
            servers: [tie-live, tie-test]
            strategy: rehost
            interfaces:
              - { protocol: hl7v2-mllp, peer: epr }
              - { protocol: dicom, peer: modalities }
              - { protocol: mesh, peer: spine }
          - id: epr
            name: EPR
            servers: [epr-live, epr-test, epr-dr]
            strategy: rehost
            interfaces: [{ protocol: https, peer: external }]
          - id: prints
            name: Print
            kind: print
            servers: [print-1]
            strategy: rehost
        """

    static func estate() throws -> Estate {
        let loaded = EstateLoader.load([InventorySource(displayPath: "e.yaml", contents: .bytes(Array(yaml.utf8)))])
        return try #require(loaded.estate)
    }

    static func files(_ cloud: Cloud) throws -> [GeneratedFile] {
        try Fixtures.generator().generate(Planner().plan(Assessor().assess(try estate(), asOf: Fixtures.asOf)),
                                          cloud: cloud)
    }

    /// The bodies of the top-level blocks `resource "TYPE" "NAME"` of the waves' `.tf` files, by name.
    static func resources(_ files: [GeneratedFile], _ type: String) -> [String: String] {
        let pattern = try! NSRegularExpression(pattern: #"^resource "\#(type)" "([^"]+)" \{\n(.*?)^\}"#,
                                               options: [.anchorsMatchLines, .dotMatchesLineSeparators])
        var found: [String: String] = [:]
        for file in files where file.path.contains("/wave-") && file.path.hasSuffix(".tf") {
            let text = file.contents as NSString
            for match in pattern.matches(in: file.contents, range: NSRange(location: 0, length: text.length)) {
                found[text.substring(with: match.range(at: 1))] = text.substring(with: match.range(at: 2))
            }
        }
        return found
    }

    /// The AWS wave's entry for one security group in `local.services`, up to the next entry.
    static func awsGroup(_ key: String, in files: [GeneratedFile]) throws -> String {
        let main = try #require(files.first { $0.path.hasPrefix("aws/wave-") && $0.path.hasSuffix("/main.tf") }?.contents)
        let start = try #require(main.range(of: "    \"\(key)\" = {\n"))
        let rest = main[start.upperBound...]
        let end = rest.range(of: "\n    }\n")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    // MARK: Interfaces

    @Test func peersAreFoundEitherWayAndPortsBothWays() throws {
        let estate = try Self.estate()
        let tie = try #require(estate.services.first { $0.id == "tie" })
        let epr = try #require(estate.services.first { $0.id == "epr" })
        #expect(Workload.peers(of: epr, in: estate) == ["tie"])
        #expect(Workload.peers(of: tie, in: estate) == ["epr"])
        #expect(Workload.linkPorts(into: epr, from: tie, in: estate).map(\.number) == [2575])
        #expect(Workload.linkPorts(into: tie, from: epr, in: estate).map(\.number) == [2575])
        // Peers outside the estate (modalities over DICOM, Spine's MESH over HTTPS) are reached out, not in.
        #expect(Workload.externalPorts(of: tie, in: estate).map(\.number) == [104, 443])
    }

    /// No depends_on between the two: Azure still has a rule each way between their production groups on 2575.
    @Test func azureOpensAnInterfacesPortBetweenItsServices() throws {
        let rules = Self.resources(try Self.files(.azure), "azurerm_network_security_rule").values
        func rule(into target: String, from source: String) -> String? {
            rules.first {
                $0.contains("destination_application_security_group_ids = [azurerm_application_security_group.\(target).id]")
                    && $0.contains("source_application_security_group_ids      = [azurerm_application_security_group.\(source).id]")
            }
        }
        #expect(rule(into: "epr", from: "tie")?.contains("destination_port_ranges                    = [\"2575\"]") == true)
        #expect(rule(into: "tie", from: "epr")?.contains("destination_port_ranges                    = [\"2575\"]") == true)
        #expect(rule(into: "epr_test", from: "tie_test")?.contains("\"2575\"") == true)
    }

    /// AWS: the EPR's group admits 2575 from the engine's, the engine's sends 2575, and the engine may reach its
    /// peers outside the estate (DICOM to the modalities) in the trust's ranges.
    @Test func awsOpensAnInterfacesPortBetweenItsServices() throws {
        let files = try Self.files(.aws)
        let epr = try Self.awsGroup("epr", in: files), tie = try Self.awsGroup("tie", in: files)
        #expect(epr.contains("dependents = [\"tie\"]") || epr.contains("\"tie\""))
        #expect(epr.contains("port = 2575"))
        #expect(tie.contains("dependents = [\"epr\"]"))
        let outbound = try #require(tie.components(separatedBy: "outbound = [").last)
        #expect(outbound.contains("port = 2575") && outbound.contains("port = 104"))
    }

    /// Google Cloud: the EPR's firewall rule opens 2575, which its own interfaces do not name.
    @Test func googleOpensAnInterfacesPortBetweenItsServices() throws {
        let firewall = Self.resources(try Self.files(.gcp), "google_compute_firewall")
        let epr = try #require(firewall["svc_epr"])
        #expect(epr.contains("ports    = [\"443\", \"2575\"]"))
    }

    // MARK: Environments

    /// A test server is in its environment's group, and no rule lets a test group reach a production one; the
    /// EPR's production and DR groups admit each other on its own port (replication).
    @Test func azureGroupsAreOnePerEnvironment() throws {
        let files = try Self.files(.azure)
        let associations = Self.resources(files, "azurerm_network_interface_application_security_group_association")
        #expect(associations["epr_test"]?.contains("azurerm_application_security_group.epr_test.id") == true)
        #expect(associations["tie_test"]?.contains("azurerm_application_security_group.tie_test.id") == true)
        #expect(associations["epr_live"]?.contains("azurerm_application_security_group.epr.id") == true)
        let rules = Array(Self.resources(files, "azurerm_network_security_rule").values)
        for rule in rules where rule.contains("source_application_security_group_ids") {
            let test = rule.contains("source_application_security_group_ids      = [azurerm_application_security_group.tie_test.id]")
                || rule.contains("source_application_security_group_ids      = [azurerm_application_security_group.epr_test.id]")
            #expect(!test || rule.contains("destination_application_security_group_ids = [azurerm_application_security_group.epr_test.id]")
                || rule.contains("destination_application_security_group_ids = [azurerm_application_security_group.tie_test.id]"))
        }
        #expect(rules.contains {
            $0.contains("source_application_security_group_ids      = [azurerm_application_security_group.epr_dr.id]")
                && $0.contains("destination_application_security_group_ids = [azurerm_application_security_group.epr.id]")
                && $0.contains("[\"443\"]")
        })
    }

    @Test func awsGroupsAreOnePerEnvironment() throws {
        let files = try Self.files(.aws)
        let instances = Self.resources(files, "aws_instance")
        #expect(instances["epr_test"]?.contains("aws_security_group.service[\"epr@test\"].id") == true)
        #expect(instances["epr_live"]?.contains("aws_security_group.service[\"epr\"].id") == true)
        #expect(instances["tie_test"]?.contains("aws_security_group.service[\"tie@test\"].id") == true)
        #expect(try Self.awsGroup("epr", in: files).contains("dependents = [\"epr@dr\", \"tie\"]"))
        #expect(try Self.awsGroup("epr@test", in: files).contains("dependents = [\"tie@test\"]"))
    }

    @Test func googleTagsAreOnePerEnvironment() throws {
        let files = try Self.files(.gcp)
        let instances = Self.resources(files, "google_compute_instance")
        #expect(instances["epr_test"]?.contains("\"svc-epr-test\"") == true)
        #expect(instances["epr_test"]?.contains("\"svc-epr\",") == false)
        let firewall = Self.resources(files, "google_compute_firewall")
        let live = try #require(firewall["svc_epr"]), test = try #require(firewall["svc_epr_test"])
        #expect(live.contains("data.google_compute_subnetwork.environment[\"production\"].ip_cidr_range"))
        #expect(!live.contains("estate_ranges") && !live.contains("environment[\"test\"]"))
        #expect(live.contains("source_tags   = [\"svc-epr-dr\"]"))
        #expect(test.contains("target_tags = [\"svc-epr-test\"]") && !test.contains("source_tags"))
    }

    // MARK: Ports of their own

    /// LPD 515, IPP 631 and raw printing 9100 on a print service's servers, on every cloud; the MESH client opens
    /// nothing inbound (the engine's groups admit 2575 only).
    @Test func printServicesListenOnThePrintingPortsAndMESHOnNone() throws {
        let estate = try Self.estate()
        let prints = try #require(estate.services.first { $0.id == "prints" })
        #expect(Workload.ports(of: prints, engines: []).known.map(\.number) == [515, 631, 9100])
        let tie = try #require(estate.services.first { $0.id == "tie" })
        #expect(!Workload.ports(of: tie, engines: []).known.contains { $0.number == 443 })

        let azure = Self.resources(try Self.files(.azure), "azurerm_network_security_rule").values
        #expect(azure.contains { $0.contains("prints.id]") && $0.contains("[\"515\", \"631\", \"9100\"]") })
        #expect(!azure.contains { $0.contains("destination_application_security_group_ids = [azurerm_application_security_group.tie.id]") && $0.contains("\"443\"") })
        let aws = try Self.files(.aws)
        let printGroup = try Self.awsGroup("prints", in: aws)
        #expect(printGroup.contains("port = 515") && printGroup.contains("port = 631") && printGroup.contains("port = 9100"))
        let inbound = try #require(try Self.awsGroup("tie", in: aws).components(separatedBy: "outbound = [").first)
        #expect(!inbound.contains("port = 443"))
        let firewall = Self.resources(try Self.files(.gcp), "google_compute_firewall")
        #expect(firewall["svc_prints"]?.contains("ports    = [\"515\", \"631\", \"9100\"]") == true)
        #expect(firewall["svc_tie"]?.contains("ports    = [\"104\", \"2575\"]") == true)
    }
}
