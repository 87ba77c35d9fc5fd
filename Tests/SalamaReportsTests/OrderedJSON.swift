/// A JSON value read with its objects' keys in the order written, so that tests can check
/// the contract's key order (JSONSerialization forgets it).
indirect enum OrderedJSON: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([OrderedJSON])
    case object([(key: String, value: OrderedJSON)])

    static func == (lhs: OrderedJSON, rhs: OrderedJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
        default: false
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .array(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .object(let members): "{" + members.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
        }
    }

    /// The keys of an object, in order; empty for anything else.
    var keys: [String] {
        if case .object(let members) = self { return members.map(\.key) }
        return []
    }

    subscript(key: String) -> OrderedJSON? {
        if case .object(let members) = self { return members.first { $0.key == key }?.value }
        return nil
    }

    var items: [OrderedJSON] {
        if case .array(let items) = self { return items }
        return []
    }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    struct SyntaxError: Error {
        var offset: Int
    }

    /// Parses one JSON text (RFC 8259), white space allowed around it.
    static func parse(_ text: String) throws -> OrderedJSON {
        var parser = Parser(scalars: Array(text.unicodeScalars))
        let value = try parser.value()
        parser.skipSpace()
        guard parser.position == parser.scalars.count else { throw SyntaxError(offset: parser.position) }
        return value
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var position = 0

        mutating func skipSpace() {
            while position < scalars.count, [" ", "\n", "\r", "\t"].contains(scalars[position]) { position += 1 }
        }

        mutating func expect(_ scalar: Unicode.Scalar) throws {
            skipSpace()
            guard position < scalars.count, scalars[position] == scalar else { throw SyntaxError(offset: position) }
            position += 1
        }

        mutating func literal(_ word: String, _ value: OrderedJSON) throws -> OrderedJSON {
            for scalar in word.unicodeScalars { try expect(scalar) }
            return value
        }

        mutating func value() throws -> OrderedJSON {
            skipSpace()
            guard position < scalars.count else { throw SyntaxError(offset: position) }
            switch scalars[position] {
            case "n": return try literal("null", .null)
            case "t": return try literal("true", .bool(true))
            case "f": return try literal("false", .bool(false))
            case "\"": return .string(try string())
            case "[":
                position += 1
                var items: [OrderedJSON] = []
                skipSpace()
                if position < scalars.count, scalars[position] == "]" { position += 1; return .array(items) }
                while true {
                    items.append(try value())
                    skipSpace()
                    if position < scalars.count, scalars[position] == "," { position += 1; continue }
                    try expect("]")
                    return .array(items)
                }
            case "{":
                position += 1
                var members: [(key: String, value: OrderedJSON)] = []
                skipSpace()
                if position < scalars.count, scalars[position] == "}" { position += 1; return .object(members) }
                while true {
                    skipSpace()
                    let key = try string()
                    try expect(":")
                    members.append((key, try value()))
                    skipSpace()
                    if position < scalars.count, scalars[position] == "," { position += 1; continue }
                    try expect("}")
                    return .object(members)
                }
            default:
                let start = position
                while position < scalars.count, "-+.eE0123456789".unicodeScalars.contains(scalars[position]) { position += 1 }
                guard let number = Double(String(String.UnicodeScalarView(scalars[start..<position]))) else { throw SyntaxError(offset: start) }
                return .number(number)
            }
        }

        mutating func string() throws -> String {
            try expect("\"")
            var result = String.UnicodeScalarView()
            while position < scalars.count {
                let scalar = scalars[position]
                position += 1
                switch scalar {
                case "\"": return String(result)
                case "\\":
                    guard position < scalars.count else { throw SyntaxError(offset: position) }
                    let escaped = scalars[position]
                    position += 1
                    switch escaped {
                    case "n": result.append("\n")
                    case "t": result.append("\t")
                    case "r": result.append("\r")
                    case "b": result.append("\u{08}")
                    case "f": result.append("\u{0C}")
                    case "u":
                        var code = try hex4()
                        if (0xD800..<0xDC00).contains(code) {
                            try expect("\\")
                            try expect("u")
                            code = 0x10000 + ((code - 0xD800) << 10) + (try hex4() - 0xDC00)
                        }
                        guard let decoded = Unicode.Scalar(code) else { throw SyntaxError(offset: position) }
                        result.append(decoded)
                    default: result.append(escaped)
                    }
                default: result.append(scalar)
                }
            }
            throw SyntaxError(offset: position)
        }

        mutating func hex4() throws -> UInt32 {
            guard position + 4 <= scalars.count,
                  let code = UInt32(String(String.UnicodeScalarView(scalars[position..<position + 4])), radix: 16) else {
                throw SyntaxError(offset: position)
            }
            position += 4
            return code
        }
    }
}
