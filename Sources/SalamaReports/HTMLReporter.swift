public import SalamaEvaluation
import SalamaModel

/// The printable report of `salama check --format html`: one self-contained file (inline CSS
/// and SVG, no script, nothing fetched) laid out for A4. The verdict and the next steps come
/// first; then the action plan by cost, the documents to prepare and the compliance by section.
/// An inspection (or `ReportOptions.audit`) follows the official visit report instead: one row
/// per rubric with its conformity, corrective measures and deadlines, the conclusion and the
/// signatures, the details in an annex.
///
/// Arabic reports are `dir="rtl"`; ids, numbers, dates and every text from a file are isolated
/// in `<bdi>` so that they read correctly in either direction. Every text from a file is escaped.
public struct HTMLReporter: Reporter {
    public static let identifier = "html"

    public init() {}

    public func report(_ evaluations: [Evaluation], options: ReportOptions) -> String {
        let contents = evaluations.map { ReportContent($0, language: options.language(for: $0), audit: options.audit) }
        let first = contents.first
        let language = first?.language ?? options.language ?? .fr
        let title = first.map { "\($0.title) — \($0.header.cooperativeName)" } ?? Localizer(language)(.gapReport)
        return HTMLPage.document(language: language, title: title, body: contents.map(Self.article).joined())
    }

    // MARK: - One evaluation

    static func article(_ content: ReportContent) -> String {
        let say = content.say
        let rtl = content.language.isRightToLeft
        var out = #"<article class="report" lang="\#(content.language.rawValue)" dir="\#(rtl ? "rtl" : "ltr")">"# + "\n"
        out += masthead(content)
        out += #"<section class="verdict\#(content.ready ? " ready" : "")"><p class="headline">\#(e(content.headline))</p></section>"# + "\n"
        if content.audit {
            // The visit report: the grid (every finding with its measure and deadline), what
            // was not assessed, the documents and the compliance by rubric; the conclusion and
            // the signatures close it, together on its last page.
            out += visitReport(content)
            out += setApart(content)
            out += documents(content)
            out += compliance(content)
            out += warnings(content)
            out += "<section class=\"closing\">\n<section class=\"conclusion\">\n<h2>\(e(say(.conclusion)))</h2>\n"
            out += #"<div class="verdict\#(content.ready ? " ready" : "")"><p class="headline">\#(e(content.headline))</p></div>"# + "\n"
            out += targets(content)
            out += "<p class=\"muted thresholds\">\(e(say(.thresholdsNote)))</p>\n"
            out += "</section>\n"
            out += signatures(content)
            out += "</section>\n"
            // The cooperative's disclaimer is not the inspector's to sign.
            if !content.inspection { out += "<footer>\(e(say(.disclaimer)))</footer>\n" }
        } else {
            out += "<section class=\"targets-section\">\n<h2>\(e(say(.targets)))</h2>\n" + targets(content) + "</section>\n"
            out += nextSteps(content)
            // No forced page break: when the next steps run over the first page, a break
            // would leave the second page nearly empty.
            out += actionPlan(content)
            out += setApart(content)
            out += documents(content)
            out += compliance(content)
            out += warnings(content)
            out += "<footer>\(e(say(.disclaimer)))</footer>\n"
        }
        out += "</article>\n"
        return out
    }

    static func warnings(_ content: ReportContent) -> String {
        guard !content.warnings.isEmpty else { return "" }
        var out = "<section class=\"warnings\">\n<h2>\(e(content.say(.warnings)))</h2>\n<ul>\n"
        for warning in content.warnings { out += "<li>\(b(warning))</li>\n" }
        return out + "</ul>\n</section>\n"
    }

    static func masthead(_ content: ReportContent) -> String {
        let say = content.say
        let header = content.header
        var out = "<header class=\"masthead\">\n"
        out += "<p class=\"kicker\">\(e(content.title))</p>\n"
        if content.audit { out += "<p class=\"basis\">\(e(say(content.inspection ? .visitReportBasis : .selfAssessmentAuditBasis)))</p>\n" }
        out += "<h1>\(b(header.cooperativeName))</h1>\n"
        out += "<div class=\"facts\">\n"
        func fact(_ label: Label, _ value: String, wide: Bool = false) {
            out += "<div class=\"fact\(wide ? " wide" : "")\"><span class=\"k\">\(e(say(label)))</span> <span class=\"v\">\(value)</span></div>\n"
        }
        fact(.identifier, id(header.cooperativeID))
        fact(.date, date(header.date))
        fact(.kind, e(header.kind))
        fact(.region, b(header.region))
        fact(.province, b(header.province))
        if let commune = header.commune { fact(.commune, b(commune)) }
        if let members = header.members { fact(.members, b(String(members))) }
        fact(.products, say.list(header.products.map(b)))
        if !header.activities.isEmpty {
            fact(.activities, say.list(header.activities.map(b)))
        }
        if !header.assessors.isEmpty {
            fact(header.assessorIsInspector ? .inspectors : .assessor, say.list(header.assessors.map { "\(b($0.name)) (\(e($0.role)))" }))
        }
        // Short visit facts share the grid's rows; the long ones (persons met) span it.
        for (label, value) in header.visit {
            out += "<div class=\"fact\(value.count > 32 ? " wide" : "")\"><span class=\"k\">\(e(label))</span> <span class=\"v\">\(b(value))</span></div>\n"
        }
        fact(.checklist, "\(b(header.checklistTitle)) <span class=\"muted\">(\(say.list([id(header.checklistID), "\(e(say(.version))) \(b(header.checklistVersion))"])))</span>", wide: true)
        fact(.sha256, "<span class=\"sha\">\(e(header.checklistSHA256))</span>", wide: true)
        out += "</div>\n"
        out += samples(content)
        out += "</header>\n"
        return out
    }

    /// The samples taken during the visit, one row each: id, product, analysis, laboratory.
    static func samples(_ content: ReportContent) -> String {
        let say = content.say
        guard !content.header.samples.isEmpty else { return "" }
        var out = "<div class=\"samples-taken\">\n<p class=\"k\">\(e(say(.samplesTaken)))</p>\n"
        out += "<table class=\"samples\">\n<thead><tr><th>\(e(say(.identifier)))</th><th>\(e(say(.sampleProduct)))</th>"
        out += "<th>\(e(say(.sampleAnalysis)))</th><th>\(e(say(.laboratory)))</th></tr></thead>\n<tbody>\n"
        for sample in content.header.samples {
            out += "<tr><td>\(id(sample.id))</td>"
            out += [sample.product, sample.analysis, sample.laboratory].map { "<td>\($0.map(b) ?? dash)</td>" }.joined()
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n"
    }

    static func targets(_ content: ReportContent) -> String {
        let say = content.say
        var out = "<table class=\"targets\">\n<thead><tr>"
        out += "<th>\(e(say(.level)))</th><th>\(e(say(.scoreChart)))</th><th>\(e(say(.verdict)))</th><th>\(e(say(.blockers)))</th>"
        out += "</tr></thead>\n<tbody>\n"
        for target in content.targets {
            out += "<tr>"
            out += "<td class=\"title\">\(b(target.title))"
            if target.required { out += " <span class=\"badge required\">\(e(say(.required)))</span>" }
            out += "</td>"
            out += "<td class=\"score\">" + SVGChart.scoreBar(value: target.score, threshold: target.minScore, style: .init(target.verdictKind),
                                                               label: target.chartLabel, rightToLeft: content.language.isRightToLeft)
            out += "<div><strong>\(b(target.scoreText))</strong> <span class=\"muted\">\(e(say.lead(say(.minimum)))) \(b(target.minScoreText))</span></div></td>"
            out += "<td><span class=\"badge \(Self.badgeClass(target.verdictKind))\">\(e(target.verdict))</span></td>"
            out += "<td>"
            if !target.blockers.isEmpty { out += "<div class=\"blockers\">\(e(say.list(target.blockers)))</div>" }
            if !target.steps.isEmpty {
                out += "<ul class=\"steps\">" + target.steps.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
            }
            out += "<div class=\"open\">\(e(target.openText))</div></td>"
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        return out
    }

    static func nextSteps(_ content: ReportContent) -> String {
        let say = content.say
        var out = "<section class=\"next-steps\">\n<h2>\(e(say(.nextSteps)))</h2>\n"
        guard !content.nextSteps.isEmpty else {
            return out + "<p>\(e(say(.noFindings)))</p>\n</section>\n"
        }
        out += "<p class=\"summary\">\(e(content.planSummary))</p>\n<ol class=\"steps\">\n"
        for finding in content.nextSteps {
            out += "<li><span class=\"badge \(badge(finding.severity))\">\(e(finding.severityTag))</span> "
            out += "\(id(finding.id)) <span class=\"what\">\(b(finding.action ?? finding.title))</span>"
            var details = [finding.costText]
            if let deadline = finding.deadline { details.append(say.labelled(say(.deadline), deadline)) }
            out += " <span class=\"muted\">(\(b(say.list(details))))</span>"
            if finding.action != nil { out += "<br><span class=\"muted title\">\(b(finding.title))</span>" }
            out += "</li>\n"
        }
        out += "</ol>\n"
        if content.nextStepsLeft > 0 { out += "<p class=\"summary\">\(e(say.moreInPlan(content.nextStepsLeft)))</p>\n" }
        out += "</section>\n"
        return out
    }

    static func actionPlan(_ content: ReportContent) -> String {
        let say = content.say
        var out = "<section class=\"plan\">\n<h2>\(e(say(.actionPlan)))</h2>\n"
        guard !content.plan.isEmpty else { return out + "<p>\(e(say(.noFindings)))</p>\n</section>\n" }
        out += "<p class=\"summary\">\(e(content.planSummary))</p>\n"
        for tier in content.plan {
            out += "<h3>\(e(tier.title))</h3>\n"
            for group in tier.groups {
                out += "<h4>\(e(group.title))</h4>\n"
                for finding in group.findings { out += self.finding(finding, say: say) }
            }
        }
        out += "</section>\n"
        return out
    }

    static func finding(_ finding: ReportContent.Finding, say: Localizer) -> String {
        var out = "<div class=\"finding \(finding.severity.rawValue)\">\n"
        out += "<h5>\(id(finding.id)) \(b(finding.title))</h5>\n"
        if finding.why.count == 1 {
            out += "<p><span class=\"k\">\(e(say.lead(say(.why))))</span> \(b(finding.why[0]))</p>\n"
        } else {
            out += "<p><span class=\"k\">\(e(say.lead(say(.why))))</span></p>\n<ul class=\"why\">"
            out += finding.why.map { "<li>\(b($0))</li>" }.joined()
            out += "</ul>\n"
        }
        for note in finding.notes { out += "<p class=\"note\">\(e(say.lead(say(.note)))) \(b(note))</p>\n" }
        out += "<p><span class=\"k\">\(e(say.lead(say(.correctiveAction))))</span> "
        out += finding.action.map(b) ?? "<span class=\"muted\">\(e(say(.noAction)))</span>"
        out += " <span class=\"badge mid\">\(e(finding.costText))</span>"
        if let deadline = finding.deadline {
            out += " <span class=\"badge ko\">\(e(say.lead(say(.deadline)))) \(date(deadline))</span>"
        }
        out += "</p>\n"
        // Several citations go one per line: isolates that share a line read badly when the
        // line breaks inside them, in right-to-left reports above all.
        if finding.citations.count == 1 {
            out += "<p><span class=\"k\">\(e(say.lead(say(.citation))))</span> \(b(finding.citations[0]))</p>\n"
        } else if !finding.citations.isEmpty {
            out += "<p><span class=\"k\">\(e(say.lead(say(.citation))))</span></p>\n<ul class=\"why\">"
            out += finding.citations.map { "<li>\(b($0))</li>" }.joined()
            out += "</ul>\n"
        }
        out += "<p class=\"muted\">\(e(say.lead(say(.neededFor)))) \(b(finding.neededFor))</p>\n"
        out += "</div>\n"
        return out
    }

    static func documents(_ content: ReportContent) -> String {
        let say = content.say
        var out = "<section class=\"documents-section\">\n<h2>\(e(say(.documentsToPrepare)))</h2>\n"
        guard !content.documents.isEmpty else { return out + "<p>\(e(say(.noDocuments)))</p>\n</section>\n" }
        out += "<p class=\"summary\">\(e(content.documentSummary))</p>\n"
        out += "<table class=\"documents\">\n<thead><tr><th>\(e(say(.document)))</th><th>\(e(say(.requirement)))</th>"
        out += "<th>\(e(say(.state)))</th><th>\(e(say(.providedFile)))</th><th>\(e(say(.validity)))</th></tr></thead>\n<tbody>\n"
        for document in content.documents {
            out += "<tr><td>\(b(document.title))</td>"
            out += "<td>" + document.requirements.map { "\(id($0.id)) <span class=\"muted\">\(b($0.title))</span>" }.joined(separator: "<br>") + "</td>"
            out += "<td class=\"state-\(document.state.rawValue)\">\(e(document.stateText))</td>"
            var provided: [String] = []
            if let file = document.file { provided.append(b(file)) }
            if let day = document.date { provided.append(date(day)) }
            out += "<td>\(provided.isEmpty ? dash : provided.joined(separator: "<br>"))</td>"
            var validity = document.validity.map(b) ?? dash
            if let expires = document.expires { validity += "<br>\(e(say.until(expires)))" }
            out += "<td class=\"date\">\(validity)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n"
        return out
    }

    static func compliance(_ content: ReportContent) -> String {
        let say = content.say
        var out = "<section class=\"compliance-section\">\n<h2>\(e(say(.complianceBySection)))</h2>\n"
        out += "<table class=\"compliance\">\n<thead><tr><th>\(e(say(.section)))</th><th class=\"num\">\(e(say(.applicable)))</th>"
        out += "<th class=\"num\">\(e(say(.compliant)))</th><th>\(e(say(.openGaps)))</th><th class=\"num\">\(e(say(.compliance)))</th></tr></thead>\n<tbody>\n"
        for section in content.sections {
            out += "<tr><td>\(b(section.title))</td><td class=\"num\">\(b(String(section.applicable)))</td>"
            out += "<td class=\"num\">\(b(String(section.compliant)))</td><td>\(e(section.openText))</td>"
            out += "<td class=\"num\">\(section.percentText.map(b) ?? dash)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        out += "<figure class=\"chart-figure\">" + SVGChart.sectionChart(content.sections, label: say(.complianceChart), rightToLeft: content.language.isRightToLeft) + "</figure>\n"
        out += "</section>\n"
        return out
    }

    /// The requirements listed apart: not assessed, and declared not applicable (1.1).
    static func setApart(_ content: ReportContent) -> String {
        let say = content.say
        var out = ""
        for (heading, intro, requirements, style) in [(say(.notAssessed), say(.notAssessedIntro), content.unassessed, "unassessed"),
                                                      (say(.statusExempted).capitalizedFirst, say(.exemptedIntro), content.exempted, "exempted")]
            where !requirements.isEmpty {
            out += "<section class=\"set-apart \(style)\">\n<h2>\(e(heading)) (\(requirements.count))</h2>\n<p class=\"muted\">\(e(intro))</p>\n<ul>\n"
            for requirement in requirements {
                out += "<li>\(id(requirement.id)) \(b(requirement.title)) <span class=\"muted\">— \(e(say.labelled(say(.neededFor), requirement.neededFor)))</span></li>\n"
            }
            out += "</ul>\n</section>\n"
        }
        return out
    }

    /// The badge class of a verdict: ok, ko, or mid while incomplete.
    static func badgeClass(_ verdict: Verdict) -> String {
        switch verdict {
        case .ready: "ok"
        case .notReady: "ko"
        case .incomplete: "mid"
        }
    }

    // MARK: - The official visit report

    static func visitReport(_ content: ReportContent) -> String {
        let say = content.say
        var out = "<section class=\"visit\">\n<h2>\(e(content.title))</h2>\n"
        out += "<table class=\"grid\">\n<thead><tr><th>\(e(say(.rubric)))</th><th>\(e(say(.conformity)))</th>"
        out += "<th>\(e(say(.observations)))</th><th>\(e(say(.correctiveMeasures)))</th><th>\(e(say(.timeline)))</th></tr></thead>\n"
        for rubric in content.rubrics {
            let conformClass = switch rubric.conformity {
            case .yes: "conform-yes"
            case .no: "conform-no"
            case .notApplicable, .notAssessed: "conform-na"
            }
            let rows = max(rubric.findings.count, 1)
            let head = "<td rowspan=\"\(rows)\" class=\"rubric\">\(b(String(rubric.number))). \(b(rubric.title))</td>"
                + "<td rowspan=\"\(rows)\" class=\"\(conformClass)\">\(e(rubric.conformityText))</td>"
            out += "<tbody>\n"
            if rubric.findings.isEmpty {
                out += "<tr>\(head)<td>\(dash)</td><td>\(dash)</td><td>\(dash)</td></tr>\n"
            }
            for (index, finding) in rubric.findings.enumerated() {
                out += "<tr>" + (index == 0 ? head : "")
                out += "<td>\(id(finding.id)) \(b(finding.title))<ul>" + finding.why.map { "<li>\(b($0))</li>" }.joined()
                out += finding.notes.map { "<li class=\"note\">\(b($0))</li>" }.joined() + "</ul></td>"
                out += "<td>\(finding.action.map(b) ?? "<span class=\"muted\">\(e(say(.noAction)))</span>")</td>"
                out += "<td>\(finding.deadline.map(date) ?? dash)</td></tr>\n"
            }
            out += "</tbody>\n"
        }
        out += "</table>\n</section>\n"
        return out
    }

    /// A block per inspector (per assessor, for a self-assessment), named and dated with the
    /// visit's date, one for the establishment's representative, and a box for its stamp.
    static func signatures(_ content: ReportContent) -> String {
        let say = content.say
        let header = content.header
        let signer = content.inspection ? say(.theInspector) : say(.theAssessor)
        var signers: [(title: String, name: String?)] = header.assessors.map { (signer, "\(b($0.name)) (\(e($0.role)))") }
        if signers.isEmpty { signers = [(signer, nil)] }
        signers.append((say(.theRepresentative), nil))
        var out = "<section class=\"signatures-section\">\n<h2>\(e(say(.signatures)))</h2>\n<div class=\"signatures\">\n"
        for (title, name) in signers {
            out += "<div class=\"signature\"><h3>\(e(title))</h3>"
            out += "<p>\(e(say.lead(say(.nameAndCapacity)))) <span class=\"line\">\(name ?? "")</span></p>"
            out += "<p>\(e(say.lead(say(.date)))) <span class=\"line\">\(date(header.date))</span></p>"
            out += "<p>\(e(say.lead(say(.signature)))) <span class=\"line\"></span></p></div>\n"
        }
        out += "<div class=\"signature stamp\"><h3>\(e(say(.stamp)))</h3></div>\n"
        out += "</div>\n</section>\n"
        return out
    }

    // MARK: - Escaping and isolation

    /// Escaped text in the flow of the report's language (labels and sentences).
    static func e(_ text: String) -> String { MarkupEscaping.escape(text) }

    /// Escaped text isolated from its neighbours, with its own direction: data from files,
    /// numbers, dates.
    static func b(_ text: String) -> String { "<bdi>\(MarkupEscaping.escape(text))</bdi>" }

    /// An identifier, isolated and left to right; a path may break after its slashes.
    static func id(_ text: String) -> String {
        "<bdi class=\"id\" dir=\"ltr\">\(MarkupEscaping.escape(text).replacingOccurrences(of: "/", with: "/<wbr>"))</bdi>"
    }

    /// A date, isolated and kept on one line.
    static func date(_ text: String) -> String { "<bdi class=\"date\">\(MarkupEscaping.escape(text))</bdi>" }

    /// An empty cell.
    static let dash = "<span class=\"muted\">—</span>"

    static func badge(_ severity: Severity) -> String {
        switch severity {
        case .critical: "ko"
        case .major: "mid"
        case .minor: "muted"
        }
    }
}

