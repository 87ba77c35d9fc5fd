public import SalamaXML
import Foundation

/// Whether a vocabulary term is a product or an activity.
public enum VocabularyKind: String, Sendable, Hashable, CaseIterable {
    case product
    case activity

    /// The attribute of `applies-when` and `required-for` that lists terms of this kind.
    public var attribute: String {
        switch self {
        case .product: "products"
        case .activity: "activities"
        }
    }
}

/// A product or an activity a checklist declares (contract 1.1): the token `applies-when`
/// and `required-for` use, its titles per language, and other names people type.
public struct VocabularyTerm: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText
    public var aliases: [String]
    public var location: SourceLocation

    public init(id: String, title: LocalizedText, aliases: [String], location: SourceLocation) {
        self.id = id
        self.title = title
        self.aliases = aliases
        self.location = location
    }

    /// Every name that stands for the term where a person types: its id, its titles, its aliases.
    public var names: [String] {
        [id] + title.entries.map(\.text) + aliases
    }
}

/// A typed name that is neither the id, a title nor an alias of any declared term.
public struct UnknownTermError: Error, Sendable, Hashable, CustomStringConvertible {
    public var typed: String
    public var kind: VocabularyKind
    /// The declared id whose id, title or alias is nearest to what was typed (nil only when
    /// nothing of this kind is declared).
    public var closest: String?
    /// Whether the closest id is near enough to be what was meant (a typing slip) rather than
    /// only the least far of the valid ones.
    public var closestIsLikely: Bool
    /// Every declared id of this kind, in document order.
    public var valid: [String]

    /// The error for `typed`, against the declared terms of its kind.
    public init(typed: String, kind: VocabularyKind, among terms: [VocabularyTerm]) {
        self.typed = typed
        self.kind = kind
        let nearest = Vocabulary.nearest(to: typed, in: terms)
        closest = nearest?.id
        closestIsLikely = nearest?.isSlip ?? false
        valid = terms.map(\.id)
    }

    /// What is wrong, with the nearest id and the declared ones.
    public var message: ModelMessage {
        let unknown: ModelMessage = kind == .product ? .unknownProduct(typed: typed) : .unknownActivity(typed: typed)
        let declared: ModelMessage = switch (kind, valid.isEmpty) {
        case (.product, true): .noProductsDeclared
        case (.product, false): .productsDeclared(ids: valid)
        case (.activity, true): .noActivitiesDeclared
        case (.activity, false): .activitiesDeclared(ids: valid)
        }
        guard let closest else { return .unknownTermWithoutHint(unknown: unknown, declared: declared) }
        let hint: ModelMessage = closestIsLikely ? .termDidYouMean(closest: closest) : .termClosestIs(closest: closest)
        return .unknownTermWithHint(unknown: unknown, hint: hint, declared: declared)
    }

    public var description: String { message.message.description }
}

extension Checklist {
    /// The declared terms of a kind, in document order.
    public func vocabulary(_ kind: VocabularyKind) -> [VocabularyTerm] {
        switch kind {
        case .product: products
        case .activity: activities
        }
    }

    /// The declared term with this id.
    public func term(_ id: String, kind: VocabularyKind) -> VocabularyTerm? {
        vocabulary(kind).first { $0.id == id }
    }

    /// The title of a term in `language` (with the contract's fallback), or the id itself when
    /// the checklist does not declare it.
    public func title(ofTerm id: String, kind: VocabularyKind, in language: String?) -> String {
        guard let term = term(id, kind: kind), !term.title.isEmpty else { return id }
        return text(term.title, in: language)
    }

    /// What a person typed (an id, a title or an alias, ignoring case, accents and surrounding
    /// spaces), resolved to the id of a declared term.
    public func resolve(_ typed: String, kind: VocabularyKind) throws(UnknownTermError) -> String {
        let key = Vocabulary.matchingKey(typed)
        let terms = vocabulary(kind)
        for term in terms where term.names.contains(where: { Vocabulary.matchingKey($0) == key }) {
            return term.id
        }
        throw UnknownTermError(typed: typed, kind: kind, among: terms)
    }

    /// Several names typed in one field (a spreadsheet cell, a command-line option), split at
    /// `separators`, each resolved as `resolve(_:kind:)` does; empty names are skipped. A name
    /// of the vocabulary may hold a separator itself ("Pasteurisation rapide (HTST, 72 °C
    /// pendant 15 s)", the title a workbook writes): where consecutive pieces and the
    /// separators between them make up a name, they are read as that one name, the longest
    /// such run first.
    /// - Returns: each name's id, or why it is none, in the order typed.
    public func resolveNames(_ text: String, kind: VocabularyKind, separators: Set<Character>) -> [Result<String, UnknownTermError>] {
        var pieces: [Range<String.Index>] = []
        var start = text.startIndex
        for index in text.indices where separators.contains(text[index]) {
            pieces.append(start..<index)
            start = text.index(after: index)
        }
        pieces.append(start..<text.endIndex)
        // How many pieces a name of the vocabulary can span: one plus the most separators any holds.
        let mostSeparators = vocabulary(kind).flatMap(\.names).map { name in name.filter(separators.contains).count }.max() ?? 0
        let widest = 1 + mostSeparators
        var results: [Result<String, UnknownTermError>] = []
        var first = 0
        reading: while first < pieces.count {
            let piece = text[pieces[first]].trimmingCharacters(in: .whitespaces)
            guard !piece.isEmpty else { first += 1; continue }
            for last in stride(from: min(pieces.count, first + widest) - 1, to: first, by: -1) {
                let run = text[pieces[first].lowerBound..<pieces[last].upperBound].trimmingCharacters(in: .whitespaces)
                if let id = try? resolve(run, kind: kind) {
                    results.append(.success(id))
                    first = last + 1
                    continue reading
                }
            }
            do {
                results.append(.success(try resolve(piece, kind: kind)))
            } catch {
                results.append(.failure(error))
            }
            first += 1
        }
        return results
    }
}

enum Vocabulary {
    /// A name as people's typing is compared: accents and case dropped, surrounding spaces
    /// trimmed and inner white space collapsed.
    static func matchingKey(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The id of the term whose id, title or alias is nearest to `typed` (the first in document
    /// order on a tie), and whether it is within a third of the typed length (at least 2 edits):
    /// close enough to be a typing slip.
    static func nearest(to typed: String, in terms: [VocabularyTerm]) -> (id: String, isSlip: Bool)? {
        let key = Array(matchingKey(typed))
        var best: (id: String, distance: Int)?
        for term in terms {
            for name in term.names {
                let distance = EditDistance.between(key, Array(matchingKey(name)))
                if distance < (best?.distance ?? Int.max) { best = (term.id, distance) }
            }
        }
        return best.map { ($0.id, $0.distance <= max(2, key.count / 3)) }
    }
}

/// Levenshtein distance: insertions, deletions and substitutions each cost one.
public enum EditDistance {
    public static func between<C: Equatable>(_ a: [C], _ b: [C]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
