internal import CLibXML2

/// A start tag met while streaming through a document.
public struct XMLStartTag {
    /// Local name and namespace URI (nil for none).
    public var name: String
    public var namespaceURI: String?
    /// Attributes in document order: local name, namespace URI, value.
    public var attributes: [(name: String, namespaceURI: String?, value: String)]
    public var location: SourceLocation

    /// The value of an attribute without namespace.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name && $0.namespaceURI == nil }?.value
    }
}

/// What an element that just started may hold, as its handler sees it.
public enum XMLContent: Sendable {
    /// Child elements only: white space between them is not reported.
    case elements
    /// Text (or anything the handler wants to see character by character).
    case text
}

/// Receives a document's events, in order. Returning nil from `start` stops the parse (the
/// handler has seen enough to give up).
public protocol XMLEventHandler: AnyObject {
    func start(_ tag: XMLStartTag) -> XMLContent?
    func end()
    /// Character data (text and CDATA), in UTF-8, possibly in several pieces.
    func characters(_ text: UnsafeBufferPointer<UInt8>)
}

/// Streams a document through libxml2's SAX2 parser without building a tree: the fast path
/// for files read by the thousand. Same safety as `XMLParser`: no network, no entities
/// substituted, no DTD loaded, a document type declaration refused.
public enum XMLEventParser {
    public enum Outcome: Sendable, Equatable {
        /// The whole document was read and is well-formed.
        case completed
        /// The handler stopped the parse.
        case stopped
        /// Not well-formed or refused: use `XMLParser` for the located errors.
        case failed
    }

    public static func parse(bytes: [UInt8], path: String, handler: any XMLEventHandler) -> Outcome {
        XMLLibrary.initialize()
        guard !bytes.isEmpty, bytes.count < Int(Int32.max), MarkupLimits.check(bytes, path: path) == nil else { return .failed }
        let session = EventSession(path: path, handler: handler)
        let context: xmlParserCtxtPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlCreateMemoryParserCtxt($0, Int32(buffer.count))
            }
        }
        guard let context, let sax = salama_new_sax_handler() else { return .failed }
        defer { xmlFreeParserCtxt(context) }
        sax.pointee.startElementNs = startElement
        sax.pointee.endElementNs = endElement
        sax.pointee.characters = characters
        sax.pointee.cdataBlock = characters
        sax.pointee.internalSubset = refuseDocumentType
        sax.pointee.serror = recordError
        salama_replace_sax_handler(context, sax)
        _ = xmlCtxtUseOptions(context, XMLParser.options)
        session.context = context
        context.pointee.userData = session.opaque
        xmlSetStructuredErrorFunc(session.opaque, recordStructuredError)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        _ = xmlParseDocument(context)
        // Once an error has disabled the SAX callbacks, libxml2 still reads a document type's
        // entity declarations, and "for expat compatibility in SAX mode" keeps them in a
        // document of its own, which freeing the context leaves behind (found by the fuzzer).
        if let document = context.pointee.myDoc {
            xmlFreeDoc(document)
            context.pointee.myDoc = nil
        }
        if session.stopped { return .stopped }
        return context.pointee.wellFormed != 0 && !session.failed ? .completed : .failed
    }
}

private final class EventSession {
    let path: String
    let handler: any XMLEventHandler
    var context: xmlParserCtxtPtr?
    var stopped = false
    var failed = false
    var startTags = StartTagLocator()
    /// Whether each open element holds text (see `XMLContent`).
    var holdsText: [Bool] = []
    var nameKeys: [UnsafeRawPointer] = []
    var names: [String] = []

    init(path: String, handler: any XMLEventHandler) {
        self.path = path
        self.handler = handler
    }

    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> EventSession? {
        pointer.map { Unmanaged<EventSession>.fromOpaque($0).takeUnretainedValue() }
    }

    func stop() {
        if let context { xmlStopParser(context) }
    }

    /// The location of the start tag being reported.
    func startTagLocation() -> SourceLocation {
        guard let context, let position = startTags.position(in: context) else {
            return SourceLocation(file: path, line: 0, column: 0)
        }
        return SourceLocation(file: path, line: position.line, column: position.column)
    }
}

/// Finds where the start tag that a parser context has just parsed begins (its line and
/// 1-based column in characters). libxml2 stands at the tag's end, so step back to its `<`
/// (attribute values cannot hold one) and count the characters before it on its line. Both the
/// streaming parser and the tree parser (`XMLParser`) locate elements this way, so that they
/// agree. One locator serves one parse: it remembers the last tag, so that the tags of one long
/// line are counted from the previous one rather than from the line's start each time (a
/// document on one line would otherwise cost the square of its length).
struct StartTagLocator {
    private var lastBase: UnsafePointer<UInt8>?
    private var lastOffset = 0
    private var lastLine = 0
    private var lastColumn = 0

    mutating func position(in context: xmlParserCtxtPtr) -> (line: Int, column: Int)? {
        guard let input = context.pointee.input, let base = input.pointee.base, let current = input.pointee.cur else {
            return nil
        }
        var line = Int(input.pointee.line)
        var cursor = current
        var newlines = 0
        while cursor > base && cursor.pointee != UInt8(ascii: "<") {
            if cursor.pointee == UInt8(ascii: "\n") { newlines += 1 }
            cursor -= 1
        }
        line -= newlines
        var column = 1
        let offset = cursor - base
        if base == lastBase && line == lastLine && offset >= lastOffset {
            // On the line of the previous tag, after it: count from there.
            column = lastColumn
            var scan = base + lastOffset
            while scan < cursor {
                if scan.pointee & 0xC0 != 0x80 { column += 1 }
                scan += 1
            }
        } else {
            var scan = cursor
            while scan > base && (scan - 1).pointee != UInt8(ascii: "\n") {
                scan -= 1
                if scan.pointee & 0xC0 != 0x80 { column += 1 }
            }
        }
        (lastBase, lastOffset, lastLine, lastColumn) = (base, offset, line, column)
        return (max(line, 1), column)
    }
}

private func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
    pointer.map { String(cString: $0) }
}

extension EventSession {
    /// Element and attribute names and namespace URIs come from libxml2's dictionary, so one
    /// pointer always means one string: make each Swift string once per document.
    func interned(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        let key = UnsafeRawPointer(pointer)
        // A document uses a handful of names: a short list beats hashing.
        if let index = nameKeys.firstIndex(of: key) { return names[index] }
        let made = String(cString: pointer)
        nameKeys.append(key)
        names.append(made)
        return made
    }
}

/// An attribute value as SAX2 hands it over. Without entity substitution libxml2 leaves an
/// ampersand written `&#38;` (the tree builder decodes it later); anything else after an
/// ampersand is left to the careful path.
private func attributeValue(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
    guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
    let escaped = Array("&#38;".utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(raw.count)
    var index = 0
    while index < raw.count {
        if raw[index] == UInt8(ascii: "&") {
            guard index + escaped.count <= raw.count, raw[index..<(index + escaped.count)].elementsEqual(escaped) else { return nil }
            bytes.append(UInt8(ascii: "&"))
            index += escaped.count
        } else {
            bytes.append(raw[index])
            index += 1
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

private let startElement: startElementNsSAX2Func = { context, localName, _, uri, _, _, attributeCount, _, attributes in
    guard let session = EventSession.from(context), !session.stopped, let localName else { return }
    var values: [(name: String, namespaceURI: String?, value: String)] = []
    if let attributes, attributeCount > 0 {
        values.reserveCapacity(Int(attributeCount))
        for index in 0..<Int(attributeCount) {
            let base = index * 5
            guard let name = attributes[base], let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
            guard let value = attributeValue(UnsafeBufferPointer(start: start, count: end - start)) else {
                session.failed = true
                session.stop()
                return
            }
            values.append((session.interned(name) ?? "", session.interned(attributes[base + 2]), value))
        }
    }
    let tag = XMLStartTag(name: session.interned(localName) ?? "", namespaceURI: session.interned(uri), attributes: values,
                          location: session.startTagLocation())
    guard let content = session.handler.start(tag) else {
        session.stopped = true
        session.stop()
        return
    }
    session.holdsText.append(content == .text)
}

private let endElement: endElementNsSAX2Func = { context, _, _, _ in
    guard let session = EventSession.from(context), !session.stopped else { return }
    _ = session.holdsText.popLast()
    session.handler.end()
}

private let characters: charactersSAXFunc = { context, text, length in
    guard let session = EventSession.from(context), !session.stopped, let text, length > 0 else { return }
    let chunk = UnsafeBufferPointer(start: text, count: Int(length))
    // Indentation between child elements is most of a document's character data: skip it here.
    if session.holdsText.last == false,
       chunk.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) { return }
    session.handler.characters(chunk)
}

private let refuseDocumentType: internalSubsetSAXFunc = { context, _, _, _ in
    guard let session = EventSession.from(context) else { return }
    session.failed = true
    session.stop()
}

private let recordError: xmlStructuredErrorFunc = { context, _ in
    // The parser context's userData is the session; errors mean "take the careful path".
    guard let session = EventSession.from(context) else { return }
    session.failed = true
}

private let recordStructuredError: xmlStructuredErrorFunc = { context, _ in
    guard let session = EventSession.from(context) else { return }
    session.failed = true
}
