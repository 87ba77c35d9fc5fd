internal import CLibXML2
import Dispatch

/// A compiled W3C XML Schema. Compile once; it may then validate documents from any number
/// of threads at once (each validation has its own context).
public final class XMLSchema: @unchecked Sendable {
    /// What the documents a schema validates are, for the sentence before the validator's words.
    public enum Format: Sendable {
        case checklist, assessment, unnamed

        var explaining: @Sendable (String) -> XMLMessage {
            switch self {
            case .checklist: XMLMessage.notChecklistFormat(validator:)
            case .assessment: XMLMessage.notAssessmentFormat(validator:)
            case .unnamed: XMLMessage.notSchemaFormat(validator:)
            }
        }
    }

    private let pointer: xmlSchemaPtr
    private let format: Format

    /// Compiles the schema held in `text`, naming it `name` in diagnostics, for documents of `format`.
    public init(text: String, name: String, format: Format = .unnamed) throws(InvalidInputError) {
        XMLLibrary.initialize()
        self.format = format
        let session = ParserSession(path: name, explaining: XMLMessage.schemaInvalid(compiler:))
        let compiled: xmlSchemaPtr? = session.capturingErrors {
            var source = Array(text.utf8)
            return source.withUnsafeMutableBufferPointer { buffer -> xmlSchemaPtr? in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { start in
                    guard let parser = xmlSchemaNewMemParserCtxt(start, Int32(buffer.count)) else { return nil }
                    defer { xmlSchemaFreeParserCtxt(parser) }
                    xmlSchemaSetParserStructuredErrors(parser, schemaErrorHandler, session.opaque)
                    return xmlSchemaParse(parser)
                }
            }
        }
        guard let compiled, !session.diagnostics.containsErrors else {
            if let compiled { xmlSchemaFree(compiled) }
            // libxml2 calls a schema read from memory "in_memory_buffer"; use the given name.
            let diagnostics = session.diagnostics.map { diagnostic in
                var renamed = diagnostic
                if renamed.location.file == "in_memory_buffer" { renamed.location.file = name }
                return renamed
            }
            throw InvalidInputError(diagnostics.isEmpty ? [.error(at: .file(name), XMLMessage.schemaInvalidWithoutReason)] : diagnostics)
        }
        pointer = compiled
    }

    deinit {
        xmlSchemaFree(pointer)
    }

    /// Validates `document`, returning every violation located at its element.
    public func validate(_ document: XMLDocument) -> [Diagnostic] {
        let session = ParserSession(path: document.path, explaining: format.explaining)
        session.locate = { document.location(of: $0) }
        guard let context = xmlSchemaNewValidCtxt(pointer) else {
            return [.error(at: .file(document.path), XMLMessage.outOfMemory)]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        xmlSchemaSetValidStructuredErrors(context, schemaErrorHandler, session.opaque)
        let result = session.capturingErrors { xmlSchemaValidateDoc(context, document.pointer) }
        if result != 0 && !session.diagnostics.containsErrors {
            session.diagnostics.append(.error(at: .file(document.path), XMLMessage.documentDoesNotMatchSchema))
        }
        return session.diagnostics
    }
}

extension XMLSchema {
    /// Starts validating `document` on another thread, so that the caller may read the
    /// document meanwhile (validation only reads the tree: these schemas declare no ID, and no
    /// default is written into it). The document must not change until `wait()` returns.
    public func startValidating(_ document: XMLDocument) -> PendingValidation {
        let pending = PendingValidation()
        let shared = SharedDocument(document)
        pending.group.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            pending.diagnostics = self.validate(shared.document)
            pending.group.leave()
        }
        return pending
    }
}

/// A validation running on another thread.
public final class PendingValidation: @unchecked Sendable {
    fileprivate let group = DispatchGroup()
    // Written once by the validating thread before it leaves the group; read after `wait()`.
    fileprivate var diagnostics: [Diagnostic] = []

    /// Waits for the validation and returns its diagnostics.
    public func wait() -> [Diagnostic] {
        group.wait()
        return diagnostics
    }
}

/// A document handed to the validating thread, which only reads it.
private struct SharedDocument: @unchecked Sendable {
    let document: XMLDocument
    init(_ document: XMLDocument) { self.document = document }
}

private let schemaErrorHandler: xmlStructuredErrorFunc = { context, error in
    guard let session = ParserSession.from(context), let error else { return }
    session.record(error)
}
