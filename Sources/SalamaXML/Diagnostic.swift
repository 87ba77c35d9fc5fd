/// A problem found in an input file, printed compiler-style: `path:line:column: error: message`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    public static func warning(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    public var isError: Bool { severity == .error }

    public var description: String {
        "\(location): \(severity.rawValue): \(message)"
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
