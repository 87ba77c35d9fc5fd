public import SalamaEvaluation

/// `salama summary --format markdown`: the aggregate for a wiki or a workshop handout, in the
/// order of the HTML summary (GitHub-flavoured tables, text bars). Every text from a file is
/// escaped, so that it shows literally.
public struct SummaryMarkdownReporter: SummaryReporter {
    public static let identifier = "markdown"

    public init() {}

    public func report(_ report: SummaryReport, options: SummaryReportOptions) -> String {
        let language = options.language(for: report)
        let content = SummaryContent(report, language: language, top: options.top)
        let say = content.say
        var out = ""
        func line(_ text: String = "") { out += text + "\n" }

        line("# \(m(content.title)) — \(m(content.checklistTitle))")
        line()
        line("- **\(m(say.lead(say(.checklist))))** \(say.list([code(content.checklistID), "\(m(say(.version))) \(m(content.checklistVersion))"]))")
        line("- **\(m(say.lead(say(.sha256))))** \(code(content.checklistSHA256))")
        line()
        line("> **\(m(content.headline))**")
        line()
        if !content.invalid.isEmpty {
            line("## \(m(say(.invalidFiles)))")
            line()
            line(row([say(.file), say(.error)].map(m)))
            line("| --- | --- |")
            for invalid in content.invalid { line(row([code(invalid.file), code(invalid.error)])) }
            line()
        }
        Self.aggregate(content.total, say: say, level: "##").forEach { line($0) }
        Self.cooperatives(content.total, say: say, level: "##").forEach { line($0) }
        if !content.superseded.isEmpty {
            line("## \(m(say(.superseded)))")
            line()
            content.superseded.forEach { line("- \(code($0))") }
            line()
        }
        if let groupsTitle = content.groupsTitle {
            line("## \(m(groupsTitle))")
            line()
            for group in content.groups {
                line("### \(m(group.heading))")
                line()
                Self.aggregate(group, say: say, level: "####").forEach { line($0) }
            }
        }
        line("*\(m(say(.disclaimer)))*")
        return Typesetting.markdown(out, language: content.language)
    }

    /// Readiness, agenda and compliance of one aggregate under headings of `level`.
    static func aggregate(_ aggregate: SummaryContent.Aggregate, say: Localizer, level: String) -> [String] {
        var lines = ["\(level) \(m(say(.readiness)))", ""]
        lines.append(row([say(.level), say(.readyCount), say(.notReadyCount), say(.incompleteCount), say(.requiredOf)].map(m)))
        lines.append("| --- | --- | ---: | ---: | ---: |")
        for target in aggregate.targets {
            lines.append(row(["**\(m(target.title))**", "`\(TextBar.draw(target.readyPercent, threshold: target.requiredPercent))` \(m(target.readyText))",
                              String(target.notReady), String(target.incomplete), String(target.requiredOf)]))
        }
        lines += ["", "\(level) \(m(say(.workshopAgenda)))", ""]
        if let note = aggregate.findingsNote { lines += ["*\(m(note))*", ""] }
        if aggregate.findings.isEmpty {
            lines += [m(say(.noFindings)), ""]
        } else {
            lines.append(row(["#", say(.requirement), say(.severity), say(.openOfApplicable), say(.share)].map(m)))
            lines.append("| ---: | --- | --- | ---: | ---: |")
            for (index, finding) in aggregate.findings.enumerated() {
                let blocking = finding.blockingText.map { " — **\(m($0))**" } ?? ""
                lines.append(row([String(index + 1), "\(code(finding.id)) \(m(finding.title))\(blocking)", m(finding.severityTag),
                                  m(finding.countText), m(finding.shareText)]))
            }
            lines.append("")
        }
        lines += ["\(level) \(m(say(.complianceBySection)))", ""]
        lines.append(row([say(.section), say(.answers), say(.compliant), say(.compliance)].map(m)))
        lines.append("| --- | ---: | ---: | --- |")
        for section in aggregate.sections {
            let share = section.percent.map { "`\(TextBar.draw($0, cells: 10))` \(m(section.percentText ?? ""))" } ?? dash
            lines.append(row([m(section.title), String(section.applicable), String(section.compliant), share]))
        }
        return lines + [""]
    }

    /// One row per cooperative: its required level's verdict, score and open gaps.
    static func cooperatives(_ aggregate: SummaryContent.Aggregate, say: Localizer, level: String) -> [String] {
        var lines = ["\(level) \(m(say(.cooperatives)))", ""]
        lines.append(row([say(.cooperative), say(.province), say(.required), say(.verdict), say(.score), say(.openGaps), say(.assessedOfApplicable)].map(m)))
        lines.append("| --- | --- | --- | --- | ---: | --- | ---: |")
        for cooperative in aggregate.cooperatives {
            lines.append(row(["\(m(cooperative.name)) \(code(cooperative.id))", m(cooperative.province), m(cooperative.required),
                              MarkdownReporter.mark(cooperative.verdictKind) + m(cooperative.verdict), m(cooperative.scoreText),
                              m(cooperative.openText), m(cooperative.assessedText)]))
        }
        return lines + [""]
    }

}

// The Markdown reports' escaping and table rows.
private let dash = MarkdownReporter.dash
private func m(_ text: String) -> String { MarkdownReporter.m(text) }
private func code(_ text: String) -> String { MarkdownReporter.code(text) }
private func row(_ cells: [String]) -> String { MarkdownReporter.row(cells) }
