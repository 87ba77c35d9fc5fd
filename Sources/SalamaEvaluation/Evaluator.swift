public import SalamaModel

/// A checklist prepared once for evaluation: requirements flattened with their applicability
/// conditions, their sections and the targets whose scope holds them. It evaluates any number
/// of assessments, from any number of threads, without re-reading the checklist.
public struct Evaluator: Sendable {
    /// Scores at most this far below a threshold still meet it (binary fractions of decimal
    /// weights are never exact).
    static let tolerance = 1e-9

    public let checklist: Checklist
    let entries: [PreparedRequirement]
    let conditionGroups: [[Condition]]
    let indexByID: [String: Int]
    /// Each requirement's place in the order of rule 8, which depends on the checklist only.
    let findingRank: [Int]
    /// Each requirement's top-level section, by position.
    let topSections: [Int]
    /// Suggests the requirement an unknown answer ref was meant to be.
    let suggester: RequirementSuggester

    public init(_ checklist: Checklist) {
        self.checklist = checklist
        let targets = checklist.targets
        // Scope of T: T and every target it includes, directly or through a chain.
        let closures: [Set<String>] = targets.map { checklist.scope(of: $0.id) }
        var entries: [PreparedRequirement] = []
        var groups: [[Condition]] = []
        func walk(_ section: Section, top: String, topIndex: Int, conditions: [Condition]) {
            let inherited = conditions + (section.appliesWhen.map { [$0] } ?? [])
            groups.append(inherited)
            let sectionGroup = groups.count - 1
            for item in section.items {
                switch item {
                case .section(let child):
                    walk(child, top: top, topIndex: topIndex, conditions: inherited)
                case .requirement(let requirement):
                    var group = sectionGroup
                    if let own = requirement.appliesWhen {
                        groups.append(inherited + [own])
                        group = groups.count - 1
                    }
                    entries.append(PreparedRequirement(
                        requirement: requirement,
                        section: section.id,
                        topSection: top,
                        topSectionIndex: topIndex,
                        conditionGroup: group,
                        targetLevel: checklist.target(requirement.target)?.level ?? 0,
                        inScope: closures.map { $0.contains(requirement.target) },
                        index: entries.count))
                }
            }
        }
        for (index, section) in checklist.sections.enumerated() { walk(section, top: section.id, topIndex: index, conditions: []) }
        self.entries = entries
        self.conditionGroups = groups
        self.indexByID = Dictionary(entries.map { ($0.requirement.id, $0.index) }, uniquingKeysWith: { first, _ in first })
        self.suggester = RequirementSuggester(requirementIDs: entries.map(\.requirement.id))
        var rank = [Int](repeating: 0, count: entries.count)
        for (place, entry) in entries.sorted(by: Self.findingOrder).enumerated() { rank[entry.index] = place }
        self.findingRank = rank
        self.topSections = entries.map(\.topSectionIndex)
    }

    /// The cooperative's required target: the highest-level target whose `required-for`
    /// matches it, or the lowest-level target when none does.
    public func requiredTarget(for cooperative: Cooperative) -> Target {
        let matching = checklist.targets.filter {
            $0.requiredFor?.matches(products: cooperative.products, activities: cooperative.activities) ?? false
        }
        return matching.max { $0.level < $1.level } ?? checklist.targets[0]
    }

    /// The requirements that apply to a cooperative with these products and activities (rule
    /// 1), in document order, each with the section that holds it and its top-level section.
    public func applicableRequirements(for cooperative: Cooperative) -> [(requirement: Requirement, section: String, topSection: String)] {
        let applies = applicability(for: cooperative)
        return entries.filter { applies[$0.conditionGroup] }.map { ($0.requirement, $0.section, $0.topSection) }
    }

    /// Rule 1 for each condition group: every condition of the sections above and of the
    /// requirement itself passes.
    func applicability(for cooperative: Cooperative) -> [Bool] {
        conditionGroups.map { group in
            group.allSatisfy { $0.matches(products: cooperative.products, activities: cooperative.activities) }
        }
    }

    /// Evaluates `assessment` exactly as the contract's section 3 says.
    public func evaluate(_ assessment: Assessment) -> Evaluation {
        // One look-up per answer, shared by the verdicts, the results and the warnings.
        let (answerOf, requirementOfAnswer) = answerPositions(assessment)
        var reasons: [[Reason]]? = []
        let verdicts = verdicts(assessment, answerOf: answerOf, reasons: &reasons)
        var results: [RequirementResult] = []
        results.reserveCapacity(entries.count)
        for entry in entries {
            let answer = answerOf[entry.index].map { assessment.answers[$0] }
            results.append(RequirementResult(prepared: entry, applicable: verdicts.applicable[entry.index], answer: answer,
                                             declared: answer?.status, status: verdicts.statuses[entry.index],
                                             reasons: reasons![entry.index]))
        }
        let findings = results.indices.filter { results[$0].isOpen }.sorted { findingRank[$0] < findingRank[$1] }
        let warnings = AssessmentCheck.warnings(assessment, checklist, partsOfAnswer: { position in
            requirementOfAnswer[position].map { AssessmentCheck.Parts(self.entries[$0].requirement, applies: verdicts.applicable[$0]) }
        }, suggestion: suggester.suggestion(for:))
        return Evaluation(checklist: checklist, assessment: assessment, targets: verdicts.targets, results: results,
                          findingIndexes: findings, warnings: warnings)
    }

    /// Rules 1 to 7 without what only reports need (reasons, answers, findings, warnings):
    /// what a summary of thousands of assessments counts.
    public func verdicts(_ assessment: Assessment) -> Verdicts {
        var noReasons: [[Reason]]?
        return verdicts(assessment, answerOf: answerPositions(assessment).byRequirement, reasons: &noReasons)
    }

    /// The verdicts, and the reasons of rule 2 for each requirement when `reasons` is not nil.
    private func verdicts(_ assessment: Assessment, answerOf: [Int?], reasons: inout [[Reason]]?) -> Verdicts {
        let applies = applicability(for: assessment.cooperative)
        var applicable: [Bool] = [], statuses: [EffectiveStatus] = []
        applicable.reserveCapacity(entries.count)
        statuses.reserveCapacity(entries.count)
        for entry in entries {
            let isApplicable = applies[entry.conditionGroup]
            applicable.append(isApplicable)
            guard isApplicable else {
                statuses.append(.unassessed)
                reasons?.append([])
                continue
            }
            let (status, why) = Self.effectiveStatus(entry, answerOf[entry.index].map { assessment.answers[$0] }, on: assessment.date)
            statuses.append(status)
            reasons?.append(why)
        }
        let required = requiredTarget(for: assessment.cooperative).id
        let targets = checklist.targets.indices.map { targetIndex in
            targetResult(checklist.targets[targetIndex], index: targetIndex, required: checklist.targets[targetIndex].id == required,
                         applicable: applicable, statuses: statuses, assessment: assessment, answerOf: answerOf)
        }
        return Verdicts(applicable: applicable, statuses: statuses, targets: targets, topSections: topSections)
    }

    /// For each requirement, the position of the answer to it; for each answer, the position
    /// of its requirement (nil for an unknown requirement).
    private func answerPositions(_ assessment: Assessment) -> (byRequirement: [Int?], byAnswer: [Int?]) {
        var answerOf = [Int?](repeating: nil, count: entries.count)
        var requirementOfAnswer = [Int?](repeating: nil, count: assessment.answers.count)
        for position in assessment.answers.indices {
            guard let index = indexByID[assessment.answers[position].ref] else { continue }
            requirementOfAnswer[position] = index
            answerOf[index] = position
        }
        return (answerOf, requirementOfAnswer)
    }

    /// Rule 2: the effective status of an applicable requirement and every reason that fired.
    static func effectiveStatus(_ entry: PreparedRequirement, _ answer: Answer?, on date: Day) -> (status: EffectiveStatus, reasons: [Reason]) {
        guard let answer, let declared = answer.status else { return (.unassessed, []) }
        switch declared {
        case .na where entry.allowsNotApplicable: return (.exempted, [])
        case .na: return (.no, Reason.declaredNotApplicableOnly)
        case .no: return (.no, [])
        case .yes, .partial: break
        }
        var status: EffectiveStatus = declared == .yes ? .yes : .partial
        var reasons: [Reason] = []
        func weaken() { if status == .yes { status = .partial } }

        for measure in entry.measures {
            guard let value = answer.measurements.first(where: { $0.ref == measure.id })?.value else {
                reasons.append(.measureMissing(measure: measure.id))
                weaken()
                continue
            }
            if !measure.accepts(value) {
                reasons.append(.measureOutOfRange(measure: measure.id, value: value, min: measure.min, max: measure.max))
                status = .no
            }
        }
        for evidence in entry.evidence {
            let record = answer.evidence.first { $0.ref == evidence.id }
            switch evidenceState(evidence, record, on: date) {
            case .present: continue
            case .missing: reasons.append(.evidenceMissing(evidence: evidence.id))
            case .expired: reasons.append(.evidenceExpired(evidence: evidence.id, date: record!.date!, maxAgeDays: evidence.maxAgeDays!))
            case .futureDated: reasons.append(.evidenceFutureDated(evidence: evidence.id, date: record!.date!))
            }
            weaken()
        }
        return (status, reasons)
    }

    /// The state of one evidence item on the assessment's date. An undated record is an
    /// unfilled slot, so it counts as missing.
    public static func evidenceState(_ evidence: EvidenceSpec, _ record: EvidenceRecord?, on date: Day) -> EvidenceState {
        guard let recorded = record?.date else { return .missing }
        let age = recorded.days(until: date)
        if age < 0 { return .futureDated }
        if let maxAge = evidence.maxAgeDays, age > maxAge { return .expired }
        return .present
    }

    /// Rule 3: the credit of an effective status.
    func credit(_ status: EffectiveStatus) -> Double {
        switch status {
        case .yes: 1
        case .partial: checklist.partialCredit
        case .no, .unassessed, .exempted: 0
        }
    }

    /// Rules 4 to 7 for one target.
    func targetResult(_ target: Target, index: Int, required: Bool, applicable isApplicable: [Bool], statuses: [EffectiveStatus],
                      assessment: Assessment, answerOf: [Int?]) -> TargetResult {
        var earned = 0.0, possible = 0.0
        var open = SeverityCounts()
        var applicable = 0, assessed = 0
        var majorsWithoutDeadline: [String] = []
        for position in entries.indices where isApplicable[position] {
            let entry = entries[position], status = statuses[position]
            guard entry.inScope[index], status != .exempted else { continue }
            applicable += 1
            guard status != .unassessed else { continue }
            assessed += 1
            possible += entry.weight
            earned += entry.weight * credit(status)
            guard status != .yes else { continue }
            open[entry.severity] += 1
            if entry.severity == .major {
                let deadline = answerOf[position].flatMap { assessment.answers[$0].deadline }
                if deadline.map({ $0 <= assessment.date }) ?? true { majorsWithoutDeadline.append(entry.requirement.id) }
            }
        }
        // Rule 5: no score when requirements apply but none is assessed.
        let score: Double? = possible > 0 ? 100 * earned / possible : (applicable == 0 ? 100 : nil)
        var blockers: [Blocker] = []
        if assessed == applicable, let score, score + Self.tolerance < target.minScore { blockers.append(.scoreBelowMinimum) }
        if open.critical > 0 { blockers.append(.criticalOpen) }
        let tooManyMajor = target.maxMajor.map { open.major > $0 } ?? false
        if tooManyMajor { blockers.append(.tooManyMajor) }
        if !tooManyMajor && !majorsWithoutDeadline.isEmpty { blockers.append(.majorWithoutDeadline) }
        let verdict: Verdict = !blockers.isEmpty ? .notReady : assessed < applicable ? .incomplete : .ready
        return TargetResult(target: target, required: required, score: score, verdict: verdict, open: open, blockers: blockers,
                            applicable: applicable, assessed: assessed, majorsWithoutDeadline: majorsWithoutDeadline)
    }

    /// Rule 8: severity, then the level of the requirement's own target, then weight (highest
    /// first), then document order.
    static func findingOrder(_ a: RequirementResult, _ b: RequirementResult) -> Bool {
        findingOrder(a.prepared, b.prepared)
    }

    static func findingOrder(_ x: PreparedRequirement, _ y: PreparedRequirement) -> Bool {
        if x.severity != y.severity { return x.severity < y.severity }
        if x.targetLevel != y.targetLevel { return x.targetLevel < y.targetLevel }
        if x.weight != y.weight { return x.weight > y.weight }
        return x.index < y.index
    }
}
