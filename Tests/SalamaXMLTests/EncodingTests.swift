import Foundation
import SalamaXML
import Testing

/// Encodings told apart before libxml2 parses: the markup limits count characters, and the
/// encodings Salama does not read get a message in words (issue 15, items 10 and 13).
@Suite("Input encodings: limits on characters, refusals in words")
struct EncodingTests {
    static func utf16(_ text: String, bigEndian: Bool = false, bom: Bool = true) -> [UInt8] {
        var bytes: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        return bytes
    }

    static func utf32(_ text: String) -> [UInt8] {
        [0xFF, 0xFE, 0, 0] + text.unicodeScalars.flatMap { scalar in (0..<4).map { UInt8((scalar.value >> (8 * $0)) & 0xFF) } }
    }

    static let small = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<root a=\"1\">ľ text</root>\n"

    @Test func utf16WithByteOrderMarkIsRead() throws {
        for bigEndian in [false, true] {
            let document = try XMLParser.parse(bytes: Self.utf16(Self.small, bigEndian: bigEndian), path: "le.xml")
            #expect(document.root?.text == "ľ text")
        }
    }

    @Test("A letter whose UTF-16 bytes hold '>' does not hide attributes from the limit", arguments: [false, true])
    func attributeLimitHoldsInUTF16(bigEndian: Bool) {
        // ľ is U+013E: the bytes 3E 01 (little endian) or 01 3E (big endian) look like '>'.
        let attributes = (0..<50_000).map { "aľ\($0)=\"\"" }.joined(separator: " ")
        let bytes = Self.utf16("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<root \(attributes)/>\n", bigEndian: bigEndian)
        let errors = parseErrors(bytes: bytes)
        #expect(errors.first?.message == "a start tag with more than 256 attributes: checklists and assessments need a few")
        #expect(errors.first?.location.line == 2)
    }

    @Test func utf32IsRefusedInWords() {
        let errors = parseErrors(bytes: Self.utf32("<?xml version=\"1.0\" encoding=\"UTF-32\"?><root/>"))
        #expect(errors.first?.message == "the file is in UTF-32 (UCS-4), which Salama does not read: save it as UTF-8")
        let withoutMark = Array(Self.utf32("<root/>").dropFirst(4))
        #expect(parseErrors(bytes: withoutMark).first?.message.contains("UTF-32") == true)
    }

    @Test func utf16WithoutByteOrderMarkIsRefusedInWords() {
        for bigEndian in [false, true] {
            let errors = parseErrors(bytes: Self.utf16(Self.small, bigEndian: bigEndian, bom: false))
            #expect(errors.first?.message.hasPrefix("the file looks like UTF-16 without a byte-order mark") == true)
            #expect(errors.allSatisfy { !$0.message.contains("Char 0x0") })
        }
        let declared = parseErrors(bytes: Array("<?xml version=\"1.0\" encoding=\"UTF-16\"?><root/>".utf8))
        #expect(declared.first?.message.hasPrefix("the file declares encoding 'UTF-16' but has no UTF-16 byte-order mark") == true)
    }

    @Test func aNULCharacterIsLocatedAndNamed() {
        let errors = parseErrors(bytes: Array("<root>\n  <a>é x".utf8) + [0] + Array("y</a></root>".utf8))
        #expect(errors.first?.message.hasPrefix("the file holds a NUL character (byte 0)") == true)
        #expect(errors.first?.location.line == 2)
        #expect(errors.first?.location.column == 9, "two spaces, <a>, é, a space, x: the NUL is the 9th character")
        let inUTF16 = parseErrors(bytes: Self.utf16("<root>\u{0}</root>"))
        #expect(inUTF16.first?.message.hasPrefix("the file holds a NUL character") == true)
    }

    @Test func encodingsWhoseMarkupIsNotASCIIAreRefused() {
        for name in ["UTF-7", "EBCDIC-US", "ISO-2022-JP", "UCS-4", "Shift_JIS"] {
            let errors = parseErrors(bytes: Array("<?xml version=\"1.0\" encoding=\"\(name)\"?><root/>".utf8))
            #expect(errors.first?.message.hasPrefix("unsupported encoding '\(name)'") == true, "\(name)")
        }
    }
}
