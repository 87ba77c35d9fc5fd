public import SalamaXML

/// A loaded value and the warnings found while loading it.
public struct Loaded<Value: Sendable>: Sendable {
    public var value: Value
    public var warnings: [Diagnostic]

    public init(value: Value, warnings: [Diagnostic]) {
        self.value = value
        self.warnings = warnings
    }
}

/// Collects every problem of one file while the loaders build values from it, so that a
/// file's problems are all reported at once.
struct LoadContext {
    var diagnostics: [Diagnostic] = []
    var documentLanguage: String

    mutating func error(_ element: XMLElement, _ message: ModelMessage) {
        diagnostics.append(.error(at: element.location, message))
    }

    mutating func error(at location: SourceLocation, _ message: ModelMessage) {
        diagnostics.append(.error(at: location, message))
    }

    mutating func warning(_ element: XMLElement, _ message: ModelMessage) {
        diagnostics.append(.warning(at: element.location, message))
    }

    /// The texts of `elements` (titles, guidance…), one per language; a second text in the
    /// same language is an error.
    mutating func localized(_ elements: [XMLElement], what: ModelMessage) -> LocalizedText {
        var text = LocalizedText()
        var languages: Set<String> = []  // not `text.exactly`: an element may have 100,000 texts
        for element in elements {
            let language = element.language ?? documentLanguage
            if !Syntax.isLanguageTag(language) {
                error(element, .notALanguageTag(language: language))
            }
            if !languages.insert(language).inserted {
                error(element, .secondText(element: element.name, language: language, what: what))
                continue
            }
            text.entries.append(.init(language: language, text: Syntax.collapsingWhitespace(element.text)))
        }
        return text
    }

    /// A decimal attribute. Syntax is the schema's to report, so a bad value is just nil here.
    func decimal(_ element: XMLElement, _ name: String) -> Double? {
        element.attribute(name).flatMap(Syntax.decimal)
    }

    /// An integer attribute; one the schema accepts but too large to hold is an error here,
    /// never a silent 0 or nothing.
    mutating func integer(_ element: XMLElement, _ name: String) -> Int? {
        guard let text = element.attribute(name) else { return nil }
        return integer(text, at: element, what: .subjectAttribute(name: name))
    }

    /// `text` as an integer, or a located error when it has the form of one but is too large.
    mutating func integer(_ text: String, at element: XMLElement, what: ModelMessage) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let value = Int(trimmed) { return value }
        let digits = trimmed.drop { $0 == "+" || $0 == "-" }
        if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            error(element, .numberTooLarge(what: what, value: trimmed, max: String(Int.max)))
        }
        return nil
    }

    /// A date attribute; a value of the right shape that is not a real day is an error here
    /// (its shape is the schema's to check).
    mutating func day(_ element: XMLElement, _ name: String) -> Day? {
        guard let text = element.attribute(name) else { return nil }
        if let day = Day(iso: text) { return day }
        if Syntax.looksLikeISODate(text) {
            error(element, .notARealDate(name: name, value: text))
        }
        return nil
    }

    func tokens(_ element: XMLElement, _ name: String) -> [String]? {
        element.attribute(name).map { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
    }

    func condition(_ element: XMLElement) -> Condition {
        Condition(products: tokens(element, "products"), activities: tokens(element, "activities"), location: element.location)
    }

    mutating func checkNotEmpty(_ condition: Condition, _ element: XMLElement) {
        if condition.products == nil && condition.activities == nil {
            error(element, .conditionEmpty(element: element.name))
        }
    }
}

/// Registers ids and reports the second use of one.
struct UniqueIDs {
    private var seen: [String: SourceLocation] = [:]
    let what: ModelMessage

    init(_ what: ModelMessage) { self.what = what }

    /// Returns false (and reports) when `id` was already used.
    mutating func register(_ id: String, at element: XMLElement, in context: inout LoadContext) -> Bool {
        if let first = seen[id] {
            context.error(element, .duplicateID(what: what, id: id, first: first.description))
            return false
        }
        seen[id] = element.location
        return true
    }

    func contains(_ id: String) -> Bool { seen[id] != nil }
}

import Foundation

enum Syntax {
    /// XML white space (space, tab, CR, LF) collapsed to single spaces and trimmed; other
    /// spaces, such as a no-break space, are the author's.
    static func collapsingWhitespace(_ text: String) -> String {
        Lexical.collapsed(text)
    }

    /// The digits of a decimal the streaming reader reads itself; longer ones are left to the
    /// careful path, where libxml2's schema validator accepts at most 24.
    static let plainDecimalDigits = 18

    /// An `xs:decimal`: optional sign, digits, optional fraction; no exponent, no inf or nan.
    static func decimal(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var sawDigit = false
        for (index, character) in trimmed.enumerated() {
            switch character {
            case "0"..."9": sawDigit = true
            case "+" where index == 0, "-" where index == 0: continue
            case ".": continue
            default: return nil
            }
        }
        guard sawDigit, trimmed.filter({ $0 == "." }).count <= 1 else { return nil }
        return Double(trimmed)
    }

    static func looksLikeISODate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 else { return false }
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 7 {
                if byte != UInt8(ascii: "-") { return false }
            } else if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                return false
            }
        }
        return true
    }

    static func isLanguageTag(_ text: String) -> Bool {
        // Read as bytes: every localized text of a checklist has one.
        var length = 0, firstPart = true
        for byte in text.utf8 {
            if byte == UInt8(ascii: "-") {
                guard (1...8).contains(length) else { return false }
                length = 0
                firstPart = false
                continue
            }
            let letter = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            guard letter || (!firstPart && (0x30...0x39).contains(byte)) else { return false }
            length += 1
        }
        return (1...8).contains(length)
    }
}
