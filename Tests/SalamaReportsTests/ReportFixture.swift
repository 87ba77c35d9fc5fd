import Foundation
import SalamaEvaluation
import SalamaModel
import SalamaReports
import SalamaTestSupport
import SalamaXML

/// The report fixture of Tests/Fixtures/reports: a small checklist and assessments of it,
/// evaluated with file paths relative to the repository so that outputs do not depend on
/// where the repository lives.
enum ReportFixture {
    /// The assessments of the golden files: a self-assessment and an inspection with deadlines.
    static let assessments = ["self", "inspection"]

    /// Evaluates Tests/Fixtures/reports/NAME.xml against the fixture checklist.
    static func evaluation(_ name: String) throws -> Evaluation {
        let checklist = try ChecklistLoader.load(path: Fixtures.path("reports/checklist.xml")).value
        // The tree loader: these tests are about reports, not about the fast streaming path.
        let assessment = try AssessmentLoader.load(document: XMLParser.parse(file: Fixtures.path("reports/\(name).xml"))).value
        var evaluation = Evaluator(checklist).evaluate(assessment)
        evaluation.checklist.path = "Tests/Fixtures/reports/checklist.xml"
        evaluation.assessment.path = "Tests/Fixtures/reports/\(name).xml"
        return evaluation
    }

    /// The report of one assessment in one format and language.
    static func report(_ name: String, format: ReportFormat, language: Language, audit: Bool = false) throws -> String {
        format.reporter.report([try evaluation(name)], options: ReportOptions(language: language, audit: audit))
    }
}

/// The formats with golden files, and their file extensions.
enum ReportFormat: String, CaseIterable, Sendable {
    case markdown, html, text, json

    var reporter: any Reporter {
        switch self {
        case .markdown: MarkdownReporter()
        case .html: HTMLReporter()
        case .text: TextReporter()
        case .json: JSONReporter()
        }
    }

    var fileExtension: String {
        switch self {
        case .markdown: "md"
        case .html: "html"
        case .text: "txt"
        case .json: "json"
        }
    }
}
