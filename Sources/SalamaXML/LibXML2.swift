internal import CLibXML2
import Foundation

/// One-time set-up of libxml2, shared by every parse, validation and inclusion.
public enum XMLLibrary {
    private static let setUp: Void = {
        xmlInitParser()
        salama_silence_generic_errors()
        // Nothing is ever loaded through libxml2's own I/O: documents are parsed from memory
        // and modules are included by `XInclude` (see `refuseExternalResources`).
        xmlSetExternalEntityLoader(refuseExternalResources)
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
    /// Maps a libxml2 node to its location, once a document exists.
    var locate: ((xmlNodePtr) -> SourceLocation)?
    /// Locates the start tags of a parse (see `StartTagLocator`).
    var startTags = StartTagLocator()
    /// The sentence that introduces libxml2's own (English) message: what it means for the user.
    let explaining: (String) -> XMLMessage

    init(path: String, explaining: @escaping (String) -> XMLMessage = XMLMessage.notWellFormed(reader:)) {
        self.path = path
        self.explaining = explaining
    }

    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> ParserSession? {
        guard let pointer else { return nil }
        return Unmanaged<ParserSession>.fromOpaque(pointer).takeUnretainedValue()
    }

    func error(_ message: XMLMessage, line: Int, column: Int) {
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
        let message = LibXML2Message.explained(raw, by: explaining)
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

/// libxml2's loader for external resources, should anything ever ask for one (a DTD, an
/// external entity, a schema import): it refuses, so that no local file or URL is read behind
/// the parser's back.
private let refuseExternalResources: xmlExternalEntityLoader = { url, _, context in
    if let url, let context, let session = ParserSession.from(context.pointee._private) {
        session.diagnostics.append(.error(at: .file(session.path), XMLMessage.externalResourceRefused(resource: String(cString: url))))
    }
    return nil
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

    /// libxml2's message `raw`, cleaned, after the sentence `explaining` makes of it.
    static func explained(_ raw: xmlError, by explaining: (String) -> XMLMessage) -> XMLMessage {
        let text = clean(raw.message.map { String(cString: $0) } ?? "unknown libxml2 error")
        return longNumber(in: text) ?? explaining(text)
    }

    /// libxml2's schema validator holds a decimal or an integer in 24 digits and calls a longer
    /// one "not a valid value": true of Salama, but not of XML Schema. Say which limit it is.
    static func longNumber(in text: String) -> XMLMessage? {
        let types = ["xs:decimal", "xs:integer", "xs:positiveInteger", "xs:nonNegativeInteger"]
        guard let type = types.first(where: { text.hasSuffix("is not a valid value of the atomic type '\($0)'.") }),
              let valueEnd = text.range(of: "' is not a valid value", options: .backwards),
              let valueStart = text[..<valueEnd.lowerBound].lastIndex(of: "'") else { return nil }
        let value = text[text.index(after: valueStart)..<valueEnd.lowerBound]
        let digits = value.filter { $0.isASCII && $0.isNumber }.count
        let isNumber = value.allSatisfy { ($0.isASCII && $0.isNumber) || "+-. ".contains($0) } && value.filter { $0 == "." }.count <= 1
        guard isNumber, digits > 24 else { return nil }
        return .numberTooLong(place: String(text[..<valueStart]), value: String(value), digits: digits, type: type)
    }

    /// A file name as libxml2 reports it, as a path for people.
    static func displayPath(_ file: String) -> String {
        var path = file
        if path.hasPrefix("file://") { path.removeFirst("file://".count) }
        if path.contains("%"), let unescaped = path.removingPercentEncoding { path = unescaped }
        return path
    }
}
