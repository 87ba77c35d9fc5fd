import Foundation
import SalamaEvaluation
import SalamaModel
import SalamaReports
import SalamaTestSupport
@testable import SalamaWorkbook
import Testing
import SalamaXML

/// `salama template --format csv` and `salama import`: the layout, and the round trip back to
/// the same assessment and the same evaluation.
@Suite struct CSVWorkbookTests {
    static let filledCSV = Fixtures.path("workbook/filled-fr.csv")
    static let filledXML = Fixtures.path("workbook/filled.xml")

    @Test func layoutIsMetadataThenAnEmptyRowThenTheTable() throws {
        let csv = try WorkbookFixture.template(WorkbookFixture.profile(["honey"], ["packaging"])).csv()
        let bytes = Array(csv.utf8)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "a UTF-8 byte-order mark")
        #expect(csv.hasPrefix("\u{FEFF}référentiel,workbook-test\r\nversion du référentiel,2026.1\r\ndate (AAAA-MM-JJ),2026-11-20\r\ntype (auto-évaluation / inspection),auto-évaluation\r\nidentifiant de la coopérative,COOP-ERR-0042\r\n"))
        #expect(csv.contains("\r\nproduits,Miel\r\nactivités,Conditionnement\r\nnom de l'évaluateur,\r\nrôle de l'évaluateur (membre / inspecteur / formateur),membre\r\n\r\nréférence,rubrique,exigence,niveau,gravité,réponse (oui / partiel / non / sans objet),échéance (AAAA-MM-JJ),preuves (id: AAAA-MM-JJ document),mesures (id: valeur),remarque,conseil\r\n"))
        #expect(csv.hasSuffix("\r\nSTO-01,Stockage,Les produits finis sont stockés à l'abri de la lumière,Autorisation sanitaire,mineur,,,,,,\r\n"))
        // Records end with CRLF; a line feed alone only occurs inside a quoted, multi-line cell.
        let rows = WorkbookFixture.rows(csv)
        #expect(rows.count == 14 + 1 + 1 + 6)
        #expect(rows[16] == ["GEN-01", "Hygiène générale",
                             "L'eau utilisée est potable\n• water-analysis: Bulletin d'analyse de potabilité (valable 365 jours)\n• free-chlorine: Chlore libre résiduel (mg/L)",
                             "Autorisation sanitaire", "critique", "", "", "water-analysis:", "free-chlorine:", "",
                             "Eau du réseau public, ou analysée chaque année si elle vient d'un puits"])
        #expect(csv.contains("\"L'eau utilisée est potable\n• water-analysis: Bulletin d'analyse de potabilité (valable 365 jours)\n• free-chlorine: Chlore libre résiduel (mg/L)\""))
        #expect(rows[19] == ["HON-01", "Miel", "L'humidité du miel est maîtrisée\n• moisture: Teneur en eau du miel (%)", "Autorisation sanitaire", "majeur",
                             "", "", "", "moisture:", "", "Au réfractomètre, sur chaque lot"])
    }

    /// The whole blank workbook of a honey and dates cooperative that packages, in each
    /// language, as a spreadsheet reads it (the byte-order mark aside): Tests/Fixtures/golden.
    @Test(arguments: Language.allCases)
    func blankWorkbooksMatchTheirGoldenFiles(_ language: Language) throws {
        let csv = try WorkbookFixture.template(WorkbookFixture.profile(["honey", "dates"], ["packaging", "storage"]), language: language).csv()
        #expect(csv.hasPrefix(WorkbookCSV.byteOrderMark))
        Golden.check(String(csv.dropFirst()), "workbook.\(language.rawValue).csv")
    }

    @Test(arguments: Language.allCases)
    func blankCSVImportsToTheSameAssessmentAsTheXMLTemplate(_ language: Language) throws {
        let template = try WorkbookFixture.template(WorkbookFixture.profile(["honey", "goat-cheese"], ["packaging", "cheese-making"]), language: language)
        let fromCSV = try WorkbookFixture.load(template.csv(), as: "t.csv")
        let fromXML = try WorkbookFixture.load(template.xml(), as: "t.xml")
        #expect(fromCSV.warnings.isEmpty)
        #expect(fromCSV.value.cooperative == fromXML.value.cooperative)
        #expect(fromCSV.value.kind == fromXML.value.kind)
        #expect(fromCSV.value.date == fromXML.value.date)
        #expect(fromCSV.value.checklistVersion == fromXML.value.checklistVersion)
        #expect(fromCSV.value.answers.map(\.ref) == fromXML.value.answers.map(\.ref))
        #expect(fromCSV.value.answers.map(\.ref) == ["GEN-01", "GEN-02", "GEN-03", "HON-01", "HON-02", "DAI-01", "DAI-02", "STO-01"])
        #expect(fromCSV.value.answers.map { $0.evidence.map(\.ref) } == fromXML.value.answers.map { $0.evidence.map(\.ref) })
        #expect(fromCSV.value.answers.map { $0.measurements.map(\.ref) } == fromXML.value.answers.map { $0.measurements.map(\.ref) })
        #expect(fromCSV.value.answers.allSatisfy { $0.status == nil })
        #expect(WorkbookFixture.Outcome(try WorkbookFixture.evaluate(fromCSV.value)) == WorkbookFixture.Outcome(try WorkbookFixture.evaluate(fromXML.value)))
    }

    @Test func handFilledCSVEvaluatesAsTheEquivalentHandWrittenXML() throws {
        // The hand-filled workbook predates the level, severity and guidance columns.
        let header = try #require(WorkbookFixture.rows(String(contentsOfFile: Self.filledCSV, encoding: .utf8)).first { $0.first == "Référence" || $0.first == "référence" })
        #expect(!header.contains { [.level, .severity, .guidance].contains(WorkbookLabel.columns[WorkbookLabel.normalized($0)]) })
        let fromCSV = try AssessmentFiles.load(path: Self.filledCSV)
        let fromXML = try AssessmentFiles.load(path: Self.filledXML)
        let csvOutcome = WorkbookFixture.Outcome(try WorkbookFixture.evaluate(fromCSV.value))
        #expect(csvOutcome == WorkbookFixture.Outcome(try WorkbookFixture.evaluate(fromXML.value)))
        // What both say, computed by hand: GEN-01 in order; HON-01 out of range; HON-02's label
        // proof 1054 days old (valid 730); STO-01 declared na although it applies.
        typealias Requirement = WorkbookFixture.Outcome.Requirement
        #expect(csvOutcome.requirements.filter(\.applicable) == [
            Requirement(id: "GEN-01", applicable: true, declared: .yes, status: .yes, reasons: []),
            Requirement(id: "GEN-02", applicable: true, declared: .partial, status: .partial, reasons: []),
            Requirement(id: "GEN-03", applicable: true, declared: .no, status: .no, reasons: []),
            Requirement(id: "HON-01", applicable: true, declared: .yes, status: .no,
                        reasons: [.measureOutOfRange(measure: "moisture", value: 21, min: nil, max: 20)]),
            Requirement(id: "HON-02", applicable: true, declared: .yes, status: .partial,
                        reasons: [.evidenceExpired(evidence: "label-proof", date: Day(iso: "2024-01-01")!, maxAgeDays: 730)]),
            Requirement(id: "STO-01", applicable: true, declared: .na, status: .no, reasons: [.declaredNotApplicableButApplies]),
        ])
        // autorisation: weights GEN-01 2, the others 1; credit 2 + 0.5 + 0 + 0 + 0.5 + 0 = 3 of 7.
        var open = SeverityCounts()
        open.major = 2
        open.minor = 3
        #expect(csvOutcome.targets.first == WorkbookFixture.Outcome.Target(
            id: "autorisation", score: 42.9, verdict: .notReady, required: true, blockers: [.scoreBelowMinimum, .majorWithoutDeadline], open: open))
        #expect(csvOutcome.findings == ["GEN-02", "HON-01", "GEN-03", "HON-02", "STO-01"])
        #expect(csvOutcome.warnings.isEmpty)

        // The values themselves: the decimal comma, the quoted note with comma, quotes and Arabic.
        let csv = fromCSV.value, xml = fromXML.value
        #expect(csv.cooperative == xml.cooperative)
        #expect(csv.cooperative.name == "Coopérative Nahla, \"la ruche\"")
        #expect(csv.assessors == xml.assessors)
        let water = try #require(csv.answers.first)
        #expect(water.notes == ["Analyse faite à Rissani, \"labo agréé\" — تحليل الماء"])
        #expect(water.notes == xml.answers.first?.notes)
        #expect(water.measurements.first?.value == 0.4)
        #expect(water.evidence.first?.document == "analyse-eau.pdf")
        #expect(water.deadline == Day(iso: "2027-01-31"))
        #expect(csv.answers.map(\.deadline) == xml.answers.map(\.deadline))
    }

    /// The template of a honey and dates cooperative that packages, in `language`, filled in
    /// as `filled.xml` is written by hand.
    static func filledTemplate(_ language: Language) throws -> String {
        let template = try WorkbookFixture.template(WorkbookFixture.profile(["honey", "dates"], ["packaging"]), language: language)
        let word = { (status: AnswerStatus) in WorkbookWords.status(status, language) }
        return try WorkbookFixture.fill(template.csv(), [
            "GEN-01": [.status: word(.yes), .deadline: "2027-01-31",
                       .evidence: "water-analysis: 2026-03-02 analyse-eau.pdf",
                       .measurements: "free-chlorine: 0,4",
                       .note: "Analyse faite à Rissani, \"labo agréé\" — تحليل الماء"],
            "GEN-02": [.status: word(.partial)],
            "GEN-03": [.status: word(.no), .deadline: "2027-03-31"],
            "HON-01": [.status: word(.yes), .measurements: "moisture: 21"],
            "HON-02": [.status: word(.yes), .evidence: "label-proof: 2024-01-01 etiquette.pdf"],
            "STO-01": [.status: word(.na)],
        ])
    }

    @Test(arguments: Language.allCases)
    func filledTemplateRoundTripsInEveryLanguage(_ language: Language) throws {
        let filled = try Self.filledTemplate(language)
        let imported = try WorkbookFixture.load(filled, as: "filled.csv")
        let handWritten = try AssessmentFiles.load(path: Self.filledXML)
        #expect(WorkbookFixture.Outcome(try WorkbookFixture.evaluate(imported.value)) == WorkbookFixture.Outcome(try WorkbookFixture.evaluate(handWritten.value)))
        #expect(imported.value.answers.first?.notes == ["Analyse faite à Rissani, \"labo agréé\" — تحليل الماء"])
        #expect(imported.warnings.isEmpty, "the level, severity and guidance columns are the workbook's own: no warning for them")
    }

    /// What the read-only columns hold, per language: the header, then for a row the level, the
    /// severity and the guidance (nil: the row is not in the workbook).
    struct ReadOnlyColumnsCase: Sendable, CustomTestStringConvertible {
        var language: Language
        var header: [String]
        var products: String
        var rows: [String: [String]]
        var testDescription: String { language.rawValue }
    }

    static let readOnlyColumnsCases = [
        ReadOnlyColumnsCase(
            language: .fr,
            header: ["référence", "rubrique", "exigence", "niveau", "gravité", "réponse (oui / partiel / non / sans objet)", "échéance (AAAA-MM-JJ)",
                     "preuves (id: AAAA-MM-JJ document)", "mesures (id: valeur)", "remarque", "conseil"],
            products: "Miel, Fromage de chèvre",
            rows: ["GEN-01": ["Autorisation sanitaire", "critique", "Eau du réseau public, ou analysée chaque année si elle vient d'un puits"],
                   "GEN-02": ["Autorisation sanitaire", "majeur", ""],
                   "GEN-03": ["Autorisation sanitaire", "mineur", "- une session par an au moins"],
                   "HON-01": ["Autorisation sanitaire", "majeur", "Au réfractomètre, sur chaque lot"],
                   "DAI-01": ["Agrément sanitaire", "critique", ""]]),
        ReadOnlyColumnsCase(
            language: .ar,
            header: ["رمز المتطلب", "القسم", "المتطلب", "المستوى", "الخطورة", "الجواب (نعم / جزئي / لا / غير معني)", "الأجل (YYYY-MM-DD)",
                     "الوثائق (id: YYYY-MM-DD الوثيقة)", "القياسات (id: القيمة)", "ملاحظة", "إرشاد"],
            products: "العسل, جبن الماعز",
            // The levels have French titles only: the checklist's language stands in.
            rows: ["GEN-01": ["Autorisation sanitaire", "حرج", "ماء الشبكة العمومية، أو ماء يحلل كل سنة إذا كان من بئر"],
                   "GEN-02": ["Autorisation sanitaire", "رئيسي", ""],
                   "GEN-03": ["Autorisation sanitaire", "ثانوي", "- une session par an au moins"],
                   "HON-01": ["Autorisation sanitaire", "رئيسي", "Au réfractomètre, sur chaque lot"],
                   "DAI-01": ["Agrément sanitaire", "حرج", ""]]),
        ReadOnlyColumnsCase(
            language: .en,
            header: ["reference", "section", "title", "level", "severity", "status (yes / partial / no / na)", "deadline (YYYY-MM-DD)",
                     "evidence (id: YYYY-MM-DD document)", "measurements (id: value)", "note", "guidance"],
            products: "Miel, Fromage de chèvre",
            rows: ["GEN-01": ["Autorisation sanitaire", "critical", "Mains water, or analysed every year when it comes from a well"],
                   "GEN-02": ["Autorisation sanitaire", "major", ""],
                   "GEN-03": ["Autorisation sanitaire", "minor", "=one session a year at least"],
                   "HON-01": ["Autorisation sanitaire", "major", "Au réfractomètre, sur chaque lot"],
                   "DAI-01": ["Agrément sanitaire", "critical", ""]]),
    ]

    @Test(arguments: readOnlyColumnsCases)
    func levelSeverityAndGuidanceAreWrittenInTheWorkbooksLanguage(_ expected: ReadOnlyColumnsCase) throws {
        let template = try WorkbookFixture.template(WorkbookFixture.profile(["honey", "goat-cheese"]), language: expected.language)
        let rows = WorkbookFixture.rows(template.csv())
        let header = try #require(rows.firstIndex { $0.count > 1 && $0[0] == expected.header[0] })
        #expect(rows[header] == expected.header)
        // Products are named by their titles in the workbook's language (the checklist's where a title is missing).
        #expect(rows[WorkbookField.allCases.firstIndex(of: .products)!] == [WorkbookField.products.label(expected.language), expected.products])
        let level = try #require(WorkbookColumn.allCases.firstIndex(of: .level))
        let severity = try #require(WorkbookColumn.allCases.firstIndex(of: .severity))
        let guidance = try #require(WorkbookColumn.allCases.firstIndex(of: .guidance))
        for (reference, cells) in expected.rows {
            let row = try #require(rows.dropFirst(header + 1).first { $0.first == reference }, "\(reference)")
            #expect([row[level], row[severity], row[guidance]] == cells, "\(reference)")
        }
    }

    @Test(arguments: Language.allCases)
    func aTitleHoldingACommaIsReadBackAsOneName(_ language: Language) throws {
        let template = try WorkbookFixture.template(WorkbookFixture.profile(["honey"], ["storage", "packaging"]), language: language)
        let csv = template.csv()
        if language != .ar {
            #expect(csv.contains("\"Stockage (au sec, à l'abri), Conditionnement\""))
        }
        let imported = try WorkbookFixture.load(csv, as: "t.csv")
        #expect(imported.warnings.isEmpty)
        #expect(imported.value.cooperative.activities == ["storage", "packaging"])
        // Typed by a person, with a semicolon, the title and the names around it are still found.
        let typed = csv.replacingOccurrences(of: "Stockage (au sec, à l'abri), Conditionnement", with: " stockage (AU SEC, a l'abri);conditionnement ; ")
            .replacingOccurrences(of: "التخزين, التلفيف", with: " stockage (AU SEC, a l'abri);conditionnement ; ")
        let retyped = try WorkbookFixture.load(typed, as: "typed.csv")
        #expect(retyped.value.cooperative.activities == ["storage", "packaging"])
    }

    @Test func aGuidanceThatLooksLikeAFormulaIsGuarded() throws {
        let french = try WorkbookFixture.template(WorkbookFixture.profile(["honey"]), language: .fr).csv()
        #expect(french.contains(",mineur,,,training-certificate:,,,'- une session par an au moins\r\n"))
        let english = try WorkbookFixture.template(WorkbookFixture.profile(["honey"]), language: .en).csv()
        #expect(english.contains(",minor,,,training-certificate:,,,'=one session a year at least\r\n"))
        // Read back, the guard is gone and the text is the checklist's.
        let rows = WorkbookFixture.rows(english)
        let guidance = try #require(WorkbookColumn.allCases.firstIndex(of: .guidance))
        #expect(rows.first { $0.first == "GEN-03" }?[guidance] == "=one session a year at least")
    }

    @Test(arguments: Language.allCases)
    func whatAMemberWritesInTheReadOnlyColumnsIsIgnored(_ language: Language) throws {
        let template = try WorkbookFixture.template(WorkbookFixture.profile(["honey", "goat-cheese"]), language: language)
        let answers: [String: [WorkbookColumn: String]] = [
            "GEN-01": [.status: WorkbookWords.status(.yes, language), .evidence: "water-analysis: 2026-03-02 analyse.pdf", .measurements: "free-chlorine: 0.4"],
            "DAI-01": [.status: WorkbookWords.status(.no, language), .deadline: "2027-01-31"],
        ]
        var scribbled = answers
        scribbled["GEN-01"]?.merge([.level: "Export", .severity: "mineur", .guidance: "=SUM(A1:A9)"]) { $1 }
        scribbled["DAI-01"]?.merge([.level: "", .severity: "", .guidance: "à voir avec le vétérinaire"]) { $1 }
        let clean = try WorkbookFixture.load(WorkbookFixture.fill(template.csv(), answers), as: "clean.csv")
        let edited = try WorkbookFixture.load(WorkbookFixture.fill(template.csv(), scribbled), as: "edited.csv")
        #expect(edited.warnings.isEmpty)
        #expect(edited.value.answers.map(\.ref) == clean.value.answers.map(\.ref))
        #expect(edited.value.answers.map(\.notes) == clean.value.answers.map(\.notes))
        #expect(WorkbookFixture.Outcome(try WorkbookFixture.evaluate(edited.value)) == WorkbookFixture.Outcome(try WorkbookFixture.evaluate(clean.value)))
    }

    @Test(arguments: Language.allCases)
    func aWorkbookWrittenBeforeTheReadOnlyColumnsStillImports(_ language: Language) throws {
        let filled = try Self.filledTemplate(language)
        // The same workbook as an older template wrote it: without level, severity and guidance.
        let dropped = [WorkbookColumn.level, .severity, .guidance].compactMap { WorkbookColumn.allCases.firstIndex(of: $0) }.sorted(by: >)
        var rows = WorkbookFixture.rows(filled)
        let header = try #require(rows.firstIndex { $0.count == WorkbookColumn.allCases.count })
        for index in rows.indices where index >= header {
            for column in dropped { rows[index].remove(at: column) }
        }
        #expect(rows[header].count == 8)
        let old = try WorkbookFixture.load(WorkbookCSV.byteOrderMark + WorkbookCSV.encode(rows), as: "old.csv")
        #expect(old.warnings.isEmpty)
        let handWritten = try AssessmentFiles.load(path: Self.filledXML)
        #expect(WorkbookFixture.Outcome(try WorkbookFixture.evaluate(old.value)) == WorkbookFixture.Outcome(try WorkbookFixture.evaluate(handWritten.value)))
        #expect(old.value.answers.map(\.ref) == (try WorkbookFixture.load(filled, as: "new.csv")).value.answers.map(\.ref))
    }

    @Test func byteOrderMarkIsOptionalAndNeverPartOfTheFirstKey() throws {
        let csv = try WorkbookFixture.template(WorkbookFixture.profile(["honey"])).csv()
        #expect(csv.hasPrefix("\u{FEFF}"))
        let withMark = try WorkbookFixture.load(csv, as: "with.csv").value
        let withoutMark = try WorkbookFixture.load(String(csv.dropFirst()), as: "without.csv").value
        #expect(withMark.checklistID == "workbook-test")
        #expect(withoutMark.checklistID == "workbook-test")
        #expect(withMark.answers.map(\.ref) == withoutMark.answers.map(\.ref))
    }

    @Test func semicolonsAndLineFeedsAsSomeSpreadsheetsSaveThem() throws {
        let csv = """
        Référentiel;workbook-test
        Date;2026-11-20
        Coopérative;Nahla
        Identifiant de la coopérative;COOP-1
        Produits;honey

        Référence;Statut;Mesures
        GEN-01;Oui;free-chlorine: 0,4
        HON-01;Non;

        """
        let assessment = try WorkbookFixture.load(csv, as: "semicolons.csv").value
        #expect(assessment.cooperative.name == "Nahla")
        #expect(assessment.answers.map(\.ref) == ["GEN-01", "HON-01"])
        #expect(assessment.answers.map(\.status) == [.yes, .no])
        #expect(assessment.answers[0].measurements.first?.value == 0.4)
    }

    @Test func headersAndKeysInAnyLanguageAndAnyColumnOrder() throws {
        let csv = """
        المرجع,workbook-test\r
        checklist version,2026.1\r
        التاريخ (YYYY-MM-DD),2026-11-20\r
        النوع,تفتيش\r
        معرف التعاونية,COOP-ZAG-7\r
        cooperative name,تعاونية تاونزة\r
        الجهة,درعة تافيلالت\r
        province,Zagora\r
        المنتجات,"dates, honey"\r
        اسم المقيم,Karim\r
        \r
        note,الجواب,رمز المتطلب,preuves (id: AAAA-MM-JJ document)\r
        ملاحظة,جزئي,GEN-01,water-analysis: 2026-01-10 تحليل.pdf\r
        ,غير معني,HON-01,\r

        """
        let assessment = try WorkbookFixture.load(csv, as: "arabic.csv").value
        #expect(assessment.kind == .inspection)
        #expect(assessment.assessors.map(\.name) == ["Karim"])
        #expect(assessment.assessors.map(\.role) == [.inspector], "the role defaults to the usual one for an inspection")
        #expect(assessment.cooperative.name == "تعاونية تاونزة")
        #expect(assessment.cooperative.products == ["dates", "honey"])
        #expect(assessment.answers.map(\.ref) == ["GEN-01", "HON-01"])
        #expect(assessment.answers.map(\.status) == [.partial, .na])
        #expect(assessment.answers[0].notes == ["ملاحظة"])
        #expect(assessment.answers[0].evidence.first?.document == "تحليل.pdf")
    }

    @Test func everyStatusWordOfEveryLanguageIsAccepted() {
        let words: [String: AnswerStatus] = [
            "yes": .yes, "oui": .yes, "نعم": .yes, " OUI ": .yes,
            "partial": .partial, "partiel": .partial, "Partielle": .partial, "جزئي": .partial,
            "no": .no, "non": .no, "لا": .no, "NO": .no,
            "na": .na, "sans objet": .na, "Sans Objet": .na, "غير معني": .na, "N/A": .na,
        ]
        for (word, status) in words {
            #expect(WorkbookWords.status(named: word) == status, "\(word)")
        }
        for word in ["peut-être", "y", "ok", "1", "oui non"] {
            #expect(WorkbookWords.status(named: word) == nil, "\(word)")
        }
    }

    @Test func labelsNeverCollide() {
        // Import finds keys and headers by name: no name may stand for two things.
        var seen: [String: String] = [:]
        for field in WorkbookField.allCases {
            for name in [field.rawValue] + field.aliases + Language.allCases.map({ field.label($0) }) {
                let key = WorkbookLabel.normalized(name)
                #expect(seen[key] == nil || seen[key] == "field \(field)", "\(name): field \(field) and \(seen[key] ?? "")")
                seen[key] = "field \(field)"
            }
        }
        for column in WorkbookColumn.allCases {
            for name in [column.rawValue] + column.aliases + Language.allCases.map({ column.label($0) }) {
                let key = WorkbookLabel.normalized(name)
                #expect(seen[key] == nil || seen[key] == "column \(column)", "\(name): column \(column) and \(seen[key] ?? "")")
                seen[key] = "column \(column)"
            }
        }
    }

    @Test func formulaLookingTextIsGuardedAndComesBackUnchanged() throws {
        let name = "=HYPERLINK(\"http://x\",\"clic\")"
        let csv = try WorkbookFixture.template(WorkbookFixture.profile(["honey"], name: name)).csv()
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"clic\"\")\""))
        #expect(try WorkbookFixture.load(csv, as: "t.csv").value.cooperative.name == name)
        #expect(WorkbookCSV.guarded("-5 °C") == "'-5 °C")
        #expect(WorkbookCSV.guarded("Nahla") == "Nahla")
        #expect(WorkbookCSV.unguarded("'don't") == "'don't", "an apostrophe before ordinary text is the user's")
    }

    @Test func writerQuotesWhatNeedsQuotingAndDoublesQuotes() {
        #expect(WorkbookCSV.encode([["a", "b,c", "d\"e", "f\ng", "h\r\ni", "عربي"], [""], ["x"]])
                == "a,\"b,c\",\"d\"\"e\",\"f\ng\",\"h\r\ni\",عربي\r\n\r\nx\r\n")
    }
}
