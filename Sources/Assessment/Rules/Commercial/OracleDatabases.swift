import CloudFirstCore

// Shared by the Oracle licensing rules (licensing on cloud vCPUs, Standard Edition's vCPU limit).

/// Oracle Database found on a server: the product line, or nil when it is not Oracle Database.
func oracleDatabases(on server: Server, in context: AssessmentContext) -> [(Software, LifecycleEntry?)] {
    server.software.compactMap { software in
        let entry = context.database(named: software.product)
        if entry?.product == "Oracle Database" { return (software, entry) }
        let name = software.product.lowercased()
        return name.hasPrefix("oracle database") || name.hasPrefix("oracle rdbms") ? (software, nil) : nil
    }
}

/// True when an Oracle edition as people write it is Standard Edition (SE, SE One, SE2).
func isStandardEdition(_ software: Software) -> Bool {
    let text = ((software.edition ?? "") + " " + software.product).lowercased()
    return text.contains("standard edition") || text.range(of: #"\bse ?(2|one|1)?\b"#, options: .regularExpression)
        != nil || text.hasPrefix("standard")
}
