import Foundation
import Testing

/// `--estate DIR`: a re-import checks the references of the whole estate, not only the files beside `--out`, for an
/// estate laid out in folders (machine-owned files in one, a person's in another).
@Suite struct ImportEstateOptionTests {
    static let header = "VM,Powerstate,CPUs,Memory,Provisioned MiB,Datacenter\n"

    @Test func referencesAreCheckedAcrossTheWholeEstate() throws {
        let scratch = try Scratch()
        try scratch.write("export/RVTools_tabvInfo.csv",
                          Self.header + "app-01,poweredOn,2,4096,1000,DC1\ndb-01,poweredOn,4,8192,1000,DC1\n")
        let first = try ReimportCommandTests.run(["export", "--out", "estate/machines/rvtools.yaml",
                                                  "--estate", "estate"], in: scratch)
        #expect(first.status == 0, "\(first.stderr)")
        try scratch.write("estate/people/services.yaml", """
            cloudfirst: 1
            organisation: { name: Example NHS Trust }
            services:
              - id: app
                name: App
                servers: [app-01, db-01]

            """)
        try scratch.write("export/RVTools_tabvInfo.csv", Self.header + "app-01,poweredOn,2,4096,1000,DC1\n")
        // Without --estate only estate/machines is read, and the person's file is not seen.
        let narrow = try ReimportCommandTests.run(["export", "--out", "estate/machines/rvtools.yaml"], in: scratch)
        #expect(narrow.status == 0, "\(narrow.stderr)")
        #expect(!narrow.stderr.contains("services.yaml"))
        try scratch.write("export/RVTools_tabvInfo.csv", Self.header + "app-01,poweredOn,2,4096,1000,DC1\n"
            + "db-01,poweredOn,4,8192,1000,DC1\n")
        _ = try ReimportCommandTests.run(["export", "--out", "estate/machines/rvtools.yaml"], in: scratch)
        try scratch.write("export/RVTools_tabvInfo.csv", Self.header + "app-01,poweredOn,2,4096,1000,DC1\n")
        let whole = try ReimportCommandTests.run(["export", "--out", "estate/machines/rvtools.yaml",
                                                  "--estate", "estate"], in: scratch)
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(whole.stderr.contains("estate/people/services.yaml:6:23: warning: 'servers' names unknown server "
            + "'db-01'"), "\(whole.stderr)")
    }

    @Test func outMustBeInsideTheEstate() throws {
        let scratch = try Scratch()
        try scratch.write("export/RVTools_tabvInfo.csv", Self.header + "app-01,poweredOn,2,4096,1000,DC1\n")
        try scratch.write("people/keep.txt", "x")
        let run = try ReimportCommandTests.run(["export", "--out", "estate/rvtools.yaml", "--estate", "people"],
                                               in: scratch)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--out must be inside the --estate folder 'people'"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("estate").path))
    }
}
