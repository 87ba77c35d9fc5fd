/// A text in one or more languages, in the order the file gives them.
public struct LocalizedText: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var language: String
        public var text: String

        public init(language: String, text: String) {
            self.language = language
            self.text = text
        }
    }

    public var entries: [Entry]

    public init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    public init(_ text: String, language: String) {
        self.entries = [Entry(language: language, text: text)]
    }

    public var isEmpty: Bool { entries.isEmpty }

    public var languages: [String] { entries.map(\.language) }

    /// The text in `language` only, if present.
    public func exactly(_ language: String) -> String? {
        entries.first { $0.language == language }?.text
    }

    /// The text to display: the requested language, then the document's language, then the
    /// first one present (the contract's fallback).
    public func resolved(_ language: String?, documentLanguage: String) -> String {
        if let language, let text = exactly(language) { return text }
        if let text = exactly(documentLanguage) { return text }
        return entries.first?.text ?? ""
    }
}
