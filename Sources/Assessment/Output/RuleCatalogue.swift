import CloudFirstCore

/// What `cloudfirst rules` prints: every rule, the severity in force under a policy, and how scoring works. It is
/// generated from the rules' own descriptions, so the documentation cannot drift from the code.
public enum RuleCatalogue {
    /// One line a rule (id, severity in force, category, title), then how findings become verdicts.
    public static func text(_ registry: RuleRegistry = .standard, policy: Policy = Policy()) -> String {
        let descriptions = registry.descriptions
        let idWidth = descriptions.map(\.id.count).max() ?? 0
        let categoryWidth = descriptions.map(\.category.rawValue.count).max() ?? 0
        var out = ""
        for description in descriptions {
            let severity = !policy.isEnabled(description) ? "disabled"
                : description.gate ? "gate" : policy.severity(of: description).rawValue
            out += pad(description.id, idWidth) + "  " + pad(severity, 8) + "  "
                + pad(description.category.rawValue, categoryWidth) + "  " + description.title + "\n"
        }
        out += "\n\(descriptions.count) rules. 'cloudfirst rules explain ID' gives a rule's rationale, source, "
            + "remediation and examples.\n\n"
        out += scoring(policy: policy).map { $0.hasPrefix("  ") ? "  " + $0 : "- " + $0 }.joined(separator: "\n") + "\n"
        return out
    }

    /// How a service's findings become its score, readiness, confidence and strategy, one statement each.
    public static func scoring(policy: Policy = Policy()) -> [String] {
        let weights = Severity.allCases.map { "\($0.rawValue) \(policy.weights[$0] ?? 0)" }.joined(separator: ", ")
        var lines = [
            "Score: each rule with a finding in force takes its share of what is left: 100 x the product of "
                + "(1 - points/100), rounded (\(weights); os-past-support and database-past-support weigh 25, an "
                + "upgrade the move can include). A rule counts once per service, at its heaviest finding, however "
                + "many servers or interfaces it fires on. A finding only on test, training, development or DR "
                + "servers of a service with production servers weighs one severity less and never heads the "
                + "service. Gates and accepted findings cost nothing.",
            "Gates: process work every move of that kind passes through (DCB0160 safety case, DPIA, the "
                + "procurement's assurance for a repurchase, a cloud exit plan, registrations with national "
                + "services), listed per service and carried into the plan; they do not change score or readiness, "
                + "and are not CI failures.",
            "Readiness: a service whose strategy is retain or retire is retained or retired, not a cloud "
                + "candidate; else a blocker makes it not-ready (findings on servers a repurchase leaves behind, "
                + "or on domain controllers a directory replaces with new ones, do not count); else personal data "
                + "not stated, no classification given or derived (patient data is official-sensitive), or "
                + "confidence under \(policy.minimumConfidence), makes it unknown; else a high finding makes it "
                + "conditional; else it is ready.",
            "Confidence: 1 to 5 stars (0-20% 1, 21-40% 2, 41-60% 3, 61-80% 4, 81-100% 5) from 60% utilisation "
                + "evidence and 40% fields filled. Utilisation evidence is the mean over powered-on servers of 1 "
                + "for CPU and memory p95 over 30 days or more, 0.75 for 7-29 days, 0.5 when days_sampled is not "
                + "given, 0.25 under 7 days, 0 with none; fields are half the service's own, half its servers'. A "
                + "service with no utilisation at all gets at most 4. With nothing to measure (already the supplier's "
                + "SaaS, on another service's platform, or a repurchase leaving its servers behind), it comes from "
                + "the fields alone, at most 4.",
            "Estate score: the services' scores weighted by criticality (patient-critical 4, business-critical 3, "
                + "business-operational or not given 2, administrative 1).",
            "Kind: the inventory's 'kind', else inferred: a platform product named by the supplier's product, "
                + "else by the products or role of at least half the servers, else database-platform when every "
                + "server is a database server and the supplier's product names a database engine (or two or more "
                + "database servers with no product given), else application.",
            "Strategy: the first row of the decision table that holds. An owner's strategy is kept; a different "
                + "recommendation is a low finding (strategy-disagreement), unless the owner's strategy runs into a "
                + "blocker it cannot get past, which is a blocker (owner-strategy-blocked) and holds the service "
                + "out of the plan's cloud waves. A repurchase needs SaaS and a contract ending within the "
                + "\(policy.planningHorizonMonths)-month planning horizon (or none recorded).",
        ]
        lines += StrategyDecision.table.enumerated().map { index, row in
            "  \(index + 1). \(row.strategy.rawValue): \(row.when)"
        }
        return lines
    }

    /// The topics `cloudfirst rules explain` also takes besides rule ids: each statement of `scoring`, by its
    /// first words ("score", "gates", "readiness", "confidence", "estate-score", "kind", "strategy").
    public static func topics(policy: Policy = Policy()) -> [(name: String, text: String)] {
        var topics: [(name: String, text: String)] = []
        for line in scoring(policy: policy) {
            if line.hasPrefix("  "), let last = topics.popLast() {
                topics.append((last.name, last.text + "\n" + line))
            } else if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].lowercased().replacingOccurrences(of: " ", with: "-")
                topics.append((name, wrap(String(line[line.index(after: colon)...].drop { $0 == " " }))))
            }
        }
        return topics
    }

    /// Everything about one rule: what `cloudfirst rules explain ID` prints.
    public static func explain(_ description: RuleDescription, policy: Policy = Policy()) -> String {
        var out = "\(description.id): \(description.title)\n\n"
        let inForce = policy.severity(of: description)
        var severity = description.severity.rawValue
        if !policy.isEnabled(description) {
            severity += " (disabled by the policy)"
        } else if inForce != description.severity {
            severity += " (\(inForce.rawValue) under the policy)"
        }
        if description.gate {
            severity = "gate: process work before the move; costs no score and does not change readiness (listed "
                + "as \(severity))"
        }
        out += "Severity:  \(severity)\nCategory:  \(description.category.rawValue)\n\n"
        out += "Why it matters\n" + wrap(description.rationale)
        out += "Source\n" + wrap(description.source)
        out += "What to do\n" + wrap(description.remediation)
        out += "Examples (↓ marks where a finding is reported; every example also has a site 'dc1')\n"
        for example in description.examples {
            out += "\n  " + (example.triggers ? "Triggers:" : "Passes:") + (example.asOf == RuleExample.defaultAsOf
                ? "" : " (assessed on \(example.asOf))") + "\n"
            for line in example.inventory.split(separator: "\n", omittingEmptySubsequences: false) {
                out += "    " + line + "\n"
            }
        }
        return out
    }

    public static func json(_ registry: RuleRegistry = .standard, policy: Policy = Policy()) -> JSONValue {
        .object([
            ("rules", .array(registry.descriptions.map { description in
                .object([
                    ("id", .string(description.id)),
                    ("title", .string(description.title)),
                    ("category", .string(description.category.rawValue)),
                    ("default_severity", .string(description.severity.rawValue)),
                    ("severity", .string(policy.severity(of: description).rawValue)),
                    ("enabled", .bool(policy.isEnabled(description))),
                    ("gate", .bool(description.gate)),
                    ("points", .int(policy.points(for: description))),
                    ("rationale", .string(description.rationale)),
                    ("source", .string(description.source)),
                    ("remediation", .string(description.remediation)),
                    ("examples", .array(description.examples.map { example in
                        .object([("triggers", .bool(example.triggers)), ("as_of", .string(example.asOf.description)),
                                 ("inventory", .string(example.inventory))])
                    })),
                ])
            })),
            ("weights", .object(Severity.allCases.map { ($0.rawValue, .int(policy.weights[$0] ?? 0)) })),
            ("strategy_decision_table", .array(StrategyDecision.table.map { row in
                .object([("strategy", .string(row.strategy.rawValue)), ("when", .string(row.when))])
            })),
        ])
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// Words wrapped at 100 columns, indented two spaces, with a blank line after.
    static func wrap(_ text: String, width: Int = 100) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { "  " + $0 }.joined(separator: "\n") + "\n\n"
    }
}
