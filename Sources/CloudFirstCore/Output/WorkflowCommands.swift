/// GitHub Actions workflow commands: annotations that put a problem on its line of a pull request. Shared by every
/// command that annotates (`assess`'s findings, `validate`'s diagnostics).
public enum WorkflowCommands {
    /// `::command file=...,line=...,col=...,title=...::message`, one line; `command` is `error`, `warning` or
    /// `notice`. Without a position the annotation names the file alone.
    public static func annotation(_ command: String, file: String, position: SourcePosition?, title: String,
                                  message: String) -> String {
        var properties = "file=\(property(file))"
        if let position { properties += ",line=\(position.line),col=\(position.column)" }
        return "::\(command) \(properties),title=\(property(title))::" + data(message)
    }

    /// Escaping of workflow-command data, as the Actions toolkit does it.
    public static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escaping of workflow-command properties: data's, and the `:` and `,` that separate properties.
    public static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
