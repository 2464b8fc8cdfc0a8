import CloudFirstCore
import Planning

/// The plan as data: the JSON contract of `cloudfirst plan --format json`.
public struct PlanJSON: Renderer {
    public let identifier = "json"
    public let summary = "the plan as data, in the JSON envelope (docs/output.schema.json)"

    public init() {}

    public func render(_ subject: PlanSubject, to output: inout some TextOutputStream) {
        let plan = subject.plan
        // Streamed: the services and the sizing, one entry a service and a server, are made as they are written.
        var json = JSONStreamWriter(output)
        json.members(of: JSONEnvelope(command: "plan", estates: [plan.estate],
                                      asOf: plan.assessment.asOf.description).wrap(.object([])))
        json.write(Self.members(plan))
        output = json.finish()
    }

    /// The document's members in order; the long arrays as sequences that make each entry when it is written.
    public static func members(_ plan: MigrationPlan) -> [(String, JSONStreamMember)] {
        let moving = plan.waveOfService.indices.lazy.compactMap { service(plan, $0) }
        return head(plan).map { ($0, .value($1)) }
            + [("services", .elements(AnySequence(moving))),
               ("sizing", .elements(AnySequence(plan.sizing.lazy.map { sizing(plan, $0) })))]
            + tail(plan).map { ($0, .value($1)) }
    }

    /// The plan as one value, for a caller that wants it whole.
    public static func render(_ plan: MigrationPlan) -> JSONValue {
        .object(members(plan).map { key, member in
            switch member {
            case .value(let value): (key, value)
            case .elements(let elements): (key, .array(Array(elements)))
            }
        })
    }

    static func costs(_ costs: CloudCosts, _ plan: MigrationPlan) -> JSONValue {
        .object(plan.assumptions.targetClouds.map { ($0.rawValue, PlanFormatting.money(costs[$0])) })
    }

    /// The start, the waves, and the services that stay, go or are held.
    static func head(_ plan: MigrationPlan) -> [(String, JSONValue)] {
        let estate = plan.estate
        func costs(_ costs: CloudCosts) -> JSONValue { Self.costs(costs, plan) }
        return [
            ("start_date", .string(plan.startDate.description)),
            ("waves", .array(plan.waves.map { wave in
                var members: [(String, JSONValue)] = [
                    ("number", .int(wave.number)), ("name", .string(wave.name)),
                    ("start", .string(wave.start.description)), ("end", .string(wave.end.description)),
                    ("pessimistic_start", .string(wave.pessimisticStart.description)),
                    ("pessimistic_end", .string(wave.pessimisticEnd.description)),
                    ("services", .array(PlanFormatting.ids(wave.services, in: estate).map(JSONValue.string))),
                    ("move_groups", .array(wave.groups.map { group in
                        .array(PlanFormatting.ids(plan.groups[group].services, in: estate).map(JSONValue.string))
                    })),
                    ("servers", .int(wave.serverCount)),
                    ("effort_person_days", .double(wave.effortDays)),
                    ("monthly_gbp", costs(plan.waveCosts[wave.number])),
                    ("risks", .array(wave.risks.map(JSONValue.string))),
                ]
                if let delay = wave.delay { members.append(("delay", .string(delay))) }
                return .object(members)
            })),
            ("retained", .array(PlanFormatting.ids(plan.retained, in: estate).map(JSONValue.string))),
            ("retired", .array(PlanFormatting.ids(plan.retired, in: estate).map(JSONValue.string))),
            ("held", .array(plan.held.map { index in
                .object([("id", .string(estate.services[index].id)),
                         ("why", .string(plan.assessment.services[index].held ?? ""))])
            })),
        ]
    }

    /// A moving service's entry; nil for a service in no wave.
    static func service(_ plan: MigrationPlan, _ index: Int) -> JSONValue? {
        let estate = plan.estate
        func costs(_ costs: CloudCosts) -> JSONValue { Self.costs(costs, plan) }
        guard let wave = plan.waveOfService[index] else { return nil }
        return .object([
            ("id", .string(estate.services[index].id)),
            ("strategy", .string(plan.assessment.services[index].strategy.rawValue)),
            ("wave", .int(wave)),
            ("gates", .array(plan.assessment.services[index].gateRules.map(JSONValue.string))),
            ("monthly_gbp", costs(plan.serviceCosts[index] ?? CloudCosts())),
            // A repurchase with no quoted subscription: its monthly figure is unknown, not zero.
            ("costs_complete", .bool(plan.assessment.services[index].strategy != .repurchase
                || estate.services[index].supplier?.subscriptionMonthlyGBP != nil)),
        ])
    }

    /// A server's sizing on every cloud.
    static func sizing(_ plan: MigrationPlan, _ sizing: ServerSizing) -> JSONValue {
        .object([("server", .string(sizing.serverID)), ("basis", .string(sizing.basis.rawValue)),
                 ("database", .bool(sizing.database))]
            + sizing.clouds.map { cloud in
                var licence: [(String, JSONValue)] = []
                if let database = cloud.databaseLicence {
                    licence = [("database_licence", .object([
                        ("unit", .string(database.unit)), ("count", .int(cloud.databaseLicenceCount)),
                        ("licensed_vcpus", .int(cloud.licensedVCPUs)),
                    ]))]
                }
                return (cloud.cloud.rawValue, .object([
                    ("sku", .string(cloud.vm.sku)), ("vcpus", .int(cloud.vm.vcpus)),
                    ("memory_gib", .double(cloud.vm.memoryGiB)),
                    ("monthly_gbp", PlanFormatting.money(cloud.monthlyGBP)),
                    ("compute_gbp", PlanFormatting.money(cloud.computeGBP)),
                    ("replaced_by_service", .bool(cloud.replacedByService)),
                    ("exceeds_catalogue", .bool(cloud.exceedsCatalogue)),
                    ("storage_tier", .string(cloud.storageTier.rawValue)), ("disks", .int(cloud.disks)),
                    ("storage_priced", .bool(cloud.storagePriced)),
                    ("storage_gbp", PlanFormatting.money(cloud.storageGBP)),
                    ("backup_gbp", PlanFormatting.money(cloud.backupGBP)),
                    ("licence_gbp", PlanFormatting.money(cloud.licenceGBP)),
                    ("licences_priced", .bool(cloud.licencePriced)),
                    ("licences_left_out_gbp", PlanFormatting.money(cloud.leftOutLicenceGBP)),
                    ("commitment_priced", .bool(cloud.commitmentPriced)),
                    ("sustained_use_discount_gbp", PlanFormatting.money(cloud.sustainedUseGBP)),
                ] + licence))
            })
    }

    /// The totals, risks, assumptions and notes.
    static func tail(_ plan: MigrationPlan) -> [(String, JSONValue)] {
        let clouds = plan.assumptions.targetClouds
        var totals: [(String, JSONValue)] = clouds.map { cloud in
            let unsupported = plan.unsupported(on: cloud)
            return (cloud.rawValue, .object([("monthly_gbp", PlanFormatting.money(plan.monthly[cloud])),
                                      ("pay_as_you_go_monthly_gbp",
                                       PlanFormatting.money(plan.monthlyRange(cloud).payAsYouGo)),
                                      ("three_year_commitment_monthly_gbp",
                                       PlanFormatting.money(plan.monthlyRange(cloud).threeYear)),
                                      ("five_year_gbp", PlanFormatting.money(plan.fiveYearRamped(cloud))),
                                      ("unsupported_by_supplier", .object([
                                          ("monthly_gbp", PlanFormatting.money(unsupported.monthlyGBP)),
                                          ("services", .array(unsupported.services.map {
                                              .string(plan.estate.services[$0].id)
                                          })),
                                      ])),
                                      ("licences_left_out_monthly_gbp",
                                       PlanFormatting.money(plan.leftOutLicenceGBP(on: cloud).total)),
                                      ("database_licences", .array(plan.databaseLicences(on: cloud).map {
                                          .object([("unit", .string($0.unit)), ("count", .int($0.count))])
                                      }))]))
        }
        totals.append(("on_premises", .object([
            ("monthly_gbp", PlanFormatting.money(plan.onPremises.monthlyGBP)),
            ("five_year_gbp", PlanFormatting.money(plan.fiveYear(plan.onPremises.monthlyGBP))),
            ("source", .string(plan.onPremises.given ? "inventory" : "model")),
        ])))
        let assumptions = plan.assumptions
        return [
            ("costs", .object(totals)),
            ("cost_coverage", .string(plan.cloudCoverage)),
            ("risks", .array(plan.risks.map(JSONValue.string))),
            ("assumptions", .object([
                ("target_clouds", .array(clouds.map { .string($0.rawValue) })),
                ("regions", .object(clouds.map { ($0.rawValue, .string(assumptions.regions[$0] ?? "")) })),
                ("utilisation_percentile", .int(assumptions.utilisationPercentile)),
                ("comfort_factor", .double(assumptions.comfortFactor)),
                ("gbp_per_usd", .double(assumptions.gbpPerUSD)),
                ("hours_per_month", .double(Sizer.hoursPerMonth)),
                ("commitment", .string(assumptions.commitment.rawValue)),
                ("azure_hybrid_benefit", .bool(assumptions.azureHybridBenefit)),
                ("max_services_per_wave", .int(assumptions.maxServicesPerWave)),
                ("max_servers_per_wave", .int(assumptions.maxServersPerWave)),
                ("team_size", .int(assumptions.teamSize)),
                ("link_mbps", .double(assumptions.linkMbps)),
                ("max_patient_critical_per_wave", .int(assumptions.maxPatientCriticalPerWave)),
                ("clinical_cutover_gap_weeks", .int(assumptions.clinicalCutoverGapWeeks)),
                ("procurement_weeks", .int(assumptions.procurementWeeks)),
                ("safety_case_weeks", .int(assumptions.safetyCaseWeeks)),
                ("circuit_weeks", .int(assumptions.circuitWeeks)),
                ("dpia_weeks", .int(assumptions.dpiaWeeks)),
                ("landing_zone_working_days", .int(assumptions.landingZoneWorkingDays)),
                ("bank_holidays", .string(assumptions.bankHolidays.rawValue)),
                ("non_working_days", .array(assumptions.nonWorkingDays.map { .string($0.description) })),
                ("pessimism", .object([
                    ("procurement", .double(Timing.procurementPessimism)),
                    ("safety_case", .double(Timing.safetyCasePessimism)),
                    ("dpia", .double(Timing.dpiaPessimism)),
                    ("circuit", .double(Timing.circuitPessimism)),
                    ("effort", .double(Timing.effortPessimism)),
                    ("transfer", .double(Timing.transferPessimism)),
                ])),
                ("freeze_windows", .array(assumptions.freezeWindows.map { window in
                    .object([("from", .string(window.from.description)), ("to", .string(window.to.description)),
                             ("applies_to", .string(window.appliesTo.rawValue))])
                })),
                ("price_data_from", .string(plan.catalogueDates.earliest)),
                ("price_data_to", .string(plan.catalogueDates.latest)),
            ])),
            ("notes", .array(plan.notes.map(JSONValue.string))),
        ]
    }
}
