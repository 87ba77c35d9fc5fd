import Foundation
import SalamaModel
import SalamaTestSupport
import SalamaXML
@testable import SalamaWorkbook
import Testing

/// Workbooks that a spreadsheet cannot turn into formulas, and CSV files from real
/// spreadsheets read as they were meant or refused in one clear message (issue 15, items 15–16).
@Suite("CSV workbooks: formulas, quotes, encodings, French habits")
struct CSVSafetyTests {
    static let metadata = "checklist,workbook-test\r\ndate,2026-11-20\r\ncooperative-id,COOP-1\r\nproducts,honey\r\n\r\n"

    func diagnostics(_ bytes: [UInt8]) -> [Diagnostic] {
        do {
            let imported = try WorkbookImporter.load(bytes: bytes, path: "w.csv")
            return imported.assessment.warnings
        } catch {
            return error.diagnostics
        }
    }

    @Test("Guarding and unguarding give back every text", arguments: [
        "=1+1", " =1+1", "\u{A0}=HYPERLINK(\"x\")", "+33 6", "-5", "@SUM(A1)", "\tx", "\r=x", "'=x", "''=x", "'", "''", "'plain",
        "plain", "", " ", "=", "l'eau", "-", "'-", "＝1+1",
    ])
    func guardRoundTrips(text: String) {
        let written = WorkbookCSV.guarded(text)
        #expect(WorkbookCSV.unguarded(written) == text)
        let visible = written.drop { $0 == " " || $0 == "\u{A0}" }
        if let first = visible.unicodeScalars.first {
            #expect(!["=", "+", "-", "@", "\t", "\r"].contains(first) || written.hasPrefix("'"), "\(written)")
        }
    }

    @Test func everyCellOfAWrittenWorkbookIsGuardedAndComesBackExactly() throws {
        let draft = AssessmentDraft(checklist: "workbook-test", checklistVersion: "=1+1", date: Day(iso: "2026-11-20")!, kind: .selfAssessment,
                                    cooperativeID: "COOP-1", cooperativeName: " =HYPERLINK(\"http://x\")", region: "'=x", province: "@p",
                                    products: ["honey"], answers: [])
        let csv = WorkbookCSV.write(draft, language: .fr)
        for line in csv.split(separator: "\r\n") {
            for cell in line.split(separator: ",", omittingEmptySubsequences: false) {
                let text = cell.hasPrefix("\"") ? String(cell.dropFirst()) : String(cell)
                let visible = text.drop { $0 == " " }
                #expect(!(visible.first.map { "=+-@".contains($0) } ?? false), "unguarded cell \(cell)")
            }
        }
        var reading = WorkbookReading(path: "w.csv")
        let decoded = reading.decode(Array(csv.utf8))
        let rows = try #require(decoded)
        let values = Dictionary(rows.prefix(14).compactMap { $0.count >= 2 ? ($0[0], $0[1]) : nil }, uniquingKeysWith: { a, _ in a })
        #expect(values.values.contains("=1+1"))
        #expect(values.values.contains(" =HYPERLINK(\"http://x\")"))
        #expect(values.values.contains("'=x"))
        #expect(values.values.contains("@p"))
    }

    @Test func anUnclosedQuoteIsOneErrorWhereItOpened() {
        let csv = Self.metadata + "reference,status,note\r\nGEN-01,oui,\"la citerne\r\nGEN-02,non,\r\nGEN-03,oui,\r\n"
        let found = diagnostics(Array(csv.utf8))
        #expect(found.count == 1)
        #expect(found.first?.location.line == 7)
        #expect(found.first?.location.column == 12)
        #expect(found.first?.message.hasPrefix("the quote that opens this cell is never closed") == true)

        let misplaced = Self.metadata + "reference,status,note\r\nGEN-01,oui,\"la citerne\r\nGEN-02,non,\"vide\"\r\n"
        let swallowed = diagnostics(Array(misplaced.utf8))
        #expect(swallowed.count == 1)
        #expect(swallowed.first?.location.line == 7)
        #expect(swallowed.first?.message.hasPrefix("the quote that opens this cell closes at line 8 before other text") == true)
    }

    @Test func tabsAndUTF16AreRead() throws {
        let tabbed = (Self.metadata + "reference\tstatus\r\nGEN-01\toui\r\n").replacingOccurrences(of: ",", with: "\t")
        let fromTabs = try WorkbookImporter.load(bytes: Array(tabbed.utf8), path: "w.csv")
        #expect(fromTabs.assessment.value.answers.first?.status == .yes)
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in tabbed.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let fromUTF16 = try WorkbookImporter.load(bytes: utf16, path: "w.csv")
        #expect(fromUTF16.assessment.value.answers.first?.status == .yes)
    }

    @Test func aWindowsEncodingIsOneError() {
        var bytes = Array("checklist,workbook-test\r\ndate,2026-11-20\r\ncooperative-id,COOP-1\r\ncooperative-name,Coop".utf8) + [0xE9]
        bytes += Array("\r\nproducts,honey\r\n\r\nreference,status,note\r\n".utf8)
        for index in 0..<175 { bytes += Array("GEN-\(index),oui,caf".utf8) + [0xE9] + [0x0D, 0x0A] }
        let found = diagnostics(bytes)
        #expect(found.count == 1)
        #expect(found.first?.location.line == 4)
        #expect(found.first?.message.hasPrefix("the file is not UTF-8 text") == true)
    }

    @Test func aRowWithThousandsOfExtraValuesIsOneError() {
        let csv = Self.metadata + "reference,status\r\nGEN-01,oui," + Array(repeating: "x", count: 10_000).joined(separator: ",") + "\r\n"
        let found = diagnostics(Array(csv.utf8)).filter(\.isError)
        #expect(found.count == 1)
        #expect(found.first?.message == "10000 values in columns without header (the first in column 3)")
    }

    @Test func frenchSpreadsheetHabitsAreRead() throws {
        let csv = "checklist;workbook-test\r\ndate;25/11/2026\r\ncooperative-id;COOP-1\r\nproducts;honey\r\n\r\n"
            + "reference;status;deadline;evidence;measurements;commentaire du formateur\r\n"
            + "GEN-01;oui;31/01/2027;\"water-analysis: 02/03/2026 analyse.pdf\";\"free-chlorine: 18,5 %\";à revoir\r\n"
        let imported = try WorkbookImporter.load(bytes: Array(csv.utf8), path: "w.csv")
        let assessment = imported.assessment.value
        #expect(assessment.date == Day(iso: "2026-11-25"))
        #expect(assessment.answers.first?.deadline == Day(iso: "2027-01-31"))
        #expect(assessment.answers.first?.evidence.first?.date == Day(iso: "2026-03-02"))
        #expect(assessment.answers.first?.measurements.first?.value == 18.5)
        let warning = try #require(imported.assessment.warnings.first { $0.message.hasPrefix("unknown column 'commentaire du formateur' is not read") })
        #expect(warning.location.line == 6 && warning.location.column == 6)
    }

    @Test func aHugeWorkbookIsRefusedInBoundedTimeAndMemory() throws {
        let rows = Self.metadata + "reference,status\r\n" + (0..<3_000).map { "R-\($0),oui\r\n" }.joined()
        let found = diagnostics(Array(rows.utf8))
        #expect(found.map(\.message) == ["more than 2000 rows: a workbook has one row per requirement of the checklist, and no checklist has that many"])
        #expect(found.first?.location.line == 2001)

        let folder = TemporaryFolder()
        defer { folder.remove() }
        let big = folder.write("big.csv", Self.metadata + "reference,status,note\r\nGEN-01,oui," + String(repeating: "x", count: 3 * 1024 * 1024) + "\r\n")
        let error = #expect(throws: InvalidInputError.self) { try WorkbookImporter.load(path: big) }
        #expect(error?.description.contains("file too large") == true)
    }
}
