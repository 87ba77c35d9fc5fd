public import SalamaModel

/// The effective status of an applicable requirement (contract, section 3 rule 2).
public enum EffectiveStatus: String, Sendable, Hashable, CaseIterable {
    case yes
    case partial
    case no
    /// No answer, or an answer without status (1.1): not a finding, outside every score.
    case unassessed
    /// Declared `na` where the requirement allows it (1.1): left out of every count.
    case exempted

    /// Yes, partial or no: the requirement counts in scores.
    public var isAssessed: Bool { self == .yes || self == .partial || self == .no }
}

/// Why a requirement's effective status is what it is, with the data it concerns.
public enum Reason: Sendable, Hashable {
    case declaredNotApplicableButApplies
    case measureOutOfRange(measure: String, value: Double, min: Double?, max: Double?)
    case measureMissing(measure: String)
    case evidenceMissing(evidence: String)
    case evidenceExpired(evidence: String, date: Day, maxAgeDays: Int)
    case evidenceFutureDated(evidence: String, date: Day)

    /// The reason of a common case, made once rather than per requirement.
    static let declaredNotApplicableOnly: [Reason] = [.declaredNotApplicableButApplies]

    /// The reason code of the contract.
    public var code: String {
        switch self {
        case .declaredNotApplicableButApplies: "declared-na-but-applies"
        case .measureOutOfRange: "measure-out-of-range"
        case .measureMissing: "measure-missing"
        case .evidenceMissing: "evidence-missing"
        case .evidenceExpired: "evidence-expired"
        case .evidenceFutureDated: "evidence-future-dated"
        }
    }

    /// The evidence item the reason concerns, if any.
    public var evidence: String? {
        switch self {
        case .evidenceMissing(let id), .evidenceExpired(let id, _, _), .evidenceFutureDated(let id, _): id
        default: nil
        }
    }
}

/// Where a document the checklist asks for stands on the assessment's date.
public enum EvidenceState: String, Sendable, Hashable, CaseIterable {
    case present
    case missing
    case expired
    case futureDated = "future-dated"
}

/// One evidence item of an applicable requirement and what the assessment shows for it.
public struct DocumentStatus: Sendable, Hashable {
    public var requirement: Requirement
    public var evidence: EvidenceSpec
    public var record: EvidenceRecord?
    public var state: EvidenceState
}

/// The share of a section's assessed applicable requirements whose effective status is `yes`.
public struct SectionCompliance: Sendable, Hashable {
    public var section: Section
    /// Applicable requirements (exempted ones left out), and those assessed.
    public var applicable: Int
    public var assessed: Int
    public var compliant: Int
    public var open: SeverityCounts

    /// Compliant ÷ assessed; nil when nothing in the section was assessed.
    public var share: Double? { assessed > 0 ? Double(compliant) / Double(assessed) : nil }
}

public enum Verdict: String, Sendable, Hashable, CaseIterable {
    case ready
    case notReady = "not-ready"
    /// No blocker, but something in scope is not assessed yet (1.1).
    case incomplete
}

/// Why a target is not ready, in the contract's order.
public enum Blocker: String, Sendable, Hashable, CaseIterable {
    case scoreBelowMinimum = "score-below-minimum"
    case criticalOpen = "critical-open"
    case tooManyMajor = "too-many-major"
    /// Open majors within the limit, but one without a deadline after the assessment (1.1).
    case majorWithoutDeadline = "major-without-deadline"
}

/// Open findings counted by severity.
public struct SeverityCounts: Sendable, Hashable {
    public var critical = 0
    public var major = 0
    public var minor = 0

    public init() {}

    public subscript(severity: Severity) -> Int {
        get {
            switch severity {
            case .critical: critical
            case .major: major
            case .minor: minor
            }
        }
        set {
            switch severity {
            case .critical: critical = newValue
            case .major: major = newValue
            case .minor: minor = newValue
            }
        }
    }

    public var total: Int { critical + major + minor }
}

/// One target's result for one assessment.
public struct TargetResult: Sendable, Hashable {
    public var target: Target
    /// True on the cooperative's required target only.
    public var required: Bool
    /// Score(T) as computed, 0–100; nil when applicable requirements are in scope but none
    /// of them is assessed (rule 5).
    public var score: Double?
    public var verdict: Verdict
    public var open: SeverityCounts
    public var blockers: [Blocker]
    /// Applicable requirements in scope (exempted ones left out), and those assessed.
    public var applicable: Int
    public var assessed: Int
    /// Open majors in scope without a deadline after the assessment's date.
    public var majorsWithoutDeadline: [String]

    /// Applicable requirements in scope not assessed yet.
    public var unassessed: Int { applicable - assessed }

    /// The score as reported: rounded to one decimal, halves away from zero.
    public var reportedScore: Double? { score.map { ($0 * 10).rounded(.toNearestOrAwayFromZero) / 10 } }

    /// The score shown to people: the reported score, except that a score below the minimum is
    /// rounded down, so that a report never reads "90 % (minimum 90 %): below the minimum".
    public var displayedScore: Double? {
        guard let score, let reported = reportedScore else { return nil }
        guard score + Evaluator.tolerance < target.minScore, reported >= target.minScore else { return reported }
        return (score * 10).rounded(.down) / 10
    }
}

/// What a target's result comes to, without the reasons: the figures a table of many
/// cooperatives shows. Small, so that a summary can keep one per cooperative.
public struct TargetOutcome: Sendable, Hashable {
    public var targetID: String
    public var verdict: Verdict
    /// As `TargetResult.reportedScore` and `displayedScore`.
    public var reportedScore: Double?
    public var displayedScore: Double?
    public var open: SeverityCounts
    public var assessed: Int
    public var applicable: Int
}

extension TargetResult {
    public var outcome: TargetOutcome {
        TargetOutcome(targetID: target.id, verdict: verdict, reportedScore: reportedScore, displayedScore: displayedScore,
                      open: open, assessed: assessed, applicable: applicable)
    }
}

/// A requirement as prepared once per checklist: its place in the checklist and the
/// conditions it applies under. Shared, never copied, by every evaluation.
final class PreparedRequirement: Sendable {
    let requirement: Requirement
    let section: String
    let topSection: String
    /// Index of the top-level section in the checklist.
    let topSectionIndex: Int
    /// Index of the list of conditions (sections' and its own) the requirement applies under;
    /// requirements of one section share it, so each list is tested once per assessment.
    let conditionGroup: Int
    let targetLevel: Int
    /// For each target (by index in level order), whether its scope holds the requirement.
    let inScope: [Bool]
    /// Position in the checklist (document order).
    let index: Int
    /// Copied out of the requirement for the hot loops, which would otherwise copy it whole.
    let severity: Severity
    let weight: Double
    let measures: [MeasureSpec]
    let evidence: [EvidenceSpec]
    let allowsNotApplicable: Bool

    init(requirement: Requirement, section: String, topSection: String, topSectionIndex: Int, conditionGroup: Int,
         targetLevel: Int, inScope: [Bool], index: Int) {
        self.severity = requirement.severity
        self.weight = requirement.weight
        self.measures = requirement.measures
        self.evidence = requirement.evidence
        self.allowsNotApplicable = requirement.allowsNotApplicable
        self.requirement = requirement
        self.section = section
        self.topSection = topSection
        self.topSectionIndex = topSectionIndex
        self.conditionGroup = conditionGroup
        self.targetLevel = targetLevel
        self.inScope = inScope
        self.index = index
    }
}

/// The evaluation of one requirement for one assessment.
public struct RequirementResult: Sendable, Hashable {
    let prepared: PreparedRequirement
    public var applicable: Bool
    public var answer: Answer?
    /// The declared status (nil when unanswered or left blank).
    public var declared: AnswerStatus?
    public var status: EffectiveStatus
    public var reasons: [Reason]

    public var requirement: Requirement { prepared.requirement }
    /// The section that directly holds the requirement, and the top-level section above it.
    public var section: String { prepared.section }
    public var topSection: String { prepared.topSection }
    /// The level of the requirement's own target.
    public var targetLevel: Int { prepared.targetLevel }
    /// Position in the checklist (document order).
    public var index: Int { prepared.index }

    /// An open finding: applicable, assessed, and not `yes`.
    public var isOpen: Bool { applicable && (status == .partial || status == .no) }

    public static func == (lhs: RequirementResult, rhs: RequirementResult) -> Bool {
        lhs.prepared === rhs.prepared && lhs.applicable == rhs.applicable && lhs.answer == rhs.answer
            && lhs.declared == rhs.declared && lhs.status == rhs.status && lhs.reasons == rhs.reasons
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(prepared))
        hasher.combine(status)
        hasher.combine(reasons)
    }
}

/// The contract's rules applied to one assessment, without the details only reports need:
/// what `salama summary` counts.
public struct Verdicts: Sendable {
    /// For each requirement of the checklist (document order), whether it applies (rule 1) and
    /// its effective status (rule 2; `unassessed` when it does not apply).
    public var applicable: [Bool]
    public var statuses: [EffectiveStatus]
    /// Targets in level order (rules 4 to 7).
    public var targets: [TargetResult]
    /// For each requirement, the index of its top-level section.
    public var topSections: [Int]
}

/// The result of evaluating one assessment against one checklist.
public struct Evaluation: Sendable {
    public var checklist: Checklist
    public var assessment: Assessment
    /// Targets in level order.
    public var targets: [TargetResult]
    /// Every requirement of the checklist in document order, applicable or not.
    public var results: [RequirementResult]
    /// Positions in `results` of the open findings, in the contract's order (rule 8).
    public var findingIndexes: [Int]
    public var warnings: [AssessmentWarning]

    /// Open findings in the contract's order (rule 8).
    public var findings: [RequirementResult] { findingIndexes.map { results[$0] } }

    public var requiredTarget: TargetResult { targets.first(where: \.required) ?? targets[0] }

    /// Applicable requirements left unassessed, in document order (1.1).
    public var unassessed: [RequirementResult] { results.filter { $0.applicable && $0.status == .unassessed } }

    /// Requirements declared `na` under `allow-na`, in document order (1.1).
    public var exempted: [RequirementResult] { results.filter { $0.applicable && $0.status == .exempted } }

    /// Compliance of each top-level section, in document order.
    public var sectionCompliance: [SectionCompliance] {
        checklist.sections.map { section in
            var compliance = SectionCompliance(section: section, applicable: 0, assessed: 0, compliant: 0, open: SeverityCounts())
            for result in results where result.topSection == section.id && result.applicable && result.status != .exempted {
                compliance.applicable += 1
                guard result.status.isAssessed else { continue }
                compliance.assessed += 1
                if result.status == .yes { compliance.compliant += 1 } else { compliance.open[result.requirement.severity] += 1 }
            }
            return compliance
        }
    }

    /// Every evidence item of the assessed applicable requirements, with its state: the application
    /// dossier at a glance. In checklist order.
    public var documents: [DocumentStatus] {
        results.filter { $0.applicable && $0.status.isAssessed }.flatMap { result in
            result.requirement.evidence.map { evidence in
                let record = result.answer?.evidence.first { $0.ref == evidence.id }
                return DocumentStatus(requirement: result.requirement, evidence: evidence, record: record,
                                      state: Evaluator.evidenceState(evidence, record, on: assessment.date))
            }
        }
    }
}
