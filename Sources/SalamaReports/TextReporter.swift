public import SalamaEvaluation
import SalamaModel
import SalamaXML
import Foundation

/// The terminal report of `salama check`: the required target's verdict first, then every
/// target, then the gaps by severity with reasons, action and deadline.
public struct TextReporter: Reporter {
    public static let identifier = "text"

    public init() {}

    public func report(_ evaluations: [Evaluation], options: ReportOptions) -> String {
        evaluations.map { report($0, options: options) }.joined(separator: "\n" + String(repeating: "─", count: 60) + "\n\n")
    }

    func report(_ evaluation: Evaluation, options: ReportOptions) -> String {
        let content = ReportContent(evaluation, language: options.language(for: evaluation), audit: false)
        let say = content.say
        let style = TerminalStyle(enabled: options.color)
        let header = content.header

        var out = ""
        func line(_ text: String = "") { out += text + "\n" }

        line(style.bold("\(header.cooperativeName) (\(header.cooperativeID))") + " — \(header.kind) · \(header.date)")
        line("\(say(.checklist)): \(header.checklistID) \(header.checklistVersion) · \(header.file)")
        line()
        if !header.visit.isEmpty || !header.samples.isEmpty {
            line(style.bold(say(.visit)))
            for (label, value) in header.visit { line("  " + say.labelled(label, value)) }
            if !header.samples.isEmpty {
                line("  " + say.lead(say(.samplesTaken)))
                // One list per sample: its fields one under the other, as a table would not fit a terminal.
                for sample in header.samples {
                    line("    - \(sample.id)")
                    for (label, value) in [(Label.sampleProduct, sample.product), (.sampleAnalysis, sample.analysis), (.laboratory, sample.laboratory)] {
                        if let value { line("      " + say.labelled(say(label), value)) }
                    }
                }
            }
            line()
        }

        line(style.verdict(content.targets.first(where: \.required)?.verdictKind ?? .notReady, style.bold(content.headline)))
        line()

        line(style.bold(say(.targets)))
        for target in content.targets {
            var row = "  \(style.mark(target.verdictKind)) \(target.title)"
            if target.required { row += " (\(say(.required)))" }
            row += " — \(target.scoreText) (\(say(.minimum)) \(target.minScoreText)) — \(target.verdict)"
            if !target.blockers.isEmpty { row += ": " + target.blockers.joined(separator: ", ") }
            line(row)
            for step in target.steps { line("      → " + step) }
        }
        line()

        line(style.bold("\(say(.findings)) (\(content.findings.count))"))
        if content.findings.isEmpty { line("  " + say(.noFindings)) }
        for severity in Severity.allCases {
            let group = content.findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            let heading = "\(say.severity(severity)) (\(group.count))"
            line(severity == .critical ? style.red(heading) : severity == .major ? style.yellow(heading) : heading)
            for finding in group {
                line("  \(style.bold(finding.id))  \(finding.title)")
                line("    \(say(.declared)): \(finding.declared) → \(say(.status)): \(finding.status) · \(say.labelled(say(.neededFor), finding.neededFor))")
                for reason in finding.reasons { line("    - " + reason) }
                if let action = finding.action {
                    var row = "    \(say(.action)) (\(finding.costText)): \(action)"
                    if let deadline = finding.deadline { row += " — \(say(.deadline)) \(deadline)" }
                    line(row)
                } else if let deadline = finding.deadline {
                    line("    \(say(.deadline)) \(deadline)")
                }
                if !finding.citations.isEmpty {
                    line("    \(say(.citation)): " + say.series(finding.citations))
                }
            }
        }
        for (heading, intro, lines) in [(say(.notAssessed), say(.notAssessedIntro), content.unassessed),
                                         (say(.statusExempted), say(.exemptedIntro), content.exempted)] where !lines.isEmpty {
            line()
            line(style.bold("\(heading.capitalizedFirst) (\(lines.count))"))
            line("  " + intro)
            for requirement in lines {
                line("  \(requirement.id)  \(requirement.title) · \(say.labelled(say(.neededFor), requirement.neededFor))")
            }
        }
        if !content.warnings.isEmpty {
            line()
            line(style.yellow(say(.warnings)))
            for warning in content.warnings { line("  - " + warning) }
        }
        return style.finish(Typesetting.text(out, language: content.language))
    }
}

/// ANSI styling, off unless the output is a terminal.
///
/// Text from inputs may hold terminal controls, so a finished report goes through
/// `VisibleText` whole; the styling survives because it is written as markers holding a
/// number drawn for this report (which no input can guess), turned into escape sequences
/// only after that pass.
struct TerminalStyle {
    let enabled: Bool
    private let marker = "\u{E000}\(UInt64.random(in: 0...UInt64.max))"

    init(enabled: Bool) {
        self.enabled = enabled
    }

    private static let codes = ["0", "1", "31", "32", "33"]

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\(marker):\(code)\u{E001}\(text)\(marker):0\u{E001}" : text
    }

    /// The report as it may reach a terminal or a file: controls from inputs shown escaped,
    /// the styling applied.
    func finish(_ report: String) -> String {
        var out = VisibleText.escaping(report)
        guard enabled else { return out }
        for code in Self.codes {
            out = out.replacingOccurrences(of: "\(marker):\(code)\u{E001}", with: "\u{1B}[\(code)m")
        }
        return out
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func red(_ text: String) -> String { wrap(text, "31") }
    func green(_ text: String) -> String { wrap(text, "32") }
    func yellow(_ text: String) -> String { wrap(text, "33") }

    /// Text in the colour of a verdict: green ready, red not ready, yellow incomplete.
    func verdict(_ verdict: Verdict, _ text: String) -> String {
        switch verdict {
        case .ready: green(text)
        case .notReady: red(text)
        case .incomplete: yellow(text)
        }
    }

    /// The mark of a verdict: ✔ ready, ✘ not ready, … incomplete.
    func mark(_ verdict: Verdict) -> String {
        switch verdict {
        case .ready: green("✔")
        case .notReady: red("✘")
        case .incomplete: yellow("…")
        }
    }
}

extension String {
    /// The first letter upper-cased, for a label used as a heading.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
