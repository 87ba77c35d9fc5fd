public import SalamaModel
public import SalamaXML

/// The messages of the workbook layer: reading a filled CSV workbook. Each case is a key of
/// `Translations/messages/LANG.json`.
public indirect enum WorkbookMessage: MessageCase, Hashable {
    case notAWorkbook
    case csvFalseUTF16
    case csvNotUTF8
    case csvQuoteClosedEarly(line: Int, character: String)
    case csvQuoteNeverClosed
    case tooManyRows(limit: Int)
    case unreadableCSV(reason: String)
    case missingHeaderRowFound(columns: [String], found: String)
    case missingHeaderRow(columns: [String])
    case metadataRowTooWide
    case metadataValueWithoutKey
    case unknownMetadataKey(key: String, keys: [String])
    case secondMetadataRow(key: String, first: Int)
    case unknownColumn(column: String, columns: [String])
    case secondColumn(column: String, first: Int)
    case missingHeader(column: String, header: [String])
    case missingMetadataRow(key: String, labels: [String], hint: WorkbookMessage)
    case emptyMetadataValue(key: String, hint: WorkbookMessage)
    case hintChecklistID
    case hintDate
    case hintCooperativeID
    case hintProducts
    case checklistNotAnID(value: String)
    case unknownKind(value: String, words: String)
    case cooperativeIDNotAnID(value: String)
    case membersNotANumber(value: String)
    case unknownAssessorRole(value: String, words: String)
    case unknownTerm(problem: ModelMessage)
    case termNotAnIDWithoutChecklist(kind: String, token: String)
    case noProduct
    case notARealDay(field: String, value: String)
    case notADay(field: String, value: String)
    case valueWithoutHeader
    case valuesWithoutHeader(count: Int, first: Int)
    case answersWithoutReference
    case referenceNotAnID(value: String)
    case secondRowForRequirement(ref: String, first: Int)
    case unknownStatus(value: String, spellings: String)
    case entryNotIDValue(what: String, line: String, example: String)
    case entryIDNotAnID(what: String, id: String)
    case entryGivenTwice(what: String, id: String)
    case evidenceDateNotReal(id: String, date: String)
    case evidenceWithoutDate(id: String, value: String)
    case measurementIsALimit(id: String, value: String)
    case measurementNotANumber(id: String, value: String)
}
