public import SalamaXML

/// What an assessment says that its checklist does not know, or that does not fit its
/// cooperative. None of it stops evaluation.
public enum AssessmentWarning: Sendable, Hashable {
    /// An answer to a requirement the checklist does not have; `suggestion` is the id it was
    /// probably meant to be.
    case unknownRequirement(ref: String, suggestion: String?, location: SourceLocation)
    /// A yes, partial or no given to a requirement that does not apply to this cooperative.
    case notApplicableAnswer(ref: String, location: SourceLocation)
    case unknownEvidence(ref: String, evidence: String, location: SourceLocation)
    case unknownMeasure(ref: String, measure: String, location: SourceLocation)
    case checklistVersionMismatch(assessment: String, checklist: String, location: SourceLocation)

    /// The warning's code, as in the JSON result.
    public var code: String {
        switch self {
        case .unknownRequirement: "unknown-requirement"
        case .notApplicableAnswer: "not-applicable-answer"
        case .unknownEvidence: "unknown-evidence"
        case .unknownMeasure: "unknown-measure"
        case .checklistVersionMismatch: "checklist-version-mismatch"
        }
    }

    public var location: SourceLocation {
        switch self {
        case .unknownRequirement(_, _, let location), .notApplicableAnswer(_, let location), .unknownEvidence(_, _, let location),
             .unknownMeasure(_, _, let location), .checklistVersionMismatch(_, _, let location): location
        }
    }

    public var diagnostic: Diagnostic {
        switch self {
        case let .unknownRequirement(ref, suggestion, location):
            if let suggestion {
                .warning(at: location, ModelMessage.answerToUnknownRequirementSuggestion(ref: ref, suggestion: suggestion))
            } else {
                .warning(at: location, ModelMessage.answerToUnknownRequirement(ref: ref))
            }
        case let .notApplicableAnswer(ref, location):
            .warning(at: location, ModelMessage.answerNotApplicable(ref: ref))
        case let .unknownEvidence(ref, evidence, location):
            .warning(at: location, ModelMessage.answerUnknownEvidence(evidence: evidence, ref: ref))
        case let .unknownMeasure(ref, measure, location):
            .warning(at: location, ModelMessage.answerUnknownMeasure(measure: measure, ref: ref))
        case let .checklistVersionMismatch(assessment, checklist, location):
            .warning(at: location, ModelMessage.checklistVersionDiffers(assessment: assessment, checklist: checklist))
        }
    }
}

/// Checks an assessment against the checklist it will be evaluated with.
public enum AssessmentCheck {
    /// Errors that make the assessment unusable with this checklist: written for another
    /// checklist, or a product or activity the checklist does not declare (1.1).
    public static func errors(_ assessment: Assessment, _ checklist: Checklist) -> [Diagnostic] {
        if let mismatch = mismatch(assessment, checklist) { return [mismatch] }
        var errors: [Diagnostic] = []
        let cooperative = assessment.cooperative
        for (kind, tokens, locations) in [(VocabularyKind.product, cooperative.products, cooperative.productLocations),
                                          (.activity, cooperative.activities, cooperative.activityLocations)] {
            for (position, token) in tokens.enumerated() where checklist.term(token, kind: kind) == nil {
                let location = position < locations.count ? locations[position] : assessment.location
                let terms = checklist.vocabulary(kind)
                let problem = UnknownTermError(typed: token, kind: kind, among: terms)
                errors.append(.error(at: location, ModelMessage.unknownTermInCooperative(problem: problem.message)))
            }
        }
        return errors
    }

    /// An error when the assessment was written for another checklist.
    public static func mismatch(_ assessment: Assessment, _ checklist: Checklist) -> Diagnostic? {
        guard assessment.checklistID != checklist.id else { return nil }
        return .error(at: assessment.location, ModelMessage.assessmentForOtherChecklist(assessment: assessment.checklistID, checklist: checklist.id, path: checklist.path))
    }

    /// What an answer to a requirement may name, and whether the requirement applies to the
    /// cooperative.
    public struct Parts: Sendable {
        public var evidence: [String]
        public var measures: [String]
        public var applies: Bool

        public init(_ requirement: Requirement, applies: Bool) {
            evidence = requirement.evidence.map(\.id)
            measures = requirement.measures.map(\.id)
            self.applies = applies
        }
    }

    /// Warnings in the contract's order: `checklist-version-mismatch` first, then by the
    /// answer's position in the file, then code.
    /// - Parameters:
    ///   - partsOfAnswer: for the answer at a position, its requirement's parts (nil when the
    ///     checklist has no such requirement).
    ///   - suggestion: the requirement id an unknown ref was probably meant to be.
    public static func warnings(_ assessment: Assessment, _ checklist: Checklist, partsOfAnswer: (Int) -> Parts?,
                                suggestion: (String) -> String?) -> [AssessmentWarning] {
        var warnings: [AssessmentWarning] = []
        if let version = assessment.checklistVersion, version != checklist.version {
            warnings.append(.checklistVersionMismatch(assessment: version, checklist: checklist.version, location: assessment.location))
        }
        let answers = assessment.answers
        for position in answers.indices {
            let answer = answers[position]
            guard let requirement = partsOfAnswer(position) else {
                warnings.append(.unknownRequirement(ref: answer.ref, suggestion: suggestion(answer.ref), location: answer.location))
                continue
            }
            // Codes in alphabetical order within one answer.
            var ofAnswer: [AssessmentWarning] = []
            if !requirement.applies, let status = answer.status, status != .na {
                ofAnswer.append(.notApplicableAnswer(ref: answer.ref, location: answer.location))
            }
            for record in answer.evidence where !requirement.evidence.contains(record.ref) {
                ofAnswer.append(.unknownEvidence(ref: answer.ref, evidence: record.ref, location: record.location))
            }
            for measurement in answer.measurements where !requirement.measures.contains(measurement.ref) {
                ofAnswer.append(.unknownMeasure(ref: answer.ref, measure: measurement.ref, location: measurement.location))
            }
            warnings += ofAnswer.enumerated().sorted { ($0.element.code, $0.offset) < ($1.element.code, $1.offset) }.map(\.element)
        }
        return warnings
    }
}

/// The requirement id an unknown reference was probably meant to be (contract 1.1): the
/// closest id when the edit distance is at most 2, after lower-casing both and dropping the
/// leading zeros of every number; ties go to document order.
public struct RequirementSuggester: Sendable {
    /// Ids and their keys as UTF-8 (ids are ASCII by the schemas' pattern).
    private let ids: [(id: String, key: [UInt8])]
    /// The hash of every key with up to two characters deleted, and the positions of the ids it
    /// comes from: two keys within two edits share such a variant, so a look-up tries a few ids
    /// instead of all of them (an assessment may hold 50,000 unknown references). Hashes, not
    /// strings, so that a look-up allocates nothing; a collision only adds a candidate, which
    /// the edit distance then turns down.
    private let variants: [UInt64: [Int]]
    /// A key longer than this is more than two deletions away from every id.
    private let longestKey: Int

    public init(requirementIDs: [String]) {
        ids = requirementIDs.map { ($0, Array(Self.key($0).utf8)) }
        longestKey = ids.map(\.key.count).max() ?? 0
        var variants: [UInt64: [Int]] = [:]
        for (position, entry) in ids.enumerated() {
            Self.forEachVariant(of: entry.key) { variant in
                if variants[variant]?.last != position { variants[variant, default: []].append(position) }
            }
        }
        self.variants = variants
    }

    public func suggestion(for ref: String) -> String? {
        let key = Array(Self.key(ref).utf8)
        guard key.count <= longestKey + 2 else { return nil }
        var candidates: [Int] = []
        Self.forEachVariant(of: key) { variant in
            if let positions = variants[variant] { candidates += positions }
        }
        var best: (position: Int, distance: Int)?
        for position in Set(candidates).sorted() {
            let distance = EditDistance.between(key, ids[position].key)
            if distance <= 2 && distance < (best?.distance ?? Int.max) { best = (position, distance) }
        }
        return best.map { ids[$0.position].id }
    }

    /// Calls `body` with the hash of `key` and of every sequence made from it by deleting one or
    /// two of its bytes.
    static func forEachVariant(of key: [UInt8], _ body: (UInt64) -> Void) {
        body(hash(key, skipping: -1, -1))
        for first in key.indices {
            body(hash(key, skipping: first, -1))
            for second in key.indices where second > first {
                body(hash(key, skipping: first, second))
            }
        }
    }

    /// FNV-1a of `key` without the bytes at two positions (-1: none).
    private static func hash(_ key: [UInt8], skipping first: Int, _ second: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in key.indices where index != first && index != second {
            hash = (hash ^ UInt64(key[index])) &* 0x100_0000_01b3
        }
        return hash
    }

    /// Lower-cased, with the leading zeros of every number dropped (`IMP-02` → `imp-2`).
    static func key(_ id: String) -> String {
        var key = ""
        var previousIsDigit = false
        let characters = Array(id.lowercased())
        for (index, character) in characters.enumerated() {
            let isDigit = character.isASCII && character.isNumber
            // A zero that starts a number and is followed by another digit is dropped.
            if character == "0" && !previousIsDigit && index + 1 < characters.count
                && characters[index + 1].isASCII && characters[index + 1].isNumber {
                continue
            }
            key.append(character)
            previousIsDigit = isDigit
        }
        return key
    }
}
