import Foundation
import Testing

/// `cloudfirst catalogue refresh` against a real HTTPS server on loopback: Python's http.server behind TLS with a
/// certificate each run generates with openssl, serving pages shaped like Azure's Retail Prices API and
/// endoflife.date's API v1 through `--endpoint` and `--ca-file`. After every failure the previous catalogue is byte
/// for byte what it was.
@Suite(.serialized) struct CatalogueCommandTests {
    static let asOf = ["--as-of", "2026-11-25"]

    /// The test server: answers by path, and by its scenario for the failures.
    static let serverScript = #"""
        import http.server, json, re, signal, ssl, sys, threading, time, urllib.parse
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        cert, key, table_path, scenario = sys.argv[1:5]
        table = json.load(open(table_path))
        state = {"n": 0}
        lock = threading.Lock()

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def send(self, status, body, headers=()):
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers:
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                with lock:
                    state["n"] += 1
                    n = state["n"]
                host = self.headers["Host"]
                if scenario == "500-once" and n == 1:
                    return self.send(500, b'{"error": "try again"}')
                if scenario == "429-once" and n == 1:
                    return self.send(429, b'{}', [("Retry-After", "1")])
                if scenario == "503-always":
                    return self.send(503, b'{}')
                if scenario == "redirect-http":
                    return self.send(302, b'', [("Location", "http://" + host + self.path)])
                if scenario == "invalid-json":
                    return self.send(200, b'{"Items": [{"currencyCode": "USD", ')
                if scenario == "wrong-shape":
                    return self.send(200, b'{"items": [], "NextPageLink": null}')
                if scenario == "huge":
                    return self.send(200, b'{"Items": [' + b' ' * 3000000 + b']}')
                if scenario == "huge-chunked":
                    self.send_response(200)
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    chunk = b' ' * 65536
                    try:
                        for _ in range(64):
                            self.wfile.write(b'%x\r\n' % len(chunk) + chunk + b'\r\n')
                        self.wfile.write(b'0\r\n\r\n')
                    except OSError:
                        pass
                    self.close_connection = True
                    return
                if scenario == "slow":
                    time.sleep(6)
                    return self.send(200, b'{"Items": [], "NextPageLink": null}')
                if scenario == "cut-off":
                    self.send_response(200)
                    self.send_header("Content-Length", "5000")
                    self.end_headers()
                    self.wfile.write(b'{"Items": [')
                    self.wfile.flush()
                    self.close_connection = True
                    return
                url = urllib.parse.urlsplit(self.path)
                query = urllib.parse.parse_qs(url.query)
                if scenario == "lifecycle-invalid" and url.path.startswith("/api/v1/"):
                    return self.send(200, b'<html>maintenance</html>')
                if url.path == "/api/retail/prices":
                    text = query.get("$filter", [""])[0]
                    currency = query.get("currencyCode", ["'USD'"])[0].strip("'")
                    # The table is in US dollars; pounds at the test's own stand-in rate of 0.8.
                    rate = 0.8 if currency == "GBP" else 1.0
                    region = re.search(r"armRegionName eq '([^']+)'", text).group(1)
                    if "serviceName eq 'Storage'" in text:
                        product = re.search(r"productName eq '([^']+)'", text).group(1)
                        meter = re.search(r"meterName eq '([^']+)'", text).group(1)
                        found = None if scenario == "storage-missing" else table["storage"].get(meter)
                        def stored(price, unit, tier=0.0, kind="Consumption", meter_name=meter):
                            return {"currencyCode": currency, "tierMinimumUnits": tier, "retailPrice": price,
                                    "unitPrice": price, "armRegionName": region, "location": "UK South",
                                    "effectiveStartDate": "2026-01-01T00:00:00Z", "meterId": "m",
                                    "meterName": meter_name, "productId": "p", "skuId": "s", "productName": product,
                                    "skuName": meter_name.replace(" Data Stored", "").replace(" Disk", ""),
                                    "serviceName": "Storage", "serviceId": "DZH317F1HKN0",
                                    "serviceFamily": "Storage", "unitOfMeasure": unit, "type": kind,
                                    "isPrimaryMeterRegion": True, "armSkuName": ""}
                        items = [] if found is None else [stored(found[0], found[1]),
                                                          stored(found[0] / 2, found[1], tier=51200.0),
                                                          stored(found[0] / 3, found[1], kind="Reservation")]
                        body = {"BillingCurrency": currency, "CustomerEntityId": "Default",
                                "CustomerEntityType": "Retail", "Items": items, "NextPageLink": None,
                                "Count": len(items)}
                        return self.send(200, json.dumps(body).encode())
                    sku = re.search(r"armSkuName eq '([^']+)'", text).group(1)
                    skip = int(query.get("$skip", ["0"])[0])
                    rates = None if scenario == "empty" else table["azure"].get(sku)
                    def item(kind, product, sku_name, price, term=None):
                        price = price * rate
                        entry = {"currencyCode": currency, "tierMinimumUnits": 0.0, "retailPrice": price,
                                 "unitPrice": price, "armRegionName": region, "location": "UK South",
                                 "effectiveStartDate": "2026-01-01T00:00:00Z", "meterId": "m", "meterName": sku_name,
                                 "productId": "p", "skuId": "s", "productName": product, "skuName": sku_name,
                                 "serviceName": "Virtual Machines", "serviceId": "DZH313Z7MMC8",
                                 "serviceFamily": "Compute", "unitOfMeasure": "1 Hour", "type": kind,
                                 "isPrimaryMeterRegion": True, "armSkuName": sku}
                        if term:
                            entry["reservationTerm"] = term
                        return entry
                    series = "Virtual Machines Series"
                    name = sku.replace("Standard_", "").replace("_", " ")
                    if rates is None:
                        items, following = [], None
                    elif skip == 0:
                        items = [item("Consumption", series, name, rates[0]),
                                 item("Consumption", series + " Windows", name, rates[1]),
                                 item("Consumption", series, name + " Spot", rates[0] / 10),
                                 item("DevTestConsumption", series + " Windows", name, rates[0])]
                        following = "https://%s/api/retail/prices?%s" % (host, urllib.parse.urlencode(
                            {"currencyCode": "'%s'" % currency, "$filter": text, "$skip": "100"}))
                    else:
                        items = []
                        if rates[2]:
                            items.append(item("Reservation", series, name, rates[2], "1 Year"))
                        if rates[3]:
                            items.append(item("Reservation", series, name, rates[3], "3 Years"))
                        following = None
                    body = {"BillingCurrency": currency, "CustomerEntityId": "Default", "CustomerEntityType": "Retail",
                            "Items": items, "NextPageLink": following, "Count": len(items)}
                    return self.send(200, json.dumps(body).encode())
                match = re.fullmatch(r"/api/v1/products/([^/]+)/", url.path)
                if match and match.group(1) in table["eol"]:
                    body = {"schema_version": "1.2.0", "generated_at": "2026-12-01T00:00:00+00:00",
                            "result": {"name": match.group(1), "label": match.group(1),
                                       "releases": table["eol"][match.group(1)]}}
                    return self.send(200, json.dumps(body).encode())
                return self.send(404, b'{"message": "not found"}')

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#

    /// A forward proxy that tunnels CONNECT, as a trust's proxy does for HTTPS, and logs each request line.
    static let proxyScript = #"""
        import signal, socket, sys, threading
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        log = open(sys.argv[1], "a")
        lock = threading.Lock()

        def pipe(source, target):
            try:
                while True:
                    data = source.recv(65536)
                    if not data:
                        break
                    target.sendall(data)
            except OSError:
                pass
            finally:
                for end in (source, target):
                    try:
                        end.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass

        def handle(client):
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = client.recv(4096)
                if not chunk:
                    client.close()
                    return
                head += chunk
            line = head.split(b"\r\n")[0].decode()
            with lock:
                log.write(line + "\n")
                log.flush()
            method, target, _ = line.split(" ", 2)
            if method != "CONNECT":
                client.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
                client.close()
                return
            host, port = target.rsplit(":", 1)
            upstream = socket.create_connection((host, int(port)))
            client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            threading.Thread(target=pipe, args=(client, upstream), daemon=True).start()
            pipe(upstream, client)

        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        print(listener.getsockname()[1], flush=True)
        while True:
            connection, _ = listener.accept()
            threading.Thread(target=handle, args=(connection,), daemon=True).start()
        """#

    /// A self-signed certificate for 127.0.0.1, made once a run with openssl.
    static let tls: (cert: String, key: String, folder: URL) = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cloudfirst-tls-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let (cert, key) = (folder.appendingPathComponent("cert.pem").path, folder.appendingPathComponent("key.pem").path)
        _ = try? Binary.run("/usr/bin/env", ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                                             "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
                                             "subjectAltName=IP:127.0.0.1,DNS:localhost"])
        return (cert, key, folder)
    }()

    static var haveTools: Bool {
        FileManager.default.fileExists(atPath: tls.cert)
            && ((try? Binary.run("/usr/bin/env", ["python3", "-c", "import ssl"]))?.status == 0)
    }

    /// The prices the server gives each Azure size: the embedded ones up by 5 per cent (reservations for their whole
    /// term), except Standard_D2s_v5's Linux rate, up by 60 per cent (still below its Windows one), which the refresh must report.
    static func azureTable() throws -> [String: [Double?]] {
        let text = try String(contentsOf: Binary.root.appendingPathComponent("Catalogues/prices.csv"), encoding: .utf8)
        var table: [String: [Double?]] = [:]
        for row in PlanCommandTests.csvRows(text) where row.count > 11 && row[0] == "vm" && row[1] == "azure" {
            let up = { (text: String, hours: Double) -> Double? in Double(text).map { $0 * 1.05 * hours } }
            var linux = up(row[8], 1)!
            if row[3] == "Standard_D2s_v5" { linux = Double(row[8])! * 1.6 }
            table[row[3]] = [linux, up(row[9], 1), up(row[10], 8_760), up(row[11], 26_280)]
        }
        return table
    }

    /// endoflife.date's Windows Server releases: the catalogue's own dates, except 2012 R2's end of extended
    /// support, a day later, which must be kept as the catalogue has it and reported.
    static let eolTable: [String: [[String: String]]] = [
        "windows-server": [
            ["name": "2016", "releaseDate": "2016-10-15", "eoasFrom": "2022-01-11", "eolFrom": "2027-01-12"],
            ["name": "2012-r2", "releaseDate": "2013-11-25", "eoasFrom": "2018-10-09", "eolFrom": "2023-10-11"],
        ],
        "postgresql": [["name": "16", "releaseDate": "2023-09-14", "eolFrom": "2028-11-09"],
                       ["name": "18", "releaseDate": "2025-09-25", "eolFrom": "2030-11-14"]],
    ]

    /// Azure's storage meters in pounds, as a Retail Prices API answer gives them: a Standard SSD E30 disk a month
    /// (1,024 GiB), and snapshots and Blob Cool data a GB-month. The server adds a second tier at half the price and a
    /// reservation at a third, which the refresh must pass over.
    static var storageTable: [String: [Any]] {
        ["E30 LRS Disk": [61.44, "1/Month"], "LRS Snapshots": [0.04, "1 GB/Month"],
         "Cool LRS Data Stored": [0.0115, "1 GB/Month"]]
    }

    /// A running server; stopped when the value goes.
    final class Server {
        let process = Process()
        let url: String
        let port: String

        convenience init(_ scenario: String, scratch: Scratch) throws {
            let table = try JSONSerialization.data(withJSONObject: ["azure": try azureTable().mapValues {
                $0.map { $0.map { $0 as Any } ?? NSNull() }
            }, "eol": CatalogueCommandTests.eolTable, "storage": CatalogueCommandTests.storageTable])
            let tablePath = try scratch.write("server-table.json", table)
            let script = try scratch.write("server.py", CatalogueCommandTests.serverScript)
            try self.init(script: script, [tls.cert, tls.key, tablePath, scenario])
        }

        /// A Python script that prints the port it listens on, then serves.
        init(script: String, _ arguments: [String]) throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script] + arguments
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            var line = Data()
            while !line.contains(0x0A) {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line.append(chunk)
            }
            port = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            url = "https://127.0.0.1:\(port)"
        }

        /// SIGKILL: the test runner may have SIGTERM ignored, and an ignored signal stays ignored across exec.
        deinit {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// The environment of every refresh: loopback never through a proxy the machine may have set.
    static let environment = ["NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"]

    static func refresh(_ server: Server, cache: String, _ extra: [String] = [], trust: Bool = true) throws
        -> Binary.Run {
        try Binary.cloudfirst(["catalogue", "refresh", "--prices", "azure", "--lifecycle", "--endpoint", server.url,
                               "--cache-dir", cache] + (trust ? ["--ca-file", tls.cert] : []) + extra,
                              environment: environment)
    }

    static let files = ["prices.csv", "prices.json", "lifecycle.csv", "lifecycle.json"]

    static func snapshot(_ cache: String) -> [String: Data] {
        var bytes: [String: Data] = [:]
        for name in files { bytes[name] = FileManager.default.contents(atPath: cache + "/" + name) }
        return bytes
    }

    /// A cache holding one successful refresh.
    static func seeded(_ scratch: Scratch) throws -> String {
        let cache = scratch.url.appendingPathComponent("cache").path
        let server = try Server("ok", scratch: scratch)
        let run = try refresh(server, cache: cache)
        #expect(run.status == 0, "\(run.stderr)")
        return cache
    }

    @Test(.enabled(if: haveTools, "needs openssl and python3")) func refreshFollowsEveryPageChecksAndInstalls() throws {
        let scratch = try Scratch()
        let cache = scratch.url.appendingPathComponent("cache").path
        let server = try Server("ok", scratch: scratch)
        let run = try Self.refresh(server, cache: cache)
        #expect(run.status == 0, "\(run.stderr)")

        // Every Azure size priced from both pages: the Consumption page and, after NextPageLink, the Reservation one.
        let table = try Self.azureTable()
        let rows = PlanCommandTests.csvRows(try String(contentsOfFile: cache + "/prices.csv", encoding: .utf8))
        let azure = rows.filter { $0.count > 11 && $0[0] == "vm" && $0[1] == "azure" }
        #expect(azure.count == table.count)
        let d4 = try #require(azure.first { $0[3] == "Standard_D4s_v5" })
        let expected = try #require(table["Standard_D4s_v5"])
        // Asked in pounds: the server's stand-in rate of 0.8 applied at the source, none by the refresh.
        #expect(abs(Double(d4[8])! - expected[0]! * 0.8) < 1e-6)
        #expect(abs(Double(d4[10])! - expected[2]! * 0.8 / 8_760) < 1e-6, "the 1-year rate comes from the second page")
        #expect(abs(Double(d4[11])! - expected[3]! * 0.8 / 26_280) < 1e-6)
        #expect(d4[13].contains(server.url + "/api/retail/prices"))
        #expect(rows[0].last == "currency" && d4[16] == "GBP")
        // The rows no refresh touches are the embedded ones, byte for byte, with an empty (US dollar) currency.
        let embedded = PlanCommandTests.csvRows(try String(contentsOf: Binary.root.appendingPathComponent(
            "Catalogues/prices.csv"), encoding: .utf8))
        let untouched = rows.filter { $0.count > 1 && $0[1] != "azure" }
        #expect(untouched.map { Array($0.prefix(16)) } == embedded.filter { $0.count > 1 && $0[1] != "azure" })
        #expect(untouched.dropFirst().allSatisfy { $0.count == 17 && $0[16].isEmpty }, "the header is the first row")

        // Azure's storage rows from their Storage meters, first tier, pay as you go, in pounds; the disk's month
        // over its 1,024 GiB.
        let storage = Dictionary(rows.filter { $0.count > 16 && $0[1] == "azure" && $0[0] != "vm" }.map { ($0[0], $0) },
                                 uniquingKeysWith: { first, _ in first })
        #expect(storage["storage"]?[8] == "0.06" && storage["storage"]?[16] == "GBP", "61.44 / 1,024")
        #expect(storage["backup"]?[8] == "0.04" && storage["backup"]?[16] == "GBP")
        #expect(storage["object"]?[8] == "0.0115" && storage["object"]?[16] == "GBP")
        #expect(storage["storage"]?[13].contains("meter E30 LRS Disk, 1/Month; 61.44 GBP a disk-month over 1024 GiB") == true,
                "\(storage["storage"]?[13] ?? "")")

        // The record: sources, the file's SHA-256, rows, and the doubled price reported.
        let sidecar = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath:
            cache + "/prices.json"))) as? [String: Any])
        let sum = try Binary.run("/usr/bin/env", ["sha256sum", cache + "/prices.csv"])
        #expect(sum.stdout.hasPrefix(try #require(sidecar["sha256"] as? String)))
        #expect((sidecar["sources"] as? [String])?.count == table.count + 3, "every size and storage meter")
        #expect((sidecar["sources"] as? [String])?.contains { $0.contains("serviceName%20eq%20'Storage'") } == true,
                "\(sidecar["sources"] ?? "")")
        #expect(sidecar["rows"] as? Int == embedded.filter { $0 != [""] }.count - 1)
        #expect(run.stdout.contains("Standard_D2s_v5 Linux: USD"), "\(run.stdout)")

        // The lifecycle disagreement is kept as the catalogue has it, noted in the row and reported.
        let lifecycle = PlanCommandTests.csvRows(try String(contentsOfFile: cache + "/lifecycle.csv", encoding: .utf8))
        let r2 = try #require(lifecycle.first { $0.count > 8 && $0[1] == "Windows Server" && $0[2] == "2012 R2" })
        #expect(r2[5] == "2023-10-10")
        #expect(r2[8].contains("endoflife.date gives extended_end 2023-10-11, this row 2023-10-10 (kept; review)"))
        #expect(run.stdout.contains("Windows Server 2012 R2: extended_end is 2023-10-10 here, 2023-10-11 on "
            + "endoflife.date"), "\(run.stdout)")
        #expect(run.stdout.contains("1 disagree"), "\(run.stdout)")
        #expect(r2[9] == "extended_end 2023-10-11 (endoflife.date)", "the disagreement column")
        // A release endoflife.date lists for a merged product and the catalogue lacks is added, marked as such.
        let added = try #require(lifecycle.first { $0.count > 8 && $0[1] == "PostgreSQL" && $0[2] == "18" })
        #expect(added[5] == "2030-11-14" && added[8].hasPrefix("added from endoflife.date"))
        #expect(run.stdout.contains("PostgreSQL 18: added from endoflife.date"), "\(run.stdout)")

        // show names the refreshed catalogues; plan says which it priced from.
        let show = try Binary.cloudfirst(["catalogue", "show", "--cache-dir", cache, "--format", "json"])
        #expect(show.status == 0, "\(show.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        let catalogues = try #require(document["catalogues"] as? [[String: Any]])
        #expect(catalogues.map { $0["in_use"] as? String } == ["refreshed", "refreshed"])
        #expect(catalogues.map { $0["sha256_matches"] as? Bool } == [true, true])
        let plan = try Binary.cloudfirst(["plan", "--cache-dir", cache, "--format", "markdown"] + Self.asOf)
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("The price catalogue is the one refreshed at"), "\(plan.stdout)")
        #expect(plan.stdout.contains(server.url + "/api/retail/prices"))
        let embeddedPlan = try Binary.cloudfirst(["plan", "--cache-dir", scratch.url.appendingPathComponent("empty").path,
                                                  "--format", "markdown"] + Self.asOf)
        #expect(!embeddedPlan.stdout.contains("refreshed at"))
        #expect(embeddedPlan.stdout != plan.stdout, "the refreshed prices change the figures")
    }

    @Test(.enabled(if: haveTools, "needs openssl and python3"), arguments: [
        ("invalid-json", [String](), Int32(2), "the response is not JSON"),
        ("wrong-shape", [], 2, "JSON of the wrong shape: no 'Items' at the top level"),
        ("empty", [], 2, "no pay-as-you-go Linux and Windows price for"),
        ("redirect-http", [], 2, "which is not https: refused"),
        ("huge", ["--max-response-bytes", "1000000"], 2, "larger than the limit of 1000000 bytes"),
        ("huge-chunked", ["--max-response-bytes", "1000000"], 2, "stopped reading at the limit"),
        ("slow", ["--timeout", "2"], 3, "timed out"),
        ("cut-off", [], 3, "the response was cut off"),
        ("503-always", [], 2, "HTTP 503 Service Unavailable after 4 attempts"),
        ("storage-missing", [], 2, "no pay-as-you-go price for meter 'E30 LRS Disk' of 'Standard SSD Managed Disks'"),
    ])
    func aFailureLeavesThePreviousCatalogueUntouched(_ scenario: String, _ extra: [String], _ status: Int32,
                                                     _ message: String) throws {
        let scratch = try Scratch()
        let cache = try Self.seeded(scratch)
        let before = Self.snapshot(cache)
        #expect(before.count == 4)
        let server = try Server(scenario, scratch: scratch)
        let run = try Self.refresh(server, cache: cache, extra)
        #expect(run.status == status, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stderr.contains("The previous catalogue is unchanged."))
        #expect(!run.stderr.contains("Fatal error"), "no crash trace")
        #expect(Self.snapshot(cache) == before, "the previous catalogue is byte for byte unchanged")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix(".cloudfirst-") }
        #expect(leftovers.isEmpty, "no temporary file is left behind")
    }

    /// The prices are installed before the lifecycle catalogue is fetched: a lifecycle failure then says the prices
    /// were refreshed, and leaves the lifecycle catalogue as it was.
    @Test(.enabled(if: haveTools, "needs openssl and python3")) func aLifecycleFailureAfterThePricesSaysSo() throws {
        let scratch = try Scratch()
        let cache = try Self.seeded(scratch)
        let before = Self.snapshot(cache)
        let server = try Server("lifecycle-invalid", scratch: scratch)
        let run = try Self.refresh(server, cache: cache)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("cloudfirst: lifecycle refresh failed: "), "\(run.stderr)")
        #expect(run.stderr.contains("the response is not JSON"))
        #expect(run.stderr.contains("The prices were refreshed (above); the lifecycle catalogue is unchanged."))
        #expect(run.stdout.contains("prices: refreshed at "))
        let after = Self.snapshot(cache)
        #expect(after["lifecycle.csv"] == before["lifecycle.csv"] && after["lifecycle.json"] == before["lifecycle.json"])
        #expect(after["prices.csv"] != nil && after["prices.json"] != nil)
    }

    @Test(.enabled(if: haveTools, "needs openssl and python3"),
          arguments: [("500-once", "HTTP 500 from"), ("429-once", "HTTP 429 from")])
    func aServerErrorIsRetried(_ scenario: String, _ message: String) throws {
        let scratch = try Scratch()
        let server = try Server(scenario, scratch: scratch)
        let run = try Self.refresh(server, cache: scratch.url.appendingPathComponent("cache").path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains(message) && run.stderr.contains("retrying in 1 s"), "\(run.stderr)")
        #expect(run.seconds >= 1, "the retry waited as Retry-After or the backoff said")
    }

    @Test(.enabled(if: haveTools, "needs openssl and python3")) func aProxyFromHTTPSProxyTunnelsEveryRequest() throws {
        let scratch = try Scratch()
        let server = try Server("ok", scratch: scratch)
        let log = scratch.url.appendingPathComponent("proxy.log").path
        let proxy = try Server(script: try scratch.write("proxy.py", Self.proxyScript), [log])
        let cache = scratch.url.appendingPathComponent("cache").path
        let run = try Binary.cloudfirst(["catalogue", "refresh", "--prices", "azure", "--endpoint", server.url,
                                         "--ca-file", Self.tls.cert, "--cache-dir", cache],
                                        environment: ["HTTPS_PROXY": "http://127.0.0.1:\(proxy.port)",
                                                      "https_proxy": "http://127.0.0.1:\(proxy.port)",
                                                      "NO_PROXY": "", "no_proxy": ""])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = (try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n") ?? []
        #expect(!lines.isEmpty, "the refresh went through the proxy")
        #expect(lines.allSatisfy { $0.hasPrefix("CONNECT 127.0.0.1:\(server.port) ") }, "\(lines)")
        #expect(FileManager.default.fileExists(atPath: cache + "/prices.csv"))
    }

    @Test(.enabled(if: haveTools, "needs openssl and python3")) func anUntrustedCertificateIsRejected() throws {
        let scratch = try Scratch()
        let cache = try Self.seeded(scratch)
        let before = Self.snapshot(cache)
        let server = try Server("ok", scratch: scratch)
        let run = try Self.refresh(server, cache: cache, trust: false)
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("certificate is not trusted"), "\(run.stderr)")
        #expect(run.stderr.contains("--ca-file"))
        #expect(Self.snapshot(cache) == before)
    }

    @Test func plainHTTPIsRefusedBeforeAnyRequest() throws {
        let run = try Binary.cloudfirst(["catalogue", "refresh", "--endpoint", "http://127.0.0.1:9"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--endpoint must be an https URL"), "\(run.stderr)")
    }

    @Test func offlineAndUnsupportedSourcesSaySo() throws {
        let scratch = try Scratch()
        let offline = try Binary.cloudfirst(["catalogue", "refresh", "--offline", "--cache-dir", scratch.url.path])
        #expect(offline.status == 2)
        #expect(offline.stderr.contains("--offline forbids"))
        for source in ["aws", "gcp"] {
            let run = try Binary.cloudfirst(["catalogue", "refresh", "--prices", source, "--cache-dir", scratch.url.path])
            #expect(run.status == 2)
            #expect(run.stderr.contains("--prices \(source) is not yet supported"), "\(run.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
    }

    @Test func showNamesTheEmbeddedCataloguesWithoutACache() throws {
        let scratch = try Scratch()
        let run = try Binary.cloudfirst(["catalogue", "show", "--cache-dir", scratch.url.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Cache folder: \(scratch.url.path)"))
        #expect(run.stdout.contains("prices: embedded, data "))
        #expect(run.stdout.contains("lifecycle: embedded, "))
    }

    @Test func aBrokenRefreshedCatalogueIsNamedWithItsLine() throws {
        let scratch = try Scratch()
        let text = try String(contentsOf: Binary.root.appendingPathComponent("Catalogues/prices.csv"), encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        lines[2] = lines[2].replacingOccurrences(of: ",0.222,", with: ",-1,")
        let path = try scratch.write("cache/prices.csv", lines.joined(separator: "\n"))
        let run = try Binary.cloudfirst(["plan", "--cache-dir", scratch.url.appendingPathComponent("cache").path]
            + Self.asOf)
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(path):3: a price row that does not parse"), "\(run.stderr)")
    }
}
