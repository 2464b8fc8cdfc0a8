/// What a person knows about a server that another file describes: an import's machine-owned file says what the
/// export says (cores, memory, disks, OS), and the person adds what only they know (the server's role and
/// environment, measured utilisation, the software that matters, attached hardware) in a file of their own, which no
/// re-import touches. Given by server id under the top-level `server_facts`; a fact given here replaces the server's
/// own (and each utilisation figure replaces the one of the same name), because the person's knowledge is the later.
public struct ServerFacts: Sendable {
    public var server: Reference
    public var role: ServerRole?
    public var environment: Environment?
    public var utilisation: Utilisation?
    public var software: [Software]
    public var attachedHardware: [AttachedHardware]
    public var source: SourceMap

    init(_ o: ObjectValue) {
        server = o.reference("id") ?? Reference(id: "", position: o.source.position)
        role = o.choice("role", as: ServerRole.self)
        environment = o.choice("environment", as: Environment.self)
        utilisation = o.object("utilisation").map(Utilisation.init)
        software = o.objects("software").map(Software.init)
        attachedHardware = o.choices("attached_hardware", as: AttachedHardware.self)
        source = o.source
    }

    /// `server` with these facts laid over it.
    func applied(to server: Server) -> Server {
        var server = server
        if let role { server.role = role }
        if let environment { server.environment = environment }
        if let given = utilisation {
            var merged = server.utilisation ?? given
            if let value = given.cpuP95 { merged.cpuP95 = value }
            if let value = given.memoryP95 { merged.memoryP95 = value }
            if let value = given.storageUsedPercent { merged.storageUsedPercent = value }
            if let value = given.daysSampled { merged.daysSampled = value }
            server.utilisation = merged
        }
        if !software.isEmpty { server.software = software }
        if !attachedHardware.isEmpty { server.attachedHardware = attachedHardware }
        return server
    }
}
