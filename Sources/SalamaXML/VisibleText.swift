#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text from inputs made safe to show on a terminal or in a Markdown file: the one place that
/// decides which characters are shown as `<U+XXXX>` instead of being sent raw.
///
/// Escaped everywhere: C0 controls but tab and line feed (ESC starts terminal sequences), DEL,
/// the C1 controls (U+0080–U+009F, which some terminals obey as well), the bidirectional
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069: they reorder what
/// follows, so a line can read otherwise than it is), and the line and paragraph separators.
/// Diagnostics also escape every other invisible format character (zero-width joiner and
/// spaces, byte-order mark, directional marks, soft hyphen): an id that differs by one of them
/// must show where. Reports keep those, which Arabic text may use.
public enum VisibleText {
    public enum Strictness: Sendable {
        /// Reports: dangerous characters only.
        case report
        /// Diagnostics: every invisible character too.
        case diagnostic
    }

    /// `text` with every character of `strictness`'s set shown as `<U+XXXX>`, and a byte of a
    /// file name that was not UTF-8 as `<0xNN>`. In reports, a first-strong isolate closed on
    /// its line (U+2068 … U+2069) is kept: it only keeps its content's own direction, which is
    /// what the Arabic reports use it for; an unclosed one, or a closing one alone, is escaped.
    public static func escaping(_ text: String, _ strictness: Strictness = .report) -> String {
        guard text.unicodeScalars.contains(where: { mustEscape($0, strictness) }) else { return text }
        let scalars = Array(text.unicodeScalars)
        let keptIsolates = strictness == .report ? closedIsolates(scalars) : []
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for (index, scalar) in scalars.enumerated() {
            if let byte = FileSystemName.shownByte(scalar) {
                out += byte
            } else if mustEscape(scalar, strictness) && !keptIsolates.contains(index) {
                out += "<U+" + hex(scalar.value, digits: 4) + ">"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The positions of the first-strong isolates (U+2068) and their closing pop (U+2069) that
    /// pair up within one line.
    private static func closedIsolates(_ scalars: [Unicode.Scalar]) -> Set<Int> {
        var open: [Int] = []
        var kept = Set<Int>()
        for (index, scalar) in scalars.enumerated() {
            switch scalar.value {
            case 0x2068: open.append(index)
            case 0x2069:
                if let start = open.popLast() { kept.formUnion([start, index]) }
            case 0x0A, 0x0D, 0x2028, 0x2029: open.removeAll()
            default: break
            }
        }
        return kept
    }

    /// Diagnostics: `escaping(text, .diagnostic)`.
    public static func escapingTerminalControls(_ text: String) -> String {
        escaping(text, .diagnostic)
    }

    /// A path as a message shows it: in single quotes, escaped like a diagnostic.
    public static func quotedPath(_ path: String) -> String {
        "'" + escaping(path, .diagnostic) + "'"
    }

    static func mustEscape(_ scalar: Unicode.Scalar, _ strictness: Strictness) -> Bool {
        let value = scalar.value
        switch value {
        case 0x20..<0x7F, 0x09, 0x0A: return false // Most of any text: decided before the look-up below.
        case 0x00..<0x20, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        case FileSystemName.rawByteScalars: return true
        default:
            return strictness == .diagnostic && (scalar.properties.generalCategory == .format || value == 0xFFFD)
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}

/// File names are bytes; Salama's paths are Strings. A name that is not UTF-8 keeps each byte
/// that is not part of a valid sequence as one private-use character (U+10FF80 + the byte's
/// low 7 bits, for bytes 0x80–0xFF), which `withSystemPath` turns back into the same byte:
/// such a file can be listed, opened, named in messages (`<0xE9>`), and never confused with
/// another. (A name holding those private-use characters themselves is read as their bytes.)
public enum FileSystemName {
    static let rawByteScalars: ClosedRange<UInt32> = 0x10FF80...0x10FFFF

    /// The name of a directory entry, readdir's bytes, as a String that round-trips.
    public static func string(fromBytes bytes: UnsafeBufferPointer<UInt8>) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var out = ""
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead >= 0xC2 && lead < 0xE0 ? 2 : lead >= 0xE0 && lead < 0xF0 ? 3 : lead >= 0xF0 && lead < 0xF5 ? 4 : 0
            if length > 0, index + length <= bytes.count,
               let scalarText = String(validating: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]), as: UTF8.self) {
                out += scalarText
                index += length
            } else {
                out.unicodeScalars.append(Unicode.Scalar(rawByteScalars.lowerBound + UInt32(lead & 0x7F))!)
                index += 1
            }
        }
        return out
    }

    /// How a byte of a file name that was not UTF-8 is shown (`<0xE9>`), or nil for any other
    /// character: JSON and HTML show file names this way too.
    public static func shownByte(_ scalar: Unicode.Scalar) -> String? {
        rawByte(scalar).map { "<0x" + String(UInt32($0), radix: 16, uppercase: true) + ">" }
    }

    /// The byte a private-use character stands for, or nil.
    static func rawByte(_ scalar: Unicode.Scalar) -> UInt8? {
        rawByteScalars.contains(scalar.value) ? UInt8(0x80 | (scalar.value - rawByteScalars.lowerBound)) : nil
    }

    /// Calls `body` with the file system's bytes of `path`, NUL-terminated.
    public static func withSystemPath<Result>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
        guard path.unicodeScalars.contains(where: { rawByteScalars.contains($0.value) }) else {
            return try path.withCString(body)
        }
        var bytes: [CChar] = []
        for scalar in path.unicodeScalars {
            if let byte = rawByte(scalar) {
                bytes.append(CChar(bitPattern: byte))
            } else {
                bytes += String(scalar).utf8.map { CChar(bitPattern: $0) }
            }
        }
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }
}

/// A file's device and inode: the same file whatever the name, link or path that reaches it.
public struct FileIdentity: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64

    /// The identity of what `path` names (links followed), or nil when it cannot be stat'ed.
    public init?(path: String) {
        var status = stat()
        guard FileSystemName.withSystemPath(path, { stat($0, &status) }) == 0 else { return nil }
        self.init(status)
    }

    public init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
