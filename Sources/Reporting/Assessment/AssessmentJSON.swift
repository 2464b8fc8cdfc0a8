import Assessment
import CloudFirstCore

/// The assessment as data: the JSON contract of `cloudfirst assess --format json`.
public struct AssessmentJSON: Renderer {
    public let identifier = "json"
    public let summary = "every service, finding and verdict, in the JSON envelope (docs/output.schema.json)"

    public init() {}

    public func render(_ subject: AssessmentSubject, to output: inout some TextOutputStream) {
        let assessment = subject.assessment
        // Streamed: each service's entry is made as it is written, not the whole document first.
        var json = JSONStreamWriter(output)
        json.members(of: JSONEnvelope(command: "assess", estates: [assessment.estate],
                                      asOf: assessment.asOf.description).wrap(.object([])))
        json.write(Self.members(subject.view))
        output = json.finish()
    }

    /// The assessment as one value, for a caller that wants it whole.
    public static func render(_ view: AssessmentView) -> JSONValue {
        .object(members(view).map { key, member in
            switch member {
            case .value(let value): (key, value)
            case .elements(let elements): (key, .array(Array(elements)))
            }
        })
    }

    /// The document's members in order; the services and the unassigned servers as sequences that make each entry
    /// when it is written.
    public static func members(_ view: AssessmentView) -> [(String, JSONStreamMember)] {
        let assessment = view.assessment
        let estate = assessment.estate
        let filter = view.filter
        var head: [(String, JSONValue)] = [
            ("estate", .object([
                ("services", .int(estate.services.count)),
                ("servers", .int(estate.servers.count)),
                ("score", .int(assessment.score)),
                ("readiness", .object(Readiness.allCases.map { (JSONEnvelope.key($0.rawValue), .int(assessment.count($0))) })),
                ("strategies", .object(MigrationStrategy.allCases.map {
                    (JSONEnvelope.key($0.rawValue), .int(assessment.count($0)))
                })),
                ("top_blockers", .array(assessment.topBlockers.map { blocker in
                    .object([("rule", .string(blocker.rule)),
                             ("services", .array(blocker.services.map(JSONValue.string)))])
                })),
            ])),
            ("view", .object([
                ("readiness", .array(Readiness.allCases.filter(filter.readiness.contains).map { .string($0.rawValue) })),
                ("criticality", .array(Criticality.ordered.filter(filter.criticality.contains)
                    .map { .string($0.rawValue) })),
                ("strategy", .array(MigrationStrategy.allCases.filter(filter.strategies.contains)
                    .map { .string($0.rawValue) })),
                ("severity", filter.minimumSeverity.map { .string($0.rawValue) } ?? .null),
                ("sort_by", .string((filter.order ?? .inventory).rawValue)),
                ("services_shown", .int(view.services.count)),
            ])),
        ]
        // A refreshed lifecycle catalogue is named; the embedded one is what `--version` names.
        if let provenance = assessment.context.lifecycle.provenance {
            head.append(("lifecycle_catalogue", .string(provenance)))
        }
        return head.map { ($0, .value($1)) } + [
            ("services", .elements(AnySequence(view.services.lazy.map(service)))),
            ("unassigned_servers", .elements(AnySequence(view.unassignedServers.lazy.map { server in
                .object([("id", .string(server.server.id)), ("findings", .array(server.findings.map(finding)))])
            }))),
        ]
    }

    static func service(_ service: ServiceAssessment) -> JSONValue {
        .object([
            ("id", .string(service.service.id)),
            ("name", .string(service.service.name)),
            ("kind", .string(service.kind.rawValue)),
            ("kind_inferred", .bool(!service.kindGiven)),
            ("criticality", service.service.criticality.map { .string($0.rawValue) } ?? .null),
            ("score", .int(service.score)),
            ("readiness", .string(service.readiness.rawValue)),
            ("confidence", .int(service.confidence)),
            ("strategy", .string(service.strategy.rawValue)),
            ("recommended_strategy", .string(service.recommendedStrategy.rawValue)),
            ("strategy_reasons", .array(service.strategyReasons.map(JSONValue.string))),
            ("held", service.held.map(JSONValue.string) ?? .null),
            ("findings", .array(service.findings.map(finding))),
            ("gates", .array(service.gates.map(finding))),
            ("accepted", .array(service.accepted.map { accepted in
                var members = members(of: accepted.finding)
                members.append(("reason", .string(accepted.reason)))
                members.append(("until", accepted.until.map { .string($0.description) } ?? .null))
                return .object(members)
            })),
        ])
    }

    static func finding(_ finding: Finding) -> JSONValue { .object(members(of: finding)) }

    static func members(of finding: Finding) -> [(String, JSONValue)] {
        [
            ("rule", .string(finding.rule)),
            ("severity", .string(finding.severity.rawValue)),
            ("category", .string(finding.category.rawValue)),
            ("subject", .string(finding.subject.description)),
            ("message", .string(finding.message)),
            ("secondary", finding.secondaryReason.map { .string($0.rawValue) } ?? .null),
            ("location", .object([("file", .string(finding.location.file)),
                                  ("line", .int(finding.location.position.line)),
                                  ("column", .int(finding.location.position.column))])),
        ]
    }
}
