import CloudFirstCore

/// How much a finding stands in the way of a move. Ordered from most to least serious.
public enum Severity: String, CaseIterable, Comparable, Sendable {
    /// The service cannot move as it is.
    case blocker
    /// It can move only once this is dealt with.
    case high
    case medium
    case low
    /// Worth knowing; costs no score.
    case info

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        // Safe: every case is in `allCases`, whose order is most severe first.
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public enum RuleCategory: String, CaseIterable, Sendable {
    case technical
    case dataAndCompliance = "data-and-compliance"
    case security
    case integration
    case operational
    case commercial
    case sustainability
}

/// Everything about a rule that is not code: what `cloudfirst rules` prints, and the examples that are its tests.
public struct RuleDescription: Sendable {
    /// Stable kebab-case identifier; baselines, exceptions and configuration refer to it.
    public let id: String
    public let title: String
    public let category: RuleCategory
    public let severity: Severity
    /// Why it matters, in words a trust board recognises.
    public let rationale: String
    /// Where the fact or policy comes from: a section of the domain reference or a public document.
    public let source: String
    public let remediation: String
    /// Inventory snippets that must and must not trigger the rule; `↓` marks where each finding must be reported.
    public let examples: [RuleExample]
    /// A gate is a process obligation the move must pass through (a clinical safety case, a DPIA, assurance of a
    /// new supplier, a registration with a national service): listed as work before the move, it costs no score
    /// and does not change readiness, which is about the service's technical state.
    public let gate: Bool
    /// Points the rule takes off the score in place of its severity's weight, where the severity misjudges the
    /// effort of the remedy; nil for the severity's weight. A policy that changes the rule's severity uses that
    /// severity's weight instead.
    public let weight: Int?
    /// Strategies for which the rule's findings are not raised, because they are about a step that strategy does
    /// not take: `hostedOnly` for running the service on the trust's own cloud resources, `movingOnly` for moving it.
    public let notFor: Set<MigrationStrategy>

    /// About running the service on the trust's own resources in a cloud (zones, regions, VM sizes, storage,
    /// licences on cloud vCPUs): not for a service that is retained, retired or repurchased.
    public static let hostedOnly: Set<MigrationStrategy> = [.retain, .retire, .repurchase]
    /// About moving the service (the network route to it, sign-in from the cloud): not for one retained or retired.
    public static let movingOnly: Set<MigrationStrategy> = [.retain, .retire]

    public init(id: String, title: String, category: RuleCategory, severity: Severity, rationale: String,
                source: String, remediation: String, examples: [RuleExample], gate: Bool = false,
                weight: Int? = nil, notFor: Set<MigrationStrategy> = []) {
        self.id = id
        self.title = title
        self.category = category
        self.severity = severity
        self.rationale = rationale
        self.source = source
        self.remediation = remediation
        self.examples = examples
        self.gate = gate
        self.weight = weight
        self.notFor = notFor
    }
}

/// An inventory snippet for a rule: its `servers:` and `services:` (and `assumptions:`) sections. A `.triggers`
/// example marks with `↓` every place the rule must report a finding at, and the rule must report none elsewhere; a
/// `.passes` example marks nothing and the rule must report nothing. A site `dc1` is always defined; an example that
/// needs other sites writes its own `sites:` section, with `dc1` among them.
public struct RuleExample: Sendable {
    /// What the example says the rule does with it.
    public enum Expectation: Sendable {
        /// The rule reports a finding at each `↓`, and nowhere else.
        case triggers
        /// The rule reports nothing.
        case passes
    }

    public let inventory: String
    public let expectation: Expectation
    /// The date the example is assessed on.
    public let asOf: CalendarDate
    public let file: String
    public let line: Int

    /// The date examples are assessed on unless they say otherwise; fixed so that examples never expire.
    public static let defaultAsOf = CalendarDate(year: 2026, month: 11, day: 25)!  // Safe: a literal, real date.

    public static func triggers(_ inventory: String, asOf: CalendarDate = defaultAsOf, file: String = #filePath,
                                line: Int = #line) -> RuleExample {
        RuleExample(inventory: inventory, expectation: .triggers, asOf: asOf, file: file, line: line)
    }

    public static func passes(_ inventory: String, asOf: CalendarDate = defaultAsOf, file: String = #filePath,
                              line: Int = #line) -> RuleExample {
        RuleExample(inventory: inventory, expectation: .passes, asOf: asOf, file: file, line: line)
    }

    /// True for an example written `.triggers`: the rule must report on it. The rule examples' test checks that it
    /// marks at least one `↓` and that a `.passes` example marks none.
    public var triggers: Bool { expectation == .triggers }
}

/// A rule about one server. Its findings count for every service the server belongs to.
public protocol ServerRule: Sendable {
    static var description: RuleDescription { get }
    func evaluate(_ server: Server, in context: AssessmentContext, report: inout FindingReporter)
}

/// A rule about one service.
public protocol ServiceRule: Sendable {
    static var description: RuleDescription { get }
    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter)
}
