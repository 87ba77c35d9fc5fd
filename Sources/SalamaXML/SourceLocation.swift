/// A place in a file: 1-based line and column, printed `path:line:column`.
///
/// A line of 0 means the problem concerns the whole file (it is missing, unreadable or empty
/// of any position), and the location prints as the path alone.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The location of a whole file.
    public static func file(_ path: String) -> SourceLocation {
        SourceLocation(file: path, line: 0, column: 0)
    }

    public var description: String {
        line > 0 ? "\(file):\(line):\(max(column, 1))" : file
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
