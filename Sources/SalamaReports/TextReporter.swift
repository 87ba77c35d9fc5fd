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
        let language = options.language(for: evaluation)
        let say = Localizer(language)
        let style = TerminalStyle(enabled: options.color)
        let checklist = evaluation.checklist
        let assessment = evaluation.assessment
        func text(_ localized: LocalizedText) -> String { checklist.text(localized, in: language.rawValue) }

        var out = ""
        func line(_ text: String = "") { out += text + "\n" }

        line(style.bold("\(assessment.cooperative.name) (\(assessment.cooperative.id))") + " — \(say.kind(assessment.kind)) · \(assessment.date)")
        line("\(say(.checklist)): \(checklist.id) \(checklist.version) · \(assessment.path)")
        line()

        let required = evaluation.requiredTarget
        let headline = say.headline(required, targetTitle: text(required.target.title))
        line(required.verdict == .ready ? style.green(style.bold(headline)) : style.red(style.bold(headline)))
        line()

        line(style.bold(say(.targets)))
        for result in evaluation.targets {
            let mark = result.verdict == .ready ? style.green("✔") : style.red("✘")
            var row = "  \(mark) \(text(result.target.title))"
            if result.required { row += " (\(say(.required)))" }
            row += " — \(say.percent(result.reportedScore)) (\(say(.minimum)) \(say.percent(result.target.minScore))) — \(say.verdict(result.verdict))"
            if !result.blockers.isEmpty { row += ": " + result.blockers.map(say.blocker).joined(separator: ", ") }
            line(row)
        }
        line()

        line(style.bold("\(say(.findings)) (\(evaluation.findings.count))"))
        if evaluation.findings.isEmpty { line("  " + say(.noFindings)) }
        for severity in Severity.allCases {
            let group = evaluation.findings.filter { $0.requirement.severity == severity }
            guard !group.isEmpty else { continue }
            let heading = "\(say.severity(severity)) (\(group.count))"
            line(severity == .critical ? style.red(heading) : severity == .major ? style.yellow(heading) : heading)
            for finding in group {
                let requirement = finding.requirement
                line("  \(style.bold(requirement.id))  \(text(requirement.title))")
                line("    \(say(.declared)): \(say.declared(finding.declared)) → \(say(.status)): \(say.status(finding.status))")
                for reason in finding.reasons where reason != .unanswered {
                    line("    - " + say.reason(reason, in: requirement, checklist: checklist))
                }
                if let action = requirement.action {
                    var row = "    \(say(.action)) (\(say.cost(action.cost))): \(text(action.text))"
                    if let deadline = finding.answer?.deadline { row += " — \(say(.deadline)) \(deadline)" }
                    line(row)
                } else if let deadline = finding.answer?.deadline {
                    line("    \(say(.deadline)) \(deadline)")
                }
                if !requirement.cites.isEmpty {
                    line("    \(say(.citation)): " + requirement.cites.map { cite in
                        let source = checklist.source(cite.source).map { text($0.title) } ?? cite.source
                        return cite.at.map { "\(source), \($0)" } ?? source
                    }.joined(separator: "; "))
                }
            }
        }
        if !evaluation.warnings.isEmpty {
            line()
            line(style.yellow(say(.warnings)))
            for warning in evaluation.warnings { line("  - " + say.warning(warning)) }
        }
        return out
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
