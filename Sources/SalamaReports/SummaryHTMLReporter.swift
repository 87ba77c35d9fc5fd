public import SalamaEvaluation

/// `salama summary --format html`: the printable aggregate for a trainer or a region, one
/// self-contained file (inline CSS and SVG, no script, nothing fetched) laid out for A4. The
/// headline and the invalid files, readiness per level with a bar (its mark: the share whose
/// required level it is), the workshop agenda, compliance by section with a chart, then a
/// compact set of tables per group with `--by`.
///
/// Arabic pages are `dir="rtl"`; every text from a file is escaped and isolated in `<bdi>`.
public struct SummaryHTMLReporter: SummaryReporter {
    public static let identifier = "html"

    public init() {}

    public func report(_ report: SummaryReport, options: SummaryReportOptions) -> String {
        let language = options.language(for: report)
        let content = SummaryContent(report, language: language, top: options.top)
        let say = content.say
        var out = "<header class=\"masthead\">\n<p class=\"kicker\">\(e(content.title))</p>\n"
        out += "<h1>\(b(content.checklistTitle))</h1>\n<div class=\"facts\">\n"
        out += HTMLPage.fact(say(.checklist), say.list([id(content.checklistID), "\(e(say(.version))) \(b(content.checklistVersion))"]), wide: true)
        out += HTMLPage.fact(say(.sha256), "<span class=\"sha\">\(e(content.checklistSHA256))</span>", wide: true)
        out += "</div>\n</header>\n"
        out += #"<section class="verdict\#(content.invalid.isEmpty ? " ready" : "")"><p class="headline">\#(e(content.headline))</p></section>"# + "\n"
        if !content.invalid.isEmpty {
            out += "<section class=\"invalid-section\">\n<h2>\(e(say(.invalidFiles)))</h2>\n"
            out += "<table class=\"invalid-files\">\n<thead><tr><th>\(e(say(.file)))</th><th>\(e(say(.error)))</th></tr></thead>\n<tbody>\n"
            for invalid in content.invalid {
                out += "<tr><td>\(id(invalid.file))</td><td><bdi class=\"error\" dir=\"ltr\">\(e(invalid.error))</bdi></td></tr>\n"
            }
            out += "</tbody>\n</table>\n</section>\n"
        }
        out += Self.aggregate(content.total, content: content, heading: "h2", chart: true)
        out += Self.cooperatives(content.total, content: content)
        if !content.superseded.isEmpty {
            out += "<section class=\"superseded-section\">\n<h2>\(e(say(.superseded)))</h2>\n<ul>\n"
            out += content.superseded.map { "<li>\(id($0))</li>\n" }.joined()
            out += "</ul>\n</section>\n"
        }
        if let groupsTitle = content.groupsTitle {
            out += "<section class=\"groups\">\n<h2>\(e(groupsTitle))</h2>\n"
            for group in content.groups {
                out += "<div class=\"group\">\n<h3>\(e(group.heading))</h3>\n"
                out += Self.aggregate(group, content: content, heading: "h4", chart: false)
                out += "</div>\n"
            }
            out += "</section>\n"
        }
        out += "<footer>\(e(say(.disclaimer)))</footer>\n"
        return HTMLPage.document(language: language, title: "\(content.title) — \(content.checklistTitle)", style: HTMLPage.aggregateCSS,
                                 body: HTMLPage.article(language: language, content: out))
    }

    /// Readiness, agenda and compliance of one aggregate, under headings `heading`; the
    /// compliance chart only when `chart`.
    static func aggregate(_ aggregate: SummaryContent.Aggregate, content: SummaryContent, heading: String, chart: Bool) -> String {
        let say = content.say
        let rtl = content.language.isRightToLeft
        func title(_ label: Label) -> String { "<\(heading)>\(e(say(label)))</\(heading)>\n" }

        var out = "<section class=\"readiness-section\">\n" + title(.readiness)
        out += "<table class=\"readiness\">\n<thead><tr><th>\(e(say(.level)))</th><th>\(e(say(.readyCount)))</th>"
        out += "<th class=\"num\">\(e(say(.notReadyCount)))</th><th class=\"num\">\(e(say(.incompleteCount)))</th>"
        out += "<th class=\"num\">\(e(say(.requiredOf)))</th></tr></thead>\n<tbody>\n"
        for target in aggregate.targets {
            out += "<tr><td class=\"title\">\(b(target.title))</td><td class=\"bar-cell\">"
            out += SVGChart.scoreBar(value: target.readyPercent, threshold: target.requiredPercent, style: target.ready >= target.requiredOf ? .ok : .ko,
                                     label: target.chartLabel, rightToLeft: rtl)
            out += "<div><strong>\(b(target.readyText))</strong></div></td>"
            out += "<td class=\"num\">\(b(String(target.notReady)))</td><td class=\"num\">\(b(String(target.incomplete)))</td>"
            out += "<td class=\"num\">\(b(String(target.requiredOf)))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n"

        out += "<section class=\"agenda-section\">\n" + title(.workshopAgenda)
        if let note = aggregate.findingsNote { out += "<p class=\"summary\">\(e(note))</p>\n" }
        if aggregate.findings.isEmpty {
            out += "<p>\(e(say(.noFindings)))</p>\n"
        } else {
            out += "<table class=\"agenda\">\n<thead><tr><th class=\"num\">#</th><th>\(e(say(.requirement)))</th><th>\(e(say(.severity)))</th>"
            out += "<th class=\"num\">\(e(say(.openOfApplicable)))</th><th class=\"num\">\(e(say(.share)))</th></tr></thead>\n<tbody>\n"
            for (index, finding) in aggregate.findings.enumerated() {
                out += "<tr><td class=\"num\">\(b(String(index + 1)))</td><td>\(id(finding.id)) \(b(finding.title))"
                if let blocking = finding.blockingText { out += "<div class=\"blockers\">\(e(blocking))</div>" }
                out += "</td>"
                out += "<td>\(HTMLPage.badge(finding.severity, finding.severityTag))</td>"
                out += "<td class=\"num\">\(b(finding.countText))</td><td class=\"num\">\(b(finding.shareText))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        out += "</section>\n"

        out += "<section class=\"compliance-section\">\n" + title(.complianceBySection)
        out += "<table class=\"compliance\">\n<thead><tr><th>\(e(say(.section)))</th><th class=\"num\">\(e(say(.answers)))</th>"
        out += "<th class=\"num\">\(e(say(.compliant)))</th><th class=\"num\">\(e(say(.compliance)))</th></tr></thead>\n<tbody>\n"
        for section in aggregate.sections {
            out += "<tr><td>\(b(section.title))</td><td class=\"num\">\(b(String(section.applicable)))</td>"
            out += "<td class=\"num\">\(b(String(section.compliant)))</td><td class=\"num\">\(section.percentText.map(b) ?? HTMLReporter.dash)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if chart {
            out += "<figure class=\"chart-figure\">" + SVGChart.sectionChart(aggregate.sections, label: say(.complianceChart), rightToLeft: rtl) + "</figure>\n"
        }
        out += "</section>\n"
        return out
    }
}

extension SummaryHTMLReporter {
    /// One row per cooperative: its required level's verdict, score and open gaps.
    static func cooperatives(_ aggregate: SummaryContent.Aggregate, content: SummaryContent) -> String {
        let say = content.say
        var out = "<section class=\"cooperatives-section\">\n<h2>\(e(say(.cooperatives)))</h2>\n<table class=\"cooperatives\">\n<thead><tr>"
        out += [say(.cooperative), say(.province), say(.required), say(.verdict), say(.score), say(.openGaps), say(.assessedOfApplicable)]
            .map { "<th>\(e($0))</th>" }.joined()
        out += "</tr></thead>\n<tbody>\n"
        for cooperative in aggregate.cooperatives {
            out += "<tr><td>\(b(cooperative.name)) \(id(cooperative.id))</td><td>\(b(cooperative.province))</td><td>\(b(cooperative.required))</td>"
            out += "<td><span class=\"badge \(HTMLReporter.badgeClass(cooperative.verdictKind))\">\(e(cooperative.verdict))</span></td>"
            out += "<td class=\"num\">\(b(cooperative.scoreText))</td><td>\(e(cooperative.openText))</td><td class=\"num\">\(b(cooperative.assessedText))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n"
        return out
    }
}

// The HTML reports' escaping and isolation.
private func e(_ text: String) -> String { HTMLReporter.e(text) }
private func b(_ text: String) -> String { HTMLReporter.b(text) }
private func id(_ text: String) -> String { HTMLReporter.id(text) }
