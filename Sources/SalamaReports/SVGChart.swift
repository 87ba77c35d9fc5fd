import SalamaEvaluation

/// The inline SVG drawings of the HTML report: no script, no external resource, and the text
/// they hold escaped. Right-to-left reports get mirrored drawings (bars grow from the right).
enum SVGChart {
    /// How a bar is coloured: by what it means for the reader, never by the number alone.
    enum BarStyle: String {
        case ok = "fill-ok"
        case ko = "fill-ko"
        case pending = "fill-mid"

        /// Green when ready, red when not ready, amber while incomplete.
        init(_ verdict: Verdict) {
            switch verdict {
            case .ready: self = .ok
            case .notReady: self = .ko
            case .incomplete: self = .pending
            }
        }
    }

    /// A horizontal bar of `value` (0–100, empty when there is no score) with a mark at
    /// `threshold`.
    static func scoreBar(value: Double?, threshold: Double, style: BarStyle, label: String, rightToLeft: Bool) -> String {
        let width = 160.0, height = 18.0, barTop = 4.0, barHeight = 10.0
        func x(_ percent: Double) -> Double { width * min(max(percent, 0), 100) / 100 }
        let fill = x(value ?? 0), mark = x(threshold)
        var svg = #"<svg class="bar" xmlns="http://www.w3.org/2000/svg" width="\#(number(width))" height="\#(number(height))" viewBox="0 0 \#(number(width)) \#(number(height))" role="img" aria-label="\#(MarkupEscaping.escapeAttribute(label))">"#
        svg += rightToLeft ? #"<g transform="translate(\#(number(width)) 0) scale(-1 1)">"# : "<g>"
        svg += #"<rect x="0" y="\#(number(barTop))" width="\#(number(width))" height="\#(number(barHeight))" rx="2" class="track"/>"#
        svg += #"<rect x="0" y="\#(number(barTop))" width="\#(number(fill))" height="\#(number(barHeight))" rx="2" class="\#(style.rawValue)"/>"#
        svg += #"<line x1="\#(number(mark))" y1="0" x2="\#(number(mark))" y2="\#(number(height))" class="threshold"/>"#
        svg += "</g></svg>"
        return svg
    }

    /// One bar per section, with its title and its compliance in percent; a section where
    /// nothing applies has no bar.
    static func sectionChart(_ sections: [ReportContent.SectionLine], label: String, rightToLeft: Bool) -> String {
        let width = 640.0, labelWidth = 250.0, barWidth = 300.0, row = 24.0, gap = 10.0
        let height = row * Double(sections.count) + 8
        // Positions from the start side: left to right, or mirrored for right to left.
        func x(_ fromStart: Double) -> Double { rightToLeft ? width - fromStart : fromStart }
        let direction = rightToLeft ? "rtl" : "ltr"
        var svg = #"<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="\#(number(width))" height="\#(number(height))" viewBox="0 0 \#(number(width)) \#(number(height))" role="img" aria-label="\#(MarkupEscaping.escapeAttribute(label))" direction="\#(direction)">"#
        for (index, section) in sections.enumerated() {
            let top = 4 + row * Double(index)
            let middle = top + row / 2
            svg += #"<text x="\#(number(x(0)))" y="\#(number(middle))" dy="0.35em" text-anchor="start" direction="\#(direction)" class="label">\#(MarkupEscaping.escape(truncated(section.title, to: 38)))</text>"#
            let barStart = labelWidth + gap
            svg += #"<rect x="\#(number(rightToLeft ? width - barStart - barWidth : barStart))" y="\#(number(top + 5))" width="\#(number(barWidth))" height="\#(number(row - 10))" rx="2" class="track"/>"#
            guard let percent = section.percent, let text = section.percentText else { continue }
            let length = barWidth * percent / 100
            let style = percent >= 100 ? "fill-ok" : percent >= 50 ? "fill-mid" : "fill-ko"
            svg += #"<rect x="\#(number(rightToLeft ? width - barStart - length : barStart))" y="\#(number(top + 5))" width="\#(number(length))" height="\#(number(row - 10))" rx="2" class="\#(style)"/>"#
            svg += #"<text x="\#(number(x(barStart + barWidth + gap)))" y="\#(number(middle))" dy="0.35em" text-anchor="start" direction="\#(direction)" class="value">\#(MarkupEscaping.escape(text))</text>"#
        }
        svg += "</svg>"
        return svg
    }

    /// A coordinate with at most two decimals and no trailing zeros.
    static func number(_ value: Double) -> String {
        JSONValue.format((value * 100).rounded() / 100)
    }

    /// `text` cut to `limit` characters, with an ellipsis when cut.
    static func truncated(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)).trimmingTrailingSpaces() + "…"
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
