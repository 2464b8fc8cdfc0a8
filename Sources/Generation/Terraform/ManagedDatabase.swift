import Assessment
import CloudFirstCore
import Planning

/// A replatformed database server becomes the cloud's managed database: Amazon RDS, Azure SQL Database or Azure
/// Database for PostgreSQL or MySQL, Cloud SQL. Only engines all three offer are moved this way (SQL Server,
/// PostgreSQL, MySQL); an Oracle or unknown database stays a VM, where its licence terms are the trust's call.
enum ManagedDatabase {
    enum Engine: String {
        case sqlserver, postgres, mysql
    }

    /// The port each engine listens on by default, which the generated security rules open to the estate: SQL Server
    /// 1433, PostgreSQL 5432, MySQL 3306 (the IANA Service Name and Transport Protocol Port Number Registry: ms-sql-s,
    /// postgresql, mysql; each also the engine's documented default and Amazon RDS's).
    static func port(of engine: Engine) -> Int {
        switch engine {
        case .sqlserver: 1433
        case .postgres: 5432
        case .mysql: 3306
        }
    }

    static func engine(of server: Server) -> Engine? {
        for software in server.software {
            // Placed as the lifecycle rules place it: "PostgreSQL" with version "15" is PostgreSQL 15.
            switch LifecycleCatalogue.embedded.database(of: software)?.product {
            case "SQL Server": return .sqlserver
            case "PostgreSQL": return .postgres
            case "MySQL": return .mysql
            default: continue
            }
        }
        return nil
    }

    /// What the templates need, per cloud: the sizes come from the VM the plan sized.
    static func context(_ server: Server, engine: Engine, size: CloudSizing, service: Service, resource: String,
                        identifier: String) -> [String: Any] {
        let vcpus = max(2, size.vm.vcpus)
        // Enterprise where the inventory names that edition; Standard otherwise (an unnamed edition is priced as
        // Enterprise, the cautious figure, but built as Standard until the trust says it needs more).
        let found = DatabaseLicence.of(server.software)
        let enterprise = if case .sqlServer(enterprise: true)? = found?.licence, found?.editionGiven == true { true }
            else { false }
        let memoryMB = Int(size.vm.memoryGiB * 1024)
        let storage = max(20, Int((server.storageGB ?? 20).rounded(.up)))
        // RDS classes mirror the EC2 families for general-purpose and memory-optimised sizes.
        let awsFamily = size.vm.sku.hasPrefix("r") ? "r6i" : "m6i"
        let awsSize = size.vm.sku.split(separator: ".").last.map(String.init) ?? "large"
        // Azure SQL General Purpose vCores come in these steps; the smallest that covers the VM's vCPUs.
        let vcores = [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 24, 32, 40, 80].first { $0 >= vcpus } ?? 80
        let flexible = [2, 4, 8, 16, 32, 48, 64].first { $0 >= vcpus } ?? 64
        // Cloud SQL custom machines: memory a multiple of 256 MB, 0.9-6.5 GB per vCPU.
        let gcpMemory = min(max(memoryMB, vcpus * 922 + 255) / 256 * 256, vcpus * 6656)
        // SQL Server keeps its edition (Enterprise where the inventory says so, as the plan licenses it).
        let awsEngine = switch engine {
        case .sqlserver: enterprise ? "sqlserver-ee" : "sqlserver-se"
        case .postgres: "postgres"
        case .mysql: "mysql"
        }
        let gcpVersion = switch engine {
        case .sqlserver: enterprise ? "SQLSERVER_2022_ENTERPRISE" : "SQLSERVER_2022_STANDARD"
        case .postgres: "POSTGRES_18"
        case .mysql: "MYSQL_8_4"
        }
        let awsVersion = switch engine {
        case .sqlserver: ""
        case .postgres: "17"
        case .mysql: "8.4"
        }
        let awsParameterFamily = switch engine {
        case .sqlserver: ""
        case .postgres: "postgres17"
        case .mysql: "mysql8.4"
        }
        return [
            "name": server.id,
            "resource": resource,
            "db_identifier": identifier,
            "engine": engine.rawValue,
            "sqlserver": engine == .sqlserver,
            "postgres": engine == .postgres,
            "mysql": engine == .mysql,
            "iam_auth": engine != .sqlserver,
            "aws_engine": awsEngine,
            "aws_class": "db.\(awsFamily).\(awsSize)",
            "aws_license": engine == .sqlserver ? "license-included" : "",
            "log_exports": engine == .sqlserver ? "\"agent\", \"error\"" : engine == .postgres
                ? "\"postgresql\", \"upgrade\"" : "\"audit\", \"error\", \"general\", \"slowquery\"",
            "azure_sql_sku": "GP_Gen5_\(vcores)",
            "azure_flexible_sku": "GP_Standard_D\(flexible)ds_v5",
            // Azure Database for MySQL flexible server's General Purpose tier offers the Ddsv4 sizes (2 to 64
            // vCores) where PostgreSQL's offers Ddsv5 ("Service tiers in Azure Database for MySQL - Flexible
            // Server"): the same vCores, one generation back.
            "azure_mysql_sku": "GP_Standard_D\(flexible)ds_v4",
            "gcp_tier": "db-custom-\(vcpus)-\(gcpMemory)",
            "gcp_version": gcpVersion,
            // Cloud SQL for SQL Server cannot require client certificates; the others can.
            "gcp_ssl_mode": engine == .sqlserver ? "ENCRYPTED_ONLY" : "TRUSTED_CLIENT_CERTIFICATE_REQUIRED",
            "aws_version": awsVersion,
            "aws_family": awsParameterFamily,
            "storage_gb": storage,
            // Flexible servers take storage in fixed steps of MB: the smallest that holds the server's GB.
            "storage_mb": [32_768, 65_536, 131_072, 262_144, 524_288, 1_048_576, 2_097_152, 4_193_280, 4_194_304,
                           8_388_608, 16_777_216, 33_553_408].first { $0 >= storage * 1_000 } ?? 33_553_408,
            "service": service.id,
            "owner": service.owner ?? "not recorded",
            "classification": service.data?.classification?.rawValue ?? "not-recorded",
            "labels": Identifiers.labels(of: service),
        ]
    }
}
