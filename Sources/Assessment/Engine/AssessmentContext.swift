import CloudFirstCore

/// What every rule may read: the estate, the date it is judged on, the catalogues, and indexes built once.
///
/// A class, immutable and shared by every rule on every core: handing it on costs one reference, not one for each of
/// its tables.
public final class AssessmentContext: Sendable {
    public let estate: Estate
    /// The day the assessment is made; every rule that depends on today reads this, never the clock.
    public let asOf: CalendarDate
    public let lifecycle: LifecycleCatalogue
    /// Months ahead the programme plans for (`Policy.planningHorizonMonths`).
    public let planningHorizonMonths: Int
    /// For each service (by index in `estate.services`), its kind and whether the inventory gave it.
    public let kinds: [(kind: ServiceKind, given: Bool)]
    /// For each server (by index in `estate.servers`), the indexes of the services that run on it.
    public let servicesOfServer: [[Int]]
    /// For each service (by index in `estate.services`), the indexes of its servers, in the order it lists them.
    public let serversOfService: [[Int]]
    /// Every operating system and software name the estate writes, placed in the catalogue once. Placing a name
    /// costs far more than looking it up, and an estate writes the same few names on thousands of servers.
    private let placedOperatingSystems: [String: LifecycleEntry?]
    private let placedDatabases: [String: LifecycleEntry?]
    private let placedApplications: [String: LifecycleEntry?]
    /// Each interface peer label's words (`NationalServiceRegistration.labelWords`), split once a label.
    private let placedPeers: [String: Set<String>]
    /// The product names, of those installed or supplied, that name a database engine.
    private let engineNames: Set<String>

    public init(estate: Estate, asOf: CalendarDate, lifecycle: LifecycleCatalogue = .embedded,
                planningHorizonMonths: Int = Policy().planningHorizonMonths) {
        self.estate = estate
        self.asOf = asOf
        self.lifecycle = lifecycle
        self.planningHorizonMonths = planningHorizonMonths
        var servicesOfServer = [[Int]](repeating: [], count: estate.servers.count)
        var serversOfService = [[Int]](repeating: [], count: estate.services.count)
        for (serviceIndex, service) in estate.services.enumerated() {
            for reference in service.servers {
                guard let serverIndex = estate.serverIndex[reference.id] else { continue }
                serversOfService[serviceIndex].append(serverIndex)
                if servicesOfServer[serverIndex].last != serviceIndex {
                    servicesOfServer[serverIndex].append(serviceIndex)
                }
            }
        }
        self.servicesOfServer = servicesOfServer
        self.serversOfService = serversOfService
        // The servers' names on one core and the services' on another: neither reads what the other places.
        let (fromServers, fromServices) = Parallel.both({
            var operatingSystems: [String: LifecycleEntry?] = [:]
            var databases: [String: LifecycleEntry?] = [:]
            var applications: [String: LifecycleEntry?] = [:]
            var products: [String: ServiceKind?] = [:]
            var engines = Set<String>()
            // By index, reading only the fields needed: a loop over the servers would copy every one.
            for index in estate.servers.indices {
                if let os = estate.servers[index].os, operatingSystems[os] == nil {
                    operatingSystems[os] = .some(lifecycle.operatingSystem(named: os))
                }
                for software in estate.servers[index].software {
                    for name in software.placementNames {
                        if databases[name] == nil { databases[name] = .some(lifecycle.database(named: name)) }
                        if applications[name] == nil { applications[name] = .some(lifecycle.application(named: name)) }
                    }
                    if products[software.product] == nil {
                        products[software.product] = .some(ServiceKinds.kind(ofProduct: software.product))
                        if DatabaseUnrecognised.namesAnEngine(software.product) { engines.insert(software.product) }
                    }
                }
            }
            return (operatingSystems, databases, applications, products, engines)
        }, {
            var peers: [String: Set<String>] = [:]
            var products: [String: ServiceKind?] = [:]
            var engines = Set<String>()
            for index in estate.services.indices {
                for interface in estate.services[index].interfaces {
                    if let peer = interface.peer, peers[peer] == nil {
                        peers[peer] = NationalServiceRegistration.labelWords(peer)
                    }
                }
                if let product = estate.services[index].supplier?.product, products[product] == nil {
                    products[product] = .some(ServiceKinds.kind(ofProduct: product))
                    if DatabaseUnrecognised.namesAnEngine(product) { engines.insert(product) }
                }
            }
            return (peers, products, engines)
        })
        let (operatingSystems, databases, applications, serverProducts, serverEngines) = fromServers
        let (peers, supplierProducts, supplierEngines) = fromServices
        // A product named both installed and supplied is placed the same way by either loop.
        let products = serverProducts.merging(supplierProducts) { installed, _ in installed }
        let engines = serverEngines.union(supplierEngines)
        placedOperatingSystems = operatingSystems
        placedDatabases = databases
        placedApplications = applications
        engineNames = engines
        placedPeers = peers
        // Decided on every core, reading only constants: the tables above are finished before it starts.
        let (productKinds, engineSet) = (products, engines)
        kinds = Parallel.map(estate.services.count) { index in
            ServiceKinds.kind(of: estate.services[index], servers: serversOfService[index].map { estate.servers[$0] },
                              productKind: { productKinds[$0] ?? ServiceKinds.kind(ofProduct: $0) },
                              namesEngine: { engineSet.contains($0) })
        }
    }

    /// A peer label's words, lowercased (`NationalServiceRegistration.labelWords`).
    public func peerWords(_ peer: String) -> Set<String> {
        placedPeers[peer] ?? NationalServiceRegistration.labelWords(peer)
    }

    /// Whether an installed product's name names a database engine (`DatabaseUnrecognised`), decided once a name.
    public func namesDatabaseEngine(_ product: String) -> Bool {
        engineNames.contains(product)
    }

    /// The catalogue's entry for an operating system as written, or nil when it cannot be placed.
    public func operatingSystem(named name: String) -> LifecycleEntry? {
        if let placed = placedOperatingSystems[name] { return placed }
        return lifecycle.operatingSystem(named: name)
    }

    /// The catalogue's entry for an installed product, as `LifecycleCatalogue.database(of:)` places it.
    public func database(of software: Software) -> LifecycleEntry? {
        LifecycleCatalogue.place(software, by: database(named:))
    }

    /// The catalogue's entry for a database product as written, or nil when it cannot be placed.
    public func database(named name: String) -> LifecycleEntry? {
        if let placed = placedDatabases[name] { return placed }
        return lifecycle.database(named: name)
    }

    /// The service's kind: the inventory's, or inferred (see `ServiceKinds`).
    public func kind(of service: Service) -> ServiceKind {
        estate.serviceIndex[service.id].map { kinds[$0].kind } ?? ServiceKinds.kind(of: service, servers: []).kind
    }

    /// The last day of the planning horizon.
    public var horizonEnds: CalendarDate { monthsAhead(planningHorizonMonths) }

    /// The catalogue's entry for an installed application or middleware product, as
    /// `LifecycleCatalogue.application(of:)` places it.
    public func application(of software: Software) -> LifecycleEntry? {
        LifecycleCatalogue.place(software, by: application(named:))
    }

    /// The catalogue's entry for an application or middleware product as written, or nil when it cannot be placed.
    public func application(named name: String) -> LifecycleEntry? {
        if let placed = placedApplications[name] { return placed }
        return lifecycle.application(named: name)
    }

    /// The servers a service runs on, in the order it lists them.
    public func servers(of service: Service) -> [Server] {
        guard let index = estate.serviceIndex[service.id] else { return [] }
        return serversOfService[index].map { estate.servers[$0] }
    }

    /// The date `months` months after the as-of date (clamped to the month's last day).
    public func monthsAhead(_ months: Int) -> CalendarDate {
        asOf.adding(months: months)
    }
}
