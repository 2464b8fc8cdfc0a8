import CloudFirstCore
import Foundation
import Testing

/// Files built to hurt a parser end in one clean diagnostic with a position, never a crash or a hang.
@Suite struct HostileInputTests {
    func diagnostics(_ text: String) -> [String] {
        diagnostics(Array(text.utf8))
    }

    func diagnostics(_ bytes: [UInt8]) -> [String] {
        EstateLoader.load([InventorySource(displayPath: "hostile.yaml", contents: .bytes(bytes))]).diagnostics
            .map(\.rendered)
    }

    @Test func billionLaughsStopsAtTheAliasBudget() {
        var text = "cloudfirst: 1\norganisation: { name: Bomb }\nsites:\n"
        text += "  - &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            text += "  - &a\(level) [\(refs)]\n"
        }
        // The first alias of level 6 (line 10) takes the expanded total past one million nodes.
        #expect(diagnostics(text) == [
            "hostile.yaml:10:10: error: aliases expand to more than 1000000 nodes (an alias bomb?); expand fewer "
                + "aliases [alias-budget-exceeded]",
        ])
    }

    @Test func deepNestingStopsAtTheDepthLimit() {
        let text = "cloudfirst: 1\norganisation: " + String(repeating: "[", count: 20_000)
            + String(repeating: "]", count: 20_000) + "\n"
        // The root mapping is level 1, so the 128th bracket, at column 15 + 127, is one level too many.
        #expect(diagnostics(text) == [
            "hostile.yaml:2:142: error: nesting is deeper than 128 levels; an inventory needs fewer than 10 "
                + "[nesting-too-deep]",
        ])
    }

    @Test func hugeScalarIsRefused() {
        let text = "cloudfirst: 1\norganisation:\n  name: " + String(repeating: "x", count: 8 << 20) + "\n"
        #expect(diagnostics(text) == [
            "hostile.yaml:3:9: error: a value of 8388608 bytes is longer than the limit of 1048576 bytes "
                + "[scalar-too-large]",
        ])
    }

    @Test func invalidUTF8IsReportedWhereItIs() {
        var bytes = Array("cloudfirst: 1\norganisation:\n  name: Caf".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\n".utf8)
        #expect(diagnostics(bytes) == [
            // libyaml names the octet that cannot continue the sequence: '(' after the lead byte 0xC3.
            "hostile.yaml:3:13: error: the file is not valid Unicode text: invalid trailing UTF-8 octet [invalid-encoding]",
        ])
    }

    @Test func controlCharactersAreReportedWhereTheyAre() {
        #expect(diagnostics("cloudfirst: 1\norganisation: { name: \u{7}Bell }\n") == [
            "hostile.yaml:2:23: error: YAML syntax: control characters are not allowed [yaml-syntax]",
        ])
    }

    /// A large file read on two threads, with anchors defined in some elements and aliased from far later ones,
    /// across many storage chunks: the storage freed behind the decoder must never be an alias's target.
    @Test func anchorsSurviveTheStorageFreedBehindTheDecoder() {
        var text = "cloudfirst: 1\norganisation: { name: Big Trust }\nsites: [{ id: dc1, name: DC }]\nservers:\n"
        for index in 0..<30_000 {
            if index % 1_000 == 0 {
                text += "  - { id: s\(index), site: dc1, os: &os\(index) \"Windows Server 2019 build \(index)\", "
                    + "utilisation: &u\(index) { cpu_p95: 3, memory_p95: 4 } }\n"
            } else {
                let anchor = (index / 1_000) * 1_000 - (index % 3 == 0 && index >= 2_000 ? 1_000 : 0)
                text += "  - { id: s\(index), site: dc1, os: *os\(anchor), utilisation: *u\(anchor) }\n"
            }
        }
        var pipelined = YAMLLimits()
        pipelined.parallelThreshold = 0
        var single = YAMLLimits()
        single.parallelThreshold = .max
        let source = InventorySource(displayPath: "big.yaml", contents: .bytes(Array(text.utf8)))
        let a = EstateLoader.load([source], limits: pipelined)
        let b = EstateLoader.load([source], limits: single)
        #expect(a.diagnostics.isEmpty && b.diagnostics.isEmpty)
        let osA = a.estate?.servers.map { $0.os ?? "" } ?? []
        let osB = b.estate?.servers.map { $0.os ?? "" } ?? []
        #expect(osA.count == 30_000)
        #expect(osA == osB)
        #expect(osA[2_997] == "Windows Server 2019 build 1000")
        #expect(a.estate?.servers[29_999].utilisation?.memoryP95 == 4)
    }
}

/// Large files are read on two threads with storage freed behind the decoder; these shapes once broke that.
@Suite struct PipelineShapeTests {
    static func bothWays(_ text: String) -> (pipelined: LoadResult, single: LoadResult) {
        var pipelined = YAMLLimits()
        pipelined.parallelThreshold = 0
        var single = YAMLLimits()
        single.parallelThreshold = .max
        let source = InventorySource(displayPath: "big.yaml", contents: .bytes(Array(text.utf8)))
        return (EstateLoader.load([source], limits: pipelined), EstateLoader.load([source], limits: single))
    }

    static func servers(_ count: Int) -> String {
        (0..<count).map { "  - { id: s\($0), site: dc1 }\n" }.joined()
    }

    /// An anchor on the streamed list itself: aliases to it need every element, so none may be freed.
    @Test(arguments: ["sites: *all\n", "services: [{ id: a, name: A, servers: *all }]\n", "<<: { sites: *all }\n"])
    func anchoredListAliasedLater(_ tail: String) {
        let text = "cloudfirst: 1\norganisation: { name: T }\nservers: &all\n" + Self.servers(70_000) + tail
        let (pipelined, single) = Self.bothWays(text)
        #expect(pipelined.transcript == single.transcript)
        #expect(!pipelined.diagnostics.isEmpty)
    }

    /// A repeated root key is an error, and neither reader may read its list as well.
    @Test func repeatedRootListIsReadOnce() {
        let text = "cloudfirst: 1\norganisation: { name: T }\nsites: [{ id: dc1, name: DC }]\nservers:\n"
            + Self.servers(70_000) + "servers: [{ id: s0, site: dcX }]\n"
        let (pipelined, single) = Self.bothWays(text)
        #expect(pipelined.transcript == single.transcript)
        #expect(pipelined.diagnostics.map(\.rendered) == [
            "big.yaml:70005:1: error: key 'servers' appears twice in this mapping (first on line 4) [duplicate-key]",
        ])
    }
}
