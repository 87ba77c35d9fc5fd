import Hummingbird
import HummingbirdAuth
import NIOCore

/// What a trainer's session holds: the token every form of the session carries.
struct TrainerSession: Codable, Sendable {
    var csrf: String
}

/// The authenticated trainer (there is one trainer per workshop: whoever knows the passphrase).
struct Trainer: Sendable {
    var csrf: String
}

/// Forms are URL-encoded; anything else is refused with 415 before any handler reads it, and a
/// form that does not decode with 400.
struct FormDecoder: RequestDecoder {
    func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        guard let contentType = request.headers[.contentType], let mediaType = MediaType(from: contentType),
              mediaType.isType(.applicationUrlEncoded) else {
            throw HTTPError(.unsupportedMediaType)
        }
        do {
            return try await URLEncodedFormDecoder().decode(type, from: request, context: context)
        } catch let error as any HTTPResponseError {
            throw error
        } catch {
            // A malformed form (a repeated name, a bad index) is the sender's fault, not ours.
            throw HTTPError(.badRequest)
        }
    }
}

/// The context of every request.
struct AppRequestContext: AuthRequestContext, SessionRequestContext, RequestContext {
    var coreContext: CoreRequestContextStorage
    var identity: Trainer?
    let sessions: SessionContext<TrainerSession>
    /// The assessment a private link opened (set by `LinkMiddleware`).
    var cell: AssessmentCell?
    /// Where the request came from, for the login rate limit.
    let remoteAddress: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        identity = nil
        sessions = .init()
        cell = nil
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    var requestDecoder: FormDecoder { FormDecoder() }
    /// The forms of a rubric are a few kilobytes; 64 KB is plenty.
    var maxUploadSize: Int { 64 * 1024 }
}

/// Pages of a logged-in trainer: the context guarantees the identity.
struct TrainerRequestContext: ChildRequestContext {
    var coreContext: CoreRequestContextStorage
    let trainer: Trainer
    let sessions: SessionContext<TrainerSession>

    init(context: AppRequestContext) throws {
        coreContext = context.coreContext
        guard let trainer = context.identity else { throw LoginRequired() }
        self.trainer = trainer
        sessions = context.sessions
    }

    var requestDecoder: FormDecoder { FormDecoder() }
    /// Imported assessments are uploaded here.
    var maxUploadSize: Int { 8 * 1024 * 1024 }
}

/// Pages of a private link: the context guarantees the assessment it opened.
struct LinkRequestContext: ChildRequestContext {
    var coreContext: CoreRequestContextStorage
    let cell: AssessmentCell

    init(context: AppRequestContext) throws {
        coreContext = context.coreContext
        guard let cell = context.cell else { throw HTTPError(.notFound) }
        self.cell = cell
    }

    var requestDecoder: FormDecoder { FormDecoder() }
    var maxUploadSize: Int { 64 * 1024 }
}

/// Thrown when a trainer page is asked for without a session: the error page middleware turns
/// it into a redirect to the login page.
struct LoginRequired: Error {}
