import CloudFirstCore

/// The plan for other tools: a CSV that Jira and Azure DevOps import, Mermaid that Markdown viewers render, and DOT
/// for Graphviz.
public enum PlanExports {
    /// One row per wave and one per moving service: Summary, Description, Labels, Start, Due (ISO dates). Labels are
    /// space-separated and hold no spaces, as Jira's importer expects.
    public static func csv(_ plan: MigrationPlan) -> String {
        let estate = plan.estate
        var rows = [["Summary", "Description", "Labels", "Start", "Due", "Wave"]]
        for wave in plan.waves {
            let description = wave.number == 0
                ? "Landing zone: UK-region network, HSCN or VPN connectivity, identity, logging, keys."
                : "\(Plural.count(wave.services.count, "service")) on \(Plural.count(wave.serverCount, "server")). "
                    + "Services: "
                    + PlanFormatting.ids(wave.services, in: estate).joined(separator: ", ") + "."
                    + (wave.risks.isEmpty ? "" : " Risks: " + wave.risks.joined(separator: " "))
            rows.append([wave.title, description, "cloudfirst wave-\(wave.number)",
                         wave.start.description, wave.end.description, String(wave.number)])
            for index in wave.services {
                let service = estate.services[index]
                let assessed = plan.assessment.services[index]
                var labels = ["cloudfirst", "wave-\(wave.number)", assessed.strategy.rawValue]
                if let criticality = service.criticality { labels.append(criticality.rawValue) }
                if service.clinicalSystem == true { labels.append("clinical-safety") }
                rows.append(["Migrate \(service.name) (\(service.id)): \(assessed.strategy.rawValue)",
                             "Strategy \(assessed.strategy.rawValue): " + assessed.strategyReasons.joined(separator: "; ")
                                + ". Readiness \(assessed.readiness.rawValue), score \(assessed.score)/100.",
                             labels.joined(separator: " "), wave.start.description, wave.end.description,
                             String(wave.number)])
            }
        }
        return CSV.render(rows)
    }

    /// Markdown with two Mermaid diagrams: the waves as a Gantt chart and the dependencies between moving services,
    /// grouped by wave.
    public static func mermaid(_ plan: MigrationPlan) -> String {
        let estate = plan.estate
        var out = "# Migration plan: \(label(estate.organisation?.name ?? "estate"))\n\n```mermaid\ngantt\n"
        out += "    title Migration waves\n    dateFormat YYYY-MM-DD\n    axisFormat %b %Y\n"
        for wave in plan.waves {
            out += "    section Wave \(wave.number)\n"
            let title = wave.number == 0 ? wave.name : "\(wave.name) - \(Plural.count(wave.services.count, "service"))"
            out += "    \(label(title)) "
                + ":w\(wave.number), \(wave.start), "
                + "\(wave.end.adding(days: 1))\n"
        }
        out += "```\n\n```mermaid\nflowchart LR\n"
        var node: [Int: String] = [:]
        for wave in plan.waves where wave.number > 0 {
            out += "    subgraph wave\(wave.number)[\"Wave \(wave.number)\"]\n"
            for index in wave.services {
                node[index] = "s\(index)"
                out += "        s\(index)[\"\(label(estate.services[index].id))\"]\n"
            }
            out += "    end\n"
        }
        for index in plan.retained {
            node[index] = "s\(index)"
            out += "    s\(index)[(\"\(label(estate.services[index].id)) (stays)\")]\n"
        }
        for (index, service) in estate.services.enumerated() where node[index] != nil {
            for reference in service.dependsOn {
                if let target = estate.serviceIndex[reference.id], let to = node[target], target != index {
                    out += "    s\(index) --> \(to)\n"
                }
            }
        }
        out += "```\n"
        return out
    }

    /// A Graphviz digraph: a cluster per wave, an edge from each service to what it depends on.
    public static func dot(_ plan: MigrationPlan) -> String {
        let estate = plan.estate
        var out = "digraph migration {\n    rankdir=LR;\n    node [shape=box, fontname=\"Helvetica\"];\n"
        var drawn = Set<Int>()
        for wave in plan.waves where wave.number > 0 {
            let title = "\(wave.title) (\(wave.start) to \(wave.end))"
            out += "    subgraph cluster_wave\(wave.number) {\n        label=\(quoted(title));\n"
            for index in wave.services {
                drawn.insert(index)
                out += "        \(quoted(estate.services[index].id));\n"
            }
            out += "    }\n"
        }
        for index in plan.retained {
            drawn.insert(index)
            let id = estate.services[index].id
            out += "    \(quoted(id)) [style=dashed, label=\(quoted(id + " (stays)"))];\n"
        }
        for (index, service) in estate.services.enumerated() where drawn.contains(index) {
            for reference in service.dependsOn {
                if let target = estate.serviceIndex[reference.id], drawn.contains(target), target != index {
                    out += "    \(quoted(service.id)) -> \(quoted(reference.id));\n"
                }
            }
        }
        return out + "}\n"
    }

    /// Text safe inside a Mermaid label: no quotes, brackets or line breaks.
    static func label(_ text: String) -> String {
        String(text.map { "\"[](){}<>#;:\n\r`".contains($0) ? " " : $0 })
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: " ") + "\""
    }
}
