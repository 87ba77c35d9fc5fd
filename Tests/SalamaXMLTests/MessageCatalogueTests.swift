import Foundation
import SalamaTestSupport
import SalamaXML
import Testing

/// A case of a layer's message enum, as declared in its `Messages.swift`.
struct DeclaredMessage: CustomStringConvertible {
    var key: String
    /// The labels of its values, with their types.
    var arguments: [String: String]
    var file: String

    var description: String { key }

    /// Every case of every `Sources/TARGET/Messages.swift`.
    static let all: [DeclaredMessage] = {
        let sources = Fixtures.repository.appendingPathComponent("Sources")
        let targets = ((try? FileManager.default.contentsOfDirectory(atPath: sources.path)) ?? []).sorted()
        var declared: [DeclaredMessage] = []
        let pattern = try! NSRegularExpression(pattern: #"^\s*(?:indirect\s+)?case\s+(\w+)(?:\((.*)\))?\s*$"#, options: .anchorsMatchLines)
        for target in targets {
            let file = sources.appendingPathComponent(target).appendingPathComponent("Messages.swift")
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = String(text[Range(match.range(at: 1), in: text)!])
                var arguments: [String: String] = [:]
                if let range = Range(match.range(at: 2), in: text) {
                    for field in text[range].split(separator: ",") {
                        let parts = field.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                        arguments[parts[0]] = parts.count > 1 ? parts[1] : ""
                    }
                }
                declared.append(DeclaredMessage(key: key, arguments: arguments, file: "\(target)/Messages.swift"))
            }
        }
        return declared
    }()
}

@Suite("Message catalogues")
struct MessageCatalogueTests {
    static func file(_ language: Language) throws -> String {
        try String(contentsOfFile: Fixtures.repositoryPath("Translations/messages/\(language.rawValue).json"), encoding: .utf8)
    }

    static func entries(_ language: Language) throws -> [String: MessageCatalogue.Entry] {
        try #require(MessageCatalogue.entries(parsing: file(language)), "Translations/messages/\(language.rawValue).json is an object of texts and plural objects")
    }

    @Test("the binary embeds the catalogues as written (scripts/embed-translations.sh)", arguments: Language.allCases)
    func theEmbeddedCataloguesAreTheFiles(_ language: Language) throws {
        #expect(MessageCatalogue.source(language) + "\n" == (try Self.file(language)), "run scripts/embed-translations.sh")
        #expect(MessageCatalogue.entries(language) == (try Self.entries(language)))
    }

    @Test("every message of the program has a text in every language, and no catalogue has another key", arguments: Language.allCases)
    func everyKeyInEveryLanguage(_ language: Language) throws {
        let declared = DeclaredMessage.all.map(\.key)
        #expect(declared.count > 40, "the message enums are found")
        #expect(Set(declared).count == declared.count, "a key is declared once: \(declared.filter { key in declared.count { $0 == key } > 1 })")
        let keys = Set(try Self.entries(language).keys)
        #expect(Set(declared).subtracting(keys).sorted() == [], "missing in \(language.rawValue).json")
        #expect(keys.subtracting(declared).sorted() == [], "no such message in Sources/*/Messages.swift")
    }

    @Test("no text is empty, and Arabic texts are in Arabic", arguments: Language.allCases)
    func noEmptyText(_ language: Language) throws {
        for (key, entry) in try Self.entries(language) {
            for text in entry.texts {
                #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(key) in \(language.rawValue).json")
                // A text of values and punctuation only ("{unknown} ({declared})") has no words to translate.
                let words = Message.placeholders(in: text).reduce(text) { $0.replacingOccurrences(of: "{\($1)}", with: "") }
                if language == .ar && words.contains(where: \.isLetter) {
                    #expect(words.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }, "\(key) has no Arabic letter")
                }
            }
        }
    }

    @Test("each text quotes exactly the values of its message, in every language", arguments: DeclaredMessage.all)
    func placeholdersAreTheArguments(_ message: DeclaredMessage) throws {
        let english = try #require(try Self.entries(.en)[message.key])
        let englishNames = Set(english.texts.flatMap(Message.placeholders(in:)))
        #expect(englishNames == Set(message.arguments.keys), "\(message.key): the English text names each argument of \(message.file)")
        for language in [Language.fr, .ar] {
            let entry = try #require(try Self.entries(language)[message.key])
            for text in entry.texts {
                let names = Set(Message.placeholders(in: text))
                #expect(names.isSubset(of: message.arguments.keys), "\(message.key) in \(language.rawValue): \(names.subtracting(message.arguments.keys)) is no argument")
                // A plural form may leave the number out (Arabic "one", "two"); a sentence may not leave out a value.
                #expect(englishNames.subtracting(["count"]).isSubset(of: names), "\(message.key) in \(language.rawValue) lacks \(englishNames.subtracting(names))")
            }
        }
    }

    @Test("counted texts carry the plural forms of their language, chosen by an integer count", arguments: DeclaredMessage.all)
    func pluralForms(_ message: DeclaredMessage) throws {
        for language in Language.allCases {
            guard case .counted(let forms) = try #require(try Self.entries(language)[message.key]) else { continue }
            #expect(message.arguments["count"] == "Int", "\(message.key) is counted: it needs `count: Int`")
            let needed: Set<PluralCategory> = language == .ar ? Set(PluralCategory.allCases) : [.one, .other]
            #expect(Set(forms.keys) == needed, "\(message.key) in \(language.rawValue)")
        }
    }
}

@Suite("Messages")
struct MessageTests {
    @Test func aCaseIsItsKeyAndItsLabelledValues() {
        #expect(XMLMessage.fileTooLarge(size: 12, limit: 10).message == Message("fileTooLarge", ["size": .integer(12), "limit": .integer(10)]))
        #expect(XMLMessage.includeCycle(href: "a.xml").message == Message("includeCycle", ["href": .text("a.xml")]))
        #expect(XMLMessage.outOfMemory.message == Message("outOfMemory"))
        #expect(XMLMessage.cannotReadFile(reason: .reasonNoSuchFile).message
                == Message("cannotReadFile", ["reason": .message(Message("reasonNoSuchFile"))]))
    }

    @Test func aMessageIsWrittenInEachLanguage() {
        let message = XMLMessage.cannotReadFile(reason: .reasonNoSuchFile).message
        #expect(message.rendered(in: .en) == "cannot read file: no such file")
        #expect(message.rendered(in: .fr) == "impossible de lire le fichier : ce fichier n'existe pas")
        #expect(message.rendered(in: .ar) == "تعذّرت قراءة الملف: هذا الملف غير موجود")
        #expect(message.description == "cannot read file: no such file")
    }

    @Test("Arabic isolates each quoted value; French and English leave it as it is")
    func arabicIsolatesValues() {
        let message = XMLMessage.includeTooDeep(href: "modules/a.xml", limit: 8).message
        #expect(message.rendered(in: .en) == "xi:include of 'modules/a.xml': modules nest more than 8 levels deep")
        #expect(message.rendered(in: .fr) == "xi:include de « modules/a.xml » : les modules s'emboîtent sur plus de 8 niveaux")
        let arabic = message.rendered(in: .ar)
        #expect(arabic.contains("«\u{2068}modules/a.xml\u{2069}»"))
        #expect(arabic.contains("\u{2068}8\u{2069}"))
        #expect(!message.rendered(in: .fr).unicodeScalars.contains { $0.value == 0x2068 || $0.value == 0x2069 })
    }

    @Test func quotedValuesPassThroughTheGivenEscaping() {
        let message = XMLMessage.includeNoSuchFile(href: "a\u{1B}b.xml").message
        #expect(message.rendered(in: .en) { $0.replacingOccurrences(of: "\u{1B}", with: "<ESC>") } == "xi:include of 'a<ESC>b.xml': no such file")
    }

    @Test func aDiagnosticKeepsItsMachineReadablePrefixInEveryLanguage() {
        let diagnostic = Diagnostic.error(at: SourceLocation(file: "dates.xml", line: 5, column: 3), XMLMessage.nulCharacter)
        #expect(diagnostic.description.hasPrefix("dates.xml:5:3: error: the file holds a NUL character"))
        #expect(diagnostic.description(in: .fr).hasPrefix("dates.xml:5:3: error: le fichier contient un caractère NUL"))
        #expect(diagnostic.description(in: .ar).hasPrefix("dates.xml:5:3: error: يحتوي الملف"))
        #expect(diagnostic.message == "the file holds a NUL character (byte 0): a checklist or an assessment is plain text; the file may be damaged, or written by a program that does not save text")
    }

    @Test func placeholdersAreFoundAndFilled() {
        #expect(Message.placeholders(in: "a {x} b {y2} c {not one} {") == ["x", "y2"])
        #expect(Message(
            "includeNotXML", ["href": .text("{parse}"), "parse": .text("text")]
        ).rendered(in: .en) == "xi:include of '{parse}' with parse=\"text\": only XML modules may be included", "a value is not read again as a template")
    }

    @Test("a key missing from a catalogue shows in English, marked, and a value missing stays visible")
    func missingKeysAndValuesShow() {
        #expect(Message("noSuchKey", ["a": .integer(1)]).rendered(in: .fr) == "[noSuchKey] 1")
        #expect(Message("includeCycle").rendered(in: .en) == "xi:include of '{href}' forms a cycle: the module includes itself")
    }

    @Test("a counted message takes the plural form of its count, in each language", arguments: [
        (0, Language.ar, "لا قيم في أعمدة بلا عنوان (الأولى في العمود \u{2068}4\u{2069})"),
        (1, .ar, "قيمة واحدة في أعمدة بلا عنوان (الأولى في العمود \u{2068}4\u{2069})"),
        (2, .ar, "قيمتان في أعمدة بلا عنوان (الأولى في العمود \u{2068}4\u{2069})"),
        (3, .ar, "\u{2068}3\u{2069} قيم في أعمدة بلا عنوان (الأولى في العمود \u{2068}4\u{2069})"),
        (11, .ar, "\u{2068}11\u{2069} قيمة في أعمدة بلا عنوان (الأولى في العمود \u{2068}4\u{2069})"),
        (100, .ar, "\u{2068}100\u{2069} قيمة في أعمدة بلا عنوان (الأولى في العمود \u{2068}4\u{2069})"),
        (1, .fr, "1 valeur dans des colonnes sans en-tête (la première en colonne 4)"),
        (2, .fr, "2 valeurs dans des colonnes sans en-tête (la première en colonne 4)"),
        (1, .en, "1 value in columns without header (the first in column 4)"),
        (0, .en, "0 values in columns without header (the first in column 4)"),
    ])
    func countedMessages(_ count: Int, _ language: Language, _ expected: String) {
        #expect(Message("valuesWithoutHeader", ["count": .integer(count), "first": .integer(4)]).rendered(in: language) == expected)
    }

    @Test("a list is written with the language's comma")
    func listsUseTheLanguageComma() {
        #expect(Message.Argument.list(["a", "b"]) != Message.Argument.text("a, b"))
        let message = Message("reasonSystem", ["text": .list(["a", "b"])])
        #expect(message.rendered(in: .en) == "a, b")
        #expect(message.rendered(in: .ar) == "خطأ من النظام: \u{2068}a\u{2069}، \u{2068}b\u{2069}")
    }

    @Test("the language of a locale", arguments: [
        (["LANG": "ar_MA.UTF-8"], Language.ar), (["LANG": "fr_FR"], .fr), (["LANG": "fr"], .fr),
        (["LANG": "C"], .en), (["LANG": "POSIX"], .en), ([:], .en), (["LANG": "de_DE.UTF-8"], .en), (["LANG": "en_GB"], .en),
        (["LANG": "fr_FR.UTF-8", "LC_ALL": "ar_MA.UTF-8"], .ar), (["LANG": "ar_MA", "LC_MESSAGES": "fr_FR"], .fr),
        (["LANG": "fr_FR", "LC_ALL": ""], .fr), (["LC_ALL": "C", "LANG": "fr_FR"], .en),
    ])
    func localeLanguage(_ environment: [String: String], _ expected: Language) {
        #expect(Language.ofLocale(environment) == expected)
    }
}
