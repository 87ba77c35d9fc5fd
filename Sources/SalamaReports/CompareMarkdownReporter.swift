public import SalamaEvaluation

/// `salama compare --format markdown`: the comparison for a wiki or a document to convert, in
/// the order of the HTML comparison. The table of disagreements between a self-assessment and
/// an inspection comes right after the scores. Every text from a file is escaped.
public struct CompareMarkdownReporter: CompareReporter {
    public static let identifier = "markdown"

    public init() {}

    public func report(_ comparison: Comparison, options: ReportOptions) -> String {
        let content = CompareContent(comparison, language: options.language(for: comparison.new))
        let say = content.say
        var out = ""
        func line(_ text: String = "") { out += text + "\n" }
        func fact(_ label: Label, _ value: String) { line("- **\(m(say.lead(say(label))))** \(value)") }

        line("# \(m(content.title)) — \(m(content.cooperativeName))")
        line()
        fact(.identifier, code(content.cooperativeID))
        fact(.checklist, "\(m(content.checklistTitle)) (\(say.list([code(content.checklistID), "\(m(say(.version))) \(m(content.checklistVersion))"])))")
        fact(.before, "\(m(content.old.description)) — \(code(content.old.file))")
        fact(.after, "\(m(content.new.description)) — \(code(content.new.file))")
        line()
        line("> **\(m(content.headline))**")
        line()

        line("## \(m(say(.targets)))")
        line()
        line(row([say(.level), say(.before), say(.after), say(.change), say(.verdictBefore), say(.verdictAfter)].map(m)))
        line("| --- | ---: | ---: | ---: | --- | --- |")
        for target in content.targets {
            var title = "**\(m(target.title))**"
            if target.required { title += " (\(m(say(.required))))" }
            line(row([title, m(target.oldScoreText), m(target.newScoreText), m(target.changeText),
                      MarkdownReporter.mark(target.oldVerdictKind) + m(target.oldVerdict), MarkdownReporter.mark(target.newVerdictKind) + m(target.newVerdict)]))
        }
        line()

        if content.comparesSelfWithInspection {
            line("## ⚠ \(m(say(.whereTheyDisagree)))")
            line()
            line("> **\(m(content.disagreementSummary))**")
            line()
            if !content.disagreements.isEmpty {
                line(row([say(.requirement), say(.severity), say(.declaredByCooperative), say(.foundByInspector), say(.direction)].map(m)))
                line("| --- | --- | --- | --- | --- |")
                for disagreement in content.disagreements {
                    let found = (["**\(m(disagreement.found))**"] + disagreement.reasons.map(m)).joined(separator: "<br>")
                    line(row(["\(code(disagreement.id)) \(m(disagreement.title))", m(disagreement.severityTag), m(disagreement.declared),
                              found, "**\(m(disagreement.directionText))**"]))
                }
                line()
            }
        }

        for list in content.lists {
            line("## \(m(list.title)) (\(list.findings.count))")
            line()
            guard !list.findings.isEmpty else {
                line(m(say(.nothingToList)))
                line()
                continue
            }
            line(row([say(.requirement), say(.severity), say(.before), say(.after)].map(m)))
            line("| --- | --- | --- | --- |")
            for finding in list.findings {
                line(row(["\(code(finding.id)) \(m(finding.title))", m(finding.severityTag), m(finding.oldStatus), m(finding.newStatus)]))
            }
            line()
        }
        line("*\(m(say(.disclaimer)))*")
        return Typesetting.markdown(out, language: content.language)
    }
}

// The Markdown reports' escaping and table rows.
private func m(_ text: String) -> String { MarkdownReporter.m(text) }
private func code(_ text: String) -> String { MarkdownReporter.code(text) }
private func row(_ cells: [String]) -> String { MarkdownReporter.row(cells) }
