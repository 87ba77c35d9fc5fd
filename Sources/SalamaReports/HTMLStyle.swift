import SalamaXML

/// The style sheet of the HTML reports, inlined in every report: A4 pages, print colours,
/// logical properties (start/end) so that one sheet serves left-to-right and right-to-left,
/// and a phone layout on narrow screens.
///
/// The sheet is public so that other front ends (a web server) can serve the same look:
/// `ReportStyle.css(language:extra:)` is the whole sheet as the reports inline it.
public enum ReportStyle {
    /// The whole style sheet of a report page in `language`: the A4 page with its numbers, the
    /// report's rules with `extra` (a report's own rules) in the `report` cascade layer, then
    /// the phone layout, unlayered so that it wins over the print sizes on narrow screens.
    /// `margins` are the A4 page's (CSS `margin` of `@page`).
    public static func css(language: Language, extra: String = "", margins: String = defaultMargins) -> String {
        page(language, margins: margins) + "\n@layer report {\n" + HTMLStyle.css + "\n" + extra + "}\n" + HTMLStyle.phone
    }

    /// The margins of a report's A4 pages.
    public static let defaultMargins = "14mm 14mm 16mm"

    /// The A4 page, numbered "Page x / y" at the foot of every printed page.
    static func page(_ language: Language, margins: String) -> String {
        let label = MarkupEscaping.cssString(Localizer(language)(.page))
        return """
        @page {
          size: A4; margin: \(margins);
          @bottom-center { content: "\(label) " counter(page) " / " counter(pages); font: 8pt "Noto Sans", "Noto Naskh Arabic", sans-serif; color: #5b6475; }
        }
        """
    }
}

enum HTMLStyle {
    static let css = """
    :root {
      --ink: #1d2433; --muted: #5b6475; --line: #d5dae3; --paper: #ffffff; --accent: #0b5c7a;
      --ok: #1f7a3a; --ok-bg: #e6f4ea; --ko: #b42318; --ko-bg: #fdeceb; --mid: #b26b00; --mid-bg: #fff4e0;
      --track: #e3e7ee;
    }
    * { box-sizing: border-box; }
    html { background: #e9edf2; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { margin: 0; color: var(--ink); font: 10pt/1.45 "Noto Sans", "Segoe UI", "DejaVu Sans", Arial, sans-serif; }
    :lang(ar) { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif; }
    .report:lang(ar) { font-size: 10.5pt; line-height: 1.55; }
    .report { background: var(--paper); max-width: 210mm; margin: 12px auto; padding: 12mm 14mm; box-shadow: 0 1px 4px rgba(0, 0, 0, .18); }
    .report + .report { break-before: page; }
    h1 { font-size: 17pt; line-height: 1.25; margin: 2px 0 8px; }
    h2 { font-size: 12.5pt; margin: 14px 0 6px; padding-bottom: 2px; border-bottom: 1.5px solid var(--accent); color: var(--accent); break-after: avoid; }
    h3 { font-size: 11pt; margin: 12px 0 4px; break-after: avoid; }
    h4 { font-size: 10pt; margin: 8px 0 4px; color: var(--muted); break-after: avoid; }
    p { margin: 4px 0; }
    .kicker { margin: 0; color: var(--accent); font-weight: 700; font-size: 9pt; }
    .basis { margin: 0; color: var(--muted); font-size: 8.5pt; }
    .masthead { border-bottom: 2px solid var(--accent); padding-bottom: 8px; }
    .facts { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 2px 14px; font-size: 9pt; line-height: 1.35; }
    .fact .k { display: block; color: var(--muted); font-size: 7.5pt; }
    .fact .v { font-weight: 600; overflow-wrap: anywhere; }
    .fact.wide { grid-column: span 4; }
    .samples-taken { margin-top: 4px; font-size: 9pt; }
    .samples-taken .k { margin: 0; color: var(--muted); font-size: 7.5pt; }
    .samples td, .samples th { font-size: 9pt; padding: 2px 6px; }
    .samples td { overflow-wrap: anywhere; }
    .sha { font-family: "DejaVu Sans Mono", "Noto Sans Mono", monospace; font-size: 7.5pt; font-weight: 400; direction: ltr; unicode-bidi: isolate; word-break: break-all; }
    .id { font-family: "DejaVu Sans Mono", "Noto Sans Mono", monospace; font-size: .88em; font-weight: 700; white-space: nowrap; }
    .muted { color: var(--muted); }
    .date { white-space: nowrap; }
    figure { margin: 8px 0; }
    .verdict { margin: 10px 0 4px; padding: 9px 14px; border-inline-start: 7px solid var(--ko); background: var(--ko-bg); border-radius: 4px; break-inside: avoid; }
    .verdict.ready { border-inline-start-color: var(--ok); background: var(--ok-bg); }
    .verdict .headline { margin: 0; font-size: 13.5pt; font-weight: 700; line-height: 1.35; }
    table { width: 100%; border-collapse: collapse; margin: 4px 0; }
    th, td { text-align: start; vertical-align: top; padding: 4px 6px; border-bottom: 1px solid var(--line); }
    th { font-size: 8.5pt; color: var(--muted); font-weight: 700; border-bottom: 1.5px solid var(--ink); }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    td.num, th.num { text-align: end; white-space: nowrap; }
    .targets td { vertical-align: middle; }
    .targets .title { font-weight: 700; width: 30%; }
    .targets .score { width: 30%; font-size: 9pt; white-space: nowrap; }
    .badge { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 8pt; font-weight: 700; white-space: nowrap; }
    .badge.ok { color: var(--ok); background: var(--ok-bg); }
    .badge.ko { color: var(--ko); background: var(--ko-bg); }
    .badge.mid { color: var(--mid); background: var(--mid-bg); }
    .badge.required { color: #fff; background: var(--accent); }
    .blockers { font-size: 8.5pt; color: var(--ko); line-height: 1.3; }
    .open { font-size: 8.5pt; color: var(--muted); line-height: 1.3; }
    svg.bar, svg.chart { display: block; max-width: 100%; height: auto; }
    svg .track { fill: var(--track); }
    svg .fill-ok { fill: var(--ok); }
    svg .fill-ko { fill: var(--ko); }
    svg .fill-mid { fill: var(--mid); }
    svg .threshold { stroke: var(--ink); stroke-width: 2.5; }
    svg text { font-size: 11px; fill: var(--ink); }
    svg text.value { font-weight: 700; }
    .steps { margin: 4px 0; padding-inline-start: 22px; }
    .steps li { margin: 3px 0; break-inside: avoid; }
    .steps .what { font-weight: 700; }
    .steps .title { font-size: 8.5pt; }
    .summary { color: var(--muted); font-size: 9pt; }
    .finding { break-inside: avoid; margin: 6px 0; padding: 5px 10px; border: 1px solid var(--line); border-inline-start: 5px solid var(--muted); border-radius: 4px; }
    .finding.critical { border-inline-start-color: var(--ko); }
    .finding.major { border-inline-start-color: var(--mid); }
    .finding h5 { margin: 0 0 2px; font-size: 10pt; }
    .finding p { margin: 1px 0; font-size: 9pt; }
    .finding .k { color: var(--muted); font-weight: 600; }
    .why { margin: 1px 0; padding-inline-start: 18px; font-size: 9pt; }
    .note { font-style: italic; color: var(--muted); }
    /* Arabic has no italic: a slanted Naskh is a synthetic one, hard to read. */
    .report:lang(ar) .note, .note :dir(rtl), .note:dir(rtl) { font-style: normal; }
    .state-present { color: var(--ok); font-weight: 700; }
    .state-missing, .state-expired, .state-future-dated { color: var(--ko); font-weight: 700; }
    .documents td, .compliance td, .grid td { font-size: 9pt; }
    .grid .rubric { font-weight: 700; width: 18%; }
    .grid th:nth-child(2) { width: 10%; }
    .grid th:nth-child(3) { width: 36%; }
    .grid th:nth-child(5) { width: 11%; }
    .grid tbody { break-inside: avoid; border-bottom: 1.5px solid var(--ink); }
    .grid ul { margin: 0; padding-inline-start: 16px; }
    .conform-yes { color: var(--ok); font-weight: 700; }
    .conform-no { color: var(--ko); font-weight: 700; }
    .conform-na { color: var(--muted); }
    .signatures { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 10px; margin-top: 8px; break-inside: avoid; }
    .signature { border: 1px solid var(--ink); border-radius: 4px; padding: 8px 10px; min-height: 38mm; }
    .signature h3 { margin: 0 0 8px; }
    .signature p { margin: 0 0 10px; }
    .signature .line { display: block; border-bottom: 1px dotted var(--muted); min-height: 1.5em; }
    /* The conclusion and the signatures share the visit report's last page. */
    .closing { break-inside: avoid; }
    .conclusion, .signatures-section { break-inside: avoid; }
    .thresholds { font-size: 8pt; }
    .conclusion .targets .steps { margin: 0; font-size: 8pt; line-height: 1.3; }
    .conclusion .targets .steps li { margin: 0; }
    .signature.stamp { border-style: dashed; }
    footer { margin-top: 16px; padding-top: 4px; border-top: 1px solid var(--line); color: var(--muted); font-size: 8pt; }
    @media print {
      html { background: none; }
      .report { max-width: none; margin: 0; padding: 0; box-shadow: none; }
    }
    """

    /// Screens narrower than a tablet: one column, text of at least 16 px, each table row a card
    /// whose cells carry their column's name (`TableLabels`), charts at their drawn size inside a
    /// box of their own that scrolls. Unlayered: it overrides the report's print sizes.
    static let phone = """
    @media screen and (max-width: 640px) {
      html { background: var(--paper); }
      body { font-size: 16px; line-height: 1.5; }
      .report { max-width: none; margin: 0; padding: 14px 14px 24px; box-shadow: none; }
      .report :is(p, span, bdi, td, th, li, div, h4, h5, footer, strong, .badge, .id, .sha) { font-size: 16px; }
      .report:lang(ar) { font-size: 17px; line-height: 1.65; }
      h1 { font-size: 24px; }
      h2 { font-size: 20px; }
      h3 { font-size: 18px; }
      .facts { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 6px 14px; }
      .fact.wide { grid-column: 1 / -1; }
      .fact .v { overflow-wrap: break-word; }
      .id { white-space: normal; }
      .signatures { grid-template-columns: 1fr; }
      table, thead, tbody, tr, td { display: block; width: auto; }
      thead { display: none; }
      tbody { break-inside: auto; }
      tr { padding: 8px 0; border-bottom: 1px solid var(--line); }
      tbody:last-child tr:last-child { border-bottom: 0; }
      .report td, .report td.num { width: auto; padding: 2px 0; border: 0; text-align: start; white-space: normal; }
      td:not([data-label]) { font-weight: 700; }
      td[data-label]::before { content: attr(data-label) " "; color: var(--muted); font-weight: 600; }
      .grid tbody { border-bottom: 1.5px solid var(--ink); }
      figure.chart-figure { overflow-x: auto; }
      svg.chart { max-width: none; }
    }
    """
}
