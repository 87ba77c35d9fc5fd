import Foundation
import SalamaXML

/// The catalogues of labels, one per language, as translators write them in
/// `Translations/LANG.json` (a JSON object from each `Label` key to its text), embedded in the
/// binary by `scripts/embed-translations.sh`. Each is read once, on first use.
public enum TranslationCatalogue {
    /// The labels of `language`, by key.
    public static func labels(_ language: Language) -> [String: String] {
        language.select(fr: french, ar: arabic, en: english)
    }

    /// The catalogue of `language` as embedded: the text of `Translations/LANG.json`.
    public static func source(_ language: Language) -> String {
        language.select(fr: EmbeddedTranslations.fr, ar: EmbeddedTranslations.ar, en: EmbeddedTranslations.en)
    }

    private static let french = parse(EmbeddedTranslations.fr)
    private static let arabic = parse(EmbeddedTranslations.ar)
    private static let english = parse(EmbeddedTranslations.en)

    /// A catalogue's object; an unreadable catalogue is empty (a test reads each one).
    static func parse(_ json: String) -> [String: String] {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: String] ?? [:]
    }
}
