/// The Azure Marketplace image (publisher, offer, sku) a rehosted server of each operating system starts from on Azure, so a rehost
/// keeps the OS family and major version it had. `nil` where the cloud offers no such image: the wave README says
/// so and the image is left as an input.
enum AzureImages {
    /// Keys and values the `azure` templates read as `image.*`: `publisher`, `offer`, `sku` (always `version`
    /// "latest" in the template).
    ///
    /// Sources, by title: "Find Azure Marketplace image information using the Azure CLI" (the publisher, offer and
    /// sku of the Windows Server images, `az vm image list --publisher MicrosoftWindowsServer --all`); "Red Hat
    /// Enterprise Linux (RHEL) images available in Azure" (RedHat:RHEL, the `-lvm-gen2` skus); "Ubuntu images on
    /// Azure" in Canonical's Ubuntu on Azure documentation (the `0001-com-ubuntu-server-*`, `0001-com-ubuntu-pro-*`
    /// and `ubuntu-24_04-lts` offers); Debian's "Cloud/MicrosoftAzure" wiki page (Debian:debian-12). Generation 2 skus where both are
    /// published, as the v5 sizes the plan picks run either. Windows Server 2008 and 2008 R2, 2003, RHEL 6 and 7
    /// (Extended Life Cycle Support images are a separate Red Hat offer the trust buys), CentOS (end of life), SUSE
    /// and Oracle Linux (offers that change with each service pack) and an unrecorded version get no image here:
    /// the trust chooses one.
    static func reference(_ os: Workload.OperatingSystem) -> [String: String]? {
        let windows = "MicrosoftWindowsServer"
        let (publisher, offer, sku): (String, String, String)
        switch os.key {
        case "windows-2025": (publisher, offer, sku) = (windows, "WindowsServer", "2025-datacenter-azure-edition")
        case "windows-2022": (publisher, offer, sku) = (windows, "WindowsServer", "2022-datacenter-azure-edition")
        case "windows-2019": (publisher, offer, sku) = (windows, "WindowsServer", "2019-datacenter-gensecond")
        case "windows-2016": (publisher, offer, sku) = (windows, "WindowsServer", "2016-datacenter-gensecond")
        case "windows-2012-r2": (publisher, offer, sku) = (windows, "WindowsServer", "2012-r2-datacenter-gensecond")
        case "windows-2012": (publisher, offer, sku) = (windows, "WindowsServer", "2012-datacenter-gensecond")
        case "rhel-9": (publisher, offer, sku) = ("RedHat", "RHEL", "9-lvm-gen2")
        case "rhel-8": (publisher, offer, sku) = ("RedHat", "RHEL", "8-lvm-gen2")
        case "ubuntu-24.04": (publisher, offer, sku) = ("Canonical", "ubuntu-24_04-lts", "server")
        case "ubuntu-22.04": (publisher, offer, sku) = ("Canonical", "0001-com-ubuntu-server-jammy", "22_04-lts-gen2")
        // Ubuntu 20.04's standard support ended on 31 May 2025 (Canonical, "Ubuntu release cycle"): its security
        // updates now come only with Ubuntu Pro (ESM), so a rehost starts from the Pro image, whose premium the
        // wave README names.
        case "ubuntu-20.04": (publisher, offer, sku) = ("Canonical", "0001-com-ubuntu-pro-focal", "pro-20_04-lts-gen2")
        case "debian-12": (publisher, offer, sku) = ("Debian", "debian-12", "12-gen2")
        case "debian-11": (publisher, offer, sku) = ("Debian", "debian-11", "11-gen2")
        default: return nil
        }
        return ["publisher": publisher, "offer": offer, "sku": sku]
    }
}
