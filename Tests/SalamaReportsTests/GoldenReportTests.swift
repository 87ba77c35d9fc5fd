import SalamaReports
import SalamaTestSupport
import Testing
import SalamaXML

/// The reports of the fixture, in every format and language, against their golden files.
@Suite struct GoldenReportTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var assessment: String
        var format: ReportFormat
        var language: Language
        var audit = false

        var goldenName: String { "\(assessment)\(audit ? "-audit" : "").\(language.rawValue).\(format.fileExtension)" }
        var testDescription: String { goldenName }
    }

    static let languageCases: [Case] = ReportFixture.assessments.flatMap { assessment in
        [ReportFormat.markdown, .html, .text].flatMap { format in
            Language.allCases.map { Case(assessment: assessment, format: format, language: $0) }
        }
    }

    @Test("reports match their golden files", arguments: languageCases)
    func golden(_ test: Case) throws {
        Golden.check(try ReportFixture.report(test.assessment, format: test.format, language: test.language), test.goldenName)
    }

    @Test("--audit turns a self-assessment's report into the visit report", arguments: [ReportFormat.markdown, .html])
    func auditGolden(_ format: ReportFormat) throws {
        let test = Case(assessment: "self", format: format, language: .fr, audit: true)
        Golden.check(try ReportFixture.report("self", format: format, language: .fr, audit: true), test.goldenName)
    }

    @Test("JSON has no language: one golden file per assessment", arguments: ReportFixture.assessments)
    func json(_ assessment: String) throws {
        let reports = try Language.allCases.map { try ReportFixture.report(assessment, format: .json, language: $0) }
        #expect(Set(reports).count == 1)
        Golden.check(reports[0], "\(assessment).json")
    }
}
