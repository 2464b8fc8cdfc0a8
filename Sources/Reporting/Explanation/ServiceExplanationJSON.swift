import Assessment
import CloudFirstCore

/// `cloudfirst explain SERVICE --format json`: the facts the text shows, as data.
public struct ServiceExplanationJSON: Renderer {
    public let identifier = "json"
    public let summary = "the same, as data in the JSON envelope (docs/output.schema.json)"

    public init() {}

    public func render(_ subject: ExplanationSubject, to output: inout some TextOutputStream) {
        output.write(JSONEnvelope(command: "explain", estates: [subject.estate], asOf: subject.asOf.description)
            .wrap(Self.render(subject.explanation)).rendered())
    }

    public static func render(_ explanation: ServiceExplanation) -> JSONValue {
        let assessed = explanation.assessment
        let service = assessed.service
        let identity: [(String, JSONValue)] = [
            ("id", .string(service.id)),
            ("name", .string(service.name)),
            ("owner", service.owner.map(JSONValue.string) ?? .null),
            ("criticality", service.criticality.map { .string($0.rawValue) } ?? .null),
            ("kind", .string(assessed.kind.rawValue)),
            ("kind_inferred", .bool(!assessed.kindGiven)),
            ("location", location(explanation.location)),
        ]
        let servers: [JSONValue] = explanation.servers.map(server)
        let members: [(String, JSONValue)] = [
            ("service", .object(identity)),
            ("score", score(explanation)),
            ("readiness", readiness(explanation)),
            ("findings", .array(assessed.findings.map { finding($0, explanation) })),
            ("gates", .array(assessed.gates.map { finding($0, explanation) })),
            ("accepted", .array(assessed.accepted.map { accepted($0, explanation) })),
            ("strategy", strategy(explanation)),
            ("confidence", confidence(explanation)),
            ("servers", .array(servers)),
        ]
        return .object(members)
    }

    static func server(_ line: ServiceExplanation.ServerLine) -> JSONValue {
        let members: [(String, JSONValue)] = [
            ("id", .string(line.server.id)),
            ("role", line.server.role.map { .string($0.rawValue) } ?? .null),
            ("environment", line.server.environment.map { .string($0.rawValue) } ?? .null),
            ("os", line.server.os.map(JSONValue.string) ?? .null),
            ("powered_on", .bool(line.server.poweredOn)),
            ("location", location(line.location)),
            ("findings", .int(line.findings)),
            ("shared_with", .array(line.sharedWith.map(JSONValue.string))),
        ]
        return .object(members)
    }

    static func location(_ location: SourceLocation) -> JSONValue {
        .object([("file", .string(location.file)), ("line", .int(location.position.line)),
                 ("column", .int(location.position.column))])
    }

    /// A finding as `assess --format json` gives it, with the rule's remediation.
    static func finding(_ finding: Finding, _ explanation: ServiceExplanation) -> JSONValue {
        .object(AssessmentJSON.members(of: finding)
            + [("remediation", explanation.remediation[finding.rule].map(JSONValue.string) ?? .null)])
    }

    static func accepted(_ accepted: AcceptedFinding, _ explanation: ServiceExplanation) -> JSONValue {
        let members: [(String, JSONValue)] = AssessmentJSON.members(of: accepted.finding) + [
            ("remediation", explanation.remediation[accepted.finding.rule].map(JSONValue.string) ?? .null),
            ("reason", .string(accepted.reason)),
            ("until", accepted.until.map { .string($0.description) } ?? .null),
        ]
        return .object(members)
    }

    /// Two decimal places: the working is shown as the text shows it.
    static func rounded(_ value: Double) -> JSONValue { .double((value * 100).rounded() / 100) }

    static func score(_ explanation: ServiceExplanation) -> JSONValue {
        let arithmetic = explanation.arithmetic
        return .object([
            ("value", .int(explanation.assessment.score)),
            ("start", .int(Scoring.Arithmetic.start)),
            ("steps", .array(arithmetic.steps.map { step in
                .object([
                    ("rule", .string(step.rule)),
                    ("severity", .string(step.finding.severity.rawValue)),
                    ("weighs_as", .string(step.finding.weighsAs.rawValue)),
                    ("points", .int(step.points)),
                    ("findings", .int(step.findings)),
                    ("subject", .string(step.finding.subject.description)),
                    ("location", location(step.finding.location)),
                    ("remaining", rounded(step.remaining)),
                ])
            })),
            ("unrounded", rounded(arithmetic.unrounded)),
            ("result", .int(arithmetic.score)),
        ])
    }

    static func readiness(_ explanation: ServiceExplanation) -> JSONValue {
        var members: [(String, JSONValue)] = [("value", .string(explanation.assessment.readiness.rawValue))]
        func rules(_ findings: [Finding]) -> JSONValue {
            .array(findings.map { finding in
                .object([("rule", .string(finding.rule)), ("subject", .string(finding.subject.description)),
                         ("location", location(finding.location))])
            })
        }
        switch explanation.readinessReason {
        case .strategy(let strategy):
            members += [("reason", "strategy"), ("strategy", .string(strategy.rawValue))]
        case .blockers(let findings):
            members += [("reason", "blockers"), ("findings", rules(findings))]
        case let .unknown(personalDataMissing, classificationMissing, confidenceBelow):
            members += [("reason", "unknown"), ("personal_data_missing", .bool(personalDataMissing)),
                        ("classification_missing", .bool(classificationMissing)),
                        ("confidence_below_minimum", .bool(confidenceBelow != nil))]
        case .high(let findings):
            members += [("reason", "high"), ("findings", rules(findings))]
        case .clear:
            members += [("reason", "clear")]
        }
        return .object(members)
    }

    static func strategy(_ explanation: ServiceExplanation) -> JSONValue {
        let assessed = explanation.assessment
        var owner: JSONValue = .null
        if let owners = assessed.service.strategy, let location = explanation.ownerChoiceLocation {
            owner = .object([
                ("strategy", .string(owners.rawValue)),
                ("location", self.location(location)),
                ("reason", assessed.service.strategyReason.map(JSONValue.string) ?? .null),
                ("finding", explanation.ownerChoiceFinding.map { finding($0, explanation) } ?? .null),
            ])
        }
        return .object([
            ("in_force", .string(assessed.strategy.rawValue)),
            ("recommended", .string(assessed.recommendedStrategy.rawValue)),
            ("rule", .object([("row", .int(assessed.strategyRow)), ("when", .string(explanation.strategyRule))])),
            ("reasons", .array(assessed.strategyReasons.map(JSONValue.string))),
            ("owner_choice", owner),
            ("held", assessed.held.map(JSONValue.string) ?? .null),
        ])
    }

    static func confidence(_ explanation: ServiceExplanation) -> JSONValue {
        let evidence = explanation.evidence
        return .object([
            ("value", .int(explanation.assessment.confidence)),
            ("utilisation", rounded(evidence.utilisation)),
            ("fields", rounded(evidence.fields)),
            ("completeness", rounded(evidence.completeness)),
            ("nothing_to_measure", .bool(explanation.nothingToMeasure)),
            ("held_to_four", .bool(evidence.heldToFour)),
            ("minimum", .int(explanation.minimumConfidence)),
            ("ceiling", .int(explanation.confidenceAdvice.ceiling)),
            ("limit", explanation.confidenceAdvice.limit.map(JSONValue.string) ?? .null),
            ("to_raise", .array(explanation.confidenceAdvice.steps.map(JSONValue.string))),
        ])
    }
}
