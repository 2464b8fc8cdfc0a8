import CloudFirstCore
import Testing

/// A person's `server_facts` laid over the servers a machine-owned file describes.
@Suite struct ServerFactsTests {
    static let machine = """
        cloudfirst: 1
        organisation: { name: Example NHS Trust }
        sites: [{ id: dc1, name: Main data centre }]
        servers:
          - id: app01
            site: dc1
            cpu_cores: 8
            memory_gb: 32
            utilisation: { storage_used_percent: 40 }
          - id: db01
            site: dc1
            role: application

        """

    static func load(_ people: String) -> LoadResult {
        EstateLoader.load([
            InventorySource(displayPath: "estate/rvtools.yaml", contents: .bytes(Array(machine.utf8))),
            InventorySource(displayPath: "estate/people.yaml", contents: .bytes(Array(people.utf8))),
        ])
    }

    static let head = "cloudfirst: 1\norganisation: { name: Example NHS Trust }\nserver_facts:\n"

    @Test func factsFillInAndReplaceWhatTheServerSays() throws {
        let result = Self.load(Self.head + """
              - id: app01
                role: web
                environment: production
                utilisation: { cpu_p95: 35, memory_p95: 70, days_sampled: 30 }
                software: [{ product: IIS 10 }]
              - id: db01
                role: database
                attached_hardware: [usb-dongle]

            """)
        let estate = try #require(result.estate, "\(result.diagnostics.map(\.rendered))")
        let app = try #require(estate.server("app01"))
        #expect(app.role == .web)
        #expect(app.environment == .production)
        #expect(app.utilisation?.cpuP95 == 35)
        #expect(app.utilisation?.memoryP95 == 70)
        #expect(app.utilisation?.daysSampled == 30)
        // A figure the facts do not give stays the server's own.
        #expect(app.utilisation?.storageUsedPercent == 40)
        #expect(app.software.map(\.product) == ["IIS 10"])
        #expect(app.cpuCores == 8)
        let db = try #require(estate.server("db01"))
        // The person's word replaces the file's.
        #expect(db.role == .database)
        #expect(db.attachedHardware == [.usbDongle])
    }

    @Test func anUnknownServerIsAnUnknownReferenceWithItsPlace() {
        let result = Self.load(Self.head + "  - id: app1\n    role: web\n")
        #expect(result.estate == nil)
        #expect(result.diagnostics.map(\.rendered)
            == ["estate/people.yaml:4:9: error: 'id' names unknown server 'app1'; did you mean 'app01'? "
                + "[unknown-reference]"])
    }

    @Test func aServerGivenFactsTwiceIsReportedAndTheSecondIgnored() throws {
        let result = Self.load(Self.head + "  - id: app01\n    role: web\n  - id: app01\n    role: database\n")
        #expect(result.diagnostics.map(\.rendered)
            == ["estate/people.yaml:6:9: warning: 'app01' is listed twice in 'server_facts' [listed-twice]"])
        #expect(result.estate?.server("app01")?.role == .web)
    }
}
