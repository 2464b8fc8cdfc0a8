// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "cloudfirst",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cloudfirst", targets: ["cloudfirst"]),
        .library(name: "CloudFirstCore", targets: ["CloudFirstCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Logic-less, spec-compliant templates a trust can edit: the generated Terraform and reports.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // RVTools exports are .xlsx: a zip container read without shelling out to unzip.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The planner's ready queue of move groups (HeapModule), instead of a hand-written heap.
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // libyaml's event API; Debian: libyaml-dev, Homebrew: libyaml.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Embeds the sample estate, the catalogues and the templates at build time (Plugins/EmbedResources lists
        // what each target carries); embed-resources is the tool it runs. Nothing generated is committed.
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["embed-resources"]),
        .executableTarget(name: "embed-resources"),
        // Inventory model, YAML reading with source marks, decoding, validation, diagnostics, JSON Schema.
        .target(name: "CloudFirstCore", dependencies: ["CYAML"], plugins: ["EmbedResources"]),
        // Rules, the lifecycle catalogue, scoring, readiness, confidence and strategy.
        .target(name: "Assessment", dependencies: ["CloudFirstCore"], plugins: ["EmbedResources"]),
        // Move groups, waves, timeline, sizing, pricing and cost.
        .target(name: "Planning", dependencies: [
            "Assessment", "CloudFirstCore", .product(name: "HeapModule", package: "swift-collections"),
        ], plugins: ["EmbedResources"]),
        // Templates (Mustache) to Terraform; output writers that are atomic and never clobber a person's edits.
        .target(name: "Generation", dependencies: [
            "Planning", "Assessment", "CloudFirstCore", .product(name: "Mustache", package: "swift-mustache"),
        ], plugins: ["EmbedResources"]),
        // One renderer type per output format, and a registry per kind of result each command's --format comes from;
        // Markdown from the Mustache templates under Templates/reports.
        .target(name: "Reporting", dependencies: [
            "Planning", "Assessment", "CloudFirstCore", .product(name: "Mustache", package: "swift-mustache"),
        ], plugins: ["EmbedResources"]),
        // libcurl, which Foundation's URLSession wraps on Linux, called directly: corelibs FoundationNetworking reads a
        // custom CA bundle only on Android and sets no proxy or protocol options of its own (EasyHandle.swift), so
        // --ca-file and https-only need libcurl's own options. Its headers only at build time (Debian:
        // libcurl4-openssl-dev; macOS: the SDK's); the library is opened at run time by a refresh, not linked.
        .systemLibrary(name: "CCurl"),
        // Catalogue refresh: the HTTPS client, the cache, the public price and lifecycle sources and their checks.
        .target(name: "CatalogueRefresh", dependencies: ["CCurl", "CloudFirstCore", "Assessment", "Planning"]),
        // Importers of the exports trusts already have (RVTools xlsx and CSV): a machine-owned inventory file.
        .target(name: "Importing", dependencies: [
            "CloudFirstCore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // The executable: argument parsing and printing only.
        .executableTarget(
            name: "cloudfirst",
            dependencies: [
                "CloudFirstCore",
                "Assessment",
                "Planning",
                "Generation",
                "Importing",
                "Reporting",
                "CatalogueRefresh",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Deterministic synthetic estates for the benchmark and the scale tests; no dependencies.
        .executableTarget(name: "synthetic-estate"),
        // The tests' golden files and the one switch that re-records them (CLOUDFIRST_RECORD=1); Foundation only.
        .target(name: "GoldenFiles", path: "Tests/GoldenFiles"),
        // Tests read their fixtures and golden files from the source tree, so none is a bundle resource.
        .testTarget(name: "CloudFirstCoreTests", dependencies: ["CloudFirstCore", "GoldenFiles"], exclude: ["Fixtures"]),
        .testTarget(name: "AssessmentTests", dependencies: ["Assessment", "CloudFirstCore", "Reporting"]),
        .testTarget(name: "PlanningTests", dependencies: ["Planning", "Assessment", "CloudFirstCore", "Reporting"]),
        // The report templates' typed contexts and embedding; outputs are pinned end to end (RendererRegistryTests).
        .testTarget(name: "ReportingTests",
                    dependencies: ["Reporting", "Planning", "Assessment", "CloudFirstCore"]),
        .testTarget(name: "GenerationTests",
                    dependencies: ["Generation", "Planning", "Assessment", "CloudFirstCore", "GoldenFiles"],
                    exclude: ["Fixtures", "Goldens"]),
        // Every embedded file comes back byte for byte, awkward characters included (Fixtures, embedded by the plugin).
        .testTarget(name: "EmbeddingTests", dependencies: ["CloudFirstCore", "Assessment", "Planning", "Generation"],
                    exclude: ["Fixtures"], plugins: ["EmbedResources"]),
        // Writes its own small workbooks with ZIPFoundation, so each case's cells are in its test.
        .testTarget(name: "ImportingTests",
                    dependencies: ["Importing", "CloudFirstCore", "GoldenFiles",
                                   .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    exclude: ["Fixtures", "Goldens"]),
        // The refresh's checks, hash, cache and source parsers, without a network.
        .testTarget(name: "CatalogueRefreshTests",
                    dependencies: ["CatalogueRefresh", "Planning", "Assessment", "CloudFirstCore"]),
        // Runs the built binaries as a user would; reads the CI examples' YAML with CloudFirstCore's reader.
        .testTarget(name: "EndToEndTests",
                    dependencies: ["cloudfirst", "synthetic-estate", "GoldenFiles", "CloudFirstCore", "Reporting"],
                    exclude: ["Goldens"]),
    ],
    swiftLanguageModes: [.v6]
)
