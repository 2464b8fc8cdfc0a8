/// The public image (project and family) a rehosted server of each operating system starts from on Google Cloud, so a rehost
/// keeps the OS family and major version it had. `nil` where the cloud offers no such image: the wave README says
/// so and the image is left as an input.
///
/// Projects and families are those Compute Engine's "OS images" and "Operating system details" documentation lists
/// for public images (`windows-cloud`, `rhel-cloud`, `ubuntu-os-cloud`, `ubuntu-os-pro-cloud`, `suse-cloud`, `debian-cloud`). Nothing is
/// offered for versions Google no longer publishes or never published: Windows Server 2012 R2 and older (out of
/// support since October 2023), RHEL 6 and 7, CentOS 7, Ubuntu 18.04 outside Ubuntu Pro, and Oracle Linux, which
/// Google does not publish. Those servers take an image the trust imports or its migration tool produces.
enum GoogleImages {
    /// The image families Google publishes, by `Workload.OperatingSystem.key`.
    static let families: [String: (project: String, family: String)] = [
        "windows-2016": ("windows-cloud", "windows-2016"),
        "windows-2019": ("windows-cloud", "windows-2019"),
        "windows-2022": ("windows-cloud", "windows-2022"),
        "windows-2025": ("windows-cloud", "windows-2025"),
        "rhel-8": ("rhel-cloud", "rhel-8"),
        "rhel-9": ("rhel-cloud", "rhel-9"),
        // Ubuntu 20.04's standard support ended on 31 May 2025 (Canonical, "Ubuntu release cycle"): security updates
        // now come only with Ubuntu Pro, so the Pro family ("Ubuntu Pro" in Compute Engine's OS images list).
        "ubuntu-20.04": ("ubuntu-os-pro-cloud", "ubuntu-pro-2004-lts"),
        "ubuntu-22.04": ("ubuntu-os-cloud", "ubuntu-2204-lts"),
        "ubuntu-24.04": ("ubuntu-os-cloud", "ubuntu-2404-lts-amd64"),
        "sles-12": ("suse-cloud", "sles-12"),
        "sles-15": ("suse-cloud", "sles-15"),
        "debian-11": ("debian-cloud", "debian-11"),
        "debian-12": ("debian-cloud", "debian-12"),
    ]

    /// Keys and values the `gcp` templates read as `image.*`: `project`, `family`, and `self_link`, the short form
    /// `projects/PROJECT/global/images/family/FAMILY` that `boot_disk.initialize_params.image` takes.
    static func reference(_ os: Workload.OperatingSystem) -> [String: String]? {
        guard let found = families[os.key] else { return nil }
        return ["project": found.project, "family": found.family,
                "self_link": "projects/\(found.project)/global/images/family/\(found.family)"]
    }
}
