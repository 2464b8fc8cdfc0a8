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
        let estate = plan.estate
        let clouds = plan.assumptions.targetClouds
        let organisation = estate.organisation?.name ?? "the estate"
        let last = plan.waves.last?.end ?? plan.startDate
        let lastPessimistic = plan.waves.last?.pessimisticEnd ?? plan.startDate
        var out = "# Migration plan: \(cell(organisation))\n\n"
        out += "Planned on \(plan.assessment.asOf) by cloudfirst \(version) from "
            + "\(Plural.count(estate.services.count, "service")) on \(Plural.count(estate.servers.count, "server")). "
            + "The work starts on \(plan.startDate) and the last wave ends on "
            + "\(last) (\(PlanFormatting.months(from: plan.startDate, to: last)) months) likely, or \(lastPessimistic) "
            + "(\(PlanFormatting.months(from: plan.startDate, to: lastPessimistic)) months) with pessimistic lead times, "
            + "effort and data transfer. For scale: an acute trust's EPR or PACS change alone is a programme of 12 to "
            + "36 months (professional judgement from reviews, not a published figure; REFERENCE.md section 9); every "
            + "duration here is a default the trust sets (see the notes)."
            + (PlanFormatting.months(from: plan.startDate, to: last) < 12
                && plan.waves.contains { $0.services.contains { plan.estate.services[$0].criticality == .patientCritical } }
                ? " This plan moves patient-critical services in less than that: check its effort and lead-time "
                    + "defaults against the trust's own programme before quoting its dates." : "")
            + "\n\n"

        out += "## Summary\n\n"
        let moving = plan.waves.dropFirst().reduce(0) { $0 + $1.services.count }
        let foundation = plan.waves.first?.services.count ?? 0
        let foundationKinds = Set((plan.waves.first?.services ?? []).map { plan.assessment.services[$0].kind.rawValue })
            .sorted().joined(separator: ", ")
        out += (foundation > 0 ? "- The landing zone carries \(foundation) foundation "
                + "\(foundation == 1 ? "service" : "services") (\(foundationKinds)); " : "- ")
            + "\(plan.waves.count - 1) \(plan.waves.count == 2 ? "wave" : "waves") after it "
            + "\(plan.waves.count == 2 ? "moves" : "move") \(moving) \(moving == 1 ? "service" : "services"); "
            + "\(plan.retained.count) \(plan.retained.count == 1 ? "stays" : "stay") on premises and "
            + "\(plan.retired.count) \(plan.retired.count == 1 ? "is" : "are") retired"
            + (plan.held.isEmpty ? "" : "; \(plan.held.count) \(plan.held.count == 1 ? "is" : "are") held back, the "
                + "owner's strategy running into a blocker") + ".\n"
        let strategies = Dictionary(grouping: plan.waves.flatMap(\.services),
                                    by: { plan.assessment.services[$0].strategy })
        let mix = MigrationStrategyOrder.all.compactMap { strategy in
            strategies[strategy].map { "\(strategy.rawValue) \($0.count)" }
        }
        if !mix.isEmpty { out += "- Moving services by strategy: \(mix.joined(separator: ", ")).\n" }
        let delayed = plan.waves.filter { $0.delay != nil }.count
        if delayed > 0 {
            out += "- \(delayed) \(delayed == 1 ? "wave starts" : "waves start") later than the one before ends; "
                + "each says why under \"Starts later\".\n"
        }
        out += "\n| cost (GBP) | " + clouds.map { "\($0.displayName) (\(plan.assumptions.regions[$0] ?? ""))" }
            .joined(separator: " | ") + " | on premises |\n|---|" + String(repeating: "---:|", count: clouds.count + 1)
            + "\n"
        // Without the trust's own figure the column says so: a partial model beside the cloud figures would be
        // quoted as a comparison. The model, with its workings, is in the notes.
        let onPremisesMonthly = plan.onPremises.given ? PlanFormatting.pounds(plan.onPremises.monthlyGBP) : "not given"
        let onPremisesFiveYears = plan.onPremises.given
            ? PlanFormatting.pounds(plan.fiveYear(plan.onPremises.monthlyGBP)) : "not given"
        out += "| per month | " + clouds.map { PlanFormatting.pounds(plan.monthly[$0]) }.joined(separator: " | ")
            + " | \(onPremisesMonthly) |\n"
        // What a cloud's figure holds that its supplier does not support there: beside the total, not only in a note.
        let unsupported = clouds.map(plan.unsupported)
        if unsupported.contains(where: { !$0.services.isEmpty }) {
            out += "| of which services their supplier does not support there | " + unsupported.map { found in
                found.services.isEmpty ? "none" : PlanFormatting.pounds(found.monthlyGBP) + " ("
                    + found.services.prefix(3).map { "`\(estate.services[$0].id)`" }.joined(separator: ", ")
                    + (found.services.count > 3 ? " and \(found.services.count - 3) more" : "") + ")"
            }.joined(separator: " | ") + " | |\n"
        }
        // Licences every cloud needs but not every cloud prices are in no figure: what they would cost stands here.
        let leftOut = clouds.map(plan.leftOutLicenceGBP)
        if plan.sizing.contains(where: { $0.clouds.contains(where: \.licenceLeftOut) }) {
            out += "| not in the figures: SQL Server, Red Hat and SUSE licences at licence-included rates | "
                + leftOut.map { value in
                    value.total == 0 ? "no rate in the catalogue"
                        : (value.unknown ? "at least " : "") + PlanFormatting.pounds(value.total)
                }.joined(separator: " | ") + " | |\n"
        }
        let ranges = clouds.map(plan.monthlyRange)
        if ranges.contains(where: { abs($0.payAsYouGo - $0.threeYear) >= 1 }) {
            out += "| per month, pay as you go to a 3-year commitment | " + ranges.map {
                "\(PlanFormatting.pounds($0.payAsYouGo)) to \(PlanFormatting.pounds($0.threeYear))"
            }.joined(separator: " | ") + " | |\n"
        }
        out += "| five years from the start, each wave from its cut-over | "
            + clouds.map { PlanFormatting.pounds(plan.fiveYearRamped($0)) }.joined(separator: " | ")
            + " | \(onPremisesFiveYears) |\n\n"
        out += plan.cloudCoverage + " "
            + (plan.onPremises.given ? "On premises is the inventory's figure for the whole estate today: it is "
                + "not like for like, since what stays (retained services, the site, its network) goes on costing "
                + "after the move and the cloud figures start only at each cut-over."
                : "No on-premises cost is given, so the two sides are not compared; cloudfirst's partial model "
                    + "(power, hardware, support and space only, a floor and not the trust's cost) is in the notes. "
                    + "Set assumptions.on_premises_monthly_gbp to compare.")
            + " See [Assumptions](#assumptions-and-notes).\n"

        // The three largest parts are written on two cores: the waves on one, the estate's risks and the sizing
        // table on the other, each in its own string, joined here in the document's order.
        let (wavesText, (risksText, sizingText)) = Parallel.both({ wavesSection(plan, clouds: clouds) }, {
            (risksSection(plan), sizingSection(plan, clouds: clouds))
        })
        out += wavesText

        out += "\n## Staying on premises\n\n"
        /// Why a service stays or goes: the recommendation's reasons, or the owner's choice against them.
        func why(_ index: Int) -> String {
            let assessed = plan.assessment.services[index]
            let reasons = assessed.strategyReasons.joined(separator: "; ")
            let text = assessed.recommendedStrategy == assessed.strategy ? reasons
                : "the owner's choice" + (assessed.service.strategyReason.map { ", because \($0)" } ?? "")
                    + " (cloudfirst recommends \(assessed.recommendedStrategy.rawValue): \(reasons))"
            return "- `\(estate.services[index].id)` \(cell(estate.services[index].name)): \(cell(text))\n"
        }
        out += plan.retained.isEmpty ? "None.\n" : plan.retained.map(why).joined()
        if !plan.held.isEmpty {
            out += "\n## Held back (in no wave until the blocker is resolved or accepted)\n\n"
            out += plan.held.map { index in
                "- `\(estate.services[index].id)` \(cell(estate.services[index].name)): "
                    + cell(plan.assessment.services[index].held ?? "") + "\n"
            }.joined()
        }
        out += "\n## Retired (the decommission list)\n\n"
        out += plan.retired.isEmpty ? "None.\n" : plan.retired.map(why).joined()

        out += risksText
        out += sizingText

        let licences = clouds.map { (cloud: $0, counts: plan.databaseLicences(on: $0)) }
        if licences.contains(where: { !$0.counts.isEmpty }) {
            out += "\n## Database licences\n\nWhat the moving database servers need licensed on each cloud, "
                + "whether bought from the cloud or brought by the trust (see the notes for how they are counted):\n\n"
            out += licences.map { cloud, counts in
                "- \(cloud.displayName): " + (counts.isEmpty ? "none"
                    : counts.map { "\($0.count) \($0.unit)" }.joined(separator: ", ")) + "\n"
            }.joined()
        }

        out += "\n## Assumptions and notes\n\n"
        let assumptions = plan.assumptions
        out += "- Start \(plan.startDate)" + (assumptions.startDate == nil ? " (the month after the as-of date)" : "")
            + "; team of \(assumptions.teamSize); at most \(Plural.count(assumptions.maxServicesPerWave, "service")) "
            + "and "
            + "\(Plural.count(assumptions.maxServersPerWave, "server")) a wave; the pilot at most "
            + "\(Plural.count(min(Effort.pilotServices, assumptions.maxServicesPerWave), "service")).\n"
        out += "- Freeze windows: " + (assumptions.freezeWindows.isEmpty ? "none" : assumptions.freezeWindows.map {
            "\($0.from) to \($0.to) for \($0.appliesTo.rawValue) services"
        }.joined(separator: "; ")) + ". No wave that moves such a service overlaps one; a wave too long to fit between them "
            + "keeps at least its cut-over (its last two weeks) clear.\n"
        out += "- Effort in person-days, per service + per server: " + MigrationStrategyOrder.all.compactMap { strategy in
            Effort.perStrategy[strategy].map {
                "\(strategy.rawValue) \($0.service.plainDescription) + \($0.server.plainDescription)"
            }
        }.joined(separator: ", ") + "; a clinical system adds \(Effort.clinicalSafety.plainDescription) for its "
            + "DCB0160 safety case. A wave lasts its effort divided by the team, at least "
            + "\(Effort.minimumWaveWorkingDays) working days, plus the days its data takes to copy. "
            + Self.workingDaysText(assumptions) + " Effort is "
            + "multiplied by \(Timing.effortByCriticality[.patientCritical]!.plainDescription) for a patient-critical "
            + "service and \(Timing.effortByCriticality[.businessCritical]!.plainDescription) for a business-critical "
            + "one. These are cloudfirst's planning defaults, not sourced figures.\n"
        out += "- Lead times in weeks, likely (pessimistic): procurement \(assumptions.procurementWeeks) "
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
            + "\(assumptions.clinicalCutoverGapWeeks) weeks at least between patient-critical cut-overs.\n"
        out += "- Prices: the embedded catalogue, data dated \(plan.catalogueDates.earliest) to "
            + "\(plan.catalogueDates.latest) ("
            + clouds.compactMap { cloud in plan.catalogueDatesByCloud[cloud].map { "\(cloud.displayName) \($0.earliest) "
                + "to \($0.latest)" } }.joined(separator: ", ")
            + "); each row names its source and date (`Catalogues/prices.csv`), and a cloud's oldest row is the "
            + "oldest price its figure rests on.\n"
        out += plan.notes.map { "- \(cell($0))\n" }.joined()
        return out
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

    /// Keeps table cells and list items intact.
    /// The waves: dates, services and their costs, gates and risks, one after another.
    static func wavesSection(_ plan: MigrationPlan, clouds: [Cloud]) -> String {
        let estate = plan.estate
        var out = "\n## Waves\n"
        for wave in plan.waves {
            out += "\n### \(cell(wave.title)) (\(wave.start) to \(wave.end))\n\n"
            out += "Pessimistic: \(wave.pessimisticStart) to \(wave.pessimisticEnd).\n\n"
            if wave.number == 0 {
                out += "The landing zone, before any other service moves: a network in the UK region with private "
                    + "subnets and flow logs, HSCN or VPN connectivity to the trust, identity, central logging and keys. "
                    + "\(plan.assumptions.landingZoneWorkingDays) working days (landing_zone_working_days), with the "
                    + "foundation's effort and the copy of "
                    + "its data, or any circuit's lead time if longer. Freeze windows and the gap between clinical "
                    + "cut-overs do not apply to it: extending the directory and starting cloud backup add to what runs "
                    + "on premises and switch no clinical service over.\n"
                if !wave.services.isEmpty {
                    out += "\nIt carries the foundation other services stand on: "
                        + wave.services.map { "`\(estate.services[$0].id)` (\(plan.assessment.services[$0].strategy.rawValue))" }
                            .joined(separator: ", ") + ".\n"
                }
            } else {
                out += "\(Plural.count(wave.services.count, "service")) on "
                    + "\(Plural.count(wave.serverCount, "server")); "
                    + "\(PlanFormatting.pounds(wave.effortDays)) person-days.\n"
                if let delay = wave.delay { out += "\nStarts later: it \(cell(delay)).\n" }
                out += "\n| service | name | strategy | criticality | servers | "
                    + clouds.map { "\($0.displayName) GBP/month" }.joined(separator: " | ") + " |\n|---|---|---|---|---:|"
                    + String(repeating: "---:|", count: clouds.count) + "\n"
                for index in wave.services {
                    let service = estate.services[index]
                    let costs = plan.serviceCosts[index] ?? CloudCosts()
                    out += "| `\(service.id)` | \(cell(service.name)) | \(plan.assessment.services[index].strategy.rawValue) | "
                        + "\(service.criticality?.rawValue ?? "not given") | \(service.servers.count) | "
                        + clouds.map { cloud in
                            plan.assessment.services[index].strategy == .repurchase
                                && service.supplier?.subscriptionMonthlyGBP == nil
                                ? "not quoted" : PlanFormatting.pounds(costs[cloud])
                        }.joined(separator: " | ") + " |\n"
                }
                let gated = wave.services.filter { !plan.assessment.services[$0].gates.isEmpty }
                if !gated.isEmpty {
                    out += "\nGates before it moves (process work, waited for rather than worked):\n\n"
                    for index in gated {
                        out += "- `\(estate.services[index].id)`: "
                            + plan.assessment.services[index].gateRules.map { "`\($0)`" }.joined(separator: ", ") + "\n"
                    }
                }
            }
            if !wave.risks.isEmpty {
                out += "\nRisks:\n\n" + wave.risks.map { "- \(cell($0))\n" }.joined()
            }
        }

        return out
    }

    /// The risks across the estate, or nothing when there are none.
    static func risksSection(_ plan: MigrationPlan) -> String {
        plan.risks.isEmpty ? "" : "\n## Risks across the estate\n\n" + plan.risks.map { "- \(cell($0))\n" }.joined()
    }

    /// The sizing table: every server a VM strategy needs, its size and cost on each cloud.
    static func sizingSection(_ plan: MigrationPlan, clouds: [Cloud]) -> String {
        var out = "\n## Sizing\n\n"
        out += "| server | basis | " + clouds.map { "\($0.displayName) | GBP/month" }.joined(separator: " | ")
            + " |\n|---|---|" + String(repeating: "---|---:|", count: clouds.count) + "\n"
        for sizing in plan.sizing {
            out += "| `\(sizing.serverID)` | \(sizing.basis.rawValue) | " + sizing.clouds.map { cloud in
                (cloud.replacedByService ? (cloud.storageTier == .object ? "backup service" : "file service")
                    : "\(cloud.vm.sku)\(cloud.exceedsCatalogue ? " (largest; too small)" : "")") + " | "
                    + PlanFormatting.pounds(cloud.monthlyGBP)
            }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    static func cell(_ text: String) -> String { text.escapingForMarkdownTable }
}

/// The 7 Rs in the order plans list them.
enum MigrationStrategyOrder {
    static let all: [MigrationStrategy] = [.rehost, .relocate, .replatform, .repurchase, .refactor, .retain, .retire]
}
