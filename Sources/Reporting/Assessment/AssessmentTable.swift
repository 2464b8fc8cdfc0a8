import Assessment
import CloudFirstCore

/// What `cloudfirst assess` shows on a terminal: one line a service, then the estate's verdict.
public struct AssessmentTable: Renderer {
    public let identifier = "table"
    public let summary = "one line a service, then the estate's verdict (the terminal view)"

    public init() {}

    public func render(_ subject: AssessmentSubject, to output: inout some TextOutputStream) {
        output.write(Self.render(subject.view, colour: subject.colour))
    }

    public static func render(_ view: AssessmentView, colour: Bool, width: Int = 120) -> String {
        let assessment = view.assessment
        let header = ["SERVICE", "CRITICALITY", "SCORE", "READINESS", "CONF", "STRATEGY", "TOP FINDING"]
        var rows: [[String]] = []
        for service in view.services {
            let strategy = service.strategy.rawValue + (service.strategy != service.recommendedStrategy ? "*" : "")
                + (service.held != nil ? " held" : "")
            rows.append([service.service.id, service.service.criticality?.rawValue ?? "-", String(service.score),
                         service.readiness.rawValue, "\(service.confidence)/5", strategy,
                         service.headline.map { "\($0.severity.rawValue): \($0.rule)"
                             + ($0.secondaryReason.map { " (\($0.rawValue))" } ?? "") } ?? "-"])
        }
        // Columns are measured in Unicode scalars: as wide as characters for the names inventories use, and far
        // cheaper to count than grapheme clusters over tens of thousands of rows.
        var widths = header.map(\.unicodeScalars.count)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.unicodeScalars.count) }
        }
        widths = widths.enumerated().map { column, width in min(column == 0 ? 32 : column == 6 ? 60 : 40, width) }
        func line(_ cells: [String], style: (Int, String) -> String = { $1 }) -> String {
            var out = ""
            for (column, cell) in cells.enumerated() {
                let length = cell.unicodeScalars.count
                let clipped = length > widths[column]
                    ? String(String.UnicodeScalarView(cell.unicodeScalars.prefix(widths[column] - 1))) + "…" : cell
                let padding = String(repeating: " ", count: max(0, widths[column] - min(length, widths[column])))
                if column > 0 { out += "  " }
                out += style(column, column == 2 ? padding + clipped : clipped + padding)
            }
            return out.trimmingTrailingSpaces()
        }
        var out = ""
        let organisation = assessment.estate.organisation?.name ?? "Estate"
        out += "\(organisation): assessed \(assessment.asOf)\n\n"
        out += line(header, style: { _, cell in bold(cell, colour) }) + "\n"
        for row in rows {
            out += line(row, style: { column, cell in column == 3 ? paint(cell, row[3], colour) : cell }) + "\n"
        }
        out += "\n"
        if let note = view.note { out += note + "\n" }
        let readiness = Readiness.allCases.map { "\(assessment.count($0)) \($0.rawValue)" }.joined(separator: ", ")
        out += "\(Plural.count(assessment.services.count, "service")): \(readiness); estate score "
            + "\(assessment.score)/100 "
            + "(weighted by criticality)\n"
        let strategies = MigrationStrategy.allCases.filter { assessment.count($0) > 0 }
            .map { "\($0.rawValue) \(assessment.count($0))" }.joined(separator: ", ")
        out += "strategies: \(strategies)" + (rows.contains { $0[5].contains("*") } ? " (* the owner's choice "
            + "differs from the recommendation)" : "") + "\n"
        let held = assessment.services.filter { $0.held != nil }
        if !held.isEmpty {
            out += "held: \(held.map(\.service.id).joined(separator: ", ")) (the owner's strategy runs into a "
                + "blocker: kept out of cloud waves until it is resolved or accepted)\n"
        }
        let gated = assessment.services.filter { !$0.gates.isEmpty }.count
        if gated > 0 {
            out += "gates: \(gated) \(gated == 1 ? "service has" : "services have") process work before the move "
                + "(DCB0160, DPIA, procurement, registrations; see --format json or markdown)\n"
        }
        let blockers = assessment.topBlockers.prefix(5).map { "\($0.rule) (\($0.services.count))" }
        if !blockers.isEmpty { out += "top blockers: \(blockers.joined(separator: ", "))\n" }
        if !assessment.unassignedServers.isEmpty {
            let unassigned = assessment.unassignedServers.count
            out += "\(Plural.count(unassigned, "server")) \(unassigned == 1 ? "belongs" : "belong") to no service\n"
        }
        // A refreshed lifecycle catalogue is named; the embedded one is what `--version` names.
        if let provenance = assessment.context.lifecycle.provenance { out += provenance + "\n" }
        return out
    }

    static func bold(_ text: String, _ colour: Bool) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }

    static func paint(_ text: String, _ readiness: String, _ colour: Bool) -> String {
        guard colour else { return text }
        let code = switch Readiness(rawValue: readiness) {
        case .ready: "32"
        case .conditional: "33"
        case .notReady: "31"
        default: "2"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.hasSuffix(" ") { copy.removeLast() }
        return copy
    }
}
