public import SalamaEvaluation

/// A report format of `salama compare`. One type per format.
public protocol CompareReporter: Sendable {
    static var identifier: String { get }
    func report(_ comparison: Comparison, options: ReportOptions) -> String
}

/// `salama compare --format json`: score and verdict changes per target, findings closed, new
/// and still open, and the disagreements between a self-assessment and an inspection.
public struct CompareJSONReporter: CompareReporter {
    public static let identifier = "json"

    public init() {}

    public func report(_ comparison: Comparison, options: ReportOptions) -> String {
        func side(_ evaluation: Evaluation) -> JSONValue {
            .object([
                ("file", .string(evaluation.assessment.path)),
                ("date", .string(evaluation.assessment.date.description)),
                ("kind", .string(evaluation.assessment.kind.rawValue)),
            ])
        }
        func ids(_ pairs: [Comparison.RequirementPair]) -> JSONValue {
            .array(pairs.map { pair in
                .object([
                    ("requirement", .string(pair.requirement.id)),
                    ("severity", .string(pair.requirement.severity.rawValue)),
                    ("old-status", .string(pair.old.applicable ? pair.old.status.rawValue : "not-applicable")),
                    ("new-status", .string(pair.new.applicable ? pair.new.status.rawValue : "not-applicable")),
                ])
            })
        }
        let cooperative = comparison.new.assessment.cooperative
        let value = JSONValue.object([
            ("checklist", JSONReporter.checklistValue(comparison.new.checklist)),
            ("cooperative", .object([("id", .string(cooperative.id)), ("name", .string(cooperative.name))])),
            ("old", side(comparison.old)),
            ("new", side(comparison.new)),
            ("targets", .array(comparison.targets.map { change in
                .object([
                    ("id", .string(change.target.id)),
                    ("old-score", change.old.reportedScore.map(JSONValue.number) ?? .null),
                    ("new-score", change.new.reportedScore.map(JSONValue.number) ?? .null),
                    ("change", change.scoreChange.map(JSONValue.number) ?? .null),
                    ("old-verdict", .string(change.old.verdict.rawValue)),
                    ("new-verdict", .string(change.new.verdict.rawValue)),
                ])
            })),
            ("closed", ids(comparison.closed)),
            ("opened", ids(comparison.opened)),
            ("still-open", ids(comparison.stillOpen)),
            ("disagreements", .array(comparison.disagreements.map { disagreement in
                .object([
                    ("requirement", .string(disagreement.requirement.id)),
                    ("severity", .string(disagreement.requirement.severity.rawValue)),
                    ("direction", .string(disagreement.direction.rawValue)),
                    ("self-declared", .string(disagreement.selfAssessment.declared?.rawValue)),
                    ("inspection-declared", .string(disagreement.inspection.declared?.rawValue)),
                    ("inspection-status", .string(disagreement.inspection.status.rawValue)),
                ])
            })),
        ])
        return value.serialized() + "\n"
    }
}
