/// Where AWS publishes a current image of each operating system a rehosted server ran, so a trust can find the AMI
/// to put in the wave's `ami_ids` input for that `image_key`. The generated Terraform reads the AMI from that input,
/// never from a lookup: a trust normally launches from its own hardened images (or from AWS Application Migration
/// Service's replicas), a lookup of "latest" would replace servers whenever AWS publishes a new image, and the same
/// code then applies on a real account and on an emulator alike. `nil` where AWS publishes no current image of that
/// OS: the wave README says so and the trust supplies its own.
///
/// Sources:
/// - Windows Server 2016 to 2025: the public Systems Manager parameters under `/aws/service/ami-windows-latest/`
///   ("Query for the latest Windows AMI using Systems Manager Parameter Store", AWS Cloud Operations blog;
///   "Discovering public parameters in Parameter Store", AWS Systems Manager User Guide). Earlier versions are out
///   of Microsoft's support and AWS publishes no current AMI for them.
/// - Ubuntu 20.04 and 22.04 LTS: Canonical's public parameters under `/aws/service/canonical/ubuntu/server/`
///   ("Finding Ubuntu images with the AWS SSM Parameter Store", Canonical, Ubuntu Discourse). Other releases are
///   left to the trust (18.04 is past its standard support).
/// - RHEL 8 and 9: Red Hat's own pay-as-you-go images, published from Red Hat's account 309956199498 and named
///   `RHEL-<major>.<minor>..._HVM-...` (Red Hat Cloud Access documentation, "Red Hat Enterprise Linux AMIs on
///   AWS"). RHEL 7 and earlier are outside Red Hat's standard support: left to the trust.
enum AWSImages {
    /// Keys and values the `aws` templates read as `image.*`: `source` ("ssm parameter" or "owner and name"),
    /// `lookup` (the parameter path, or `owner/name pattern`) and `description`.
    static func reference(_ os: Workload.OperatingSystem) -> [String: String]? {
        switch (os.family, os.version) {
        case ("windows", let version) where ["2016", "2019", "2022", "2025"].contains(version):
            return ["source": "ssm parameter",
                    "lookup": "/aws/service/ami-windows-latest/Windows_Server-\(version)-English-Full-Base",
                    "description": "Windows Server \(version) Full Base (AWS)"]
        case ("ubuntu", let version) where ["20.04", "22.04"].contains(version):
            return ["source": "ssm parameter",
                    "lookup": "/aws/service/canonical/ubuntu/server/\(version)/stable/current/amd64/hvm/ebs-gp2/ami-id",
                    "description": "Ubuntu \(version) LTS (Canonical)"]
        case ("rhel", let version) where ["8", "9"].contains(version):
            return ["source": "owner and name",
                    "lookup": "309956199498/RHEL-\(version).*_HVM-*-x86_64-*",
                    "description": "Red Hat Enterprise Linux \(version) (Red Hat)"]
        default:
            return nil
        }
    }
}
