import CloudFirstCore
import Planning

/// What the AWS templates need beyond the shared workload context: a security group per service (its ports, the
/// services that reach it and the ports it reaches its own dependencies at) and the environments whose subnets the
/// wave looks up.
enum AWSTerraform {
    /// Adds the AWS keys to one wave's context. `wave` is the plan's wave the context was made from.
    static func enrich(_ context: inout [String: Any], wave: Wave, plan: MigrationPlan) {
        let estate = plan.estate
        var servers = context["servers"] as? [[String: Any]] ?? []
        var databases = context["databases"] as? [[String: Any]] ?? []
        let shares = context["file_shares"] as? [[String: Any]] ?? []

        // The services with a server or a database here, in the wave's order: each gets its own security group.
        var services: [String] = []
        var members: [String: Int] = [:]
        var directory = Set<String>()
        for resource in servers + databases {
            let service = resource["service"] as? String ?? ""
            if members[service] == nil { services.append(service) }
            members[service, default: 0] += 1
            if resource["directory"] as? Bool == true { directory.insert(service) }
        }
        let grouped = Set(services)
        let built: Set<MigrationStrategy> = [.rehost, .replatform, .relocate, .refactor]

        var groups: [[String: Any]] = []
        for id in services {
            guard let index = estate.serviceIndex[id] else { continue }
            let model = estate.services[index]
            let engines = model.servers.compactMap { estate.serverIndex[$0.id] }
                .flatMap { Workload.engines(of: estate.servers[$0]) }
            // What it listens on: its interfaces' ports and its databases' engine ports (which the services that
            // depend on it reach it at, Workload.dependencyPorts).
            var inbound = Set(Workload.ports(of: model, engines: engines).known)
            if let database = Workload.ports(.odbc, engines: engines) {
                inbound.formUnion(database.map { Workload.Port(transport: $0.transport, number: $0.number, label: "database") })
            }
            // Who depends on it: here (by security group), in another wave built on AWS (by the VPC's range), or
            // not in AWS (the trust's ranges, which every service admits).
            var dependents: [String] = []
            var elsewhere = false
            for (other, service) in estate.services.enumerated()
            where service.id != id && service.dependsOn.contains(where: { $0.id == id }) {
                if grouped.contains(service.id) {
                    dependents.append(service.id)
                } else if !wave.services.contains(other), built.contains(plan.assessment.services[other].strategy),
                          service.supplier?.supportedClouds?.contains(.aws) ?? true {
                    elsewhere = true
                }
            }
            let listens = merged(Array(inbound)), reaches = merged(Workload.dependencyPorts(of: model, in: estate))
            func text(_ ports: [[String: Any]]) -> String {
                ports.map { "\($0["protocol"] ?? "") \($0["port"] ?? "") (\($0["label"] ?? ""))" }.joined(separator: ", ")
            }
            groups.append([
                "service": id,
                "inbound_text": listens.isEmpty ? "no port of its own" : text(listens),
                "outbound_text": reaches.isEmpty ? "nothing of its dependencies" : text(reaches),
                "dependents_text": dependents.sorted().map { "`\($0)`" }.joined(separator: ", "),
                "has_dependents": !dependents.isEmpty,
                "has_elsewhere": elsewhere,
                "is_directory": directory.contains(id),
                "directory": directory.contains(id) ? "true" : "false",
                "elsewhere": elsewhere ? "true" : "false",
                "members": members[id] ?? 0,
                "dependents": Identifiers.hclList(dependents.sorted()),
                "inbound": listens,
                "outbound": reaches,
            ])
        }
        context["aws_security_groups"] = groups

        for index in servers.indices {
            let service = servers[index]["service"] as? String ?? ""
            var ids = ["aws_security_group.service[\"\(service)\"].id", "aws_security_group.servers.id"]
            if servers[index]["windows"] as? Bool == true { ids.append("aws_security_group.domain_members.id") }
            servers[index]["aws_security_group_ids"] = ids.joined(separator: ", ")
        }
        for index in databases.indices {
            let service = databases[index]["service"] as? String ?? ""
            databases[index]["aws_security_group_ids"] = "aws_security_group.service[\"\(service)\"].id"
        }
        context["servers"] = servers
        context["databases"] = databases

        // The environments whose private subnets the wave's servers, databases and file systems sit in.
        func environments(_ resources: [[String: Any]]) -> [String] {
            Array(Set(resources.compactMap { $0["environment"] as? String })).sorted()
        }
        context["aws_environment_list"] = Identifiers.hclList(environments(servers + databases + shares))
        context["aws_database_environment_list"] = Identifiers.hclList(environments(databases))
    }

    /// One entry per transport and port, the interfaces' names joined in its label, in port order: a security
    /// group rule is per protocol and port, however many interfaces use it.
    static func merged(_ ports: [Workload.Port]) -> [[String: Any]] {
        var labels: [String: [String]] = [:]
        var keys: [Workload.Port] = []
        for port in ports.sorted() {
            let key = Workload.Port(transport: port.transport, number: port.number, label: "")
            if labels[key.transport + "-\(key.number)"] == nil { keys.append(key) }
            labels[key.transport + "-\(key.number)", default: []].append(port.label)
        }
        return keys.map { port in
            let key = port.transport + "-\(port.number)"
            var seen = Set<String>()
            let label = (labels[key] ?? []).filter { seen.insert($0).inserted }.joined(separator: "/")
            return ["protocol": port.transport, "port": port.number, "label": label, "key": key]
        }
    }
}
