import SalamaXML

/// A JSON value with object keys kept in the order they were given, so that every output has
/// the contract's key order.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// An array whose elements are made one at a time as it is written: a summary's table of
    /// 100,000 cooperatives is then held as text only, never also as values.
    case generated(count: Int, element: @Sendable (Int) -> JSONValue)

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(serialized())
    }

    public static func string(_ value: String?) -> JSONValue {
        value.map { .string($0) } ?? .null
    }

    public static func int(_ value: Int) -> JSONValue { .number(Double(value)) }

    /// JSON text, indented by two spaces per level (pretty) or on one line.
    public func serialized(pretty: Bool = true) -> String {
        var out = ""
        write(into: &out, indent: pretty ? 0 : nil)
        return out
    }

    /// The JSON text in pieces of about `pieceSize` bytes, each handed to `emit` as soon as it
    /// is made, so that a large value (a summary of 100,000 cooperatives) is never held as text
    /// whole; the pieces joined are `serialized(pretty:)`.
    public func serialize(pretty: Bool = true, pieceSize: Int = 1 << 16, _ emit: (String) -> Void) {
        var out = ""
        out.reserveCapacity(pieceSize + pieceSize / 4)
        write(into: &out, indent: pretty ? 0 : nil) { out in
            guard out.utf8.count >= pieceSize else { return }
            emit(out)
            out.removeAll(keepingCapacity: true)
        }
        if !out.isEmpty { emit(out) }
    }

    /// `flush` is offered the text made so far after each element of an array.
    private func write(into out: inout String, indent: Int?, flush: (inout String) -> Void = { _ in }) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let value): out += Self.format(value)
        case .string(let value): Self.quote(value, into: &out)
        case .array(let values):
            Self.writeArray(count: values.count, element: { values[$0] }, into: &out, indent: indent, flush: flush)
        case .generated(let count, let element):
            Self.writeArray(count: count, element: element, into: &out, indent: indent, flush: flush)
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                Self.newline(&out, indent.map { $0 + 1 })
                Self.quote(key, into: &out)
                out += indent == nil ? ":" : ": "
                value.write(into: &out, indent: indent.map { $0 + 1 }, flush: flush)
            }
            Self.newline(&out, indent)
            out += "}"
        }
    }

    private static func writeArray(count: Int, element: (Int) -> JSONValue, into out: inout String, indent: Int?,
                                   flush: (inout String) -> Void) {
        guard count > 0 else { out += "[]"; return }
        out += "["
        for index in 0..<count {
            if index > 0 { out += "," }
            newline(&out, indent.map { $0 + 1 })
            element(index).write(into: &out, indent: indent.map { $0 + 1 }, flush: flush)
            flush(&out)
        }
        newline(&out, indent)
        out += "]"
    }

    private static func newline(_ out: inout String, _ indent: Int?) {
        guard let indent else { return }
        out += "\n"
        for _ in 0..<indent { out += "  " }
    }

    /// Integral values print without a fraction (`100`, not `100.0`); others in the shortest
    /// form that reads back as the same double (`72.5`, `0.529`).
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    private static func quote(_ text: String, into out: inout String) {
        out += "\""
        // Most texts need no escape: appended whole. (0xE2 starts U+2028 and U+2029, among others.)
        // 0xF4 starts the private-use characters that stand for a file name's non-UTF-8 bytes.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2 || $0 == 0xF4 }) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let control where control.value < 0x20 || control.value == 0x2028 || control.value == 0x2029:
                let hex = String(control.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            case _ where FileSystemName.shownByte(scalar) != nil: out += FileSystemName.shownByte(scalar)!
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
