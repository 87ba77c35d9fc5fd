import SalamaXML
import Testing

@Suite("VisibleText: no input reaches a terminal raw")
struct VisibleTextTests {
    @Test("Controls and bidi overrides are shown escaped", arguments: [
        ("a\u{1B}[2Jb", "a<U+001B>[2Jb"),
        ("nul\u{0}here", "nul<U+0000>here"),
        ("c1\u{9B}31m", "c1<U+009B>31m"),
        ("del\u{7F}", "del<U+007F>"),
        ("abc\u{202E}fed", "abc<U+202E>fed"),
        ("\u{2066}x\u{2069}", "<U+2066>x<U+2069>"),
        ("cr\rline", "cr<U+000D>line"),
        ("sep\u{2028}x", "sep<U+2028>x"),
    ])
    func escaped(input: String, expected: String) {
        #expect(VisibleText.escaping(input) == expected)
        #expect(VisibleText.escaping(input, .diagnostic) == expected)
    }

    @Test func tabsNewlinesAndArabicStay() {
        let text = "سلامة\tCoopérative\nligne 2 \u{200D}"
        #expect(VisibleText.escaping(text) == text)
    }

    @Test func closedIsolatesStayInReportsOnly() {
        #expect(VisibleText.escaping("لـ: \u{2068}Autorisation\u{2069} —") == "لـ: \u{2068}Autorisation\u{2069} —")
        #expect(VisibleText.escaping("\u{2068}a \u{2068}b\u{2069}\u{2069}") == "\u{2068}a \u{2068}b\u{2069}\u{2069}")
        #expect(VisibleText.escaping("open \u{2068}never closed") == "open <U+2068>never closed")
        #expect(VisibleText.escaping("\u{2068}a\nb\u{2069}") == "<U+2068>a\nb<U+2069>")
        #expect(VisibleText.escaping("\u{2068}x\u{2069}", .diagnostic) == "<U+2068>x<U+2069>")
    }

    @Test func diagnosticsShowInvisibleCharacters() {
        #expect(VisibleText.escaping("id 'IMP\u{200D}-01'", .diagnostic) == "id 'IMP<U+200D>-01'")
        #expect(VisibleText.escaping("\u{FEFF}x\u{200B}\u{AD}", .diagnostic) == "<U+FEFF>x<U+200B><U+00AD>")
        #expect(VisibleText.escaping("IMP\u{200D}-01") == "IMP\u{200D}-01", "reports keep joiners Arabic may use")
    }

    @Test func nonUTF8FileNamesRoundTripAndShowTheirBytes() {
        let bytes: [UInt8] = Array("caf".utf8) + [0xE9, 0xFF, 0xC3] + Array(".xml é".utf8)
        let name = bytes.withUnsafeBufferPointer { FileSystemName.string(fromBytes: $0) }
        #expect(VisibleText.escaping(name) == "caf<0xE9><0xFF><0xC3>.xml é")
        let back = FileSystemName.withSystemPath(name) { pointer in
            Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: bytes.count + 1))
        }
        #expect(back == bytes + [0])
    }
}
