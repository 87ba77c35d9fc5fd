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
        TranslationCatalogue.labels(language)[rawValue] ?? rawValue
    }
}

/// Sentences built from data: verdicts, reasons, counts. Their words live here, next to the
/// labels, in the three languages.
public struct Localizer: Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    public func callAsFunction(_ label: Label) -> String { label.text(language) }

    private func pick(_ fr: String, _ ar: String, _ en: String) -> String {
        switch language {
        case .fr: fr
        case .ar: ar
        case .en: en
        }
    }

    /// `count` with the counted phrase in the plural form its number takes (CLDR rules):
    /// "1 écart", "2 écarts"; "نقص واحد", "نقصان", "3 نواقص", "11 نقصًا", "100 نقص".
    public func count(_ count: Int, _ fr: PluralForms, _ ar: PluralForms, _ en: PluralForms) -> String {
        pick(fr(count, in: .fr), ar(count, in: .ar), en(count, in: .en))
    }

    /// A decimal number as people of this language write it (French and Arabic use a comma).
    public func number(_ value: Double, decimals: Int = 1) -> String {
        var text = JSONValue.format((value * pow10(decimals)).rounded(.toNearestOrAwayFromZero) / pow10(decimals))
        if language != .en { text = text.replacingOccurrences(of: ".", with: ",") }
        return text
    }

    public func percent(_ value: Double) -> String {
        pick("\(number(value)) %", "\(number(value))٪", "\(number(value))%")
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
        case .critical:
            self.count(count, PluralForms(one: "# écart critique", other: "# écarts critiques"),
                       PluralForms(one: "نقص حرج واحد", two: "نقصان حرجان", few: "# نواقص حرجة", many: "# نقصًا حرجًا", other: "# نقص حرج"),
                       PluralForms(one: "# critical gap", other: "# critical gaps"))
        case .major:
            self.count(count, PluralForms(one: "# écart majeur", other: "# écarts majeurs"),
                       PluralForms(one: "نقص رئيسي واحد", two: "نقصان رئيسيان", few: "# نواقص رئيسية", many: "# نقصًا رئيسيًا", other: "# نقص رئيسي"),
                       PluralForms(one: "# major gap", other: "# major gaps"))
        case .minor:
            self.count(count, PluralForms(one: "# écart mineur", other: "# écarts mineurs"),
                       PluralForms(one: "نقص ثانوي واحد", two: "نقصان ثانويان", few: "# نواقص ثانوية", many: "# نقصًا ثانويًا", other: "# نقص ثانوي"),
                       PluralForms(one: "# minor gap", other: "# minor gaps"))
        }
    }

    /// A number of days: "365 jours", "٣ أيام", "11 يومًا".
    public func days(_ count: Int) -> String {
        self.count(count, PluralForms(one: "# jour", other: "# jours"),
                   PluralForms(one: "يوم واحد", two: "يومان", few: "# أيام", many: "# يومًا", other: "# يوم"),
                   PluralForms(one: "# day", other: "# days"))
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
            return "\(requiredTitle)\(pick(" : ", ": ", ": "))\(state)"
        }
        if highest.result.target.id == required.target.id {
            return pick("Prêt pour : \(requiredTitle)", "جاهز لـ: \(requiredTitle)", "Ready for: \(requiredTitle)")
        }
        let highestTitle = isolate(highest.title)
        return pick("Prêt pour : \(highestTitle) (niveau exigé : \(requiredTitle) — \(state))",
                    "جاهز لـ: \(highestTitle) (المستوى المطلوب: \(requiredTitle) — \(state))",
                    "Ready for: \(highestTitle) (required level: \(requiredTitle) — \(state))")
    }

    /// "91 questions sans réponse", counted.
    public func unanswered(_ count: Int) -> String {
        self.count(count, PluralForms(one: "# question sans réponse", other: "# questions sans réponse"),
                   PluralForms(one: "سؤال واحد بلا جواب", two: "سؤالان بلا جواب", few: "# أسئلة بلا جواب", many: "# سؤالًا بلا جواب", other: "# سؤال بلا جواب"),
                   PluralForms(one: "# question not answered", other: "# questions not answered"))
    }

    /// What makes a target ready, step by step, for a target that is not: "fermer l'écart
    /// critique IMP-03", "fixer une échéance pour FON-03 et LOC-04", "répondre aux 12 questions".
    public func stepsToReady(_ result: TargetResult, openCriticals: [String], openMajors: [String]) -> [String] {
        guard result.verdict != .ready else { return [] }
        let ids = { (ids: [String]) in self.list(ids.map(self.isolate)) }
        var steps: [String] = []
        if !openCriticals.isEmpty {
            let many = PluralCategory(openCriticals.count, in: language) != .one
            steps.append(pick("fermer \(many ? "les écarts critiques" : "l'écart critique") \(ids(openCriticals))",
                              "تصحيح \(openCriticals.count == 1 ? "النقص الحرج" : openCriticals.count == 2 ? "النقصين الحرجين" : "النواقص الحرجة") \(ids(openCriticals))",
                              "close the critical gap\(many ? "s" : "") \(ids(openCriticals))"))
        }
        if result.blockers.contains(.tooManyMajor), let limit = result.target.maxMajor {
            let open = result.open.major
            if limit == 0 {
                let many = PluralCategory(open, in: language) != .one
                steps.append(pick(many ? "fermer les \(open) écarts majeurs (aucun n'est toléré à ce niveau)" : "fermer l'écart majeur \(ids(openMajors)) (aucun n'est toléré à ce niveau)",
                                  "تصحيح \(gaps(open, .major)) (لا يُسمح بأي نقص رئيسي في هذا المستوى)",
                                  many ? "close the \(open) major gaps (none is allowed at this level)" : "close the major gap \(ids(openMajors)) (none is allowed at this level)"))
            } else {
                steps.append(pick("fermer au moins \(open - limit) des \(open) écarts majeurs (\(limit) au plus tolérés, avec échéance)",
                                  "تصحيح \(open - limit) على الأقل من أصل \(gaps(open, .major)) (يُسمح بـ\(limit) على الأكثر مع أجل للتصحيح)",
                                  "close at least \(open - limit) of the \(open) major gaps (at most \(limit) allowed, with a deadline)"))
            }
        }
        if result.blockers.contains(.majorWithoutDeadline) {
            steps.append(pick("fixer une échéance pour \(ids(result.majorsWithoutDeadline))",
                              "تحديد أجل لتصحيح \(ids(result.majorsWithoutDeadline))",
                              "set a deadline for \(ids(result.majorsWithoutDeadline))"))
        }
        if result.blockers.contains(.scoreBelowMinimum) {
            steps.append(pick("relever le score de \(score(result.displayedScore)) à \(percent(result.target.minScore))",
                              "رفع النتيجة من \(score(result.displayedScore)) إلى \(percent(result.target.minScore))",
                              "raise the score from \(score(result.displayedScore)) to \(percent(result.target.minScore))"))
        }
        if result.unassessed > 0 {
            let count = result.unassessed
            steps.append(pick(count > 1 ? "répondre aux \(count) questions restées sans réponse" : "répondre à la question restée sans réponse",
                              "الإجابة عن \(unanswered(count))",
                              count == 1 ? "answer the question left unanswered" : "answer the \(count) questions left unanswered"))
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
            return pick("déclaré « sans objet », mais l'exigence s'applique à cette coopérative",
                        "صُرِّح بأنه غير معني، لكن هذا المتطلب ينطبق على هذه التعاونية",
                        "declared not applicable, but the requirement applies to this cooperative")
        case let .measureOutOfRange(id, value, min, max):
            let (title, unit) = measure(id)
            let range = self.range(min: min, max: max, unit: unit)
            return pick("\(title) : \(number(value, decimals: 3))\(unit) mesuré, attendu \(range)",
                        "\(title): القيمة المقيسة \(isolate(number(value, decimals: 3) + unit))، والمطلوب \(range)",
                        "\(title): measured \(number(value, decimals: 3))\(unit), expected \(range)")
        case .measureMissing(let id):
            let (title, _) = measure(id)
            return pick("\(title) : aucune mesure fournie", "\(title): لم يتم تقديم أي قياس", "\(title): no measurement given")
        case .evidenceMissing(let id):
            return pick("\(evidenceTitle(id)) : document absent", "\(evidenceTitle(id)): الوثيقة غير متوفرة", "\(evidenceTitle(id)): document missing")
        case let .evidenceExpired(id, day, maxAge):
            let date = isolate(day.description)
            return pick("\(evidenceTitle(id)) daté du \(date) : plus de \(days(maxAge))",
                        "\(evidenceTitle(id)) بتاريخ \(date): مضى عليه أكثر من \(days(maxAge))",
                        "\(evidenceTitle(id)) dated \(date) is more than \(days(maxAge)) old")
        case let .evidenceFutureDated(id, day):
            let date = isolate(day.description)
            return pick("\(evidenceTitle(id)) daté du \(date), après la date de l'évaluation",
                        "\(evidenceTitle(id)) بتاريخ \(date)، أي بعد تاريخ التقييم",
                        "\(evidenceTitle(id)) is dated \(date), after the assessment date")
        }
    }

    /// The acceptable values of a measure: "entre 0,1 et 1 mg/L", "at least 2". `unit` comes with
    /// its leading space (or is empty).
    public func range(min: Double?, max: Double?, unit: String) -> String {
        switch (min, max) {
        case let (min?, max?): pick("entre \(number(min, decimals: 3)) et \(number(max, decimals: 3))\(unit)", "بين \(number(min, decimals: 3)) و\(isolate(number(max, decimals: 3) + unit))", "between \(number(min, decimals: 3)) and \(number(max, decimals: 3))\(unit)")
        case let (min?, nil): pick("au moins \(number(min, decimals: 3))\(unit)", "على الأقل \(isolate(number(min, decimals: 3) + unit))", "at least \(number(min, decimals: 3))\(unit)")
        case let (nil, max?): pick("au plus \(number(max, decimals: 3))\(unit)", "على الأكثر \(isolate(number(max, decimals: 3) + unit))", "at most \(number(max, decimals: 3))\(unit)")
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
        pick("\(label) :", "\(label):", "\(label):")
    }

    /// Several items in a sentence, with the language's comma.
    public func list(_ items: [String]) -> String {
        items.joined(separator: pick(", ", "، ", ", "))
    }

    /// Items that may hold commas themselves, with the language's semicolon.
    public func series(_ items: [String]) -> String {
        items.joined(separator: pick("; ", "؛ ", "; "))
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
        pick("déclaré « \(declared(status)) »", "المُصرَّح به: «\(declared(status))»", "declared “\(declared(status))”")
    }

    /// What an inspector found for an open requirement, when that alone explains the gap.
    public func foundOpen(_ status: AnswerStatus) -> String {
        pick("constaté « \(declared(status)) »", "المُعاين: «\(declared(status))»", "found “\(declared(status))”")
    }

    /// A citation: the source's title and the article.
    public func citation(source: String, at: String?) -> String {
        guard let at else { return isolate(source) }
        return pick("\(source), \(at)", "\(isolate(source))، \(isolate(at))", "\(source), \(at)")
    }

    /// The last day of a document's validity: "jusqu'au 2027-11-28".
    public func until(_ day: String) -> String {
        pick("jusqu'au \(day)", "إلى غاية \(isolate(day))", "until \(day)")
    }

    /// How long a document stays valid.
    public func validity(days count: Int) -> String {
        days(count)
    }

    /// The open findings of a target, counted by severity.
    public func openCounts(_ counts: SeverityCounts) -> String {
        let parts = Severity.allCases.filter { counts[$0] > 0 }.map { gaps(counts[$0], $0) }
        return parts.isEmpty ? pick("aucun écart ouvert", "لا يوجد نقص قائم", "no open gap") : list(parts)
    }

    /// The size of the action plan by cost tier.
    public func planSummary(total: Int, byCost counts: [Cost: Int]) -> String {
        let parts = Cost.allCases.filter { (counts[$0] ?? 0) > 0 }.map { cost -> String in
            let count = counts[cost] ?? 0
            switch cost {
            case .free: return pick("\(count) sans coût", "\(count) بدون تكلفة", "\(count) at no cost")
            case .low: return pick("\(count) à coût faible", "\(count) بتكلفة منخفضة", "\(count) low-cost")
            case .investment: return pick("\(count) d'investissement", "\(count) تتطلب استثمارًا", "\(count) needing investment")
            }
        }
        let head = count(total, PluralForms(one: "# action à mener", other: "# actions à mener"),
                         PluralForms(one: "إجراء واحد للقيام به", two: "إجراءان للقيام بهما", few: "# إجراءات للقيام بها", many: "# إجراءً للقيام به", other: "# إجراء للقيام به"),
                         PluralForms(one: "# action to take", other: "# actions to take"))
        return parts.isEmpty ? head : pick("\(head) : \(list(parts))", "\(head): \(list(parts))", "\(head): \(list(parts))")
    }

    /// The application dossier counted by state.
    public func documentSummary(_ counts: [EvidenceState: Int]) -> String {
        let total = counts.values.reduce(0, +)
        let parts = EvidenceState.allCases.filter { (counts[$0] ?? 0) > 0 }.map { state -> String in
            let count = counts[state] ?? 0
            let s = PluralCategory(count, in: .fr) == .one ? "" : "s"
            switch state {
            case .present: return pick("\(count) présent\(s)", "\(count) متوفرة", "\(count) present")
            case .missing: return pick("\(count) manquant\(s)", "\(count) غير متوفرة", "\(count) missing")
            case .expired: return pick("\(count) périmé\(s)", "\(count) منتهية الصلاحية", "\(count) expired")
            case .futureDated: return pick("\(count) daté\(s) après l'évaluation", "\(count) مؤرخة بعد التقييم", "\(count) dated after the assessment")
            }
        }
        let head = count(total, PluralForms(one: "# document", other: "# documents"),
                         PluralForms(one: "وثيقة واحدة", two: "وثيقتان", few: "# وثائق", many: "# وثيقةً", other: "# وثيقة"),
                         PluralForms(one: "# document", other: "# documents"))
        return pick("\(head) : \(list(parts))", "\(head): \(list(parts))", "\(head): \(list(parts))")
    }

    /// The findings of the action plan the next steps leave out.
    public func moreInPlan(_ count: Int) -> String {
        self.count(count, PluralForms(one: "… et # autre dans le plan d'action", other: "… et # autres dans le plan d'action"),
                   PluralForms(one: "… ونقص آخر في خطة العمل", two: "… ونقصان آخران في خطة العمل", few: "… و# نواقص أخرى في خطة العمل",
                               many: "… و# نقصًا آخر في خطة العمل", other: "… و# نقص آخر في خطة العمل"),
                   PluralForms(other: "… and # more in the action plan"))
    }

    /// A score against its threshold, for readers of charts.
    public func scoreAgainst(_ score: Double?, minimum: Double) -> String {
        pick("score \(self.score(score)), minimum \(percent(minimum))",
             "النتيجة \(self.score(score))، والحد الأدنى \(percent(minimum))",
             "score \(self.score(score)), minimum \(percent(minimum))")
    }

    /// Met requirements out of the applicable ones.
    public func fraction(_ part: Int, of whole: Int) -> String {
        "\(part)/\(whole)"
    }

    // MARK: - Summaries of many assessments

    /// "9 évaluations", counted.
    public func assessments(_ count: Int) -> String {
        self.count(count, PluralForms(one: "# évaluation", other: "# évaluations"),
                   PluralForms(one: "تقييم واحد", two: "تقييمان", few: "# تقييمات", many: "# تقييمًا", other: "# تقييم"),
                   PluralForms(one: "# assessment", other: "# assessments"))
    }

    /// "8 coopératives", counted.
    public func cooperatives(_ count: Int) -> String {
        self.count(count, PluralForms(one: "# coopérative", other: "# coopératives"),
                   PluralForms(one: "تعاونية واحدة", two: "تعاونيتان", few: "# تعاونيات", many: "# تعاونيةً", other: "# تعاونية"),
                   PluralForms(one: "# cooperative", other: "# cooperatives"))
    }

    /// The headline of a summary: cooperatives counted (each by its latest assessment), the
    /// assessments read, how many a later one superseded, and how many files were skipped.
    public func summaryHeadline(cooperatives: Int, assessments count: Int, superseded: Int, invalid: Int) -> String {
        var parts = [self.cooperatives(cooperatives), assessments(count)]
        if superseded > 0 {
            parts.append(self.count(superseded, PluralForms(one: "# remplacée par une plus récente", other: "# remplacées par de plus récentes"),
                                    PluralForms(one: "واحد عوّضه تقييم أحدث", two: "اثنان عوّضتهما تقييمات أحدث", few: "# عوّضتها تقييمات أحدث",
                                                many: "# عوّضتها تقييمات أحدث", other: "# عوّضتها تقييمات أحدث"),
                                    PluralForms(other: "# superseded by a later one")))
        }
        if invalid > 0 {
            parts.append(self.count(invalid, PluralForms(one: "# fichier invalide écarté", other: "# fichiers invalides écartés"),
                                    PluralForms(one: "ملف واحد غير صالح مستبعد", two: "ملفان غير صالحين مستبعدان", few: "# ملفات غير صالحة مستبعدة",
                                                many: "# ملفًا غير صالح مستبعدًا", other: "# ملف غير صالح مستبعد"),
                                    PluralForms(one: "# invalid file skipped", other: "# invalid files skipped")))
        }
        return list(parts)
    }

    /// How many cooperatives an open requirement keeps from their required level.
    public func blocksRequired(_ count: Int) -> String {
        self.count(count, PluralForms(one: "bloque le niveau exigé de # coopérative", other: "bloque le niveau exigé de # coopératives"),
                   PluralForms(one: "يعيق المستوى المطلوب لتعاونية واحدة", two: "يعيق المستوى المطلوب لتعاونيتين",
                               few: "يعيق المستوى المطلوب لـ# تعاونيات", many: "يعيق المستوى المطلوب لـ# تعاونيةً", other: "يعيق المستوى المطلوب لـ# تعاونية"),
                   PluralForms(one: "blocks the required level of # cooperative", other: "blocks the required level of # cooperatives"))
    }

    /// How many cooperatives are ready for a level, for readers of charts.
    public func readiness(ready: Int, of total: Int, requiredOf: Int) -> String {
        count(ready, PluralForms(one: "# prête sur \(total), niveau exigé de \(requiredOf)", other: "# prêtes sur \(total), niveau exigé de \(requiredOf)"),
              PluralForms(other: "# جاهزة من أصل \(total)، والمستوى مطلوب لـ \(requiredOf)"),
              PluralForms(other: "# ready of \(total), required of \(requiredOf)"))
    }

    /// The findings a summary lists when it lists only the most frequent.
    public func topOf(_ shown: Int, total: Int) -> String {
        pick("les \(shown) premiers sur \(total)", "أول \(shown) من أصل \(total)", "the first \(shown) of \(total)")
    }

    /// The heading of one group of a summary: its value and its size.
    public func group(_ value: String, cooperatives count: Int) -> String {
        "\(isolate(value)) — \(cooperatives(count))"
    }

    // MARK: - Comparisons of two assessments

    /// One side of a comparison: "auto-évaluation du 2026-11-20".
    public func side(_ kind: AssessmentKind, date: String) -> String {
        pick("\(self.kind(kind)) du \(date)", "\(self.kind(kind)) بتاريخ \(isolate(date))", "\(self.kind(kind)) of \(date)")
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
        let total = overstated + understated
        let head = count(total, PluralForms(one: "# divergence", other: "# divergences"),
                         PluralForms(one: "اختلاف واحد", two: "اختلافان", few: "# اختلافات", many: "# اختلافًا", other: "# اختلاف"),
                         PluralForms(one: "# disagreement", other: "# disagreements"))
        var parts: [String] = []
        if overstated > 0 {
            parts.append(count(overstated, PluralForms(one: "# surévaluée par la coopérative", other: "# surévaluées par la coopérative"),
                               PluralForms(other: "# بتقدير مبالغ فيه من التعاونية"), PluralForms(other: "# overstated by the cooperative")))
        }
        if understated > 0 {
            parts.append(count(understated, PluralForms(one: "# sous-évaluée", other: "# sous-évaluées"),
                               PluralForms(other: "# بتقدير أقل من الواقع"), PluralForms(other: "# understated")))
        }
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
        self.count(count, PluralForms(one: "# exigence applicable", other: "# exigences applicables"),
                   PluralForms(one: "متطلب منطبق واحد", two: "متطلبان منطبقان", few: "# متطلبات منطبقة", many: "# متطلبًا منطبقًا", other: "# متطلب منطبق"),
                   PluralForms(one: "# applicable requirement", other: "# applicable requirements"))
    }

    /// A warning about the assessment, in words.
    public func warning(_ warning: AssessmentWarning) -> String {
        switch warning.isolated(by: isolate) {
        case let .unknownRequirement(ref, suggestion?, _):
            return pick("\(ref) n'existe pas — vouliez-vous dire \(suggestion) ? (\(suggestion) reste sans réponse)",
                        "\(ref) غير موجود — هل تقصد \(suggestion)؟ (يبقى \(suggestion) بلا جواب)",
                        "\(ref) does not exist — did you mean \(suggestion)? (\(suggestion) stays unanswered)")
        case let .unknownRequirement(ref, nil, _):
            return pick("réponse à une exigence inconnue du référentiel : \(ref)", "جواب عن متطلب غير موجود في المرجع: \(ref)", "answer to a requirement the checklist does not have: \(ref)")
        case let .notApplicableAnswer(ref, _):
            return pick("\(ref) est répondu, mais ne s'applique pas aux produits et activités déclarés : un produit ou une activité manque-t-il ?",
                        "تمت الإجابة عن \(ref)، لكنه لا ينطبق على المنتجات والأنشطة المصرَّح بها: هل ينقص منتوج أو نشاط؟",
                        "\(ref) is answered but does not apply to the declared products and activities: is a product or an activity missing?")
        case let .unknownEvidence(ref, evidence, _):
            return pick("\(ref) : document « \(evidence) » inconnu pour cette exigence", "\(ref): الوثيقة «\(evidence)» غير معروفة لهذا المتطلب", "\(ref): evidence '\(evidence)' is not one of this requirement's")
        case let .unknownMeasure(ref, measure, _):
            return pick("\(ref) : mesure « \(measure) » inconnue pour cette exigence", "\(ref): القياس «\(measure)» غير معروف لهذا المتطلب", "\(ref): measure '\(measure)' is not one of this requirement's")
        case let .checklistVersionMismatch(assessment, checklist, _):
            return pick("évaluation faite pour la version \(assessment) du référentiel, évaluée avec la version \(checklist)", "أُنجز التقييم للنسخة \(assessment) من المرجع، وتم تقييمه بالنسخة \(checklist)", "assessment made for checklist version \(assessment), evaluated with version \(checklist)")
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
