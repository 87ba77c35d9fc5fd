import SalamaEvaluation
import SalamaModel
import SalamaXML

/// What the human reports of `salama compare` show, worded in one language: built once here,
/// then laid out (and escaped) by the text, Markdown and HTML reporters, as `ReportContent` is
/// for one evaluation.
///
/// Every string is plain text taken from the files or from the localization table; none is
/// escaped yet.
struct CompareContent: Sendable {
    /// One assessment of the two.
    struct Side: Sendable {
        var kind: String
        var date: String
        var file: String
        /// "auto-évaluation du 2026-11-20".
        var description: String
    }

    /// One certification level, before and after.
    struct TargetLine: Sendable {
        var id: String
        var title: String
        var required: Bool
        var oldScore: Double?
        var newScore: Double?
        var minScore: Double
        var oldScoreText: String
        var newScoreText: String
        var oldChartLabel: String
        var newChartLabel: String
        var change: Double?
        var changeText: String
        var oldVerdictKind: Verdict
        var newVerdictKind: Verdict
        var oldVerdict: String
        var newVerdict: String
    }

    /// A requirement whose finding closed, opened or stayed open.
    struct FindingLine: Sendable {
        var id: String
        var title: String
        var severity: Severity
        var severityTag: String
        var oldStatus: String
        var newStatus: String
    }

    /// A requirement on which the cooperative's declaration and the inspector's finding differ.
    struct DisagreementLine: Sendable {
        var id: String
        var title: String
        var severity: Severity
        var severityTag: String
        var declared: String
        var found: String
        /// Why the inspector's finding is what it is, when the checks changed what was declared.
        var reasons: [String]
        var direction: Comparison.Direction
        var directionText: String
    }

    /// A list of findings with its heading.
    struct FindingList: Sendable {
        var title: String
        var findings: [FindingLine]
    }

    var language: Language
    var say: Localizer
    var title: String
    var cooperativeName: String
    var cooperativeID: String
    var checklistTitle: String
    var checklistID: String
    var checklistVersion: String
    var old: Side
    var new: Side
    /// The newer assessment's headline (its required level's verdict), and whether it is ready.
    var headline: String
    var ready: Bool
    var targets: [TargetLine]
    var lists: [FindingList]
    /// Whether one assessment is a self-assessment and the other an inspection.
    var comparesSelfWithInspection: Bool
    var disagreements: [DisagreementLine]
    var disagreementSummary: String

    init(_ comparison: Comparison, language: Language) {
        let say = Localizer(language)
        let checklist = comparison.new.checklist
        let lang = language.rawValue
        func text(_ localized: LocalizedText) -> String { ReportContent.inline(checklist.text(localized, in: lang)) }
        func side(_ evaluation: Evaluation) -> Side {
            let date = evaluation.assessment.date.description
            return Side(kind: say.kind(evaluation.assessment.kind), date: date, file: evaluation.assessment.path,
                        description: say.side(evaluation.assessment.kind, date: date))
        }
        func findings(_ pairs: [Comparison.RequirementPair]) -> [FindingLine] {
            pairs.map { pair in
                FindingLine(id: pair.requirement.id, title: text(pair.requirement.title), severity: pair.requirement.severity,
                            severityTag: say.severityTag(pair.requirement.severity),
                            oldStatus: say.status(of: pair.old), newStatus: say.status(of: pair.new))
            }
        }

        self.language = language
        self.say = say
        title = say(.comparison)
        let cooperative = comparison.new.assessment.cooperative
        cooperativeName = ReportContent.inline(cooperative.name)
        cooperativeID = cooperative.id
        checklistTitle = text(checklist.title)
        checklistID = checklist.id
        checklistVersion = checklist.version
        old = side(comparison.old)
        new = side(comparison.new)
        let required = comparison.new.requiredTarget
        let highestReady = comparison.new.targets.last { $0.verdict == .ready }
        headline = say.headline(required: required, requiredTitle: text(required.target.title),
                                highestReady: highestReady.map { ($0, text($0.target.title)) })
        ready = required.verdict == .ready
        targets = comparison.targets.map { change in
            TargetLine(
                id: change.target.id, title: text(change.target.title), required: change.new.required,
                oldScore: change.old.displayedScore, newScore: change.new.displayedScore, minScore: change.target.minScore,
                oldScoreText: say.score(change.old.displayedScore), newScoreText: say.score(change.new.displayedScore),
                oldChartLabel: say.scoreAgainst(change.old.displayedScore, minimum: change.target.minScore),
                newChartLabel: say.scoreAgainst(change.new.displayedScore, minimum: change.target.minScore),
                change: change.scoreChange, changeText: change.scoreChange.map(say.change) ?? "—",
                oldVerdictKind: change.old.verdict, newVerdictKind: change.new.verdict,
                oldVerdict: say.verdict(change.old.verdict), newVerdict: say.verdict(change.new.verdict))
        }
        lists = [
            FindingList(title: say(.gapsClosed), findings: findings(comparison.closed)),
            FindingList(title: say(.gapsOpened), findings: findings(comparison.opened)),
            FindingList(title: say(.gapsStillOpen), findings: findings(comparison.stillOpen)),
        ]

        let kinds = Set([comparison.old.assessment.kind, comparison.new.assessment.kind])
        comparesSelfWithInspection = kinds == [.selfAssessment, .inspection]
        disagreements = comparison.disagreements.map { disagreement in
            let requirement = disagreement.requirement
            let found = disagreement.inspection
            return DisagreementLine(
                id: requirement.id, title: text(requirement.title), severity: requirement.severity,
                severityTag: say.severityTag(requirement.severity), declared: say.declared(disagreement.selfAssessment.declared),
                found: say.status(found.status),
                reasons: found.reasons.map { ReportContent.inline(say.reason($0, in: requirement, checklist: checklist)) },
                direction: disagreement.direction, directionText: say.direction(disagreement.direction))
        }
        disagreementSummary = disagreements.isEmpty ? say(.noDisagreement)
            : say.disagreements(overstated: disagreements.filter { $0.direction == .overstated }.count,
                                understated: disagreements.filter { $0.direction == .understated }.count)
    }
}
