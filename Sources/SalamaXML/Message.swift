import Foundation

/// A sentence a person reads (an error, a warning), named by its key in the message catalogues
/// (`Translations/messages/LANG.json`) with the values it quotes, and written in a language
/// only when it is shown.
public struct Message: Sendable, Hashable, CustomStringConvertible {
    /// A value a message quotes.
    public enum Argument: Sendable, Hashable {
        /// A name, an id, a path or a value read from a file, shown as it is.
        case text(String)
        /// A number; the one named `count` also chooses a counted text's plural form.
        case integer(Int)
        /// Several names, listed with the language's comma.
        case list([String])
        /// A sentence within the sentence, written in the same language.
        indirect case message(Message)
    }

    public var key: String
    public var arguments: [String: Argument]

    public init(_ key: String, _ arguments: [String: Argument] = [:]) {
        self.key = key
        self.arguments = arguments
    }

    /// The English text.
    public var description: String { rendered(in: .en) }

    /// The text in `language`, each quoted value passed through `quoting` (the terminal's
    /// escaping, say). In Arabic each value is isolated (U+2068 … U+2069), so that a code
    /// such as 2001/110/CE or a place such as dates.xml:5:3 keeps its own order.
    public func rendered(in language: Language, quoting: (String) -> String = { $0 }) -> String {
        let template: String
        if let entry = MessageCatalogue.entries(language)[key] {
            template = entry.form(for: arguments["count"], in: language)
        } else if let entry = MessageCatalogue.entries(.en)[key] {
            // A catalogue test keeps this from happening; should it, say so rather than hide it.
            template = "[en] " + entry.form(for: arguments["count"], in: .en)
        } else {
            template = "[\(key)] " + arguments.keys.sorted().map { "{\($0)}" }.joined(separator: " ")
        }
        return Self.substitute(template) { name in
            arguments[name].map { $0.rendered(in: language, quoting: quoting) }
        }
    }

    /// `template` with each `{name}` replaced by `value(name)`; a name without a value stays.
    /// The reports' sentences are written through it too.
    public static func substitute(_ template: String, _ value: (String) -> String?) -> String {
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}"),
                  let replacement = value(String(rest[afterOpen..<close])) else {
                out.append("{")
                rest = rest[afterOpen...]
                continue
            }
            out += replacement
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The message with each quoted text (in lists and inner messages too) passed through
    /// `transform`: places in a generated file replaced by the cells they came from, say.
    public func mappingTexts(_ transform: (String) -> String) -> Message {
        Message(key, arguments.mapValues { argument in
            switch argument {
            case .text(let text): .text(transform(text))
            case .integer: argument
            case .list(let items): .list(items.map(transform))
            case .message(let inner): .message(inner.mappingTexts(transform))
            }
        })
    }

    /// The names of the `{name}` placeholders of `template`, in order.
    public static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        _ = substitute(template) { name in
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
            names.append(name)
            return ""
        }
        return names
    }
}

extension Message.Argument {
    func rendered(in language: Language, quoting: (String) -> String) -> String {
        func isolated(_ text: String) -> String {
            language.isRightToLeft ? "\u{2068}" + text + "\u{2069}" : text
        }
        switch self {
        case .text(let text): return isolated(quoting(text))
        case .integer(let number): return isolated(String(number))
        case .list(let items): return items.map { isolated(quoting($0)) }.joined(separator: language == .ar ? "، " : ", ")
        case .message(let message): return message.rendered(in: language, quoting: quoting)
        }
    }

    /// The argument for a value of a message case: a string, an integer, a list of strings or
    /// a message.
    init(value: Any) {
        switch value {
        case let text as String: self = .text(text)
        case let number as Int: self = .integer(number)
        case let items as [String]: self = .list(items)
        case let message as Message: self = .message(message)
        case let message as any MessageCase: self = .message(message.message)
        default: self = .text(String(describing: value))
        }
    }
}

/// The messages of one layer, one case each: the case's name is the message's key in the
/// catalogues and its labelled values are the arguments, so that a message cannot be written
/// without them. The cases are declared in the layer's `Messages.swift`, which a test reads to
/// check the catalogues.
public protocol MessageCase: Sendable {}

extension MessageCase {
    public var message: Message {
        guard let payload = Mirror(reflecting: self).children.first, let key = payload.label else {
            return Message(String(describing: self))
        }
        var arguments: [String: Message.Argument] = [:]
        for field in Mirror(reflecting: payload.value).children {
            if let label = field.label { arguments[label] = Message.Argument(value: field.value) }
        }
        return Message(key, arguments)
    }
}

/// The message catalogues, one per language, as translators write them in
/// `Translations/messages/LANG.json`, embedded in the binary by `scripts/embed-translations.sh`.
/// Each is read once, on first use.
public enum MessageCatalogue {
    /// The text of one key: a sentence, or a counted sentence in the plural forms of its language.
    public enum Entry: Sendable, Hashable {
        case text(String)
        case counted([PluralCategory: String])

        /// The sentence for the number `count` (the form `other` when there is none).
        public func form(for count: Message.Argument?, in language: Language) -> String {
            switch self {
            case .text(let text): return text
            case .counted(let forms):
                guard case .integer(let number)? = count else { return forms[.other] ?? "" }
                return forms[PluralCategory(number, in: language)] ?? forms[.other] ?? ""
            }
        }

        /// Every text of the entry (one, or one per plural form).
        public var texts: [String] {
            switch self {
            case .text(let text): [text]
            case .counted(let forms): PluralCategory.allCases.compactMap { forms[$0] }
            }
        }
    }

    /// The entries of `language`, by key.
    public static func entries(_ language: Language) -> [String: Entry] {
        language.select(fr: french, ar: arabic, en: english)
    }

    /// The catalogue of `language` as embedded: the text of `Translations/messages/LANG.json`.
    public static func source(_ language: Language) -> String {
        language.select(fr: EmbeddedMessages.fr, ar: EmbeddedMessages.ar, en: EmbeddedMessages.en)
    }

    private static let french = entries(parsing: EmbeddedMessages.fr) ?? [:]
    private static let arabic = entries(parsing: EmbeddedMessages.ar) ?? [:]
    private static let english = entries(parsing: EmbeddedMessages.en) ?? [:]

    /// The entries of a catalogue's text, or nil when it is not an object of texts and of
    /// objects of plural forms.
    public static func entries(parsing json: String) -> [String: Entry]? {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else { return nil }
        var entries: [String: Entry] = [:]
        for (key, value) in object {
            if let text = value as? String {
                entries[key] = .text(text)
            } else if let forms = value as? [String: String] {
                var counted: [PluralCategory: String] = [:]
                for (name, text) in forms {
                    guard let category = PluralCategory(rawValue: name) else { return nil }
                    counted[category] = text
                }
                entries[key] = .counted(counted)
            } else {
                return nil
            }
        }
        return entries
    }
}
