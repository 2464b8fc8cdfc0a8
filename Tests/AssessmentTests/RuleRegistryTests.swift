@testable import Assessment
import Foundation
import Testing

/// The registry is the one list of rules: every rule type written in the pack is in it, once, with a unique id.
@Suite struct RuleRegistryTests {
    static let registry = RuleRegistry.standard

    @Test func identifiersAreUniqueAndKebabCase() {
        let ids = Self.registry.descriptions.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.range(of: #"^[a-z0-9]+(-[a-z0-9]+)*$"#, options: .regularExpression) != nil, "\(id)")
        }
    }

    /// Where the rules are written: a folder for each category, and shared helpers beside them.
    static let rulesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/Assessment/Rules")

    /// Every rule type declared under `Sources/Assessment/Rules`, with the file (relative to it) it is declared in.
    static func declaredRules() throws -> [(type: String, file: String)] {
        var declared: [(type: String, file: String)] = []
        let files = try FileManager.default.subpathsOfDirectory(atPath: rulesFolder.path)
        for file in files.sorted() where file.hasSuffix(".swift") {
            let text = try String(contentsOf: rulesFolder.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: /struct (\w+): (?:ServerRule|ServiceRule|DerivedRule) \{/) {
                declared.append((String(match.1), file))
            }
        }
        return declared
    }

    /// Reads the rules' sources: a rule type that is written but not registered would never run.
    @Test func everyRuleTypeIsRegisteredOnce() throws {
        let declared = try Self.declaredRules().map(\.type)
        let registered = Self.registry.serverRules.map { String(describing: type(of: $0)) }
            + Self.registry.serviceRules.map { String(describing: type(of: $0)) }
            + Self.registry.derivedRules.map { String(describing: $0) }
        #expect(!declared.isEmpty, "no rule types found under \(Self.rulesFolder.path)")
        #expect(registered.sorted() == declared.sorted())
        #expect(Set(registered).count == registered.count, "a rule is registered twice")
        #expect(registered.count == Self.registry.descriptions.count)
    }

    /// One rule a file, the file named for the rule's type, in the folder of the rule's category (`Security/`,
    /// `DataAndCompliance/`...): a new rule is one new file and one line in the registry.
    @Test func eachRuleHasAFileOfItsOwnInItsCategorysFolder() throws {
        let declared = try Self.declaredRules()
        let rules: [(String, RuleDescription)] = Self.registry.serverRules.map { (String(describing: type(of: $0)), type(of: $0).description) }
            + Self.registry.serviceRules.map { (String(describing: type(of: $0)), type(of: $0).description) }
            + Self.registry.derivedRules.map { (String(describing: $0), $0.description) }
        let categoryOf = Dictionary(rules, uniquingKeysWith: { first, _ in first }).mapValues(\.category)
        for (type, file) in declared {
            let category = try #require(categoryOf[type], "\(type) is not registered")
            let name = String(describing: category)
            let folder = name.prefix(1).uppercased() + name.dropFirst()
            #expect(file == "\(folder)/\(type).swift", "\(type) is in \(file), not \(folder)/\(type).swift")
        }
        let files = declared.map(\.file)
        #expect(Set(files).count == files.count, "a file declares more than one rule")
    }

    /// The rule pack the assessment issue asks for, by id: renaming one breaks baselines and policy files.
    @Test func theNamedRulesExist() {
        let ids = Self.registry.ids
        for id in ["os-past-support", "os-in-extended-security-updates", "os-support-ending", "database-past-support",
                   "database-in-extended-security-updates", "database-support-ending", "architecture-32-bit",
                   "architecture-not-x86", "uefi-legacy-windows", "exceeds-cloud-vm-limits", "attached-usb-dongle",
                   "attached-serial-device", "fax-hardware", "attached-fibre-channel", "modality-link",
                   "hardware-bound-licence", "oracle-licensing-cloud-vcpu", "patient-data-outside-uk-eea",
                   "patient-data-in-eea", "personal-data-without-dpia", "data-classification-missing",
                   "clinical-safety-dcb0160", "hscn-connectivity", "smartcard-authentication", "plaintext-interface",
                   "proprietary-interfaces-only", "saas-available", "supplier-cloud-unsupported",
                   "latency-sensitive-on-site-devices", "idle-server", "underused-server", "powered-off-server",
                   "server-in-no-service", "multi-zone-design", "contract-ending", "owner-missing",
                   "exception-expired", "strategy-disagreement", "oracle-rac-on-cloud-vm",
                   "synchronous-replication-rpo", "cross-region-dr-offshoring", "site-lease-ending",
                   "national-service-registration", "vmware-subscription-exposure", "identity-agent-retiring"] {
            #expect(ids.contains(id), "missing rule \(id)")
        }
    }

    /// A citation must lead somewhere: every `*.md` file a rule's source or rationale names exists in the repository
    /// (REFERENCE.md is docs/REFERENCE.md), and every "REFERENCE.md section N" names a section the reference has.
    @Test func everyCitedDocumentAndSectionExists() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let reference = try String(contentsOf: root.appendingPathComponent("docs/REFERENCE.md"), encoding: .utf8)
        let sections = Set(reference.matches(of: /(?m)^## (\d+)\./).map { String($0.1) })
        #expect(sections.count >= 9)
        for description in Self.registry.descriptions {
            for (field, text) in [("source", description.source), ("rationale", description.rationale)] {
                // Each "section N" (also "and section N") belongs to the last document named before it.
                var document: String?
                for match in text.matches(of: /([\w.\/-]+\.md)\b|\bsections? (\d+)/) {
                    if let name = match.1.map(String.init) {
                        document = name
                        let candidates = name.contains("/") ? [name] : [name, "docs/" + name]
                        let found = candidates.contains {
                            FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path)
                        }
                        #expect(found, "\(description.id): its \(field) cites \(name), which is not in the repository")
                    } else if let number = match.2.map(String.init), document == "REFERENCE.md" {
                        #expect(sections.contains(number),
                                "\(description.id): its \(field) cites REFERENCE.md section \(number), which does not exist")
                    }
                }
            }
        }
    }

    @Test func everyRuleCitesASourceAndSaysWhatToDo() {
        for description in Self.registry.descriptions {
            #expect(description.source.count > 20, "\(description.id) cites no source")
            #expect(description.rationale.count > 40, "\(description.id) gives no rationale")
            #expect(description.remediation.count > 20, "\(description.id) gives no remediation")
        }
    }
}
