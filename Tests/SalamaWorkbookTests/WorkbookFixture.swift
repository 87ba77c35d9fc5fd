import Foundation
import SalamaEvaluation
import SalamaModel
import SalamaReports
import SalamaTestSupport
@testable import SalamaWorkbook
import Testing
import SalamaXML

/// The workbook fixtures (Tests/Fixtures/workbook) and helpers shared by the suites.
///
/// The checklist `workbook-test` has, in document order: GEN-01 (evidence water-analysis valid
/// 365 days, measure free-chlorine 0.1–1.0 mg/L), GEN-02, GEN-03 (evidence
/// training-certificate), then the section honey (products honey): HON-01 (measure moisture
/// ≤ 20 %) and its sub-section honey.packaging (activities packaging): HON-02 (evidence
/// label-proof valid 730 days); the section dairy (products goat-cheese milk): DAI-01 (evidence
/// vet-certificate, measure cold-room), DAI-02 (activities cheese-making); the section storage
/// (activities packaging storage): STO-01.
enum WorkbookFixture {
    static let checklistPath = Fixtures.path("workbook/checklist.xml")

    static func checklist() throws -> Checklist {
        try ChecklistLoader.load(path: checklistPath).value
    }

    static func profile(_ products: [String], _ activities: [String] = [], name: String = "Coopérative Nahla",
                        date: String = "2026-11-20", kind: AssessmentKind = .selfAssessment) -> WorkbookProfile {
        WorkbookProfile(
            cooperative: Cooperative(id: "COOP-ERR-0042", name: name, region: "Drâa-Tafilalet", province: "Errachidia",
                                     products: products, activities: activities),
            date: Day(iso: date)!, kind: kind)
    }

    static func template(_ profile: WorkbookProfile, language: Language? = nil) throws -> WorkbookTemplate {
        WorkbookTemplate(checklist: try checklist(), profile: profile, language: language)
    }

    /// Writes `text` to a temporary file and loads it as an assessment (XML or CSV by extension),
    /// a workbook's product and activity names read against the fixture checklist.
    static func load(_ text: String, as name: String) throws -> Loaded<Assessment> {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        return try AssessmentFiles.load(path: folder.write(name, text), checklists: ChecklistCatalog(.file(checklistPath)))
    }

    static func evaluate(_ assessment: Assessment) throws -> Evaluation {
        Evaluator(try checklist()).evaluate(assessment)
    }

    /// The rows of a CSV text (BOM and all), as import reads them.
    static func rows(_ csv: String) -> [[String]] {
        var reading = WorkbookReading(path: "t.csv")
        return reading.decode(Array(csv.utf8)) ?? []
    }

    /// `csv` with cells replaced: for the row of each requirement, the given columns.
    static func fill(_ csv: String, _ cells: [String: [WorkbookColumn: String]]) throws -> String {
        var rows = self.rows(csv)
        let header = try #require(rows.firstIndex { $0.first.map { WorkbookLabel.columns[WorkbookLabel.normalized($0)] == .reference } ?? false })
        for index in rows.indices where index > header {
            guard let values = cells[rows[index][0]] else { continue }
            for (column, value) in values {
                rows[index][try #require(WorkbookColumn.allCases.firstIndex(of: column))] = value
            }
        }
        return WorkbookCSV.byteOrderMark + WorkbookCSV.encode(rows)
    }

    /// What an evaluation concludes, without the locations (which differ between CSV and XML).
    struct Outcome: Equatable {
        struct Requirement: Equatable {
            var id: String
            var applicable: Bool
            var declared: AnswerStatus?
            var status: EffectiveStatus
            var reasons: [Reason]
        }

        struct Target: Equatable {
            var id: String
            var score: Double?
            var verdict: Verdict
            var required: Bool
            var blockers: [Blocker]
            var open: SeverityCounts
        }

        var requirements: [Requirement]
        var targets: [Target]
        var findings: [String]
        var warnings: [String]

        init(_ evaluation: Evaluation) {
            requirements = evaluation.results.map {
                Requirement(id: $0.requirement.id, applicable: $0.applicable, declared: $0.declared, status: $0.status, reasons: $0.reasons)
            }
            targets = evaluation.targets.map {
                Target(id: $0.target.id, score: $0.reportedScore, verdict: $0.verdict, required: $0.required, blockers: $0.blockers, open: $0.open)
            }
            findings = evaluation.findings.map(\.requirement.id)
            warnings = evaluation.warnings.map(\.code)
        }
    }
}
