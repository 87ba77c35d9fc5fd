public import SalamaEvaluation

/// The report of `salama check --format markdown`, for a wiki, an issue or a document to
/// convert: the same content and order as the HTML report (GitHub-flavoured tables, text bars
/// instead of pictures). Every text from a file is escaped, so that it shows literally.
public struct MarkdownReporter: Reporter {
    public static let identifier = "markdown"

    public init() {}

    public func report(_ evaluations: [Evaluation], options: ReportOptions) -> String {
        evaluations
            .map { Self.report(ReportContent($0, language: options.language(for: $0), audit: options.audit)) }
            .joined(separator: "\n---\n\n")
    }

    static func report(_ content: ReportContent) -> String {
        let say = content.say
        var out = ""
        func line(_ text: String = "") { out += text + "\n" }

        line("# \(m(content.title)) — \(m(content.header.cooperativeName))")
        line()
        if content.audit {
            line("*\(m(say(content.inspection ? .visitReportBasis : .selfAssessmentAuditBasis)))*")
            line()
        }
        header(content).forEach { line($0) }
        line()
        line("> **\(m(content.headline))**")
        line()
        if content.audit {
            visitReport(content).forEach { line($0) }
            line("## \(m(say(.conclusion)))")
            line()
            line("> **\(m(content.headline))**")
            line()
            targets(content).forEach { line($0) }
            line()
            signatures(content).forEach { line($0) }
            line()
            line("---")
            line()
            line("**\(m(say(.annex)))**")
            line()
        } else {
            line("## \(m(say(.targets)))")
            line()
            targets(content).forEach { line($0) }
            line()
            nextSteps(content).forEach { line($0) }
        }
        actionPlan(content).forEach { line($0) }
        setApart(content).forEach { line($0) }
        documents(content).forEach { line($0) }
        compliance(content).forEach { line($0) }
        if !content.warnings.isEmpty {
            line("## \(m(say(.warnings)))")
            line()
            content.warnings.forEach { line("- \(m($0))") }
            line()
        }
        line("*\(m(say(.disclaimer)))*")
        return Typesetting.markdown(out, language: content.language)
    }

    static func header(_ content: ReportContent) -> [String] {
        let say = content.say
        let header = content.header
        var lines: [String] = []
        func fact(_ label: Label, _ value: String) { lines.append("- **\(m(say.lead(say(label))))** \(value)") }
        fact(.identifier, code(header.cooperativeID))
        fact(.date, m(header.date))
        fact(.kind, m(header.kind))
        fact(.region, m(header.region))
        fact(.province, m(header.province))
        if let commune = header.commune { fact(.commune, m(commune)) }
        if let members = header.members { fact(.members, m(String(members))) }
        fact(.products, m(say.list(header.products)))
        if !header.activities.isEmpty { fact(.activities, m(say.list(header.activities))) }
        if let assessor = header.assessor { fact(header.assessorIsInspector ? .inspectors : .assessor, m(assessor)) }
        for (label, value) in header.visit { lines.append("- **\(m(say.lead(label)))** \(m(value))") }
        fact(.checklist, "\(m(header.checklistTitle)) (\(say.list([code(header.checklistID), "\(m(say(.version))) \(m(header.checklistVersion))"])))")
        fact(.sha256, code(header.checklistSHA256))
        if !header.samples.isEmpty {
            lines += ["", "**\(m(say(.samplesTaken)))**", "",
                      row([say(.identifier), say(.sampleProduct), say(.sampleAnalysis), say(.laboratory)].map(m)),
                      "| --- | --- | --- | --- |"]
            for sample in header.samples {
                lines.append(row([code(sample.id)] + [sample.product, sample.analysis, sample.laboratory].map { $0.map(m) ?? dash }))
            }
        }
        return lines
    }

    static func targets(_ content: ReportContent) -> [String] {
        let say = content.say
        var lines = [
            row([say(.level), say(.scoreChart), say(.score), say(.minimum), say(.verdict), say(.blockers), say(.openGaps)].map(m)),
            "| --- | --- | ---: | ---: | --- | --- | --- |",
        ]
        for target in content.targets {
            var title = "**\(m(target.title))**"
            if target.required { title += " (\(m(say(.required))))" }
            let verdict = Self.mark(target.verdictKind) + m(target.verdict)
            let blockers = target.blockers.isEmpty ? dash : m(say.list(target.blockers))
            lines.append(row([title, "`\(TextBar.draw(target.score ?? 0, threshold: target.minScore))`", m(target.scoreText),
                              m(target.minScoreText), verdict, blockers, m(target.openText)]))
        }
        let steps = content.targets.filter { !$0.steps.isEmpty }
        if !steps.isEmpty { lines.append("") }
        for target in steps {
            lines.append("- **\(m(say.lead(target.title)))** \(m(say.series(target.steps)))")
        }
        return lines
    }

    /// The mark before a verdict: ✔ ready, ✘ not ready, … incomplete.
    static func mark(_ verdict: Verdict) -> String {
        switch verdict {
        case .ready: "✔ "
        case .notReady: "✘ "
        case .incomplete: "… "
        }
    }

    /// The requirements listed apart: not assessed, and declared not applicable (1.1).
    static func setApart(_ content: ReportContent) -> [String] {
        let say = content.say
        var lines: [String] = []
        for (heading, intro, requirements) in [(say(.notAssessed), say(.notAssessedIntro), content.unassessed),
                                               (say(.statusExempted).capitalizedFirst, say(.exemptedIntro), content.exempted)] where !requirements.isEmpty {
            lines += ["## \(m(heading)) (\(requirements.count))", "", m(intro), ""]
            for requirement in requirements {
                lines.append("- \(code(requirement.id)) \(m(requirement.title)) — \(m(say.labelled(say(.neededFor), requirement.neededFor)))")
            }
            lines.append("")
        }
        return lines
    }

    static func nextSteps(_ content: ReportContent) -> [String] {
        let say = content.say
        var lines = ["## \(m(say(.nextSteps)))", ""]
        guard !content.nextSteps.isEmpty else { return lines + [m(say(.noFindings)), ""] }
        lines += [m(content.planSummary), ""]
        for (index, finding) in content.nextSteps.enumerated() {
            var details = [finding.costText]
            if let deadline = finding.deadline { details.append(say.labelled(say(.deadline), deadline)) }
            var item = "\(index + 1). \(code(finding.id)) **\(m(finding.action ?? finding.title))** (\(m(say.list([finding.severityTag] + details))))"
            if finding.action != nil { item += " — \(m(finding.title))" }
            lines.append(item)
        }
        if content.nextStepsLeft > 0 { lines += ["", m(say.moreInPlan(content.nextStepsLeft))] }
        return lines + [""]
    }

    static func actionPlan(_ content: ReportContent) -> [String] {
        let say = content.say
        var lines = ["## \(m(say(.actionPlan)))", ""]
        guard !content.plan.isEmpty else { return lines + [m(say(.noFindings)), ""] }
        lines += [m(content.planSummary), ""]
        for tier in content.plan {
            lines += ["### \(m(tier.title))", ""]
            for group in tier.groups {
                lines += ["#### \(m(group.title))", ""]
                for finding in group.findings {
                    lines.append("- \(code(finding.id)) **\(m(finding.title))**")
                    lines.append("  - \(m(say.labelled(say(.why), say.series(finding.why))))")
                    for note in finding.notes { lines.append("  - " + MarkdownEscaping.emphasis(m(say.labelled(say(.note), note)))) }
                    let action = finding.action ?? say(.noAction)
                    lines.append("  - \(m(say.labelled(say(.correctiveAction), action))) (\(m(finding.costText)))")
                    if let deadline = finding.deadline { lines.append("  - **\(m(say.labelled(say(.deadline), deadline)))**") }
                    if !finding.citations.isEmpty { lines.append("  - \(m(say.labelled(say(.citation), say.series(finding.citations))))") }
                    lines.append("  - \(m(say.labelled(say(.neededFor), finding.neededFor)))")
                }
                lines.append("")
            }
        }
        return lines
    }

    static func documents(_ content: ReportContent) -> [String] {
        let say = content.say
        var lines = ["## \(m(say(.documentsToPrepare)))", ""]
        guard !content.documents.isEmpty else { return lines + [m(say(.noDocuments)), ""] }
        lines += [m(content.documentSummary), ""]
        lines.append(row([say(.document), say(.requirement), say(.state), say(.providedFile), say(.validity)].map(m)))
        lines.append("| --- | --- | --- | --- | --- |")
        for document in content.documents {
            let provided = [document.file, document.date].compactMap { $0 }.map(m)
            lines.append(row([
                m(document.title), document.requirements.map { "\(code($0.id)) \(m($0.title))" }.joined(separator: "<br>"),
                (document.state == .present ? "✔ " : "✘ ") + m(document.stateText),
                provided.isEmpty ? dash : provided.joined(separator: "<br>"),
                (document.validity.map(m) ?? dash) + (document.expires.map { "<br>" + m(say.until($0)) } ?? ""),
            ]))
        }
        return lines + [""]
    }

    static func compliance(_ content: ReportContent) -> [String] {
        let say = content.say
        var lines = ["## \(m(say(.complianceBySection)))", ""]
        lines.append(row([say(.section), say(.applicable), say(.compliant), say(.openGaps), say(.compliance)].map(m)))
        lines.append("| --- | ---: | ---: | --- | --- |")
        for section in content.sections {
            let share = section.percent.map { "`\(TextBar.draw($0, cells: 10))` \(m(section.percentText ?? ""))" } ?? dash
            lines.append(row([m(section.title), String(section.applicable), String(section.compliant), m(section.openText), share]))
        }
        return lines + [""]
    }

    static func visitReport(_ content: ReportContent) -> [String] {
        let say = content.say
        var lines = ["## \(m(content.title))", ""]
        lines.append(row([say(.rubric), say(.conformity), say(.observations), say(.correctiveMeasures), say(.timeline)].map(m)))
        lines.append("| --- | --- | --- | --- | --- |")
        for rubric in content.rubrics {
            let findings = rubric.findings.map { finding in
                var text = "\(code(finding.id)) \(m(finding.title)) — \(m(say.series(finding.why)))"
                for note in finding.notes { text += " — " + MarkdownEscaping.emphasis(m(say.labelled(say(.note), note))) }
                return text
            }
            let measures = rubric.findings.map { "\(code($0.id)) \(m($0.action ?? say(.noAction)))" }
            let deadlines = rubric.findings.map { "\(code($0.id)) \($0.deadline.map(m) ?? dash)" }
            func cell(_ items: [String]) -> String { items.isEmpty ? dash : items.joined(separator: "<br>") }
            let conformity = rubric.conformity == .no ? "**\(m(rubric.conformityText))**" : m(rubric.conformityText)
            lines.append(row(["\(rubric.number). \(m(rubric.title))", conformity, cell(findings), cell(measures), cell(deadlines)]))
        }
        return lines + [""]
    }

    static func signatures(_ content: ReportContent) -> [String] {
        let say = content.say
        return [
            "## \(m(say(.signatures)))",
            "",
            row([say(.theInspector), say(.theRepresentative)].map(m)),
            "| --- | --- |",
            row([m(content.header.assessorIsInspector ? say.labelled(say(.nameAndCapacity), content.header.assessor ?? "") : say.lead(say(.nameAndCapacity))),
                 m(say.lead(say(.nameAndCapacity)))]),
            row([m(say.lead(say(.date))), m(say.lead(say(.date)))]),
            row([m(say.lead(say(.signature))), m(say.lead(say(.signature)))]),
        ]
    }

    // MARK: - Escaping

    /// Text escaped for Markdown.
    static func m(_ text: String) -> String { MarkdownEscaping.escape(text) }

    /// An identifier as a code span.
    static func code(_ text: String) -> String { MarkdownEscaping.code(text) }

    /// A table row of cells already escaped.
    static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }

    /// An empty cell.
    static let dash = "—"
}
