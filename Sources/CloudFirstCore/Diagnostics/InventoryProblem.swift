/// Every problem `cloudfirst` can find while reading an inventory, one message per case.
///
/// Messages name the thing and quote names, and say what was expected, so a person can fix the file without the docs.
public enum InventoryProblem: Error, Hashable, Sendable {
    // Reading files
    case pathNotFound(String)
    case unreadable(String, reason: String)
    case noInventoryFiles(String)

    // YAML syntax and limits
    case emptyFile
    case fileTooLarge(bytes: Int, limit: Int)
    case topLevelNotMapping(found: String)
    case syntax(problem: String, context: String?)
    case tabIndentation
    case invalidEncoding(String)
    case secondDocument
    case nestingTooDeep(limit: Int)
    case scalarTooLarge(bytes: Int, limit: Int)
    case aliasBudgetExceeded(limit: Int)
    case unknownAnchor(String)
    case recursiveAlias(String)
    case nonScalarKey
    case duplicateKey(String, firstLine: Int)
    case invalidMerge
    case unsupportedTag(String)

    // Shape of the inventory
    case unknownKey(String, in: String, suggestion: String?)
    case missingKey(String, in: String)
    case wrongType(field: String, expected: String, found: String)
    case nullValue(field: String, required: Bool)
    case emptyListItem(field: String)
    case notAChoice(field: String, value: String, allowed: [String], suggestion: String?)
    case outOfRange(field: String, value: String, expected: String)
    case malformedDate(field: String, value: String, expected: String)
    case malformedText(field: String, value: String, expected: String)
    case unsupportedVersion(String)
    case mutuallyExclusive(String, String, in: String)

    // References across the estate
    case duplicateID(kind: String, id: String, first: String)
    case unknownReference(field: String, kind: String, id: String, suggestion: String?)
    case assumptionsRepeated(first: String)
    case selfDependency(service: String)
    case listedTwice(field: String, id: String)
    case organisationsDiffer(name: String, first: String, firstFile: String)

    // Organisation policy
    case unknownRule(String, suggestion: String?)

    public var severity: Diagnostic.Severity {
        switch self {
        case .selfDependency, .listedTwice: .warning
        default: .error
        }
    }

    /// A stable identifier for the kind of problem: what CI baselines and editors key on.
    public var code: String {
        switch self {
        case .pathNotFound: "path-not-found"
        case .unreadable: "unreadable"
        case .noInventoryFiles: "no-inventory-files"
        case .emptyFile: "empty-file"
        case .fileTooLarge: "file-too-large"
        case .topLevelNotMapping: "wrong-type"
        case .syntax, .tabIndentation: "yaml-syntax"
        case .invalidEncoding: "invalid-encoding"
        case .secondDocument: "second-document"
        case .nestingTooDeep: "nesting-too-deep"
        case .scalarTooLarge: "scalar-too-large"
        case .aliasBudgetExceeded: "alias-budget-exceeded"
        case .unknownAnchor: "unknown-anchor"
        case .recursiveAlias: "recursive-alias"
        case .nonScalarKey: "non-scalar-key"
        case .duplicateKey: "duplicate-key"
        case .invalidMerge: "invalid-merge"
        case .unsupportedTag: "unsupported-tag"
        case .unknownKey: "unknown-key"
        case .missingKey: "missing-key"
        case .wrongType: "wrong-type"
        case .nullValue, .emptyListItem: "null-value"
        case .notAChoice: "not-a-choice"
        case .outOfRange: "out-of-range"
        case .malformedDate: "malformed-date"
        case .malformedText: "malformed-text"
        case .unsupportedVersion: "unsupported-version"
        case .mutuallyExclusive: "mutually-exclusive"
        case .duplicateID: "duplicate-id"
        case .unknownReference: "unknown-reference"
        case .assumptionsRepeated: "assumptions-repeated"
        case .selfDependency: "self-dependency"
        case .listedTwice: "listed-twice"
        case .organisationsDiffer: "organisation-mismatch"
        case .unknownRule: "unknown-rule"
        }
    }

    public var message: String {
        switch self {
        case .pathNotFound(let path):
            return "no such file or folder '\(path)'"
        case .unreadable(let path, let reason):
            return "cannot read '\(path)': \(reason)"
        case .noInventoryFiles(let path):
            return "folder '\(path)' holds no inventory files (*.yaml or *.yml)"
        case .emptyFile:
            return "the file is empty; an inventory starts with 'cloudfirst: 1'"
        case .fileTooLarge(let bytes, let limit):
            return "the file is \(bytes) bytes; files of up to \(limit) bytes are read (split the estate into several)"
        case .topLevelNotMapping(let found):
            return "an inventory is a mapping that starts with 'cloudfirst: 1', found \(found)"
        case .syntax(let problem, let context):
            if let context { return "YAML syntax: \(problem), \(context)" }
            return "YAML syntax: \(problem)"
        case .tabIndentation:
            return "a tab character is used for indentation; YAML allows spaces only"
        case .invalidEncoding(let problem):
            return "the file is not valid Unicode text: \(problem)"
        case .secondDocument:
            return "a second YAML document ('---') starts here; an inventory file holds one document"
        case .nestingTooDeep(let limit):
            return "nesting is deeper than \(limit) levels; an inventory needs fewer than 10"
        case .scalarTooLarge(let bytes, let limit):
            return "a value of \(bytes) bytes is longer than the limit of \(limit) bytes"
        case .aliasBudgetExceeded(let limit):
            return "aliases expand to more than \(limit) nodes (an alias bomb?); expand fewer aliases"
        case .unknownAnchor(let name):
            return "alias '*\(name)' refers to no anchor '&\(name)' defined before it"
        case .recursiveAlias(let name):
            return "alias '*\(name)' refers to the node that contains it"
        case .nonScalarKey:
            return "a mapping key must be plain text, not a mapping or a list"
        case .duplicateKey(let key, let firstLine):
            return "key '\(key)' appears twice in this mapping (first on line \(firstLine))"
        case .invalidMerge:
            return "a merge key '<<' takes a mapping alias or a list of them"
        case .unsupportedTag(let tag):
            return "tag '\(tag)' is not supported; an inventory uses plain values (or the core tags such as !!str)"
        case .unknownKey(let key, let object, let suggestion):
            return "unknown key '\(key)' in \(object)" + Self.didYouMean(suggestion)
        case .missingKey(let key, let object):
            return "\(object) is missing required key '\(key)'"
        case .wrongType(let field, let expected, let found):
            return "'\(field)' must be \(expected), found \(found)"
        case .nullValue(let field, let required):
            return "'\(field)' has no value; " + (required ? "give one" : "give one or remove the key")
        case .emptyListItem(let field):
            return "'\(field)' has an empty item; remove it or give it a value"
        case .notAChoice(let field, let value, let allowed, let suggestion):
            let list = allowed.map { "'\($0)'" }.joined(separator: ", ")
            return "'\(field)' must be one of \(list), found '\(value)'" + Self.didYouMean(suggestion)
        case .outOfRange(let field, let value, let expected):
            return "'\(field)' must be \(expected), found \(value)"
        case .malformedDate(let field, let value, let expected):
            return "'\(field)' must be \(expected), found '\(value)'"
        case .malformedText(let field, let value, let expected):
            return "'\(field)' must be \(expected), found '\(value)'"
        case .unsupportedVersion(let version):
            return "format version \(version) is not supported; this cloudfirst reads version 1"
        case .mutuallyExclusive(let a, let b, let object):
            return "\(object) gives both '\(a)' and '\(b)'; give one of them"
        case .duplicateID(let kind, let id, let first):
            return "\(kind) id '\(id)' is already used at \(first); ids are unique across the estate"
        case .unknownReference(let field, let kind, let id, let suggestion):
            return "'\(field)' names unknown \(kind) '\(id)'" + Self.didYouMean(suggestion)
        case .assumptionsRepeated(let first):
            return "'assumptions' is already given at \(first); give the estate's assumptions in one file"
        case .selfDependency(let service):
            return "service '\(service)' lists itself in 'depends_on'"
        case .listedTwice(let field, let id):
            return "'\(id)' is listed twice in '\(field)'"
        case .organisationsDiffer(let name, let first, let firstFile):
            return "organisation '\(name)' differs from '\(first)' in \(firstFile); an estate is reported under one "
                + "organisation: read each organisation's files on their own, or give --combine-organisations to "
                + "report them together"
        case .unknownRule(let id, let suggestion):
            return "no rule has the id '\(id)'; 'cloudfirst rules' lists them" + Self.didYouMean(suggestion)
        }
    }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }
}
