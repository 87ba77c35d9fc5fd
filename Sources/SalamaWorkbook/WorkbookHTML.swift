import SalamaReports
import SalamaModel

extension WorkbookTemplate {
    /// The printable workbook of `salama template --format html`, for workshops: one
    /// self-contained A4 file (inline CSS, no script, nothing fetched), right to left in Arabic.
    /// A cooperative header with blanks to fill, then one block per applicable requirement,
    /// grouped by top-level section: its id, title and guidance, the boxes to tick (yes, partial,
    /// no, not applicable), a line per evidence item (its title and period of validity) for the
    /// document's date and reference, a line per measure (its unit and limits) for the value, and
    /// a line for notes; an inspection workbook adds the visit (number, service, purpose, time,
    /// place, persons met, samples taken) and the establishment's signature beside the
    /// inspector's. Blocks are compact (guidance in small type, boxes and notes on one line) so
    /// that a cooperative's whole workbook prints on a dozen A4 pages. Every text from the
    /// checklist or the profile is escaped.
    public func html() -> String {
        let language = labelLanguage
        let say = Localizer(language)
        let title = text(checklist.title)
        let kicker = "\(say(.workbook)) — \(say.kind(profile.kind))"

        var out = "<header class=\"masthead\">\n<p class=\"kicker\">\(HTMLPage.text(kicker))</p>\n"
        out += "<h1>\(HTMLPage.isolated(title))</h1>\n"
        out += "<p class=\"basis\">\(HTMLPage.identifier(checklist.id)) \(HTMLPage.text(say(.version))) \(HTMLPage.isolated(checklist.version))"
        out += " · \(HTMLPage.text(say.applicableRequirements(requirements.count)))</p>\n"
        out += cooperativeBlanks(say)
        if profile.kind == .inspection { out += visitBlanks(say) }
        out += "</header>\n"
        out += "<p class=\"instructions\">\(HTMLPage.text(say(.workbookInstructions)))</p>\n"

        let topSection = Dictionary(checklist.sections.flatMap { section in section.allRequirements.map { ($0.id, section) } },
                                    uniquingKeysWith: { first, _ in first })
        var currentTop: String?
        var currentSection: String?
        for (requirement, section) in requirements {
            let top = topSection[requirement.id] ?? section
            if top.id != currentTop {
                if currentTop != nil { out += "</section>\n" }
                out += "<section class=\"rubric\">\n<h2>\(HTMLPage.isolated(text(top.title)))</h2>\n"
                currentTop = top.id
                currentSection = top.id
            }
            if section.id != currentSection {
                out += "<h3 class=\"subsection\">\(HTMLPage.isolated(text(section.title)))</h3>\n"
                currentSection = section.id
            }
            out += block(requirement, say)
        }
        if currentTop != nil { out += "</section>\n" }

        let signers: [Label] = profile.kind == .inspection ? [.theInspector, .theRepresentative] : [.assessor]
        out += "<section class=\"signatures-section\">\n<div class=\"signatures\">\n"
        for signer in signers {
            out += "<div class=\"signature\"><h3>\(HTMLPage.text(say(signer)))</h3>"
            for label in [Label.nameAndCapacity, .date, .signature] {
                out += "<p>\(HTMLPage.text(say.lead(say(label)))) <span class=\"line\"></span></p>"
            }
            out += "</div>\n"
        }
        out += "</div>\n</section>\n"
        out += "<footer>\(HTMLPage.text(say(.disclaimer)))</footer>\n"
        // Narrower margins than a report's: a workshop prints a workbook for every cooperative.
        return HTMLPage.document(language: language, title: "\(kicker) — \(title)", style: Self.workbookCSS, margins: "10mm 11mm 13mm",
                                 body: HTMLPage.article(language: language, content: out))
    }

    /// The cooperative's header: what the profile says filled in, the rest left blank.
    private func cooperativeBlanks(_ say: Localizer) -> String {
        let cooperative = profile.cooperative
        func filled(_ text: String?) -> String? { text.flatMap { $0.isEmpty ? nil : $0 } }
        let fields: [(Label, String?)] = [
            (.cooperative, filled(cooperative.name)),
            (.identifier, cooperative.id == WorkbookProfile.placeholderCooperativeID ? nil : cooperative.id),
            (.region, filled(cooperative.region)),
            (.province, filled(cooperative.province)),
            (.commune, filled(cooperative.commune)),
            (.members, cooperative.members.map(String.init)),
            (.products, say.list(cooperative.products.map { checklist.title(ofTerm: $0, kind: .product, in: say.language.rawValue) })),
            (.activities, cooperative.activities.isEmpty ? "—"
                : say.list(cooperative.activities.map { checklist.title(ofTerm: $0, kind: .activity, in: say.language.rawValue) })),
            (.date, profile.date.description),
            (profile.kind == .inspection ? .inspectors : .assessor, nil),
        ]
        var out = "<div class=\"blanks\">\n"
        for (label, value) in fields {
            out += "<div class=\"blank\"><span class=\"k\">\(HTMLPage.text(say.lead(say(label))))</span> "
            out += "<span class=\"v\">\(value.map(HTMLPage.isolated) ?? "")</span></div>\n"
        }
        return out + "</div>\n"
    }

    /// The visit an inspection records, left blank: its number, service, purpose (boxes to
    /// tick), date and times, place, the persons met and the samples taken.
    private func visitBlanks(_ say: Localizer) -> String {
        var out = "<section class=\"visit-blanks\">\n<h2>\(HTMLPage.text(say(.visit)))</h2>\n<div class=\"blanks\">\n"
        for label in [Label.visitNumber, .service, .visitTime, .visitPlace] {
            out += "<div class=\"blank\"><span class=\"k\">\(HTMLPage.text(say.lead(say(label))))</span> <span class=\"v\"></span></div>\n"
        }
        out += "</div>\n<p class=\"choices\"><span class=\"k\">\(HTMLPage.text(say.lead(say(.visitPurpose))))</span>"
        for purpose in [Label.purposeFirst, .purposeRegular, .purposeFollowUp, .purposeComplaint, .purposeOther] {
            out += " <span class=\"choice\"><span class=\"box\"></span>\(HTMLPage.text(say(purpose)))</span>"
        }
        out += "</p>\n"
        out += "<table class=\"slots people\">\n<thead><tr><th>\(HTMLPage.text(say(.personsMet)))</th><th>\(HTMLPage.text(say(.nameAndCapacity)))</th></tr></thead>\n<tbody>\n"
        for number in 1...3 { out += "<tr><td>\(number)</td><td class=\"fill\"></td></tr>\n" }
        out += "</tbody>\n</table>\n"
        out += "<table class=\"slots samples\">\n<thead><tr><th>\(HTMLPage.text(say(.samplesTaken)))</th><th>\(HTMLPage.text(say(.identifier)))</th>"
        out += "<th>\(HTMLPage.text(say(.sampleProduct)))</th><th>\(HTMLPage.text(say(.sampleAnalysis)))</th><th>\(HTMLPage.text(say(.laboratory)))</th></tr></thead>\n<tbody>\n"
        for number in 1...3 { out += "<tr><td>\(number)</td><td class=\"fill\"></td><td class=\"fill\"></td><td class=\"fill\"></td><td class=\"fill\"></td></tr>\n" }
        out += "</tbody>\n</table>\n</section>\n"
        return out
    }

    /// One requirement's block.
    private func block(_ requirement: Requirement, _ say: Localizer) -> String {
        var out = "<div class=\"item\">\n<h4>\(HTMLPage.identifier(requirement.id)) \(HTMLPage.isolated(text(requirement.title))) "
        out += HTMLPage.badge(requirement.severity, say.severityTag(requirement.severity)) + "</h4>\n"
        // The guidance and the level the requirement is needed for share one small paragraph.
        var small: [String] = []
        let guidance = text(requirement.guidance)
        if !guidance.isEmpty {
            small.append("<span class=\"k\">\(HTMLPage.text(say.lead(say(.guidance))))</span> \(HTMLPage.isolated(guidance))")
        }
        if let target = checklist.target(requirement.target) {
            small.append("<span class=\"for\"><span class=\"k\">\(HTMLPage.text(say.lead(say(.neededFor))))</span> \(HTMLPage.isolated(text(target.title)))</span>")
        }
        if !small.isEmpty {
            out += "<p class=\"guidance\">\(small.joined(separator: " · "))</p>\n"
        }
        // The boxes, then a line for notes (and for the deadline an inspector sets) on the same row.
        out += "<div class=\"answer-row\"><p class=\"choices\"><span class=\"k\">\(HTMLPage.text(say.lead(say(.answer))))</span>"
        for status in AnswerStatus.allCases {
            out += " <span class=\"choice\"><span class=\"box\"></span>\(HTMLPage.text(say.answerBox(status)))</span>"
        }
        out += "</p>"
        if profile.kind == .inspection {
            out += "<p class=\"write-in deadline\"><span class=\"k\">\(HTMLPage.text(say.lead(say(.deadline))))</span> <span class=\"line\"></span></p>"
        }
        out += "<p class=\"write-in notes\"><span class=\"k\">\(HTMLPage.text(say.lead(say(.notes))))</span> <span class=\"line\"></span></p></div>\n"
        if !requirement.evidence.isEmpty {
            out += "<table class=\"slots\">\n<thead><tr><th>\(HTMLPage.text(say(.evidenceToShow)))</th><th>\(HTMLPage.text(say(.validity)))</th>"
            out += "<th>\(HTMLPage.text(say(.documentDate)))</th><th>\(HTMLPage.text(say(.documentReference)))</th></tr></thead>\n<tbody>\n"
            for evidence in requirement.evidence {
                out += "<tr><td>\(HTMLPage.isolated(text(evidence.title)))</td>"
                out += "<td>\(evidence.maxAgeDays.map { HTMLPage.isolated(say.validity(days: $0)) } ?? "—")</td>"
                out += "<td class=\"fill\"></td><td class=\"fill\"></td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        if !requirement.measures.isEmpty {
            out += "<table class=\"slots\">\n<thead><tr><th>\(HTMLPage.text(say(.measurements)))</th><th>\(HTMLPage.text(say(.limits)))</th>"
            out += "<th>\(HTMLPage.text(say(.value)))</th></tr></thead>\n<tbody>\n"
            for measure in requirement.measures {
                let unit = measure.unit.flatMap { $0.isEmpty ? nil : $0 }
                let limits = say.range(min: measure.min, max: measure.max, unit: unit.map { " " + $0 } ?? "")
                out += "<tr><td>\(HTMLPage.isolated(text(measure.title)))</td><td>\(limits.isEmpty ? "—" : HTMLPage.isolated(limits))</td>"
                out += "<td class=\"fill\">\(unit.map { "<span class=\"unit\">\(HTMLPage.isolated($0))</span>" } ?? "")</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        out += "</div>\n"
        return out
    }

    /// What the workbook adds to the report's style sheet: blanks, boxes to tick, lines to write on.
    static let workbookCSS = """
    .blanks { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 4px 18px; margin-top: 6px; font-size: 9pt; }
    .blank { display: flex; gap: 6px; align-items: flex-end; }
    .blank .k, .item .k, .visit-blanks .k { color: var(--muted); font-weight: 600; white-space: nowrap; }
    .blank .v { flex: 1; min-height: 1.5em; border-bottom: 1px dotted var(--muted); font-weight: 600; overflow-wrap: break-word; }
    .visit-blanks h2 { margin-top: 8px; }
    .visit-blanks .choices { margin: 6px 0 2px; font-size: 9pt; }
    .instructions { margin: 6px 0; color: var(--muted); font-size: 8.5pt; }
    .rubric h2 { margin: 6px 0 1px; font-size: 11pt; }
    .subsection { color: var(--muted); font-size: 9.5pt; margin: 6px 0 0; }
    .item { break-inside: avoid; padding: 2px 0; border-bottom: 1px solid var(--line); }
    .item h4 { margin: 0; font-size: 8.5pt; line-height: 1.2; color: var(--ink); }
    .item h4 .badge { font-size: 7pt; }
    .item .for { white-space: nowrap; }
    .item p { margin: 1px 0; }
    .item .guidance { font-size: 7pt; line-height: 1.2; color: var(--muted); }
    .answer-row { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 2px 14px; font-size: 8pt; line-height: 1.3; }
    .choices { display: flex; flex-wrap: wrap; align-items: center; gap: 2px 12px; }
    .choice { white-space: nowrap; }
    .box { display: inline-block; width: 10px; height: 10px; margin-inline-end: 4px; vertical-align: -1px; border: 1.3px solid var(--ink); border-radius: 2px; }
    .write-in { display: flex; gap: 6px; align-items: flex-end; }
    .write-in.notes { flex: 1; min-width: 40%; }
    .write-in.deadline { min-width: 28%; }
    .write-in .line { flex: 1; border-bottom: 1px dotted var(--muted); min-height: 1.3em; }
    .item .slots { margin: 2px 0 0; }
    .slots td, .slots th { font-size: 7.5pt; padding: 1px 5px; }
    .slots th { font-size: 6.5pt; line-height: 1.2; padding-block: 0; border-bottom-width: 1px; }
    .slots td { height: 1.55em; }
    .slots td.fill { width: 22%; border-bottom: 1px dotted var(--ink); }
    .slots td:nth-child(2) { white-space: nowrap; }
    .slots .unit { float: inline-end; color: var(--muted); }
    .people td.fill { width: 80%; }
    .samples th:first-child { width: 16%; }
    .samples td.fill { width: 21%; }
    .signatures-section { break-inside: avoid; margin-top: 12px; }
    .signature { min-height: 34mm; }
    @media screen and (max-width: 640px) {
      .blanks { grid-template-columns: 1fr; }
      .item { padding: 10px 0; }
      .answer-row { display: block; line-height: 1.5; }
      .item h4, .item .guidance { line-height: 1.5; }
      .item .for { white-space: normal; }
      .choices { gap: 8px 18px; margin: 6px 0; }
      .box { width: 20px; height: 20px; vertical-align: -4px; }
      .write-in { margin-top: 6px; }
      .write-in .line { min-height: 2em; }
      .slots td.fill { min-height: 2em; border-bottom: 1px dotted var(--ink); }
    }

    """
}
