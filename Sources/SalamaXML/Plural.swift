/// The plural categories of Unicode CLDR: which form of a counted word a number takes. Arabic
/// uses all six (٠ zero, ١ one, ٢ two, ٣–١٠ few, ١١–٩٩ many, ١٠٠ other, by the last two
/// digits); French has one (0 and 1) and other; English one (1) and other.
public enum PluralCategory: String, Sendable, CaseIterable {
    case zero, one, two, few, many, other

    /// The category of the whole number `count` in `language`.
    public init(_ count: Int, in language: Language) {
        let n = count.magnitude
        switch language {
        case .ar:
            let lastTwo = n % 100
            self = n == 0 ? .zero : n == 1 ? .one : n == 2 ? .two
                : (3...10).contains(lastTwo) ? .few : (11...99).contains(lastTwo) ? .many : .other
        case .fr:
            self = n <= 1 ? .one : .other
        case .en:
            self = n == 1 ? .one : .other
        }
    }
}

/// A counted phrase in each plural form of one language, `#` standing for the number
/// ("# écarts critiques"). A form left out falls back to `other`; Arabic `one` and `two`
/// usually leave the number out ("إجراء واحد", "إجراءان").
public struct PluralForms: Sendable {
    public var forms: [PluralCategory: String]

    public init(zero: String? = nil, one: String? = nil, two: String? = nil, few: String? = nil, many: String? = nil, other: String) {
        var forms: [PluralCategory: String] = [.other: other]
        forms[.zero] = zero
        forms[.one] = one
        forms[.two] = two
        forms[.few] = few
        forms[.many] = many
        self.forms = forms
    }

    /// The phrase for `count` in `language`, the number written in place of `#`.
    public func callAsFunction(_ count: Int, in language: Language) -> String {
        let form = forms[PluralCategory(count, in: language)] ?? forms[.other] ?? "#"
        return form.replacingOccurrences(of: "#", with: String(count))
    }
}
