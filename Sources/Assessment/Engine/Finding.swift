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

/// What a rule hands its findings to: it fills in the rule's identity, the severity in force and the subject. The
/// engine keeps one reporter per server or service and points it at each rule in turn, so running a rule costs no
/// copies of its description.
public struct FindingReporter {
    /// What a finding needs to know of the rule that reports it, with the severity the policy puts in force.
    struct Rule {
        let id: String
        let category: RuleCategory
        let severity: Severity

        init(_ description: RuleDescription, policy: Policy) {
            id = description.id
            category = description.category
            severity = policy.severity(of: description)
        }
    }

    var rule: Rule?
    let subject: Subject
    /// The estate's file paths, by the index a `SourceMap` carries.
    let paths: [String]
    var findings: [Finding] = []

    init(subject: Subject, paths: [String]) {
        self.subject = subject
        self.paths = paths
    }

    /// Reports a finding at `field` of `source` (the key a person edits to fix it), or at the mapping itself.
    public mutating func report(_ message: String, at source: SourceMap, field: String? = nil) {
        guard let rule else { preconditionFailure("a finding reported outside a rule's evaluation") }
        let position = field.flatMap { source[$0] } ?? source.position
        findings.append(Finding(rule: rule.id, severity: rule.severity, category: rule.category, subject: subject,
                                message: message.escapingControlCharacters,
                                location: SourceLocation(file: paths[source.file], position: position)))
    }
}
