/// A problem found in an input file, printed compiler-style: `path:line:column: error: message`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation
    /// What is wrong and what to do, written in a language when shown.
    public var content: Message

    public init(_ severity: Severity, at location: SourceLocation, _ content: Message) {
        self.severity = severity
        self.location = location
        self.content = content
    }

    public init(_ severity: Severity, at location: SourceLocation, _ content: some MessageCase) {
        self.init(severity, at: location, content.message)
    }

    public static func error(at location: SourceLocation, _ content: some MessageCase) -> Diagnostic {
        Diagnostic(.error, at: location, content.message)
    }

    public static func warning(at location: SourceLocation, _ content: some MessageCase) -> Diagnostic {
        Diagnostic(.warning, at: location, content.message)
    }

    public var isError: Bool { severity == .error }

    /// The English text of the message.
    public var message: String { content.description }

    /// `path:line:column: error: message`, in English.
    public var description: String { description(in: .en) }

    /// `path:line:column: error: message` with the message in `language`; the location and the
    /// severity stay as they are, the machine-readable part of the line. `quoting` passes the
    /// path and each quoted value (the terminal's escaping, say).
    public func description(in language: Language, quoting: (String) -> String = { $0 }) -> String {
        "\(quoting(location.description)): \(severity.rawValue): \(content.rendered(in: language, quoting: quoting))"
    }
}

/// An input that cannot be used, with every problem found in it (errors first, in file order).
public struct InvalidInputError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    public var errors: [Diagnostic] { diagnostics.filter(\.isError) }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

extension Array where Element == Diagnostic {
    /// Errors and warnings in file order, duplicates removed (libxml2 and the loaders may
    /// both see one problem).
    public func sortedForDisplay() -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return self.filter { seen.insert($0).inserted }
            .enumerated()
            .sorted { a, b in
                if a.element.location != b.element.location { return a.element.location < b.element.location }
                return a.offset < b.offset
            }
            .map(\.element)
    }

    public var containsErrors: Bool { contains(where: \.isError) }
}
