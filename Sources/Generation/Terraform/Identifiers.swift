import CloudFirstCore

/// Names derived from inventory values, made safe for each provider's naming rules.
public enum Identifiers {
    /// A Terraform resource name: lowercase letters, digits and underscores, starting with a letter.
    public static func resource(_ id: String) -> String {
        var out = ""
        for scalar in id.lowercased().unicodeScalars {
            out += ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? String(scalar) : "_"
        }
        if out.first.map({ !$0.isLetter }) ?? true { out = "server_" + out }
        return out
    }

    /// Hands out names that stay unique when two ids clean to the same one: resource names ("app-01" and "app_01"
    /// are both `app_01`) and host names, which must differ across a cloud's whole tree (two VMs in one project or
    /// resource group cannot share one).
    public struct Unique {
        private var taken: Set<String> = []
        private let clean: (String) -> String
        private let suffixed: (String, Int) -> String

        public static func resources() -> Unique {
            Unique(clean: Identifiers.resource, suffixed: { "\($0)_\($1)" })
        }

        public static func databases() -> Unique {
            Unique(clean: Identifiers.databaseIdentifier, suffixed: { base, suffix in
                let tail = "-\(suffix)"
                var head = String(base.prefix(40 - tail.count))
                while head.hasSuffix("-") { head.removeLast() }
                return head + tail
            })
        }

        public static func hostnames() -> Unique {
            Unique(clean: Identifiers.hostname, suffixed: { base, suffix in
                let tail = "-\(suffix)"
                var head = String(base.prefix(15 - tail.count))
                while head.hasSuffix("-") { head.removeLast() }
                return head + tail
            })
        }

        private init(clean: @escaping (String) -> String, suffixed: @escaping (String, Int) -> String) {
            self.clean = clean
            self.suffixed = suffixed
        }

        public mutating func take(_ id: String) -> String {
            let base = clean(id)
            var name = base
            var suffix = 2
            while !taken.insert(name).inserted {
                name = suffixed(base, suffix)
                suffix += 1
            }
            return name
        }
    }

    /// A short prefix for resource names: the ODS code, or the initials of the organisation's name; lowercase
    /// letters, digits and hyphens, starting with a letter.
    public static func prefix(for organisation: Organisation?) -> String {
        let source = organisation?.odsCode ?? organisation?.name.split(separator: " ").compactMap(\.first)
            .map(String.init).joined() ?? "nhs"
        var out = ""
        for scalar in source.lowercased().unicodeScalars
        where ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
            out += String(scalar)
        }
        if out.first.map({ !$0.isLetter }) ?? true { out = "nhs" + out }
        return String(out.prefix(20))
    }

    /// An Azure storage account name: 3-24 lowercase letters and digits, unique across Azure, so the prefix, a word
    /// and the start of a hash of the organisation's name.
    public static func storageAccount(for organisation: Organisation?) -> String {
        let prefix = String(prefix(for: organisation).filter { $0 != "-" }.prefix(10))
        let hash = SHA256.hex(Array((organisation?.name ?? "").utf8)).prefix(6)
        return prefix + "flowlogs" + hash
    }

    /// A Google Cloud label value: lowercase letters, digits, `_` and `-`, at most 63 characters.
    /// The labels every resource of a service carries on Google Cloud (tags elsewhere): service, owner and data
    /// classification, each a `label`, with the keys padded so `terraform fmt` agrees.
    static func labels(of service: Service) -> [[String: String]] {
        [
            ["key": "service", "pad": "            ", "value": label(service.id)],
            ["key": "owner", "pad": "              ", "value": label(service.owner ?? "not recorded")],
            ["key": "data-classification", "pad": "",
             "value": label(service.data?.classification?.rawValue ?? "not-recorded")],
        ]
    }

    /// The items of an HCL list of strings: `"a", "b"`, for a template to wrap in brackets.
    static func hclList(_ values: [String]) -> String {
        values.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    public static func label(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            let allowed = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
            out += allowed ? String(scalar) : (out.hasSuffix("_") ? "" : "_")
        }
        return String(out.prefix(63))
    }

    /// A host name: lowercase letters, digits and hyphens, at most 15 characters (the NetBIOS limit Windows keeps).
    public static func hostname(_ id: String) -> String {
        var out = ""
        for scalar in id.lowercased().unicodeScalars {
            out += ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? String(scalar) : "-"
        }
        out = String(out.prefix(15))
        while out.hasSuffix("-") { out.removeLast() }
        return out.first?.isNumber ?? true ? "vm" + String(out.prefix(13)) : out
    }

    /// A database instance name: lowercase letters, digits and single hyphens, at most 40 characters, so that with
    /// a prefix it stays inside the 63 that RDS, Azure and Cloud SQL allow.
    public static func databaseIdentifier(_ id: String) -> String {
        var out = ""
        for scalar in id.lowercased().unicodeScalars {
            let keep = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            if keep { out += String(scalar) } else if !out.hasSuffix("-") { out += "-" }
        }
        out = String(out.prefix(40))
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "db" : out
    }

}
