import Hummingbird
import HummingbirdAuth
import HummingbirdBcrypt
import NIOPosix
import SalamaReports
import SalamaXML

/// The trainer's login: one passphrase per workshop, checked with Bcrypt off the event loop,
/// failed attempts limited per address.
struct LoginController {
    let views: Views
    let passphraseHash: String
    let throttle: LoginThrottle
    /// A cookie holding the login form's token until there is a session.
    static let formCookie = "salama_login"

    struct LoginForm: Decodable {
        var passphrase: String
        var csrf: String
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("login", use: show)
        router.post("login", use: login)
        router.post("logout", use: logout)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        if context.identity != nil { return .redirect(to: "/trainer") }
        return try page(request, context, message: nil, status: .ok)
    }

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await request.decode(as: LoginForm.self, context: context)
        guard let cookie = request.cookies[Self.formCookie]?.value, Secrets.constantTimeEquals(cookie, form.csrf) else {
            throw HTTPError(.forbidden)
        }
        guard throttle.allows(context.remoteAddress) else {
            return try page(request, context, message: "too_many_attempts", status: .tooManyRequests)
        }
        let hash = passphraseHash
        let passphrase = form.passphrase.trimmingCharacters(in: .whitespacesAndNewlines)
        let valid = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(passphrase, hash: hash) }
        guard valid else {
            throttle.failed(context.remoteAddress)
            return try page(request, context, message: "wrong_passphrase", status: .unauthorized)
        }
        context.sessions.createSession(TrainerSession(csrf: Secrets.token()), expiresIn: .seconds(12 * 3600))
        return .redirect(to: "/trainer")
    }

    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let session = context.sessions.session else { return .redirect(to: "/login") }
        let form = try await request.decode(as: [String: String].self, context: context)
        guard let token = form["csrf"], Secrets.constantTimeEquals(token, session.csrf) else { throw HTTPError(.forbidden) }
        context.sessions.clearSession()
        return .redirect(to: "/login")
    }

    private func page(_ request: Request, _ context: AppRequestContext, message: String?, status: HTTPResponse.Status) throws -> Response {
        let language = TrainerLanguage.of(request)
        let token = Secrets.token()
        var values: [String: Any] = ["csrf": token]
        if let message { values["message"] = views.words(language)[message] ?? "" }
        var response = try views.render("login", language: language, values, status: status).response(from: request, context: context)
        response.setCookie(Cookie(name: Self.formCookie, value: token, path: "/login", sameSite: .strict))
        return response
    }
}

/// The language of the trainer's pages: kept in a cookie, French by default.
enum TrainerLanguage {
    static let cookie = "salama_trainer_lang"

    static func of(_ request: Request) -> Language {
        request.cookies[cookie].flatMap { Language(rawValue: $0.value) } ?? .fr
    }
}
