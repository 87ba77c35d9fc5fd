public import SalamaXML

/// What an assessment says that its checklist does not know. None of it stops evaluation.
public enum AssessmentWarning: Sendable, Hashable {
    case unknownRequirement(ref: String, location: SourceLocation)
    case unknownEvidence(ref: String, evidence: String, location: SourceLocation)
    case unknownMeasure(ref: String, measure: String, location: SourceLocation)
    case checklistVersionMismatch(assessment: String, checklist: String, location: SourceLocation)

    /// The warning's code, as in the JSON result.
    public var code: String {
        switch self {
        case .unknownRequirement: "unknown-requirement"
        case .unknownEvidence: "unknown-evidence"
        case .unknownMeasure: "unknown-measure"
        case .checklistVersionMismatch: "checklist-version-mismatch"
        }
    }

    public var diagnostic: Diagnostic {
        switch self {
        case let .unknownRequirement(ref, location):
            .warning(at: location, "answer to unknown requirement '\(ref)': the checklist has no such requirement")
        case let .unknownEvidence(ref, evidence, location):
            .warning(at: location, "evidence '\(evidence)' is not an evidence item of requirement '\(ref)'")
        case let .unknownMeasure(ref, measure, location):
            .warning(at: location, "measurement '\(measure)' is not a measure of requirement '\(ref)'")
        case let .checklistVersionMismatch(assessment, checklist, location):
            .warning(at: location, "the assessment was made for checklist version '\(assessment)'; evaluating with version '\(checklist)'")
        }
    }
}

/// Checks an assessment against the checklist it will be evaluated with.
public enum AssessmentCheck {
    /// An error when the assessment was written for another checklist.
    public static func mismatch(_ assessment: Assessment, _ checklist: Checklist) -> Diagnostic? {
        guard assessment.checklistID != checklist.id else { return nil }
        return .error(at: assessment.location, "the assessment is for checklist '\(assessment.checklistID)', not '\(checklist.id)' (\(checklist.path))")
    }

    /// The ids an answer to a requirement may name.
    public struct Parts: Sendable {
        public var evidence: [String]
        public var measures: [String]

        public init(_ requirement: Requirement) {
            evidence = requirement.evidence.map(\.id)
            measures = requirement.measures.map(\.id)
        }
    }

    /// Warnings, in file order.
    public static func warnings(_ assessment: Assessment, _ checklist: Checklist) -> [AssessmentWarning] {
        let byID = Dictionary(checklist.requirements.map { ($0.id, Parts($0)) }, uniquingKeysWith: { first, _ in first })
        return warnings(assessment, checklist) { byID[assessment.answers[$0].ref] }
    }

    /// Warnings, in file order, when the caller already knows what each answer may name.
    /// - Parameter partsOfAnswer: for the answer at a position, its requirement's parts (nil
    ///   when the checklist has no such requirement).
    public static func warnings(_ assessment: Assessment, _ checklist: Checklist,
                                partsOfAnswer: (Int) -> Parts?) -> [AssessmentWarning] {
        var warnings: [AssessmentWarning] = []
        if let version = assessment.checklistVersion, version != checklist.version {
            warnings.append(.checklistVersionMismatch(assessment: version, checklist: checklist.version, location: assessment.location))
        }
        let answers = assessment.answers
        for position in answers.indices {
            guard let requirement = partsOfAnswer(position) else {
                warnings.append(.unknownRequirement(ref: answers[position].ref, location: answers[position].location))
                continue
            }
            for record in answers[position].evidence where !requirement.evidence.contains(record.ref) {
                warnings.append(.unknownEvidence(ref: answers[position].ref, evidence: record.ref, location: record.location))
            }
            for measurement in answers[position].measurements where !requirement.measures.contains(measurement.ref) {
                warnings.append(.unknownMeasure(ref: answers[position].ref, measure: measurement.ref, location: measurement.location))
            }
        }
        return warnings
    }
}
