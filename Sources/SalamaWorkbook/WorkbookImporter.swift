public import SalamaModel
public import SalamaXML
import CSV
import Foundation
import SalamaReports

/// A CSV workbook turned back into an assessment.
public struct ImportedWorkbook: Sendable {
    /// The assessment XML the workbook stands for (valid per the schema and the contract).
    public var xml: String
    /// That XML loaded by `AssessmentLoader`, its locations pointing at the workbook's cells.
    public var assessment: Loaded<Assessment>
}

/// Reads a filled CSV workbook (see `WorkbookCSV` for the layout), writes the assessment XML
/// it stands for and loads that XML with `AssessmentLoader`, so that every rule of the contract
/// applies. Every problem is reported as `FILE:ROW:COLUMN: error: …` with the spreadsheet's
/// 1-based row and column.
public enum WorkbookImporter {
    /// Reads the workbook at `path`.
    /// - Parameter checklists: where to find the checklist the workbook names, so that product
    ///   and activity cells may hold titles and aliases (1.1); without it, only ids are read.
    /// - Throws: `InvalidInputError` with every bad cell found, or the file's unreadability.
    public static func load(path: String, checklists: ChecklistCatalog? = nil) throws(InvalidInputError) -> ImportedWorkbook {
        try load(bytes: FileReader.read(path, limit: maximumFileSize), path: path, checklists: checklists)
    }

    /// Workbooks larger than this are refused before they are read. One cooperative's
    /// workbook is some hundred rows (under 200 KB with long notes); reading one costs
    /// memory a few times its size (cells, then the assessment XML and its tree), so this
    /// bound keeps an import within 100 MB and 2 s.
    public static let maximumFileSize = 2 * 1024 * 1024

    /// Rows read at most (metadata and table): the bundled checklist has some 150
    /// requirements; each row costs more than its bytes, so rows are bounded too.
    public static let maximumRows = 2_000

    /// Reads a workbook's bytes, naming them `path` in diagnostics.
    /// - Throws: `InvalidInputError` with every bad cell found.
    public static func load(bytes: [UInt8], path: String, checklists: ChecklistCatalog? = nil) throws(InvalidInputError) -> ImportedWorkbook {
        var reading = WorkbookReading(path: path)
        reading.checklists = checklists
        let draft = reading.read(bytes)
        guard let draft, !reading.diagnostics.containsErrors else {
            throw InvalidInputError(reading.diagnostics.isEmpty ? [.error(at: .file(path), WorkbookMessage.notAWorkbook)] : reading.diagnostics.sortedForDisplay())
        }
        let (xml, parts) = AssessmentXMLWriter().write(draft)
        let locations = CellLocations(path: path, parts: parts, origins: reading.origins)
        let loaded: Loaded<Assessment>
        do {
            loaded = try AssessmentLoader.load(document: XMLParser.parse(bytes: Array(xml.utf8), path: path))
        } catch {
            throw InvalidInputError(error.diagnostics.map(locations.remap).sortedForDisplay())
        }
        var assessment = loaded.value
        assessment.path = path
        assessment.location = locations.remap(assessment.location)
        for index in assessment.answers.indices {
            assessment.answers[index].location = locations.remap(assessment.answers[index].location)
            for record in assessment.answers[index].evidence.indices {
                assessment.answers[index].evidence[record].location = locations.remap(assessment.answers[index].evidence[record].location)
            }
            for record in assessment.answers[index].measurements.indices {
                assessment.answers[index].measurements[record].location = locations.remap(assessment.answers[index].measurements[record].location)
            }
        }
        let warnings = reading.diagnostics + loaded.warnings.map(locations.remap)
        return ImportedWorkbook(xml: xml, assessment: Loaded(value: assessment, warnings: warnings.sortedForDisplay()))
    }
}

/// Loads an assessment from either of its file formats.
public enum AssessmentFiles {
    /// Loads `path`: a `.csv` workbook through `WorkbookImporter` (reading product and activity
    /// names against the checklist `checklists` holds), anything else as assessment XML through
    /// `AssessmentLoader`. Matches `CheckRun.AssessmentLoading`.
    /// - Throws: `InvalidInputError` with every problem found, located in the file as given.
    public static func load(path: String, checklists: ChecklistCatalog? = nil) throws(InvalidInputError) -> Loaded<Assessment> {
        if isWorkbook(path) { return try WorkbookImporter.load(path: path, checklists: checklists).assessment }
        return try AssessmentLoader.load(path: path)
    }

    /// Whether `path` names a CSV workbook (by its extension).
    public static func isWorkbook(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".csv")
    }
}

/// Turns locations in the generated XML into the workbook cells they came from.
struct CellLocations {
    let path: String
    let parts: [Int: AssessmentDraft.Part]
    let origins: [AssessmentDraft.Part: SourceLocation]

    /// The cell behind an XML location; the whole workbook when no cell is known.
    func remap(_ location: SourceLocation) -> SourceLocation {
        guard location.file == path else { return location }
        return parts[location.line].flatMap { origins[$0] } ?? .file(path)
    }

    func remap(_ diagnostic: Diagnostic) -> Diagnostic {
        Diagnostic(diagnostic.severity, at: remap(diagnostic.location), diagnostic.content.mappingTexts(remap(message:)))
    }

    /// `message` with the XML locations it quotes (`PATH:LINE:COLUMN`) replaced by cells.
    func remap(message: String) -> String {
        let prefix = path + ":"
        var result = ""
        var rest = Substring(message)
        while let range = rest.range(of: prefix) {
            result += rest[..<range.lowerBound]
            let afterPath = rest[range.upperBound...]
            let line = afterPath.prefix(while: \.isASCIIDigit)
            let afterLine = afterPath.dropFirst(line.count)
            if let number = Int(line), afterLine.first == ":" {
                let column = afterLine.dropFirst().prefix(while: \.isASCIIDigit)
                if !column.isEmpty {
                    result += remap(SourceLocation(file: path, line: number, column: 1)).description
                    rest = afterLine.dropFirst(1 + column.count)
                    continue
                }
            }
            result += prefix
            rest = afterPath
        }
        return result + rest
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// One reading of a workbook: its cells become a draft, and every bad cell a diagnostic.
struct WorkbookReading {
    let path: String
    /// Where the named checklist is found, for its vocabulary.
    var checklists: ChecklistCatalog?
    /// The checklist the workbook names, once read and found.
    var checklist: Checklist?
    var diagnostics: [Diagnostic] = []
    /// The cell each part of the draft comes from.
    var origins: [AssessmentDraft.Part: SourceLocation] = [:]

    init(path: String) {
        self.path = path
    }

    /// A spreadsheet cell (1-based row and column).
    func cell(_ row: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: path, line: row, column: column)
    }

    mutating func error(_ location: SourceLocation, _ message: WorkbookMessage) {
        diagnostics.append(.error(at: location, message))
    }

    /// The draft the workbook holds, or nil when it cannot be read at all.
    mutating func read(_ bytes: [UInt8]) -> AssessmentDraft? {
        guard let rows = decode(bytes) else { return nil }
        return interpret(rows)
    }

    /// The rows of the CSV (a cell holding several lines is one row), read by the CSV library,
    /// each cell without the apostrophe that guards it from formulas. UTF-8 (with or without
    /// byte-order mark) and UTF-16 with its mark are read; commas, semicolons (French Excel)
    /// or tabs (Excel's "Unicode text") separate cells, as the first line tells. Another
    /// encoding, or a quote never closed, is one error for the whole file.
    mutating func decode(_ bytes: [UInt8]) -> [[String]]? {
        guard let text = WorkbookCSV.text(of: bytes, path: path, diagnostics: &diagnostics) else { return nil }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" && $0 != "\r\n" }
        let delimiter: Unicode.Scalar = firstLine.contains("\t") && !firstLine.contains(",") && !firstLine.contains(";") ? "\t"
            : firstLine.contains(";") && !firstLine.contains(",") ? ";" : ","
        if let problem = WorkbookCSV.quoteProblem(in: text, delimiter: delimiter, path: path) {
            diagnostics.append(problem)
            return nil
        }
        do {
            let reader = try CSVReader(string: text, delimiter: delimiter)
            let rows = Array(AnyIterator { reader.next() }.prefix(WorkbookImporter.maximumRows + 1))
            if rows.count > WorkbookImporter.maximumRows {
                self.error(cell(rows.count, 1), .tooManyRows(limit: WorkbookImporter.maximumRows))
                return nil
            }
            return rows.map { $0.map(WorkbookCSV.unguarded) }
        } catch {
            self.error(.file(path), .unreadableCSV(reason: "\(error)"))
            return nil
        }
    }

    // MARK: - The layout

    mutating func interpret(_ rows: [[String]]) -> AssessmentDraft? {
        var metadata: [WorkbookField: (value: String, row: Int)] = [:]
        var headerIndex: Int?
        var index = 0
        var sawEmptyRow = false
        while index < rows.count {
            let row = rows[index]
            defer { index += 1 }
            if Self.isEmpty(row) {
                sawEmptyRow = true
                continue
            }
            // The header follows the empty row; without that row, a row naming two of the table's
            // columns is the header all the same.
            if Self.columnNames(in: row) >= (sawEmptyRow ? 1 : 2) {
                headerIndex = index
                break
            }
            if sawEmptyRow {
                let found = row.first { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } ?? ""
                error(cell(index + 1, 1), .missingHeaderRowFound(columns: WorkbookColumn.allCases.map(\.rawValue), found: found))
                _ = buildDraft(metadata)
                return nil
            }
            readMetadataRow(row, number: index + 1, into: &metadata)
        }
        let draft = buildDraft(metadata)
        guard let headerIndex else {
            error(cell(rows.count + 1, 1), .missingHeaderRow(columns: WorkbookColumn.allCases.map(\.rawValue)))
            return nil
        }
        let columns = readHeader(rows[headerIndex], number: headerIndex + 1)
        // Cells under a header (even an unknown one, already reported) are not stray values.
        let headed = Set(rows[headerIndex].indices.filter { !rows[headerIndex][$0].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty })
        var answers: [AssessmentDraft.Answer] = []
        var answered: [String: Int] = [:]
        for rowIndex in (headerIndex + 1)..<rows.count where !Self.isEmpty(rows[rowIndex]) {
            if let answer = readAnswer(rows[rowIndex], number: rowIndex + 1, columns: columns, headed: headed, index: answers.count, answered: &answered) {
                answers.append(answer)
            }
        }
        guard var draft, columns[.reference] != nil, columns[.status] != nil else { return nil }
        draft.answers = answers
        return draft
    }

    static func isEmpty(_ row: [String]) -> Bool {
        row.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    static func columnNames(in row: [String]) -> Int {
        row.filter { WorkbookLabel.columns[WorkbookLabel.normalized($0)] != nil }.count
    }

    mutating func readMetadataRow(_ row: [String], number: Int, into metadata: inout [WorkbookField: (value: String, row: Int)]) {
        let key = row[0].trimmingCharacters(in: .whitespacesAndNewlines)
        let value = row.count > 1 ? row[1] : ""
        for (column, extra) in row.enumerated().dropFirst(2) where !extra.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            error(cell(number, column + 1), .metadataRowTooWide)
        }
        guard !key.isEmpty else {
            error(cell(number, 1), .metadataValueWithoutKey)
            return
        }
        guard let field = WorkbookLabel.fields[WorkbookLabel.normalized(key)] else {
            error(cell(number, 1), .unknownMetadataKey(key: key, keys: WorkbookField.allCases.map(\.rawValue)))
            return
        }
        if let first = metadata[field] {
            error(cell(number, 1), .secondMetadataRow(key: field.rawValue, first: first.row))
            return
        }
        metadata[field] = (value, number)
    }

    /// The columns of the answer table, by their index in the row. A missing required column
    /// is reported; the cells of the others are still read, to report them too.
    mutating func readHeader(_ row: [String], number: Int) -> [WorkbookColumn: Int] {
        var columns: [WorkbookColumn: Int] = [:]
        for (index, name) in row.enumerated() {
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            guard let column = WorkbookLabel.columns[WorkbookLabel.normalized(trimmed)] else {
                // A column of the trainer's own (comments, colour) is allowed; it is not read.
                diagnostics.append(.warning(at: cell(number, index + 1), WorkbookMessage.unknownColumn(column: trimmed, columns: WorkbookColumn.allCases.map(\.rawValue))))
                continue
            }
            if let first = columns[column] {
                error(cell(number, index + 1), .secondColumn(column: column.rawValue, first: first + 1))
                continue
            }
            columns[column] = index
        }
        for required in [WorkbookColumn.reference, .status] where columns[required] == nil {
            let names = Language.allCases.map { required.label($0) }
            error(cell(number, 1), .missingHeader(column: required.rawValue, header: names))
        }
        return columns
    }

    // MARK: - Metadata

    mutating func buildDraft(_ metadata: [WorkbookField: (value: String, row: Int)]) -> AssessmentDraft? {
        func value(_ field: WorkbookField) -> (text: String, location: SourceLocation)? {
            metadata[field].map { ($0.value.trimmingCharacters(in: .whitespacesAndNewlines), cell($0.row, 2)) }
        }
        func required(_ field: WorkbookField, _ what: WorkbookMessage) -> (text: String, location: SourceLocation)? {
            guard let found = value(field) else {
                error(cell(1, 1), .missingMetadataRow(key: field.rawValue, labels: Language.allCases.map { field.label($0) }, hint: what))
                return nil
            }
            guard !found.text.isEmpty else {
                error(found.location, .emptyMetadataValue(key: field.rawValue, hint: what))
                return nil
            }
            return found
        }
        if let row = metadata[.checklist]?.row { origins[.root] = cell(row, 2) }

        var checklist: String?
        if let found = required(.checklist, .hintChecklistID) {
            if WorkbookSyntax.isID(found.text) {
                checklist = found.text
                self.checklist = try? checklists?.checklist(for: found.text).value
            } else {
                error(found.location, .checklistNotAnID(value: found.text))
            }
        }
        let version = value(.checklistVersion).map { $0.text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        var date: Day?
        if let found = required(.date, .hintDate) {
            date = day(found.text, what: "date", at: found.location)
        }
        var kind = AssessmentKind.selfAssessment
        if let found = value(.kind), !found.text.isEmpty {
            if let named = WorkbookWords.kind(named: found.text) { kind = named } else {
                let words = Language.allCases.map { language in AssessmentKind.allCases.map { WorkbookWords.kind($0, language) }.joined(separator: ", ") }
                error(found.location, .unknownKind(value: found.text, words: words.joined(separator: "; ")))
            }
        }
        var cooperativeID: String?
        if let found = required(.cooperativeID, .hintCooperativeID) {
            origins[.cooperative] = found.location
            if WorkbookSyntax.isID(found.text) { cooperativeID = found.text } else {
                error(found.location, .cooperativeIDNotAnID(value: found.text))
            }
        }
        func text(_ field: WorkbookField, _ part: AssessmentDraft.Part?) -> String? {
            guard let found = value(field) else { return nil }
            if let part { origins[part] = found.location }
            return found.text
        }
        let name = text(.cooperativeName, nil) ?? ""
        let region = text(.region, .region) ?? ""
        let province = text(.province, .province) ?? ""
        let commune = text(.commune, .commune).flatMap { $0.isEmpty ? nil : $0 }
        var members: Int?
        if let found = value(.members), !found.text.isEmpty {
            origins[.members] = found.location
            if found.text.allSatisfy(\.isASCIIDigit), let number = Int(found.text) { members = number } else {
                error(found.location, .membersNotANumber(value: found.text))
            }
        }
        var products: [String] = []
        if let found = required(.products, .hintProducts) {
            products = terms(found.text, kind: .product, at: found.location)
            for index in products.indices { origins[.product(index)] = found.location }
        }
        var activities: [String] = []
        if let found = value(.activities) {
            activities = terms(found.text, kind: .activity, at: found.location)
            for index in activities.indices { origins[.activity(index)] = found.location }
        }
        // An assessment names who assessed (1.1): the role defaults to the usual one for the
        // kind of assessment, the name may stay blank.
        var assessor: AssessmentDraft.Assessor?
        let assessorName = value(.assessorName)
        let assessorRole = value(.assessorRole)
        do {
            var role: AssessorRole? = kind == .inspection ? .inspector : .member
            if let found = assessorRole, !found.text.isEmpty {
                role = WorkbookWords.role(named: found.text)
                if role == nil {
                    let words = Language.allCases.map { language in AssessorRole.allCases.map { WorkbookWords.role($0, language) }.joined(separator: ", ") }
                    error(found.location, .unknownAssessorRole(value: found.text, words: words.joined(separator: "; ")))
                }
            }
            origins[.assessor] = assessorName?.location ?? assessorRole?.location
            if let role { assessor = AssessmentDraft.Assessor(name: assessorName?.text ?? "", role: role) }
        }
        guard let checklist, let date, let cooperativeID, !products.isEmpty else { return nil }
        return AssessmentDraft(
            checklist: checklist, checklistVersion: version.flatMap { $0.isEmpty ? nil : $0 }, date: date, kind: kind,
            cooperativeID: cooperativeID, cooperativeName: name, region: region, province: province, commune: commune,
            members: members, products: products, activities: activities, assessor: assessor)
    }

    /// Products or activities as a person types them. With the checklist at hand: names
    /// separated by commas or semicolons, each an id, a title or an alias of its vocabulary
    /// (ignoring case, accents and surrounding spaces; a title may hold a comma), resolved to
    /// the id. Without it: tokens
    /// `[a-z0-9-]+` separated by commas, semicolons or spaces, in lower case.
    mutating func terms(_ text: String, kind: VocabularyKind, at location: SourceLocation) -> [String] {
        var valid: [String] = []
        var given = 0
        if let checklist {
            for result in checklist.resolveNames(text, kind: kind, separators: [",", ";"]) {
                given += 1
                switch result {
                case .success(let id): if !valid.contains(id) { valid.append(id) }
                case .failure(let error): self.error(location, .unknownTerm(problem: error.message))
                }
            }
        } else {
            for token in text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map(String.init) {
                given += 1
                let lowered = token.lowercased()
                if WorkbookSyntax.isToken(lowered) {
                    if !valid.contains(lowered) { valid.append(lowered) }
                } else {
                    error(location, .termNotAnIDWithoutChecklist(kind: kind.rawValue, token: token))
                }
            }
        }
        if kind == .product && given == 0 {
            error(location, .noProduct)
        }
        return valid
    }

    mutating func day(_ text: String, what: String, at location: SourceLocation) -> Day? {
        if let day = WorkbookSyntax.day(text) { return day }
        if WorkbookSyntax.looksLikeISODate(text) || text.split(separator: "/").count == 3 {
            error(location, .notARealDay(field: what, value: text))
        } else {
            error(location, .notADay(field: what, value: text))
        }
        return nil
    }

    // MARK: - Answers

    mutating func readAnswer(_ row: [String], number: Int, columns: [WorkbookColumn: Int], headed: Set<Int>, index: Int,
                             answered: inout [String: Int]) -> AssessmentDraft.Answer? {
        func value(_ column: WorkbookColumn) -> (text: String, location: SourceLocation)? {
            guard let position = columns[column] else { return nil }
            let text = position < row.count ? row[position] : ""
            return (text.trimmingCharacters(in: .whitespacesAndNewlines), cell(number, position + 1))
        }
        let stray = row.indices.filter { !headed.contains($0) && !row[$0].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if let first = stray.first {
            // One error per row, however many values: a row pasted 10,000 cells wide is one mistake.
            error(cell(number, first + 1), stray.count == 1 ? .valueWithoutHeader : .valuesWithoutHeader(count: stray.count, first: first + 1))
        }
        let inputs: [WorkbookColumn] = [.status, .deadline, .evidence, .measurements, .note]
        let reference = value(.reference) ?? ("", cell(number, 1))
        var valid = true
        if reference.text.isEmpty {
            // Without a reference column the header's error says it all; the other cells are still checked.
            if columns[.reference] != nil {
                guard inputs.contains(where: { !(value($0)?.text.isEmpty ?? true) }) else { return nil }
                error(reference.location, .answersWithoutReference)
            }
            valid = false
        } else if !WorkbookSyntax.isID(reference.text) {
            error(reference.location, .referenceNotAnID(value: reference.text))
            valid = false
        } else if let first = answered[reference.text] {
            error(reference.location, .secondRowForRequirement(ref: reference.text, first: first))
            valid = false
        } else {
            answered[reference.text] = number
        }
        var answer = AssessmentDraft.Answer(ref: reference.text)
        if let status = value(.status), !status.text.isEmpty {
            answer.status = WorkbookWords.status(named: status.text)
            if answer.status == nil {
                error(status.location, .unknownStatus(value: status.text, spellings: WorkbookWords.statusSpellings()))
                valid = false
            }
        }
        if let deadline = value(.deadline), !deadline.text.isEmpty {
            answer.deadline = day(deadline.text, what: "deadline", at: deadline.location)
            if answer.deadline == nil { valid = false }
        }
        if let evidence = value(.evidence) {
            for entry in entries(evidence.text, what: "evidence", at: evidence.location) {
                guard let record = evidenceRecord(entry, at: evidence.location) else { valid = false; continue }
                origins[.evidence(answer: index, answer.evidence.count)] = evidence.location
                answer.evidence.append(record)
            }
        }
        if let measurements = value(.measurements) {
            for entry in entries(measurements.text, what: "measurement", at: measurements.location) {
                guard let measurement = self.measurement(entry, at: measurements.location) else { valid = false; continue }
                origins[.measurement(answer: index, answer.measurements.count)] = measurements.location
                answer.measurements.append(measurement)
            }
        }
        if let note = value(.note), !note.text.isEmpty {
            origins[.note(answer: index, 0)] = note.location
            answer.notes = [note.text]
        }
        origins[.answer(index)] = reference.location
        return valid ? answer : nil
    }

    /// The `id: value` lines of an evidence or measurements cell; a bad or repeated id is reported.
    mutating func entries(_ text: String, what: String, at location: SourceLocation) -> [(id: String, value: String)] {
        var entries: [(id: String, value: String)] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let line = line.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            guard let colon = line.firstIndex(of: ":") else {
                error(location, .entryNotIDValue(what: what, line: line, example: what == "evidence" ? "water-analysis: 2026-03-02 analyse.pdf" : "free-chlorine: 0.4"))
                continue
            }
            let id = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard WorkbookSyntax.isID(id) else {
                error(location, .entryIDNotAnID(what: what, id: id))
                continue
            }
            if entries.contains(where: { $0.id == id }) {
                error(location, .entryGivenTwice(what: what, id: id))
                continue
            }
            entries.append((id, value))
        }
        return entries
    }

    /// `id: YYYY-MM-DD document`, or `id:` alone for an unfilled slot.
    mutating func evidenceRecord(_ entry: (id: String, value: String), at location: SourceLocation) -> AssessmentDraft.Evidence? {
        guard !entry.value.isEmpty else { return AssessmentDraft.Evidence(ref: entry.id) }
        let first = String(entry.value.prefix { !$0.isWhitespace })
        let document = entry.value.dropFirst(first.count).trimmingCharacters(in: .whitespaces)
        if let date = WorkbookSyntax.day(first) { return AssessmentDraft.Evidence(ref: entry.id, date: date, document: document) }
        if WorkbookSyntax.looksLikeISODate(first) {
            error(location, .evidenceDateNotReal(id: entry.id, date: first))
        } else {
            error(location, .evidenceWithoutDate(id: entry.id, value: entry.value))
        }
        return nil
    }

    /// `id: number` (a decimal point or a decimal comma, a trailing `%` allowed), or `id:`
    /// alone for an unfilled slot. A detection limit (`<0.5`) is refused: stored as 0.5 it
    /// could meet a minimum the real value does not.
    mutating func measurement(_ entry: (id: String, value: String), at location: SourceLocation) -> AssessmentDraft.Measurement? {
        guard !entry.value.isEmpty else { return AssessmentDraft.Measurement(ref: entry.id) }
        var number = entry.value
        if number.hasSuffix("%") {
            number = String(number.dropLast()).trimmingCharacters(in: CharacterSet(charactersIn: " \u{A0}\u{202F}"))
        }
        if let first = number.first, "<>≤≥".contains(first) {
            error(location, .measurementIsALimit(id: entry.id, value: entry.value))
            return nil
        }
        if !number.contains("."), number.filter({ $0 == "," }).count == 1 { number = number.replacingOccurrences(of: ",", with: ".") }
        guard WorkbookSyntax.isDecimal(number) else {
            error(location, .measurementNotANumber(id: entry.id, value: entry.value))
            return nil
        }
        return AssessmentDraft.Measurement(ref: entry.id, value: number)
    }
}
