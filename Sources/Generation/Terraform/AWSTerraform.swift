import CloudFirstCore
import Planning

/// What the AWS templates need beyond the shared workload context: a security group per service and environment (its
/// ports, the services that reach it and the ports it reaches its own dependencies at) and the environments whose subnets the
/// wave looks up.
enum AWSTerraform {
    /// Adds the AWS keys to one wave's context, made from `contents`, whose servers and databases are given their
    /// security groups. `wave` is the plan's wave the context was made from.
    static func enrich(_ context: inout [String: Any], contents: inout TerraformGenerator.WaveContents, wave: Wave,
                       plan: MigrationPlan) {
        let estate = plan.estate

        // The services with a server or a database here, by environment, in the wave's order: each service gets a
        // security group per environment (`key`), so a test server is never in a production group.
        func key(_ service: String, _ environment: String) -> String {
            environment == "production" ? service : "\(service)@\(environment)"
        }
        var order: [(service: String, environment: String)] = []
        var members: [String: Int] = [:]
        var directory = Set<String>()
        let resources = contents.servers.map {
            (service: $0.service, environment: $0.environment, directory: $0.directory)
        }
            + contents.databases.map { (service: $0.service, environment: $0.environment, directory: false) }
        for resource in resources {
            let group = key(resource.service, resource.environment)
            if members[group] == nil { order.append((resource.service, resource.environment)) }
            members[group, default: 0] += 1
            if resource.directory { directory.insert(group) }
        }
        let grouped = Set(order.map { key($0.service, $0.environment) })
        /// Whether another wave builds `service` on AWS (so this wave reaches it by the VPC's range).
        func builtElsewhere(_ index: Int) -> Bool {
            !wave.services.contains(index) && plan.assessment.services[index].strategy.needsVirtualMachines
                && estate.services[index].supplier?.supportedClouds?.contains(.aws) ?? true
        }
        /// The environments a service has servers in, anywhere in the estate.
        func environments(of service: Service) -> Set<String> {
            Set(service.servers.compactMap { estate.serverIndex[$0.id] }.map { Workload.environment(of: estate.servers[$0]) })
        }

        var groups: [[String: Any]] = []
        for (id, environment) in order {
            guard let index = estate.serviceIndex[id] else { continue }
            let model = estate.services[index]
            let group = key(id, environment)
            let engines = Workload.engines(of: model, in: estate)
            // What it listens on: its interfaces' ports and its databases' engine ports (which the services that
            // depend on it reach it at, Workload.dependencyPorts).
            var inbound = Set(Workload.ports(of: model, engines: engines,
                                             kind: plan.assessment.services[index].kind).known)
            if let database = Workload.ports(.odbc, engines: engines) {
                inbound.formUnion(database.map { Workload.Port(transport: $0.transport, number: $0.number, label: "database") })
            }
            var outbound = Set(Workload.dependencyPorts(of: model, in: estate))
            // Who reaches it: a service that depends on it or that an interface joins it to (its `peer`, either
            // way), here in the same environment (by security group), in another wave built on AWS (by the VPC's
            // range), or not in AWS (the trust's ranges, which every service admits). The inventory does not say
            // which end of an interface listens, so both ends admit its ports and both may send them.
            var dependents: [String] = []
            var elsewhere = false
            let peers = Set(Workload.peers(of: model, in: estate))
            for (other, service) in estate.services.enumerated() where service.id != id {
                let depends = service.dependsOn.contains(where: { $0.id == id })
                let joined = peers.contains(service.id)
                guard depends || joined else { continue }
                if joined {
                    inbound.formUnion(Workload.linkPorts(into: model, from: service, in: estate))
                    outbound.formUnion(Workload.linkPorts(into: service, from: model, in: estate))
                }
                if grouped.contains(key(service.id, environment)) {
                    dependents.append(key(service.id, environment))
                } else if builtElsewhere(other) {
                    elsewhere = true
                }
            }
            // Its production and DR groups replicate on its own ports, both ways.
            if environment == "production" || environment == "dr" {
                let partner = environment == "production" ? "dr" : "production"
                if environments(of: model).contains(partner) {
                    if grouped.contains(key(id, partner)) { dependents.append(key(id, partner)) } else { elsewhere = true }
                    outbound.formUnion(inbound)
                }
            }
            // Its interfaces with peers outside the estate (a national service, a supplier, a partner trust): out to
            // the trust's ranges (and the VPC's) on their ports; HTTPS also reaches the internet through the
            // `servers` group, the one port this opens to the internet.
            outbound.formUnion(Workload.externalPorts(of: model, in: estate))
            let listens = merged(Array(inbound)), reaches = merged(Array(outbound))
            func text(_ ports: [[String: Any]]) -> String {
                ports.map { "\($0["protocol"] ?? "") \($0["port"] ?? "") (\($0["label"] ?? ""))" }.joined(separator: ", ")
            }
            let sources = Array(Set(dependents)).sorted()
            groups.append([
                "service": id,
                "key": group,
                "environment": environment,
                "inbound_text": listens.isEmpty ? "no port of its own" : text(listens),
                "outbound_text": reaches.isEmpty ? "nothing of its dependencies" : text(reaches),
                "dependents_text": sources.map { "`\($0)`" }.joined(separator: ", "),
                "has_dependents": !sources.isEmpty,
                "has_elsewhere": elsewhere,
                "is_directory": directory.contains(group),
                "directory": directory.contains(group) ? "true" : "false",
                "elsewhere": elsewhere ? "true" : "false",
                "members": members[group] ?? 0,
                "dependents": Identifiers.hclList(sources),
                "inbound": listens,
                "outbound": reaches,
            ])
        }
        context["aws_security_groups"] = groups

        for index in contents.servers.indices {
            let server = contents.servers[index]
            let service = key(server.service, server.environment)
            var ids = ["aws_security_group.service[\"\(service)\"].id", "aws_security_group.servers.id"]
            if server.windows { ids.append("aws_security_group.domain_members.id") }
            contents.servers[index].awsSecurityGroupIDs = ids.joined(separator: ", ")
        }
        for index in contents.databases.indices {
            let service = key(contents.databases[index].service, contents.databases[index].environment)
            contents.databases[index].awsSecurityGroupIDs = "aws_security_group.service[\"\(service)\"].id"
        }
        context["servers"] = contents.servers.templateValues
        context["databases"] = contents.databases.templateValues

        // The environments whose private subnets the wave's servers, databases and file systems sit in.
        let databaseEnvironments = contents.databases.map(\.environment)
        let environments = contents.servers.map(\.environment) + databaseEnvironments
            + contents.fileShares.map(\.environment)
        context["aws_environment_list"] = Identifiers.hclList(Set(environments).sorted())
        context["aws_database_environment_list"] = Identifiers.hclList(Set(databaseEnvironments).sorted())
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
