import CSV
import Foundation
import SalamaModel
import SalamaReports

/// The CSV workbook: a spreadsheet a cooperative fills in with LibreOffice or Excel, which
/// `salama import` turns back into an assessment XML.
///
/// Layout (UTF-8 with a byte-order mark, CRLF line ends, fields quoted when they hold a comma,
/// a quote, CR or LF, quotes doubled):
///
/// 1. The metadata block: one `key,value` row per field of `WorkbookField`, in its order —
///    checklist, checklist version, date, kind, cooperative id and name, region, province,
///    commune, members, products, activities, assessor name and role. Column A holds the key as
///    a label in the workbook's language, sometimes followed by a hint in parentheses
///    (`date (AAAA-MM-JJ)`); import accepts the label of any of the three languages, with or
///    without hint, accents or case, and the machine key (`cooperative-id`). Products and
///    activities are tokens separated by commas or spaces; kind and role are words in any
///    language (`auto-évaluation`, `تفتيش`, `self`…).
/// 2. One empty row.
/// 3. The header row of the answer table: reference, section, title, status, deadline,
///    evidence, measurements, note (localized, with hints; import accepts every language and
///    any column order; reference and status are required, the others optional).
/// 4. One row per requirement. Section and title are for reading only (title also lists the
///    evidence items and measures with their titles, validity and unit); import ignores them.
///    Status is a word in any language (oui, نعم, yes, partiel, جزئي, partial, non, لا, no,
///    sans objet, غير معني, na) or empty; deadline a date `YYYY-MM-DD` or empty. Evidence
///    and measurements hold one `id: value` per line: `water-analysis: 2026-03-02 analyse.pdf`
///    (a date, then the document's name; nothing after the colon is an unfilled slot),
///    `free-chlorine: 0.4` (a decimal with a point or a comma; nothing is an unfilled slot).
///
/// Text cells that a spreadsheet would take for a formula (starting with `=`, `+`, `-` or `@`)
/// are written with a leading apostrophe, which import removes.
///
/// Diagnostics of import point at the spreadsheet's row and column (1-based; a cell holding
/// several lines is still one row).
enum WorkbookCSV {
    static let byteOrderMark = "\u{FEFF}"

    /// The workbook of `draft`, with labels in `language`.
    static func write(_ draft: AssessmentDraft, language: Language) -> String {
        var rows: [[String]] = []
        for field in WorkbookField.allCases {
            rows.append([WorkbookLabel.written(field.label(language), hint: field.hint(language)), value(of: field, in: draft, language)])
        }
        rows.append([""])
        rows.append(WorkbookColumn.allCases.map { WorkbookLabel.written($0.label(language), hint: $0.hint(language)) })
        for answer in draft.answers {
            rows.append(WorkbookColumn.allCases.map { cell($0, of: answer, language) })
        }
        return byteOrderMark + encode(rows)
    }

    /// The rows as RFC 4180 CSV with CRLF line ends (the CSV library's writer).
    static func encode(_ rows: [[String]]) -> String {
        let stream = OutputStream.toMemory()
        do {
            let writer = try CSVWriter(stream: stream, newline: .crlf)
            for row in rows { try writer.write(row: row) }
            writer.stream.close()
        } catch {
            preconditionFailure("writing CSV to memory cannot fail: \(error)")
        }
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + (rows.isEmpty ? "" : "\r\n")
    }

    private static func value(of field: WorkbookField, in draft: AssessmentDraft, _ language: Language) -> String {
        switch field {
        case .checklist: draft.checklist
        case .checklistVersion: draft.checklistVersion ?? ""
        case .date: draft.date.description
        case .kind: WorkbookWords.kind(draft.kind, language)
        case .cooperativeID: draft.cooperativeID
        case .cooperativeName: guarded(draft.cooperativeName)
        case .region: guarded(draft.region)
        case .province: guarded(draft.province)
        case .commune: guarded(draft.commune ?? "")
        case .members: draft.members.map(String.init) ?? ""
        case .products: guarded((draft.productTitles ?? draft.products).joined(separator: ", "))
        case .activities: guarded((draft.activityTitles ?? draft.activities).joined(separator: ", "))
        case .assessorName: guarded(draft.assessor?.name ?? "")
        case .assessorRole: draft.assessor.map { WorkbookWords.role($0.role, language) } ?? ""
        }
    }

    private static func cell(_ column: WorkbookColumn, of answer: AssessmentDraft.Answer, _ language: Language) -> String {
        switch column {
        case .reference: answer.ref
        case .section: guarded(answer.section)
        case .title: guarded(answer.title)
        case .status: answer.status.map { WorkbookWords.status($0, language) } ?? ""
        case .deadline: answer.deadline?.description ?? ""
        case .evidence:
            answer.evidence.map { evidence in
                let value = [evidence.date?.description, evidence.document.isEmpty ? nil : evidence.document].compactMap { $0 }
                return ([evidence.ref + ":"] + value).joined(separator: " ")
            }.joined(separator: "\n")
        case .measurements:
            answer.measurements.map { ([$0.ref + ":"] + [$0.value].compactMap { $0 }).joined(separator: " ") }.joined(separator: "\n")
        case .note: guarded(answer.notes.joined(separator: "\n"))
        }
    }

    /// `text` with a leading apostrophe when a spreadsheet would read it as a formula.
    static func guarded(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    /// `text` without the apostrophe `guarded(_:)` adds.
    static func unguarded(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.first == "'", scalars.count > 1, formulaStarts.contains(scalars[scalars.index(after: scalars.startIndex)]) else { return text }
        return String(text.dropFirst())
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
}
