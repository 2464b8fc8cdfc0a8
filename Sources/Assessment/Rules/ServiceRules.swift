import CloudFirstCore

/// Rules about services' data, assurance, networks, integration and contracts.
enum ServiceRules {
    static let all: [any ServiceRule] = [
        PatientDataOutsideUKAndEEA(), PatientDataInEEA(), PersonalDataWithoutDPIA(), DataClassificationMissing(),
        ClinicalSafetyDCB0160(), MultiZoneDesign(), OwnerMissing(), ServiceWithoutServers(),
        HSCNConnectivity(), SmartcardAuthentication(), PlaintextInterface(), ProprietaryInterfacesOnly(),
        LatencySensitiveOnSiteDevices(),
        SaaSAvailable(), SupplierCloudUnsupported(), ContractEnding(), ContractEnded(), HardwareBoundLicence(),
        SynchronousReplicationRPO(), CrossRegionDROffshoring(), RecoveryTimeAboveServiceClass(),
        NationalServiceRegistration(),
        VMwareSubscriptionExposure(), BackupImmutableCopy(),
    ]
}
