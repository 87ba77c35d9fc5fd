import Foundation
import Hummingbird
import Mustache
import SalamaReports
import SalamaXML

/// An HTML page: `text/html; charset=utf-8`, never cached (pages show answers).
struct HTML: ResponseGenerator {
    var text: String
    var status: HTTPResponse.Status = .ok

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: status,
                 headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// The page templates (Mustache, in `Templates/`) and the words of each language
/// (`Templates/strings/LANG.json`): translators edit both without touching Swift.
struct Views: Sendable {
    /// Every template the server renders; each is checked to exist at start-up.
    static let templates = [
        "layout", "error", "language", "rubric", "login", "dashboard", "cooperative-new", "handout",
        "import", "trainer-nav", "visit",
    ]

    let library: MustacheLibrary
    let strings: [Language: [String: String]]

    /// Loads the templates and the word lists from `directory`.
    /// - Throws: when a template or a word list is missing, or a list lacks a word another has.
    init(directory: String) async throws {
        library = try await MustacheLibrary(directory: directory)
        for name in Self.templates where library.getTemplate(named: name) == nil {
            throw ViewsError("template \(name).mustache is missing in \(directory)")
        }
        var strings: [Language: [String: String]] = [:]
        for language in Language.allCases {
            let path = directory + "/strings/" + language.rawValue + ".json"
            guard let data = FileManager.default.contents(atPath: path),
                  let table = try? JSONDecoder().decode([String: String].self, from: data) else {
                throw ViewsError("\(path) is missing or is not a JSON object of strings")
            }
            strings[language] = table
        }
        let keys = Set(strings[.fr]!.keys)
        for (language, table) in strings where Set(table.keys) != keys {
            throw ViewsError("strings/\(language.rawValue).json does not have the same words as strings/fr.json: \(keys.symmetricDifference(table.keys).sorted())")
        }
        self.strings = strings
    }

    /// The folder of the templates shipped with the server.
    static var bundledDirectory: String {
        Bundle.module.resourcePath! + "/Templates"
    }

    /// The word table of `language`, for `{{t.key}}`.
    func words(_ language: Language) -> [String: Any] {
        strings[language] ?? [:]
    }

    /// Renders `template` with `values`, adding `lang`, `dir` and `t` (the words) for `language`.
    func render(_ template: String, language: Language, _ values: [String: Any], status: HTTPResponse.Status = .ok) -> HTML {
        var context = values
        context["lang"] = language.rawValue
        context["dir"] = language.isRightToLeft ? "rtl" : "ltr"
        context["t"] = words(language)
        let text = library.render(context, withTemplate: template) ?? ""
        return HTML(text: text, status: status)
    }
}

struct ViewsError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
