import SalamaEvaluation
import SalamaModel
import SalamaXML

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
        var incomplete: Int
        var requiredOf: Int
        /// Ready ÷ cooperatives and required-of ÷ cooperatives, in percent.
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
        var assessed: Int
        /// Open ÷ assessed in percent (one decimal), and in words.
        var percent: Double
        var countText: String
        var shareText: String
        /// How many cooperatives it keeps from their required level, in words; nil for none.
        var blockingText: String?
    }

    /// One cooperative as its latest assessment leaves it, for its required level.
    struct CooperativeLine: Sendable {
        var id: String
        var name: String
        var province: String
        var file: String
        var date: String
        var kind: String
        var required: String
        var verdictKind: Verdict
        var verdict: String
        var scoreText: String
        var openText: String
        var assessedText: String
    }

    /// The aggregate of the whole set, or of one group of it.
    struct Aggregate: Sendable {
        /// The group's value (a province, a product); nil for the whole set.
        var value: String?
        var assessments: Int
        var cooperativeCount: Int
        var heading: String
        var targets: [TargetLine]
        var findings: [FindingLine]
        /// Open requirements in all (the findings list may show fewer), and the words saying so.
        var findingCount: Int
        var findingsNote: String?
        var sections: [ReportContent.SectionLine]
        var cooperatives: [CooperativeLine]
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
    var superseded: [String]
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

        let targetTitles = Dictionary(checklist.targets.map { ($0.id, text($0.title)) }, uniquingKeysWith: { first, _ in first })
        func aggregate(_ summary: Summary, value: String?) -> Aggregate {
            let total = summary.cooperativeCount
            func percent(_ part: Int) -> Double { total > 0 ? rounded(100 * Double(part) / Double(total), decimals: 1) : 0 }
            let targets = summary.targets.map { count in
                TargetLine(
                    id: count.target.id, title: text(count.target.title), ready: count.ready, notReady: count.notReady,
                    incomplete: count.incomplete,
                    requiredOf: count.requiredOf, readyPercent: percent(count.ready), requiredPercent: percent(count.requiredOf),
                    readyText: say.fraction(count.ready, of: total),
                    chartLabel: say.readiness(ready: count.ready, of: total, requiredOf: count.requiredOf))
            }
            // The agenda leads with what keeps cooperatives from their required level (most
            // cooperatives first), then the rest, each part in the order of frequency.
            let ordered = summary.findings.enumerated().sorted { a, b in
                let aBlocks = a.element.blockingRequired, bBlocks = b.element.blockingRequired
                if (aBlocks > 0) != (bBlocks > 0) { return aBlocks > 0 }
                if aBlocks != bBlocks { return aBlocks > bBlocks }
                return a.offset < b.offset
            }.map(\.element)
            let findings = ordered.prefix(top).map { finding in
                let percent = rounded(100 * rounded(finding.share, decimals: 3), decimals: 1)
                return FindingLine(
                    id: finding.requirement.id, title: text(finding.requirement.title), severity: finding.requirement.severity,
                    severityTag: say.severityTag(finding.requirement.severity), open: finding.open, applicable: finding.applicable,
                    assessed: finding.assessed,
                    percent: percent, countText: say.fraction(finding.open, of: finding.assessed), shareText: say.percent(percent),
                    blockingText: finding.blockingRequired > 0 ? say.blocksRequired(finding.blockingRequired) : nil)
            }
            let sections = summary.sections.map { share in
                let percent = share.compliance.map { rounded(100 * rounded($0, decimals: 3), decimals: 1) }
                return ReportContent.SectionLine(
                    id: share.section.id, title: text(share.section.title), applicable: share.pairs, compliant: share.compliant,
                    percent: percent, percentText: percent.map(say.percent), fractionText: say.fraction(share.compliant, of: share.pairs),
                    openText: say.fraction(share.pairs - share.compliant, of: share.pairs))
            }
            let note = findings.count < summary.findings.count ? say.topOf(findings.count, total: summary.findings.count) : nil
            let cooperatives = summary.cooperatives.map { line in
                let required = line.required
                return CooperativeLine(
                    id: line.assessed.cooperative.id, name: ReportContent.inline(line.assessed.cooperative.name),
                    province: ReportContent.inline(line.assessed.cooperative.province), file: line.assessed.path,
                    date: line.assessed.date.description, kind: say.kind(line.assessed.kind),
                    required: targetTitles[required.targetID] ?? required.targetID,
                    verdictKind: required.verdict, verdict: say.verdict(required.verdict), scoreText: say.score(required.displayedScore),
                    openText: say.openCounts(required.open), assessedText: say.fraction(required.assessed, of: required.applicable))
            }
            return Aggregate(
                value: value.map(ReportContent.inline), assessments: summary.assessments, cooperativeCount: total,
                heading: value.map { say.group(ReportContent.inline($0), cooperatives: total) } ?? say.cooperatives(total),
                targets: targets, findings: Array(findings), findingCount: summary.findings.count, findingsNote: note,
                sections: sections, cooperatives: cooperatives)
        }

        self.language = language
        self.say = say
        title = say(.summaryReport)
        checklistTitle = text(checklist.title)
        checklistID = checklist.id
        checklistVersion = checklist.version
        checklistSHA256 = checklist.sha256
        headline = say.summaryHeadline(cooperatives: report.summary.cooperativeCount, assessments: report.summary.assessments,
                                       superseded: report.superseded.count, invalid: report.invalid.count)
        invalid = report.invalid.map { InvalidLine(file: $0.file, error: ReportContent.inline($0.error(in: language))) }
        superseded = report.superseded
        total = aggregate(report.summary, value: nil)
        groupsTitle = report.grouping.map { $0 == .province ? say(.byProvince) : say(.byProduct) }
        // A product group is headed by the product's title, a province by its name as written.
        groups = report.groups.map { group in
            aggregate(group.summary, value: report.grouping == .product ? checklist.title(ofTerm: group.value, kind: .product, in: lang) : group.value)
        }
    }
}
