import CloudFirstCore

/// The `.cloudfirst.yml` that `cloudfirst init` writes: every setting of the policy file at its default, written out
/// from `Policy()` and commented with the words the policy schema documents it with, so that the file changes nothing
/// until someone edits it. A setting whose default is no value (the thresholds that fail a build) is written
/// commented out.
extension PolicyFile {
    public static var starterText: String {
        let defaults = Policy()
        var lines = [
            "# cloudfirst organisation policy (.cloudfirst.yml), written by 'cloudfirst init' with every default",
            "# written out: as it stands it changes nothing. It applies to the inventories in this folder, or wherever",
            "# --config names it. 'cloudfirst rules' lists the rule ids; 'cloudfirst rules explain score' says how",
            "# weights count.",
            "cloudfirst: 1",
            "",
        ]
        func comment(_ field: Field, indent: String) {
            lines += StarterInventory.comment(field.description, indent: indent)
        }
        for field in schema.fields where field.name != "cloudfirst" {
            comment(field, indent: "")
            lines.append(field.name + ":")
            switch field.name {
            case "rules":
                for inner in rules.fields {
                    comment(inner, indent: "  ")
                    switch inner.name {
                    case "disable":
                        lines.append("  disable: [\(defaults.disabledRules.sorted().joined(separator: ", "))]"
                            + "   # for example: [owner-missing]")
                    case "severity":
                        let overrides = defaults.severityOverrides.sorted { $0.key < $1.key }
                            .map { "\($0.key): \($0.value.rawValue)" }
                        lines.append("  severity: {\(overrides.joined(separator: ", "))}"
                            + "   # for example: { hscn-connectivity: low }")
                    default: lines.append("  # \(inner.name): see 'cloudfirst rules'")
                    }
                }
            case "weights":
                for severity in Severity.allCases {
                    lines.append("  \(severity.rawValue): \(defaults.weights[severity] ?? 0)")
                }
            case "thresholds":
                for inner in thresholds.fields {
                    comment(inner, indent: "  ")
                    switch inner.name {
                    case "minimum_confidence": lines.append("  minimum_confidence: \(defaults.minimumConfidence)")
                    case "fail_under":
                        lines.append("  # fail_under: 50        # default: none (the score never fails a build)")
                    case "fail_on":
                        lines.append("  # fail_on: blocker      # default: none (no finding fails a build)")
                    default: lines.append("  # \(inner.name): see README")
                    }
                }
            case "strategy":
                for inner in strategy.fields {
                    comment(inner, indent: "  ")
                    switch inner.name {
                    case "planning_horizon_months":
                        lines.append("  planning_horizon_months: \(defaults.planningHorizonMonths)")
                    default: lines.append("  # \(inner.name): see README")
                    }
                }
            default:
                lines.append("  # see README")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
