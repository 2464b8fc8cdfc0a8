import CloudFirstCore
import Planning

/// The plan as work items a tracker imports: an epic per wave, under it an item per moving service, in the
/// columns the tracker's own CSV import reads. Waves in order, each followed by its services in the wave's order
/// (parents before children, as both importers need).
public struct PlanTrackerCSV: Renderer {
    public let identifier = "csv"
    public let summary = "work items for Jira or Azure DevOps to import (--csv-for)"

    public init() {}

    public func render(_ subject: PlanSubject, to output: inout some TextOutputStream) {
        output.write(Self.render(subject.plan, for: subject.tracker))
    }

    public enum Tracker: String, CaseIterable, Sendable {
        case jira
        case azureDevOps = "azure-devops"
    }

    /// One work item: what both trackers are given, before each names its columns.
    struct Item {
        var isWave: Bool
        var title: String
        var description: String
        var labels: [String]
        var start: CalendarDate
        var due: CalendarDate
    }

    public static func render(_ plan: MigrationPlan, for tracker: Tracker) -> String {
        let items = self.items(plan)
        switch tracker {
        case .jira: return jira(items)
        case .azureDevOps: return azureDevOps(items)
        }
    }

    /// Jira's CSV importer (Atlassian, "Importing data from CSV"; "CSV import Parent-child mapping"): a Summary
    /// column is required; Issue ID and Parent link an issue to its epic, the epic's row first; each label in a
    /// column of its own, all headed Labels, with no spaces in a label. Dates are `yyyy-MM-dd`: give the importer
    /// that date format.
    static func jira(_ items: [Item]) -> String {
        let labelColumns = items.map(\.labels.count).max() ?? 0
        var rows = [["Issue ID", "Parent", "Issue Type", "Summary", "Description", "Start date", "Due date"]
            + Array(repeating: "Labels", count: labelColumns)]
        var wave = 0
        for (offset, item) in items.enumerated() {
            let id = offset + 1
            if item.isWave { wave = id }
            rows.append([String(id), item.isWave ? "" : String(wave), item.isWave ? "Epic" : "Task", item.title,
                         item.description, item.start.description, item.due.description]
                + item.labels + Array(repeating: "", count: labelColumns - item.labels.count))
        }
        return CSV.render(rows)
    }

    /// Azure Boards' CSV import (Microsoft Learn, "Import or update work items in bulk by using CSV files"): Work
    /// Item Type and a title are required and no ID is given for new items; a child's title goes in the next title
    /// column (Title 2 under its parent's Title 1); tags are separated by semicolons; Description is HTML, so its
    /// text is escaped. Epic and Feature are the portfolio types of the Agile, Scrum and CMMI processes.
    static func azureDevOps(_ items: [Item]) -> String {
        var rows = [["Work Item Type", "Title 1", "Title 2", "Description", "Tags", "Start Date", "Target Date"]]
        for item in items {
            rows.append([item.isWave ? "Epic" : "Feature", item.isWave ? item.title : "", item.isWave ? "" : item.title,
                         html(item.description), item.labels.joined(separator: "; "), item.start.description,
                         item.due.description])
        }
        return CSV.render(rows)
    }

    static func items(_ plan: MigrationPlan) -> [Item] {
        let estate = plan.estate
        var items: [Item] = []
        for wave in plan.waves {
            let description = wave.number == 0
                ? "Landing zone: UK-region network, HSCN or VPN connectivity, identity, logging, keys."
                : "\(Plural.count(wave.services.count, "service")) on \(Plural.count(wave.serverCount, "server")). "
                    + "Services: " + PlanFormatting.ids(wave.services, in: estate).joined(separator: ", ") + "."
                    + (wave.risks.isEmpty ? "" : " Risks: " + wave.risks.joined(separator: " "))
            items.append(Item(isWave: true, title: wave.title, description: description,
                              labels: ["cloudfirst", "wave-\(wave.number)"], start: wave.start, due: wave.end))
            for index in wave.services {
                let service = estate.services[index]
                let assessed = plan.assessment.services[index]
                var labels = ["cloudfirst", "wave-\(wave.number)", assessed.strategy.rawValue]
                if let criticality = service.criticality { labels.append(criticality.rawValue) }
                if service.clinicalSystem == true { labels.append("clinical-safety") }
                items.append(Item(
                    isWave: false, title: "Migrate \(service.name) (\(service.id)): \(assessed.strategy.rawValue)",
                    description: "Strategy \(assessed.strategy.rawValue): "
                        + assessed.strategyReasons.joined(separator: "; ")
                        + ". Readiness \(assessed.readiness.rawValue), score \(assessed.score)/100.",
                    labels: labels, start: wave.start, due: wave.end))
            }
        }
        return items
    }

    /// Text as HTML text: the three characters HTML gives meaning to in text escaped.
    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
