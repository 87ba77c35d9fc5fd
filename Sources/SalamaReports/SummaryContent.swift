import SalamaEvaluation
import SalamaModel

/// What the human reports of `salama summary` show, worded in one language: built once here,
/// then laid out (and escaped) by the text, Markdown and HTML reporters, as `ReportContent` is
/// for one evaluation.
///
/// Every string is plain text taken from the files or from the localization table; none is
/// escaped yet.
struct SummaryContent: Sendable {
    /// How many findings the human formats list when `--top` is not given.
    static let defaultTop = 15

    /// One certification level: how many are ready for it, and whose required level it is.
    struct TargetLine: Sendable {
        var id: String
        var title: String
        var ready: Int
        var notReady: Int
        var requiredOf: Int
        /// Ready ÷ assessments and required-of ÷ assessments, in percent.
        var readyPercent: Double
        var requiredPercent: Double
        var readyText: String
        var chartLabel: String
    }

    /// One requirement open somewhere: a line of the workshop agenda.
    struct FindingLine: Sendable {
        var id: String
        var title: String
        var severity: Severity
        var severityTag: String
        var open: Int
        var applicable: Int
        /// Open ÷ applicable in percent (one decimal), and in words.
        var percent: Double
        var countText: String
        var shareText: String
    }

    /// The aggregate of the whole set, or of one group of it.
    struct Aggregate: Sendable {
        /// The group's value (a province, a product); nil for the whole set.
        var value: String?
        var assessments: Int
        var heading: String
        var targets: [TargetLine]
        var findings: [FindingLine]
        /// Open requirements in all (the findings list may show fewer), and the words saying so.
        var findingCount: Int
        var findingsNote: String?
        var sections: [ReportContent.SectionLine]
    }

    struct InvalidLine: Sendable {
        var file: String
        var error: String
    }

    var language: Language
    var say: Localizer
    var title: String
    var checklistTitle: String
    var checklistID: String
    var checklistVersion: String
    var checklistSHA256: String
    var headline: String
    var invalid: [InvalidLine]
    var total: Aggregate
    /// The heading of the groups ("Par province"), nil without `--by`.
    var groupsTitle: String?
    var groups: [Aggregate]

    /// Builds the content of `report` in `language`, listing the `top` most frequent findings
    /// (`defaultTop` when nil).
    init(_ report: SummaryReport, language: Language, top: Int?) {
        let say = Localizer(language)
        let checklist = report.summary.checklist
        let lang = language.rawValue
        func text(_ localized: LocalizedText) -> String { ReportContent.inline(checklist.text(localized, in: lang)) }
        let top = top ?? Self.defaultTop

        func aggregate(_ summary: Summary, value: String?) -> Aggregate {
            let total = summary.assessments
            func percent(_ part: Int) -> Double { total > 0 ? rounded(100 * Double(part) / Double(total), decimals: 1) : 0 }
            let targets = summary.targets.map { count in
                TargetLine(
                    id: count.target.id, title: text(count.target.title), ready: count.ready, notReady: count.notReady,
                    requiredOf: count.requiredOf, readyPercent: percent(count.ready), requiredPercent: percent(count.requiredOf),
                    readyText: say.fraction(count.ready, of: total),
                    chartLabel: say.readiness(ready: count.ready, of: total, requiredOf: count.requiredOf))
            }
            let findings = summary.findings.prefix(top).map { finding in
                let percent = rounded(100 * rounded(finding.share, decimals: 3), decimals: 1)
                return FindingLine(
                    id: finding.requirement.id, title: text(finding.requirement.title), severity: finding.requirement.severity,
                    severityTag: say.severityTag(finding.requirement.severity), open: finding.open, applicable: finding.applicable,
                    percent: percent, countText: say.fraction(finding.open, of: finding.applicable), shareText: say.percent(percent))
            }
            let sections = summary.sections.map { share in
                let percent = share.pairs > 0 ? rounded(100 * rounded(share.compliance, decimals: 3), decimals: 1) : nil
                return ReportContent.SectionLine(
                    id: share.section.id, title: text(share.section.title), applicable: share.pairs, compliant: share.compliant,
                    percent: percent, percentText: percent.map(say.percent), fractionText: say.fraction(share.compliant, of: share.pairs),
                    openText: say.fraction(share.pairs - share.compliant, of: share.pairs))
            }
            let note = findings.count < summary.findings.count ? say.topOf(findings.count, total: summary.findings.count) : nil
            return Aggregate(
                value: value.map(ReportContent.inline), assessments: total,
                heading: value.map { say.group(ReportContent.inline($0), assessments: total) } ?? say.assessments(total),
                targets: targets, findings: Array(findings), findingCount: summary.findings.count, findingsNote: note,
                sections: sections)
        }

        self.language = language
        self.say = say
        title = say(.summaryReport)
        checklistTitle = text(checklist.title)
        checklistID = checklist.id
        checklistVersion = checklist.version
        checklistSHA256 = checklist.sha256
        headline = say.summaryHeadline(assessments: report.summary.assessments, invalid: report.invalid.count)
        invalid = report.invalid.map { InvalidLine(file: $0.file, error: ReportContent.inline($0.error)) }
        total = aggregate(report.summary, value: nil)
        groupsTitle = report.grouping.map { $0 == .province ? say(.byProvince) : say(.byProduct) }
        groups = report.groups.map { aggregate($0.summary, value: $0.value) }
    }
}
