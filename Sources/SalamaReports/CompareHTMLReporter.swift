public import SalamaEvaluation

/// `salama compare --format html`: two assessments of one cooperative side by side, printable,
/// one self-contained file (inline CSS and SVG, no script, nothing fetched). Each level's score
/// before and after with bars, then — when a self-assessment meets an inspection — a boxed table
/// of where they disagree (what the cooperative declared, what the inspector found, and which
/// way it strays), then the gaps closed, new and still open.
///
/// Arabic pages are `dir="rtl"`; every text from a file is escaped and isolated in `<bdi>`.
public struct CompareHTMLReporter: CompareReporter {
    public static let identifier = "html"

    public init() {}

    public func report(_ comparison: Comparison, options: ReportOptions) -> String {
        let content = CompareContent(comparison, language: options.language(for: comparison.new))
        let say = content.say
        let rtl = content.language.isRightToLeft
        var out = "<header class=\"masthead\">\n<p class=\"kicker\">\(e(content.title))</p>\n"
        out += "<h1>\(b(content.cooperativeName))</h1>\n<div class=\"facts\">\n"
        out += HTMLPage.fact(say(.identifier), id(content.cooperativeID))
        out += HTMLPage.fact(say(.before), side(content.old))
        out += HTMLPage.fact(say(.after), side(content.new))
        out += HTMLPage.fact(say(.checklist), "\(b(content.checklistTitle)) <span class=\"muted\">(\(say.list([id(content.checklistID), "\(e(say(.version))) \(b(content.checklistVersion))"])))</span>", wide: true)
        out += HTMLPage.fact(say(.file), "\(id(content.old.file)) <br>\(id(content.new.file))", wide: true)
        out += "</div>\n</header>\n"
        out += #"<section class="verdict\#(content.ready ? " ready" : "")"><p class="headline">\#(e(content.headline))</p></section>"# + "\n"

        out += "<section class=\"targets-section\">\n<h2>\(e(say(.targets)))</h2>\n<table class=\"targets changes\">\n<thead><tr>"
        out += [say(.level), say(.before), say(.after)].map { "<th>\(e($0))</th>" }.joined()
        out += "<th class=\"num\">\(e(say(.change)))</th><th>\(e(say(.verdict)))</th></tr></thead>\n<tbody>\n"
        for target in content.targets {
            out += "<tr><td class=\"title\">\(b(target.title))"
            if target.required { out += " <span class=\"badge required\">\(e(say(.required)))</span>" }
            out += "</td>"
            for (score, verdict, text, label) in [(target.oldScore, target.oldVerdictKind, target.oldScoreText, target.oldChartLabel),
                                                  (target.newScore, target.newVerdictKind, target.newScoreText, target.newChartLabel)] {
                out += "<td class=\"score\">" + SVGChart.scoreBar(value: score, threshold: target.minScore, style: .init(verdict), label: label, rightToLeft: rtl)
                out += "<div><strong>\(b(text))</strong></div></td>"
            }
            let trend = (target.change ?? 0) > 0 ? " up" : (target.change ?? 0) < 0 ? " down" : ""
            out += "<td class=\"num\"><bdi class=\"change\(trend)\">\(e(target.changeText))</bdi></td>"
            out += "<td class=\"verdicts\">\(verdict(target.oldVerdict, target.oldVerdictKind)) \(say.arrow) \(verdict(target.newVerdict, target.newVerdictKind))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n"

        if content.comparesSelfWithInspection {
            out += "<section class=\"callout disagreements\">\n<h2>\(e(say(.whereTheyDisagree)))</h2>\n"
            out += "<p><strong>\(e(content.disagreementSummary))</strong></p>\n"
            if !content.disagreements.isEmpty {
                out += "<table class=\"disagreements\">\n<thead><tr>"
                out += [say(.requirement), say(.severity), say(.declaredByCooperative), say(.foundByInspector), say(.direction)].map { "<th>\(e($0))</th>" }.joined()
                out += "</tr></thead>\n<tbody>\n"
                for disagreement in content.disagreements {
                    out += "<tr><td>\(id(disagreement.id)) \(b(disagreement.title))</td>"
                    out += "<td>\(HTMLPage.badge(disagreement.severity, disagreement.severityTag))</td>"
                    out += "<td>\(e(disagreement.declared))</td><td><strong>\(e(disagreement.found))</strong>"
                    if !disagreement.reasons.isEmpty { out += "<ul class=\"why\">" + disagreement.reasons.map { "<li>\(b($0))</li>" }.joined() + "</ul>" }
                    out += "</td><td class=\"\(disagreement.direction.rawValue)\">\(e(disagreement.directionText))</td></tr>\n"
                }
                out += "</tbody>\n</table>\n"
            }
            out += "</section>\n"
        }

        for list in content.lists {
            out += "<section class=\"changes-section\">\n<h2>\(e(list.title)) <span class=\"muted\">(\(b(String(list.findings.count))))</span></h2>\n"
            guard !list.findings.isEmpty else {
                out += "<p>\(e(say(.nothingToList)))</p>\n</section>\n"
                continue
            }
            out += "<table class=\"changes\">\n<thead><tr>"
            out += [say(.requirement), say(.severity), say(.before), say(.after)].map { "<th>\(e($0))</th>" }.joined()
            out += "</tr></thead>\n<tbody>\n"
            for finding in list.findings {
                out += "<tr><td>\(id(finding.id)) \(b(finding.title))</td>"
                out += "<td>\(HTMLPage.badge(finding.severity, finding.severityTag))</td>"
                out += "<td>\(e(finding.oldStatus))</td><td>\(e(finding.newStatus))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n</section>\n"
        }
        out += "<footer>\(e(say(.disclaimer)))</footer>\n"
        return HTMLPage.document(language: content.language, title: "\(content.title) — \(content.cooperativeName)", style: HTMLPage.aggregateCSS,
                                 body: HTMLPage.article(language: content.language, content: out))
    }

    /// One assessment of the two in words, its date kept on one line.
    private func side(_ side: CompareContent.Side) -> String {
        e(side.description).replacingOccurrences(of: side.date, with: HTMLReporter.date(side.date))
    }

    /// A verdict as a badge.
    private func verdict(_ text: String, _ verdict: Verdict) -> String {
        "<span class=\"badge \(HTMLReporter.badgeClass(verdict))\">\(e(text))</span>"
    }
}

// The HTML reports' escaping and isolation.
private func e(_ text: String) -> String { HTMLReporter.e(text) }
private func b(_ text: String) -> String { HTMLReporter.b(text) }
private func id(_ text: String) -> String { HTMLReporter.id(text) }
