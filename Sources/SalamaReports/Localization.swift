public import SalamaModel
public import SalamaEvaluation
public import SalamaXML

/// Every label a report prints: the list of keys of the catalogues `Translations/fr.json`,
/// `ar.json` and `en.json`, where translators write the texts (a test checks that every key is in
/// every catalogue, and that no catalogue has a key missing here). The case name is the key.
public enum Label: String, Sendable, CaseIterable {
    case selfAssessment, inspection
    case checklist, cooperative, date, kind, assessor, products, activities, province, region, commune, members
    case targets, score, minimum, verdict, ready, notReady, required, blockers
    case scoreBelowMinimum, criticalOpen, tooManyMajor
    case findings, noFindings, critical, major, minor
    case declared, status, statusYes, statusPartial, statusNo, statusUnassessed, statusExempted, statusNotApplicable, notDeclared
    case incomplete, majorWithoutDeadline, notAssessed, notAssessedIntro, exemptedIntro, conformNotAssessed
    case incompleteCount, cooperatives, superseded, assessedOfApplicable, visit, visitNumber, visitPurpose, visitTime, visitPlace, service, personsMet, samplesTaken, sampleProduct, sampleAnalysis, laboratory, inspectors
    case purposeFirst, purposeRegular, purposeFollowUp, purposeComplaint, purposeOther
    case action, deadline, citation, costFree, costLow, costInvestment
    case warnings, nextSteps
    case roleMember, roleInspector, roleTrainer
    // Printed reports (Markdown and HTML).
    case gapReport, visitReport, visitReportBasis, disclaimer, annex
    case identifier, version, sha256, level
    case actionPlan, tierFree, tierLow, tierInvestment
    case why, correctiveAction, noAction, neededFor, note
    case documentsToPrepare, document, requirement, state, providedFile, validity, noDocuments
    case documentPresent, documentMissing, documentExpired, documentFutureDated
    case complianceBySection, section, applicable, compliant, openGaps, compliance
    case rubric, conformity, observations, correctiveMeasures, timeline, conclusion
    case conformYes, conformNo, conformNotApplicable
    case signatures, theInspector, theRepresentative, nameAndCapacity, signature
    case scoreChart, complianceChart
    case criticalOne, majorOne, minorOne
    // The summary of many assessments (`salama summary`).
    case summaryReport, invalidFiles, file, error
    case readiness, readyCount, notReadyCount, requiredOf
    case workshopAgenda, severity, openOfApplicable, share, answers
    case byProvince, byProduct
    // The comparison of two assessments (`salama compare`).
    case comparison, before, after, change, verdictBefore, verdictAfter
    case gapsClosed, gapsOpened, gapsStillOpen, nothingToList
    case whereTheyDisagree, declaredByCooperative, foundByInspector, direction, overstated, understated, noDisagreement
    // The printable workbook (`salama template --format html`).
    case workbook, workbookInstructions, guidance, answer, conformPartial
    case evidenceToShow, documentDate, documentReference, measurements, value, limits, notes
    // The foot of every printed page.
    case page
    // The visit report's closing page.
    case selfAssessmentAudit, selfAssessmentAuditBasis, theAssessor, stamp, thresholdsNote

    /// The label in `language`, from that language's catalogue (`Translations/LANG.json`).
    public func text(_ language: Language) -> String {
        TranslationCatalogue.texts(language)[rawValue] ?? rawValue
    }
}

/// Sentences built from data: verdicts, reasons, counts. Their words are in the report
/// catalogues with the labels (`Translations/LANG.json`, see `Sentence`); here, which sentence
/// says what, and which values it quotes.
public struct Localizer: Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    public func callAsFunction(_ label: Label) -> String { label.text(language) }

    /// The sentence in this language: its text in the catalogue (for a counted one, the plural
    /// form its `count` takes, CLDR rules: "1 écart", "2 écarts"; "نقص واحد", "نقصان",
    /// "3 نواقص", "11 نقصًا", "100 نقص"), each `{value}` replaced. Values are written as
    /// given: the functions below isolate in Arabic what needs it, as they choose.
    public func callAsFunction(_ sentence: Sentence) -> String {
        write(sentence.message)
    }

    private func write(_ message: Message) -> String {
        let entry = TranslationCatalogue.entries(language)[message.key]
        // A catalogue test keeps a key from missing; should one, show it rather than nothing.
        let template = entry?.form(for: message.arguments["count"], in: language) ?? "[\(message.key)]"
        return Message.substitute(template) { name in message.arguments[name].map(write) }
    }

    private func write(_ argument: Message.Argument) -> String {
        switch argument {
        case .text(let text): text
        case .integer(let number): String(number)
        case .list(let items): list(items)
        case .message(let message): write(message)
        }
    }

    /// A decimal number as people of this language write it (French and Arabic use a comma).
    public func number(_ value: Double, decimals: Int = 1) -> String {
        var text = JSONValue.format((value * pow10(decimals)).rounded(.toNearestOrAwayFromZero) / pow10(decimals))
        if language != .en { text = text.replacingOccurrences(of: ".", with: ",") }
        return text
    }

    public func percent(_ value: Double) -> String {
        self(.percent(number: number(value)))
    }

    private func pow10(_ exponent: Int) -> Double { (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    public func kind(_ kind: AssessmentKind) -> String {
        kind == .inspection ? self(.inspection) : self(.selfAssessment)
    }

    public func role(_ role: AssessorRole) -> String {
        switch role {
        case .member: self(.roleMember)
        case .inspector: self(.roleInspector)
        case .trainer: self(.roleTrainer)
        }
    }

    public func severity(_ severity: Severity) -> String {
        switch severity {
        case .critical: self(.critical)
        case .major: self(.major)
        case .minor: self(.minor)
        }
    }

    /// One severity as a tag on a single finding: "critique", "major".
    public func severityTag(_ severity: Severity) -> String {
        switch severity {
        case .critical: self(.criticalOne)
        case .major: self(.majorOne)
        case .minor: self(.minorOne)
        }
    }

    /// Gaps of one severity, counted: "2 critical gaps".
    public func gaps(_ count: Int, _ severity: Severity) -> String {
        switch severity {
        case .critical: self(.criticalGaps(count: count))
        case .major: self(.majorGaps(count: count))
        case .minor: self(.minorGaps(count: count))
        }
    }

    /// A number of days: "365 jours", "٣ أيام", "11 يومًا".
    public func days(_ count: Int) -> String {
        self(.days(count: count))
    }

    public func status(_ status: EffectiveStatus) -> String {
        switch status {
        case .yes: self(.statusYes)
        case .partial: self(.statusPartial)
        case .no: self(.statusNo)
        case .unassessed: self(.statusUnassessed)
        case .exempted: self(.statusExempted)
        }
    }

    public func declared(_ status: AnswerStatus?) -> String {
        switch status {
        case .yes: self(.statusYes)
        case .partial: self(.statusPartial)
        case .no: self(.statusNo)
        case .na: self(.statusNotApplicable)
        case nil: self(.notDeclared)
        }
    }

    public func cost(_ cost: Cost) -> String {
        switch cost {
        case .free: self(.costFree)
        case .low: self(.costLow)
        case .investment: self(.costInvestment)
        }
    }

    public func verdict(_ verdict: Verdict) -> String {
        switch verdict {
        case .ready: self(.ready)
        case .notReady: self(.notReady)
        case .incomplete: self(.incomplete)
        }
    }

    /// Why the inspectors came.
    public func purpose(_ purpose: VisitPurpose) -> String {
        switch purpose {
        case .first: self(.purposeFirst)
        case .regular: self(.purposeRegular)
        case .followUp: self(.purposeFollowUp)
        case .complaint: self(.purposeComplaint)
        case .other: self(.purposeOther)
        }
    }

    /// A score, or a dash when nothing in scope was assessed.
    public func score(_ value: Double?) -> String {
        value.map(percent) ?? "—"
    }

    public func blocker(_ blocker: Blocker) -> String {
        switch blocker {
        case .scoreBelowMinimum: self(.scoreBelowMinimum)
        case .criticalOpen: self(.criticalOpen)
        case .tooManyMajor: self(.tooManyMajor)
        case .majorWithoutDeadline: self(.majorWithoutDeadline)
        }
    }

    /// The headline: the highest level the cooperative is ready for, and the state of the level
    /// it needs. "Prête pour : Export UE (niveau exigé : Autorisation sanitaire — prêt)",
    /// "Autorisation sanitaire : incomplet — 91 questions sans réponse".
    public func headline(required: TargetResult, requiredTitle: String, highestReady: (result: TargetResult, title: String)?) -> String {
        let requiredTitle = isolate(requiredTitle)
        let state: String
        switch required.verdict {
        case .ready: state = self(.ready)
        case .incomplete: state = "\(self(.incomplete)) — \(unanswered(required.unassessed))"
        case .notReady: state = "\(self(.notReady)) — \(list(required.blockers.map(blocker)))"
        }
        guard let highest = highestReady else {
            return self(.headlineState(level: requiredTitle, state: state))
        }
        if highest.result.target.id == required.target.id {
            return self(.readyFor(level: requiredTitle))
        }
        return self(.readyForAboveRequired(level: isolate(highest.title), required: requiredTitle, state: state))
    }

    /// "91 questions sans réponse", counted.
    public func unanswered(_ count: Int) -> String {
        self(.unanswered(count: count))
    }

    /// What makes a target ready, step by step, for a target that is not: "fermer l'écart
    /// critique IMP-03", "fixer une échéance pour FON-03 et LOC-04", "répondre aux 12 questions".
    public func stepsToReady(_ result: TargetResult, openCriticals: [String], openMajors: [String]) -> [String] {
        guard result.verdict != .ready else { return [] }
        let ids = { (ids: [String]) in self.list(ids.map(self.isolate)) }
        var steps: [String] = []
        if !openCriticals.isEmpty {
            steps.append(self(.stepCloseCriticals(count: openCriticals.count, ids: ids(openCriticals))))
        }
        if result.blockers.contains(.tooManyMajor), let limit = result.target.maxMajor {
            let open = result.open.major
            steps.append(limit == 0
                ? self(.stepCloseEveryMajor(count: open, ids: ids(openMajors), gaps: .majorGaps(count: open)))
                : self(.stepCloseMajorsBeyondLimit(count: open, excess: open - limit, limit: limit, gaps: .majorGaps(count: open))))
        }
        if result.blockers.contains(.majorWithoutDeadline) {
            steps.append(self(.stepSetDeadline(ids: ids(result.majorsWithoutDeadline))))
        }
        if result.blockers.contains(.scoreBelowMinimum) {
            steps.append(self(.stepRaiseScore(score: score(result.displayedScore), minimum: percent(result.target.minScore))))
        }
        if result.unassessed > 0 {
            steps.append(self(.stepAnswer(count: result.unassessed, unanswered: .unanswered(count: result.unassessed))))
        }
        return steps
    }

    /// Why a requirement is open, in words.
    public func reason(_ reason: Reason, in requirement: Requirement, checklist: Checklist) -> String {
        let lang = language.rawValue
        func evidenceTitle(_ id: String) -> String {
            isolate(requirement.evidence.first { $0.id == id }.map { checklist.text($0.title, in: lang) } ?? id)
        }
        func measure(_ id: String) -> (title: String, unit: String) {
            guard let spec = requirement.measures.first(where: { $0.id == id }) else { return (isolate(id), "") }
            return (isolate(checklist.text(spec.title, in: lang)), spec.unit.map { " " + $0 } ?? "")
        }
        switch reason {
        case .declaredNotApplicableButApplies:
            return self(.reasonDeclaredNotApplicable)
        case let .measureOutOfRange(id, value, min, max):
            let (title, unit) = measure(id)
            return self(.reasonMeasureOutOfRange(measure: title, measured: isolate(number(value, decimals: 3) + unit),
                                                 range: range(min: min, max: max, unit: unit)))
        case .measureMissing(let id):
            return self(.reasonMeasureMissing(measure: measure(id).title))
        case .evidenceMissing(let id):
            return self(.reasonEvidenceMissing(document: evidenceTitle(id)))
        case let .evidenceExpired(id, day, maxAge):
            return self(.reasonEvidenceExpired(count: maxAge, document: evidenceTitle(id), date: isolate(day.description)))
        case let .evidenceFutureDated(id, day):
            return self(.reasonEvidenceFutureDated(document: evidenceTitle(id), date: isolate(day.description)))
        }
    }

    /// The acceptable values of a measure: "entre 0,1 et 1 mg/L", "at least 2". `unit` comes with
    /// its leading space (or is empty); the last value and the unit are isolated together.
    public func range(min: Double?, max: Double?, unit: String) -> String {
        let withUnit = { (value: Double) in self.isolate(self.number(value, decimals: 3) + unit) }
        return switch (min, max) {
        case let (min?, max?): self(.rangeBetween(min: number(min, decimals: 3), maxWithUnit: withUnit(max)))
        case let (min?, nil): self(.rangeAtLeast(minWithUnit: withUnit(min)))
        case let (nil, max?): self(.rangeAtMost(maxWithUnit: withUnit(max)))
        case (nil, nil): ""
        }
    }

    /// A fragment of data inside a sentence (a title that may be in another language, an id, a
    /// date): in a right-to-left language, wrapped in Unicode's first-strong isolate (U+2068 …
    /// U+2069) so that it keeps its own direction (a date stays 2026-11-20, a French title reads
    /// left to right); unchanged otherwise.
    public func isolate(_ text: String) -> String {
        language.isRightToLeft ? "\u{2068}\(text)\u{2069}" : text
    }

    /// A label and its value on one line, with the language's punctuation.
    public func labelled(_ label: String, _ value: String) -> String {
        "\(lead(label)) \(value)"
    }

    /// A label that introduces a value: `Échéance :`, `Deadline:`.
    public func lead(_ label: String) -> String {
        self(.lead(label: label))
    }

    /// Several items in a sentence, with the language's comma.
    public func list(_ items: [String]) -> String {
        items.joined(separator: self(.listSeparator))
    }

    /// Items that may hold commas themselves, with the language's semicolon.
    public func series(_ items: [String]) -> String {
        items.joined(separator: self(.seriesSeparator))
    }

    /// The assessor and their role.
    public func assessor(name: String, role: AssessorRole) -> String {
        "\(isolate(name)) (\(self.role(role)))"
    }

    /// The heading of one cost tier of the action plan.
    public func tier(_ cost: Cost) -> String {
        switch cost {
        case .free: self(.tierFree)
        case .low: self(.tierLow)
        case .investment: self(.tierInvestment)
        }
    }

    /// Where a document the checklist asks for stands.
    public func documentState(_ state: EvidenceState) -> String {
        switch state {
        case .present: self(.documentPresent)
        case .missing: self(.documentMissing)
        case .expired: self(.documentExpired)
        case .futureDated: self(.documentFutureDated)
        }
    }

    /// What was declared for an open requirement, when that alone explains the gap.
    public func declaredOpen(_ status: AnswerStatus) -> String {
        self(.declaredOpen(status: declared(status)))
    }

    /// What an inspector found for an open requirement, when that alone explains the gap.
    public func foundOpen(_ status: AnswerStatus) -> String {
        self(.foundOpen(status: declared(status)))
    }

    /// A citation: the source's title and the article.
    public func citation(source: String, at: String?) -> String {
        guard let at else { return isolate(source) }
        return self(.citationAt(source: isolate(source), at: isolate(at)))
    }

    /// The last day of a document's validity: "jusqu'au 2027-11-28".
    public func until(_ day: String) -> String {
        self(.until(date: isolate(day)))
    }

    /// How long a document stays valid.
    public func validity(days count: Int) -> String {
        days(count)
    }

    /// The open findings of a target, counted by severity.
    public func openCounts(_ counts: SeverityCounts) -> String {
        let parts = Severity.allCases.filter { counts[$0] > 0 }.map { gaps(counts[$0], $0) }
        return parts.isEmpty ? self(.noOpenGap) : list(parts)
    }

    /// The size of the action plan by cost tier.
    public func planSummary(total: Int, byCost counts: [Cost: Int]) -> String {
        let parts = Cost.allCases.filter { (counts[$0] ?? 0) > 0 }.map { cost -> String in
            let count = counts[cost] ?? 0
            return switch cost {
            case .free: self(.actionsFree(count: count))
            case .low: self(.actionsLowCost(count: count))
            case .investment: self(.actionsInvestment(count: count))
            }
        }
        let head = self(.actionsToTake(count: total))
        return parts.isEmpty ? head : labelled(head, list(parts))
    }

    /// The application dossier counted by state.
    public func documentSummary(_ counts: [EvidenceState: Int]) -> String {
        let total = counts.values.reduce(0, +)
        let parts = EvidenceState.allCases.filter { (counts[$0] ?? 0) > 0 }.map { state -> String in
            let count = counts[state] ?? 0
            return switch state {
            case .present: self(.documentsPresent(count: count))
            case .missing: self(.documentsMissing(count: count))
            case .expired: self(.documentsExpired(count: count))
            case .futureDated: self(.documentsFutureDated(count: count))
            }
        }
        return labelled(self(.documentsCount(count: total)), list(parts))
    }

    /// The findings of the action plan the next steps leave out.
    public func moreInPlan(_ count: Int) -> String {
        self(.moreInPlan(count: count))
    }

    /// A score against its threshold, for readers of charts.
    public func scoreAgainst(_ score: Double?, minimum: Double) -> String {
        self(.scoreAgainst(score: self.score(score), minimum: percent(minimum)))
    }

    /// Met requirements out of the applicable ones.
    public func fraction(_ part: Int, of whole: Int) -> String {
        "\(part)/\(whole)"
    }

    // MARK: - Summaries of many assessments

    /// "9 évaluations", counted.
    public func assessments(_ count: Int) -> String {
        self(.assessmentsCount(count: count))
    }

    /// "8 coopératives", counted.
    public func cooperatives(_ count: Int) -> String {
        self(.cooperativesCount(count: count))
    }

    /// The headline of a summary: cooperatives counted (each by its latest assessment), the
    /// assessments read, how many a later one superseded, and how many files were skipped.
    public func summaryHeadline(cooperatives: Int, assessments count: Int, superseded: Int, invalid: Int) -> String {
        var parts = [self.cooperatives(cooperatives), assessments(count)]
        if superseded > 0 { parts.append(self(.supersededByLater(count: superseded))) }
        if invalid > 0 { parts.append(self(.invalidFilesSkipped(count: invalid))) }
        return list(parts)
    }

    /// How many cooperatives an open requirement keeps from their required level.
    public func blocksRequired(_ count: Int) -> String {
        self(.blocksRequired(count: count))
    }

    /// How many cooperatives are ready for a level, for readers of charts.
    public func readiness(ready: Int, of total: Int, requiredOf: Int) -> String {
        self(.readyOfTotal(count: ready, total: total, requiredOf: requiredOf))
    }

    /// The findings a summary lists when it lists only the most frequent.
    public func topOf(_ shown: Int, total: Int) -> String {
        self(.topOf(shown: shown, total: total))
    }

    /// The heading of one group of a summary: its value and its size.
    public func group(_ value: String, cooperatives count: Int) -> String {
        "\(isolate(value)) — \(cooperatives(count))"
    }

    // MARK: - Comparisons of two assessments

    /// One side of a comparison: "auto-évaluation du 2026-11-20".
    public func side(_ kind: AssessmentKind, date: String) -> String {
        self(.side(kind: self.kind(kind), date: isolate(date)))
    }

    /// A change of score in points, signed: "+14,3", "−1,2", "0".
    public func change(_ points: Double) -> String {
        let magnitude = number(abs(points))
        return points > 0 ? "+" + magnitude : points < 0 ? "−" + magnitude : magnitude
    }

    /// A requirement's status in one assessment, "sans objet" when it does not apply there.
    public func status(of result: RequirementResult) -> String {
        result.applicable ? status(result.status) : self(.statusNotApplicable)
    }

    /// Which way a self-assessment strays from the inspector's finding.
    public func direction(_ direction: Comparison.Direction) -> String {
        direction == .overstated ? self(.overstated) : self(.understated)
    }

    /// The disagreements of a comparison, counted.
    public func disagreements(overstated: Int, understated: Int) -> String {
        let head = self(.disagreementsCount(count: overstated + understated))
        var parts: [String] = []
        if overstated > 0 { parts.append(self(.overstatedCount(count: overstated))) }
        if understated > 0 { parts.append(self(.understatedCount(count: understated))) }
        return parts.isEmpty ? head : labelled(head, list(parts))
    }

    /// An arrow in the reading direction: → (Arabic ←).
    public var arrow: String { language.isRightToLeft ? "←" : "→" }

    /// From one value to the next, in the reading direction: "a → b" (Arabic "a ← b").
    public func fromTo(_ old: String, _ new: String) -> String {
        "\(old) \(arrow) \(new)"
    }

    // MARK: - Workbooks

    /// The box to tick for an answer: "Oui", "Partiel", "Non", "Sans objet".
    public func answerBox(_ status: AnswerStatus) -> String {
        switch status {
        case .yes: self(.conformYes)
        case .partial: self(.conformPartial)
        case .no: self(.conformNo)
        case .na: self(.conformNotApplicable)
        }
    }

    /// "12 exigences applicables", counted.
    public func applicableRequirements(_ count: Int) -> String {
        self(.applicableRequirements(count: count))
    }

    /// A warning about the assessment, in words.
    public func warning(_ warning: AssessmentWarning) -> String {
        switch warning.isolated(by: isolate) {
        case let .unknownRequirement(ref, suggestion?, _): self(.warningUnknownRequirementMeant(ref: ref, suggestion: suggestion))
        case let .unknownRequirement(ref, nil, _): self(.warningUnknownRequirement(ref: ref))
        case let .notApplicableAnswer(ref, _): self(.warningNotApplicableAnswer(ref: ref))
        case let .unknownEvidence(ref, evidence, _): self(.warningUnknownEvidence(ref: ref, evidence: evidence))
        case let .unknownMeasure(ref, measure, _): self(.warningUnknownMeasure(ref: ref, measure: measure))
        case let .checklistVersionMismatch(assessment, checklist, _): self(.warningVersionMismatch(assessment: assessment, checklist: checklist))
        }
    }
}

extension AssessmentWarning {
    /// The warning with its ids and versions passed through `isolate`, for sentences.
    func isolated(by isolate: (String) -> String) -> AssessmentWarning {
        switch self {
        case let .unknownRequirement(ref, suggestion, location): .unknownRequirement(ref: isolate(ref), suggestion: suggestion.map(isolate), location: location)
        case let .notApplicableAnswer(ref, location): .notApplicableAnswer(ref: isolate(ref), location: location)
        case let .unknownEvidence(ref, evidence, location): .unknownEvidence(ref: isolate(ref), evidence: isolate(evidence), location: location)
        case let .unknownMeasure(ref, measure, location): .unknownMeasure(ref: isolate(ref), measure: isolate(measure), location: location)
        case let .checklistVersionMismatch(assessment, checklist, location):
            .checklistVersionMismatch(assessment: isolate(assessment), checklist: isolate(checklist), location: location)
        }
    }
}
