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
