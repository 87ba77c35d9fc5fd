import Foundation
import SalamaEvaluation
import SalamaModel
import SalamaReports
import SalamaTestSupport
import SalamaXML
@testable import SalamaWorkbook
import Testing

/// `salama template --format html`: the printable workbook holds one block per requirement that
/// applies to the profile, grouped by top-level section, with boxes, evidence and measurement
/// lines in the chosen language; it is self-contained, escaped, and right to left in Arabic.
@Suite struct HTMLTemplateTests {
    /// The ids of the blocks, in order.
    static func blocks(_ html: String) -> [String] {
        html.components(separatedBy: "<div class=\"item\">\n<h4><bdi class=\"id\" dir=\"ltr\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    @Test(arguments: XMLTemplateTests.cases)
    func oneBlockPerApplicableRequirementGroupedBySection(_ profileCase: XMLTemplateTests.Case) throws {
        let template = try WorkbookFixture.template(WorkbookFixture.profile(profileCase.products, profileCase.activities))
        let html = template.render(.html)
        #expect(Self.blocks(html) == profileCase.expected)
        #expect(html.components(separatedBy: "<span class=\"box\"></span>").count - 1 == 4 * profileCase.expected.count)
        // One rubric per top-level section that has an applicable requirement, in document order.
        let checklist = try WorkbookFixture.checklist()
        let sections = checklist.sections.filter { section in section.allRequirements.contains { profileCase.expected.contains($0.id) } }
        let headings = html.components(separatedBy: "<section class=\"rubric\">\n<h2><bdi>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        #expect(headings == sections.map { checklist.text($0.title, in: nil) })
        #expect(HTMLCheck.diagnostics(of: html, path: "workbook.html") == [])
    }

    @Test func boxesEvidenceAndMeasuresInTheChosenLanguage() throws {
        let profile = WorkbookFixture.profile(["honey"], ["packaging"])
        let french = try WorkbookFixture.template(profile, language: .fr).html()
        for box in ["Oui", "Partiel", "Non", "Sans objet"] {
            #expect(french.contains("<span class=\"box\"></span>\(box)</span>"), "\(box)")
        }
        #expect(french.contains("<td><bdi>Bulletin d&#39;analyse de potabilité</bdi></td><td data-label=\"Validité :\"><bdi>365 jours</bdi></td><td data-label=\"Date du document :\" class=\"fill\"></td><td data-label=\"Référence :\" class=\"fill\"></td>"))
        #expect(french.contains("<td><bdi>Attestation de formation</bdi></td><td data-label=\"Validité :\">—</td>"), "no max age")
        #expect(french.contains("<td><bdi>Chlore libre résiduel</bdi></td><td data-label=\"Limites :\"><bdi>entre 0,1 et 1 mg/L</bdi></td><td data-label=\"Valeur :\" class=\"fill\"><span class=\"unit\"><bdi>mg/L</bdi></span></td>"))
        #expect(french.contains("<td><bdi>Teneur en eau du miel</bdi></td><td data-label=\"Limites :\"><bdi>au plus 20 %</bdi></td>"))
        #expect(french.contains("<h3 class=\"subsection\"><bdi>Conditionnement du miel</bdi></h3>"))
        #expect(french.contains(#"<html lang="fr" dir="ltr">"#))

        let arabic = try WorkbookFixture.template(profile, language: .ar).html()
        #expect(arabic.contains(#"<html lang="ar" dir="rtl">"#))
        #expect(arabic.contains(#"<article class="report" lang="ar" dir="rtl">"#))
        for box in ["نعم", "جزئي", "لا", "غير معني"] {
            #expect(arabic.contains("<span class=\"box\"></span>\(box)</span>"), "\(box)")
        }
        #expect(arabic.contains("الماء المستعمل صالح للشرب"))
        #expect(arabic.contains("L&#39;étiquetage est conforme"), "no Arabic title: the checklist's language")
        #expect(HTMLCheck.diagnostics(of: arabic) == [])

        let english = try WorkbookFixture.template(profile, language: .en).html()
        #expect(english.contains("<span class=\"box\"></span>Not applicable</span>"))
        #expect(english.contains("between 0.1 and 1 mg/L"))
    }

    @Test func theHeaderLeavesBlanksForWhatTheProfileDoesNotSay() throws {
        var profile = WorkbookFixture.profile(["dates"])
        profile.cooperative.region = ""
        profile.cooperative.id = WorkbookProfile.placeholderCooperativeID
        let html = try WorkbookFixture.template(profile).html()
        #expect(html.contains("<span class=\"k\">Coopérative :</span> <span class=\"v\"><bdi>Coopérative Nahla</bdi></span>"))
        #expect(html.contains("<span class=\"k\">Identifiant :</span> <span class=\"v\"></span>"), "the placeholder id is left blank")
        #expect(html.contains("<span class=\"k\">Région :</span> <span class=\"v\"></span>"))
        #expect(html.contains("<span class=\"k\">Produits :</span> <span class=\"v\"><bdi>Dattes</bdi></span>"))
        #expect(html.contains("<span class=\"k\">Date :</span> <span class=\"v\"><bdi>2026-11-20</bdi></span>"))
        #expect(!html.contains("échéance"), "a self-assessment sets no deadline")
        let inspection = try WorkbookFixture.template(WorkbookFixture.profile(["dates"], kind: .inspection)).html()
        #expect(inspection.components(separatedBy: "<span class=\"k\">échéance :</span>").count - 1 == 3)
        #expect(inspection.contains("Cahier d&#39;évaluation — inspection"))
    }

    /// An inspection workbook records the visit and is signed by the inspector and by the
    /// establishment; a self-assessment workbook by its assessor alone.
    @Test func theInspectionWorkbookHasTheVisitAndBothSignatures() throws {
        let inspection = try WorkbookFixture.template(WorkbookFixture.profile(["dates"], kind: .inspection)).html()
        for field in ["N° du rapport :", "Service :", "Horaire :", "Lieu :", "Objet de la visite :", "Inspecteurs :"] {
            #expect(inspection.contains("<span class=\"k\">\(field)</span>"), "\(field)")
        }
        for purpose in ["première visite", "contrôle régulier", "visite de suivi", "suite à une plainte", "autre"] {
            #expect(inspection.contains("<span class=\"box\"></span>\(purpose)</span>"), "\(purpose)")
        }
        #expect(inspection.contains("<th>Personnes rencontrées</th><th>Nom et qualité</th>"))
        #expect(inspection.contains("<th>Échantillons prélevés</th><th>Identifiant</th><th>Produit</th><th>Analyse</th><th>Laboratoire</th>"))
        #expect(inspection.contains("<h3>L&#39;inspecteur</h3>") && inspection.contains("<h3>Le représentant de la coopérative</h3>"))
        #expect(HTMLCheck.diagnostics(of: inspection) == [])

        let selfAssessment = try WorkbookFixture.template(WorkbookFixture.profile(["dates"])).html()
        #expect(!selfAssessment.contains("Objet de la visite"))
        #expect(!selfAssessment.contains("<h3>Le représentant de la coopérative</h3>"))
        #expect(selfAssessment.contains("<h3>Évaluateur</h3>"))
    }

    @Test func textIsEscapedAndThePageIsSelfContained() throws {
        let name = "Nahla & fils <script>alert(\"x\")</script> 'bio' -- رحمة"
        let html = try WorkbookFixture.template(WorkbookFixture.profile(["honey"], name: name)).html()
        #expect(!html.contains("<script"))
        #expect(html.contains("Nahla &amp; fils &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &#39;bio&#39; -- رحمة"))
        #expect(html.contains("Locaux propres &amp; rangés, sans &lt;nuisibles&gt; -- contrôle hebdomadaire"))
        for forbidden in ["<link", " src=", " href=", "url(", "@import", "<iframe", "<object", "<input"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        #expect(html.contains("size: A4;"))
        #expect(html.contains("break-inside: avoid"))
        #expect(HTMLCheck.diagnostics(of: html) == [])
    }
}
