extension ManagedDatabase {
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
}
