import CloudFirstCore
import Testing

/// Text written into Markdown tables and lists stays in its cell and its row.
@Suite struct EscapingTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("a|b", "a\\|b"),
        ("line one\nline two", "line one line two"),
        ("é|ü\n||", "é\\|ü \\|\\|"),
        ("", ""),
    ])
    func markdownTableCellsStayWhole(_ text: String, _ escaped: String) {
        #expect(text.escapingForMarkdownTable == escaped)
    }
}
