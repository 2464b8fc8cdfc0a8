import CloudFirstCore
import Foundation
import Testing

/// The sample estates are what a new user sees first; they must be valid, realistic and as messy as real ones.
@Suite struct SampleEstateTests {
    static let samples = TestPaths.files(in: TestPaths.inventories, suffix: ".yaml")

    @Test(arguments: samples)
    func sampleIsValid(_ name: String) {
        let result = loadFixture(TestPaths.inventories.appendingPathComponent(name), displayPath: name)
        #expect(result.diagnostics.map(\.rendered) == [])
        #expect(result.estate != nil)
    }

    @Test func thereAreThreeKindsOfTrust() {
        let result = EstateLoader.load(paths: [TestPaths.inventories.path], combineOrganisations: true)
        let types = Set(result.estate?.files.compactMap { $0.organisation?.type } ?? [])
        #expect(types == [.acute, .mentalHealth, .ics])
    }

    @Test func acuteSampleIsLargeAndMessy() throws {
        let estate = try #require(EstateLoader.load([SampleEstate.source]).estate)
        #expect(estate.services.count >= 25)
        #expect(estate.servers.count >= 60)
        let names = Set(estate.services.map { ($0.id + " " + $0.name).lowercased() })
        for system in ["patient record", "pacs", "lims", "integration", "active directory", "maternity", "backup"] {
            #expect(names.contains { $0.contains(system) }, "no \(system) service")
        }
        let servers = estate.servers
        #expect(servers.contains { $0.os?.contains("2008") == true }, "an end-of-life operating system")
        #expect(servers.contains { $0.attachedHardware.contains(.usbDongle) })
        #expect(servers.contains { $0.attachedHardware.contains(.modalityLink) })
        #expect(servers.contains { !$0.poweredOn })
        #expect(servers.contains { ($0.utilisation?.cpuP95 ?? 100) < 5 && ($0.utilisation?.memoryP95 ?? 100) < 5 })
        #expect(servers.contains { $0.utilisation == nil })
        let used = Set(estate.services.flatMap { $0.servers.map(\.id) })
        #expect(servers.contains { !used.contains($0.id) }, "a server in no service")
        #expect(estate.services.contains { $0.identity.contains(.cis2Smartcard) })
        #expect(estate.services.contains { $0.supplier?.saas == .available })
        let dependsOn = Dictionary(uniqueKeysWithValues: estate.services.map { ($0.id, Set($0.dependsOn.map(\.id))) })
        #expect(dependsOn.contains { service, targets in targets.contains { dependsOn[$0]?.contains(service) == true } },
                "a dependency cycle")
    }
}
