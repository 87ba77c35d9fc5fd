internal import CLibXML2
import Foundation

/// Strict, safe parsing: no network, no entity substitution, no DTD loading, no recovery.
/// A document type declaration is refused outright, so no entity (external or expanding)
/// can ever be declared; every libxml2 error is returned as a located diagnostic.
public enum XMLParser {
    /// Files larger than this are refused before parsing. The bundled checklist and its modules
    /// take 0.6 MB, an assessment some 25 KB: 8 MiB leaves room for any real one, and keeps a
    /// file that fills it (one huge note) within 100 MB of memory.
    public static let maximumFileSize = 8 * 1024 * 1024

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
        let elements: Int
        switch MarkupLimits.check(bytes, path: path) {
        case .failure(let overLimit): throw overLimit
        case .success(let count): elements = count
        }
        let session = ParserSession(path: path)
        guard let context = xmlNewParserCtxt() else {
            throw InvalidInputError(.error(at: .file(path), XMLMessage.outOfMemory))
        }
        defer { xmlFreeParserCtxt(context) }
        context.pointee._private = session.opaque
        context.pointee.sax.pointee.internalSubset = refuseDocumentType
        context.pointee.sax.pointee.startElementNs = startElementRecordingPosition

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
                diagnostics.append(.error(at: .file(path), XMLMessage.notWellFormedDocument))
            }
            throw InvalidInputError(diagnostics.sortedForDisplay())
        }
        return XMLDocument(pointer: parsed, path: path, bytes: bytes, elementCount: elements)
    }
}

private let refuseDocumentType: internalSubsetSAXFunc = { context, name, _, _ in
    guard let context else { return }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    if let session = ParserSession.from(parser.pointee._private) {
        let line = parser.pointee.input.map { Int($0.pointee.line) } ?? 0
        session.error(.documentTypeRefused, line: line, column: 1)
    }
    xmlStopParser(parser)
}

/// Builds the element as libxml2 does, then keeps where its start tag begins in the node's
/// `_private` field (see `StartTagPosition`): libxml2 keeps only a line, and the line index of
/// `XMLDocument` cannot tell two tags of one name on one line apart, nor a tag from a
/// `<name` inside a comment.
private let startElementRecordingPosition: startElementNsSAX2Func = {
    context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaulted, attributes in
    let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self)
    let parent = parser?.pointee.node
    xmlSAX2StartElementNs(context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaulted, attributes)
    guard let parser, let node = parser.pointee.node, node != parent,
          let session = ParserSession.from(parser.pointee._private),
          let position = session.startTags.position(in: parser) else { return }
    node.pointee._private = StartTagPosition.pack(line: position.line, column: position.column)
}

/// A start tag's line and column, packed into a node's `_private` pointer (which libxml2
/// leaves to applications; nothing else of Salama uses it).
enum StartTagPosition {
    static func pack(line: Int, column: Int) -> UnsafeMutableRawPointer? {
        let line = UInt(min(max(line, 0), Int(UInt32.max))), column = UInt(min(max(column, 1), Int(UInt32.max)))
        return UnsafeMutableRawPointer(bitPattern: line << 32 | column)
    }

    static func unpack(_ pointer: UnsafeMutableRawPointer?) -> (line: Int, column: Int)? {
        guard let pointer else { return nil }
        let bits = UInt(bitPattern: pointer)
        return (Int(bits >> 32), Int(bits & 0xFFFF_FFFF))
    }
}

/// Reads whole files with errors that say what went wrong.
public enum FileReader {
    public static func read(_ path: String, limit: Int) throws(InvalidInputError) -> [UInt8] {
        // Without O_NONBLOCK, opening a FIFO that no process writes to waits forever. It is
        // cleared once open, so that reading a pipe still waits for its writer's data (a FIFO
        // without writer then reads as empty).
        let descriptor = FileSystemName.withSystemPath(path) { open($0, O_RDONLY | O_NONBLOCK) }
        guard descriptor >= 0 else { throw failure(path, errno) }
        defer { close(descriptor) }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure(path, errno) }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            throw InvalidInputError(.error(at: .file(path), XMLMessage.pathIsFolder))
        }
        if Int(status.st_size) > limit {
            throw InvalidInputError(.error(at: .file(path), XMLMessage.fileTooLarge(size: Int(status.st_size), limit: limit)))
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
                throw InvalidInputError(.error(at: .file(path), XMLMessage.fileGrewTooLarge(limit: limit)))
            }
        }
        bytes.removeSubrange(total...)
        return bytes
    }

    static func failure(_ path: String, _ code: Int32) -> InvalidInputError {
        InvalidInputError(.error(at: .file(path), XMLMessage.cannotReadFile(reason: reason(code))))
    }

    /// Why a file or folder could not be opened or read, in words.
    public static func reason(_ code: Int32) -> XMLMessage {
        switch code {
        case ENOENT: .reasonNoSuchFile
        case EACCES, EPERM: .reasonPermissionDenied
        case EISDIR: .pathIsFolder
        case EMFILE, ENFILE: .reasonTooManyOpenFiles
        case ENOTDIR: .reasonPathPartNotFolder
        case ELOOP: .reasonSymbolicLinkLoop
        default: .reasonSystem(text: String(cString: strerror(code)))
        }
    }
}

/// Limits checked on the bytes before libxml2 sees them. libxml2 2.9 checks each attribute of
/// a start tag against the tag's earlier ones, and looks a namespace prefix up among every
/// declaration in scope, one by one: a tag with 200,000 attributes, or 60,000 namespace
/// declarations in scope over a million elements, keeps it busy for hours. Checklists and
/// assessments need a few of each. The number of elements is bounded too: each becomes a node,
/// a value and often a warning, and 300,000 answers took seconds and 300 MB.
enum MarkupLimits {
    static let maximumAttributesPerTag = 256
    static let maximumNamespaceDeclarations = 256
    /// Elements in one file, and in a checklist with all its modules: the bundled checklist has
    /// about 4,800, an assessment a few hundred.
    static let maximumElements = 50_000

    /// The number of elements in `bytes`, or the first limit they go over, as an error at its
    /// line. Markup is read on characters (see `InputEncoding`), so the limits hold in every
    /// encoding Salama reads; an encoding it does not read, or a NUL character, is the error
    /// instead. Comments, CDATA sections and processing instructions are skipped.
    static func check(_ bytes: [UInt8], path: String) -> Result<Int, InvalidInputError> {
        switch InputEncoding.markupProjection(bytes, path: path) {
        case .failure(let error): .failure(error)
        case .success(let text): text.withUnsafeBufferPointer { scan($0, path: path) }
        }
    }

    private static func scan(_ text: UnsafeBufferPointer<UInt8>, path: String) -> Result<Int, InvalidInputError> {
        guard let base = text.baseAddress else { return .success(0) }
        let count = text.count
        var namespaces = 0
        var elements = 0
        var index = 0
        func starts(_ literal: StaticString, at position: Int) -> Bool {
            let length = literal.utf8CodeUnitCount
            return position + length <= count && memcmp(base + position, literal.utf8Start, length) == 0
        }
        /// Moves past `terminator` (or to the end).
        func skip(past terminator: StaticString) {
            while let found = position(of: terminator.utf8Start.pointee, from: index) {
                index = found
                if starts(terminator, at: index) {
                    index += terminator.utf8CodeUnitCount
                    return
                }
                index += 1
            }
            index = count
        }
        func position(of byte: UInt8, from start: Int) -> Int? {
            guard start < count, let found = memchr(base + start, Int32(byte), count - start) else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
        /// The line of a position, counted only when there is an error to report.
        func line(at position: Int) -> Int {
            var line = 1
            for offset in 0..<position where base[offset] == UInt8(ascii: "\n") { line += 1 }
            return line
        }

        while index < count {
            guard let found = position(of: UInt8(ascii: "<"), from: index) else { break }
            index = found
            if index + 1 < count && (base[index + 1] == UInt8(ascii: "!") || base[index + 1] == UInt8(ascii: "?")) {
                if starts("<!--", at: index) { skip(past: "-->"); continue }
                if starts("<![CDATA[", at: index) { skip(past: "]]>"); continue }
                if starts("<?", at: index) { skip(past: "?>"); continue }
            }
            // A start or end tag (or a declaration): up to its `>` outside quotes.
            let tagStart = index
            if index + 1 < count && base[index + 1] != UInt8(ascii: "/") && base[index + 1] != UInt8(ascii: "!") {
                elements += 1
                if elements > maximumElements {
                    return .failure(InvalidInputError(.error(at: SourceLocation(file: path, line: line(at: tagStart), column: 1),
                                                             XMLMessage.tooManyElements(limit: maximumElements))))
                }
            }
            var attributes = 0
            index += 1
            while index < count {
                let current = base[index]
                if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
                    // Jump over the quoted value: most of a tag's bytes.
                    index = (position(of: current, from: index + 1) ?? count) + 1
                    continue
                } else if current == UInt8(ascii: ">") {
                    break
                } else if current == UInt8(ascii: "=") {
                    attributes += 1
                } else if current == UInt8(ascii: "x") && isSpace(base[index - 1]) && starts("xmlns", at: index) && index + 5 < count
                            && (base[index + 5] == UInt8(ascii: ":") || base[index + 5] == UInt8(ascii: "=") || isSpace(base[index + 5])) {
                    namespaces += 1
                }
                index += 1
            }
            index += 1
            if attributes > maximumAttributesPerTag {
                return .failure(InvalidInputError(.error(at: SourceLocation(file: path, line: line(at: tagStart), column: 1),
                                                         XMLMessage.tooManyAttributes(limit: maximumAttributesPerTag))))
            }
            if namespaces > maximumNamespaceDeclarations {
                return .failure(InvalidInputError(.error(at: SourceLocation(file: path, line: line(at: tagStart), column: 1),
                                                         XMLMessage.tooManyNamespaceDeclarations(limit: maximumNamespaceDeclarations))))
            }
        }
        return .success(elements)
    }
}
