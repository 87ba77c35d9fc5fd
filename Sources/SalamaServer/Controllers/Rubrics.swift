import SalamaEvaluation
import SalamaModel
import SalamaReports
import SalamaWorkbook
import SalamaXML

/// The rubrics of one cooperative's form, one page each: the requirements that apply to it,
/// grouped by top-level section in checklist order, rubrics with nothing applicable left out. A
/// top-level section's own requirements make one page and each of its sub-sections another
/// (HACCP, then HACCP — Dates, HACCP — Honey…), so that a page stays short on a phone whatever
/// the cooperative produces.
struct Rubrics {
    struct Rubric {
        var section: Section
        /// The sub-section this page holds, or nil for the section's own requirements.
        var subsection: Section?
        var requirements: [Requirement]
    }

    let checklist: Checklist
    let rubrics: [Rubric]
    /// Every requirement that applies, by id.
    let applicable: [String: Requirement]

    init(checklist: Checklist, evaluator: Evaluator, cooperative: Cooperative) {
        self.checklist = checklist
        let entries = evaluator.applicableRequirements(for: cooperative)
        let applicable = Dictionary(entries.map { ($0.requirement.id, $0.requirement) }, uniquingKeysWith: { first, _ in first })
        self.applicable = applicable
        rubrics = checklist.sections.flatMap { section -> [Rubric] in
            var own: [Requirement] = []
            var parts: [Rubric] = []
            for item in section.items {
                switch item {
                case .requirement(let requirement):
                    if applicable[requirement.id] != nil { own.append(requirement) }
                case .section(let subsection):
                    let requirements = subsection.allRequirements.filter { applicable[$0.id] != nil }
                    if !requirements.isEmpty { parts.append(Rubric(section: section, subsection: subsection, requirements: requirements)) }
                }
            }
            return (own.isEmpty ? [] : [Rubric(section: section, subsection: nil, requirements: own)]) + parts
        }
    }

    /// Applicable requirements answered (any status), and applicable requirements.
    func progress(_ assessment: Assessment) -> (answered: Int, applicable: Int) {
        let answered = assessment.answers.filter { $0.status != nil && applicable[$0.ref] != nil }.count
        return (answered, applicable.count)
    }
}

/// Whether an answer may say "not applicable": only under `allow-na` (contract 1.1); anywhere
/// else `na` would count as `no`, so it is never offered.
func allowsNotApplicable(_ requirement: Requirement) -> Bool {
    requirement.allowsNotApplicable
}

/// The view of one rubric page: the values its Mustache template shows.
struct RubricView {
    let rubrics: Rubrics
    let language: Language
    let words: [String: Any]
    let inspection: Bool

    /// What a card shows instead of the stored answer: the values posted (when some were
    /// wrong) or the stored answer plus the refused values (after a conflict).
    struct Override {
        var posted: AnswerForm?
        var problems: CardProblems?
        var badStatus = false
        var refused: AnswerFields?
    }

    func context(index: Int, assessment: Assessment, revisions: [String: Int], base: String,
                 overrides: [String: Override] = [:], banner: String? = nil) -> [String: Any] {
        let rubric = rubrics.rubrics[index]
        let checklist = rubrics.checklist
        let say = Localizer(language)
        let progress = rubrics.progress(assessment)
        let answers = Dictionary(assessment.answers.map { ($0.ref, $0) }, uniquingKeysWith: { first, _ in first })
        func text(_ localized: LocalizedText) -> String { checklist.text(localized, in: language.rawValue) }
        func word(_ key: String) -> String { words[key] as? String ?? "" }

        let cards: [[String: Any]] = rubric.requirements.map { requirement in
            let ref = requirement.id
            let override = overrides[ref]
            let stored = AnswerFields(answers[ref])
            let posted = override?.posted
            let statusValue = posted?.status ?? stored.status?.rawValue ?? ""
            var statuses: [AnswerStatus] = [.yes, .partial, .no]
            if allowsNotApplicable(requirement) { statuses.append(.na) }
            let icons: [AnswerStatus: String] = [.yes: "✔", .partial: "◐", .no: "✖", .na: "⊘"]
            let options: [[String: Any]] = statuses.map { status in
                ["value": status.rawValue, "label": word(status.rawValue), "icon": icons[status] ?? "",
                 "checked": statusValue == status.rawValue, "id": "s-\(ref)-\(status.rawValue)"]
            }
            let evidence: [[String: Any]] = requirement.evidence.map { spec in
                let value = posted?.ev?[spec.id] ?? stored.evidenceDates[spec.id]?.description ?? ""
                var item: [String: Any] = ["id": spec.id, "title": text(spec.title), "value": value,
                                           "invalid": override?.problems?.evidence.contains(spec.id) == true]
                if let days = spec.maxAgeDays { item["maxAge"] = "\(word("valid_days")) : \(days)" }
                return item
            }
            let measures: [[String: Any]] = requirement.measures.map { spec in
                let value = posted?.m?[spec.id] ?? stored.measurements[spec.id].map(AssessmentXML.decimal) ?? ""
                let unit = spec.unit.map { " " + $0 } ?? ""
                return ["id": spec.id, "title": text(spec.title), "value": value, "unit": spec.unit ?? "",
                        "limit": say.range(min: spec.min, max: spec.max, unit: unit),
                        "invalid": override?.problems?.measures.contains(spec.id) == true]
            }
            var card: [String: Any] = [
                "ref": ref, "title": text(requirement.title), "guidance": text(requirement.guidance),
                "severity": requirement.severity.rawValue, "severityLabel": word(requirement.severity.rawValue),
                "options": options, "evidence": evidence, "measures": measures,
                "note": posted?.note ?? stored.note, "rev": revisions[ref] ?? 0,
                "answered": !statusValue.isEmpty, "badStatus": override?.badStatus == true,
            ]
            if inspection {
                card["inspection"] = true
                card["deadline"] = posted?.deadline ?? stored.deadline?.description ?? ""
                card["deadlineInvalid"] = override?.problems?.deadline == true
                card["action"] = requirement.action.map { text($0.text) } ?? ""
            }
            if let refused = override?.refused {
                card["refused"] = describe(refused, requirement: requirement)
            }
            return card
        }
        let count = rubrics.rubrics.count
        var values: [String: Any] = [
            "base": base,
            "number": index + 1, "count": count,
            "cooperative": assessment.cooperative.name,
            "rubricTitle": rubric.subsection.map { "\(text(rubric.section.title)) — \(text($0.title))" } ?? text(rubric.section.title),
            "cards": cards,
            "answered": progress.answered, "applicable": progress.applicable,
            "action": "\(base)/r/\(index + 1)",
            "result": "\(base)/result",
            "visit": "\(base)/visit",
            "inspection": inspection,
            "chooseLanguage": String(base[..<(base.lastIndex(of: "/") ?? base.endIndex)]) + "?choose=1",
        ]
        if index > 0 { values["previous"] = "\(base)/r/\(index)" }
        if index + 1 < count { values["next"] = "\(base)/r/\(index + 2)" }
        if let banner { values["banner"] = banner }
        values["rubricLinks"] = rubrics.rubrics.indices.map { position in
            ["number": position + 1, "href": "\(base)/r/\(position + 1)", "current": position == index] as [String: Any]
        }
        return values
    }

    /// The refused answer in words: "Non — 0,4 mg/L — note".
    private func describe(_ fields: AnswerFields, requirement: Requirement) -> String {
        var parts: [String] = []
        if let status = fields.status { parts.append(words[status.rawValue] as? String ?? status.rawValue) }
        for spec in requirement.evidence { if let date = fields.evidenceDates[spec.id] { parts.append(date.description) } }
        for spec in requirement.measures {
            if let value = fields.measurements[spec.id] { parts.append(AssessmentXML.decimal(value) + (spec.unit.map { " " + $0 } ?? "")) }
        }
        if !fields.note.isEmpty { parts.append(fields.note) }
        return parts.joined(separator: " — ")
    }
}
