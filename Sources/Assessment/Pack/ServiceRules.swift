import CloudFirstCore

/// Rules about services' data, assurance, networks, integration and contracts.
enum ServiceRules {
    static let all: [any ServiceRule] = []
}
