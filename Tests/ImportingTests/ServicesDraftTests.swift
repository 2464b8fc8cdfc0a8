import CloudFirstCore
@testable import Importing
import Testing

/// The draft services file: which servers a group takes, in which order of evidence, what it says about the servers
/// it leaves out, and that it validates with the import's own file.
@Suite struct ServicesDraftTests {
    static func server(_ id: String, attributes: [String: String] = [:], applications: [String] = [],
                       container: String? = nil) -> ImportedEstate.Server {
        var server = ImportedEstate.Server(id: id, name: id, site: "dc1", poweredOn: true)
        server.attributes = attributes.sorted { $0.key < $1.key }.map { .init(name: $0.key, value: $0.value) }
        server.applications = applications
        server.vAppOrFolder = container
        return server
    }

    static let estate: ImportedEstate = {
        var estate = ImportedEstate()
        estate.sources = [.init(name: "export.xlsx", exported: nil, toolVersion: nil, format: "RVTools export")]
        estate.sites = [.init(id: "dc1", name: "DC1")]
        estate.servers = [
            server("epr-app", attributes: ["Application": "EPR", "Owner": "IT"], container: "Clinical"),
            server("epr-db", attributes: ["Application": "EPR"]),
            server("int-01", applications: ["Integration engine", "EPR"]),
            server("pacs-01", container: "PACS"),
            server("pacs-02", attributes: ["Application": " "], container: "PACS"),
            server("spare-01"),
            server("spare-02", attributes: ["Owner": "IT"]),
        ]
        return estate
    }()

    @Test func theNamedAttributeFirstThenApplicationsThenVAppOrFolder() throws {
        let draft = try ServicesDraft(Self.estate, attribute: "application")
        #expect(draft.attribute == "Application")
        // "Integration engine" is not an id: made one as server ids are, with 8 hex digits of its SHA-256.
        let integration = "Integration-engine-" + SHA256.hex(Array("Integration engine".utf8)).prefix(8)
        #expect(draft.services.map(\.id) == ["EPR", integration, "PACS"])
        let epr = draft.services[0]
        // epr-app's attribute wins over its folder; int-01 is in both of its applications.
        #expect(epr.servers == ["epr-app", "epr-db", "int-01"])
        #expect(epr.origins == [.attribute("Application"), .application])
        #expect(draft.services[1].name == "Integration engine")
        #expect(draft.services[1].servers == ["int-01"])
        // A blank attribute value is no value: pacs-02 falls back to its vApp.
        #expect(draft.services[2].servers == ["pacs-01", "pacs-02"])
        #expect(draft.services[2].origins == [.vAppOrFolder])
        #expect(draft.ungrouped == ["spare-01", "spare-02"])
    }

    @Test func withoutAnAttributeTheExportsOwnGroupingIsUsed() throws {
        let draft = try ServicesDraft(Self.estate)
        #expect(draft.attribute == nil)
        #expect(draft.services.map(\.name) == ["Clinical", "EPR", "Integration engine", "PACS"])
        #expect(draft.services.map(\.servers) == [["epr-app"], ["int-01"], ["int-01"], ["pacs-01", "pacs-02"]])
        #expect(draft.ungrouped == ["epr-db", "spare-01", "spare-02"])
    }

    @Test func anAttributeNoVMHasIsRefusedNamingTheOnesThereAre() {
        #expect(throws: ServicesDraft.UnknownAttribute(name: "Service", available: ["Application", "Owner"])) {
            try ServicesDraft(Self.estate, attribute: "Service")
        }
        let error = ServicesDraft.UnknownAttribute(name: "Service", available: ["Application", "Owner"])
        #expect(error.description == "no VM has a value for the custom attribute 'Service'; the export's custom "
            + "attributes are 'Application', 'Owner'")
    }

    @Test func theDraftValidatesWithTheImportedFileAndSaysWhatIsLeftToDecide() throws {
        let draft = try ServicesDraft(Self.estate, attribute: "Application")
        let text = draft.text(Self.estate, organisation: "Example NHS Trust", toolVersion: "test")
        #expect(text == draft.text(Self.estate, organisation: "Example NHS Trust", toolVersion: "test"))
        let inventory = InventoryText(organisation: "Example NHS Trust", toolVersion: "test").render(Self.estate)
        let result = EstateLoader.load([
            InventorySource(displayPath: "rvtools.yaml", contents: .bytes(Array(inventory.utf8))),
            InventorySource(displayPath: "services.yaml", contents: .bytes(Array(text.utf8))),
        ])
        let estate = try #require(result.estate, "\(result.diagnostics.map(\.rendered))")
        #expect(estate.services.map(\.id) == draft.services.map(\.id))
        #expect(estate.services.first?.servers.map(\.id) == ["epr-app", "epr-db", "int-01"])
        #expect(text.contains("# 2 servers of 7 are in no group and left out: add each to a service\n"))
        #expect(text.contains("  # grouped by custom attribute 'Application' = 'EPR' and application 'EPR' in the "
            + "export\n"))
        #expect(text.contains("    # TODO: owner: the accountable owner (a role is better than a person)\n"))
        #expect(text.contains("    # TODO: criticality: patient-critical | business-critical | business-operational | "
            + "administrative\n"))
        // Every service carries the same TODO comments.
        #expect(text.components(separatedBy: "# TODO: owner:").count - 1 == draft.services.count)
    }

    /// RVTools' vApp column, else its folder column, is what an export without attributes or applications groups by.
    @Test func rvtoolsReadsTheVAppElseTheFolder() throws {
        let (scratch, folder) = try CSVExportTests.export([
            "RVTools_tabvInfo.csv": "VM,Folder,vApp,Datacenter\n"
                + "pas-app,Clinical systems,PAS,DC1\npas-db,Clinical systems,,DC1\nloose,,,DC1\n",
        ])
        _ = scratch
        let estate = try RVToolsImporter().read([folder])
        #expect(estate.servers.map(\.vAppOrFolder) == [nil, "PAS", "Clinical systems"])
        let draft = try ServicesDraft(estate)
        #expect(draft.services.map(\.name) == ["Clinical systems", "PAS"])
        #expect(draft.ungrouped == ["loose"])
        // Neither column is a custom attribute: they are not between Annotation and Datacenter.
        #expect(estate.servers.allSatisfy { $0.attributes.isEmpty })
    }

    @Test func anExportThatGroupsNothingGivesAnEmptyListThatValidates() throws {
        var estate = ImportedEstate()
        estate.sources = [.init(name: "export.xlsx", exported: nil, toolVersion: nil, format: "RVTools export")]
        estate.sites = [.init(id: "dc1", name: "DC1")]
        estate.servers = [Self.server("a"), Self.server("b")]
        let draft = try ServicesDraft(estate)
        #expect(draft.services.isEmpty && draft.ungrouped == ["a", "b"])
        let text = draft.text(estate, organisation: "Example NHS Trust", toolVersion: "test")
        #expect(text.hasSuffix("services: []\n"))
        let result = EstateLoader.load([InventorySource(displayPath: "services.yaml",
                                                        contents: .bytes(Array(text.utf8)))])
        #expect(result.estate != nil, "\(result.diagnostics.map(\.rendered))")
    }
}
