import Foundation
@testable import SalamaReports
import SalamaEvaluation
import SalamaModel
import SalamaTestSupport
import Testing
import SalamaXML

/// Assessments of the report fixture's checklist (Tests/Fixtures/reports/checklist.xml) written
/// for one rule of contract 1.1 each.
enum ReportCase {
    static let checklist = Fixtures.path("reports/checklist.xml")

    /// The text of a report fixture assessment.
    static func fixture(_ name: String) throws -> String {
        try String(contentsOfFile: Fixtures.path("reports/\(name).xml"), encoding: .utf8)
    }

    /// `text` with `old` replaced by `new`, which must be there.
    static func replacing(_ old: String, with new: String, in text: String) throws -> String {
        let range = try #require(text.range(of: old), "\(old) is in the fixture")
        return text.replacingCharacters(in: range, with: new)
    }

    /// An assessment dated 2026-11-20 of one cooperative.
    static func assessment(id: String = "COOP-T", date: String = "2026-11-20", kind: String = "self", products: [String] = ["dates"],
                           answers: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <assessment xmlns="urn:salama:assessment:1" checklist="reports-demo" date="\(date)" kind="\(kind)">
          <cooperative id="\(id)" name="Coopérative \(id)">
            <region>Drâa-Tafilalet</region><province>Errachidia</province>
            \(products.map { "<product>\($0)</product>" }.joined())
          </cooperative>
          <assessor name="Aicha" role="member"/>
          \(answers)
        </assessment>
        """
    }

    /// Loads `text` as an assessment, evaluates it against the fixture checklist, and gives
    /// both files stable paths.
    static func evaluation(_ text: String) throws -> Evaluation {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let checklist = try ChecklistLoader.load(path: checklist).value
        let assessment = try AssessmentLoader.load(path: folder.write("case.xml", text)).value
        var evaluation = Evaluator(checklist).evaluate(assessment)
        evaluation.checklist.path = "Tests/Fixtures/reports/checklist.xml"
        evaluation.assessment.path = "case.xml"
        return evaluation
    }

    static func report(_ text: String, _ format: ReportFormat, _ language: Language, audit: Bool = false) throws -> String {
        format.reporter.report([try evaluation(text)], options: ReportOptions(language: language, audit: audit))
    }

    /// A cheese cooperative ready for the autorisation (everything in its scope met), while the
    /// agrément it needs (cheese) is blocked by one open major, PRE-04, although its score is
    /// above the minimum. Evidence is dated within its validity before 2026-11-20.
    static let readyBelowRequired = assessment(products: ["cheese"], answers: """
        <answer ref="PRE-01" status="yes"><evidence ref="water-analysis" date="2026-06-01">a.pdf</evidence><measurement ref="free-chlorine" value="0.5"/></answer>
        <answer ref="PRE-02" status="yes"/>
        <answer ref="PRE-03" status="yes"/>
        <answer ref="PRE-04" status="no" deadline="2027-03-01"/>
        <answer ref="STA-01" status="yes"><evidence ref="medical-certificates" date="2026-09-01">c.pdf</evidence></answer>
        <answer ref="STA-02" status="yes"><evidence ref="training-attendance" date="2026-05-01">f.pdf</evidence></answer>
        <answer ref="TRA-01" status="yes"><evidence ref="lot-register" date="2026-11-01">r.pdf</evidence></answer>
        <answer ref="TRA-02" status="yes"><evidence ref="haccp-plan" date="2026-10-01">h.pdf</evidence></answer>
        <answer ref="TRA-03" status="yes"/>
        """)

    /// The sections of a rendered report: each heading with what follows it, up to the next
    /// heading of the same level (`## ` in Markdown, `<h2>` in HTML).
    static func sections(_ report: String, marker: String) -> [(heading: String, body: String)] {
        report.components(separatedBy: marker).dropFirst().map { part in
            let end = part.firstIndex(of: "\n") ?? part.endIndex
            return (String(part[..<end]), String(part[end...]))
        }
    }
}

@Suite struct Contract11ReportTests {
    // MARK: - unknown-requirement with its suggestion

    static func misspeltRef() throws -> String {
        // self.xml answers PRE-01; written "PRE-1" it is unknown, and PRE-01 is left unanswered.
        try ReportCase.replacing(#"<answer ref="PRE-01" status="yes">"#, with: #"<answer ref="PRE-1" status="yes">"#, in: ReportCase.fixture("self"))
    }

    @Test func anUnknownRefNamesItsSuggestionInEveryLanguage() throws {
        let text = try Self.misspeltRef()
        // The words of Localization.warning(_:) for an unknown ref with a suggestion; Arabic
        // isolates the Latin ids (U+2068 … U+2069) so that they keep their order.
        let (open, close) = ("\u{2068}", "\u{2069}")
        let expected: [(Language, String)] = [
            (.fr, "PRE-1 n'existe pas — vouliez-vous dire PRE-01 ? (PRE-01 reste sans réponse)"),
            (.ar, "\(open)PRE-1\(close) غير موجود — هل تقصد \(open)PRE-01\(close)؟ (يبقى \(open)PRE-01\(close) بلا جواب)"),
            (.en, "PRE-1 does not exist — did you mean PRE-01? (PRE-01 stays unanswered)"),
        ]
        for (language, sentence) in expected {
            let report = try ReportCase.report(text, .text, language)
            #expect(report.contains(sentence), "\(language): \(report)")
        }
        let content = ReportContent(try ReportCase.evaluation(text), language: .fr, audit: false)
        #expect(content.unassessed.map(\.id).first == "PRE-01", "the requirement meant is listed as not assessed")
        let json = try OrderedJSON.parse(try ReportCase.report(text, .json, .fr))
        #expect(json["warnings"]?.items == [.object([("code", .string("unknown-requirement")), ("ref", .string("PRE-1")), ("suggestion", .string("PRE-01"))])])
    }

    // MARK: - not assessed, apart from the gaps

    @Test("not-assessed requirements are listed under their heading, never in the action plan or next steps",
          arguments: [Language.fr, .en])
    func notAssessedIsListedApart(language: Language) throws {
        // self.xml leaves TRA-02 (agrément, applies to every cooperative) without an answer.
        let heading = language == .fr ? "Non évalué (1)" : "Not assessed (1)"
        let text = try ReportFixture.report("self", format: .text, language: language)
        let headingRange = try #require(text.range(of: "\n\(heading)\n"))
        #expect(text.components(separatedBy: "TRA-02").count == 2, "TRA-02 is named once")
        #expect(try #require(text.range(of: "TRA-02")).lowerBound > headingRange.lowerBound, "and only under its heading")

        for (format, marker) in [(ReportFormat.markdown, "\n## "), (.html, "<h2>")] {
            let report = try ReportFixture.report("self", format: format, language: language)
            let sections = ReportCase.sections(report, marker: marker)
            let holding = sections.filter { $0.body.contains("TRA-02") }.map(\.heading)
            #expect(holding.count == 1 && holding.first?.hasPrefix(heading) == true, "\(format): \(holding)")
            // The plan and the next steps are there, with the gaps but without TRA-02.
            let plan = language == .fr ? ["Plan d'action", "Plan d&#39;action"] : ["Action plan"]
            let next = language == .fr ? "Prochaines étapes" : "Next steps"
            #expect(sections.contains { section in plan.contains { section.heading.hasPrefix($0) } && section.body.contains("PRE-02") }, "\(format)")
            #expect(sections.contains { $0.heading.hasPrefix(next) && $0.body.contains("PRE-01") }, "\(format)")
        }
    }

    @Test("a na under allow-na is listed as declared not applicable, counted nowhere", arguments: [ReportFormat.text, .markdown, .html])
    func exemptedIsListedApart(format: ReportFormat) throws {
        // The fixture checklist with allow-na on STA-02, which self.xml declares na: no longer
        // a finding (it was one, "declared not applicable, but applies"), listed apart.
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let checklistText = try ReportCase.replacing(#"<requirement id="STA-02" severity="minor" target="autorisation">"#,
                                                     with: #"<requirement id="STA-02" severity="minor" target="autorisation" allow-na="true">"#,
                                                     in: String(contentsOfFile: ReportCase.checklist, encoding: .utf8))
        let checklist = try ChecklistLoader.load(path: folder.write("checklist.xml", checklistText)).value
        let assessment = try AssessmentLoader.load(path: Fixtures.path("reports/self.xml")).value
        let evaluation = Evaluator(checklist).evaluate(assessment)
        // Autorisation without STA-02: PRE-01 (2, partial 0.5), PRE-02 (partial), PRE-03 (yes),
        // STA-01 (partial), TRA-01 (no) → (1 + 0.5 + 1 + 0.5 + 0) / 6 = 50; five applicable.
        let autorisation = try #require(evaluation.targets.first)
        #expect(autorisation.reportedScore == 50)
        #expect(autorisation.applicable == 5 && autorisation.assessed == 5)
        let report = format.reporter.report([evaluation], options: ReportOptions(language: .fr))
        let heading = "Déclaré sans objet (1)"
        switch format {
        case .text:
            let headingRange = try #require(report.range(of: "\n\(heading)\n"), "\(report)")
            #expect(report.components(separatedBy: "STA-02").count == 2, "STA-02 is named once")
            #expect(try #require(report.range(of: "STA-02")).lowerBound > headingRange.lowerBound)
        default:
            let sections = ReportCase.sections(report, marker: format == .html ? "<h2>" : "\n## ")
            let holding = sections.filter { $0.body.contains("STA-02") }.map(\.heading)
            #expect(holding.count == 1 && holding.first?.hasPrefix(heading) == true, "\(format): \(holding)")
        }
    }

    @Test func aRubricWithOnlyUnassessedItemsIsNotAssessedInTheVisitReport() throws {
        // The inspection without its three traceability answers: that rubric has no open
        // finding, but nothing in it was looked at — not "Oui".
        var text = try ReportCase.fixture("inspection")
        for answer in [#"<answer ref="TRA-01" status="yes">"# + "\n    " + #"<evidence ref="lot-register" date="2026-12-01">registre-lots</evidence>"# + "\n  </answer>",
                       #"<answer ref="TRA-02" status="no"/>"#, #"<answer ref="TRA-03" status="no" deadline="2027-03-31"/>"#] {
            text = try ReportCase.replacing(answer, with: "", in: text)
        }
        let content = ReportContent(try ReportCase.evaluation(text), language: .fr, audit: false)
        #expect(content.audit, "an inspection follows the visit report")
        #expect(content.rubrics.map(\.conformity) == [.no, .yes, .notAssessed])
        #expect(content.rubrics.map(\.conformityText) == ["Non", "Oui", "Non évalué"])
        let markdown = try ReportCase.report(text, .markdown, .fr)
        let row = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| 3.") }, "\(markdown)")
        #expect(row.contains("| Non évalué |"), "\(row)")
        let english = try ReportCase.report(text, .markdown, .en)
        #expect(english.split(separator: "\n").first { $0.hasPrefix("| 3.") }?.contains("| Not assessed |") == true)
    }

    // MARK: - the visit

    @Test(arguments: [ReportFormat.html, .markdown])
    func theVisitFactsAppearInTheReport(format: ReportFormat) throws {
        let visit = """
          <assessor name="Karim Bennani" role="inspector"/>
          <visit number="ONSSA-ERR/2026/118" purpose="follow-up" start="09:30" end="12:15" place="Douar Tazzarine">
            <service>Service vétérinaire provincial</service>
            <met name="Fatima Zahra Ouali" function="présidente"/>
            <met name="Hassan Amrani"/>
            <sample id="E1" product="dates" analysis="aflatoxines B1" laboratory="LOARC"/>
            <sample id="E2" analysis="humidité"/>
          </visit>
        """
        // The fixture's own visit, if it has one, gives way to this one.
        let fixture = try ReportCase.fixture("inspection")
        let withoutVisit = fixture.replacingOccurrences(of: #"\n  <visit[\s\S]*</visit>"#, with: "", options: .regularExpression)
        #expect(!withoutVisit.contains("<visit"))
        let text = try ReportCase.replacing(#"<assessor name="Dr Youssef El Idrissi" role="inspector"/>"#,
                                            with: #"<assessor name="Dr Youssef El Idrissi" role="inspector"/>"# + "\n" + visit,
                                            in: withoutVisit)
        let report = try ReportCase.report(text, format, .fr)
        // Both inspectors; number, service, purpose, times, place; persons met with their
        // function; the samples as a table, the product by its title (never the bare id
        // "dates"), a dash where the file says nothing.
        for part in ["Dr Youssef El Idrissi", "Karim Bennani", "ONSSA-ERR/2026/118", "Service vétérinaire provincial", "visite de suivi",
                     "09:30–12:15", "Douar Tazzarine", "Fatima Zahra Ouali (présidente)", "Hassan Amrani"] {
            #expect(report.contains(part), "\(format): \(part)")
        }
        let sampleRows = format == .html
            ? [#"<tr><td><bdi class="id" dir="ltr">E1</bdi></td><td data-label="Produit :"><bdi>Dattes</bdi></td><td data-label="Analyse :"><bdi>aflatoxines B1</bdi></td><td data-label="Laboratoire :"><bdi>LOARC</bdi></td></tr>"#,
               #"<tr><td><bdi class="id" dir="ltr">E2</bdi></td><td data-label="Produit :"><span class="muted">—</span></td><td data-label="Analyse :"><bdi>humidité</bdi></td><td data-label="Laboratoire :"><span class="muted">—</span></td></tr>"#]
            : ["| Identifiant | Produit | Analyse | Laboratoire |\n| --- | --- | --- | --- |\n| `E1` | Dattes | aflatoxines B1 | LOARC |\n| `E2` | — | humidité | — |\n"]
        for row in sampleRows {
            #expect(report.contains(row), "\(format): \(row)")
        }
        for label in ["N° du rapport", "Objet de la visite", "Horaire", "Lieu", "Personnes rencontrées", "Échantillons prélevés"] {
            #expect(report.contains(label), "\(format): \(label)")
        }
        // Without a visit, none of it.
        let plain = try ReportCase.report(withoutVisit, format, .fr)
        #expect(!plain.contains("Personnes rencontrées") && !plain.contains("N° du rapport") && !plain.contains("Échantillons prélevés"))
    }

    /// The labels of the samples' table in each language: its title, then its columns.
    static let sampleLabels: [(Language, [String])] = [
        (.fr, ["Échantillons prélevés", "Identifiant", "Produit", "Analyse", "Laboratoire"]),
        (.ar, ["العينات المأخوذة", "المعرّف", "المنتوج", "التحليل", "المختبر"]),
        (.en, ["Samples taken", "Identifier", "Product", "Analysis", "Laboratory"]),
    ]

    @Test(arguments: [ReportFormat.html, .markdown])
    func theSamplesTableIsLabelledInEachLanguage(format: ReportFormat) throws {
        let fixture = try ReportCase.fixture("inspection")
        for (language, labels) in Self.sampleLabels {
            let report = try ReportCase.report(fixture, format, language)
            let header = format == .html
                ? "<p class=\"k\">\(labels[0])</p>\n<table class=\"samples\">\n<thead><tr>" + labels.dropFirst().map { "<th>\($0)</th>" }.joined() + "</tr></thead>"
                : "**\(labels[0])**\n\n| " + labels.dropFirst().joined(separator: " | ") + " |\n| --- | --- | --- | --- |\n"
            #expect(report.contains(header), "\(format) \(language): \(header)")
            // One row per sample, in file order.
            let ids = ["E1", "E2", "E3-LOT-2026-0042-PALETTE-07"]
            let starts = ids.map { id in
                report.range(of: format == .html ? "<tr><td><bdi class=\"id\" dir=\"ltr\">\(id)</bdi></td>" : "`\(id)`")?.lowerBound
            }
            #expect(starts.allSatisfy { $0 != nil } && starts == starts.sorted { $0! < $1! }, "\(format) \(language)")
        }
    }

    @Test func theTextReportListsEachSampleWithItsFields() throws {
        let fixture = try ReportCase.fixture("inspection")
        let french = try ReportCase.report(fixture, .text, .fr)
        #expect(french.contains("""
              Échantillons prélevés :
                - E1
                  Produit : Dattes
                  Analyse : aflatoxines
                  Laboratoire : LOARC
                - E2
                  Analyse : humidité
                - E3-LOT-2026-0042-PALETTE-07
                  Produit : Dattes
                  Analyse : résidus de pesticides (multirésidus)
                  Laboratoire : Laboratoire Officiel d'Analyses et de Recherches Chimiques de Casablanca

            """), "\(french)")
        let english = try ReportCase.report(fixture, .text, .en)
        #expect(english.contains("  Samples taken:\n    - E1\n      Product: Dates\n      Analysis: aflatoxines\n      Laboratory: LOARC\n"), "\(english)")
        let arabic = try ReportCase.report(fixture, .text, .ar)
        #expect(arabic.contains("العينات المأخوذة:") && arabic.contains("المنتوج: التمور") && arabic.contains("المختبر: LOARC"), "\(arabic)")
    }

    // MARK: - the headline and the bars

    @Test func theHeadlineNamesTheHighestReadyLevelAndTheRequiredOnesState() throws {
        let evaluation = try ReportCase.evaluation(ReportCase.readyBelowRequired)
        // By hand (weights: PRE-01 and TRA-02 count 2, the others 1): autorisation has PRE-01,
        // PRE-02, PRE-03, STA-01, STA-02, TRA-01 all yes → 100, ready. Agrément adds PRE-04
        // (no) and TRA-02 (yes): 9 / 10 = 90 ≥ 85, but one open major where max-major is 0 →
        // not ready. Export adds TRA-03 (yes): 10 / 11 = 90.9 ≥ 90, same blocker.
        #expect(evaluation.targets.map(\.verdict) == [.ready, .notReady, .notReady])
        #expect(evaluation.targets.map(\.reportedScore) == [100, 90, 90.9])
        #expect(evaluation.targets.map(\.blockers) == [[], [.tooManyMajor], [.tooManyMajor]])
        let expected: [(Language, String)] = [
            (.fr, "Prêt pour : Autorisation sanitaire (niveau exigé : Agrément sanitaire — pas prêt — trop d'écarts majeurs)"),
            (.en, "Ready for: Sanitary authorisation (required level: Sanitary approval — not ready — too many major gaps)"),
        ]
        for (language, headline) in expected {
            #expect(ReportContent(evaluation, language: language, audit: false).headline == headline)
            let text = try ReportCase.report(ReportCase.readyBelowRequired, .text, language)
            #expect(text.split(separator: "\n").contains { $0 == headline }, "\(language): \(text)")
        }
    }

    /// Every row of the levels table of an HTML report: its bar's class and its badge.
    static func levelRows(_ html: String) -> [(fill: String, badge: String)] {
        html.split(separator: "\n").filter { $0.hasPrefix("<tr>") && $0.contains("<svg class=\"bar\"") }.compactMap { row in
            guard let fill = row.range(of: #"class="fill-[a-z]+""#, options: .regularExpression),
                  let badge = row.range(of: #"class="badge (ok|ko|mid)""#, options: .regularExpression) else { return nil }
            return (String(row[fill]), String(row[badge]))
        }
    }

    @Test("a level's bar is green only beside ready", arguments: Language.allCases)
    func aBarIsGreenOnlyWhenReady(language: Language) throws {
        let html = try ReportCase.report(ReportCase.readyBelowRequired, .html, language)
        // Autorisation ready; agrément (90 ≥ 85) and export (90.9 ≥ 90) above their minimum
        // but not ready: red, never green.
        #expect(Self.levelRows(html).map(\.fill) == [#"class="fill-ok""#, #"class="fill-ko""#, #"class="fill-ko""#])
        for name in ReportFixture.assessments {
            let rows = Self.levelRows(try ReportFixture.report(name, format: .html, language: language))
            #expect(rows.count == 3)
            for row in rows {
                #expect((row.fill == #"class="fill-ok""#) == (row.badge == #"class="badge ok""#), "\(name): \(row)")
            }
        }
    }

    // MARK: - check JSON (§4)

    @Test func aTargetWithNothingAssessedHasNoScore() throws {
        let json = try OrderedJSON.parse(try ReportCase.report(ReportCase.assessment(answers: ""), .json, .fr))
        #expect(json.keys == ["checklist", "assessment", "targets", "findings", "unassessed", "exempted", "warnings"])
        let targets = json["targets"]?.items ?? []
        #expect(targets.map(\.keys) == Array(repeating: ["id", "level", "required", "score", "verdict", "open", "assessed", "applicable", "blockers"], count: 3))
        // A dates cooperative: PRE-04 (cheese, milk) does not apply. Autorisation has PRE-01,
        // PRE-02, PRE-03, STA-01, STA-02, TRA-01; agrément adds TRA-02; export adds TRA-03.
        #expect(targets.map { $0["score"] } == [.null, .null, .null], "applicable requirements, none assessed: no score")
        #expect(targets.map { $0["verdict"] } == Array(repeating: .string("incomplete"), count: 3))
        #expect(targets.map { $0["assessed"] } == [.number(0), .number(0), .number(0)])
        #expect(targets.map { $0["applicable"] } == [.number(6), .number(7), .number(8)])
        #expect(targets.map { $0["blockers"] } == [.array([]), .array([]), .array([])], "no blocker is guessed from blanks")
        #expect(json["findings"] == .array([]))
        #expect(json["unassessed"]?.items.compactMap(\.string) == ["PRE-01", "PRE-02", "PRE-03", "STA-01", "STA-02", "TRA-01", "TRA-02", "TRA-03"])
    }

    @Test func warningsCarryTheirRefAndItem() throws {
        let answers = """
            <answer ref="PRE-04" status="yes"/>
            <answer ref="PRE-03" status="na"/>
            <answer ref="PRE-01" status="yes"><evidence ref="invoice" date="2026-01-05">f.pdf</evidence><measurement ref="nitrates" value="3"/></answer>
            """
        let json = try OrderedJSON.parse(try ReportCase.report(ReportCase.assessment(answers: answers), .json, .fr))
        // PRE-04 (cheese, milk) does not apply to dates: its yes is worth a warning. PRE-03's
        // na is no such answer (it applies: a finding, not a warning). Then PRE-01's unknown
        // evidence and measure, in the answer's order, by code.
        #expect(json["warnings"]?.items == [
            .object([("code", .string("not-applicable-answer")), ("ref", .string("PRE-04"))]),
            .object([("code", .string("unknown-evidence")), ("ref", .string("PRE-01")), ("item", .string("invoice"))]),
            .object([("code", .string("unknown-measure")), ("ref", .string("PRE-01")), ("item", .string("nitrates"))]),
        ])
    }

    @Test func anNAAnswerToARequirementThatDoesNotApplyIsNoWarning() throws {
        let json = try OrderedJSON.parse(try ReportCase.report(ReportCase.assessment(answers: #"<answer ref="PRE-04" status="na"/>"#), .json, .fr))
        #expect(json["warnings"] == .array([]))
    }
}
