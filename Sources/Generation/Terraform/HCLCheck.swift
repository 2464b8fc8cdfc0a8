/// A structural check of rendered Terraform: brackets balance and strings end, outside comments and inside
/// interpolations. It is no HCL parser (CI runs python-hcl2, terraform fmt and checkov for that), but it turns a
/// template edit that breaks the syntax into a message naming the template and the line, before anything is written.
enum HCLCheck {
    static func check(_ text: String, template: String) throws {
        func fail(_ message: String, at line: Int) -> TemplateError {
            TemplateError(template: template, line: line, column: nil, message: "renders invalid Terraform: \(message)")
        }
        let characters = Array(text.unicodeScalars)
        // What is open: "{", "[", "(", or "$" for the brace of a "${...}" interpolation inside a string.
        var open: [(Unicode.Scalar, Int)] = []
        var line = 1, index = 0
        var inString = false, stringLine = 0, inBlockComment = false
        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            index += 1
            if character == "\n" {
                if inString { throw fail("a string is not closed", at: stringLine) }
                line += 1
                continue
            }
            if inBlockComment {
                if character == "*" && next == "/" { inBlockComment = false; index += 1 }
                continue
            }
            if inString {
                switch character {
                case "\\": index += 1
                case "$" where next == "{", "%" where next == "{":
                    if index < characters.count, characters[index - 1] == characters[max(0, index - 2)] { break }
                    open.append(("$", line))
                    inString = false
                    index += 1
                case "\"": inString = false
                default: break
                }
                continue
            }
            switch character {
            case "#":
                while index < characters.count, characters[index] != "\n" { index += 1 }
            case "/" where next == "/":
                while index < characters.count, characters[index] != "\n" { index += 1 }
            case "/" where next == "*":
                inBlockComment = true
                index += 1
            case "\"":
                inString = true
                stringLine = line
            case "{", "[", "(":
                open.append((character, line))
            case "}", "]", ")":
                let expected: Set<Unicode.Scalar> = character == "}" ? ["{", "$"] : character == "]" ? ["["] : ["("]
                guard let last = open.popLast(), expected.contains(last.0) else {
                    throw fail("'\(character)' closes nothing that is open", at: line)
                }
                if last.0 == "$" { inString = true }
            default:
                break
            }
        }
        if inString { throw fail("a string is not closed", at: stringLine) }
        if let last = open.last { throw fail("'\(last.0 == "$" ? "${" : String(last.0))' is never closed", at: last.1) }
    }
}
