import Crypto
import Foundation
import Hummingbird
import HummingbirdAuth
import HummingbirdBcrypt
import Logging
import NIOPosix
import SalamaModel
import SalamaReports
import SalamaWorkbook
import SalamaXML

/// How `salama serve` runs: where the data is, where it listens, and who reaches it.
public struct ServerOptions: Sendable {
    /// The data folder (created when missing).
    public var dataFolder: String
    /// The folder of checklists; the first valid one (by file name) is the workshop's.
    public var checklists: String
    /// `127.0.0.1` unless the trainer asked for every interface.
    public var host: String
    public var port: Int
    /// The addresses phones reach the server at, for handouts (`http://192.168.1.10:8080`).
    public var publicBaseURLs: [String]
    /// The templates and word lists (default: the ones shipped with the server).
    public var templates: String?
    /// How many earlier versions of each assessment the history keeps.
    public var historyLimit: Int
    /// The day saves are dated (tests fix it).
    public var today: (@Sendable () -> Day)?
    public var logger: Logger
    /// Called once the server listens, with the port it listens on (the one given, or the one
    /// the system chose for port 0).
    public var onListening: (@Sendable (Int) -> Void)?

    public init(dataFolder: String = "salama-data", checklists: String = "Checklists", host: String = "127.0.0.1", port: Int = 8080,
                publicBaseURLs: [String] = [], templates: String? = nil, historyLimit: Int = 50, today: (@Sendable () -> Day)? = nil,
                logger: Logger = Logger(label: "salama.serve"), onListening: (@Sendable (Int) -> Void)? = nil) {
        self.dataFolder = dataFolder
        self.checklists = checklists
        self.host = host
        self.port = port
        self.publicBaseURLs = publicBaseURLs
        self.templates = templates
        self.historyLimit = historyLimit
        self.today = today
        self.logger = logger
        self.onListening = onListening
    }
}

/// The application `salama serve` runs, and tests run in process.
/// - Throws: when the data folder, the checklists, the templates or the passphrase cannot be read.
public func buildApplication(_ options: ServerOptions) async throws -> some ApplicationProtocol {
    let folder = DataFolder(options.dataFolder)
    let workshop = try Workshop(folder: folder, checklists: options.checklists, historyLimit: options.historyLimit,
                                today: options.today ?? { WorkbookProfile.today() }, logger: options.logger)
    guard let hash = TrainerPassphrase.storedHash(dataFolder: options.dataFolder) else {
        throw ViewsError("\(folder.passphraseHash): no trainer passphrase; start with `salama serve` once to create one")
    }
    let views = try await Views(directory: options.templates ?? Views.bundledDirectory)
    let sessions = FilePersistDriver(path: folder.sessions)
    let router = buildRouter(workshop: workshop, views: views, sessions: sessions, passphraseHash: hash, publicBaseURLs: options.publicBaseURLs)
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(options.host, port: options.port)),
        onServerRunning: { channel in
            if let port = channel.localAddress?.port { options.onListening?(port) }
        },
        logger: options.logger)
    app.addServices(sessions)
    return app
}

/// The routes and the middleware around them. Order is the security design: the CSP on every
/// response, HTML error pages just inside it, static files, then sessions.
func buildRouter(workshop: Workshop, views: Views, sessions: any PersistDriver, passphraseHash: String,
                 publicBaseURLs: [String]) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.addMiddleware {
        RouteLogMiddleware()
        ContentSecurityMiddleware(contentSecurityPolicy: ContentPolicy.policy)
        ErrorPageMiddleware(views: views)
        FileMiddleware(Bundle.module.resourcePath! + "/Public", urlBasePath: "/static")
        SameOriginMiddleware()
        SessionMiddleware(storage: sessions, configuration: .init(sessionCookieParameters: .init(name: "salama_session", sameSite: .strict),
                                                                  defaultSessionExpiration: .seconds(12 * 3600)))
        SessionAuthenticator(context: AppRequestContext.self) { (session: TrainerSession, _: UserRepositoryContext) async throws -> Trainer? in
            Trainer(csrf: session.csrf)
        }
    }
    router.get("") { _, _ in Response.redirect(to: "/trainer") }
    LoginController(views: views, passphraseHash: passphraseHash, throttle: LoginThrottle()).addRoutes(to: router)

    let trainer = router.group("trainer", context: TrainerRequestContext.self).add(middleware: CSRFMiddleware())
    TrainerController(workshop: workshop, views: views, publicBaseURLs: publicBaseURLs).addRoutes(to: trainer)

    let link = router.group("c/{link}").add(middleware: LinkMiddleware(workshop: workshop)).group(context: LinkRequestContext.self)
    LinkController(workshop: workshop, views: views).addRoutes(to: link)
    VisitController(workshop: workshop, views: views).addRoutes(to: link)
    return router
}

/// The Content-Security-Policy of every response: nothing from elsewhere, no inline script;
/// the only inline styles allowed are those of the reports (by their hashes: one per language,
/// for the check report and for the summary), which are self-contained print pages.
enum ContentPolicy {
    static let policy: ContentSecurityPolicy = {
        var hashes: [String] = []
        for language in Language.allCases {
            for extra in ["", HTMLPage.aggregateStyle] {
                hashes.append("'sha256-\(hash("\n" + ReportStyle.css(language: language, extra: extra)))'")
            }
        }
        // The builder takes a fixed list; the hashes go in as one value.
        let reportStyles = ContentSecurityPolicy.FetchDirectiveValue(stringLiteral: hashes.joined(separator: " "))
        return [
            .defaultSrc(.none),
            .scriptSrc(.self),
            .styleSrc(.self, reportStyles),
            .imgSrc(.self),
            .connectSrc(.self),
            .formAction(.self),
            .frameAncestors(.none),
            .baseURI(.none),
        ]
    }()

    /// The base64 SHA-256 of a style element's text, as CSP writes hashes.
    static func hash(_ text: String) -> String {
        Data(Crypto.SHA256.hash(data: Array(text.utf8))).base64EncodedString()
    }
}

/// The trainer's passphrase, stored as a Bcrypt hash in the data folder.
public enum TrainerPassphrase {
    /// Makes sure the data folder has a passphrase: the one in `file` when given (it replaces
    /// any earlier one), else a new one when there is none.
    /// - Returns: the new passphrase when one was generated (to print once), else nil.
    /// - Throws: when the file cannot be read or is empty, or the hash cannot be written.
    public static func prepare(dataFolder: String, fromFile file: String?, cost: UInt8 = 12) throws -> String? {
        let folder = DataFolder(dataFolder)
        try folder.create()
        if let file {
            guard let data = FileManager.default.contents(atPath: file),
                  let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                throw WorkshopProblem(messages: [ServerMessage.passphraseFileUnreadable(file: file).message])
            }
            try store(text, folder: folder, cost: cost)
            return nil
        }
        guard storedHash(dataFolder: dataFolder) == nil else { return nil }
        let passphrase = Secrets.passphrase()
        try store(passphrase, folder: folder, cost: cost)
        return passphrase
    }

    static func storedHash(dataFolder: String) -> String? {
        guard let data = FileManager.default.contents(atPath: DataFolder(dataFolder).passphraseHash),
              let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }

    private static func store(_ passphrase: String, folder: DataFolder, cost: UInt8) throws {
        let hash = Bcrypt.hash(passphrase, cost: cost)
        do {
            try AtomicFile.write(Array((hash + "\n").utf8), to: folder.passphraseHash, permissions: 0o600)
        } catch {
            throw WorkshopProblem(messages: [error.message.message])
        }
    }
}
