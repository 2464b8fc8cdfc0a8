import Assessment
import CloudFirstCore
import Planning

/// The typed values a wave's templates are rendered from. `TerraformGenerator` builds and reads these; each turns
/// into the template's keys (`templateValues`) only where it is handed to a template or to a cloud's enrichment
/// (`AWSTerraform`, `AzureTerraform`, `GoogleTerraform`), so the generator never reads a key back by name.
protocol TemplateContext {
    /// The keys the templates name, with the values they render.
    var templateValues: [String: Any] { get }
}

extension Array where Element: TemplateContext {
    var templateValues: [[String: Any]] { map(\.templateValues) }
}

/// A server that becomes a VM.
struct ServerContext: TemplateContext {
    /// A data disk: `index` and `lun` 0-based, `number` 1-based, `sizeGiB` in GiB.
    struct DataDisk: TemplateContext {
        let index: Int
        let sizeGiB: Int
        let device: String

        var templateValues: [String: Any] {
            ["index": index, "lun": index, "number": index + 1, "size_gb": sizeGiB, "device": device]
        }
    }

    let name: String
    let resource: String
    let hostname: String
    let sku: String
    let vcpus: Int
    let memoryGiB: String
    let basis: String
    let windows: Bool
    let os: String
    let osFamily: String
    let osVersion: String
    let imageKey: String
    /// Where the cloud publishes the image, when it does.
    let image: [String: String]?
    let osDiskGiB: Int
    let dataDisks: [DataDisk]
    let environment: String
    let subnet: Int
    let service: String
    let owner: String
    let classification: String
    let strategy: String
    let wave: Int
    let labels: [[String: String]]
    /// The availability zone ("1" to "3"), or empty for none.
    var zone = ""
    /// A directory service's server: a domain controller, with a static address and the directory's ports.
    var directory = false
    /// Spaces that line the server's name up with the longest in its wave.
    var pad = ""
    /// Its own service's ports.
    var ports: [Workload.Port] = []
    /// The environment its service's production and DR servers replicate with, or empty.
    var replicationPartner = ""
    /// On AWS, the security groups the instance joins, as HCL references.
    var awsSecurityGroupIDs: String?
    /// On Azure, its address, patch window and application security group (`AzureTerraform.enrich`).
    var azure: AzureTerraform.ServerValues?
    /// On Google Cloud, its zone, network tags, snapshot policy and image (`GoogleTerraform.decorate`).
    var google: GoogleTerraform.ServerValues?

    var zonal: Bool { !zone.isEmpty }

    var templateValues: [String: Any] {
        var values: [String: Any] = [
            "name": name, "resource": resource, "hostname": hostname, "sku": sku, "vcpus": vcpus,
            "memory_gib": memoryGiB, "basis": basis, "windows": windows, "os": os, "os_family": osFamily,
            "os_version": osVersion, "image_key": imageKey, "has_image": image != nil, "os_disk_gb": osDiskGiB,
            "data_disks": dataDiskValues, "has_data_disks": !dataDisks.isEmpty,
            "environment": environment, "subnet": subnet, "service": service, "owner": owner,
            "classification": classification, "strategy": strategy, "wave": wave, "labels": labels,
            "zone": zone, "directory": directory, "zonal": zonal, "pad": pad,
            "ports": ports.map(TerraformGenerator.portContext), "has_ports": !ports.isEmpty,
            "replication_partner": replicationPartner,
        ]
        if let image { values["image"] = image }
        if let awsSecurityGroupIDs { values["aws_security_group_ids"] = awsSecurityGroupIDs }
        if let azure { values.merge(azure.templateValues) { _, azure in azure } }
        if let google { values.merge(google.templateValues) { _, google in google } }
        return values
    }

    /// On Google Cloud each data disk is named after the server's hostname and attached under a device name of its
    /// own.
    private var dataDiskValues: [[String: Any]] {
        dataDisks.map { disk in
            var values = disk.templateValues
            if google != nil {
                values["gcp_name"] = "\(hostname)-data-\(disk.index + 1)"
                values["gcp_device"] = "data-\(disk.index + 1)"
            }
            return values
        }
    }
}

/// A replatformed database server as the cloud's managed database.
struct DatabaseContext: TemplateContext {
    let engine: ManagedDatabase.Engine
    /// The id of the service the database belongs to.
    let service: String
    let environment: String
    /// The engine's and the sizes' keys (`ManagedDatabase.context`).
    let databaseValues: [String: Any]
    /// On AWS, the security group the database joins, as an HCL reference.
    var awsSecurityGroupIDs: String?

    var port: Int { ManagedDatabase.port(of: engine) }

    var templateValues: [String: Any] {
        var added: [String: Any] = ["environment": environment, "port": port]
        if let awsSecurityGroupIDs { added["aws_security_group_ids"] = awsSecurityGroupIDs }
        return databaseValues.merging(added) { _, added in added }
    }
}

/// A file server's shares or a backup server's repository, as the managed service that holds them.
struct StoreContext: TemplateContext {
    let name: String
    let resource: String
    let service: String
    let owner: String
    let classification: String
    /// GiB provisioned, at least 1; each cloud's template applies its service's own floor.
    let sizeGiB: Int
    /// GB used, rounded up.
    let usedGB: Int
    let tier: StorageTier
    let environment: String
    /// The OS family decides the protocol a file server's clients speak (SMB for Windows).
    let windows: Bool
    let osFamily: String
    let labels: [[String: String]]
    /// On Azure, the shares it is split into and its container's name (`AzureTerraform.enrich`).
    var azure: AzureTerraform.StoreValues?

    var templateValues: [String: Any] {
        var values: [String: Any] = [
            "name": name, "resource": resource, "service": service, "owner": owner, "classification": classification,
            "size_gb": sizeGiB, "used_gb": usedGB, "file_share": tier == .fileshare, "object_store": tier == .object,
            "labels": labels, "environment": environment, "windows": windows, "os_family": osFamily,
        ]
        if let azure { values.merge(azure.templateValues) { _, azure in azure } }
        return values
    }
}

/// A service of the wave that builds nothing on this cloud, and why.
struct SkippedService: TemplateContext {
    let id: String
    let strategy: MigrationStrategy
    let reason: String

    var templateValues: [String: Any] { ["id": id, "strategy": strategy.rawValue, "reason": reason] }
}

/// A disaster-recovery database server whose managed primary's own standby takes its place.
struct StandbyContext: TemplateContext {
    let name: String
    let service: String
    let primary: String

    var templateValues: [String: Any] { ["name": name, "service": service, "primary": primary] }
}

/// A service with interfaces whose ports cloudfirst does not know.
struct UnknownPortsContext: TemplateContext {
    let service: String
    let protocols: [String]

    var templateValues: [String: Any] { ["id": service, "protocols": protocols.joined(separator: ", ")] }
}

/// A VM whose database is licensed by the core: the image carries no licence.
struct LicensedVMContext: TemplateContext {
    let name: String
    let licence: String

    var templateValues: [String: Any] { ["name": name, "licence": licence] }
}

/// One wave's folder in the cloud's index README.
struct WaveFolderContext: TemplateContext {
    let wave: Int
    let title: String
    let start: String
    let end: String
    /// Servers, managed databases, file shares and object stores built.
    let resources: Int
    let services: Int

    var templateValues: [String: Any] {
        ["folder": "wave-\(wave)", "wave": wave, "title": title, "start": start, "end": end, "servers": resources,
         "services": services]
    }
}

/// A retained or retired service in the cloud's index README, with the reasons for its strategy.
struct StayingServiceContext: TemplateContext {
    let id: String
    let reason: String

    var templateValues: [String: Any] { ["id": id, "reason": reason] }
}
