import CloudFirstCore

/// The 7R decision table. The first row that holds gives the recommended strategy, with every reason that fired in
/// words a board paper can quote; README and `cloudfirst rules` print the same table. Sources: AWS's 7 Rs and its
/// advice for large migrations (rehost, replatform, relocate and retire; not refactor mid-migration), GDS Cloud
/// First (SaaS should always be considered), the NHS Cloud Centre of Excellence (cloud first does not mean moving
/// everything; a cloud exit strategy), the NHS fax ban, NCSC on offline backups (REFERENCE.md sections 1, 4, 7, 9).
public struct StrategyDecision: Sendable {
    public let strategy: MigrationStrategy
    public let reasons: [String]
    /// The row of `table` that held, 1-based as README and `cloudfirst rules` number them.
    public let row: Int
    /// True when only the last row held: nothing argues for any strategy in particular, so an owner's choice of a
    /// more modern one (replatform, refactor) is no disagreement.
    public var byDefault = false

    init(strategy: MigrationStrategy, row: Int, reasons: [String], byDefault: Bool = false) {
        self.strategy = strategy
        self.row = row
        self.reasons = reasons
        self.byDefault = byDefault
    }

    /// What a procurement of the service involves, for the reasons and the gate alike. DTAC covers digital health
    /// technologies, so it is named for clinical systems; DCB0160 likewise.
    static func procurement(clinical: Bool) -> String {
        clinical ? "framework call-off, DTAC, supplier DSPT, DPIA, DCB0160 clinical safety, data migration"
            : "framework call-off, supplier DSPT and security assurance, DPIA, data migration"
    }

    public static let table: [(strategy: MigrationStrategy, when: String)] = [
        (.retire, "every server is powered off or idle (CPU and memory p95 under 5%), or the service is a fax gateway; "
            + "patient records go to a compliant archive first"),
        (.retain, "it already runs as the supplier's SaaS and has no servers of the trust's: nothing to move; its "
            + "contract end is when to review it"),
        (.replatform, "the service is backup (to the cloud's backup vaults and object storage), file shares (to a "
            + "managed file service; home drives to the collaboration platform), virtual desktops (session hosts "
            + "rebuilt in the cloud), a container platform (to managed Kubernetes), a shared database platform (to "
            + "managed database services where its engines allow), print that is not latency-sensitive (to a cloud "
            + "print service with connectors on site), or has no servers of its own and runs on a container platform"),
        (.retain, "the service is print and its printers are latency-sensitive or wired to its servers: print "
            + "queues stay beside the printers"),
        (.repurchase, "an application the supplier offers as SaaS, with its contract ending within the planning "
            + "horizon or not recorded, or the application itself past support, or offered only as SaaS; a "
            + "procurement follows. Directory, backup, file, print, desktop, database and container platforms are "
            + "never repurchased"),
        (.retain, "a server is SPARC, POWER or Itanium, or hardware on site is tied to a latency-sensitive service, "
            + "or the supplier supports none of the target clouds"),
        (.replatform, "a production server's operating system, database or application is past support, or its "
            + "standard support ends before the programme starts, or another blocker that rebuilding removes (UEFI "
            + "with old Windows, larger than any cloud VM, Oracle RAC): move onto a supported platform or release, a "
            + "managed database or a service built for it. Not for a directory, whose new domain controllers are "
            + "built on a supported release (row 9)"),
        (.relocate, "every server is a VMware VM and the site's lease ends within 12 months: move the VMs as they are"),
        (.rehost, "otherwise: move the servers as they are onto cloud VMs (a directory is extended: new domain "
            + "controllers in the landing zone)"),
    ]

    /// `servers` are the service's (`context.servers(of:)`), passed by a caller that already has them.
    public static func decide(_ service: Service, findings: [Finding], context: AssessmentContext,
                              servers: [Server]? = nil) -> StrategyDecision {
        let servers = servers ?? context.servers(of: service)
        let kind = context.kind(of: service)
        let records = service.data?.personalData == .patient || service.clinicalSystem == true
            ? ["its patient records go first to a compliant archive under the records retention schedule, with "
                + "DCB0160 for the decommissioning"] : []
        if !servers.isEmpty, servers.allSatisfy({ !$0.poweredOn || isIdle($0) }) {
            return StrategyDecision(strategy: .retire, row: 1, reasons: [
                "every server is powered off or idle (CPU and memory p95 under 5%)",
            ] + records)
        }
        if servers.isEmpty, service.supplier?.saas == .only {
            let review = service.contractEnds.map { "its contract end (\($0)) is when to review it" }
                ?? "record its contract end, which is when to review it"
            return StrategyDecision(strategy: .retain, row: 2, reasons: [
                "it already runs as the supplier's SaaS, with no servers of the trust's: nothing to move; \(review)",
            ])
        }
        if servers.contains(where: { $0.attachedHardware.contains(.faxCard) }) {
            return StrategyDecision(strategy: .retire, row: 1, reasons: [
                "it is a fax gateway: NHS organisations were to phase fax out by 31 March 2020",
            ])
        }
        if let platform = platformDecision(service, kind: kind, servers: servers) { return platform }
        if servers.isEmpty,
           let platform = service.dependsOn.lazy.compactMap({ context.estate.serviceIndex[$0.id] })
               .first(where: { context.kinds[$0].kind == .containerPlatform }) {
            return StrategyDecision(strategy: .replatform, row: 3, reasons: [
                "it has no servers of its own and runs on the container platform "
                    + "'\(context.estate.services[platform].id)', which moves to managed Kubernetes: it moves with it",
            ])
        }

        // Repurchase: an application, offered as SaaS, whose contract lets this programme change it, or which is
        // itself past support.
        let applicationPastSupport = findings.first {
            !$0.secondary && $0.rule == ApplicationPastSupport.description.id
        }
        var notes: [String] = []
        if let saas = service.supplier?.saas, saas != .none {
            let platformKind = kind != .application
            if saas == .only, !platformKind {
                return StrategyDecision(strategy: .repurchase, row: 5, reasons: [
                    "the supplier offers it only as SaaS: a procurement of the service follows ("
                        + procurement(clinical: service.clinicalSystem == true) + ")",
                ] + onSiteGatewayNote(service, servers: servers))
            }
            if platformKind {
                notes.append("SaaS is offered, but a \(kind.rawValue) service is a platform other services stand on, "
                    + "not an application to buy again")
            } else if let ends = service.contractEnds, ends > context.horizonEnds, applicationPastSupport == nil {
                notes.append("SaaS is offered, but the contract runs to \(ends), beyond the "
                    + "\(context.planningHorizonMonths)-month planning horizon: revisit it at re-procurement")
            } else {
                let when = service.contractEnds.map { ends in
                    ends < context.asOf ? "its contract ended on \(ends)"
                        : ends > context.horizonEnds
                        ? "the application is past support (\(applicationPastSupport?.message ?? ""))"
                        : "its contract ends on \(ends), within the \(context.planningHorizonMonths)-month planning "
                            + "horizon"
                } ?? "no contract end is recorded"
                return StrategyDecision(strategy: .repurchase, row: 5, reasons: [
                    "the supplier offers it as SaaS and \(when): re-procure it as a service; a procurement follows ("
                        + procurement(clinical: service.clinicalSystem == true) + ")",
                ] + onSiteGatewayNote(service, servers: servers))
            }
        }

        var retain: [String] = []
        if let server = servers.first(where: { [.sparc, .power, .itanium].contains($0.architecture) }) {
            retain.append("server '\(server.id)' is \(server.architecture!.rawValue), which no target cloud runs")
        }
        if service.latencySensitive == true,
           let server = servers.first(where: { !$0.attachedHardware.filter(onSiteDevices.contains).isEmpty }) {
            retain.append("it is latency-sensitive and server '\(server.id)' is tied to devices on site")
        }
        if let supported = service.supplier?.supportedClouds,
           Set(supported).isDisjoint(with: context.estate.assumptions.targetClouds) {
            retain.append("the supplier supports none of the target clouds")
        }
        if !retain.isEmpty { return StrategyDecision(strategy: .retain, row: 6, reasons: retain + notes) }
        if kind == .directory {
            return StrategyDecision(strategy: .rehost, row: 9, reasons: [
                "directory services are extended into the cloud as part of the foundation: new domain controllers "
                    + "in the landing zone on a supported Windows Server, the on-site ones kept while any site keeps "
                    + "servers",
            ] + notes)
        }
        // A blocker that rebuilding removes (past support, UEFI with old Windows, larger than any VM, Oracle RAC),
        // or an application past support, makes a replatform; a processor no cloud runs was retained above. A test
        // or training server's is rebuilt, but does not make the service a replatform.
        let pastSupport = findings.filter { !$0.secondary && (($0.weighsAs == .blocker
            && OwnerStrategyBlocked.removedByRebuilding.contains($0.rule))
            || $0.rule == ApplicationPastSupport.description.id) }
        var seen = Set<String>()
        let rebuild = (pastSupport.map(\.message) + supportEndsBeforeStart(servers, context: context))
            .filter { seen.insert($0).inserted }
        if !rebuild.isEmpty {
            return StrategyDecision(strategy: .replatform, row: 7, reasons: rebuild + notes)
        }
        let leaseEndsSoon = servers.compactMap { $0.site.flatMap { context.estate.site($0.id)?.leaseEnds } }
            .contains { $0 <= context.monthsAhead(12) }
        if !servers.isEmpty, servers.allSatisfy({ $0.platform == .vmware }), leaseEndsSoon {
            return StrategyDecision(strategy: .relocate, row: 8, reasons: [
                "every server is a VMware VM and the site's lease ends within 12 months",
            ] + notes)
        }
        if servers.isEmpty {
            return StrategyDecision(strategy: .rehost, row: 9, reasons: [
                "it lists no servers: nothing is known that calls for another strategy; list its servers, or the "
                    + "platform it runs on, to judge it",
            ] + notes, byDefault: true)
        }
        return StrategyDecision(strategy: .rehost, row: 9, reasons: ["no finding calls for another strategy"] + notes,
                                byDefault: true)
    }

    /// Production servers whose operating system or database leaves standard support before the programme starts
    /// (`assumptions.start_date`, else the as-of date): moved as they are, they would arrive unsupported or on a
    /// paid extension.
    static func supportEndsBeforeStart(_ servers: [Server], context: AssessmentContext) -> [String] {
        let start = max(context.estate.assumptions.startDate ?? context.asOf, context.asOf)
        guard start > context.asOf else { return [] }
        var reasons: [String] = []
        for server in servers where !Assessor.secondaryEnvironments.contains(server.environment ?? .production) {
            let entries = [server.os.flatMap(context.operatingSystem(named:))]
                + server.software.map { context.database(of: $0) }
            for case let entry? in entries {
                guard let ends = entry.standardSupportEnds, ends > context.asOf, ends < start else { continue }
                let extended = entry.esuEnd.map { ", then paid extended updates to \($0)" } ?? ""
                reasons.append("\(entry.name) leaves standard support on \(ends)\(extended), before the programme "
                    + "starts on \(start): rebuild on a supported release as it moves"
                    + (["Windows Server", "SQL Server"].contains(entry.product)
                        ? " (on Azure, extended security updates are free for a time)" : ""))
            }
        }
        return reasons
    }

    /// Backup, file, desktops and containers move onto the cloud's own services; print stays beside its printers.
    private static func platformDecision(_ service: Service, kind: ServiceKind, servers: [Server])
        -> StrategyDecision? {
        switch kind {
        case .backup:
            return StrategyDecision(strategy: .replatform, row: 3, reasons: [
                "a backup service moves to the cloud's backup vaults and object storage, with an immutable copy; "
                    + "backup on site stays for what is retained there",
            ])
        case .file:
            return StrategyDecision(strategy: .replatform, row: 3, reasons: [
                "file shares move to a managed file service (Azure Files, Amazon FSx for Windows File Server, "
                    + "Google Filestore); home drives move to the trust's collaboration platform",
            ])
        case .vdi:
            return StrategyDecision(strategy: .replatform, row: 3, reasons: [
                "virtual desktops are rebuilt in the cloud beside the applications they publish: session hosts as "
                    + "cloud VMs, the broker as the vendor's cloud service",
            ])
        case .containerPlatform:
            return StrategyDecision(strategy: .replatform, row: 3, reasons: [
                "containers move to managed Kubernetes (AKS, EKS, GKE) rather than onto hand-built VMs",
            ])
        case .databasePlatform:
            return StrategyDecision(strategy: .replatform, row: 3, reasons: [
                "a shared database platform moves to managed database services (Azure SQL Managed Instance, Amazon "
                    + "RDS, Cloud SQL) where its engines and versions allow; what they cannot run stays on VMs",
            ])
        case .print:
            let wired = servers.first { !$0.attachedHardware.filter(onSiteDevices.contains).isEmpty }
            guard service.latencySensitive == true || wired != nil else {
                return StrategyDecision(strategy: .replatform, row: 3, reasons: [
                    "print servers give way to a cloud print service (such as Universal Print or PaperCut Hive) with "
                        + "connectors on site for the printers, as part of the platform design",
                ])
            }
            return StrategyDecision(strategy: .retain, row: 4, reasons: [
                wired.map { "print server '\($0.id)' is wired to devices on site" }
                    ?? "its printers are latency-sensitive (wristband and label printers time out over a slow link)",
                "print queues stay beside the printers on site; they can be managed from a cloud print service later",
            ])
        case .application, .directory:
            return nil
        }
    }

    /// What still has to run on site when the service itself becomes SaaS.
    private static func onSiteGatewayNote(_ service: Service, servers: [Server]) -> [String] {
        guard service.latencySensitive == true,
              let server = servers.first(where: { !$0.attachedHardware.filter(onSiteDevices.contains).isEmpty })
        else { return [] }
        return ["an on-site gateway stays for the devices wired to server '\(server.id)'"]
    }

    /// Zombie or idle by AWS's measure: CPU and memory p95 both under 5%.
    static func isIdle(_ server: Server) -> Bool {
        guard let cpu = server.utilisation?.cpuP95, let memory = server.utilisation?.memoryP95 else { return false }
        return cpu < 5 && memory < 5
    }

    static let onSiteDevices: Set<AttachedHardware> = [.modalityLink, .serial, .smartcardReader, .faxCard]
}
