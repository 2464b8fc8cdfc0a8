import ArgumentParser
import Assessment
import CloudFirstCore
import Foundation
import Generation
import Planning

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write Terraform for the plan: a landing zone and a folder per wave, per cloud.",
        discussion: """
        Plans the estate (as 'cloudfirst plan' does) and renders the Terraform templates into OUT/CLOUD/. A re-run \
        leaves unchanged files alone and refuses to overwrite a file a person edited (naming it, and writing \
        nothing) unless --force.

        Exit codes: 0 written; 2 the inventory, the templates or the output folder are unusable, or a file a person \
        edited would be overwritten; 3 an internal or I/O failure.

        Examples:
          cloudfirst generate Inventories/northshire-acute.yaml --cloud azure --out infra/
          cloudfirst generate estate/ --cloud all --out infra/ --dry-run
          cloudfirst generate estate/ --cloud aws --out infra/ --templates my-templates/
        """
    )

    enum CloudChoice: String, ExpressibleByArgument, CaseIterable {
        case azure, aws, gcp, all
    }

    @OptionGroup var input: EstateInput
    @OptionGroup var options: AssessmentOptions
    @OptionGroup var planOptions: PlanOptions

    @Option(help: "The cloud to generate for: azure, aws, gcp or all (the estate's target clouds).")
    var cloud: CloudChoice

    @Option(help: ArgumentHelp("The folder to write into; one folder per cloud is made inside it.", valueName: "dir"),
            completion: .directory)
    var out: String

    @Option(help: ArgumentHelp("A folder of templates that replace the embedded ones (see 'cloudfirst templates "
                               + "export').", valueName: "dir"), completion: .directory)
    var templates: String?

    @Flag(help: "Overwrite files a person has edited since cloudfirst wrote them.")
    var force = false

    @Flag(name: .customLong("dry-run"), help: "List what would be created, updated or left alone; write nothing.")
    var dryRun = false

    func run() throws {
        let writer = OutputWriter(root: out)
        try writer.checkPlace(inventoryFolders: input.paths.filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
        })
        if !dryRun { try writer.prepare() }
        let templateSet = try templates.map(TemplateSet.load(folder:)) ?? TemplateSet.embedded()
        let policy = try options.policy(for: input)
        Progress.step("reading the inventory")
        let estate = try input.loadValid()
        Progress.step("assessing and planning \(Plural.count(estate.services.count, "service")) on "
            + "\(Plural.count(estate.servers.count, "server"))")
        let catalogues = try planOptions.catalogues()
        let plan = Planner(catalogue: catalogues.prices).plan(
            Assessor(policy: policy).assess(estate, asOf: options.date, lifecycle: catalogues.lifecycle),
            assumptions: try planOptions.assumptions(for: estate))
        let clouds = cloud == .all ? estate.assumptions.targetClouds : [Cloud(rawValue: cloud.rawValue)!]
        let generator = TerraformGenerator(templates: templateSet, version: CloudFirstVersion.current)
        var files: [GeneratedFile] = []
        for cloud in clouds {
            Progress.step("rendering Terraform for \(cloud.displayName)")
            files += try generator.generate(plan, cloud: cloud)
        }
        if dryRun {
            let summary = try writer.summarise(files, scopes: clouds.map(\.rawValue))
            for (label, paths) in [("create", summary.created), ("update", summary.updated),
                                   ("remove (no longer generated)", summary.removed),
                                   ("edited, kept", summary.edited), ("unchanged", summary.unchanged)] {
                for path in paths { Terminal.out("\(label): \(path)") }
            }
            Terminal.out(Self.line(summary, written: false))
            return
        }
        let summary = try writer.write(files, scopes: clouds.map(\.rawValue), force: force,
                                       generator: "cloudfirst \(CloudFirstVersion.current)",
                                       progress: { Progress.count($0, of: $1, "writing files") })
        Progress.done()
        Terminal.out(Self.line(summary, written: true) + " in \(out)")
    }

    static func line(_ summary: WriteSummary, written: Bool) -> String {
        let verb = written ? "" : "would be "
        var parts = ["\(summary.created.count) \(verb)created", "\(summary.updated.count) \(verb)updated",
                     "\(summary.unchanged.count) unchanged"]
        if !summary.removed.isEmpty { parts.append("\(summary.removed.count) \(verb)removed (no longer generated)") }
        if !summary.edited.isEmpty {
            parts.append("\(summary.edited.count) edited by hand" + (written ? " (overwritten: --force)" : ""))
        }
        return (written ? "generated: " : "dry run: ") + parts.joined(separator: ", ")
    }
}

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Work with the Mustache templates cloudfirst renders.",
        subcommands: [Export.self]
    )

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the embedded templates into a folder, to change and pass to --templates.")

        @Argument(help: ArgumentHelp("The folder to write the templates into.", valueName: "dir"),
                  completion: .directory)
        var folder: String

        @Flag(help: "Overwrite templates already in the folder.")
        var force = false

        func run() throws {
            let files = EmbeddedTemplates.files.sorted { $0.key < $1.key }
                .map { GeneratedFile(path: $0.key, contents: $0.value) }
            let summary = try OutputWriter(root: folder).write(files, force: force,
                                                               generator: "cloudfirst \(CloudFirstVersion.current)")
            Terminal.out("exported \(files.count) templates to \(folder) (\(summary.created.count) new, "
                + "\(summary.updated.count) updated, \(summary.unchanged.count) unchanged)")
        }
    }
}
