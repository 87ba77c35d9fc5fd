/// The messages of the XML layer: reading files, their encoding, their markup, inclusions and
/// schemas. Each case is a key of `Translations/messages/LANG.json`.
public enum XMLMessage: MessageCase, Hashable {
    case outOfMemory
    // Reading a file.
    case pathIsFolder
    case fileTooLarge(size: Int, limit: Int)
    case fileGrewTooLarge(limit: Int)
    indirect case cannotReadFile(reason: XMLMessage)
    case reasonNoSuchFile
    case reasonPermissionDenied
    case reasonTooManyOpenFiles
    case reasonPathPartNotFolder
    case reasonSymbolicLinkLoop
    case reasonSystem(text: String)
    // Encodings.
    case encodingUTF32
    case encodingUTF16WithoutMark
    case encodingEBCDIC
    case encodingDeclaredUTF16WithoutMark(encoding: String)
    case encodingUnsupported(encoding: String)
    case nulCharacter
    // Markup.
    case notWellFormed(reader: String)
    case notWellFormedDocument
    case documentTypeRefused
    case tooManyAttributes(limit: Int)
    case tooManyNamespaceDeclarations(limit: Int)
    case tooManyElements(limit: Int)
    case externalResourceRefused(resource: String)
    // Schemas.
    case notChecklistFormat(validator: String)
    case notAssessmentFormat(validator: String)
    case notSchemaFormat(validator: String)
    case documentDoesNotMatchSchema
    case schemaInvalid(compiler: String)
    case schemaInvalidWithoutReason
    case numberTooLong(place: String, value: String, digits: Int, type: String)
    // HTML, as reports write it.
    case notHTML(reader: String)
    case notHTMLDocument
    // Inclusions of checklist modules.
    case checklistFolderUnresolved
    case includeWithoutHref
    case includeNotXML(href: String, parse: String)
    case includeFragment(href: String)
    case includeURL(href: String)
    case includeInvalidURI(href: String)
    case includeAbsolutePath(href: String)
    case includeUnderXMLBase(href: String)
    case includeOutsideFolder(href: String)
    case includeNoSuchFile(href: String)
    case includeCycle(href: String)
    case includeTooDeep(href: String, limit: Int)
    case includeTooMany(href: String, limit: Int)
    case includeTooLarge(href: String, limit: Int)
    case includeTooManyElements(href: String, limit: Int)
    case includeOutOfMemory(href: String)
}
