import CloudFirstCore
import Planning

/// The plan for other tools: Mermaid that Markdown viewers render, and DOT for Graphviz (the CSV trackers import is
/// PlanTrackerCSV).
public enum PlanExports {
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
        // Every wave, the landing zone's foundation services (wave 0) included, then what stays and what is held.
        for wave in plan.waves where !wave.services.isEmpty {
            out += "    subgraph wave\(wave.number)[\"\(label(wave.title))\"]\n"
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
        for index in plan.held {
            node[index] = "s\(index)"
            out += "    s\(index){{\"\(label(estate.services[index].id)) (held)\"}}\n"
        }
        for index in plan.retired {
            node[index] = "s\(index)"
            out += "    s\(index)>\"\(label(estate.services[index].id)) (retired)\"]\n"
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
        for wave in plan.waves where !wave.services.isEmpty {
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
        for index in plan.held {
            drawn.insert(index)
            let id = estate.services[index].id
            out += "    \(quoted(id)) [style=dotted, label=\(quoted(id + " (held)"))];\n"
        }
        // Retired services too: a dependency on one is work to do before it goes.
        for index in plan.retired {
            drawn.insert(index)
            let id = estate.services[index].id
            out += "    \(quoted(id)) [style=\"dashed,filled\", fillcolor=\"grey90\", label=\(quoted(id + " (retired)"))];\n"
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

/// The waves as a Mermaid Gantt chart and the dependencies as a flowchart, in Markdown that viewers render.
public struct PlanMermaid: Renderer {
    public let identifier = "mermaid"
    public let summary = "Markdown with Mermaid diagrams: the waves as a Gantt chart, the dependencies by wave"

    public init() {}

    public func render(_ subject: PlanSubject, to output: inout some TextOutputStream) {
        output.write(PlanExports.mermaid(subject.plan))
    }
}

/// A Graphviz digraph of the waves and the dependencies.
public struct PlanDOT: Renderer {
    public let identifier = "dot"
    public let summary = "a Graphviz digraph: a cluster a wave, an edge a dependency"

    public init() {}

    public func render(_ subject: PlanSubject, to output: inout some TextOutputStream) {
        output.write(PlanExports.dot(subject.plan))
    }
}
