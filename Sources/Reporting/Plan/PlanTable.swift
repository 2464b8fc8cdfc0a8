import CloudFirstCore
import Planning

/// What `cloudfirst plan` shows on a terminal: one line a wave, then what stays, goes or is held, and the cost per
/// cloud. The Markdown has the rest (groups, risks, sizing, assumptions).
public struct PlanTable: Renderer {
    public let identifier = "table"
    public let summary = "one line a wave, then what stays, goes or is held, and the cost per cloud (the terminal view)"

    public init() {}

    public func render(_ subject: PlanSubject, to output: inout some TextOutputStream) {
        output.write(Self.render(subject.plan))
    }

    public static func render(_ plan: MigrationPlan) -> String {
        let estate = plan.estate
        let clouds = plan.assumptions.targetClouds
        let organisation = estate.organisation?.name ?? "Estate"
        var out = "\(organisation): planned \(plan.assessment.asOf), starting \(plan.startDate)\n\n"
        let header = ["WAVE", "NAME", "START", "END", "PESSIMISTIC END", "SERVICES", "SERVERS", "EFFORT (PD)"]
            + clouds.map { "\($0.displayName.uppercased()) GBP/MONTH" }
        let rows: [[String]] = plan.waves.map { wave in
            [String(wave.number), wave.name + (wave.delay != nil ? " *" : ""), wave.start.description,
             wave.end.description, wave.pessimisticEnd.description, String(wave.services.count),
             String(wave.serverCount), PlanFormatting.pounds(wave.effortDays)]
                + clouds.map { PlanFormatting.pounds(plan.waveCosts[wave.number][$0]) }
        }
        out += TextTable.render(header: header, rows: rows, rightAligned: Set([0] + Array(5..<header.count)))
        out += "\n"
        if plan.waves.contains(where: { $0.delay != nil }) {
            out += "* starts later than the wave before ends (why: --format markdown or json)\n"
        }
        let moving = plan.waves.dropFirst().reduce(0) { $0 + $1.services.count }
        out += "\(Plural.count(plan.waves.count - 1, "wave")) after the landing zone move "
            + "\(Plural.count(moving, "service")); \(plan.retained.count) retained, \(plan.retired.count) retired"
            + (plan.held.isEmpty ? "" : ", \(plan.held.count) held") + "\n"
        for (label, indexes) in [("retained", plan.retained), ("retired", plan.retired), ("held", plan.held)]
            where !indexes.isEmpty {
            out += "\(label): \(PlanFormatting.ids(indexes, in: estate).joined(separator: ", "))\n"
        }
        let last = plan.waves.last?.end ?? plan.startDate
        let lastPessimistic = plan.waves.last?.pessimisticEnd ?? plan.startDate
        out += "ends \(last) likely (\(PlanFormatting.months(from: plan.startDate, to: last)) months), "
            + "\(lastPessimistic) pessimistic (\(PlanFormatting.months(from: plan.startDate, to: lastPessimistic)) "
            + "months)\n"
        out += "cost per month once moved (GBP): " + clouds.map {
            "\($0.displayName) \(PlanFormatting.pounds(plan.monthly[$0]))"
        }.joined(separator: ", ") + "; on premises "
            + (plan.onPremises.given ? PlanFormatting.pounds(plan.onPremises.monthlyGBP) : "not given") + "\n"
        return out
    }
}
