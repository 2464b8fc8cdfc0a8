import CloudFirstCore

struct VMwareSubscriptionExposure: ServiceRule {
    static let description = RuleDescription(
        id: "vmware-subscription-exposure", title: "Runs wholly on VMware: hypervisor renewal is a timing driver",
        category: .commercial, severity: .info,
        rationale: "Every server of this service is a VMware virtual machine. After Broadcom bought VMware "
            + "(completed November 2023) it announced in December 2023 that VMware products, vSphere among them, "
            + "would be sold only by subscription, with no new perpetual licences. The next VMware renewal is "
            + "therefore a date that can make moving sooner cheaper than renewing, and it shapes the choice between "
            + "relocating the VMs as they are to a cloud's VMware service (Azure VMware Solution, VMware Cloud on "
            + "AWS, Google Cloud VMware Engine) and rehosting them as the cloud's own VMs. The subscription prices "
            + "themselves are not in REFERENCE.md and were not checked.",
        source: "RCP Magazine, 'In Wake of VMware Changes, Broadcom Still Struggling To Win Critics Over', 22 April "
            + "2024 (Broadcom announced in December 2023 that it is ending perpetual licences for VMware products "
            + "including vSphere, vSAN and NSX, in favour of subscriptions); REFERENCE.md section 7 (AWS 7 Rs: "
            + "relocate and rehost)",
        remediation: "Find the date the VMware licences or support for these hosts come up for renewal, and plan "
            + "the service's wave before it; compare relocating to a cloud VMware service with rehosting to native "
            + "VMs, counting the subscription either way.",
        examples: [
            .triggers("""
                servers:
                  - { id: s1, site: dc1, platform: vmware }
                  - { id: s2, site: dc1, platform: vmware }
                services:
                  - { id: a, name: A, ↓servers: [s1, s2] }
                """),
            .passes("""
                servers:
                  - { id: s1, site: dc1, platform: vmware }
                  - { id: s2, site: dc1, platform: physical }
                  - { id: s3, site: dc1 }
                services:
                  - { id: a, name: A, servers: [s1, s2] }
                  - { id: b, name: B, servers: [s1, s3] }
                  - { id: c, name: C }
                """),
        ])

    func evaluate(_ service: Service, in context: AssessmentContext, report: inout FindingReporter) {
        let servers = context.servers(of: service)
        guard !servers.isEmpty, servers.allSatisfy({ $0.platform == .vmware }) else { return }
        let count = servers.count == 1 ? "its server is a VMware VM"
            : servers.count == 2 ? "both its servers are VMware VMs" : "all \(servers.count) of its servers are VMware VMs"
        report.report("\(count): VMware is now sold only by subscription, so its renewal date is a reason to time "
            + "the move; compare relocating to a cloud VMware service with rehosting to native VMs",
            at: service.source, field: "servers")
    }
}
