internal import CLibXML2
import Foundation

/// A parsed XML document. It owns the libxml2 tree and frees it when released; the elements
/// handed out keep it alive. Change it (`XInclude.resolve`) on one thread; once changed, it
/// may be read from several at once (see `XMLSchema.startValidating`): reading a tree changes
/// nothing in it, and the one cache reads fill is behind a lock.
public final class XMLDocument {
    let pointer: xmlDocPtr
    /// The path of the top file as the user named it.
    public let path: String
    /// The bytes of the top file exactly as read.
    public let bytes: [UInt8]
    /// Elements in the top file, as counted before parsing (see `MarkupLimits`).
    let elementCount: Int
    private var lineIndexes: [String: LineIndex] = [:]
    private let lineIndexLock = NSLock()

    init(pointer: xmlDocPtr, path: String, bytes: [UInt8], elementCount: Int) {
        self.pointer = pointer
        self.path = path
        self.bytes = bytes
        self.elementCount = elementCount
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// The root element, or nil for a document without one.
    public var root: XMLElement? {
        guard let node = xmlDocGetRootElement(pointer) else { return nil }
        return XMLElement(document: self, node: node, file: fileHolding(node))
    }

    /// The file that holds `node`: the top file, or the module an XInclude brought it from
    /// (named by the `xml:base` that inclusion adds to each included root).
    func fileHolding(_ node: xmlNodePtr) -> String {
        guard let base = xmlNodeGetBase(pointer, node) else { return path }
        defer { salama_xml_free(base) }
        return LibXML2Message.displayPath(String(cString: base))
    }

    /// The location of an element node: its file, and the line and column of its start tag.
    func location(of node: xmlNodePtr, file: String? = nil) -> SourceLocation {
        let file = file ?? fileHolding(node)
        // Elements of the top file carry their exact position (recorded while parsing);
        // those of included modules are found through the module's line index.
        if let position = StartTagPosition.unpack(node.pointee._private) {
            return SourceLocation(file: file, line: position.line, column: position.column)
        }
        let line = Int(xmlGetLineNo(node))
        lineIndexLock.lock()
        defer { lineIndexLock.unlock() }
        let start = lineIndex(for: file)?.startTag(qualifiedName(of: node), endingOn: line) ?? (line: line, column: 1)
        return SourceLocation(file: file, line: max(start.line, 0), column: start.column)
    }

    private func lineIndex(for file: String) -> LineIndex? {
        if let index = lineIndexes[file] { return index }
        let source: [UInt8]
        if file == path {
            source = bytes
        } else if let data = try? FileReader.read(file, limit: XMLParser.maximumFileSize) {
            // A module, or whatever file an author's xml:base names: read within the limit.
            source = data
        } else {
            return nil
        }
        let index = LineIndex(source)
        lineIndexes[file] = index
        return index
    }
}

func qualifiedName(of node: xmlNodePtr) -> String {
    let name = String(cString: node.pointee.name)
    if let ns = node.pointee.ns, let prefix = ns.pointee.prefix {
        return String(cString: prefix) + ":" + name
    }
    return name
}

/// Line starts of a file, to turn libxml2's line numbers into columns: libxml2 keeps no column
/// for elements, so the column is that of the element's start tag on its line.
final class LineIndex {
    private let bytes: [UInt8]
    private var lineStarts: [Int] = [0]
    /// The columns of each name's start tags on each line, found once: a module on one long
    /// line would otherwise be scanned again for each of its elements.
    private var found: [String: [Int: [Int]]] = [:]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lineStarts.append(offset + 1)
        }
    }

    /// The line and 1-based column (in characters) where the `<name` start tag that libxml2
    /// numbers `line` begins, or nil when it cannot be found. libxml2 numbers an element by the
    /// line where its start tag *ends*, so a tag written over several lines is looked for on
    /// that line first (its first `<name`), then on the lines above (the last `<name` of the
    /// nearest one that has any: a start tag holds no other `<`).
    func startTag(_ name: String, endingOn line: Int) -> (line: Int, column: Int)? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        if let column = columns(ofStartTag: name, line: line).first { return (line, column) }
        for earlier in stride(from: line - 1, through: 1, by: -1) {
            if let column = columns(ofStartTag: name, line: earlier).last { return (earlier, column) }
        }
        return nil
    }

    /// The 1-based columns (in characters) of the `<name` start tags on `line`.
    private func columns(ofStartTag name: String, line: Int) -> [Int] {
        if let known = found[name]?[line] { return known }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] : bytes.count
        let tag = [UInt8(ascii: "<")] + Array(name.utf8)
        var columns: [Int] = []
        var offset = start
        // Count characters, not bytes, as libxml2 does for its own columns.
        var characters = 0
        while offset + tag.count <= end {
            if bytes[offset] == tag[0], bytes[offset..<(offset + tag.count)].elementsEqual(tag) {
                let next = offset + tag.count < bytes.count ? bytes[offset + tag.count] : UInt8(ascii: ">")
                if next == UInt8(ascii: " ") || next == UInt8(ascii: ">") || next == UInt8(ascii: "/")
                    || next == UInt8(ascii: "\t") || next == UInt8(ascii: "\r") || next == UInt8(ascii: "\n") {
                    columns.append(characters + 1)
                }
            }
            if bytes[offset] & 0xC0 != 0x80 { characters += 1 }
            offset += 1
        }
        found[name, default: [:]][line] = columns
        return columns
    }
}
