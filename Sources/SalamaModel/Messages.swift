public import SalamaXML

/// The messages of the model layer: loading checklists and assessments, finding checklists,
/// writing files. Each case is a key of `Translations/messages/LANG.json`.
public indirect enum ModelMessage: MessageCase, Hashable {
    // What a sentence is about ("the checklist", "requirement 'x'").
    case subjectChecklist
    case subjectProduct(id: String)
    case subjectActivity(id: String)
    case subjectTarget(id: String)
    case subjectSection(id: String)
    case subjectRequirement(id: String)
    case subjectEvidence(id: String)
    case subjectMeasure(id: String)
    case subjectCite(source: String, of: ModelMessage)
    case subjectAction(of: ModelMessage)
    case subjectMembers
    case subjectAttribute(name: String)
    // Kinds of ids that must be unique.
    case idSectionOrRequirement
    case idProduct
    case idActivity
    case idTarget
    case idEvidenceIn(of: ModelMessage)
    case idMeasureIn(of: ModelMessage)
    case idEvidenceRecordFor(ref: String)
    case idMeasurementFor(ref: String)
    // Loading.
    case notAChecklist(namespace: String)
    case notAnAssessment(namespace: String)
    case invalidAssessment
    case checklistWithoutLanguage
    case duplicateSource(id: String, language: String, first: String)
    case duplicateID(what: ModelMessage, id: String, first: String)
    case undeclaredTermInCondition(element: String, attribute: String, problem: ModelMessage, kind: String, token: String)
    case targetLevelTaken(id: String, level: Int, other: String)
    case tooManyTargets(limit: Int)
    case includesUndeclaredTarget(target: String, included: String)
    case includesLoop(target: String, chain: String)
    case namesUndeclaredTarget(what: ModelMessage, target: String)
    case citesUndeclaredSource(what: ModelMessage, source: String)
    case measureWithoutBounds(measure: String)
    case measureMinAboveMax(measure: String, min: String, max: String)
    case citeLocatorTwice(cite: ModelMessage)
    case actionCostDiffers(action: ModelMessage, here: String, there: String)
    case secondAnswer(ref: String, first: String)
    case visitEndsBeforeStart(end: String, start: String)
    case notALanguageTag(language: String)
    case secondText(element: String, language: String, what: ModelMessage)
    case numberTooLarge(what: ModelMessage, value: String, max: String)
    case notARealDate(name: String, value: String)
    case conditionEmpty(element: String)
    // Products and activities.
    case unknownProduct(typed: String)
    case unknownActivity(typed: String)
    case termDidYouMean(closest: String)
    case termClosestIs(closest: String)
    case noProductsDeclared
    case noActivitiesDeclared
    case productsDeclared(ids: [String])
    case activitiesDeclared(ids: [String])
    case unknownTermWithHint(unknown: ModelMessage, hint: ModelMessage, declared: ModelMessage)
    case unknownTermWithoutHint(unknown: ModelMessage, declared: ModelMessage)
    // An assessment against its checklist.
    case unknownTermInCooperative(problem: ModelMessage)
    case assessmentForOtherChecklist(assessment: String, checklist: String, path: String)
    case answerToUnknownRequirement(ref: String)
    case answerToUnknownRequirementSuggestion(ref: String, suggestion: String)
    case answerNotApplicable(ref: String)
    case answerUnknownEvidence(evidence: String, ref: String)
    case answerUnknownMeasure(measure: String, ref: String)
    case checklistVersionDiffers(assessment: String, checklist: String)
    // Finding checklists.
    case noChecklistWithID(id: String)
    case checklistFolderNotFound
    case checklistFolderNotFoundHint(hint: Message)
    case sameChecklistID(count: Int, id: String, paths: [String])
    // Writing files.
    case writeNoSpace
    case writeQuotaExceeded
    case writeIsFolder
    case writeNoFolder
    case writePathPartNotFolder
    case writePermissionDenied(code: String)
    case writeReadOnly
    case writeNameTooLong
    case writeDeviceError
    case writeFileTooLarge
    case writeReaderGone
    case writeClosed
    case writeOtherDevice
    case writeSystem(text: String, code: Int)
    case cannotWrite(path: String, reason: ModelMessage)
}
