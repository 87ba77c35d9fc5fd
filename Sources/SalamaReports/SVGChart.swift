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
    /// nothing applies has no bar. A long title wraps onto more lines (its row grows), never cut.
    static func sectionChart(_ sections: [ReportContent.SectionLine], label: String, rightToLeft: Bool) -> String {
        let width = 640.0, labelWidth = 250.0, barWidth = 300.0, lineHeight = 13.0, gap = 10.0
        let titles = sections.map { wrapped($0.title, to: 38) }
        let rows = titles.map { max(24.0, lineHeight * Double($0.count) + 11) }
        let height = rows.reduce(0, +) + 8
        // Positions from the start side: left to right, or mirrored for right to left.
        func x(_ fromStart: Double) -> Double { rightToLeft ? width - fromStart : fromStart }
        let direction = rightToLeft ? "rtl" : "ltr"
        var svg = #"<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="\#(number(width))" height="\#(number(height))" viewBox="0 0 \#(number(width)) \#(number(height))" role="img" aria-label="\#(MarkupEscaping.escapeAttribute(label))" direction="\#(direction)">"#
        var top = 4.0
        for (index, section) in sections.enumerated() {
            let row = rows[index]
            let middle = top + row / 2
            let firstLine = middle - lineHeight * Double(titles[index].count - 1) / 2
            svg += #"<text x="\#(number(x(0)))" y="\#(number(firstLine))" dy="0.35em" text-anchor="start" direction="\#(direction)" class="label">"#
            for (number, line) in titles[index].enumerated() {
                svg += number == 0 ? MarkupEscaping.escape(line)
                    : #"<tspan x="\#(self.number(x(0)))" dy="\#(self.number(lineHeight))">\#(MarkupEscaping.escape(line))</tspan>"#
            }
            svg += "</text>"
            let barStart = labelWidth + gap, barTop = middle - 7
            svg += #"<rect x="\#(number(rightToLeft ? width - barStart - barWidth : barStart))" y="\#(number(barTop))" width="\#(number(barWidth))" height="14" rx="2" class="track"/>"#
            top += row
            guard let percent = section.percent, let text = section.percentText else { continue }
            let length = barWidth * percent / 100
            let style = percent >= 100 ? "fill-ok" : percent >= 50 ? "fill-mid" : "fill-ko"
            svg += #"<rect x="\#(number(rightToLeft ? width - barStart - length : barStart))" y="\#(number(barTop))" width="\#(number(length))" height="14" rx="2" class="\#(style)"/>"#
            svg += #"<text x="\#(number(x(barStart + barWidth + gap)))" y="\#(number(middle))" dy="0.35em" text-anchor="start" direction="\#(direction)" class="value">\#(MarkupEscaping.escape(text))</text>"#
        }
        svg += "</svg>"
        return svg
    }

    /// A coordinate with at most two decimals and no trailing zeros.
    static func number(_ value: Double) -> String {
        JSONValue.format((value * 100).rounded() / 100)
    }

    /// `text` in lines of at most `limit` characters, broken at spaces (a longer word stands
    /// alone on its line).
    static func wrapped(_ text: String, to limit: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > limit {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}

