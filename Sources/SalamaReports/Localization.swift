public import SalamaModel
public import SalamaEvaluation

/// Every label a report prints, in French, Arabic and English: the one localization table.
/// Adding a case forces its three translations (the switch below has no default).
public enum Label: Sendable, CaseIterable {
    case selfAssessment, inspection
    case checklist, cooperative, date, kind, assessor, products, activities, province, region, commune, members
    case targets, score, minimum, verdict, ready, notReady, required, blockers
    case scoreBelowMinimum, criticalOpen, tooManyMajor
    case findings, noFindings, critical, major, minor
    case declared, status, statusYes, statusPartial, statusNo, statusUnanswered, statusNotApplicable, notDeclared
    case action, deadline, citation, costFree, costLow, costInvestment
    case warnings, nextSteps
    case roleMember, roleInspector, roleTrainer

    /// The label in `language`.
    public func text(_ language: Language) -> String {
        func pick(_ fr: String, _ ar: String, _ en: String) -> String {
            switch language {
            case .fr: fr
            case .ar: ar
            case .en: en
            }
        }
        switch self {
        case .selfAssessment: return pick("auto-évaluation", "تقييم ذاتي", "self-assessment")
        case .inspection: return pick("inspection", "تفتيش", "inspection")
        case .checklist: return pick("Référentiel", "المرجع", "Checklist")
        case .cooperative: return pick("Coopérative", "التعاونية", "Cooperative")
        case .date: return pick("Date", "التاريخ", "Date")
        case .kind: return pick("Type", "النوع", "Kind")
        case .assessor: return pick("Évaluateur", "المُقيِّم", "Assessor")
        case .products: return pick("Produits", "المنتجات", "Products")
        case .activities: return pick("Activités", "الأنشطة", "Activities")
        case .province: return pick("Province", "الإقليم", "Province")
        case .region: return pick("Région", "الجهة", "Region")
        case .commune: return pick("Commune", "الجماعة", "Commune")
        case .members: return pick("Membres", "الأعضاء", "Members")
        case .targets: return pick("Niveaux de certification", "مستويات الإشهاد", "Certification levels")
        case .score: return pick("Score", "النتيجة", "Score")
        case .minimum: return pick("minimum", "الحد الأدنى", "minimum")
        case .verdict: return pick("Verdict", "الحكم", "Verdict")
        case .ready: return pick("prêt", "جاهز", "ready")
        case .notReady: return pick("pas prêt", "غير جاهز", "not ready")
        case .required: return pick("niveau exigé", "المستوى المطلوب", "required level")
        case .blockers: return pick("Obstacles", "العوائق", "Blockers")
        case .scoreBelowMinimum: return pick("score sous le minimum", "النتيجة دون الحد الأدنى", "score below the minimum")
        case .criticalOpen: return pick("écart critique ouvert", "نقص حرج قائم", "critical gap open")
        case .tooManyMajor: return pick("trop d'écarts majeurs", "عدد كبير من النواقص الرئيسية", "too many major gaps")
        case .findings: return pick("Écarts à corriger", "النواقص الواجب تصحيحها", "Gaps to close")
        case .noFindings: return pick("Aucun écart ouvert.", "لا توجد نواقص قائمة.", "No open gap.")
        case .critical: return pick("Critiques", "حرجة", "Critical")
        case .major: return pick("Majeurs", "رئيسية", "Major")
        case .minor: return pick("Mineurs", "ثانوية", "Minor")
        case .declared: return pick("déclaré", "المُصرَّح به", "declared")
        case .status: return pick("constaté", "المُعاين", "found")
        case .statusYes: return pick("oui", "نعم", "yes")
        case .statusPartial: return pick("partiel", "جزئي", "partial")
        case .statusNo: return pick("non", "لا", "no")
        case .statusUnanswered: return pick("sans réponse", "بدون جواب", "unanswered")
        case .statusNotApplicable: return pick("sans objet", "غير معني", "not applicable")
        case .notDeclared: return pick("rien", "لا شيء", "nothing")
        case .action: return pick("Action", "الإجراء", "Action")
        case .deadline: return pick("échéance", "الأجل", "deadline")
        case .citation: return pick("Référence", "المرجع القانوني", "Reference")
        case .costFree: return pick("sans coût", "بدون تكلفة", "no cost")
        case .costLow: return pick("coût faible", "تكلفة منخفضة", "low cost")
        case .costInvestment: return pick("investissement", "استثمار", "investment")
        case .warnings: return pick("Avertissements", "تنبيهات", "Warnings")
        case .nextSteps: return pick("Prochaines étapes", "الخطوات المقبلة", "Next steps")
        case .roleMember: return pick("membre", "عضو", "member")
        case .roleInspector: return pick("inspecteur", "مفتش", "inspector")
        case .roleTrainer: return pick("formateur", "مكوّن", "trainer")
        }
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

    /// One severity, singular, for counts: "2 critical gaps".
    public func gaps(_ count: Int, _ severity: Severity) -> String {
        let plural = count > 1
        switch (language, severity) {
        case (.fr, .critical): return "\(count) écart\(plural ? "s" : "") critique\(plural ? "s" : "")"
        case (.fr, .major): return "\(count) écart\(plural ? "s" : "") majeur\(plural ? "s" : "")"
        case (.fr, .minor): return "\(count) écart\(plural ? "s" : "") mineur\(plural ? "s" : "")"
        case (.ar, .critical): return "\(count) " + (plural ? "نواقص حرجة" : "نقص حرج")
        case (.ar, .major): return "\(count) " + (plural ? "نواقص رئيسية" : "نقص رئيسي")
        case (.ar, .minor): return "\(count) " + (plural ? "نواقص ثانوية" : "نقص ثانوي")
        case (.en, .critical): return "\(count) critical gap\(plural ? "s" : "")"
        case (.en, .major): return "\(count) major gap\(plural ? "s" : "")"
        case (.en, .minor): return "\(count) minor gap\(plural ? "s" : "")"
        }
    }

    public func status(_ status: EffectiveStatus) -> String {
        switch status {
        case .yes: self(.statusYes)
        case .partial: self(.statusPartial)
        case .no: self(.statusNo)
        case .unanswered: self(.statusUnanswered)
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
        verdict == .ready ? self(.ready) : self(.notReady)
    }

    public func blocker(_ blocker: Blocker) -> String {
        switch blocker {
        case .scoreBelowMinimum: self(.scoreBelowMinimum)
        case .criticalOpen: self(.criticalOpen)
        case .tooManyMajor: self(.tooManyMajor)
        }
    }

    /// The headline: the required target's verdict in plain words.
    public func headline(_ result: TargetResult, targetTitle: String) -> String {
        if result.verdict == .ready {
            return pick("Prêt pour : \(targetTitle)", "جاهز لـ: \(targetTitle)", "Ready for: \(targetTitle)")
        }
        var parts: [String] = []
        if result.open.critical > 0 { parts.append(gaps(result.open.critical, .critical)) }
        if result.blockers.contains(.tooManyMajor) {
            let limit = result.target.maxMajor ?? 0
            parts.append(pick("\(gaps(result.open.major, .major)) (au plus \(limit))",
                              "\(gaps(result.open.major, .major)) (الحد الأقصى \(limit))",
                              "\(gaps(result.open.major, .major)) (at most \(limit))"))
        }
        if result.blockers.contains(.scoreBelowMinimum) {
            parts.append(pick("score \(percent(result.reportedScore)) sous \(percent(result.target.minScore))",
                              "النتيجة \(percent(result.reportedScore)) دون \(percent(result.target.minScore))",
                              "score \(percent(result.reportedScore)) below \(percent(result.target.minScore))"))
        }
        let list = parts.joined(separator: pick(", ", "، ", ", "))
        return pick("Pas encore prêt pour : \(targetTitle) — \(list)",
                    "غير جاهز بعد لـ: \(targetTitle) — \(list)",
                    "Not yet ready for: \(targetTitle) — \(list)")
    }

    /// Why a requirement is open, in words.
    public func reason(_ reason: Reason, in requirement: Requirement, checklist: Checklist) -> String {
        let lang = language.rawValue
        func evidenceTitle(_ id: String) -> String {
            requirement.evidence.first { $0.id == id }.map { checklist.text($0.title, in: lang) } ?? id
        }
        func measure(_ id: String) -> (title: String, unit: String) {
            guard let spec = requirement.measures.first(where: { $0.id == id }) else { return (id, "") }
            return (checklist.text(spec.title, in: lang), spec.unit.map { " " + $0 } ?? "")
        }
        switch reason {
        case .unanswered:
            return pick("pas de réponse", "لا يوجد جواب", "no answer")
        case .declaredNotApplicableButApplies:
            return pick("déclaré « sans objet », mais l'exigence s'applique à cette coopérative",
                        "صُرِّح بأنه غير معني، لكن هذا المتطلب ينطبق على هذه التعاونية",
                        "declared not applicable, but the requirement applies to this cooperative")
        case let .measureOutOfRange(id, value, min, max):
            let (title, unit) = measure(id)
            let range: String
            switch (min, max) {
            case let (min?, max?): range = pick("entre \(number(min, decimals: 3)) et \(number(max, decimals: 3))\(unit)", "بين \(number(min, decimals: 3)) و\(number(max, decimals: 3))\(unit)", "between \(number(min, decimals: 3)) and \(number(max, decimals: 3))\(unit)")
            case let (min?, nil): range = pick("au moins \(number(min, decimals: 3))\(unit)", "على الأقل \(number(min, decimals: 3))\(unit)", "at least \(number(min, decimals: 3))\(unit)")
            case let (nil, max?): range = pick("au plus \(number(max, decimals: 3))\(unit)", "على الأكثر \(number(max, decimals: 3))\(unit)", "at most \(number(max, decimals: 3))\(unit)")
            case (nil, nil): range = ""
            }
            return pick("\(title) : \(number(value, decimals: 3))\(unit) mesuré, attendu \(range)",
                        "\(title): القيمة المقيسة \(number(value, decimals: 3))\(unit)، والمطلوب \(range)",
                        "\(title): measured \(number(value, decimals: 3))\(unit), expected \(range)")
        case .measureMissing(let id):
            let (title, _) = measure(id)
            return pick("\(title) : aucune mesure fournie", "\(title): لم يتم تقديم أي قياس", "\(title): no measurement given")
        case .evidenceMissing(let id):
            return pick("\(evidenceTitle(id)) : document absent", "\(evidenceTitle(id)): الوثيقة غير متوفرة", "\(evidenceTitle(id)): document missing")
        case let .evidenceExpired(id, date, maxAge):
            return pick("\(evidenceTitle(id)) daté du \(date) : plus de \(maxAge) jours",
                        "\(evidenceTitle(id)) بتاريخ \(date): مضى عليه أكثر من \(maxAge) يومًا",
                        "\(evidenceTitle(id)) dated \(date) is more than \(maxAge) days old")
        case let .evidenceFutureDated(id, date):
            return pick("\(evidenceTitle(id)) daté du \(date), après la date de l'évaluation",
                        "\(evidenceTitle(id)) بتاريخ \(date)، أي بعد تاريخ التقييم",
                        "\(evidenceTitle(id)) is dated \(date), after the assessment date")
        }
    }

    /// A warning about the assessment, in words.
    public func warning(_ warning: AssessmentWarning) -> String {
        switch warning {
        case let .unknownRequirement(ref, _):
            return pick("réponse à une exigence inconnue du référentiel : \(ref)", "جواب عن متطلب غير موجود في المرجع: \(ref)", "answer to a requirement the checklist does not have: \(ref)")
        case let .unknownEvidence(ref, evidence, _):
            return pick("\(ref) : document « \(evidence) » inconnu pour cette exigence", "\(ref): الوثيقة «\(evidence)» غير معروفة لهذا المتطلب", "\(ref): evidence '\(evidence)' is not one of this requirement's")
        case let .unknownMeasure(ref, measure, _):
            return pick("\(ref) : mesure « \(measure) » inconnue pour cette exigence", "\(ref): القياس «\(measure)» غير معروف لهذا المتطلب", "\(ref): measure '\(measure)' is not one of this requirement's")
        case let .checklistVersionMismatch(assessment, checklist, _):
            return pick("évaluation faite pour la version \(assessment) du référentiel, évaluée avec la version \(checklist)", "أُنجز التقييم للنسخة \(assessment) من المرجع، وتم تقييمه بالنسخة \(checklist)", "assessment made for checklist version \(assessment), evaluated with version \(checklist)")
        }
    }
}
