public import SalamaXML

/// How serious an open finding is. Ordered from the most serious.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    case critical
    case major
    case minor

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .critical: 0
        case .major: 1
        case .minor: 2
        }
    }
}

/// What a corrective action costs a cooperative.
public enum Cost: String, Sendable, Hashable, CaseIterable, Comparable {
    case free
    case low
    case investment

    public static func < (lhs: Cost, rhs: Cost) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Which cooperatives something concerns: `applies-when` and `required-for`.
/// An attribute left out does not constrain; each one given must share a token with the
/// cooperative's declared products (or activities).
public struct Condition: Sendable, Hashable {
    public var products: [String]?
    public var activities: [String]?
    public var location: SourceLocation

    public init(products: [String]?, activities: [String]?, location: SourceLocation) {
        self.products = products
        self.activities = activities
        self.location = location
    }

    public func matches(products declaredProducts: [String], activities declaredActivities: [String]) -> Bool {
        if let products, !products.contains(where: declaredProducts.contains) { return false }
        if let activities, !activities.contains(where: declaredActivities.contains) { return false }
        return true
    }
}

/// A legal or normative text that requirements cite.
public struct Source: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText
    public var location: SourceLocation
}

/// A citation of a source, with the article or chapter.
public struct Cite: Sendable, Hashable {
    public var source: String
    /// The locator (article, chapter…), per language; empty when the cite names none.
    public var at: LocalizedText
    public var location: SourceLocation
}

/// A certification level: autorisation, agrément, export readiness…
public struct Target: Sendable, Hashable {
    public var id: String
    public var level: Int
    public var minScore: Double
    /// Open majors allowed in scope; nil means no limit.
    public var maxMajor: Int?
    /// The target this one includes (its scope adds that target's scope).
    public var includes: String?
    public var title: LocalizedText
    public var description: LocalizedText
    public var requiredFor: Condition?
    public var location: SourceLocation
}

/// A document the cooperative must show, possibly with a period of validity.
public struct EvidenceSpec: Sendable, Hashable {
    public var id: String
    public var maxAgeDays: Int?
    public var title: LocalizedText
    public var guidance: LocalizedText
    public var location: SourceLocation
}

/// A measured value with its acceptable range (either bound may be absent).
public struct MeasureSpec: Sendable, Hashable {
    public var id: String
    public var unit: String?
    public var min: Double?
    public var max: Double?
    public var title: LocalizedText
    public var guidance: LocalizedText
    public var location: SourceLocation

    public func accepts(_ value: Double) -> Bool {
        if let min, value < min { return false }
        if let max, value > max { return false }
        return true
    }
}

/// The corrective action suggested for an open requirement, in each language given.
public struct Action: Sendable, Hashable {
    public var text: LocalizedText
    public var cost: Cost
    public var location: SourceLocation
}

/// One thing a cooperative must do or have.
public struct Requirement: Sendable, Hashable {
    public var id: String
    public var severity: Severity
    public var target: String
    public var weight: Double
    public var title: LocalizedText
    public var guidance: LocalizedText
    public var cites: [Cite]
    public var appliesWhen: Condition?
    public var evidence: [EvidenceSpec]
    public var measures: [MeasureSpec]
    public var action: Action?
    /// `allow-na="true"`: the assessment may declare the requirement not applicable.
    public var allowsNotApplicable: Bool
    public var location: SourceLocation
}

/// A group of requirements, possibly nested; a module file's root is a section.
public struct Section: Sendable, Hashable {
    public enum Item: Sendable, Hashable {
        case requirement(Requirement)
        case section(Section)
    }

    public var id: String
    public var title: LocalizedText
    public var description: LocalizedText
    public var appliesWhen: Condition?
    public var items: [Item]
    public var location: SourceLocation

    /// The requirements of this section and its sub-sections, in document order.
    public var allRequirements: [Requirement] {
        items.flatMap { item -> [Requirement] in
            switch item {
            case .requirement(let requirement): return [requirement]
            case .section(let section): return section.allRequirements
            }
        }
    }

    public var subsections: [Section] {
        items.compactMap { if case .section(let section) = $0 { section } else { nil } }
    }
}

/// A loaded, valid checklist.
public struct Checklist: Sendable {
    public var id: String
    public var version: String
    /// The checklist's `xml:lang`: the language of texts that name none.
    public var language: String
    public var title: LocalizedText
    public var description: LocalizedText
    public var sources: [Source]
    /// The declared vocabulary (contract 1.1), in document order.
    public var products: [VocabularyTerm]
    public var activities: [VocabularyTerm]
    /// Credit of a `partial` answer (the contract's default is 0.5).
    public var partialCredit: Double
    /// Targets in level order.
    public var targets: [Target]
    public var sections: [Section]
    /// The file as the user named it, and the SHA-256 of its bytes as read.
    public var path: String
    public var sha256: String

    public var requirements: [Requirement] { sections.flatMap(\.allRequirements) }

    public func target(_ id: String) -> Target? { targets.first { $0.id == id } }

    /// The ids of the targets whose requirements make up the scope of `id` (rule 4): the
    /// target itself and every target it includes, directly or through a chain.
    public func scope(of id: String) -> Set<String> {
        var scope: Set<String> = [id]
        var next = target(id)?.includes
        while let included = next, !scope.contains(included) {
            scope.insert(included)
            next = target(included)?.includes
        }
        return scope
    }

    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }

    /// Shorthand for a text in the display language with the contract's fallback.
    public func text(_ text: LocalizedText, in language: String?) -> String {
        text.resolved(language, documentLanguage: self.language)
    }
}
