import CloudFirstCore

extension Finding {
    /// Stable across re-runs and unrelated edits: the rule, what it is about and what it says, never the line it is
    /// on. Baselines and SARIF's `partialFingerprints` use it.
    public var fingerprint: String {
        String(SHA256.hex(Array("\(rule)|\(subject)|\(message)".utf8)).prefix(32))
    }
}

extension EstateAssessment {
    /// Every finding in force once, in output order: a server's finding is listed under each service that runs on it.
    public var distinctFindings: [Finding] {
        Self.distinct(services.flatMap(\.findings) + unassignedServers.flatMap(\.findings))
    }

    /// Each finding once, by fingerprint, in the order given.
    static func distinct(_ findings: [Finding]) -> [Finding] {
        var seen = Set<String>()
        var out: [Finding] = []
        for finding in findings where seen.insert(finding.fingerprint).inserted {
            out.append(finding)
        }
        return out
    }
}
