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
    /// - Parameter parts: the checklist's requirements by id, when the caller has them at hand.
    public static func warnings(_ assessment: Assessment, _ checklist: Checklist,
                                parts: [String: Parts]? = nil) -> [AssessmentWarning] {
        var warnings: [AssessmentWarning] = []
        if let version = assessment.checklistVersion, version != checklist.version {
            warnings.append(.checklistVersionMismatch(assessment: version, checklist: checklist.version, location: assessment.location))
        }
        let byID = parts ?? Dictionary(checklist.requirements.map { ($0.id, Parts($0)) }, uniquingKeysWith: { first, _ in first })
        for answer in assessment.answers {
            guard let requirement = byID[answer.ref] else {
                warnings.append(.unknownRequirement(ref: answer.ref, location: answer.location))
                continue
            }
            for record in answer.evidence where !requirement.evidence.contains(record.ref) {
                warnings.append(.unknownEvidence(ref: answer.ref, evidence: record.ref, location: record.location))
            }
            for measurement in answer.measurements where !requirement.measures.contains(measurement.ref) {
                warnings.append(.unknownMeasure(ref: answer.ref, measure: measurement.ref, location: measurement.location))
            }
        }
        return warnings
    }
}
