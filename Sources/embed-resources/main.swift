// embed-resources: the tool the EmbedResources build-tool plugin runs. It writes one Swift file that carries a text
// file, or every file of a folder, as string literals that equal the files byte for byte, so the installed binary
// needs nothing beside it. It runs at build time only, writing into the plugin's work folder; nothing it writes is
// committed. Foundation only.
//
// usage: embed-resources file   OUTPUT TYPE DISPLAY_PATH DOC FILE
//        embed-resources folder OUTPUT TYPE DISPLAY_PATH DOC FOLDER RELATIVE_PATH...
//
// TYPE is the public enum the file declares; DISPLAY_PATH is where the source sits relative to the package root (the
// value of `displayPath`); DOC is the enum's documentation comment. A folder's files are those the plugin names, each
// by its path under FOLDER (the plugin declares the same files as the command's inputs), in the order given.
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("embed-resources: error: \(message)\n".utf8))
    exit(1)
}

/// The file's text, refusing what a Swift string cannot carry exactly: bytes that are not UTF-8.
func readText(_ path: String) -> String {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read '\(path)'") }
    guard let text = String(validating: data, as: UTF8.self) else { fail("'\(path)' is not UTF-8 text") }
    return text
}

/// A raw multi-line string literal whose value is `text` exactly.
///
/// The delimiter has one `#` more than the longest run of `#` after any quote or backslash in the text, so no run in
/// the text can close the literal (`"""#`) or start an escape (`\#`); every other character, backslashes and `"""`
/// included, stands for itself. Line feeds and tabs are written as they are; carriage returns (which Swift would
/// turn into line feeds), other control characters, the byte-order mark and the Unicode line and paragraph
/// separators are written as `\#u{…}` escapes, so the value is the same bytes whatever the file holds.
func literal(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var longestRun = 0
    for index in scalars.indices where scalars[index] == "\"" || scalars[index] == "\\" {
        var run = 0
        while index + run + 1 < scalars.count, scalars[index + run + 1] == "#" { run += 1 }
        longestRun = max(longestRun, run)
    }
    let hashes = String(repeating: "#", count: longestRun + 1)
    var body = String.UnicodeScalarView()
    for scalar in scalars {
        let value = scalar.value
        let escaped = (value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(value)
            || value == 0xFEFF || value == 0x2028 || value == 0x2029
        if escaped {
            body.append(contentsOf: "\\\(hashes)u{\(String(value, radix: 16, uppercase: true))}".unicodeScalars)
        } else {
            body.append(scalar)
        }
    }
    return hashes + "\"\"\"\n" + String(body) + "\n\"\"\"" + hashes
}

/// A Swift string literal for a short value that holds no quote, backslash or line break (paths, documentation).
func plainLiteral(_ value: String) -> String {
    if value.contains(where: { $0 == "\"" || $0 == "\\" || $0.isNewline }) { fail("'\(value)' cannot be a plain literal") }
    return "\"\(value)\""
}

func write(_ text: String, to path: String) {
    let url = URL(fileURLWithPath: path)
    // Unchanged output keeps its date, so the module that holds it is not compiled again for nothing.
    if FileManager.default.contents(atPath: path) == Data(text.utf8) { return }
    do {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    } catch {
        fail("cannot write '\(path)': \(error.localizedDescription)")
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 6, ["file", "folder"].contains(arguments[0]) else {
    fail("usage: embed-resources file|folder OUTPUT TYPE DISPLAY_PATH DOC FILE|FOLDER [RELATIVE_PATH...]")
}
let (mode, output, type, displayPath, doc, source) =
    (arguments[0], arguments[1], arguments[2], arguments[3], arguments[4], arguments[5])

// The text sits in a function body, outside the enum: Swift leaves function bodies out of a file's interface, so an
// edit to an embedded file recompiles this one file and nothing that uses it, and then links.
var swift = """
    // Generated at build time by the EmbedResources plugin from \(displayPath); not committed. Edit the source.

    /// \(doc)
    public enum \(type) {
        /// Where the embedded copy came from, relative to the repository root.
        public static let displayPath = \(plainLiteral(displayPath))

    """
swift += "\n"
if mode == "file" {
    guard arguments.count == 6 else { fail("'file' embeds one file") }
    swift += """
            /// The file as it is in the repository, byte for byte.
            public static let contents: String = embeddedContents()

            /// The file without its final line feed, as the code that reads it has always taken it.
            public static let text: String = contents.utf8.last == UInt8(ascii: "\\n")
                ? String(decoding: contents.utf8.dropLast(), as: UTF8.self) : contents
        }

        private func embeddedContents() -> String {
        \(literal(readText(source)))
        }

        """
} else {
    let entries = arguments.dropFirst(6).map { relative in
        "\(plainLiteral(relative)): \(literal(readText(source + "/" + relative))),\n"
    }
    swift += """
            /// Every file, by its path under `\(displayPath)/`, as it is in the repository, byte for byte.
            public static let files: [String: String] = embeddedFiles()
        }

        private func embeddedFiles() -> [String: String] {
        [

        """
    swift += entries.isEmpty ? ":\n" : entries.joined()
    swift += """
        ]
        }

        """
}
write(swift, to: output)
