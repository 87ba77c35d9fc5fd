import SalamaReports
import SalamaModel

extension WorkbookTemplate {
    /// The printable workbook of `salama template --format html`, for workshops: one
    /// self-contained A4 file (inline CSS, no script, nothing fetched), right to left in Arabic.
    /// A cooperative header with blanks to fill, then one block per applicable requirement,
    /// grouped by top-level section: its id, title and guidance, the boxes to tick (yes, partial,
    /// no, not applicable), a line per evidence item (its title and period of validity) for the
    /// document's date and reference, a line per measure (its unit and limits) for the value, and
    /// room for notes. Every text from the checklist or the profile is escaped.
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

        out += "<section class=\"signatures-section\">\n<div class=\"signature\"><h3>\(HTMLPage.text(say(.assessor)))</h3>"
        for label in [Label.nameAndCapacity, .date, .signature] {
            out += "<p>\(HTMLPage.text(say.lead(say(label)))) <span class=\"line\"></span></p>"
        }
        out += "</div>\n</section>\n"
        out += "<footer>\(HTMLPage.text(say(.disclaimer)))</footer>\n"
        return HTMLPage.document(language: language, title: "\(kicker) — \(title)", style: Self.workbookCSS,
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
            (.assessor, nil),
        ]
        var out = "<div class=\"blanks\">\n"
        for (label, value) in fields {
            out += "<div class=\"blank\"><span class=\"k\">\(HTMLPage.text(say.lead(say(label))))</span> "
            out += "<span class=\"v\">\(value.map(HTMLPage.isolated) ?? "")</span></div>\n"
        }
        return out + "</div>\n"
    }

    /// One requirement's block.
    private func block(_ requirement: Requirement, _ say: Localizer) -> String {
        var out = "<div class=\"item\">\n<h4>\(HTMLPage.identifier(requirement.id)) \(HTMLPage.isolated(text(requirement.title))) "
        out += HTMLPage.badge(requirement.severity, say.severityTag(requirement.severity)) + "</h4>\n"
        if let target = checklist.target(requirement.target) {
            out += "<p class=\"muted\">\(HTMLPage.text(say.lead(say(.neededFor)))) \(HTMLPage.isolated(text(target.title)))</p>\n"
        }
        let guidance = text(requirement.guidance)
        if !guidance.isEmpty {
            out += "<p class=\"guidance\"><span class=\"k\">\(HTMLPage.text(say.lead(say(.guidance))))</span> \(HTMLPage.isolated(guidance))</p>\n"
        }
        out += "<p class=\"choices\"><span class=\"k\">\(HTMLPage.text(say.lead(say(.answer))))</span>"
        for status in AnswerStatus.allCases {
            out += " <span class=\"choice\"><span class=\"box\"></span>\(HTMLPage.text(say.answerBox(status)))</span>"
        }
        out += "</p>\n"
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
        if profile.kind == .inspection {
            out += "<p class=\"write-in\"><span class=\"k\">\(HTMLPage.text(say.lead(say(.deadline))))</span> <span class=\"line\"></span></p>\n"
        }
        out += "<div class=\"notes\"><span class=\"k\">\(HTMLPage.text(say.lead(say(.notes))))</span><span class=\"line\"></span><span class=\"line\"></span></div>\n"
        out += "</div>\n"
        return out
    }

    /// What the workbook adds to the report's style sheet: blanks, boxes to tick, lines to write on.
    static let workbookCSS = """
    .blanks { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 6px 18px; margin-top: 8px; font-size: 9.5pt; }
    .blank { display: flex; gap: 6px; align-items: flex-end; }
    .blank .k, .item .k { color: var(--muted); font-weight: 600; white-space: nowrap; }
    .blank .v { flex: 1; min-height: 1.6em; border-bottom: 1px dotted var(--muted); font-weight: 600; overflow-wrap: anywhere; }
    .instructions { margin: 8px 0; color: var(--muted); font-size: 9pt; }
    .subsection { color: var(--muted); }
    .item { break-inside: avoid; margin: 8px 0; padding: 6px 10px 8px; border: 1px solid var(--line); border-inline-start: 5px solid var(--accent); border-radius: 4px; }
    .item h4 { margin: 0 0 3px; font-size: 10.5pt; color: var(--ink); }
    .item p { margin: 3px 0; font-size: 9pt; }
    .choices { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 20px; }
    .choice { white-space: nowrap; font-size: 10pt; }
    .box { display: inline-block; width: 12px; height: 12px; margin-inline-end: 6px; vertical-align: -2px; border: 1.5px solid var(--ink); border-radius: 2px; }
    .slots td, .slots th { font-size: 8.5pt; }
    .slots td { height: 2.1em; }
    .slots td.fill { width: 24%; border-bottom: 1px dotted var(--ink); }
    .slots .unit { float: inline-end; color: var(--muted); }
    .write-in { display: flex; gap: 6px; align-items: flex-end; }
    .write-in .line { flex: 1; border-bottom: 1px dotted var(--muted); min-height: 1.6em; }
    .notes { margin-top: 4px; font-size: 9pt; }
    .notes .line { display: block; min-height: 1.7em; border-bottom: 1px dotted var(--muted); }
    .signatures-section { break-inside: avoid; margin-top: 14px; }
    .signature { max-width: 100mm; }

    """
}
