import CloudFirstCore
import Foundation
import Testing

/// The byte search gives the answer `lowercased().contains` gave for every non-empty ASCII needle, including at the
/// ends, on non-ASCII text and on a needle longer than the text.
@Suite struct ASCIISearchTests {
    @Test(arguments: [
        ("Microsoft Windows Server 2019", "windows", true),
        ("WINDOWS", "windows", true),
        ("Red Hat Enterprise Linux 8", "red hat", true),
        ("RHEL 7.9", "rhel", true),
        ("Windows Server 2016 or later (64-bit)", "or later", true),
        ("Windows Server 2016 or lat", "or later", false),
        ("", "windows", false),
        ("anything", "", true),
        ("win", "windows", false),
        ("Café Windows", "windows", true),           // non-ASCII before the match
        ("Windows Café", "café", true),              // non-ASCII bytes match themselves...
        ("WINDOWS CAFÉ", "café", false),             // ...and are not folded
        ("Ubuntu 22.04", "windows", false),
        ("wwindows", "windows", true),               // a false start just before the match
        ("SQL Server 2019 Enterprise", "sql server", true),
    ])
    func agreesWithLowercasedContains(_ text: String, _ needle: String, _ expected: Bool) {
        #expect(ASCIISearch.contains(text, needle) == expected)
        // Foundation says an empty needle is not contained; no caller asks.
        if needle.allSatisfy(\.isASCII), !needle.isEmpty {
            #expect(ASCIISearch.contains(text, needle) == text.lowercased().contains(needle))
        }
    }

    @Test func anyOfSeveral() {
        #expect(ASCIISearch.containsAny("SUSE Linux Enterprise Server 15", ["red hat", "suse"]))
        #expect(!ASCIISearch.containsAny("Debian 12", ["red hat", "suse"]))
        #expect(!ASCIISearch.containsAny("Debian 12", []))
    }

    @Test func anyByteOnStringsAndSlices() {
        let pipe: (UInt8) -> Bool = { $0 == UInt8(ascii: "|") }
        #expect(ASCIISearch.anyByte("a | b", where: pipe))
        #expect(!ASCIISearch.anyByte("a b", where: pipe))
        #expect(!ASCIISearch.anyByte("", where: pipe))
        #expect(!ASCIISearch.anyByte("a | b".dropFirst(3), where: pipe))
        #expect(ASCIISearch.anyByte(String(repeating: "x", count: 40) + "|", where: pipe))  // not a small string
    }

    @Test func onASubstring() {
        let text = "prefix Windows suffix"
        #expect(ASCIISearch.contains(text.dropFirst(7).prefix(7), "windows"))
        #expect(!ASCIISearch.contains(text.dropFirst(8), "windows"))
    }
}
