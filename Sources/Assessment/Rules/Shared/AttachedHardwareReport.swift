import CloudFirstCore

// Shared by the rules about devices physically attached to a server: a cloud VM has no slot, port or cable for any
// of them.

/// Reports `message` at the server's `attached_hardware` key when `hardware` is in it.
func reportAttached(_ hardware: AttachedHardware, on server: Server, _ message: String,
                    to report: inout FindingReporter) {
    guard server.attachedHardware.contains(hardware) else { return }
    report.report("server '\(server.id)' \(message)", at: server.source, field: "attached_hardware")
}
