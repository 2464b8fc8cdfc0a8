import Assessment
import CloudFirstCore

/// The change as data: the estate's totals before and after, and every changed service with its findings.
public struct DiffJSON: Renderer {
    public let identifier = "json"
    public let summary = "the change as data, in the JSON envelope (docs/output.schema.json)"

    public init() {}

    public func render(_ subject: DiffSubject, to output: inout some TextOutputStream) {
        let diff = subject.diff
        output.write(JSONEnvelope(command: "diff", estates: [diff.old.estate, diff.new.estate],
                                  asOf: diff.new.asOf.description).wrap(Self.render(diff)).rendered())
    }

    public static func render(_ diff: AssessmentDiff) -> JSONValue {
        let (old, new, services) = (diff.old, diff.new, diff.services)
        func finding(_ finding: Finding) -> JSONValue {
            .object([("rule", .string(finding.rule)), ("severity", .string(finding.severity.rawValue)),
                     ("subject", .string(finding.subject.description)), ("message", .string(finding.message)),
                     ("fingerprint", .string(finding.fingerprint)),
                     ("location", .object([("file", .string(finding.location.file)),
                                           ("line", .int(finding.location.position.line)),
                                           ("column", .int(finding.location.position.column))]))])
        }
        func side(_ service: ServiceAssessment?) -> JSONValue {
            guard let service else { return .null }
            return .object([("score", .int(service.score)), ("readiness", .string(service.readiness.rawValue)),
                            ("strategy", .string(service.strategy.rawValue))])
        }
        return .object([
            ("estate", .object([
                ("score", .object([("before", .int(old.score)), ("after", .int(new.score))])),
                ("services", .object([("before", .int(old.estate.services.count)),
                                      ("after", .int(new.estate.services.count))])),
                ("readiness", .object(Readiness.allCases.map { readiness in
                    (JSONEnvelope.key(readiness.rawValue), .object([("before", .int(old.count(readiness))),
                                                  ("after", .int(new.count(readiness)))]))
                })),
            ])),
            ("regression", .bool(diff.isRegression)),
            ("services", .array(services.map { change in
                .object([("id", .string(change.id)), ("regression", .bool(change.isRegression)),
                         ("before", side(change.before)), ("after", side(change.after)),
                         ("new_findings", .array(change.newFindings.map(finding))),
                         ("resolved_findings", .array(change.resolvedFindings.map(finding)))])
            })),
        ])
    }
}
