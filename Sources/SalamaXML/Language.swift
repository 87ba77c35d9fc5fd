/// A language Salama writes in: reports, diagnostics and the workshop pages.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case fr
    case ar
    case en

    /// Arabic is written right to left.
    public var isRightToLeft: Bool { self == .ar }

    /// The report language for a checklist language: itself when supported, French otherwise.
    public init(checklistLanguage: String) {
        self = Language(rawValue: String(checklistLanguage.prefix(2)).lowercased()) ?? .fr
    }
}

extension Language {
    /// The one of three values that belongs to this language; the others are not evaluated.
    public func select<Value>(fr: @autoclosure () -> Value, ar: @autoclosure () -> Value, en: @autoclosure () -> Value) -> Value {
        switch self {
        case .fr: fr()
        case .ar: ar()
        case .en: en()
        }
    }

    /// The language of messages for a POSIX locale environment: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty decides (`ar_MA.UTF-8` → Arabic,
    /// `fr_FR` → French); any other language, `C`, `POSIX` or none → English.
    public static func ofLocale(_ environment: [String: String]) -> Language {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let code = locale.prefix { $0.isLetter }.lowercased()
        switch code {
        case "ar": return .ar
        case "fr": return .fr
        default: return .en
        }
    }
}
