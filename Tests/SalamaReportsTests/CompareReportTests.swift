import Foundation
import SalamaEvaluation
import SalamaModel
import SalamaReports
import SalamaTestSupport
import SalamaXML
import Testing

/// The formats of `salama compare` with golden files.
enum CompareReportFormat: String, CaseIterable, Sendable {
    case text, markdown, html, json

    var reporter: any CompareReporter {
        switch self {
        case .text: CompareTextReporter()
        case .markdown: CompareMarkdownReporter()
        case .html: CompareHTMLReporter()
        case .json: CompareJSONReporter()
        }
    }

    var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .html: "html"
        case .json: "json"
        }
    }

    static let human: [CompareReportFormat] = [.text, .markdown, .html]

    /// The cooperative's self-assessment against the inspector's visit, of the report fixtures.
    static func selfVersusInspection() throws -> Comparison {
        try Comparison(old: ReportFixture.evaluation("self"), new: ReportFixture.evaluation("inspection"))
    }

    func render(_ comparison: Comparison, language: Language) -> String {
        reporter.report(comparison, options: ReportOptions(language: language))
    }
}

@Suite struct CompareReportTests {
    @Test("the comparison matches its golden files", arguments: CompareReportFormat.human, [Language.fr, .ar])
    func golden(_ format: CompareReportFormat, _ language: Language) throws {
        let report = format.render(try CompareReportFormat.selfVersusInspection(), language: language)
        Golden.check(report, "compare.\(language.rawValue).\(format.fileExtension)")
    }

    @Test("the disagreement table names the requirements that disagree, before the lists of gaps", arguments: CompareReportFormat.human)
    func disagreementsComeFirst(_ format: CompareReportFormat) throws {
        let comparison = try CompareReportFormat.selfVersusInspection()
        let expected = comparison.disagreements.map(\.requirement.id)
        #expect(!expected.isEmpty)
        let report = format.render(comparison, language: .en)
        let heading = try #require(report.range(of: "Where the self-assessment and the inspection disagree"))
        let closed = try #require(report.range(of: "Gaps closed"))
        #expect(heading.upperBound < closed.lowerBound)
        let table = report[heading.upperBound..<closed.lowerBound]
        let positions = expected.map { table.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(expected)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "most severe first")
        // No requirement that agrees is in the table.
        let agreeing = comparison.new.results.map(\.requirement.id).filter { !expected.contains($0) }
        #expect(agreeing.allSatisfy { !table.contains($0) })
        #expect(table.contains("3 overstated by the cooperative"))
        #expect(table.contains("2 understated"))
        // The inspector's reason shows where the check changed what was declared.
        #expect(table.contains("Residual free chlorine"))
    }

    @Test("closed, new and still open gaps are listed with their old and new status", arguments: CompareReportFormat.human)
    func findingLists(_ format: CompareReportFormat) throws {
        let comparison = try CompareReportFormat.selfVersusInspection()
        let report = format.render(comparison, language: .en)
        for (title, pairs) in [("Gaps closed", comparison.closed), ("New gaps", comparison.opened), ("Gaps still open", comparison.stillOpen)] {
            #expect(!pairs.isEmpty)
            let start = try #require(report.range(of: title))
            #expect(report[start.upperBound...].prefix(40).contains("(\(pairs.count))") || report[start.upperBound...].prefix(80).contains(">\(pairs.count)<"),
                    "\(title) counts \(pairs.count)")
            for pair in pairs { #expect(report[start.upperBound...].contains(pair.requirement.id)) }
        }
        #expect(report.contains("+14.3"))
        #expect(report.contains("42.9%") && report.contains("57.1%"))
    }

    @Test func twoSelfAssessmentsHaveNoDisagreementTable() throws {
        let comparison = try Comparison(old: ReportFixture.evaluation("self"), new: ReportFixture.evaluation("self"))
        for format in CompareReportFormat.human {
            let report = format.render(comparison, language: .fr)
            #expect(!report.contains("divergent"), "\(format)")
            #expect(report.contains("Aucun."), "\(format): empty lists say so")
        }
    }

    @Test("the HTML comparison parses without errors", arguments: Language.allCases)
    func htmlParses(_ language: Language) throws {
        let html = CompareReportFormat.html.render(try CompareReportFormat.selfVersusInspection(), language: language)
        #expect(HTMLCheck.diagnostics(of: html, path: "compare.\(language.rawValue).html") == [])
        for forbidden in ["<script", "<link", " src=", " href=", "url(", "@import", "<iframe", "<object"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        #expect(html.contains("<section class=\"callout disagreements\">"))
        #expect(html.contains("<svg class=\"bar\""))
    }

    @Test func arabicIsRightToLeft() throws {
        let comparison = try CompareReportFormat.selfVersusInspection()
        let html = CompareReportFormat.html.render(comparison, language: .ar)
        #expect(html.contains(#"<html lang="ar" dir="rtl">"#))
        #expect(html.contains(#"<article class="report" lang="ar" dir="rtl">"#))
        #expect(html.contains(#"<bdi class="id" dir="ltr">PRE-01</bdi>"#))
        #expect(html.contains("مواطن الاختلاف بين التقييم الذاتي والتفتيش"))
        #expect(CompareReportFormat.text.render(comparison, language: .ar).contains("جزئي ← لا"), "arrows point the way Arabic reads")
    }

    @Test("text from files is escaped", arguments: Language.allCases)
    func hostileTextIsEscaped(_ language: Language) throws {
        // The hostile fixture as the cooperative's own claim and as the inspector's visit.
        let visit = try ReportFixture.evaluation("hostile")
        var claim = visit
        claim.assessment.kind = .selfAssessment
        claim.assessment.path = "Tests/Fixtures/reports/<b>|*claim*|.xml"
        let comparison = try Comparison(old: claim, new: visit)

        let html = CompareReportFormat.html.render(comparison, language: language)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Co&quot; &#39;op&#39;"))
        #expect(html.contains("&lt;b&gt;|*claim*|.xml"))
        #expect(HTMLCheck.diagnostics(of: html) == [])

        let markdown = CompareReportFormat.markdown.render(comparison, language: language)
        #expect(comparison.disagreements.isEmpty)
        #expect(markdown.contains("> **\(Label.noDisagreement.text(language))**"), "no disagreement, and the report says so")
        #expect(markdown.contains(#"\<script\>alert("x")\</script\> \& "Co" 'op'"#))
        #expect(markdown.contains("`Tests/Fixtures/reports/<b>\\|*claim*\\|.xml`"))
        for line in markdown.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.replacingOccurrences(of: #"\|"#, with: "").filter { $0 == "|" }.count
            #expect([5, 6, 7].contains(cells), "\(line)")
        }
    }
}
