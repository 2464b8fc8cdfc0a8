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
    // What a rule said is fixed once said, and lives in one shared box: findings are copied often (sorted, scored,
    // grouped, carried into the plan), and copying the box is one reference count where the strings were several.
    // What the policy and the service decide later (gate, points, secondary) stays in the struct.
    private final class Said: Sendable, Hashable {
        let rule: String
        let severity: Severity
        let category: RuleCategory
        let subject: Subject
        let message: String
        let location: SourceLocation

        init(rule: String, severity: Severity, category: RuleCategory, subject: Subject, message: String,
             location: SourceLocation) {
            self.rule = rule
            self.severity = severity
            self.category = category
            self.subject = subject
            self.message = message
            self.location = location
        }

        static func == (left: Said, right: Said) -> Bool {
            left === right || (left.rule == right.rule && left.severity == right.severity
                && left.category == right.category && left.subject == right.subject && left.message == right.message
                && left.location == right.location)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(rule)
            hasher.combine(severity)
            hasher.combine(category)
            hasher.combine(subject)
            hasher.combine(message)
            hasher.combine(location)
        }
    }

    private let said: Said
    public var rule: String { said.rule }
    /// The severity in force: the rule's default, or the organisation's override.
    public var severity: Severity { said.severity }
    public var category: RuleCategory { said.category }
    public var subject: Subject { said.subject }
    public var message: String { said.message }
    public var location: SourceLocation { said.location }
    /// A process obligation before the move rather than a defect (see `RuleDescription.gate`).
    public var gate: Bool = false
    /// Points it takes off the score at its severity in force (see `Policy.points(for:)`).
    public var points: Int = 0
    /// Why the finding weighs one severity less and never heads the service on its own, or nil.
    public var secondaryReason: SecondaryReason?

    /// True when it weighs one severity less (see `secondaryReason`).
    public var secondary: Bool { secondaryReason != nil }

    public init(rule: String, severity: Severity, category: RuleCategory, subject: Subject, message: String,
                location: SourceLocation, gate: Bool = false, points: Int = 0) {
        said = Said(rule: rule, severity: severity, category: category, subject: subject, message: message,
                    location: location)
        self.gate = gate
        self.points = points
    }

    /// The severity it weighs as: its own, or one less when it is secondary.
    public var weighsAs: Severity {
        guard secondary, let index = Severity.allCases.firstIndex(of: severity),
              index + 1 < Severity.allCases.count else { return severity }
        return Severity.allCases[index + 1]
    }
}

/// Why a finding is kept but weighs less.
public enum SecondaryReason: String, Sendable {
    /// On a test, training, development or DR server of a service that has production servers.
    case nonProduction = "non-production"
    /// On a server the strategy leaves behind to be switched off (a repurchase): a risk until then, not a step of
    /// the move.
    case leftBehind = "left behind"
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
        let gate: Bool
        let points: Int

        init(_ description: RuleDescription, policy: Policy) {
            id = description.id
            category = description.category
            severity = policy.severity(of: description)
            gate = description.gate
            points = policy.points(for: description)
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
                                location: SourceLocation(file: paths[source.file], position: position),
                                gate: rule.gate, points: rule.points))
    }
}
