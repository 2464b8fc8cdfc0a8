import CloudFirstCore

/// Rules about servers' platforms, hardware, licences and use.
enum PlatformRules {
    static let all: [any ServerRule] = []
}
