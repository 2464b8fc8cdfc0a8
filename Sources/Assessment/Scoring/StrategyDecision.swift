import CloudFirstCore

/// The 7R decision table. The first row that holds gives the recommended strategy, with its reasons; README and
/// `cloudfirst rules` print the same table. Sources: AWS's 7 Rs and its advice for large migrations (rehost,
/// replatform, relocate and retire; not refactor mid-migration), GDS Cloud First (SaaS should always be considered),
/// the NHS fax ban (REFERENCE.md sections 1, 4 and 7).
public struct StrategyDecision: Sendable {
    public let strategy: MigrationStrategy
    public let reasons: [String]

    public static let table: [(strategy: MigrationStrategy, when: String)] = [
        (.retire, "every server is powered off or idle (CPU and memory p95 under 5%), or the service is a fax gateway"),
        (.repurchase, "the supplier offers the service as SaaS"),
        (.retain, "a server is SPARC, POWER or Itanium, or hardware on site is tied to a latency-sensitive service, "
            + "or the supplier supports none of the target clouds"),
        (.relocate, "every server is a VMware VM and the site's lease ends within 12 months: move the VMs as they are"),
        (.replatform, "a server's operating system or database is past support: move onto a supported platform or a "
            + "managed database"),
        (.rehost, "otherwise: move the servers as they are onto cloud VMs"),
    ]

    public static func decide(_ service: Service, findings: [Finding], context: AssessmentContext) -> StrategyDecision {
        let servers = context.servers(of: service)
        if !servers.isEmpty, servers.allSatisfy({ !$0.poweredOn || isIdle($0) }) {
            return StrategyDecision(strategy: .retire, reasons: [
                "every server is powered off or idle (CPU and memory p95 under 5%)",
            ])
        }
        if servers.contains(where: { $0.attachedHardware.contains(.faxCard) }) {
            return StrategyDecision(strategy: .retire, reasons: [
                "it is a fax gateway: NHS organisations were to phase fax out by 31 March 2020",
            ])
        }
        if let saas = service.supplier?.saas, saas != .none {
            return StrategyDecision(strategy: .repurchase, reasons: [
                saas == .only ? "the supplier offers it only as SaaS" : "the supplier offers it as SaaS",
            ])
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
        if !retain.isEmpty { return StrategyDecision(strategy: .retain, reasons: retain) }
        let leaseEndsSoon = servers.compactMap { $0.site.flatMap { context.estate.site($0.id)?.leaseEnds } }
            .contains { $0 <= context.monthsAhead(12) }
        if !servers.isEmpty, servers.allSatisfy({ $0.platform == .vmware }), leaseEndsSoon {
            return StrategyDecision(strategy: .relocate, reasons: [
                "every server is a VMware VM and the site's lease ends within 12 months",
            ])
        }
        let pastSupport = findings.filter { $0.rule == OSPastSupport.description.id
            || $0.rule == DatabasePastSupport.description.id }
        if !pastSupport.isEmpty {
            return StrategyDecision(strategy: .replatform, reasons: pastSupport.map(\.message))
        }
        return StrategyDecision(strategy: .rehost, reasons: ["no finding calls for another strategy"])
    }

    /// Zombie or idle by AWS's measure: CPU and memory p95 both under 5%.
    static func isIdle(_ server: Server) -> Bool {
        guard let cpu = server.utilisation?.cpuP95, let memory = server.utilisation?.memoryP95 else { return false }
        return cpu < 5 && memory < 5
    }

    static let onSiteDevices: Set<AttachedHardware> = [.modalityLink, .serial, .smartcardReader, .faxCard]
}
