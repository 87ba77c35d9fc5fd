import Foundation
public import SalamaXML

/// The report catalogues, one per language, as translators write them in
/// `Translations/LANG.json`: a JSON object from each key to its text — a `Label`, or a
/// `Sentence` with `{values}` (a counted one as an object of plural forms), read by the
/// message catalogues' own reader — embedded in the binary by `scripts/embed-translations.sh`.
/// Each is read once, on first use.
public enum TranslationCatalogue {
    /// The entries of `language`, by key: labels and sentences.
    public static func entries(_ language: Language) -> [String: MessageCatalogue.Entry] {
        language.select(fr: french, ar: arabic, en: english)
    }

    /// The entries of `language` that are one text, by key: the labels, and the sentences that
    /// count nothing.
    public static func texts(_ language: Language) -> [String: String] {
        language.select(fr: frenchTexts, ar: arabicTexts, en: englishTexts)
    }

    /// The catalogue of `language` as embedded: the text of `Translations/LANG.json`.
    public static func source(_ language: Language) -> String {
        language.select(fr: EmbeddedTranslations.fr, ar: EmbeddedTranslations.ar, en: EmbeddedTranslations.en)
    }

    private static let french = parse(EmbeddedTranslations.fr)
    private static let arabic = parse(EmbeddedTranslations.ar)
    private static let english = parse(EmbeddedTranslations.en)
    private static let frenchTexts = texts(of: french)
    private static let arabicTexts = texts(of: arabic)
    private static let englishTexts = texts(of: english)

    /// A catalogue's entries; an unreadable catalogue is empty (a test reads each one).
    static func parse(_ json: String) -> [String: MessageCatalogue.Entry] {
        MessageCatalogue.entries(parsing: json) ?? [:]
    }

    private static func texts(of entries: [String: MessageCatalogue.Entry]) -> [String: String] {
        entries.compactMapValues { entry in
            if case .text(let text) = entry { text } else { nil }
        }
    }
}
