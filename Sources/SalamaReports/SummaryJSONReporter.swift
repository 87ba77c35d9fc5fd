public import SalamaEvaluation
public import SalamaXML

/// The summary JSON of the contract's section 5. With `--by`, a `groups` member follows with
/// the same aggregate per province or product.
public struct SummaryJSONReporter: SummaryReporter {
    public static let identifier = "json"

    public init() {}

    public func report(_ report: SummaryReport, options: SummaryReportOptions) -> String {
        var text = ""
        write(report, options: options) { text += $0 }
        return text
    }

    /// The JSON in pieces as it is made: the cooperatives' table of a large summary is never
    /// held whole, as values or as text.
    public func write(_ report: SummaryReport, options: SummaryReportOptions, to emit: (String) -> Void) {
        var members = [
            ("checklist", JSONReporter.checklistValue(report.summary.checklist)),
            ("assessments", JSONValue.int(report.summary.assessments)),
            ("invalid", .array(report.invalid.map { .object([("file", .string($0.file)), ("error", .string($0.error))]) })),
            ("superseded", .array(report.superseded.map { .string($0) })),
        ]
        members += Self.aggregate(report.summary, top: options.top)
        if let grouping = report.grouping {
            members.append(("groups", .object([
                ("by", .string(grouping.rawValue)),
                ("values", .array(report.groups.map { group in
                    .object([("value", .string(group.value)), ("assessments", .int(group.summary.assessments))]
                            + Self.aggregate(group.summary, top: options.top))
                })),
            ])))
        }
        JSONValue.object(members).serialize(emit)
        emit("\n")
    }

    static func aggregate(_ summary: Summary, top: Int?) -> [(String, JSONValue)] {
        [
            ("targets", .array(summary.targets.map { count in
                .object([
                    ("id", .string(count.target.id)),
                    ("level", .int(count.target.level)),
                    ("ready", .int(count.ready)),
                    ("not-ready", .int(count.notReady)),
                    ("incomplete", .int(count.incomplete)),
                    ("required-of", .int(count.requiredOf)),
                ])
            })),
            ("findings", .array(summary.findings.prefix(top ?? .max).map { finding in
                .object([
                    ("requirement", .string(finding.requirement.id)),
                    ("severity", .string(finding.requirement.severity.rawValue)),
                    ("applicable", .int(finding.applicable)),
                    ("assessed", .int(finding.assessed)),
                    ("open", .int(finding.open)),
                    ("share", .number(rounded(finding.share, decimals: 3))),
                ])
            })),
            ("sections", .array(summary.sections.map { section in
                .object([("id", .string(section.section.id)),
                         ("compliance", section.compliance.map { .number(rounded($0, decimals: 3)) } ?? .null)])
            })),
            ("cooperatives", .generated(count: summary.cooperatives.count) { index in
                let line = summary.cooperatives[index]
                let cooperative = line.assessed.cooperative, required = line.required
                return .object([
                    ("id", .string(cooperative.id)),
                    ("name", .string(cooperative.name)),
                    ("province", .string(cooperative.province)),
                    ("file", .string(line.assessed.path)),
                    ("date", .string(line.assessed.date.description)),
                    ("kind", .string(line.assessed.kind.rawValue)),
                    ("required", .string(required.targetID)),
                ] + JSONReporter.resultMembers(required, scoreFirst: false))
            }),
        ]
    }
}

/// Rounds half away from zero to `decimals` places, as the contract's figures are reported.
func rounded(_ value: Double, decimals: Int) -> Double {
    let scale = (0..<decimals).reduce(1.0) { result, _ in result * 10 }
    return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
}

/// Options of `salama summary`'s reports.
public struct SummaryReportOptions: Sendable {
    /// The language of labels and checklist texts; nil means the checklist's own language.
    public var language: Language?
    /// How many of the most frequent findings to list; nil lists them all.
    public var top: Int?

    public init(language: Language? = nil, top: Int? = nil) {
        self.language = language
        self.top = top
    }

    /// The language of a report: the requested one, else the checklist's.
    public func language(for report: SummaryReport) -> Language {
        language ?? Language(checklistLanguage: report.summary.checklist.language)
    }
}

/// A report format of `salama summary`. One type per format.
public protocol SummaryReporter: Sendable {
    static var identifier: String { get }
    func report(_ report: SummaryReport, options: SummaryReportOptions) -> String
    /// The report handed to `emit` in one or more pieces, in order.
    func write(_ report: SummaryReport, options: SummaryReportOptions, to emit: (String) -> Void)
}

extension SummaryReporter {
    public func write(_ report: SummaryReport, options: SummaryReportOptions, to emit: (String) -> Void) {
        emit(self.report(report, options: options))
    }
}
