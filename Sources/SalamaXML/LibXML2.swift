internal import CLibXML2
import Foundation

/// One-time set-up of libxml2, shared by every parse, validation and inclusion.
public enum XMLLibrary {
    private static let setUp: Void = {
        xmlInitParser()
        salama_silence_generic_errors()
        // Nothing is ever loaded through libxml2's own I/O except the module files that
        // an inclusion session explicitly allows (see `confinedEntityLoader`).
        xmlSetExternalEntityLoader(confinedEntityLoader)
    }()

    /// Initialises libxml2 once per process. Call it before any concurrent use; every entry
    /// point of this module also calls it.
    public static func initialize() {
        _ = setUp
    }

    /// The version of the libxml2 library loaded at run time, for example `20914`.
    public static var runtimeVersion: String {
        initialize()
        return String(cString: salama_libxml2_version())
    }
}

/// What one libxml2 operation may do and what it has reported, reachable from C callbacks
/// through a parser context's `_private` pointer or the structured-error context.
final class ParserSession {
    var diagnostics: [Diagnostic] = []
    /// The display path of the document being parsed, for errors libxml2 reports without one.
    let path: String
    /// The folder (real path) that included files must stay inside; nil allows no file at all.
    let confinementRoot: String?
    /// Maps a libxml2 node to its location, once a document exists.
    var locate: ((xmlNodePtr) -> SourceLocation)?
    /// Locates the start tags of a parse (see `StartTagLocator`).
    var startTags = StartTagLocator()

    init(path: String, confinementRoot: String? = nil) {
        self.path = path
        self.confinementRoot = confinementRoot
    }

    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> ParserSession? {
        guard let pointer else { return nil }
        return Unmanaged<ParserSession>.fromOpaque(pointer).takeUnretainedValue()
    }

    func error(_ message: String, line: Int, column: Int) {
        diagnostics.append(.error(at: SourceLocation(file: path, line: line, column: column), message))
    }

    /// Runs `body` with every libxml2 error of this thread captured as diagnostics of this
    /// session. libxml2 keeps the structured handler per thread, so sessions on other
    /// threads are unaffected.
    func capturingErrors<T>(_ body: () throws -> T) rethrows -> T {
        XMLLibrary.initialize()
        xmlSetStructuredErrorFunc(opaque, structuredErrorHandler)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return try body()
    }

    func record(_ error: UnsafePointer<xmlError>) {
        let raw = error.pointee
        let severity: Diagnostic.Severity = raw.level == XML_ERR_WARNING ? .warning : .error
        let message = LibXML2Message.clean(raw.message.map { String(cString: $0) } ?? "unknown libxml2 error")
        var location: SourceLocation
        if let node = raw.node?.assumingMemoryBound(to: xmlNode.self), node.pointee.type == XML_ELEMENT_NODE,
           let locate {
            location = locate(node)
        } else {
            let file = raw.file.map { String(cString: $0) } ?? path
            location = SourceLocation(file: LibXML2Message.displayPath(file), line: Int(raw.line), column: Int(raw.int2))
            if location.line > 0 && location.column == 0 { location.column = 1 }
        }
        diagnostics.append(Diagnostic(severity, at: location, message))
    }
}

private let structuredErrorHandler: xmlStructuredErrorFunc = { context, error in
    guard let session = ParserSession.from(context), let error else { return }
    session.record(error)
}

/// libxml2's loader for external resources. Only XInclude reaches it (parsing is from memory
/// and document type declarations are refused), and only files inside the session's folder
/// are handed back; anything else (URLs, other folders, DTDs of a parse) is refused.
private let confinedEntityLoader: xmlExternalEntityLoader = { url, _, context in
    guard let url, let context, let session = ParserSession.from(context.pointee._private),
          let root = session.confinementRoot else { return nil }
    let requested = String(cString: url)
    guard let path = IncludePolicy.localPath(of: requested),
          let real = IncludePolicy.realPath(path), IncludePolicy.isInside(real, root: root) else {
        session.diagnostics.append(.error(at: .file(session.path), "refused to load '\(requested)': only files inside the checklist's folder may be included"))
        return nil
    }
    guard let input = xmlNewInputFromFile(context, real) else { return nil }
    // The module is read from its checked real path, but keeps the name the include asked
    // for: libxml2 names the included document after its input and derives the xml:base it
    // records from that name, so a real (absolute) name next to a relative checklist path
    // would name the module wrongly in every diagnostic.
    if let name = xmlCharStrdup(url) {
        salama_xml_free(UnsafeMutableRawPointer(mutating: input.pointee.filename))
        input.pointee.filename = UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)
    }
    return input
}

enum LibXML2Message {
    /// libxml2 messages end with a newline and name elements with their namespace in braces;
    /// both add nothing for a checklist author.
    static func clean(_ message: String) -> String {
        // One diagnostic is one line: some messages carry a second line (the bytes of bad
        // UTF-8, for example).
        var text = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
        while let open = text.range(of: "{urn:salama:"), let close = text[open.upperBound...].firstIndex(of: "}") {
            text.removeSubrange(open.lowerBound...close)
        }
        return text
    }

    /// A file name as libxml2 reports it, as a path for people.
    static func displayPath(_ file: String) -> String {
        var path = file
        if path.hasPrefix("file://") { path.removeFirst("file://".count) }
        if path.contains("%"), let unescaped = path.removingPercentEncoding { path = unescaped }
        return path
    }
}
