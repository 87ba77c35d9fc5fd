internal import CLibXML2
import Foundation

/// Checks an HTML document with libxml2's HTML parser, errors and warnings on, network off:
/// what a report writer's tests use to prove their output is well-formed HTML.
public enum HTMLCheck {
    /// HTML5 and inline-SVG elements, which the HTML 4 element table of libxml2 before 2.14
    /// does not know: libxml2 reports them as invalid tags, which says nothing about the
    /// document. Any other unknown tag is reported.
    public static let modernElements: Set<String> = [
        "article", "aside", "audio", "bdi", "canvas", "data", "datalist", "details", "dialog", "figcaption",
        "figure", "footer", "header", "hgroup", "main", "mark", "meter", "nav", "output", "picture",
        "progress", "search", "section", "slot", "source", "summary", "template", "time", "track", "video", "wbr",
        "svg", "g", "defs", "rect", "line", "polyline", "polygon", "circle", "ellipse", "path", "text", "tspan",
        "title", "desc", "use", "symbol", "lineargradient", "stop", "clippath",
    ]

    /// Parses `html` and returns every error and warning libxml2 reports, located in `path`
    /// (a name for the messages only: nothing is read or fetched).
    public static func diagnostics(of html: String, path: String = "report.html") -> [Diagnostic] {
        XMLLibrary.initialize()
        let collector = HTMLErrorCollector(path: path)
        guard let context = htmlNewParserCtxt() else { return [.error(at: .file(path), XMLMessage.outOfMemory)] }
        defer { htmlFreeParserCtxt(context) }
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NODEFDTD.rawValue)
        let bytes = Array(html.utf8)
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(collector).toOpaque(), htmlErrorHandler)
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { start in
                start.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                    htmlCtxtReadMemory(context, chars, Int32(buffer.count), path, "UTF-8", options)
                }
            } ?? nil
        }
        xmlSetStructuredErrorFunc(nil, nil)
        if let document {
            xmlFreeDoc(document)
        } else {
            collector.diagnostics.append(.error(at: .file(path), XMLMessage.notHTMLDocument))
        }
        return collector.diagnostics
    }
}

/// The errors of one HTML parse, reached from libxml2's structured-error callback.
private final class HTMLErrorCollector {
    let path: String
    var diagnostics: [Diagnostic] = []

    init(path: String) {
        self.path = path
    }

    func record(_ error: UnsafePointer<xmlError>) {
        let raw = error.pointee
        let name = raw.str1.map { String(cString: $0).lowercased() }
        if raw.code == Int32(XML_HTML_UNKNOWN_TAG.rawValue), let name, HTMLCheck.modernElements.contains(name) { return }
        let message = LibXML2Message.explained(raw, by: XMLMessage.notHTML(reader:))
        let location = SourceLocation(file: path, line: Int(raw.line), column: max(Int(raw.int2), raw.line > 0 ? 1 : 0))
        diagnostics.append(Diagnostic(raw.level == XML_ERR_WARNING ? .warning : .error, at: location, message))
    }
}

private let htmlErrorHandler: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    Unmanaged<HTMLErrorCollector>.fromOpaque(context).takeUnretainedValue().record(error)
}
