internal import CLibXML2
import Foundation

/// Strict, safe parsing: no network, no entity substitution, no DTD loading, no recovery.
/// A document type declaration is refused outright, so no entity (external or expanding)
/// can ever be declared; every libxml2 error is returned as a located diagnostic.
public enum XMLParser {
    /// Files larger than this are refused before parsing (checklists and assessments are small).
    public static let maximumFileSize = 64 * 1024 * 1024

    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// Reads and parses the file at `path`.
    /// - Throws: `InvalidInputError` with the reason the file cannot be read, or every
    ///   well-formedness error found in it.
    public static func parse(file path: String) throws(InvalidInputError) -> XMLDocument {
        let bytes = try FileReader.read(path, limit: maximumFileSize)
        return try parse(bytes: bytes, path: path)
    }

    /// Parses `bytes`, naming them `path` in diagnostics.
    public static func parse(bytes: [UInt8], path: String) throws(InvalidInputError) -> XMLDocument {
        XMLLibrary.initialize()
        let session = ParserSession(path: path)
        guard let context = xmlNewParserCtxt() else {
            throw InvalidInputError(.error(at: .file(path), "out of memory"))
        }
        defer { xmlFreeParserCtxt(context) }
        context.pointee._private = session.opaque
        context.pointee.sax.pointee.internalSubset = refuseDocumentType

        let parsed: xmlDocPtr? = session.capturingErrors {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) { start in
                    xmlCtxtReadMemory(context, start, Int32(buffer.count), path, nil, options)
                }
            }
        }
        let wellFormed = context.pointee.wellFormed != 0
        guard let parsed, wellFormed, !session.diagnostics.containsErrors else {
            if let parsed { xmlFreeDoc(parsed) }
            var diagnostics = session.diagnostics
            if !diagnostics.containsErrors {
                diagnostics.append(.error(at: .file(path), "not a well-formed XML document"))
            }
            throw InvalidInputError(diagnostics.sortedForDisplay())
        }
        return XMLDocument(pointer: parsed, path: path, bytes: bytes)
    }
}

private let refuseDocumentType: internalSubsetSAXFunc = { context, name, _, _ in
    guard let context else { return }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    if let session = ParserSession.from(parser.pointee._private) {
        let line = parser.pointee.input.map { Int($0.pointee.line) } ?? 0
        session.error("document type declarations are not allowed: a checklist or an assessment never needs one, and one could declare entities", line: line, column: 1)
    }
    xmlStopParser(parser)
}

/// Reads whole files with errors that say what went wrong.
public enum FileReader {
    public static func read(_ path: String, limit: Int) throws(InvalidInputError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure(path, errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure(path, errno) }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            throw InvalidInputError(.error(at: .file(path), "is a directory, not a file"))
        }
        if Int(status.st_size) > limit {
            throw InvalidInputError(.error(at: .file(path), "file too large: \(status.st_size) bytes (the limit is \(limit))"))
        }
        var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0))
        var total = 0
        while true {
            if total == bytes.count { bytes.append(contentsOf: repeatElement(0, count: 4096)) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + total, buffer.count - total)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path, errno)
            }
            if count == 0 { break }
            total += count
            if total > limit {
                throw InvalidInputError(.error(at: .file(path), "file too large (the limit is \(limit) bytes)"))
            }
        }
        bytes.removeSubrange(total...)
        return bytes
    }

    static func failure(_ path: String, _ code: Int32) -> InvalidInputError {
        let reason: String
        switch code {
        case ENOENT: reason = "no such file"
        case EACCES: reason = "permission denied"
        case EISDIR: reason = "is a directory, not a file"
        default: reason = String(cString: strerror(code))
        }
        return InvalidInputError(.error(at: .file(path), "cannot read file: \(reason)"))
    }
}
