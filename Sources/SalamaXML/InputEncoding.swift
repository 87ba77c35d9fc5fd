import Foundation

/// The encodings Salama reads, told from a document's first bytes and its XML declaration
/// before libxml2 sees it: UTF-8 (with or without byte-order mark), UTF-16 with its byte-order
/// mark, and the single-byte encodings whose markup is ASCII (ISO-8859-*, windows-125*,
/// US-ASCII). Anything else is refused with a message that says what the file is and what to
/// do, rather than libxml2's "Document is empty" or "Char 0x0".
///
/// Knowing the encoding also lets `MarkupLimits` count markup on characters, not bytes: in
/// UTF-16 the letter `ľ` (U+013E) is the bytes 3E 01, which a byte scan takes for `>`.
enum InputEncoding {
    /// The document's characters as one byte each: ASCII as itself, any other character as
    /// 0x80 (never markup), line feeds kept so lines count alike; or why it cannot be read.
    static func markupProjection(_ bytes: [UInt8], path: String) -> Result<[UInt8], InvalidInputError> {
        func refuse(_ message: XMLMessage, line: Int = 1, column: Int = 1) -> Result<[UInt8], InvalidInputError> {
            .failure(InvalidInputError(.error(at: SourceLocation(file: path, line: line, column: column), message)))
        }
        let head = Array(bytes.prefix(4)) + Array(repeating: 0xAA, count: max(0, 4 - bytes.count))
        switch (head[0], head[1], head[2], head[3]) {
        case (0x00, 0x00, 0xFE, 0xFF), (0xFF, 0xFE, 0x00, 0x00), (0x00, 0x00, 0x00, 0x3C), (0x3C, 0x00, 0x00, 0x00):
            return refuse(.encodingUTF32)
        case (0xFE, 0xFF, _, _), (0xFF, 0xFE, _, _):
            return utf16Projection(bytes.dropFirst(2), bigEndian: head[0] == 0xFE, path: path)
        case (0x00, 0x3C, _, _), (0x3C, 0x00, _, _), (0x00, _, _, _), (_, 0x00, _, _):
            return refuse(.encodingUTF16WithoutMark)
        case (0x4C, 0x6F, 0xA7, 0x94):
            return refuse(.encodingEBCDIC)
        default:
            break
        }
        let body = head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? Array(bytes.dropFirst(3)) : bytes
        if let declared = declaredEncoding(body), !isASCIICompatible(declared) {
            let upper = declared.uppercased()
            if upper.hasPrefix("UTF-16") || upper.hasPrefix("UTF16") || upper == "UCS-2" {
                return refuse(.encodingDeclaredUTF16WithoutMark(encoding: declared))
            }
            return refuse(.encodingUnsupported(encoding: declared))
        }
        if let nul = body.firstIndex(of: 0) {
            let (line, column) = position(of: nul, in: body)
            return refuse(.nulCharacter, line: line, column: column)
        }
        return .success(body)
    }

    private static func utf16Projection(_ bytes: ArraySlice<UInt8>, bigEndian: Bool, path: String) -> Result<[UInt8], InvalidInputError> {
        var projection = [UInt8]()
        projection.reserveCapacity(bytes.count / 2)
        var line = 1, column = 1
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let unit = bigEndian ? UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]) : UInt16(bytes[index + 1]) << 8 | UInt16(bytes[index])
            if unit == 0 {
                return .failure(InvalidInputError(.error(at: SourceLocation(file: path, line: line, column: column), XMLMessage.nulCharacter)))
            }
            projection.append(unit < 0x80 ? UInt8(unit) : 0x80)
            if unit == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += 2
        }
        return .success(projection)
    }

    /// The `encoding` of an XML declaration at the start of ASCII-compatible bytes.
    private static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("<?xml".utf8)), let end = bytes.prefix(512).firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let declaration = String(decoding: bytes[..<end], as: UTF8.self)
        guard let range = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    /// Whether an encoding's markup characters are the ASCII bytes, always and only.
    static func isASCIICompatible(_ name: String) -> Bool {
        let upper = name.uppercased().replacingOccurrences(of: "_", with: "-")
        if ["UTF-8", "UTF8", "US-ASCII", "ASCII", "LATIN1", "LATIN-1", "ISO-LATIN-1"].contains(upper) { return true }
        for prefix in ["ISO-8859-", "ISO8859-", "WINDOWS-125", "CP125"] where upper.hasPrefix(prefix) {
            return !upper.dropFirst(prefix.count).isEmpty && upper.dropFirst(prefix.count).allSatisfy(\.isNumber)
        }
        return false
    }

    private static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        // Columns count characters, as libxml2's do: continuation bytes are not counted.
        let column = bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1
        return (line, column)
    }
}
