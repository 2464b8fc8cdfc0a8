import CloudFirstCore

/// What a finding is about.
public enum Subject: Hashable, Sendable, CustomStringConvertible {
    case service(String)
    case server(String)

    /// `service:epr` or `server:eprdb01`.
    public var description: String {
        switch self {
        case .service(let id): "service:\(id)"
        case .server(let id): "server:\(id)"
        }
    }
}

/// A rule's verdict on one service or server, tied to the line of the inventory that caused it.
public struct Finding: Hashable, Sendable {
    public let rule: String
    /// The severity in force: the rule's default, or the organisation's override.
    public let severity: Severity
    public let category: RuleCategory
    public let subject: Subject
    public let message: String
    public let location: SourceLocation
}

/// A finding the service's owner has accepted with an exception.
public struct AcceptedFinding: Hashable, Sendable {
    public let finding: Finding
    public let reason: String
    public let until: CalendarDate?
}

/// What a rule hands its findings to: it fills in the rule's identity and the severity in force.
public struct FindingReporter {
    let description: RuleDescription
    let severity: Severity
    let subject: Subject
    let estate: Estate
    var findings: [Finding] = []

    /// Reports a finding at `field` of `source` (the key a person edits to fix it), or at the mapping itself.
    public mutating func report(_ message: String, at source: SourceMap, field: String? = nil) {
        findings.append(Finding(rule: description.id, severity: severity, category: description.category,
                                subject: subject, message: message.escapingControlCharacters,
                                location: estate.location(of: source, field: field)))
    }
}
