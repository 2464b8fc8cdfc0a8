import Foundation

/// What an `XMLScanner` reports. Names are local names (a `x:` prefix dropped) and every buffer is valid only for
/// the call: a handler copies what it keeps.
protocol XMLEvents: AnyObject {
    func start(_ name: XMLBytes, _ attributes: XMLAttributes) throws
    func end(_ name: XMLBytes) throws
    /// Character data, entities and character references already replaced; one run may come in several calls.
    func text(_ text: XMLBytes) throws
}

typealias XMLBytes = UnsafeBufferPointer<UInt8>

/// A part that is not well-formed XML, at a byte offset of the inflated part.
struct XMLScanError: Error, Equatable {
    var offset: Int
    var reason: String
}

/// The attributes of one start tag, looked up by local name.
struct XMLAttributes {
    fileprivate let base: XMLBytes
    /// Name start, name end, value start, value end, into `base`.
    fileprivate let spans: UnsafeBufferPointer<(Int, Int, Int, Int)>

    /// The raw value (entities not replaced) of the attribute with this local name. A namespace declaration
    /// (`xmlns`, `xmlns:r`) is not an attribute: `r` never finds `xmlns:r`'s URI.
    func raw(_ name: StaticString) -> XMLBytes? {
        let wanted = XMLBytes(start: name.utf8Start, count: name.utf8CodeUnitCount)
        for (nameStart, nameEnd, valueStart, valueEnd) in spans {
            let qualified = XMLBytes(rebasing: base[nameStart..<nameEnd])
            if XMLScanning.isNamespaceDeclaration(qualified) { continue }
            let local = XMLScanning.local(qualified)
            if XMLScanning.same(local, wanted) { return XMLBytes(rebasing: base[valueStart..<valueEnd]) }
        }
        return nil
    }

    /// The value of the attribute with this local name, entities replaced.
    func string(_ name: StaticString) throws -> String? {
        guard let raw = raw(name) else { return nil }
        var decoded: [UInt8] = []
        try XMLScanning.decode(raw, into: &decoded, offset: 0)
        return try XMLScanning.string(decoded[...], offset: 0)
    }

    /// Every attribute as (qualified name, value), for parts small enough not to care.
    func all() throws -> [String: String] {
        var result: [String: String] = [:]
        for (nameStart, nameEnd, valueStart, valueEnd) in spans {
            var decoded: [UInt8] = []
            try XMLScanning.decode(XMLBytes(rebasing: base[valueStart..<valueEnd]), into: &decoded, offset: 0)
            result[String(decoding: base[nameStart..<nameEnd], as: UTF8.self)] =
                try XMLScanning.string(decoded[...], offset: 0)
        }
        return result
    }
}

enum XMLScanning {
    /// Whether two runs of bytes are the same bytes.
    @inline(__always)
    static func same(_ one: XMLBytes, _ other: XMLBytes) -> Bool {
        guard one.count == other.count else { return false }
        guard let first = one.baseAddress, let second = other.baseAddress else { return true }
        return memcmp(first, second, one.count) == 0
    }

    /// `xmlns` or `xmlns:prefix`.
    static func isNamespaceDeclaration(_ name: XMLBytes) -> Bool {
        let xmlns: StaticString = "xmlns"
        guard name.count >= 5, same(XMLBytes(rebasing: name[0..<5]), XMLBytes(start: xmlns.utf8Start, count: 5))
        else { return false }
        return name.count == 5 || name[5] == UInt8(ascii: ":")
    }

    /// Appends `raw` with its line ends normalised as XML 1.0 section 2.11 requires of a parser: a carriage return,
    /// alone or before a line feed, is one line feed.
    static func appendNormalisingLineEnds(_ raw: XMLBytes, to out: inout [UInt8]) {
        var index = 0
        while index < raw.count {
            if raw[index] == 0x0D {
                out.append(0x0A)
                index += index + 1 < raw.count && raw[index + 1] == 0x0A ? 2 : 1
            } else {
                out.append(raw[index])
                index += 1
            }
        }
    }

    /// The part of a name after its last colon.
    @inline(__always)
    static func local(_ name: XMLBytes) -> XMLBytes {
        var index = name.count - 1
        while index >= 0 {
            if name[index] == UInt8(ascii: ":") { return XMLBytes(rebasing: name[(index + 1)...]) }
            index -= 1
        }
        return name
    }

    /// UTF-8 bytes to a String, refusing bytes that are not UTF-8 rather than replacing them.
    static func string(_ bytes: ArraySlice<UInt8>, offset: Int) throws -> String {
        guard let string = String(validating: bytes, as: UTF8.self) else {
            throw XMLScanError(offset: offset, reason: "it is not UTF-8 text")
        }
        return string
    }

    /// Appends `raw` to `out` with the five predefined entities and character references (XML 1.0, section 4.1 and
    /// 4.6) replaced and literal line ends normalised (section 2.11: a `&#13;` stays a carriage return); any other
    /// reference is an error, as a workbook declares no entities of its own.
    static func decode(_ raw: XMLBytes, into out: inout [UInt8], offset: Int) throws {
        var index = 0
        let count = raw.count
        while index < count {
            let byte = raw[index]
            if byte == 0x0D {
                out.append(0x0A)
                index += index + 1 < count && raw[index + 1] == 0x0A ? 2 : 1
                continue
            }
            guard byte == UInt8(ascii: "&") else {
                out.append(byte)
                index += 1
                continue
            }
            var end = index + 1
            while end < count, raw[end] != UInt8(ascii: ";"), end - index < 12 { end += 1 }
            guard end < count, raw[end] == UInt8(ascii: ";") else {
                throw XMLScanError(offset: offset + index, reason: "an '&' that starts no entity reference")
            }
            let name = Array(raw[(index + 1)..<end])
            switch name {
            case Array("amp".utf8): out.append(UInt8(ascii: "&"))
            case Array("lt".utf8): out.append(UInt8(ascii: "<"))
            case Array("gt".utf8): out.append(UInt8(ascii: ">"))
            case Array("quot".utf8): out.append(UInt8(ascii: "\""))
            case Array("apos".utf8): out.append(UInt8(ascii: "'"))
            default:
                guard name.first == UInt8(ascii: "#"), name.count >= 2 else {
                    throw XMLScanError(offset: offset + index,
                                       reason: "the entity '&\(String(decoding: name, as: UTF8.self));', "
                                           + "which XML does not define")
                }
                let hex = name[1] == UInt8(ascii: "x")
                let digits = String(decoding: name.dropFirst(hex ? 2 : 1), as: UTF8.self)
                guard let value = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(value),
                      value != 0 else {
                    throw XMLScanError(offset: offset + index, reason: "a character reference to no character")
                }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
            index = end + 1
        }
    }
}

/// A push parser for the XML a workbook is made of: fed the inflated bytes of a part chunk by chunk, it reports
/// elements and text as they complete and keeps only the unfinished tail, so memory does not grow with the part.
///
/// It reads UTF-8 XML 1.0 without a DTD, which is what ECMA-376 Part 2 (Open Packaging Conventions, section 8.1.4)
/// lets a package part be in UTF-8 and rules DTDs out. It checks what could make a read go wrong: tags that nest
/// and close in order, one root element, quoted attributes, known entity references, UTF-8 text, nothing cut off.
/// It is written here, and not Foundation's `XMLParser`, for speed: that parser builds a String for every name and a
/// dictionary for every start tag's attributes, which was most of an import's time.
struct XMLScanner<Handler: XMLEvents> {
    let handler: Handler
    /// Bytes received and not yet scanned: an unfinished tag or text run.
    private var pending: [UInt8] = []
    /// Bytes of the part before `pending`.
    private var consumed = 0
    /// The qualified names of the open elements, end to end in the first `namesLength` bytes of `names`, and where
    /// each ends. The arrays only grow: an element's end sets the lengths back rather than shrinking them.
    private var names: [UInt8] = []
    private var namesLength = 0
    private var nameEnds: [Int] = []
    /// The current start tag's attributes, the first `spanCount` of `spans`.
    private var spans: [(Int, Int, Int, Int)] = []
    private var spanCount = 0
    private var decoded: [UInt8] = []
    private var rootSeen = false
    /// Longest tag or text run held while waiting for its end: far past any cell (32,767 characters, escaped).
    static var maxToken: Int { 4 << 20 }

    init(handler: Handler) {
        self.handler = handler
        names.reserveCapacity(256)
        decoded.reserveCapacity(256)
    }

    /// Elements opened and not yet closed.
    var depth: Int { nameEnds.count }

    mutating func feed(_ chunk: UnsafeRawBufferPointer) throws {
        pending.append(contentsOf: chunk)
        var scanned = 0
        var local = pending
        pending = []
        defer { pending = local }
        try local.withUnsafeBufferPointer { bytes in
            scanned = try scan(bytes, final: false)
        }
        local.removeFirst(scanned)
        consumed += scanned
        if local.count > Self.maxToken {
            throw XMLScanError(offset: consumed, reason: "a tag or text run longer than \(Self.maxToken) bytes")
        }
    }

    /// Ends the part: anything left unfinished, or any element left open, is an error.
    mutating func finish() throws {
        let rest = pending
        pending = []
        let scanned = try rest.withUnsafeBufferPointer { try scan($0, final: true) }
        if scanned < rest.count {
            throw XMLScanError(offset: consumed + scanned, reason: "it ends inside a tag")
        }
        if !nameEnds.isEmpty {
            throw XMLScanError(offset: consumed + scanned, reason: "it ends with \(nameEnds.count) elements still open")
        }
        if !rootSeen { throw XMLScanError(offset: consumed + scanned, reason: "it has no root element") }
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    private static func starts(_ bytes: XMLBytes, at index: Int, with prefix: StaticString) -> Bool? {
        let count = prefix.utf8CodeUnitCount
        let available = min(count, bytes.count - index)
        for offset in 0..<available where bytes[index + offset] != prefix.utf8Start[offset] { return false }
        return available == count ? true : nil
    }

    private static func find(_ bytes: XMLBytes, _ terminator: StaticString, from index: Int) -> Int? {
        let count = terminator.utf8CodeUnitCount
        let first = terminator.utf8Start[0]
        var at = index
        while at + count <= bytes.count {
            if bytes[at] == first, starts(bytes, at: at, with: terminator) == true { return at }
            at += 1
        }
        return nil
    }

    /// Scans whole tokens from the start of `bytes`; returns how many bytes it used. A token cut off by the end of
    /// the bytes is left for the next chunk, unless `final`, when text runs to the end.
    private mutating func scan(_ bytes: XMLBytes, final: Bool) throws -> Int {
        let count = bytes.count
        var index = 0
        while index < count {
            if bytes[index] != UInt8(ascii: "<") {
                var end = index
                // Whether the run needs decoding: an entity or character reference, or a carriage return.
                var ampersand = false
                while end < count {
                    let byte = bytes[end]
                    if byte == UInt8(ascii: "<") { break }
                    if byte == UInt8(ascii: "&") || byte == 0x0D { ampersand = true }
                    end += 1
                }
                if end == count, !final {
                    // The run goes on in the next chunk: what is here goes now (so that a long run is not held
                    // whole), all but an entity reference cut in two, which waits for its end, and a carriage
                    // return at the very end, which a line feed in the next chunk may belong to.
                    var safe = end
                    if bytes[end - 1] == 0x0D {
                        safe = end - 1
                    } else if ampersand {
                        var back = end - 1
                        while back > index, bytes[back] != UInt8(ascii: "&"), bytes[back] != UInt8(ascii: ";") {
                            back -= 1
                        }
                        if bytes[back] == UInt8(ascii: "&") { safe = back }
                    }
                    if safe > index {
                        try text(XMLBytes(rebasing: bytes[index..<safe]), ampersand: ampersand, at: consumed + index)
                    }
                    return safe
                }
                try text(XMLBytes(rebasing: bytes[index..<end]), ampersand: ampersand, at: consumed + index)
                index = end
                continue
            }
            guard index + 1 < count else { return index }
            switch bytes[index + 1] {
            case UInt8(ascii: "/"):
                var end = index + 2
                while end < count, bytes[end] != UInt8(ascii: ">") { end += 1 }
                guard end < count else { return index }
                var nameEnd = end
                while nameEnd > index + 2, Self.isSpace(bytes[nameEnd - 1]) { nameEnd -= 1 }
                try close(XMLBytes(rebasing: bytes[(index + 2)..<nameEnd]), at: consumed + index)
                index = end + 1
            case UInt8(ascii: "?"):
                guard let end = Self.find(bytes, "?>", from: index + 2) else { return index }
                index = end + 2
            case UInt8(ascii: "!"):
                switch (Self.starts(bytes, at: index, with: "<!--"), Self.starts(bytes, at: index, with: "<![CDATA[")) {
                case (true?, _):
                    guard let end = Self.find(bytes, "-->", from: index + 4) else { return index }
                    index = end + 3
                case (_, true?):
                    guard let end = Self.find(bytes, "]]>", from: index + 9) else { return index }
                    if nameEnds.isEmpty {
                        throw XMLScanError(offset: consumed + index, reason: "character data outside the root element")
                    }
                    let data = XMLBytes(rebasing: bytes[(index + 9)..<end])
                    if data.contains(0x0D) {
                        decoded.removeAll(keepingCapacity: true)
                        XMLScanning.appendNormalisingLineEnds(data, to: &decoded)
                        try decoded.withUnsafeBufferPointer { try handler.text($0) }
                    } else {
                        try handler.text(data)
                    }
                    index = end + 3
                case (nil, _), (_, nil):
                    return index
                default:
                    throw XMLScanError(offset: consumed + index,
                                       reason: "a document type declaration, which a workbook part never has")
                }
            default:
                guard let end = try open(bytes, at: index) else { return index }
                index = end
            }
        }
        return index
    }

    private mutating func text(_ run: XMLBytes, ampersand: Bool, at offset: Int) throws {
        if nameEnds.isEmpty {
            guard run.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) else {
                throw XMLScanError(offset: offset, reason: "text outside the root element")
            }
            return
        }
        guard ampersand else { return try handler.text(run) }
        decoded.removeAll(keepingCapacity: true)
        try XMLScanning.decode(run, into: &decoded, offset: offset)
        try decoded.withUnsafeBufferPointer { try handler.text($0) }
    }

    private mutating func close(_ name: XMLBytes, at offset: Int) throws {
        guard let last = nameEnds.last else {
            throw XMLScanError(offset: offset, reason: "an end tag with no element open")
        }
        let start = nameEnds.count > 1 ? nameEnds[nameEnds.count - 2] : 0
        let matches = names.withUnsafeBufferPointer { open in
            XMLScanning.same(XMLBytes(rebasing: open[start..<last]), name)
        }
        guard matches else {
            throw XMLScanError(offset: offset,
                               reason: "the end tag '\(String(decoding: name, as: UTF8.self))' closes the element "
                                   + "'\(String(decoding: names[start..<last], as: UTF8.self))'")
        }
        nameEnds.removeLast()
        namesLength = start
        try handler.end(XMLScanning.local(name))
    }

    /// A start tag at `index`; returns the index after it, or nil when the bytes end inside it.
    private mutating func open(_ bytes: XMLBytes, at index: Int) throws -> Int? {
        let count = bytes.count
        var at = index + 1
        while at < count {
            let byte = bytes[at]
            if Self.isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") { break }
            at += 1
        }
        guard at < count else { return nil }
        let name = XMLBytes(rebasing: bytes[(index + 1)..<at])
        guard !name.isEmpty else { throw XMLScanError(offset: consumed + index, reason: "a '<' that starts no tag") }
        spanCount = 0
        var empty = false
        while true {
            while at < count, Self.isSpace(bytes[at]) { at += 1 }
            guard at < count else { return nil }
            if bytes[at] == UInt8(ascii: ">") {
                at += 1
                break
            }
            if bytes[at] == UInt8(ascii: "/") {
                guard at + 1 < count else { return nil }
                guard bytes[at + 1] == UInt8(ascii: ">") else {
                    throw XMLScanError(offset: consumed + at, reason: "a '/' inside a tag")
                }
                empty = true
                at += 2
                break
            }
            let nameStart = at
            while at < count {
                let byte = bytes[at]
                if Self.isSpace(byte) || byte == UInt8(ascii: "=") || byte == UInt8(ascii: ">")
                    || byte == UInt8(ascii: "/") { break }
                at += 1
            }
            let nameEnd = at
            while at < count, Self.isSpace(bytes[at]) { at += 1 }
            guard at < count else { return nil }
            guard bytes[at] == UInt8(ascii: "="), nameEnd > nameStart else {
                throw XMLScanError(offset: consumed + nameStart, reason: "an attribute without '=' and a value")
            }
            at += 1
            while at < count, Self.isSpace(bytes[at]) { at += 1 }
            guard at < count else { return nil }
            let quote = bytes[at]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw XMLScanError(offset: consumed + at, reason: "an attribute value without quotes")
            }
            at += 1
            let valueStart = at
            while at < count, bytes[at] != quote {
                if bytes[at] == UInt8(ascii: "<") {
                    throw XMLScanError(offset: consumed + at, reason: "a '<' inside an attribute value")
                }
                at += 1
            }
            guard at < count else { return nil }
            if spanCount < spans.count {
                spans[spanCount] = (nameStart, nameEnd, valueStart, at)
            } else {
                spans.append((nameStart, nameEnd, valueStart, at))
            }
            spanCount += 1
            at += 1
        }
        if nameEnds.isEmpty {
            if rootSeen { throw XMLScanError(offset: consumed + index, reason: "a second root element") }
            rootSeen = true
        }
        let local = XMLScanning.local(name)
        let attributes = spanCount
        try spans.withUnsafeBufferPointer { spans in
            try handler.start(local, XMLAttributes(base: bytes,
                                                   spans: UnsafeBufferPointer(rebasing: spans[0..<attributes])))
        }
        if empty {
            try handler.end(local)
        } else {
            let end = namesLength + name.count
            if names.count < end { names.append(contentsOf: repeatElement(0, count: end - names.count)) }
            let start = namesLength
            names.withUnsafeMutableBufferPointer { names in
                _ = memcpy(names.baseAddress! + start, name.baseAddress!, name.count)
            }
            namesLength = end
            nameEnds.append(end)
        }
        return at
    }
}
