import CloudFirstCore

/// Server and site ids from VM and datacenter names.
///
/// A server's id is its VM name, not its UUID: the name is what people write in the services file
/// (`servers: [eprdb01]`) and see in vCenter, it stays the same when a VM is restored from backup or re-registered
/// (which give it a new UUID), and every RVTools version and its CSV export has it. So a re-import of a newer export
/// keeps every id a person refers to. A name that is already a valid id is used as it is; any other is made one
/// (characters outside letters, digits, '.', '_' and '-' become '-') and given the first 8 hex digits of the name's
/// SHA-256, so two names that clean to the same text still get different ids, the same ones every time.
public enum ServerID {
    static let maxLength = 64

    public static func from(name: String) -> String {
        if isValid(name) { return name }
        var cleaned = ""
        for scalar in name.unicodeScalars {
            let keep = scalar.isASCII && (IDCharacters.all.contains(scalar))
            if keep { cleaned.unicodeScalars.append(scalar) } else if !cleaned.hasSuffix("-") { cleaned += "-" }
        }
        while let first = cleaned.unicodeScalars.first, !first.isASCIIAlphanumeric { cleaned.removeFirst() }
        while cleaned.hasSuffix("-") { cleaned.removeLast() }
        let hash = String(SHA256.hex(Array(name.utf8)).prefix(8))
        let stem = String(cleaned.prefix(maxLength - hash.count - 1))
        return stem.isEmpty ? "vm-" + hash : stem + "-" + hash
    }

    /// The inventory's id rule: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.
    static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.isASCIIAlphanumeric, id.utf8.count <= maxLength else {
            return false
        }
        return id.unicodeScalars.allSatisfy { $0.isASCII && IDCharacters.all.contains($0) }
    }
}

private enum IDCharacters {
    static let all = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-".unicodeScalars)
}

extension Unicode.Scalar {
    var isASCIIAlphanumeric: Bool {
        (48...57).contains(value) || (65...90).contains(value) || (97...122).contains(value)
    }
}
