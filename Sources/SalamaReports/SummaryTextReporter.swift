public import SalamaEvaluation

/// `salama summary --format text`: the aggregate for a trainer's terminal. The headline, the
/// invalid files with their first error, readiness per level with a text bar, the workshop agenda
/// (the most frequent open findings), compliance by section, then the same per group with `--by`.
public struct SummaryTextReporter: SummaryReporter {
    public static let identifier = "text"

    public init() {}

    public func report(_ report: SummaryReport, options: SummaryReportOptions) -> String {
        let language = options.language(for: report)
        let content = SummaryContent(report, language: language, top: options.top)
        let say = content.say
        var out = ""
        func line(_ text: String = "") { out += text + "\n" }

        line("\(content.title) — \(content.checklistTitle)")
        line(say.labelled(say(.checklist), "\(content.checklistID) \(content.checklistVersion)"))
        line(content.headline)
        line()
        if !content.invalid.isEmpty {
            line("\(say(.invalidFiles)) (\(content.invalid.count))")
            for invalid in content.invalid { line("  " + invalid.error) }
            line()
        }
        Self.aggregate(content.total, say: say, indent: "").forEach { line($0) }
        Self.cooperatives(content.total, say: say).forEach { line($0) }
        if !content.superseded.isEmpty {
            line("\(say(.superseded)) (\(content.superseded.count))")
            for file in content.superseded { line("  " + file) }
            line()
        }
        if let groupsTitle = content.groupsTitle {
            for group in content.groups {
                line(say.labelled(groupsTitle, group.heading))
                Self.aggregate(group, say: say, indent: "  ").forEach { line($0) }
            }
        }
        return TerminalStyle(enabled: false).finish(Typesetting.text(out, language: content.language))
    }

    /// Readiness, agenda and compliance of one aggregate, each block followed by an empty line.
    static func aggregate(_ aggregate: SummaryContent.Aggregate, say: Localizer, indent: String) -> [String] {
        var lines = [indent + say(.readiness)]
        let countWidth = aggregate.targets.map(\.readyText.count).max() ?? 0
        for target in aggregate.targets {
            let counts = say.list([say.labelled(say(.readyCount), String(target.ready)), say.labelled(say(.notReadyCount), String(target.notReady)),
                                   say.labelled(say(.incompleteCount), String(target.incomplete)), say.labelled(say(.requiredOf), String(target.requiredOf))])
            lines.append("\(indent)  \(TextBar.draw(target.readyPercent, threshold: target.requiredPercent)) \(padded(target.readyText, countWidth))  \(target.title) — \(counts)")
        }
        lines.append("")

        var agenda = indent + say(.workshopAgenda)
        if let note = aggregate.findingsNote { agenda += " (\(note))" }
        lines.append(agenda)
        if aggregate.findings.isEmpty { lines.append(indent + "  " + say(.noFindings)) }
        let idWidth = aggregate.findings.map(\.id.count).max() ?? 0
        let tagWidth = aggregate.findings.map(\.severityTag.count).max() ?? 0
        let fractionWidth = aggregate.findings.map(\.countText.count).max() ?? 0
        let shareWidth = aggregate.findings.map(\.shareText.count).max() ?? 0
        for (index, finding) in aggregate.findings.enumerated() {
            lines.append("\(indent)  \(padded(String(index + 1), String(aggregate.findings.count).count)). \(finding.id.leftAligned(idWidth))  "
                + "\(finding.severityTag.leftAligned(tagWidth))  \(padded(finding.countText, fractionWidth))  \(padded(finding.shareText, shareWidth))  \(finding.title)"
                + (finding.blockingText.map { " — \($0)" } ?? ""))
        }
        lines.append("")

        lines.append(indent + say(.complianceBySection))
        let percentWidth = aggregate.sections.map { ($0.percentText ?? "—").count }.max() ?? 0
        for section in aggregate.sections {
            let bar = section.percent.map { TextBar.draw($0, cells: 10) } ?? String(repeating: " ", count: 10)
            lines.append("\(indent)  \(bar) \(padded(section.percentText ?? "—", percentWidth))  (\(section.fractionText))  \(section.title)")
        }
        lines.append("")
        return lines
    }

    /// One line per cooperative: its required level's verdict, score and open gaps.
    static func cooperatives(_ aggregate: SummaryContent.Aggregate, say: Localizer) -> [String] {
        var lines = [say(.cooperatives)]
        let idWidth = aggregate.cooperatives.map(\.id.count).max() ?? 0
        for cooperative in aggregate.cooperatives {
            lines.append("  \(cooperative.id.leftAligned(idWidth))  \(cooperative.name) (\(cooperative.province)) — \(say.lead(cooperative.required)) "
                + "\(cooperative.verdict), \(cooperative.scoreText), \(cooperative.openText) · \(say(.assessedOfApplicable)) \(cooperative.assessedText)")
        }
        return lines + [""]
    }

    /// `text` right-aligned in `width` characters (numbers in a column).
    static func padded(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

extension String {
    /// The string left-aligned in `width` characters.
    func leftAligned(_ width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
