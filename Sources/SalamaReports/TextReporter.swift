public import SalamaEvaluation
import SalamaModel

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

        line(content.ready ? style.green(style.bold(content.headline)) : style.red(style.bold(content.headline)))
        line()

        line(style.bold(say(.targets)))
        for target in content.targets {
            let mark = target.ready ? style.green("✔") : style.red("✘")
            var row = "  \(mark) \(target.title)"
            if target.required { row += " (\(say(.required)))" }
            row += " — \(target.scoreText) (\(say(.minimum)) \(target.minScoreText)) — \(target.verdict)"
            if !target.blockers.isEmpty { row += ": " + target.blockers.joined(separator: ", ") }
            line(row)
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
                line("    \(say(.declared)): \(finding.declared) → \(say(.status)): \(finding.status)")
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
        if !content.warnings.isEmpty {
            line()
            line(style.yellow(say(.warnings)))
            for warning in content.warnings { line("  - " + warning) }
        }
        return Typesetting.text(out, language: content.language)
    }
}

/// ANSI styling, off unless the output is a terminal.
struct TerminalStyle {
    let enabled: Bool

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func red(_ text: String) -> String { wrap(text, "31") }
    func green(_ text: String) -> String { wrap(text, "32") }
    func yellow(_ text: String) -> String { wrap(text, "33") }
}
