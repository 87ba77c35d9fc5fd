import CSV
import Foundation
import SalamaModel
import SalamaReports
import SalamaXML

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
/// 3. The header row of the answer table: reference, section, title, level, severity, status,
///    deadline, evidence, measurements, note, guidance (localized, with hints; import accepts
///    every language and any column order; reference and status are required, the others
///    optional).
/// 4. One row per requirement. Section, title, level (the title of the certification level the
///    requirement is needed for), severity (critique, majeur, mineur) and guidance are for
///    reading only, in the workbook's language (title also lists the evidence items and measures
///    with their titles, validity and unit); import ignores them, and reads workbooks written
///    before level, severity and guidance were added.
///    Status is a word in any language (oui, نعم, yes, partiel, جزئي, partial, non, لا, no,
///    sans objet, غير معني, na) or empty; deadline a date `YYYY-MM-DD` or empty. Evidence
///    and measurements hold one `id: value` per line: `water-analysis: 2026-03-02 analyse.pdf`
///    (a date, then the document's name; nothing after the colon is an unfilled slot),
///    `free-chlorine: 0.4` (a decimal with a point or a comma; nothing is an unfilled slot).
///
/// Every cell that a spreadsheet could take for a formula (starting with `=`, `+`, `-`, `@`,
/// a tab or a carriage return, even after spaces) is written with a leading apostrophe, and so
/// is every cell that starts with an apostrophe itself; import removes exactly that one
/// apostrophe, so every text comes back as it was written.
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
        return byteOrderMark + encode(rows.map { $0.map(guarded) })
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
        case .cooperativeName: draft.cooperativeName
        case .region: draft.region
        case .province: draft.province
        case .commune: draft.commune ?? ""
        case .members: draft.members.map(String.init) ?? ""
        case .products: (draft.productTitles ?? draft.products).joined(separator: ", ")
        case .activities: (draft.activityTitles ?? draft.activities).joined(separator: ", ")
        case .assessorName: draft.assessor?.name ?? ""
        case .assessorRole: draft.assessor.map { WorkbookWords.role($0.role, language) } ?? ""
        }
    }

    private static func cell(_ column: WorkbookColumn, of answer: AssessmentDraft.Answer, _ language: Language) -> String {
        switch column {
        case .reference: answer.ref
        case .section: answer.section
        case .title: answer.title
        case .level: answer.level
        case .severity: answer.severity
        case .guidance: answer.guidance
        case .status: answer.status.map { WorkbookWords.status($0, language) } ?? ""
        case .deadline: answer.deadline?.description ?? ""
        case .evidence:
            answer.evidence.map { evidence in
                let value = [evidence.date?.description, evidence.document.isEmpty ? nil : evidence.document].compactMap { $0 }
                return ([evidence.ref + ":"] + value).joined(separator: " ")
            }.joined(separator: "\n")
        case .measurements:
            answer.measurements.map { ([$0.ref + ":"] + [$0.value].compactMap { $0 }).joined(separator: " ") }.joined(separator: "\n")
        case .note: answer.notes.joined(separator: "\n")
        }
    }

    /// `text` with a leading apostrophe when a spreadsheet could read it as a formula, or when
    /// it starts with an apostrophe (so that removing one on import is never lossy).
    static func guarded(_ text: String) -> String {
        needsGuard(text[...]) ? "'" + text : text
    }

    /// `text` without the apostrophe `guarded(_:)` adds: `unguarded(guarded(t)) == t` for every t.
    static func unguarded(_ text: String) -> String {
        guard text.hasPrefix("'"), needsGuard(text.dropFirst()) else { return text }
        return String(text.dropFirst())
    }

    private static func needsGuard(_ text: Substring) -> Bool {
        if text.hasPrefix("'") { return true }
        guard let first = text.unicodeScalars.first(where: { $0 != " " && $0 != "\u{A0}" && $0 != "\n" }) else { return false }
        return formulaStarts.contains(first)
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]

    // MARK: - Reading

    /// The workbook's text: UTF-8 (a leading byte-order mark dropped) or UTF-16 with its
    /// byte-order mark. Any other encoding is one error, at the first line that is not UTF-8.
    static func text(of bytes: [UInt8], path: String, diagnostics: inout [Diagnostic]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            if let text = String(data: Data(bytes.dropFirst(2)), encoding: encoding) { return text }
            diagnostics.append(.error(at: .file(path), WorkbookMessage.csvFalseUTF16))
            return nil
        }
        let content = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        if let text = String(validating: content, as: UTF8.self) { return text }
        // Find the first line that is not UTF-8, to point at it.
        var line = 1, lineStart = content.startIndex
        for index in content.indices where content[index] == 0x0A {
            if String(validating: content[lineStart..<index], as: UTF8.self) == nil { break }
            line += 1
            lineStart = index + 1
        }
        diagnostics.append(.error(at: SourceLocation(file: path, line: line, column: 1),
                                  WorkbookMessage.csvNotUTF8))
        return nil
    }

    /// A quoted cell that is never closed, or whose closing quote is followed by more text:
    /// read on, the following rows would silently become part of that one cell. The error
    /// points at the line where the cell's quote opened.
    static func quoteProblem(in text: String, delimiter: Unicode.Scalar, path: String) -> Diagnostic? {
        var line = 1, column = 0
        var inQuotes = false, fieldStart = true, justClosed = false
        var opened = (line: 1, column: 1)
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? scalars.next() {
            pending = nil
            column += 1
            if inQuotes {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" { column += 1; continue }
                    inQuotes = false
                    justClosed = true
                    pending = next
                } else if scalar == "\n" {
                    line += 1
                    column = 0
                }
                continue
            }
            if scalar == delimiter || scalar == "\n" || scalar == "\r" {
                if scalar == "\n" { line += 1; column = 0 }
                fieldStart = true
                justClosed = false
                continue
            }
            if justClosed {
                return .error(at: SourceLocation(file: path, line: opened.line, column: opened.column),
                              WorkbookMessage.csvQuoteClosedEarly(line: line, character: String(Character(scalar))))
            }
            if scalar == "\"" && fieldStart {
                inQuotes = true
                opened = (line, column)
            }
            fieldStart = false
        }
        if inQuotes {
            return .error(at: SourceLocation(file: path, line: opened.line, column: opened.column),
                          WorkbookMessage.csvQuoteNeverClosed)
        }
        return nil
    }
}
