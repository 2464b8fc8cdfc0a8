import CCurl
import CloudFirstCore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What went wrong fetching or reading a catalogue source: each names the URL (or file) and what failed. A response
/// that is wrong (an HTTP error after the retries, a body that is too large, not JSON or of the wrong shape, a
/// redirect to plain HTTP) ends the command with exit code 2; a network or file failure (cannot connect, a
/// certificate not trusted, a timeout, a body cut off, a file that cannot be written) with 3.
public struct RefreshError: CloudFirstError, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case badResponse, io
    }

    public let kind: Kind
    /// The URL or path the failure concerns.
    public let subject: String
    public let problem: String
    /// The HTTP status, when the failure is one.
    public var status: Int?

    public init(_ kind: Kind, _ subject: String, _ problem: String, status: Int? = nil) {
        self.kind = kind
        self.subject = subject
        self.problem = problem
        self.status = status
    }

    public var exitStatus: ExitStatus { kind == .badResponse ? .invalidInput : .internalFailure }
    public var message: String {
        "cloudfirst: catalogue refresh failed: \(subject): \(problem)\n  The previous catalogue is unchanged."
    }
    public var description: String { "\(subject): \(problem)" }
}

/// A GET-only HTTPS client on libcurl (opened at run time, so that only a refresh needs it installed): https only (a plain `http://` URL or a redirect to one is refused), a connect
/// and an overall timeout, a size limit per response enforced while the body streams in, bounded retries with
/// exponential backoff on 429 and 5xx that honour `Retry-After`, and an optional CA bundle for a TLS-inspecting
/// proxy. Proxies come from the environment as libcurl reads it (`HTTPS_PROXY` or `https_proxy`, `NO_PROXY` or
/// `no_proxy`); nothing here sets one.
public struct HTTPSClient: Sendable {
    public struct Settings: Sendable {
        /// Seconds to wait for the TCP and TLS connection.
        public var connectTimeout: Double = 15
        /// Seconds one request may take, connection and whole body included.
        public var requestTimeout: Double = 60
        /// Requests a URL gets at most: the first and the retries.
        public var attempts = 4
        /// The first retry's wait in seconds, doubled for each further one when the server gives no Retry-After.
        public var firstBackoff: Double = 1
        /// The longest wait a Retry-After may ask for; a longer one fails the refresh rather than hanging it.
        public var longestWait: Double = 120
        /// The largest body accepted, in bytes.
        public var maxResponseBytes = 64 * 1_024 * 1_024
        /// A PEM file of CA certificates to verify the server with, instead of libcurl's default bundle.
        public var caFile: String?
        /// Redirects followed at most, each to an https URL.
        public var maxRedirects = 5
        public var userAgent = "cloudfirst"

        public init() {}
    }

    public let settings: Settings
    /// Called before a retry with the URL, the HTTP status and the wait in seconds (for progress on stderr).
    public let onRetry: @Sendable (String, Int, Double) -> Void

    public init(settings: Settings = Settings(), onRetry: @escaping @Sendable (String, Int, Double) -> Void = { _, _, _ in }) {
        self.settings = settings
        self.onRetry = onRetry
    }

    /// The body of a 200 response to GET `url`, after any https redirects and retries.
    public func get(_ url: String) throws -> Data {
        var current = try Self.checkedHTTPS(url, from: nil)
        var redirects = 0
        var attempt = 1
        while true {
            let response = try once(current)
            switch response.status {
            case 200:
                return response.body
            case 301, 302, 303, 307, 308:
                guard let location = response.location else {
                    throw RefreshError(.badResponse, current, "HTTP \(response.status) without a Location to follow")
                }
                redirects += 1
                guard redirects <= settings.maxRedirects else {
                    throw RefreshError(.badResponse, url, "more than \(settings.maxRedirects) redirects")
                }
                current = try Self.checkedHTTPS(location, from: current)
            case 429, 500...599:
                guard attempt < settings.attempts else {
                    throw RefreshError(.badResponse, current, "HTTP \(response.status) \(Self.reason(response.status)) after \(settings.attempts) attempts",
                                       status: response.status)
                }
                let backoff = settings.firstBackoff * pow(2, Double(attempt - 1))
                let wait = response.retryAfter ?? backoff
                guard wait <= settings.longestWait else {
                    throw RefreshError(.badResponse, current, "HTTP \(response.status): the server asks to retry after "
                        + "\(Int(wait)) seconds, longer than the \(Int(settings.longestWait)) this refresh waits")
                }
                onRetry(current, response.status, wait)
                Thread.sleep(forTimeInterval: wait)
                attempt += 1
            default:
                throw RefreshError(.badResponse, current, "HTTP \(response.status) \(Self.reason(response.status))",
                                   status: response.status)
            }
        }
    }

    /// A URL is fetched only over https; `from` is the URL that redirected to it.
    static func checkedHTTPS(_ text: String, from: String?) throws -> String {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), url.host != nil else {
            throw RefreshError(.badResponse, from ?? text, from == nil ? "not a URL" : "redirects to '\(text)', not a URL")
        }
        guard scheme == "https" else {
            if let from {
                throw RefreshError(.badResponse, from, "redirects to '\(text)', which is not https: refused")
            }
            throw RefreshError(.badResponse, text, "only https URLs are fetched")
        }
        return text
    }

    static func reason(_ status: Int) -> String {
        let reasons = [400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
                       408: "Request Timeout", 410: "Gone", 429: "Too Many Requests", 500: "Internal Server Error",
                       502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"]
        return reasons[status] ?? ""
    }

    struct Response {
        var status: Int
        var body: Data
        var location: String?
        var retryAfter: Double?
    }

    /// What the callbacks collect while one transfer runs.
    final class Transfer {
        var body = Data()
        let limit: Int
        var exceeded = false
        var headers: [String: String] = [:]

        init(limit: Int) { self.limit = limit }
    }

    /// One request, no retries and no redirects followed.
    func once(_ url: String) throws -> Response {
        guard cloudfirst_curl_available() != 0 else {
            throw RefreshError(.io, url, "libcurl (libcurl.so.4) cannot be loaded: install it (Debian and Ubuntu: "
                + "apt-get install libcurl4) to refresh catalogues")
        }
        guard let handle = cloudfirst_curl_easy_init() else {
            throw RefreshError(.io, url, "libcurl could not start a transfer")
        }
        defer { cloudfirst_curl_cleanup(handle) }
        let transfer = Transfer(limit: settings.maxResponseBytes)
        let context = Unmanaged.passRetained(transfer)
        defer { context.release() }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let headerList = cloudfirst_curl_slist_append(nil, "Accept: application/json")
        defer { cloudfirst_curl_slist_free_all(headerList) }

        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { buffer in
            var setup = [
                cloudfirst_curl_set_string(handle, CURLOPT_URL, url),
                cloudfirst_curl_https_only(handle),
                cloudfirst_curl_set_long(handle, CURLOPT_FOLLOWLOCATION, 0),
                cloudfirst_curl_set_long(handle, CURLOPT_NOSIGNAL, 1),
                cloudfirst_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(settings.connectTimeout * 1_000)),
                cloudfirst_curl_set_long(handle, CURLOPT_TIMEOUT_MS, Int(settings.requestTimeout * 1_000)),
                cloudfirst_curl_set_long(handle, CURLOPT_SSL_VERIFYPEER, 1),
                cloudfirst_curl_set_long(handle, CURLOPT_SSL_VERIFYHOST, 2),
                cloudfirst_curl_set_off(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(settings.maxResponseBytes)),
                cloudfirst_curl_set_string(handle, CURLOPT_ACCEPT_ENCODING, ""),
                cloudfirst_curl_set_string(handle, CURLOPT_USERAGENT, settings.userAgent),
                cloudfirst_curl_set_headers(handle, headerList),
                cloudfirst_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, buffer.baseAddress),
                cloudfirst_curl_set_callback(handle, CURLOPT_WRITEFUNCTION, writeBody),
                cloudfirst_curl_set_pointer(handle, CURLOPT_WRITEDATA, context.toOpaque()),
                cloudfirst_curl_set_callback(handle, CURLOPT_HEADERFUNCTION, readHeader),
                cloudfirst_curl_set_pointer(handle, CURLOPT_HEADERDATA, context.toOpaque()),
            ]
            if let caFile = settings.caFile { setup.append(cloudfirst_curl_set_string(handle, CURLOPT_CAINFO, caFile)) }
            if let failed = setup.first(where: { $0 != CURLE_OK }) { return failed }
            return cloudfirst_curl_perform(handle)
        }

        guard code == CURLE_OK else {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw Self.failure(code, url: url, detail: detail.isEmpty ? String(cString: cloudfirst_curl_strerror(code)) : detail,
                               limit: settings.maxResponseBytes, exceeded: transfer.exceeded,
                               timeout: settings.requestTimeout)
        }
        var status = 0
        _ = cloudfirst_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var location: String?
        var redirect: UnsafeMutablePointer<CChar>?
        if cloudfirst_curl_get_string(handle, CURLINFO_REDIRECT_URL, &redirect) == CURLE_OK, let redirect {
            location = String(cString: redirect)
        }
        return Response(status: status, body: transfer.body, location: location,
                        retryAfter: transfer.headers["retry-after"].flatMap(Self.retryAfter))
    }

    /// The error a libcurl result means.
    static func failure(_ code: CURLcode, url: String, detail: String, limit: Int, exceeded: Bool,
                        timeout: Double) -> RefreshError {
        switch code {
        case CURLE_FILESIZE_EXCEEDED:
            return RefreshError(.badResponse, url, "the response is larger than the limit of \(limit) bytes")
        case CURLE_WRITE_ERROR where exceeded:
            return RefreshError(.badResponse, url, "the response is larger than the limit of \(limit) bytes; "
                + "stopped reading at the limit")
        case CURLE_UNSUPPORTED_PROTOCOL:
            return RefreshError(.badResponse, url, "only https is allowed (\(detail))")
        case CURLE_OPERATION_TIMEDOUT:
            return RefreshError(.io, url, "timed out (limit \(Int(timeout)) seconds): \(detail)")
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CONNECT_ERROR:
            return RefreshError(.io, url, "the server's certificate is not trusted or TLS failed (\(detail)); behind a "
                + "TLS-inspecting proxy, give its CA certificate with --ca-file")
        case CURLE_PARTIAL_FILE, CURLE_RECV_ERROR, CURLE_GOT_NOTHING:
            return RefreshError(.io, url, "the response was cut off (\(detail))")
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT:
            return RefreshError(.io, url, "cannot connect (\(detail)); check the network or HTTPS_PROXY")
        default:
            return RefreshError(.io, url, detail)
        }
    }

    /// Retry-After as seconds, or as an HTTP date (RFC 9110 section 10.2.3).
    static func retryAfter(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed), seconds >= 0 { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: trimmed) else { return nil }
        return max(0, date.timeIntervalSinceNow)
    }
}

/// libcurl's write callback: appends the body, or stops the transfer (returning 0) once it passes the limit.
private func writeBody(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
                       _ context: UnsafeMutableRawPointer?) -> Int {
    guard let data, let context else { return 0 }
    let transfer = Unmanaged<HTTPSClient.Transfer>.fromOpaque(context).takeUnretainedValue()
    let bytes = size * count
    guard transfer.body.count + bytes <= transfer.limit else {
        transfer.exceeded = true
        return 0
    }
    data.withMemoryRebound(to: UInt8.self, capacity: bytes) { transfer.body.append($0, count: bytes) }
    return bytes
}

/// libcurl's header callback: keeps the current response's headers, lower-cased; a new status line starts afresh.
private func readHeader(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
                        _ context: UnsafeMutableRawPointer?) -> Int {
    guard let data, let context else { return 0 }
    let transfer = Unmanaged<HTTPSClient.Transfer>.fromOpaque(context).takeUnretainedValue()
    let bytes = size * count
    let line = data.withMemoryRebound(to: UInt8.self, capacity: bytes) {
        String(decoding: UnsafeBufferPointer(start: $0, count: bytes), as: UTF8.self)
    }
    if line.hasPrefix("HTTP/") {
        transfer.headers = [:]
    } else if let colon = line.firstIndex(of: ":") {
        let name = line[..<colon].lowercased()
        transfer.headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
    }
    return bytes
}
