public import SalamaEvaluation
public import SalamaModel

/// The JSON result of the contract's section 4: one object per assessment, an array when
/// several are checked at once.
public struct JSONReporter: Reporter {
    public static let identifier = "json"

    public init() {}

    public func report(_ evaluations: [Evaluation], options: ReportOptions) -> String {
        let values = evaluations.map(Self.value(of:))
        return (values.count == 1 ? values[0] : .array(values)).serialized() + "\n"
    }

    /// The contract's object for one evaluation, keys in the contract's order.
    public static func value(of evaluation: Evaluation) -> JSONValue {
        let assessment = evaluation.assessment
        return .object([
            ("checklist", checklistValue(evaluation.checklist)),
            ("assessment", .object([
                ("file", .string(assessment.path)),
                ("date", .string(assessment.date.description)),
                ("kind", .string(assessment.kind.rawValue)),
                ("cooperative", .object([
                    ("id", .string(assessment.cooperative.id)),
                    ("name", .string(assessment.cooperative.name)),
                ])),
            ])),
            ("targets", .array(evaluation.targets.map(targetValue))),
            ("findings", .array(evaluation.findings.map(findingValue))),
            ("unassessed", .array(evaluation.unassessed.map { .string($0.requirement.id) })),
            ("exempted", .array(evaluation.exempted.map { .string($0.requirement.id) })),
            ("warnings", .array(evaluation.warnings.map(warningValue))),
        ])
    }

    public static func checklistValue(_ checklist: Checklist) -> JSONValue {
        .object([("id", .string(checklist.id)), ("version", .string(checklist.version)), ("sha256", .string(checklist.sha256))])
    }

    static func targetValue(_ result: TargetResult) -> JSONValue {
        .object([
            ("id", .string(result.target.id)),
            ("level", .int(result.target.level)),
            ("required", .bool(result.required)),
        ] + resultMembers(result.outcome) + [
            ("blockers", .array(result.blockers.map { .string($0.rawValue) })),
        ])
    }

    /// A target's result as both the check and the summary JSON give it, in the contract's key
    /// order: `score`, `verdict` in the check's targets, `verdict`, `score` in the summary's
    /// cooperatives, then `open`, `assessed`, `applicable`.
    static func resultMembers(_ result: TargetOutcome, scoreFirst: Bool = true) -> [(String, JSONValue)] {
        let score: (String, JSONValue) = ("score", result.reportedScore.map(JSONValue.number) ?? .null)
        let verdict: (String, JSONValue) = ("verdict", .string(result.verdict.rawValue))
        return (scoreFirst ? [score, verdict] : [verdict, score]) + [
            ("open", .object([
                ("critical", .int(result.open.critical)),
                ("major", .int(result.open.major)),
                ("minor", .int(result.open.minor)),
            ])),
            ("assessed", .int(result.assessed)),
            ("applicable", .int(result.applicable)),
        ]
    }

    static func findingValue(_ finding: RequirementResult) -> JSONValue {
        .object([
            ("requirement", .string(finding.requirement.id)),
            ("section", .string(finding.section)),
            ("severity", .string(finding.requirement.severity.rawValue)),
            ("target", .string(finding.requirement.target)),
            ("declared", .string(finding.declared?.rawValue)),
            ("status", .string(finding.status.rawValue)),
            ("reasons", .array(finding.reasons.map(reasonValue))),
        ])
    }

    static func reasonValue(_ reason: Reason) -> JSONValue {
        var members: [(String, JSONValue)] = [("code", .string(reason.code))]
        switch reason {
        case .declaredNotApplicableButApplies:
            break
        case let .measureOutOfRange(measure, value, min, max):
            members.append(("measure", .string(measure)))
            members.append(("value", .number(value)))
            if let min { members.append(("min", .number(min))) }
            if let max { members.append(("max", .number(max))) }
        case .measureMissing(let measure):
            members.append(("measure", .string(measure)))
        case .evidenceMissing(let evidence):
            members.append(("evidence", .string(evidence)))
        case let .evidenceExpired(evidence, date, _), let .evidenceFutureDated(evidence, date):
            members.append(("evidence", .string(evidence)))
            members.append(("date", .string(date.description)))
        }
        return .object(members)
    }

    static func warningValue(_ warning: AssessmentWarning) -> JSONValue {
        var members: [(String, JSONValue)] = [("code", .string(warning.code))]
        switch warning {
        case let .unknownRequirement(ref, suggestion, _):
            members.append(("ref", .string(ref)))
            members.append(("suggestion", .string(suggestion)))
        case let .notApplicableAnswer(ref, _):
            members.append(("ref", .string(ref)))
        case let .unknownEvidence(ref, item, _), let .unknownMeasure(ref, item, _):
            members.append(("ref", .string(ref)))
            members.append(("item", .string(item)))
        case let .checklistVersionMismatch(assessment, checklist, _):
            members.append(("assessment-version", .string(assessment)))
            members.append(("checklist-version", .string(checklist)))
        }
        return .object(members)
    }
}
