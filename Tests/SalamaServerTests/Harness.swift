import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SalamaModel
@testable import SalamaServer
import SalamaTestSupport
import Testing

/// A server on a fresh data folder with a known passphrase, run in process through its router.
struct Harness: Sendable {
    static let passphrase = "correct horse battery staple"
    let folder: String
    let options: ServerOptions
    let logs: LogCapture

    init() throws {
        folder = TemporaryFolder().path
        let file = folder + "/passphrase.txt"
        try Data(Self.passphrase.utf8).write(to: URL(fileURLWithPath: file))
        _ = try TrainerPassphrase.prepare(dataFolder: folder + "/data", fromFile: file, cost: 4)
        let logs = LogCapture()
        self.logs = logs
        var logger = Logger(label: "salama.test") { _ in logs }
        logger.logLevel = .info
        options = ServerOptions(dataFolder: folder + "/data", checklists: Fixtures.repositoryPath("Checklists"),
                                today: { Day(iso: "2026-11-20")! }, logger: logger)
    }

    var data: DataFolder { DataFolder(options.dataFolder) }

    func run<Value: Sendable>(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let app = try await buildApplication(options)
        return try await app.test(.router, test)
    }

    /// Runs `test` with a logged-in trainer and one cooperative: its key and link path.
    func withCooperative(name: String, products: [String] = ["dates"], activities: [String] = [],
                         _ test: @escaping @Sendable (any TestClientProtocol, TrainerLogin, String, String) async throws -> Void) async throws {
        try await run { client in
            let trainer = try await client.login()
            let (key, link) = try await client.addCooperative(trainer, name: name, products: products, activities: activities)
            try await test(client, trainer, key, link)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }
}

/// A logged-in trainer: the session cookie and the token of its forms.
struct TrainerLogin: Sendable {
    var cookie: String
    var csrf: String

    var headers: HTTPFields { [.cookie: cookie] }

    func formHeaders(_ extra: HTTPFields = [:]) -> HTTPFields {
        var fields: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
        fields.append(contentsOf: extra)
        return fields
    }
}

extension TestClientProtocol {
    /// The login page's cookie and form token.
    func loginForm() async throws -> (cookie: String, token: String) {
        try await execute(uri: "/login", method: .get) { response in
            let cookie = try #require(response.headers[.setCookie]).split(separator: ";")[0]
            return (String(cookie), try #require(String(buffer: response.body).firstMatch(of: /name="csrf" value="([^"]+)"/)?.1).description)
        }
    }

    /// GETs the login page, then posts the passphrase with the page's token.
    func login(passphrase: String = Harness.passphrase) async throws -> TrainerLogin {
        let (formCookie, token) = try await loginForm()
        let session = try await execute(uri: "/login", method: .post, headers: [.cookie: formCookie, .contentType: "application/x-www-form-urlencoded"],
                                        body: form(["passphrase": passphrase, "csrf": token])) { response in
            #expect(response.status == .seeOther)
            return String(try #require(response.headers[.setCookie]).split(separator: ";")[0])
        }
        let csrf = try await execute(uri: "/trainer", method: .get, headers: [.cookie: session]) { response in
            #expect(response.status == .ok)
            return try #require(String(buffer: response.body).firstMatch(of: /name="csrf" value="([^"]+)"/)?.1).description
        }
        return TrainerLogin(cookie: session, csrf: csrf)
    }

    /// Creates a cooperative and returns its key and private link path (`/c/…`).
    func addCooperative(_ trainer: TrainerLogin, name: String, products: [String] = ["dates"], activities: [String] = []) async throws -> (key: String, link: String) {
        var fields = ["csrf": trainer.csrf, "name": name, "province": "Errachidia", "region": "Drâa-Tafilalet"]
        var body = form(fields)
        for product in products { body.writeString("&products%5B%5D=" + product) }
        for activity in activities { body.writeString("&activities%5B%5D=" + activity) }
        fields = [:]
        try await execute(uri: "/trainer/cooperatives", method: .post, headers: trainer.formHeaders(), body: body) { response in
            #expect(response.status == .seeOther)
        }
        let page = try await execute(uri: "/trainer", method: .get, headers: trainer.headers) { String(buffer: $0.body) }
        let keys = page.matches(of: /data-key="([^"]+)"/).map { String($0.1) }
        let key = try #require(keys.last)
        let handout = try await execute(uri: "/trainer/a/\(key)/handout", method: .get, headers: trainer.headers) { String(buffer: $0.body) }
        let link = try #require(handout.firstMatch(of: /https?:\/\/[^\/<]+(\/c\/[A-Za-z0-9_-]+)/)?.1)
        return (key, String(link))
    }
}

/// A URL-encoded form body.
func form(_ fields: [String: String]) -> ByteBuffer {
    ByteBuffer(string: encode(fields.sorted { $0.key < $1.key }))
}

func encode(_ fields: [(key: String, value: String)]) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return fields.map { "\($0.key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
        .joined(separator: "&")
}

let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

/// Keeps every log message, to check what the server writes.
final class LogCapture: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lock.lock()
        defer { lock.unlock() }
        lines.append("\(event.message) \(event.metadata ?? [:])")
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}

extension HTTPField.Name {
    static let csp = Self("Content-Security-Policy")!
}

extension HTTPFields {
    func merging(_ other: HTTPFields) -> HTTPFields {
        var result = self
        result.append(contentsOf: other)
        return result
    }
}
