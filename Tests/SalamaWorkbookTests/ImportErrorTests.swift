import Foundation
import SalamaEvaluation
import SalamaModel
import SalamaTestSupport
import SalamaXML
@testable import SalamaWorkbook
import Testing

/// Bad cells: each reported as `FILE:ROW:COLUMN: error: MESSAGE` with the spreadsheet's row and
/// column, all of them at once.
@Suite struct ImportErrorTests {
    /// The errors of importing `csv`, as (row, column, message).
    func errors(_ csv: String) -> [(row: Int, column: Int, message: String)] {
        errors(bytes: Array(csv.utf8))
    }

    func errors(bytes: [UInt8]) -> [(row: Int, column: Int, message: String)] {
        do {
            _ = try WorkbookImporter.load(bytes: bytes, path: "w.csv")
            Issue.record("the workbook was accepted")
            return []
        } catch {
            #expect(error.diagnostics.allSatisfy { $0.location.file == "w.csv" })
            return error.diagnostics.filter(\.isError).map { ($0.location.line, $0.location.column, $0.message) }
        }
    }

    static let validMetadata = "checklist,workbook-test\r\ndate,2026-11-20\r\ncooperative-id,COOP-1\r\nproducts,honey\r\n\r\n"

    @Test func everyBadCellOfTheFixtureIsReportedWhereItIs() throws {
        let path = Fixtures.path("workbook/bad-cells.csv")
        let error = try #require(throws: InvalidInputError.self) { try AssessmentFiles.load(path: path) }
        let lines = error.diagnostics.map(\.description)
        #expect(lines == [
            "\(path):2:2: error: date '2026-02-30' is not a real date",
            "\(path):3:2: error: unknown kind 'visite': write self or inspection (auto-évaluation, inspection; تقييم ذاتي, تفتيش; self-assessment, inspection)",
            "\(path):4:2: error: cooperative id 'COOP 42' is not an id (letters, digits, '.', '_' and '-', starting with a letter or digit)",
            "\(path):5:2: error: product 'Dattes!' is not an id, and the workbook's checklist was not found to read titles: give --checklist FILE or --checklists DIR, or write ids (lower-case letters, digits and '-', for example goat-cheese)",
            "\(path):6:1: error: unknown metadata key 'couleur': the keys are checklist, checklist-version, date, kind, cooperative-id, cooperative-name, region, province, commune, members, products, activities, assessor-name, assessor-role (or their labels in French, Arabic or English)",
            "\(path):7:2: error: members 'vingt' is not a whole number",
            "\(path):10:2: error: unknown status 'peut-être': write yes, partial, no or na (or oui, partiel, non, sans objet; نعم, جزئي, لا, غير معني)",
            "\(path):10:3: error: deadline '2027-02-29' is not a real date",
            "\(path):10:4: error: evidence 'water-analysis': date '2026-02-30' is not a real date",
            "\(path):10:5: error: measurement 'free-chlorine': 'abc' is not a number (write it like 0.4)",
            // Row 10's evidence cell holds two lines: the next record is still row 11.
            "\(path):11:5: error: measurement line 'ph 7' is not 'id: value' (for example free-chlorine: 0.4)",
            "\(path):12:1: error: second row for requirement 'GEN-02' (first at row 11): give one answer per requirement",
            "\(path):13:1: error: this row has answers but no requirement reference",
            "\(path):14:7: error: a value in a column without header",
        ])
    }

    @Test func unknownStatusInAnyColumnOrder() {
        let found = errors(Self.validMetadata + "note,statut,référence\r\n,ja,GEN-01\r\n")
        #expect(found.map(\.row) == [7])
        #expect(found.map(\.column) == [2])
        #expect(found.first?.message.hasPrefix("unknown status 'ja'") == true)
    }

    @Test(arguments: [
        ("deadline", "2026-02-30", "deadline '2026-02-30' is not a real date"),
        ("deadline", "30.01.2027", "deadline '30.01.2027' is not a date YYYY-MM-DD or DD/MM/YYYY (for example 2026-03-02)"),
        ("deadline", "31/02/2027", "deadline '31/02/2027' is not a real date"),
        ("measurements", "aflatoxins: <0.5", "measurement 'aflatoxins': '<0.5' is a limit, not a measured value: write the value the laboratory found, or leave the measurement empty and put '<0.5' in the note"),
        ("evidence", "water-analysis: 2026-04-31 a.pdf", "evidence 'water-analysis': date '2026-04-31' is not a real date"),
        ("evidence", "water-analysis: analyse.pdf", "evidence 'water-analysis': write the document's date first, as YYYY-MM-DD, then its name (for example 'water-analysis: 2026-03-02 analyse.pdf'), not 'analyse.pdf'"),
        ("evidence", "water analysis: 2026-01-01", "evidence id 'water analysis' is not an id (letters, digits, '.', '_' and '-')"),
        ("evidence", "a: 2026-01-01\na: 2026-01-02", "evidence 'a' is given twice in this cell"),
        ("measurements", "free-chlorine: 0.4 mg/L", "measurement 'free-chlorine': '0.4 mg/L' is not a number (write it like 0.4)"),
        ("measurements", "free-chlorine: 1e3", "measurement 'free-chlorine': '1e3' is not a number (write it like 0.4)"),
        ("measurements", "free-chlorine: 1,000.5", "measurement 'free-chlorine': '1,000.5' is not a number (write it like 0.4)"),
        ("status", "maybe", "unknown status 'maybe': write yes, partial, no or na (or oui, partiel, non, sans objet; نعم, جزئي, لا, غير معني)"),
        ("reference", "GEN 01", "reference 'GEN 01' is not a requirement id"),
    ])
    func badCellIsReportedAtItsRowAndColumn(column: String, value: String, message: String) {
        let columns = ["reference", "status", "deadline", "evidence", "measurements"]
        var row = ["GEN-01", "yes", "", "", ""]
        let index = columns.firstIndex(of: column)!
        row[index] = value
        let cells = row.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: ",")
        let found = errors(Self.validMetadata + columns.joined(separator: ",") + "\r\n" + cells + "\r\n")
        #expect(found.count == 1)
        #expect(found.first?.row == 7)
        #expect(found.first?.column == index + 1)
        #expect(found.first?.message == message)
    }

    @Test func impossibleDateOfTheAssessment() {
        let found = errors("checklist,workbook-test\r\ndate (AAAA-MM-JJ),2026-02-30\r\ncooperative-id,C\r\nproducts,honey\r\n\r\nreference,status\r\n")
        #expect(found.map { "\($0.row):\($0.column) \($0.message)" } == ["2:2 date '2026-02-30' is not a real date"])
    }

    @Test func missingHeaderRow() {
        let found = errors(Self.validMetadata + "GEN-01,oui\r\nGEN-02,non\r\n")
        #expect(found.map { "\($0.row):\($0.column)" } == ["6:1"])
        #expect(found.first?.message == "missing header row: after the metadata and an empty row, write the table's header (reference, section, title, level, severity, status, deadline, evidence, measurements, note, guidance), not 'GEN-01'")

        let noTable = errors(Self.validMetadata)
        #expect(noTable.map { "\($0.row):\($0.column)" } == ["6:1"], "the row after the last one")
        #expect(noTable.first?.message.hasPrefix("missing header row") == true)
    }

    @Test func missingHeaderColumnAndTheOtherCellsAreStillChecked() {
        let found = errors(Self.validMetadata + "reference,deadline,couleur\r\nGEN-01,2026-13-01,\r\n")
        #expect(found.map { "\($0.row):\($0.column) \($0.message)" } == [
            "6:1 missing header 'status' in the header row (réponse, الجواب, status)",
            "7:2 deadline '2026-13-01' is not a real date",
        ])
        let misspelt = errors(Self.validMetadata + "reference,statuts\r\nGEN-01,oui\r\n")
        #expect(misspelt.map { "\($0.row):\($0.column)" } == ["6:1"], "the cell under the misspelt header is not reported again")
        #expect(misspelt.first?.message.hasPrefix("missing header 'status'") == true)
        let withoutReference = errors(Self.validMetadata + "status,evidence\r\noui,x: bad\r\n")
        #expect(withoutReference.map { "\($0.row):\($0.column)" } == ["6:1", "7:2"])
    }

    @Test func missingAndRepeatedMetadata() {
        let found = errors("checklist,workbook-test\r\nchecklist,other\r\ncooperative-id,\r\n,orphan\r\nproducts,honey,extra\r\n\r\nreference,status\r\n")
        #expect(found.map { "\($0.row):\($0.column) \($0.message)" } == [
            "1:1 missing metadata row 'date' (date, التاريخ, date): write the day of the assessment as YYYY-MM-DD",
            "2:1 second 'checklist' row (first at row 1)",
            "3:2 cooperative-id is empty: write the cooperative's id, for example COOP-ERR-0042",
            "4:1 a metadata value without its key",
            "5:3 a metadata row holds its key in column A and its value in column B, nothing further",
        ])
    }

    @Test func textThatIsNotUTF8IsReportedAtItsCell() {
        var bytes = Array((Self.validMetadata + "reference,status,note\r\nGEN-01,oui,caf").utf8)
        bytes += [0xE9] // Latin-1 "é"
        bytes += Array("\r\n".utf8)
        let found = errors(bytes: bytes)
        // One error for the file, at the first line that is not UTF-8, not one per cell.
        #expect(found.map { "\($0.row):\($0.column)" } == ["7:1"])
        #expect(found.first?.message.contains("CSV UTF-8") == true)
    }

    @Test func warningsOfTheChecklistPointAtTheCells() throws {
        let csv = Self.validMetadata + "reference,status,evidence,measurements\r\nGEN-01,yes,\"water-analysis: 2026-01-01\nphoto: 2026-01-01\",ph: 7\r\nXYZ-9,no,,\r\n"
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.write("w.csv", csv)
        let run = CheckRun(catalog: ChecklistCatalog(.file(WorkbookFixture.checklistPath)),
                           loadAssessment: { path throws(InvalidInputError) in try AssessmentFiles.load(path: path) })
        let outcome = run.check(path)
        let evaluation = try #require(outcome.evaluation)
        #expect(evaluation.assessment.path == path)
        #expect(outcome.diagnostics.map(\.description) == [
            "\(path):7:3: warning: evidence 'photo' is not an evidence item of requirement 'GEN-01'",
            "\(path):7:4: warning: measurement 'ph' is not a measure of requirement 'GEN-01'",
            "\(path):8:1: warning: answer to unknown requirement 'XYZ-9': the checklist has no such requirement",
        ])
    }

    @Test func xmlLocationsQuotedInMessagesBecomeCells() {
        let locations = CellLocations(path: "w.csv", parts: [3: .answer(0), 9: .evidence(answer: 0, 1)],
                                      origins: [.answer(0): SourceLocation(file: "w.csv", line: 17, column: 1),
                                                .evidence(answer: 0, 1): SourceLocation(file: "w.csv", line: 17, column: 6)])
        #expect(locations.remap(message: "duplicate (first at w.csv:9:5); see w.csv:3:3 and w.csv:4:1, not w.csv:x") ==
                "duplicate (first at w.csv:17:6); see w.csv:17:1 and w.csv, not w.csv:x")
        let diagnostic = locations.remap(Diagnostic.error(at: SourceLocation(file: "w.csv", line: 3, column: 9),
                                                          ModelMessage.secondAnswer(ref: "WAT-01", first: "w.csv:9:5")))
        #expect(diagnostic.description == "w.csv:17:1: error: second answer to requirement 'WAT-01' (first at w.csv:17:6): give one answer per requirement")
        #expect(locations.remap(SourceLocation(file: "other.xml", line: 3, column: 2)).description == "other.xml:3:2")
    }
}
