/// A language reports are written in.
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
