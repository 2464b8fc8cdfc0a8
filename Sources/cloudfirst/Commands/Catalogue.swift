import ArgumentParser
import Assessment
import CatalogueRefresh
import CloudFirstCore
import Foundation
import Planning
import Reporting

struct CatalogueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "Show the price and lifecycle catalogues in use, or refresh them from the public sources over HTTPS.",
        discussion: """
        cloudfirst is offline by default: it prices from the catalogues embedded at build time, and nothing leaves \
        the machine. 'catalogue refresh' asks the public sources (Azure's Retail Prices API, endoflife.date) for \
        current data, checks it, and keeps it in the cache folder; 'plan' and 'generate' then price from it and say \
        so in the plan's notes. See docs/catalogues.md.

        Examples:
          cloudfirst catalogue show
          cloudfirst catalogue refresh --prices azure --lifecycle
          HTTPS_PROXY=http://proxy.trust.nhs.uk:8080 cloudfirst catalogue refresh --ca-file trust-proxy-ca.pem
        """,
        subcommands: [CatalogueShow.self, CatalogueRefreshCommand.self]
    )
}

/// `--cache-dir`, shared by both subcommands.
struct CacheOption: ParsableArguments {
    @Option(name: .customLong("cache-dir"), help: ArgumentHelp(
        "Folder of refreshed catalogues (default: $XDG_CACHE_HOME/cloudfirst, else ~/.cache/cloudfirst; "
            + "~/Library/Caches/cloudfirst on macOS).", valueName: "dir"))
    var cacheDir: String?

    var cache: CatalogueCache { CatalogueCache(option: cacheDir) }
}

struct CatalogueShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Which catalogues are in use (embedded or refreshed), their sources, dates and row counts, and the "
            + "cache folder."
    )

    @OptionGroup var cacheOption: CacheOption

    @Option(help: "The format to write.")
    var format: FormatOption<CatalogueRenderers> = .first

    func run() throws {
        let cache = cacheOption.cache
        let prices = try cache.prices()
        let lifecycle = try cache.lifecycle()
        try format.write(CatalogueStatus(cacheFolder: cache.folder, catalogues: [
            Self.entry(.prices, cache: cache, rows: Self.rowCount(prices), dates: prices.dataDates),
            Self.entry(.lifecycle, cache: cache, rows: lifecycle.entries.count, dates: nil)
                .with(disagreements: lifecycle),
        ]))
    }

    static func rowCount(_ catalogue: PriceCatalogue) -> Int {
        catalogue.vms.count + catalogue.storageRows.count + catalogue.discounts.count
            + catalogue.licences.values.flatMap(\.values).map(\.count).reduce(0, +)
    }

    /// What the cache holds of `catalogue`: the embedded one's rows, or the refreshed file and its record.
    static func entry(_ catalogue: CatalogueCache.Catalogue, cache: CatalogueCache, rows: Int,
                      dates: (earliest: String, latest: String)?) -> CatalogueStatus.Entry {
        let name = catalogue.rawValue
        guard cache.hasRefreshed(catalogue) else { return CatalogueStatus.Entry(name: name, rows: rows, dates: dates) }
        let path = cache.path(catalogue)
        guard let sidecar = cache.sidecar(catalogue) else {
            return CatalogueStatus.Entry(name: name, rows: rows, dates: dates, path: path,
                                         recordPath: cache.sidecarPath(catalogue))
        }
        let bytes = FileManager.default.contents(atPath: path).map { Array($0) } ?? []
        let record = CatalogueStatus.Record(fetchedAt: sidecar.fetchedAt, sha256: sidecar.sha256,
                                            sha256Matches: SHA256.hex(bytes) == sidecar.sha256,
                                            sources: sidecar.sources, refreshed: sidecar.refreshed,
                                            changes: sidecar.changes)
        return CatalogueStatus.Entry(name: name, rows: rows, dates: dates, path: path, record: record)
    }
}

struct CatalogueRefreshCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Fetch current prices and support dates over HTTPS, check them, and keep them in the cache.",
        discussion: """
        With neither --prices nor --lifecycle, refreshes Azure prices and the lifecycle catalogue. Each catalogue \
        is written to a temporary file, checked (every row parses, every price is positive, no row the embedded \
        catalogue prices is missing) and only then renamed into place, with a record of its sources, fetch time, \
        SHA-256 and row counts beside it; a failed or interrupted refresh leaves the previous catalogue as it was. \
        Prices that moved by more than --max-change, and lifecycle dates on which the sources disagree, are \
        reported and kept for review.

        HTTPS only; proxies from HTTPS_PROXY and NO_PROXY (as libcurl reads them); retries on 429 and 5xx with \
        backoff, honouring Retry-After. AWS and Google prices are not yet supported.

        Exit codes: 0 refreshed; 2 a bad response (an HTTP error, a body that is not JSON or of the wrong shape, \
        too large, a redirect to http://, a failed check) or a wrong command line; 3 a network or file failure \
        (cannot connect, a certificate not trusted, a timeout, a response cut off).
        """
    )

    enum PriceSource: String, ExpressibleByArgument, CaseIterable {
        case azure, aws, gcp, all
    }

    @Option(help: ArgumentHelp("Prices to refresh: azure, aws, gcp or all (aws and gcp are not yet supported).",
                               valueName: "source"))
    var prices: PriceSource?

    @Flag(help: "Refresh the lifecycle catalogue from endoflife.date.")
    var lifecycle = false

    @Option(help: ArgumentHelp("Replace each source's base URL (https://prices.azure.com, https://endoflife.date) "
        + "with this one, for a mirror or a test server; https only.", valueName: "url"))
    var endpoint: String?

    @Option(name: .customLong("ca-file"), help: ArgumentHelp(
        "Verify servers with the CA certificates in this PEM file (the certificate of a TLS-inspecting proxy), in "
            + "place of libcurl's default CA bundle.", valueName: "path"))
    var caFile: String?

    @OptionGroup var cacheOption: CacheOption

    @Flag(help: "Forbid the network: a refresh with it fails, saying so.")
    var offline = false

    @Option(help: ArgumentHelp("Seconds one request may take, connection and body (default: 60).", valueName: "s"))
    var timeout: Double = 60

    @Option(name: .customLong("max-response-bytes"), help: ArgumentHelp(
        "Largest response accepted, in bytes (default: 67108864, 64 MiB).", valueName: "n"))
    var maxResponseBytes = 64 * 1_024 * 1_024

    @Option(name: .customLong("max-change"), help: ArgumentHelp(
        "Report a price that moved by more than this factor either way against the previous catalogue "
            + "(default: 1.5).", valueName: "factor"))
    var maxChange = PriceRefresh.defaultMaxChange

    func validate() throws {
        if let endpoint {
            guard let url = URL(string: endpoint), url.scheme?.lowercased() == "https", url.host != nil else {
                throw ValidationError("--endpoint must be an https URL, not '\(endpoint)'")
            }
        }
        if timeout <= 0 { throw ValidationError("--timeout must be more than 0 seconds") }
        if maxResponseBytes <= 0 { throw ValidationError("--max-response-bytes must be more than 0") }
        if maxChange <= 1 { throw ValidationError("--max-change must be more than 1 (a factor either way)") }
    }

    func run() throws {
        if offline {
            throw CommandFailure(.invalidInput, message: "cloudfirst: catalogue refresh needs the network, which "
                + "--offline forbids; nothing was changed.")
        }
        let source = prices ?? (lifecycle ? nil : .azure)
        if source == .aws || source == .gcp {
            throw CommandFailure(.invalidInput, message: "cloudfirst: --prices \(source!.rawValue) is not yet "
                + "supported: only Azure prices are refreshed (docs/catalogues.md); nothing was changed.")
        }
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw CommandFailure(.invalidInput, message: "cloudfirst: --ca-file '\(caFile)' cannot be read")
        }
        let refreshLifecycle = lifecycle || prices == nil
        var settings = HTTPSClient.Settings()
        settings.caFile = caFile
        settings.requestTimeout = timeout
        settings.connectTimeout = min(15, timeout)
        settings.maxResponseBytes = maxResponseBytes
        settings.userAgent = "cloudfirst/\(CloudFirstVersion.current)"
        let client = HTTPSClient(settings: settings) { url, status, wait in
            Progress.clear()
            Terminal.err("cloudfirst: HTTP \(status) from \(url); retrying in \(Self.seconds(wait))")
        }
        let cache = cacheOption.cache
        if source == .all {
            Terminal.err("cloudfirst: AWS and Google prices are not yet supported; refreshing Azure's.")
        }
        if source != nil {
            let previous = try previousText(.prices, cache: cache, embedded: EmbeddedPrices.text)
            let azure = AzureRetailPrices(client: client, base: endpoint ?? AzureRetailPrices.defaultBase)
            let outcome = try PriceRefresh(previousCSV: previous, maxChange: maxChange).refreshAzure(azure) {
                done, total, sku in
                Progress.count(done, of: total, "Azure prices (\(sku))")
            }
            Progress.done()
            try cache.install(.prices, csv: outcome.csv, sidecar: outcome.sidecar)
            report(outcome.sidecar, path: cache.path(.prices), what: "changes of more than a factor of \(maxChange)")
        }
        if refreshLifecycle {
            do {
                let previous = try previousText(.lifecycle, cache: cache, embedded: EmbeddedLifecycle.text)
                let endOfLife = EndOfLifeDate(client: client, base: endpoint ?? EndOfLifeDate.defaultBase)
                let outcome = try LifecycleRefresh(previousCSV: previous).refresh(endOfLife) { done, total, product in
                    Progress.count(done, of: total, "support dates (\(product))")
                }
                Progress.done()
                try cache.install(.lifecycle, csv: outcome.csv, sidecar: outcome.sidecar)
                report(outcome.sidecar, path: cache.path(.lifecycle), what: "to review")
            } catch let error as RefreshError where source != nil {
                // The prices were installed already: say so, rather than that nothing changed.
                throw CommandFailure(error.exitStatus, message: "cloudfirst: lifecycle refresh failed: \(error)\n"
                    + "  The prices were refreshed (above); the lifecycle catalogue is unchanged.")
            }
        }
    }

    /// The catalogue a refresh starts from: the refreshed one in the cache, else the embedded one. A cached one that
    /// does not parse stops the refresh rather than being replaced unseen.
    func previousText(_ catalogue: CatalogueCache.Catalogue, cache: CatalogueCache, embedded: String) throws -> String {
        guard cache.hasRefreshed(catalogue) else { return embedded }
        let path = cache.path(catalogue)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(.internalFailure, message: "cloudfirst: cannot read \(path)")
        }
        switch catalogue {
        case .prices: _ = try PriceCatalogue(contentsOfFile: path, provenance: nil)
        case .lifecycle: _ = try LifecycleCatalogue(contentsOfFile: path, provenance: nil)
        }
        return String(decoding: data, as: UTF8.self)
    }

    func report(_ sidecar: Sidecar, path: String, what: String) {
        var lines = ["\(sidecar.catalogue): refreshed at \(sidecar.fetchedAt) into \(path), \(sidecar.rows) rows "
            + "(SHA-256 \(sidecar.sha256))", "  " + sidecar.refreshed.joined(separator: "; ")]
        lines.append(sidecar.changes.isEmpty ? "  nothing \(what)" : "  \(sidecar.changes.count) \(what):")
        lines += sidecar.changes.map { "    " + $0 }
        Terminal.out(lines.joined(separator: "\n"))
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}
