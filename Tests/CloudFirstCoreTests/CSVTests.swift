import CloudFirstCore
import Testing

/// The project's RFC 4180 reader, as the catalogues and the RVTools CSV importer use it.
@Suite struct CSVTests {
    @Test func quotesDoubledQuotesCommasAndLineBreaksInsideQuotes() throws {
        let text = "a,b,c\r\n\"1,234\",\"say \"\"hi\"\"\",\"one\r\ntwo\"\r\nx,,\n"
        #expect(try CSV.parse(text) == [["a", "b", "c"], ["1,234", "say \"hi\"", "one\ntwo"], ["x", "", ""]])
    }

    @Test func recordsKnowTheLineTheyStartOn() throws {
        let records = try CSV.records("h1,h2\nv,\"multi\nline\ncell\"\nlast,row")
        #expect(records == [CSV.Record(line: 1, fields: ["h1", "h2"]),
                            CSV.Record(line: 2, fields: ["v", "multi\nline\ncell"]),
                            CSV.Record(line: 5, fields: ["last", "row"])])
    }

    @Test func aByteOrderMarkIsNotPartOfTheFirstField() throws {
        #expect(try CSV.parse("\u{FEFF}VM,Powerstate\n") == [["VM", "Powerstate"]])
    }

    @Test func anUnclosedQuoteIsMalformedAtTheLineItOpens() {
        #expect(throws: CSV.Malformed(line: 2)) { try CSV.parse("a\n\"b\nc\n") }
    }

    @Test func renderedRowsReadBack() throws {
        let rows = [["name", "note"], ["x, y", "a \"quote\"\nand a line"]]
        #expect(try CSV.parse(CSV.render(rows)) == rows)
    }

    /// A streaming writer writes `line` per row; the rows joined are `render`'s bytes, and no rows stay one line end.
    @Test func linesJoinedAreTheRender() {
        let rows = [["name", "note"], ["x, y", "a \"quote\"\nand a line"], [], ["", "\r"]]
        #expect(rows.map(CSV.line).joined() == CSV.render(rows))
        #expect(CSV.line(["a", "b,c"]) == "a,\"b,c\"\r\n")
        #expect(CSV.render([]) == "\r\n")
    }
}
