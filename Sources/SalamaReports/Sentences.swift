public import SalamaXML

/// The sentences of the reports built from data: each case is a key of the report catalogues
/// (`Translations/LANG.json`, beside the labels) and its labelled values are the `{names}` its
/// texts quote. A counted sentence has a `count`, which chooses its plural form (an object of
/// the forms of its language in the catalogue). A value that is itself a sentence is written in
/// the same language. `Localizer` says which sentence when, and writes it.
public enum Sentence: MessageCase, Hashable {
    // Numbers and punctuation.
    case percent(number: String)
    case lead(label: String)
    case listSeparator
    case seriesSeparator
    // Counted gaps, days, questions.
    case criticalGaps(count: Int)
    case majorGaps(count: Int)
    case minorGaps(count: Int)
    case days(count: Int)
    case unanswered(count: Int)
    // The headline: the required level's state, or the highest level ready.
    case headlineState(level: String, state: String)
    case readyFor(level: String)
    case readyForAboveRequired(level: String, required: String, state: String)
    // The steps to ready.
    case stepCloseCriticals(count: Int, ids: String)
    indirect case stepCloseEveryMajor(count: Int, ids: String, gaps: Sentence)
    indirect case stepCloseMajorsBeyondLimit(count: Int, excess: Int, limit: Int, gaps: Sentence)
    case stepSetDeadline(ids: String)
    case stepRaiseScore(score: String, minimum: String)
    indirect case stepAnswer(count: Int, unanswered: Sentence)
    // Why a requirement is open.
    case reasonDeclaredNotApplicable
    case reasonMeasureOutOfRange(measure: String, measured: String, range: String)
    case reasonMeasureMissing(measure: String)
    case reasonEvidenceMissing(document: String)
    /// Counted by the days of validity, as Arabic words "more than 2 days" differently from "2 days".
    case reasonEvidenceExpired(count: Int, document: String, date: String)
    case reasonEvidenceFutureDated(document: String, date: String)
    // The acceptable values of a measure; the last value comes with its unit.
    case rangeBetween(min: String, maxWithUnit: String)
    case rangeAtLeast(minWithUnit: String)
    case rangeAtMost(maxWithUnit: String)
    // Findings.
    case declaredOpen(status: String)
    case foundOpen(status: String)
    case citationAt(source: String, at: String)
    case until(date: String)
    case noOpenGap
    // The action plan and the documents, counted.
    case actionsToTake(count: Int)
    case actionsFree(count: Int)
    case actionsLowCost(count: Int)
    case actionsInvestment(count: Int)
    case documentsCount(count: Int)
    case documentsPresent(count: Int)
    case documentsMissing(count: Int)
    case documentsExpired(count: Int)
    case documentsFutureDated(count: Int)
    case moreInPlan(count: Int)
    case scoreAgainst(score: String, minimum: String)
    // Summaries of many assessments.
    case assessmentsCount(count: Int)
    case cooperativesCount(count: Int)
    case supersededByLater(count: Int)
    case invalidFilesSkipped(count: Int)
    case blocksRequired(count: Int)
    case readyOfTotal(count: Int, total: Int, requiredOf: Int)
    case topOf(shown: Int, total: Int)
    // Comparisons of two assessments.
    case side(kind: String, date: String)
    case disagreementsCount(count: Int)
    case overstatedCount(count: Int)
    case understatedCount(count: Int)
    // Workbooks.
    case applicableRequirements(count: Int)
    /// Counted by the days of validity, as Arabic words "for 2 days" differently from "2 days".
    case validFor(count: Int)
    indirect case workbookIntroduction(title: String, checklist: String, version: String, requirements: Sentence, statuses: String)
    // Warnings about an assessment.
    case warningUnknownRequirementMeant(ref: String, suggestion: String)
    case warningUnknownRequirement(ref: String)
    case warningNotApplicableAnswer(ref: String)
    case warningUnknownEvidence(ref: String, evidence: String)
    case warningUnknownMeasure(ref: String, measure: String)
    case warningVersionMismatch(assessment: String, checklist: String)
}
