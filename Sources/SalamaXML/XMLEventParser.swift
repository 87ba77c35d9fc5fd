internal import CLibXML2
import Glibc

/// A start tag met while streaming through a document. It points into the parser's buffers,
/// so it is valid only during the `start(_:)` call that receives it: names are compared and
/// values checked in place, and a Swift string is made only for what a handler keeps.
public struct XMLStartTag {
    fileprivate let localName: UnsafePointer<xmlChar>
    fileprivate let namespace: UnsafePointer<xmlChar>?
    /// libxml2's SAX2 layout: five pointers per attribute (local name, prefix, namespace URI,
    /// value start, value end).
    fileprivate let fields: UnsafePointer<UnsafePointer<xmlChar>?>?
    /// The number of attributes.
    public let attributeCount: Int
    fileprivate unowned(unsafe) let session: EventSession

    /// The local name, as a string.
    public var name: String { String(cString: localName) }

    /// Whether the local name is `name`.
    public func isNamed(_ name: StaticString) -> Bool { XMLName.equals(localName, name) }

    /// Whether the element is in the namespace `uri`.
    public func isInNamespace(_ uri: StaticString) -> Bool {
        namespace.map { XMLName.equals($0, uri) } ?? false
    }

    /// The attribute at `index` (0 ..< attributeCount), in document order.
    public func attribute(at index: Int) -> XMLAttribute {
        let base = fields! + index * 5
        return XMLAttribute(localName: base[0]!, namespace: base[2], start: base[3]!, end: base[4]!)
    }

    /// Where the start tag begins.
    public var location: SourceLocation { session.startTagLocation() }
}

/// An attribute of an `XMLStartTag`, valid as long as the tag is.
public struct XMLAttribute {
    fileprivate let localName: UnsafePointer<xmlChar>
    fileprivate let namespace: UnsafePointer<xmlChar>?
    fileprivate let start: UnsafePointer<xmlChar>
    fileprivate let end: UnsafePointer<xmlChar>

    /// Whether the attribute has no namespace and the local name `name`.
    public func isNamed(_ name: StaticString) -> Bool { namespace == nil && XMLName.equals(localName, name) }

    /// Whether the attribute is in the namespace `uri` (`xml:` attributes are in
    /// `http://www.w3.org/XML/1998/namespace`).
    public func isInNamespace(_ uri: StaticString) -> Bool {
        namespace.map { XMLName.equals($0, uri) } ?? false
    }

    public var hasNamespace: Bool { namespace != nil }

    /// The value's bytes as the parser hands them over (UTF-8, an ampersand still written `&#38;`).
    public var rawValue: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: end - start) }

    /// The value, decoded; nil when it holds a reference other than `&#38;` (see `decodedValue`).
    public var value: String? { decodedValue(rawValue) }
}

/// Names compared in place: libxml2's names are NUL-terminated UTF-8.
enum XMLName {
    static func equals(_ pointer: UnsafePointer<xmlChar>, _ name: StaticString) -> Bool {
        // Names are short: a loop beats a call to memcmp.
        let count = name.utf8CodeUnitCount, literal = name.utf8Start
        var index = 0
        while index < count {
            guard pointer[index] == literal[index] else { return false }
            index += 1
        }
        return pointer[count] == 0
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
        guard !bytes.isEmpty, bytes.count < Int(Int32.max), case .success = MarkupLimits.check(bytes, path: path) else { return .failed }
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
    // Each callback reads and writes these in turn, never overlapping: no need for run-time
    // exclusivity checks, which would cost more than the callbacks' own work.
    @exclusivity(unchecked) var stopped = false
    @exclusivity(unchecked) var failed = false
    @exclusivity(unchecked) var startTags = StartTagLocator()
    /// Whether each open element holds text (see `XMLContent`).
    @exclusivity(unchecked) var holdsText: [Bool] = []

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

/// An attribute value as SAX2 hands it over. Without entity substitution libxml2 leaves an
/// ampersand written `&#38;` (the tree builder decodes it later); anything else after an
/// ampersand is left to the careful path (nil).
private func decodedValue(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
    guard let start = raw.baseAddress, memchr(start, Int32(UInt8(ascii: "&")), raw.count) != nil else {
        return String(decoding: raw, as: UTF8.self)
    }
    let escaped: StaticString = "&#38;"
    var bytes: [UInt8] = []
    bytes.reserveCapacity(raw.count)
    var index = 0
    while index < raw.count {
        if raw[index] == UInt8(ascii: "&") {
            guard raw.count - index >= escaped.utf8CodeUnitCount,
                  memcmp(raw.baseAddress! + index, escaped.utf8Start, escaped.utf8CodeUnitCount) == 0 else { return nil }
            bytes.append(UInt8(ascii: "&"))
            index += escaped.utf8CodeUnitCount
        } else {
            bytes.append(raw[index])
            index += 1
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

private let startElement: startElementNsSAX2Func = { context, localName, _, uri, _, _, attributeCount, _, attributes in
    guard let session = EventSession.from(context), !session.stopped, let localName else { return }
    let tag = XMLStartTag(localName: localName, namespace: uri, fields: attributes, attributeCount: Int(max(attributeCount, 0)),
                          session: session)
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
