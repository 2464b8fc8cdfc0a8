/// Counts as every report writes them: "1 service", "2 services", "0 servers".
public enum Plural {
    /// The count and the noun, in the plural unless the count is one; `plural` for a noun that does not take an s.
    public static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }
}
