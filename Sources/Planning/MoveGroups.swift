import CloudFirstCore

/// Services that must move together: they share a server, or depend on each other in a cycle.
public struct MoveGroup: Sendable {
    /// Indexes into `estate.services`, ordered by service id.
    public let services: [Int]
    /// Indexes into `estate.servers` of every server the members run on, each once, in order.
    public let servers: [Int]
    /// Why the members move together; empty for a group of one.
    public let reasons: [String]
    /// Indexes of the groups this one depends on (each moves in the same wave or earlier).
    public internal(set) var dependsOn: [Int]
}

/// Builds move groups as the strongly connected components of one graph over the services that move: an edge from
/// each service to each service it depends on, and edges both ways between services that share a server (chained,
/// so a server shared by many services costs as many edges as services). Linear in services, servers and edges;
/// the search keeps its own stack, so a dependency chain of any length cannot overflow the thread's.
enum MoveGroupBuilder {
    static func build(moving: [Int], estate: Estate, serversOfService: [[Int]]) -> [MoveGroup] {
        let serviceCount = estate.services.count
        var isMoving = [Bool](repeating: false, count: serviceCount)
        for index in moving { isMoving[index] = true }

        var edges = [[Int]](repeating: [], count: serviceCount)
        var dependencyEdges = [[Int]](repeating: [], count: serviceCount)
        for index in moving {
            for reference in estate.services[index].dependsOn {
                if let target = estate.serviceIndex[reference.id], isMoving[target], target != index {
                    edges[index].append(target)
                    dependencyEdges[index].append(target)
                }
            }
        }
        var movingOnServer = [[Int]](repeating: [], count: estate.servers.count)
        for index in moving {
            for server in serversOfService[index] where movingOnServer[server].last != index {
                movingOnServer[server].append(index)
            }
        }
        for services in movingOnServer where services.count > 1 {
            for (a, b) in zip(services, services.dropFirst()) {
                edges[a].append(b)
                edges[b].append(a)
            }
        }

        let components = stronglyConnectedComponents(nodes: moving, edges: edges)
        var groupOf = [Int](repeating: -1, count: serviceCount)
        for (group, members) in components.enumerated() {
            for member in members { groupOf[member] = group }
        }
        var groups: [MoveGroup] = components.enumerated().map { group, members in
            let ordered = members.sorted { estate.services[$0].id < estate.services[$1].id }
            var servers: [Int] = []
            var seen = Set<Int>()
            for member in ordered {
                for server in serversOfService[member] where seen.insert(server).inserted { servers.append(server) }
            }
            var reasons: [String] = []
            if ordered.count > 1 {
                let shared = servers.filter { movingOnServer[$0].count > 1 }.map { estate.servers[$0].id }
                if !shared.isEmpty {
                    reasons.append("they share " + (shared.count == 1 ? "server '\(shared[0])'"
                        : "servers " + shared.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
                            + (shared.count > 5 ? " and \(shared.count - 5) more" : "")))
                }
                if ordered.contains(where: { member in dependencyEdges[member].contains { groupOf[$0] == group } }) {
                    reasons.append("they depend on each other in a cycle")
                }
            }
            return MoveGroup(services: ordered, servers: servers, reasons: reasons, dependsOn: [])
        }
        for (group, members) in components.enumerated() {
            var targets = Set<Int>()
            for member in members {
                for target in dependencyEdges[member] where groupOf[target] != group { targets.insert(groupOf[target]) }
            }
            groups[group].dependsOn = targets.sorted()
        }
        return groups
    }

    /// Tarjan's algorithm with an explicit stack. Components come out dependencies first: a component is complete
    /// only after every component it reaches.
    static func stronglyConnectedComponents(nodes: [Int], edges: [[Int]]) -> [[Int]] {
        let count = edges.count
        var index = [Int](repeating: -1, count: count)
        var lowLink = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var components: [[Int]] = []
        var nextIndex = 0
        // Each frame: a node and how many of its edges have been followed.
        var frames: [(node: Int, edge: Int)] = []
        for root in nodes where index[root] < 0 {
            frames.append((root, 0))
            index[root] = nextIndex
            lowLink[root] = nextIndex
            nextIndex += 1
            stack.append(root)
            onStack[root] = true
            while let frame = frames.last {
                let node = frame.node
                if frame.edge < edges[node].count {
                    frames[frames.count - 1].edge += 1
                    let next = edges[node][frame.edge]
                    if index[next] < 0 {
                        index[next] = nextIndex
                        lowLink[next] = nextIndex
                        nextIndex += 1
                        stack.append(next)
                        onStack[next] = true
                        frames.append((next, 0))
                    } else if onStack[next] {
                        lowLink[node] = min(lowLink[node], index[next])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last?.node { lowLink[parent] = min(lowLink[parent], lowLink[node]) }
                if lowLink[node] == index[node] {
                    var component: [Int] = []
                    while let member = stack.popLast() {
                        onStack[member] = false
                        component.append(member)
                        if member == node { break }
                    }
                    components.append(component)
                }
            }
        }
        return components
    }
}
