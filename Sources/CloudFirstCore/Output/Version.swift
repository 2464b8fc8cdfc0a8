public enum CloudFirstVersion {
    public static let current = "0.1.0"
}
