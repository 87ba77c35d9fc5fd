public import SalamaModel
public import SalamaXML

/// The outcome of checking one assessment file.
public enum CheckOutcome: Sendable {
    /// Evaluated; `diagnostics` holds the warnings met on the way.
    case evaluated(Evaluation, diagnostics: [Diagnostic])
    /// Not evaluated: the file or its checklist is invalid.
    case invalid(path: String, diagnostics: [Diagnostic])

    public var diagnostics: [Diagnostic] {
        switch self {
        case .evaluated(_, let diagnostics), .invalid(_, let diagnostics): diagnostics
        }
    }

    public var evaluation: Evaluation? {
        if case .evaluated(let evaluation, _) = self { evaluation } else { nil }
    }
}

/// Loads assessments, finds their checklists and evaluates them; one bad file never stops
/// the others.
public struct CheckRun: Sendable {
    public typealias AssessmentLoading = @Sendable (String) throws(InvalidInputError) -> Loaded<Assessment>

    public let catalog: ChecklistCatalog
    let loadAssessment: AssessmentLoading
    private let evaluators = EvaluatorCache()

    public init(catalog: ChecklistCatalog, loadAssessment: @escaping AssessmentLoading = { path throws(InvalidInputError) in try AssessmentLoader.load(path: path) }) {
        self.catalog = catalog
        self.loadAssessment = loadAssessment
    }

    /// Checks one assessment file.
    public func check(_ path: String) -> CheckOutcome {
        do {
            let (assessment, evaluator) = try prepare(path)
            let evaluation = evaluator.evaluate(assessment.value)
            let warnings = assessment.warnings + evaluation.warnings.map(\.diagnostic)
            return .evaluated(evaluation, diagnostics: warnings.sortedForDisplay())
        } catch {
            return .invalid(path: path, diagnostics: error.diagnostics)
        }
    }

    /// The verdicts on one assessment file, for a summary: whose assessment it is and what the
    /// rules make of its answers, or why the file is invalid.
    public func verdicts(_ path: String) -> Result<(AssessedCooperative, Verdicts), InvalidInputError> {
        Result { () throws(InvalidInputError) in
            let (loaded, evaluator) = try prepare(path)
            let assessment = loaded.value
            // A summary keeps this for every cooperative: not where each product was written.
            var cooperative = assessment.cooperative
            cooperative.productLocations = []
            cooperative.activityLocations = []
            return (AssessedCooperative(cooperative: cooperative, date: assessment.date, kind: assessment.kind, path: assessment.path),
                    evaluator.verdicts(assessment))
        }
    }

    /// Loads an assessment and the evaluator of its checklist.
    private func prepare(_ path: String) throws(InvalidInputError) -> (Loaded<Assessment>, Evaluator) {
        let assessment = try loadAssessment(path)
        let checklist = try catalog.checklist(for: assessment.value.checklistID)
        let errors = AssessmentCheck.errors(assessment.value, checklist.value)
        if !errors.isEmpty {
            throw InvalidInputError((errors + assessment.warnings).sortedForDisplay())
        }
        return (assessment, evaluators.evaluator(for: checklist.value))
    }

    /// The prepared evaluator of a checklist, made once.
    public func evaluator(for checklist: Checklist) -> Evaluator {
        evaluators.evaluator(for: checklist)
    }
}

import Foundation

private final class EvaluatorCache: @unchecked Sendable {
    private let lock = NSLock()
    private var evaluators: [String: Evaluator] = [:]

    func evaluator(for checklist: Checklist) -> Evaluator {
        // The catalog loads each path once, so a path names one checklist for the whole run.
        let key = checklist.path
        lock.lock()
        defer { lock.unlock() }
        if let evaluator = evaluators[key] { return evaluator }
        let evaluator = Evaluator(checklist)
        evaluators[key] = evaluator
        return evaluator
    }
}
