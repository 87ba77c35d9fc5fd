public import SalamaModel
public import SalamaXML

/// Two assessments of the same cooperative side by side: progress between them, and where a
/// self-assessment and an inspection disagree.
public struct Comparison: Sendable {
    public struct TargetChange: Sendable, Hashable {
        public var old: TargetResult
        public var new: TargetResult
        public var target: Target { new.target }
        /// New score minus old score, as reported (one decimal); nil when either has no score.
        public var scoreChange: Double? {
            guard let newScore = new.score, let oldScore = old.score else { return nil }
            return ((newScore - oldScore) * 10).rounded(.toNearestOrAwayFromZero) / 10
        }
    }

    /// A requirement as evaluated in both assessments.
    public struct RequirementPair: Sendable, Hashable {
        public var old: RequirementResult
        public var new: RequirementResult
        public var requirement: Requirement { new.requirement }
    }

    /// Which way a self-assessment strays from what the inspector found.
    public enum Direction: String, Sendable, Hashable {
        /// The cooperative declared better than the inspector found ("declared yes, found no").
        case overstated
        /// The cooperative declared worse than the inspector found.
        case understated
    }

    public struct Disagreement: Sendable, Hashable {
        public var selfAssessment: RequirementResult
        public var inspection: RequirementResult
        public var direction: Direction
        public var requirement: Requirement { inspection.requirement }
    }

    public var old: Evaluation
    public var new: Evaluation
    public var targets: [TargetChange]
    /// Open in the old assessment and, in the new one, met, exempted or no longer applicable;
    /// a finding the new assessment leaves unassessed is neither closed nor opened.
    public var closed: [RequirementPair]
    /// Open in the new assessment but not in the old one.
    public var opened: [RequirementPair]
    public var stillOpen: [RequirementPair]
    /// Only when one assessment is a self-assessment and the other an inspection: requirements
    /// both answered where the declaration and the inspector's finding differ, most severe first.
    public var disagreements: [Disagreement]

    /// Compares two evaluations of the same cooperative against the same checklist.
    /// - Throws: `InvalidInputError` when they concern different cooperatives or checklists.
    public init(old: Evaluation, new: Evaluation) throws(InvalidInputError) {
        guard old.assessment.cooperative.id == new.assessment.cooperative.id else {
            throw InvalidInputError(.error(at: new.assessment.location,
                EvaluationMessage.differentCooperatives(old: old.assessment.cooperative.id, new: new.assessment.cooperative.id)))
        }
        guard old.checklist.id == new.checklist.id else {
            throw InvalidInputError(.error(at: new.assessment.location,
                EvaluationMessage.differentChecklists(old: old.checklist.id, new: new.checklist.id)))
        }
        self.old = old
        self.new = new
        targets = zip(old.targets, new.targets).map { TargetChange(old: $0, new: $1) }

        let oldByID = Dictionary(old.results.map { ($0.requirement.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newByID = Dictionary(new.results.map { ($0.requirement.id, $0) }, uniquingKeysWith: { first, _ in first })
        closed = old.findings.compactMap { finding in
            newByID[finding.requirement.id].flatMap {
                $0.isOpen || ($0.applicable && $0.status == .unassessed) ? nil : RequirementPair(old: finding, new: $0)
            }
        }
        opened = new.findings.compactMap { finding in
            oldByID[finding.requirement.id].flatMap { $0.isOpen ? nil : RequirementPair(old: $0, new: finding) }
        }
        stillOpen = new.findings.compactMap { finding in
            oldByID[finding.requirement.id].flatMap { $0.isOpen ? RequirementPair(old: $0, new: finding) : nil }
        }

        disagreements = []
        let kinds = (old.assessment.kind, new.assessment.kind)
        guard kinds == (.selfAssessment, .inspection) || kinds == (.inspection, .selfAssessment) else { return }
        let (selfByID, inspection) = old.assessment.kind == .selfAssessment ? (oldByID, new) : (newByID, old)
        disagreements = inspection.results.compactMap { found -> Disagreement? in
            guard found.applicable, found.declared != nil, let declared = selfByID[found.requirement.id],
                  let claim = declared.declared else { return nil }
            guard let observed = Self.rank(found.status) else { return nil }
            let claimed = Self.rank(claim)
            guard claimed != observed else { return nil }
            return Disagreement(selfAssessment: declared, inspection: found, direction: claimed > observed ? .overstated : .understated)
        }
        .sorted { Evaluator.findingOrder($0.inspection, $1.inspection) }
    }

    /// How good a declaration or a finding is, to compare the two.
    static func rank(_ status: AnswerStatus) -> Int {
        switch status {
        case .yes: 3
        case .partial: 2
        case .no: 1
        case .na: 0
        }
    }

    /// Nil for a requirement left unassessed: there is nothing to compare.
    static func rank(_ status: EffectiveStatus) -> Int? {
        switch status {
        case .yes: 3
        case .partial: 2
        case .no: 1
        case .exempted: 0
        case .unassessed: nil
        }
    }
}
