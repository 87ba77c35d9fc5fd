import Foundation
import SalamaReports
import SalamaXML
import Testing

/// The HTML report: well-formed for libxml2, self-contained, right to left in Arabic, and the
/// official visit report for inspections.
@Suite struct HTMLReportTests {
    static let cases: [(String, Language)] = ReportFixture.assessments.flatMap { name in Language.allCases.map { (name, $0) } }

    @Test("the report parses with libxml2's HTML parser without errors", arguments: ReportFixture.assessments, Language.allCases)
    func parses(_ assessment: String, _ language: Language) throws {
        let html = try ReportFixture.report(assessment, format: .html, language: language)
        #expect(HTMLCheck.diagnostics(of: html, path: "\(assessment).\(language.rawValue).html") == [])
    }

    @Test func theCheckReportsBrokenHTML() {
        let diagnostics = HTMLCheck.diagnostics(of: "<!DOCTYPE html><html><body><p>a &bogus b</span></blink></body></html>", path: "x.html")
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0.location.file == "x.html" && $0.location.line == 1 })
        #expect(diagnostics.contains { $0.message.contains("blink") })
        #expect(HTMLCheck.diagnostics(of: "<!DOCTYPE html><html><head><title>t</title></head><body><article><bdi>x</bdi><svg><rect/></svg></article></body></html>") == [])
    }

    @Test("the report needs no network and runs no script", arguments: ReportFixture.assessments, Language.allCases)
    func selfContained(_ assessment: String, _ language: Language) throws {
        let html = try ReportFixture.report(assessment, format: .html, language: language)
        for forbidden in ["<script", "<link", " src=", " href=", "url(", "@import", "<iframe", "<object"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        #expect(html.contains("size: A4;"))
        #expect(html.contains("counter(page) \" / \" counter(pages)"))
        #expect(html.contains("@media screen and (max-width: 640px)"))
        #expect(html.contains("break-inside: avoid"))
        #expect(html.contains("<svg class=\"bar\""))
        #expect(html.contains("<svg class=\"chart\""))
    }

    @Test func arabicIsRightToLeft() throws {
        let html = try ReportFixture.report("self", format: .html, language: .ar)
        #expect(html.contains(#"<html lang="ar" dir="rtl">"#))
        #expect(html.contains(#"<article class="report" lang="ar" dir="rtl">"#))
        // Identifiers and dates are isolated, so that they read left to right.
        #expect(html.contains(#"<bdi class="id" dir="ltr">COOP-ERR-0107</bdi>"#))
        #expect(html.contains(#"<bdi class="date">2026-11-20</bdi>"#))
        // Bars grow from the right.
        #expect(html.contains(#"scale(-1 1)"#))
        let french = try ReportFixture.report("self", format: .html, language: .fr)
        #expect(french.contains(#"<html lang="fr" dir="ltr">"#))
    }

    @Test func theFrenchInspectionFollowsTheOfficialVisitReport() throws {
        let html = try ReportFixture.report("inspection", format: .html, language: .fr)
        for term in ["Rapport de visite", "Conformité", "Mesures correctives", "Échéancier", "Conclusion", "Constats",
                     "L&#39;inspecteur", "Le représentant de la coopérative", "Signature"] {
            #expect(html.contains(term), "\(term)")
        }
        #expect(html.contains(#"<td data-label="Conformité :" rowspan="2" class="conform-no">Non</td>"#))
        #expect(html.contains(#"<td data-label="Conformité :" rowspan="1" class="conform-yes">Oui</td>"#))
        #expect(html.contains(#"<bdi class="date">2027-06-30</bdi>"#))
        let markdown = try ReportFixture.report("inspection", format: .markdown, language: .fr)
        for term in ["| Rubrique | Conformité | Constats | Mesures correctives | Échéancier |", "## Conclusion", "## Signatures"] {
            #expect(markdown.contains(term), "\(term)")
        }
    }

    @Test func otherLanguagesUseTheirEquivalents() throws {
        let arabic = try ReportFixture.report("inspection", format: .html, language: .ar)
        for term in ["المطابقة", "التدابير التصحيحية", "الآجال", "الخلاصة", "المفتش", "ممثل التعاونية"] {
            #expect(arabic.contains(term), "\(term)")
        }
        let english = try ReportFixture.report("inspection", format: .markdown, language: .en)
        for term in ["Conformity", "Corrective measures", "Timeline", "Conclusion"] {
            #expect(english.contains(term), "\(term)")
        }
        #expect(!english.contains("Échéancier"))
    }

    @Test func aSelfAssessmentIsAGapReportUnlessAudited() throws {
        let plain = try ReportFixture.report("self", format: .html, language: .fr)
        #expect(!plain.contains("Échéancier"))
        #expect(plain.contains("Prochaines étapes"))
        let audited = try ReportFixture.report("self", format: .html, language: .fr, audit: true)
        #expect(audited.contains("Échéancier"))
        #expect(HTMLCheck.diagnostics(of: audited) == [])
    }

    @Test func theVerdictAndNextStepsComeBeforeTheActionPlan() throws {
        let html = try ReportFixture.report("self", format: .html, language: .fr)
        let plan = try #require(html.range(of: "<section class=\"plan\">"))
        let firstPage = html[..<plan.lowerBound]
        #expect(firstPage.contains("Autorisation sanitaire : pas prêt — score sous le minimum"))
        #expect(firstPage.contains("fixer une échéance pour"), "what makes the level ready")
        #expect(firstPage.contains("Prochaines étapes"))
        #expect(firstPage.contains("Faire analyser l&#39;eau par un laboratoire agréé &amp; régler la chloration"))
    }
}
