import CloudFirstCore
import Planning

/// The plan an architect hands to a design authority: summary, waves with dates, groups, risks, costs, sizing and
/// every assumption behind the figures.
public struct PlanMarkdown: Renderer {
    public let identifier = "markdown"
    public let summary = "the plan to hand on: waves, groups, risks, costs, sizing and every assumption"

    public init() {}

    public func render(_ subject: PlanSubject, to output: inout some TextOutputStream) {
        output.write(Self.render(subject.plan, version: subject.version))
    }


    public static func render(_ plan: MigrationPlan, version: String) -> String {
        ReportTemplates.render("plan.md", Context(plan, version: version))
    }

    /// What Templates/reports/plan.md.mustache is rendered from; every text is escaped for a table cell or list item
    /// here. A table row's cells for the target clouds, whose number varies, come joined.
    struct Context: Sendable {
        struct WaveService: Sendable, KeyedTemplateContext {
            static let keys: [String: any PartialKeyPath<Self> & Sendable] = [
                "id": \.id, "name": \.name, "strategy": \.strategy, "criticality": \.criticality,
                "servers": \.servers, "costs": \.costs,
            ]

            var id: String
            var name: String
            var strategy: String
            var criticality: String
            var servers: Int
            var costs: String
        }

        struct Gate: Sendable {
            var id: String
            var rules: String
        }

        struct Wave: Sendable, KeyedTemplateContext {
            static let keys: [String: any PartialKeyPath<Self> & Sendable] = [
                "title": \.title, "start": \.start, "end": \.end, "pessimisticStart": \.pessimisticStart,
                "pessimisticEnd": \.pessimisticEnd, "isLandingZone": \.isLandingZone, "foundation": \.foundation,
                "serviceCount": \.serviceCount, "serverCount": \.serverCount, "effort": \.effort, "delay": \.delay,
                "services": \.services, "gates": \.gates, "hasGates": \.hasGates, "risks": \.risks,
                "hasRisks": \.hasRisks,
            ]

            var title: String
            var start: String
            var end: String
            var pessimisticStart: String
            var pessimisticEnd: String
            var isLandingZone: Bool
            /// The landing zone's foundation services, with their strategies.
            var foundation: String?
            var serviceCount: String
            var serverCount: String
            var effort: String
            var delay: String?
            var services: [WaveService]
            var gates: [Gate]
            var hasGates: Bool
            var risks: [String]
            var hasRisks: Bool
        }

        struct Decision: Sendable {
            var id: String
            var name: String
            var why: String
        }

        struct Sizing: Sendable, KeyedTemplateContext {
            static let keys: [String: any PartialKeyPath<Self> & Sendable] = [
                "server": \.server, "basis": \.basis, "clouds": \.clouds,
            ]

            var server: String
            var basis: String
            var clouds: String
        }

        struct Licences: Sendable {
            var cloud: String
            var licences: String
        }

        var organisation: String
        var asOf: String
        var version: String
        var serviceCount: String
        var serverCount: String
        var startDate: String
        var end: String
        var months: Int
        var pessimisticEnd: String
        var pessimisticMonths: Int
        /// Patient-critical services moved in less time than a programme of their kind takes.
        var fasterThanAProgramme: Bool
        var summary: [String]
        var costColumns: String
        var costAlignment: String
        var costRows: [String]
        var waveCostColumns: String
        var waveCostAlignment: String
        var costCoverage: String
        var landingZoneWorkingDays: Int
        var waves: [Wave]
        var retained: [Decision]
        var held: [Decision]
        var hasHeld: Bool
        var retired: [Decision]
        var risks: [String]
        var hasRisks: Bool
        var sizingColumns: String
        var sizingAlignment: String
        var sizing: [Sizing]
        var databaseLicences: [Licences]
        var hasDatabaseLicences: Bool
        var notes: [String]

        init(_ plan: MigrationPlan, version: String) {
            let estate = plan.estate
            let clouds = plan.assumptions.targetClouds
            let last = plan.waves.last?.end ?? plan.startDate
            let lastPessimistic = plan.waves.last?.pessimisticEnd ?? plan.startDate
            organisation = cell(estate.organisation?.name ?? "the estate")
            asOf = plan.assessment.asOf.description
            self.version = version
            serviceCount = Plural.count(estate.services.count, "service")
            serverCount = Plural.count(estate.servers.count, "server")
            startDate = plan.startDate.description
            end = last.description
            months = PlanFormatting.months(from: plan.startDate, to: last)
            pessimisticEnd = lastPessimistic.description
            pessimisticMonths = PlanFormatting.months(from: plan.startDate, to: lastPessimistic)
            fasterThanAProgramme = months < 12
                && plan.waves.contains { $0.services.contains { estate.services[$0].criticality == .patientCritical } }
            summary = Self.summary(plan)
            costColumns = clouds.map { "\($0.displayName) (\(plan.assumptions.regions[$0] ?? ""))" }
                .joined(separator: " | ")
            costAlignment = String(repeating: "---:|", count: clouds.count + 1)
            costRows = Self.costRows(plan, clouds: clouds)
            waveCostColumns = clouds.map { "\($0.displayName) GBP/month" }.joined(separator: " | ")
            waveCostAlignment = String(repeating: "---:|", count: clouds.count)
            costCoverage = plan.cloudCoverage + " "
                + (plan.onPremises.given ? "On premises is the inventory's figure for the whole estate today: it is "
                    + "not like for like, since what stays (retained services, the site, its network) goes on costing "
                    + "after the move and the cloud figures start only at each cut-over."
                    : "No on-premises cost is given, so the two sides are not compared; cloudfirst's partial model "
                        + "(power, hardware, support and space only, a floor and not the trust's cost) is in the "
                        + "notes. Set assumptions.on_premises_monthly_gbp to compare.")
            landingZoneWorkingDays = plan.assumptions.landingZoneWorkingDays
            // The two largest parts are built on two cores: the waves on one, the sizing table on the other.
            (waves, sizing) = Parallel.both({ Self.waves(plan, clouds: clouds) }, { Self.sizing(plan) })
            /// Why a service stays or goes: the recommendation's reasons, or the owner's choice against them.
            func why(_ index: Int) -> Decision {
                let assessed = plan.assessment.services[index]
                let reasons = assessed.strategyReasons.joined(separator: "; ")
                let text = assessed.recommendedStrategy == assessed.strategy ? reasons
                    : "the owner's choice" + (assessed.service.strategyReason.map { ", because \($0)" } ?? "")
                        + " (cloudfirst recommends \(assessed.recommendedStrategy.rawValue): \(reasons))"
                return Decision(id: estate.services[index].id, name: cell(estate.services[index].name), why: cell(text))
            }
            retained = plan.retained.map(why)
            held = plan.held.map { index in
                Decision(id: estate.services[index].id, name: cell(estate.services[index].name),
                         why: cell(plan.assessment.services[index].held ?? ""))
            }
            hasHeld = !held.isEmpty
            retired = plan.retired.map(why)
            risks = plan.risks.map(cell)
            hasRisks = !risks.isEmpty
            sizingColumns = clouds.map { "\($0.displayName) | GBP/month" }.joined(separator: " | ")
            sizingAlignment = String(repeating: "---|---:|", count: clouds.count)
            let licences = clouds.map { (cloud: $0, counts: plan.databaseLicences(on: $0)) }
            databaseLicences = licences.map { cloud, counts in
                Licences(cloud: cloud.displayName, licences: counts.isEmpty ? "none"
                    : counts.map { "\($0.count) \($0.unit)" }.joined(separator: ", "))
            }
            hasDatabaseLicences = licences.contains { !$0.counts.isEmpty }
            notes = Self.notes(plan, clouds: clouds)
        }

        /// The summary's list items: what moves, stays, goes and is held; the strategies; waves that start late.
        static func summary(_ plan: MigrationPlan) -> [String] {
            let moving = plan.waves.dropFirst().reduce(0) { $0 + $1.services.count }
            let foundation = plan.waves.first?.services.count ?? 0
            let foundationKinds = Set((plan.waves.first?.services ?? []).map {
                plan.assessment.services[$0].kind.rawValue
            }).sorted().joined(separator: ", ")
            var items = [(foundation > 0 ? "The landing zone carries \(foundation) foundation "
                    + "\(foundation == 1 ? "service" : "services") (\(foundationKinds)); " : "")
                + "\(plan.waves.count - 1) \(plan.waves.count == 2 ? "wave" : "waves") after it "
                + "\(plan.waves.count == 2 ? "moves" : "move") \(moving) \(moving == 1 ? "service" : "services"); "
                + "\(plan.retained.count) \(plan.retained.count == 1 ? "stays" : "stay") on premises and "
                + "\(plan.retired.count) \(plan.retired.count == 1 ? "is" : "are") retired"
                + (plan.held.isEmpty ? "" : "; \(plan.held.count) \(plan.held.count == 1 ? "is" : "are") held back, "
                    + "the owner's strategy running into a blocker") + "."]
            let strategies = Dictionary(grouping: plan.waves.flatMap(\.services),
                                        by: { plan.assessment.services[$0].strategy })
            let mix = MigrationStrategyOrder.all.compactMap { strategy in
                strategies[strategy].map { "\(strategy.rawValue) \($0.count)" }
            }
            if !mix.isEmpty { items.append("Moving services by strategy: \(mix.joined(separator: ", ")).") }
            let delayed = plan.waves.filter { $0.delay != nil }.count
            if delayed > 0 {
                items.append("\(delayed) \(delayed == 1 ? "wave starts" : "waves start") later than the one before "
                    + "ends; each says why under \"Starts later\".")
            }
            return items
        }

        /// The cost table's rows, each its cells joined: a cloud's column each, then on premises (blank where the
        /// row has no on-premises figure).
        static func costRows(_ plan: MigrationPlan, clouds: [Cloud]) -> [String] {
            let estate = plan.estate
            // Without the trust's own figure the column says so: a partial model beside the cloud figures would be
            // quoted as a comparison. The model, with its workings, is in the notes.
            let onPremisesMonthly = plan.onPremises.given ? PlanFormatting.pounds(plan.onPremises.monthlyGBP)
                : "not given"
            let onPremisesFiveYears = plan.onPremises.given
                ? PlanFormatting.pounds(plan.fiveYear(plan.onPremises.monthlyGBP)) : "not given"
            func row(_ label: String, _ cells: [String], onPremises: String?) -> String {
                ([label] + cells).joined(separator: " | ") + (onPremises.map { " | \($0)" } ?? " |")
            }
            var rows = [row("per month", clouds.map { PlanFormatting.pounds(plan.monthly[$0]) },
                            onPremises: onPremisesMonthly)]
            // What a cloud's figure holds that its supplier does not support there: beside the total, not only in a
            // note.
            let unsupported = clouds.map(plan.unsupported)
            if unsupported.contains(where: { !$0.services.isEmpty }) {
                rows.append(row("of which services their supplier does not support there", unsupported.map { found in
                    found.services.isEmpty ? "none" : PlanFormatting.pounds(found.monthlyGBP) + " ("
                        + found.services.prefix(3).map { "`\(estate.services[$0].id)`" }.joined(separator: ", ")
                        + (found.services.count > 3 ? " and \(found.services.count - 3) more" : "") + ")"
                }, onPremises: nil))
            }
            // Licences every cloud needs but not every cloud prices are in no figure: what they would cost stands
            // here.
            let leftOut = clouds.map(plan.leftOutLicenceGBP)
            if plan.sizing.contains(where: { $0.clouds.contains(where: \.licenceLeftOut) }) {
                rows.append(row("not in the figures: SQL Server, Red Hat and SUSE licences at licence-included rates",
                                leftOut.map { value in
                                    value.total == 0 ? "no rate in the catalogue"
                                        : (value.unknown ? "at least " : "") + PlanFormatting.pounds(value.total)
                                }, onPremises: nil))
            }
            let ranges = clouds.map(plan.monthlyRange)
            if ranges.contains(where: { abs($0.payAsYouGo - $0.threeYear) >= 1 }) {
                rows.append(row("per month, pay as you go to a 3-year commitment", ranges.map {
                    "\(PlanFormatting.pounds($0.payAsYouGo)) to \(PlanFormatting.pounds($0.threeYear))"
                }, onPremises: nil))
            }
            rows.append(row("five years from the start, each wave from its cut-over",
                            clouds.map { PlanFormatting.pounds(plan.fiveYearRamped($0)) },
                            onPremises: onPremisesFiveYears))
            return rows
        }

        /// The waves: dates, services and their costs, gates and risks.
        static func waves(_ plan: MigrationPlan, clouds: [Cloud]) -> [Wave] {
            let estate = plan.estate
            return plan.waves.map { wave in
                let services: [WaveService] = wave.number == 0 ? [] : wave.services.map { index in
                    let service = estate.services[index]
                    let costs = plan.serviceCosts[index] ?? CloudCosts()
                    let strategy = plan.assessment.services[index].strategy
                    return WaveService(
                        id: service.id, name: cell(service.name), strategy: strategy.rawValue,
                        criticality: service.criticality?.rawValue ?? "not given", servers: service.servers.count,
                        costs: clouds.map { cloud in
                            strategy == .repurchase && service.supplier?.subscriptionMonthlyGBP == nil
                                ? "not quoted" : PlanFormatting.pounds(costs[cloud])
                        }.joined(separator: " | "))
                }
                let gates: [Gate] = wave.number == 0 ? [] : wave.services
                    .filter { !plan.assessment.services[$0].gates.isEmpty }
                    .map { index in
                        Gate(id: estate.services[index].id,
                             rules: plan.assessment.services[index].gateRules.map { "`\($0)`" }
                                .joined(separator: ", "))
                    }
                let foundation = wave.number == 0 && !wave.services.isEmpty
                    ? wave.services.map {
                        "`\(estate.services[$0].id)` (\(plan.assessment.services[$0].strategy.rawValue))"
                    }.joined(separator: ", ") : nil
                return Wave(
                    title: cell(wave.title), start: wave.start.description, end: wave.end.description,
                    pessimisticStart: wave.pessimisticStart.description,
                    pessimisticEnd: wave.pessimisticEnd.description, isLandingZone: wave.number == 0,
                    foundation: foundation, serviceCount: Plural.count(wave.services.count, "service"),
                    serverCount: Plural.count(wave.serverCount, "server"),
                    effort: PlanFormatting.pounds(wave.effortDays), delay: wave.delay.map(cell), services: services,
                    gates: gates, hasGates: !gates.isEmpty, risks: wave.risks.map(cell), hasRisks: !wave.risks.isEmpty)
            }
        }

        /// Every server a VM strategy needs, its size and cost on each cloud.
        static func sizing(_ plan: MigrationPlan) -> [Sizing] {
            plan.sizing.map { sizing in
                Sizing(server: sizing.serverID, basis: sizing.basis.rawValue, clouds: sizing.clouds.map { cloud in
                    (cloud.replacedByService ? (cloud.storageTier == .object ? "backup service" : "file service")
                        : "\(cloud.vm.sku)\(cloud.exceedsCatalogue ? " (largest; too small)" : "")") + " | "
                        + PlanFormatting.pounds(cloud.monthlyGBP)
                }.joined(separator: " | "))
            }
        }

        /// The assumptions behind every figure, then the plan's notes, as list items.
        static func notes(_ plan: MigrationPlan, clouds: [Cloud]) -> [String] {
            let assumptions = plan.assumptions
            var items: [String] = []
            items.append("Start \(plan.startDate)" + (assumptions.startDate == nil ? " (the month after the as-of date)" : "")
                + "; team of \(assumptions.teamSize); at most \(Plural.count(assumptions.maxServicesPerWave, "service")) "
                + "and "
                + "\(Plural.count(assumptions.maxServersPerWave, "server")) a wave; the pilot at most "
                + "\(Plural.count(min(Effort.pilotServices, assumptions.maxServicesPerWave), "service")).")
            items.append("Freeze windows: " + (assumptions.freezeWindows.isEmpty ? "none" : assumptions.freezeWindows.map {
                "\($0.from) to \($0.to) for \($0.appliesTo.rawValue) services"
            }.joined(separator: "; ")) + ". No wave that moves such a service overlaps one; a wave too long to fit between them "
                + "keeps at least its cut-over (its last two weeks) clear.")
            items.append("Effort in person-days, per service + per server: " + MigrationStrategyOrder.all.compactMap { strategy in
                Effort.perStrategy[strategy].map {
                    "\(strategy.rawValue) \($0.service.plainDescription) + \($0.server.plainDescription)"
                }
            }.joined(separator: ", ") + "; a clinical system adds \(Effort.clinicalSafety.plainDescription) for its "
                + "DCB0160 safety case. A wave lasts its effort divided by the team, at least "
                + "\(Effort.minimumWaveWorkingDays) working days, plus the days its data takes to copy. "
                + PlanMarkdown.workingDaysText(assumptions) + " Effort is "
                + "multiplied by \(Timing.effortByCriticality[.patientCritical]!.plainDescription) for a patient-critical "
                + "service and \(Timing.effortByCriticality[.businessCritical]!.plainDescription) for a business-critical "
                + "one. These are cloudfirst's planning defaults, not sourced figures.")
            items.append("Lead times in weeks, likely (pessimistic): procurement \(assumptions.procurementWeeks) "
                + "(\(Int(Double(assumptions.procurementWeeks) * Timing.procurementPessimism))), a DCB0160 safety case "
                + "\(assumptions.safetyCaseWeeks) (\(Int(Double(assumptions.safetyCaseWeeks) * Timing.safetyCasePessimism))), "
                + "a DPIA still to be done \(assumptions.dpiaWeeks) "
                + "(\(Int(Double(assumptions.dpiaWeeks) * Timing.dpiaPessimism))), "
                + "an HSCN or private circuit \(assumptions.circuitWeeks) "
                + "(\(Int(Double(assumptions.circuitWeeks) * Timing.circuitPessimism))), all running from the start, side "
                + "by side; effort \(Timing.effortPessimism.plainDescription) times and data copied at "
                + "1/\(Timing.transferPessimism.plainDescription) of the link's rate in the pessimistic case. The likely "
                + "weeks are assumptions the trust sets (procurement_weeks, safety_case_weeks, dpia_weeks, circuit_weeks); "
                + "the pessimistic multipliers (procurement \(Timing.procurementPessimism.plainDescription)x for 6 to 18 "
                + "months, the others \(Timing.safetyCasePessimism.plainDescription)x) are cloudfirst's judgement, not "
                + "published figures (REFERENCE.md section 9). Data copied "
                + "at \(assumptions.linkMbps.plainDescription) Mbit/s (link_mbps). At most "
                + "\(Plural.count(assumptions.maxPatientCriticalPerWave, "patient-critical service")) a wave, and "
                + "\(assumptions.clinicalCutoverGapWeeks) weeks at least between patient-critical cut-overs.")
            items.append("Prices: the embedded catalogue, data dated \(plan.catalogueDates.earliest) to "
                + "\(plan.catalogueDates.latest) ("
                + clouds.compactMap { cloud in plan.catalogueDatesByCloud[cloud].map { "\(cloud.displayName) \($0.earliest) "
                    + "to \($0.latest)" } }.joined(separator: ", ")
                + "); each row names its source and date (`Catalogues/prices.csv`), and a cloud's oldest row is the "
                + "oldest price its figure rests on.")
            return items + plan.notes.map(cell)
        }
    }

    /// How working days are counted: the sentence the notes give.
    static func workingDaysText(_ assumptions: Assumptions) -> String {
        let holidays = switch assumptions.bankHolidays {
        case .englandAndWales: "England and Wales's bank holidays"
        case .scotland: "Scotland's bank holidays"
        case .northernIreland: "Northern Ireland's bank holidays"
        case .none: "no bank holidays"
        }
        let extra = assumptions.nonWorkingDays.count
        return "Working days are Monday to Friday less \(holidays) (assumptions.bank_holidays; GOV.UK, \"UK bank "
            + "holidays\")" + (extra > 0 ? " and \(Plural.count(extra, "other non-working day")) the trust gives" : "")
            + "."
    }

    static func cell(_ text: String) -> String { text.escapingForMarkdownTable }
}

/// The 7 Rs in the order plans list them.
enum MigrationStrategyOrder {
    static let all: [MigrationStrategy] = [.rehost, .relocate, .replatform, .repurchase, .refactor, .retain, .retire]
}
