public import SalamaModel
public import SalamaXML

/// The frame of Salama's printable HTML pages besides the check report (the summary, the
/// comparison, the workbook): one self-contained file with the report's A4 style sheet inlined,
/// no script, nothing fetched; `lang` and `dir` on `<html>` and on each page, so that Arabic
/// pages read right to left.
///
/// The text helpers are those of the check report (`HTMLReporter`), made available to the other
/// modules that write HTML: every text from a file goes through `MarkupEscaping`.
public enum HTMLPage {
    /// A whole HTML document.
    /// - Parameters:
    ///   - language: the language of the page, for `lang` and `dir`.
    ///   - title: the document's title (plain text; escaped here).
    ///   - style: CSS added after the report's style sheet.
    ///   - body: the pages, already HTML (see `article(language:content:)`).
    ///   - margins: the A4 page's margins (CSS), when not the report's.
    /// - Returns: the document, ending with a line feed.
    public static func document(language: Language, title: String, style: String = "", margins: String = ReportStyle.defaultMargins,
                                body: String) -> String {
        var html = "<!DOCTYPE html>\n"
        html += #"<html lang="\#(language.rawValue)" dir="\#(direction(language))">"# + "\n"
        html += "<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<meta name=\"generator\" content=\"salama\">\n"
        html += "<title>\(text(title))</title>\n"
        html += "<style>\n\(ReportStyle.css(language: language, extra: style, margins: margins))</style>\n</head>\n<body>\n"
        html += Typesetting.html(TableLabels.label(body, language: language), language: language)
        html += "</body>\n</html>\n"
        return html
    }

    /// The CSS the summary and the comparison add to the report's style sheet (see
    /// `aggregateCSS`), for front ends that must know every style a page may inline.
    public static var aggregateStyle: String { aggregateCSS }

    /// One page: an `<article class="report">` in `language`, holding `content` (already HTML).
    public static func article(language: Language, content: String) -> String {
        #"<article class="report" lang="\#(language.rawValue)" dir="\#(direction(language))">"# + "\n" + content + "</article>\n"
    }

    /// `rtl` for a right-to-left language, `ltr` otherwise.
    public static func direction(_ language: Language) -> String {
        language.isRightToLeft ? "rtl" : "ltr"
    }

    /// Escaped text in the flow of the page's language (labels and sentences).
    public static func text(_ text: String) -> String { HTMLReporter.e(text) }

    /// Escaped text isolated in `<bdi>`, with its own direction: data from files, numbers, dates.
    public static func isolated(_ text: String) -> String { HTMLReporter.b(text) }

    /// An identifier, isolated and left to right.
    public static func identifier(_ text: String) -> String { HTMLReporter.id(text) }

    /// A severity tag (plain text; escaped here) as a badge coloured by `severity`.
    public static func badge(_ severity: Severity, _ tag: String) -> String {
        "<span class=\"badge \(HTMLReporter.badge(severity))\">\(text(tag))</span>"
    }

    /// A label and a value (already HTML) in the masthead's grid of facts.
    public static func fact(_ label: String, _ value: String, wide: Bool = false) -> String {
        "<div class=\"fact\(wide ? " wide" : "")\"><span class=\"k\">\(text(label))</span> <span class=\"v\">\(value)</span></div>\n"
    }

    /// The CSS the summary and the comparison add to the report's style sheet.
    static let aggregateCSS = """
    .agenda td, .readiness td, .changes td, .invalid-files td { font-size: 9pt; }
    .readiness .title { font-weight: 700; width: 34%; }
    .readiness .bar-cell { width: 30%; }
    .group { break-inside: avoid; margin-top: 10px; }
    .group h3 { border-bottom: 1px solid var(--line); }
    .error { font-family: "DejaVu Sans Mono", "Noto Sans Mono", monospace; font-size: 8pt; overflow-wrap: anywhere; }
    .up { color: var(--ok); font-weight: 700; }
    .down { color: var(--ko); font-weight: 700; }
    .changes .title { width: 26%; }
    .changes .score { width: 22%; }
    .verdicts { white-space: nowrap; }
    .callout { margin: 12px 0; padding: 6px 12px 8px; border: 2px solid var(--mid); border-inline-start-width: 8px; border-radius: 4px; background: var(--mid-bg); }
    .callout h2 { margin-top: 4px; color: var(--ink); border-bottom-color: var(--mid); }
    .callout table { background: var(--paper); }
    .callout td:first-child { width: 40%; }
    .callout .why { color: var(--muted); }
    .overstated, .understated { font-weight: 700; white-space: nowrap; }
    .overstated { color: var(--ko); }
    .understated { color: var(--accent); }

    """
}
