import Foundation
import SalamaEvaluation
import SalamaModel
import SalamaReports
import SalamaTestSupport
import SalamaXML
@testable import SalamaWorkbook
import Testing

/// `salama template --format xml`: a valid blank assessment holding exactly the requirements
/// that apply to the profile.
@Suite struct XMLTemplateTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var products: [String]
        var activities: [String]
        var expected: [String]
        var testDescription: String { "\(products) \(activities)" }
    }

    static let cases: [Case] = [
        Case(products: ["dates"], activities: [], expected: ["GEN-01", "GEN-02", "GEN-03"]),
        Case(products: ["honey"], activities: [], expected: ["GEN-01", "GEN-02", "GEN-03", "HON-01"]),
        Case(products: ["honey"], activities: ["packaging"], expected: ["GEN-01", "GEN-02", "GEN-03", "HON-01", "HON-02", "STO-01"]),
        Case(products: ["goat-cheese"], activities: [], expected: ["GEN-01", "GEN-02", "GEN-03", "DAI-01"]),
        Case(products: ["goat-cheese"], activities: ["cheese-making"], expected: ["GEN-01", "GEN-02", "GEN-03", "DAI-01", "DAI-02"]),
        Case(products: ["dates", "milk"], activities: ["storage"], expected: ["GEN-01", "GEN-02", "GEN-03", "DAI-01", "STO-01"]),
    ]

    @Test(arguments: cases)
    func templateValidatesAndHoldsExactlyTheApplicableRequirements(_ profileCase: Case) throws {
        let profile = WorkbookFixture.profile(profileCase.products, profileCase.activities)
        let template = try WorkbookFixture.template(profile)
        let loaded = try WorkbookFixture.load(template.xml(), as: "template.xml")
        #expect(loaded.warnings.isEmpty)
        let assessment = loaded.value
        #expect(assessment.answers.map(\.ref) == profileCase.expected)
        let checklist = try WorkbookFixture.checklist()
        #expect(assessment.answers.map(\.ref) == Evaluator(checklist).applicableRequirements(for: profile.cooperative).map(\.requirement.id))
        #expect(assessment.checklistID == "workbook-test")
        #expect(assessment.checklistVersion == "2026.1")
        #expect(assessment.date == Day(iso: "2026-11-20"))
        #expect(assessment.cooperative == profile.cooperative)

        // No status; one empty slot per evidence item and measure.
        let requirements = Dictionary(uniqueKeysWithValues: checklist.requirements.map { ($0.id, $0) })
        for answer in assessment.answers {
            let requirement = try #require(requirements[answer.ref])
            #expect(answer.status == nil)
            #expect(answer.deadline == nil)
            #expect(answer.notes.isEmpty)
            #expect(answer.evidence.map(\.ref) == requirement.evidence.map(\.id))
            #expect(answer.evidence.allSatisfy { $0.date == nil && $0.document.isEmpty })
            #expect(answer.measurements.map(\.ref) == requirement.measures.map(\.id))
            #expect(answer.measurements.allSatisfy { $0.value == nil })
        }

        // Evaluated: every applicable requirement is answered-but-blank, hence not assessed: no
        // finding, no document asked for yet, no score; nothing is unknown to the checklist.
        let evaluation = try WorkbookFixture.evaluate(assessment)
        #expect(evaluation.warnings.isEmpty)
        #expect(evaluation.results.filter(\.applicable).map(\.requirement.id) == profileCase.expected)
        for result in evaluation.results {
            #expect((result.answer != nil) == result.applicable, "\(result.requirement.id)")
            if result.applicable {
                #expect(result.status == .unassessed)
                #expect(result.reasons.isEmpty)
            }
        }
        #expect(evaluation.findings.isEmpty)
        #expect(evaluation.documents.isEmpty)
        #expect(evaluation.targets.allSatisfy { ($0.score == nil && $0.verdict == .incomplete) || $0.applicable == 0 })
    }

    @Test func commentsCarryTitlesUnitsAndValidityInTheChosenLanguage() throws {
        let profile = WorkbookFixture.profile(["honey"], ["packaging"])
        let french = try WorkbookFixture.template(profile).xml()
        #expect(french.contains("<!-- GEN-01: L'eau utilisée est potable -->\n  <answer ref=\"GEN-01\">"))
        #expect(french.contains("<!-- Bulletin d'analyse de potabilité (valable 365 jours) -->\n    <evidence ref=\"water-analysis\"/>"))
        #expect(french.contains("<!-- Chlore libre résiduel (mg/L) -->\n    <measurement ref=\"free-chlorine\"/>"))
        #expect(french.contains("<!-- Attestation de formation -->\n    <evidence ref=\"training-certificate\"/>"), "no max age, no validity")
        #expect(french.contains("<!-- == Miel == -->"))

        let arabic = try WorkbookFixture.template(profile, language: .ar).xml()
        #expect(arabic.contains("<!-- GEN-01: الماء المستعمل صالح للشرب -->"))
        #expect(arabic.contains("<!-- شهادة تحليل صلاحية الماء للشرب (صالحة لمدة 365 يومًا) -->"))
        #expect(arabic.contains("<!-- الكلور الحر المتبقي (mg/L) -->"))
        #expect(arabic.contains("<!-- HON-02: L'étiquetage est conforme -->"), "no Arabic title: the checklist's language")

        let english = try WorkbookFixture.template(profile, language: .en).xml()
        #expect(english.contains("<!-- GEN-01: The water used is drinkable -->"))
        #expect(english.contains("<!-- Drinking-water analysis report (valid for 365 days) -->"))
        #expect(english.contains("<!-- HON-01: L'humidité du miel est maîtrisée -->"), "no English title: the checklist's language")
        #expect(english.contains("<!-- Self-assessment to fill in: Workbook test checklist (workbook-test 2026.1), 6 applicable requirements."))
    }

    @Test func countsTakeThePluralFormOfTheirNumber() {
        // A document valid one day, a week, a year; Arabic counts 3–10 with a plural, 11–99 with a singular.
        #expect([1, 7, 365].map { WorkbookWords.maxAge($0, .fr) } == ["valable 1 jour", "valable 7 jours", "valable 365 jours"])
        #expect([1, 2, 7, 365].map { WorkbookWords.maxAge($0, .ar) } == ["صالحة لمدة يوم واحد", "صالحة لمدة يومين", "صالحة لمدة 7 أيام", "صالحة لمدة 365 يومًا"])
        #expect(WorkbookWords.maxAge(1, .en) == "valid for 1 day")
    }

    @Test func theIntroductionCountsTheRequirements() throws {
        let checklist = try WorkbookFixture.checklist()
        // Dates without packaging: GEN-01, GEN-02, GEN-03 apply.
        let profile = WorkbookFixture.profile(["dates"])
        let french = WorkbookTemplate(checklist: checklist, profile: profile, language: .fr).xml()
        #expect(french.contains("<!-- Auto-évaluation à remplir : Grille des tests du classeur (workbook-test 2026.1), 3 exigences applicables. Pour chaque exigence, status=\"yes | partial | no | na\""))
        let arabic = WorkbookTemplate(checklist: checklist, profile: profile, language: .ar).xml()
        #expect(arabic.contains("<!-- تقييم ذاتي للملء: شبكة اختبار الدفتر (workbook-test 2026.1)، 3 متطلبات منطبقة. لكل متطلب status="))
    }

    @Test func commentsNeverHoldADoubleHyphenAndTextIsEscaped() throws {
        let name = "Nahla & fils <\"la ruche\"> 'bio' -- رحمة"
        let template = try WorkbookFixture.template(WorkbookFixture.profile(["honey"], name: name))
        let xml = template.xml()
        var rest = Substring(xml)
        var comments = 0
        while let open = rest.range(of: "<!--") {
            let close = try #require(rest[open.upperBound...].range(of: "-->"))
            let body = rest[open.upperBound..<close.lowerBound]
            #expect(!body.contains("--"), "comment \(body)")
            #expect(!body.hasSuffix("-"))
            comments += 1
            rest = rest[close.upperBound...]
        }
        // The introduction, two section headings, four requirements, two evidence items, two measures.
        #expect(comments == 11)
        #expect(xml.contains("<!-- GEN-02: Locaux propres & rangés, sans <nuisibles> - - contrôle hebdomadaire -->"))
        #expect(xml.contains("name=\"Nahla &amp; fils &lt;&quot;la ruche&quot;&gt; &#39;bio&#39; -- رحمة\""))
        // The loader reads back exactly the name given.
        #expect(try WorkbookFixture.load(xml, as: "t.xml").value.cooperative.name == name)
    }

    @Test func inspectionTemplateKeepsItsKindAndDate() throws {
        let template = try WorkbookFixture.template(WorkbookFixture.profile(["dates"], date: "2024-02-29", kind: .inspection))
        let assessment = try WorkbookFixture.load(template.xml(), as: "t.xml").value
        #expect(assessment.kind == .inspection)
        #expect(assessment.date.description == "2024-02-29")
    }

    @Test func cooperativeIDsFollowTheContract() {
        #expect(WorkbookProfile.isCooperativeID("COOP-ERR-0042"))
        #expect(!WorkbookProfile.isCooperativeID("-bad"))
        #expect(!WorkbookProfile.isCooperativeID(""))
    }

    @Test func theVocabularyListingShowsIDsTitlesAndAliases() throws {
        let checklist = try WorkbookFixture.checklist()
        let listing = WorkbookVocabularyListing(checklist: checklist, language: .fr).text
        for term in checklist.products + checklist.activities {
            #expect(listing.contains(term.id), "\(term.id) is listed")
        }
        #expect(listing.hasPrefix("Produits :\n"))
        #expect(listing.contains("Activités :\n"))
    }
}

/// The workbook's XML goes through the one escaping helper of HTML and XML (SalamaReports'
/// `MarkupEscaping`): what XML needs of it.
@Suite struct XMLEscapingTests {
    @Test func contentEscapesMarkupAndReplacesWhatXMLCannotHold() {
        #expect(MarkupEscaping.escape("a & b < c > d \"e\" 'f'") == "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;")
        #expect(MarkupEscaping.escape("ligne 1\nligne 2\r\n\tفقرة") == "ligne 1\nligne 2&#13;\n\tفقرة")
        #expect(MarkupEscaping.escape("bell\u{07} nul\u{00} del\u{7F} \u{FFFE}") == "bell\u{FFFD} nul\u{FFFD} del\u{FFFD} \u{FFFD}")
    }

    @Test func attributesKeepTheirWhitespaceThroughNormalization() throws {
        #expect(MarkupEscaping.escapeAttribute("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d")
        // Whatever the text, the parser reads back exactly what was escaped.
        let original = "Nahla & fils <x> \"q\" 'a'\n\tسطر ثان\r\nfin"
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.write("a.xml", "<a xmlns=\"urn:x\" v=\"\(MarkupEscaping.escapeAttribute(original))\" w='\(MarkupEscaping.escapeAttribute(original))'/>")
        let root = try #require(try SalamaXML.XMLParser.parse(file: path).root)
        #expect(root.attribute("v") == original)
        #expect(root.attribute("w") == original)
    }

    @Test func commentsLoseDoubleHyphensAndTrailingHyphens() {
        #expect(MarkupEscaping.comment("a--b---c-") == "a- -b- - -c- ")
        #expect(MarkupEscaping.comment("x <y> & z") == "x <y> & z", "a comment shows its text literally")
        #expect(MarkupEscaping.comment("\u{01}") == "\u{FFFD}")
        for text in ["--", "---", "-", "a - - -- b", "—-–--"] {
            let body = MarkupEscaping.comment(text)
            #expect(!body.contains("--") && !body.hasSuffix("-"), "\(text) → \(body)")
        }
    }
}
