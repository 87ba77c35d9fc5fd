public import SalamaEvaluation

/// `salama compare --format text`: two assessments of one cooperative side by side on a
/// terminal. Each level's score and verdict before and after; when a self-assessment meets an
/// inspection, where they disagree; then the gaps closed, new and still open.
public struct CompareTextReporter: CompareReporter {
    public static let identifier = "text"

    public init() {}

    public func report(_ comparison: Comparison, options: ReportOptions) -> String {
        let content = CompareContent(comparison, language: options.language(for: comparison.new))
        let say = content.say
        let style = TerminalStyle(enabled: options.color)
        var out = ""
        func line(_ text: String = "") { out += text + "\n" }

        line(style.bold("\(content.title) — \(content.cooperativeName) (\(content.cooperativeID))"))
        line(say.labelled(say(.checklist), "\(content.checklistID) \(content.checklistVersion)"))
        line(say.labelled(say(.before), "\(content.old.description) · \(content.old.file)"))
        line(say.labelled(say(.after), "\(content.new.description) · \(content.new.file)"))
        line()
        line(content.ready ? style.green(style.bold(content.headline)) : style.red(style.bold(content.headline)))
        line()

        line(style.bold(say(.targets)))
        for target in content.targets {
            var row = "  \(style.mark(target.newVerdictKind)) \(target.title)"
            if target.required { row += " (\(say(.required)))" }
            row += " — \(say.fromTo(target.oldScoreText, target.newScoreText)) (\(target.changeText))"
            row += " — \(say.fromTo(target.oldVerdict, target.newVerdict))"
            line(row)
        }
        line()

        if content.comparesSelfWithInspection {
            line(style.yellow(style.bold(say(.whereTheyDisagree))))
            line("  " + content.disagreementSummary)
            let idWidth = content.disagreements.map(\.id.count).max() ?? 0
            for disagreement in content.disagreements {
                line("  \(style.bold(disagreement.id.leftAligned(idWidth)))  \(disagreement.severityTag) — \(disagreement.directionText) — \(disagreement.title)")
                line("  \(String(repeating: " ", count: idWidth))  " + say.labelled(say(.declaredByCooperative), disagreement.declared)
                     + " · " + say.labelled(say(.foundByInspector), disagreement.found))
                for reason in disagreement.reasons { line("  \(String(repeating: " ", count: idWidth))  - " + reason) }
            }
            line()
        }

        for list in content.lists {
            line(style.bold("\(list.title) (\(list.findings.count))"))
            if list.findings.isEmpty { line("  " + say(.nothingToList)) }
            let idWidth = list.findings.map(\.id.count).max() ?? 0
            let tagWidth = list.findings.map(\.severityTag.count).max() ?? 0
            let changes = list.findings.map { say.fromTo($0.oldStatus, $0.newStatus) }
            let changeWidth = changes.map(\.count).max() ?? 0
            for (finding, change) in zip(list.findings, changes) {
                line("  \(finding.id.leftAligned(idWidth))  \(finding.severityTag.leftAligned(tagWidth))  \(change.leftAligned(changeWidth))  \(finding.title)")
            }
            line()
        }
        return style.finish(Typesetting.text(out, language: content.language))
    }
}
