import CloudFirstCore

/// Idle and under-used thresholds: AWS's zombie measure (under 5%) and its idle band (5-20%), read here from the
/// 95th percentile, which is stricter than the average AWS names (REFERENCE.md section 7).
enum UtilisationBands {
    static let idleBelow = 5.0
    static let underusedBelow = 20.0
}
