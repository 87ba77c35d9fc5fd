import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import Logging
import SalamaReports
import SalamaXML

extension HTTPField.Name {
    static let secFetchSite = Self("Sec-Fetch-Site")!
    static let referrerPolicy = Self("Referrer-Policy")!
}

/// Logs each request by its route pattern (`/c/{link}/…`), never its path: a private link's
/// path is its secret.
struct RouteLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context, status: response.status.code, start: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, context, status: status, start: start)
            throw error
        }
    }

    private func log(_ request: Request, _ context: Context, status: Int, start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        context.logger.info("\(request.method) \(context.endpointPath ?? "(no route)") \(status) \(String(format: "%.1f", milliseconds)) ms")
    }
}

/// Turns every error into an HTML page in the three languages (or JSON for the page's script),
/// just inside the CSP so that error pages carry it too. A missing trainer session becomes a
/// redirect to the login page. Errors that are not HTTP errors are logged and shown as a
/// generic message.
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    let views: Views

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch is LoginRequired {
            return .redirect(to: "/login")
        } catch {
            let status: HTTPResponse.Status
            if let error = error as? any HTTPResponseError {
                status = error.status
            } else {
                context.logger.error("\(request.method) \(context.endpointPath ?? "(no route)"): \(String(reflecting: error))")
                status = .internalServerError
            }
            let key: String = switch status.code {
            case 404: "err_not_found"
            case 403: "err_forbidden"
            case 413: "err_too_large"
            case 429: "err_rate"
            case 400..<500: "err_bad_request"
            default: "err_generic"
            }
            if request.headers[.accept]?.contains("application/json") == true {
                let body = #"{"error":\#(status.code)}"#
                return Response(status: status, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                                body: .init(byteBuffer: ByteBuffer(string: body)))
            }
            let messages = Language.allCases.map { language in
                ["lang": language.rawValue, "dir": language.isRightToLeft ? "rtl" : "ltr", "text": views.words(language)[key] ?? ""] as [String: Any]
            }
            return try views.render("error", language: .fr, ["status": status.code, "messages": messages], status: status)
                .response(from: request, context: context)
        }
    }
}

/// Refuses a state-changing request that a browser says comes from another site
/// (`Sec-Fetch-Site`); a request without the header (an older browser, a script) goes on.
struct SameOriginMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method != .get, request.method != .head, let site = request.headers[.secFetchSite],
           site != "same-origin", site != "none" {
            throw HTTPError(.forbidden)
        }
        return try await next(request, context)
    }
}

/// Checks the `csrf` field of every non-GET request of a trainer's session against the token
/// the session holds, in constant time.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = TrainerRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        // A header for uploads sent by the page's script, the form field otherwise.
        if let header = request.headers[.csrfToken] {
            guard Secrets.constantTimeEquals(header, context.trainer.csrf) else { throw HTTPError(.forbidden) }
            return try await next(request, context)
        }
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let fields = FormFields.parse(String(buffer: body))
        guard let token = fields["csrf"], Secrets.constantTimeEquals(token, context.trainer.csrf) else {
            throw HTTPError(.forbidden)
        }
        return try await next(request, context)
    }
}

extension HTTPField.Name {
    static let csrfToken = Self("X-CSRF-Token")!
}

/// Opens the assessment a private link names, or answers 404 — the same answer for every
/// unknown or guessed link. Its responses are never cached nor sent as referrer.
struct LinkMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let workshop: Workshop

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let link = context.parameters.get("link"), let cell = workshop.cell(link: link) else {
            throw HTTPError(.notFound)
        }
        var context = context
        context.cell = cell
        var response = try await next(request, context)
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

/// Minimal reading of URL-encoded fields (for the CSRF check, before the handler decodes).
enum FormFields {
    static func parse(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            if fields[name] == nil { fields[name] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        return fields
    }

    private static func decode(_ text: Substring) -> String {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
    }
}

/// At most `limit` failed logins per address per minute, and `4 × limit` in all.
final class LoginThrottle: @unchecked Sendable {
    private let lock = NSLock()
    private let limit: Int
    private var failures: [(address: String, at: ContinuousClock.Instant)] = []

    init(limit: Int = 5) {
        self.limit = limit
    }

    /// Whether `address` may try now.
    func allows(_ address: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        forgetOld()
        return failures.count < 4 * limit && failures.filter { $0.address == address }.count < limit
    }

    func failed(_ address: String) {
        lock.lock()
        defer { lock.unlock() }
        failures.append((address, .now))
    }

    private func forgetOld() {
        let cutoff = ContinuousClock.now - .seconds(60)
        failures.removeAll { $0.at < cutoff }
    }
}
