import Foundation
@testable import SalamaModel
import SalamaTestSupport
import SalamaXML
import Testing

@Suite("Day: real calendar dates")
struct DayTests {
    @Test("Real days parse and print back", arguments: [
        "2026-11-20", "2024-02-29", "2000-02-29", "1970-01-01", "0001-01-01", "9999-12-31", "2026-12-31", "2026-04-30",
    ])
    func realDays(text: String) throws {
        let day = try #require(Day(iso: text))
        #expect(day.description == text)
    }

    @Test("Days that do not exist are refused", arguments: [
        "2026-02-30", "2026-02-29", "1900-02-29", "2100-02-29", "2026-04-31", "2026-06-31", "2026-09-31", "2026-11-31",
        "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32", "0000-01-01",
    ])
    func impossibleDays(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test("Only YYYY-MM-DD is a date", arguments: [
        "", "2026-1-05", "2026-01-5", "26-01-05", "2026/01/05", "20260105", "2026-01-05T10:00", " 2026-01-05",
        "2026-01-05 ", "+026-01-05", "2026--1-05", "２０２６-01-05", "2026-0a-05", "20-11-2026",
    ])
    func malformedDates(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func leapYears() {
        #expect(Day(year: 2024, month: 2, day: 29) != nil)
        #expect(Day(year: 2000, month: 2, day: 29) != nil, "divisible by 400")
        #expect(Day(year: 1900, month: 2, day: 29) == nil, "divisible by 100, not by 400")
        #expect(Day(year: 2026, month: 2, day: 29) == nil)
        #expect(Day(year: 2026, month: 2, day: 28) != nil)
    }

    @Test("Differences in whole days", arguments: [
        ("2026-01-01", "2027-01-01", 365),
        ("2024-01-01", "2025-01-01", 366),
        ("2024-02-28", "2024-03-01", 2),
        ("2026-02-28", "2026-03-01", 1),
        ("1900-02-28", "1900-03-01", 1),
        ("2000-02-28", "2000-03-01", 2),
        ("2025-11-20", "2026-11-20", 365),
        ("2026-03-02", "2026-11-20", 263),
        ("2026-11-20", "2026-11-20", 0),
        ("2026-11-20", "2026-03-02", -263),
        ("1969-12-31", "1970-01-01", 1),
        ("0001-01-01", "9999-12-31", 3_652_058),
    ])
    func differences(from: String, to: String, days: Int) throws {
        let start = try #require(Day(iso: from))
        let end = try #require(Day(iso: to))
        #expect(start.days(until: end) == days)
        #expect(start.adding(days: days) == end)
        #expect(end.adding(days: -days) == start)
    }

    @Test func daysSinceTheEpoch() throws {
        #expect(try #require(Day(iso: "1970-01-01")).daysSinceEpoch == 0)
        #expect(try #require(Day(iso: "1969-12-31")).daysSinceEpoch == -1)
        #expect(try #require(Day(iso: "2000-01-01")).daysSinceEpoch == 10_957)
        #expect(try #require(Day(iso: "2026-11-20")).daysSinceEpoch == 20_777)
    }

    @Test func addingDaysWalksTheCalendar() throws {
        // Day by day over five years (two leap days), each step is the next real day.
        var day = try #require(Day(iso: "2023-12-30"))
        var count = 0
        while day < Day(year: 2029, month: 1, day: 2)! {
            let next = day.adding(days: 1)
            #expect(day.days(until: next) == 1)
            #expect(Day(iso: next.description) == next)
            if next.day != 1 {
                #expect(next.month == day.month && next.day == day.day + 1, "\(day) → \(next)")
            } else {
                #expect(day.day == Day.daysIn(month: day.month, year: day.year))
            }
            day = next
            count += 1
        }
        #expect(count == 1830)
    }

    @Test func daysOrderAndPrintWithPadding() throws {
        let early = try #require(Day(year: 5, month: 3, day: 7))
        #expect(early.description == "0005-03-07")
        #expect(early < Day(iso: "2026-01-01")!)
        #expect(Day(iso: "2026-03-02")! < Day(iso: "2026-11-20")!)
        #expect(Day(iso: "2026-11-20") == Day(year: 2026, month: 11, day: 20))
    }
}

@Suite("LocalizedText fallback")
struct LocalizedTextTests {
    static let text = LocalizedText([
        .init(language: "ar", text: "ماء"),
        .init(language: "fr", text: "Eau"),
        .init(language: "en", text: "Water"),
    ])

    @Test("requested language, then the checklist's, then the first present", arguments: [
        ("en", "fr", "Water"),
        ("ar", "fr", "ماء"),
        ("de", "fr", "Eau"),
        ("de", "en", "Water"),
        ("de", "tzm", "ماء"),
    ])
    func fallback(requested: String, document: String, expected: String) {
        #expect(Self.text.resolved(requested, documentLanguage: document) == expected)
    }

    @Test func noRequestedLanguageUsesTheChecklistLanguage() {
        #expect(Self.text.resolved(nil, documentLanguage: "fr") == "Eau")
        #expect(Self.text.resolved(nil, documentLanguage: "es") == "ماء")
    }

    @Test func emptyAndExact() {
        #expect(LocalizedText().resolved("fr", documentLanguage: "fr") == "")
        #expect(LocalizedText().isEmpty)
        #expect(Self.text.exactly("fr") == "Eau")
        #expect(Self.text.exactly("fr-MA") == nil, "no guessing between tags")
        #expect(Self.text.languages == ["ar", "fr", "en"])
        #expect(LocalizedText("Eau", language: "fr").entries == [.init(language: "fr", text: "Eau")])
    }
}

@Suite("Syntax helpers and SHA-256")
struct SyntaxTests {
    @Test("xs:decimal values", arguments: [
        ("1", 1.0), ("0.4", 0.4), ("-2.5", -2.5), ("+3", 3.0), (".5", 0.5), ("5.", 5.0), (" 7 ", 7.0), ("-0", 0.0), ("100", 100.0),
    ])
    func decimals(text: String, value: Double) {
        #expect(Syntax.decimal(text) == value)
    }

    @Test("Not xs:decimal", arguments: ["", ".", "-", "+", "1e3", "1E3", "inf", "nan", "Infinity", "1.2.3", "0x10", "1,5", "--1", "1-", "7 pH", "abc"])
    func notDecimals(text: String) {
        #expect(Syntax.decimal(text) == nil)
    }

    @Test func dateShapes() {
        #expect(Syntax.looksLikeISODate("2026-02-30"))
        #expect(Syntax.looksLikeISODate("0000-00-00"))
        #expect(!Syntax.looksLikeISODate("2026-2-30"))
        #expect(!Syntax.looksLikeISODate("2026/02/30"))
        #expect(!Syntax.looksLikeISODate("2026-02-3a"))
    }

    @Test func languageTags() {
        for tag in ["fr", "ar", "en", "tzm", "fr-MA", "zh-Hant-TW", "ar-001"] {
            #expect(Syntax.isLanguageTag(tag), "\(tag)")
        }
        for tag in ["", "f r", "fr_FR", "123", "toolongtag", "fr-", "-fr", "fr--MA", "é"] {
            #expect(!Syntax.isLanguageTag(tag), "\(tag)")
        }
    }

    @Test func whitespaceCollapses() {
        #expect(Syntax.collapsingWhitespace("  Eau\n\t  potable  ") == "Eau potable")
        #expect(Syntax.collapsingWhitespace("\n  ") == "")
    }

    @Test("SHA-256 known answers (FIPS 180-4 examples and padding boundaries)", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
        (String(repeating: "a", count: 55), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (String(repeating: "a", count: 56), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (String(repeating: "a", count: 63), "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (String(repeating: "a", count: 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (String(repeating: "a", count: 65), "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (String(repeating: "a", count: 119), "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (String(repeating: "a", count: 120), "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
    ])
    func sha256(message: String, digest: String) {
        #expect(SHA256.hex(of: Array(message.utf8)) == digest)
    }

    @Test func sha256OfAMillionA() {
        #expect(SHA256.hex(of: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite("Embedded schemas")
struct EmbeddedSchemaTests {
    @Test("The embedded schema is the shipped file, byte for byte", arguments: [
        ("checklist", Schemas.checklistText), ("assessment", Schemas.assessmentText),
    ])
    func embeddedTextIsTheFile(name: String, text: String) throws {
        let path = Fixtures.repositoryPath("Checklists/schema/\(name).xsd")
        let file = try #require(FileManager.default.contents(atPath: path), "\(path) is missing")
        // The file ends with a newline, which the generated multi-line literal (closing
        // delimiter on its own line) leaves out; every other byte must be the same.
        #expect(file.last == UInt8(ascii: "\n"))
        #expect(Array(text.utf8) == Array(file.dropLast()),
                "Checklists/schema/\(name).xsd changed: run scripts/embed-schemas.sh")
    }

    @Test("The shipped schemas compile", arguments: ["checklist", "assessment"])
    func schemaFilesCompile(name: String) throws {
        let text = try String(contentsOfFile: Fixtures.repositoryPath("Checklists/schema/\(name).xsd"), encoding: .utf8)
        _ = try XMLSchema(text: text, name: "\(name).xsd")
    }

    @Test func theEmbeddedSchemasValidateTheFixtures() throws {
        let checklist = try SalamaXML.XMLParser.parse(file: Fixtures.path("checklists/valid/minimal.xml"))
        #expect(Schemas.checklist.validate(checklist).isEmpty)
        let assessment = try SalamaXML.XMLParser.parse(file: Fixtures.path("assessments/valid/mini-self.xml"))
        #expect(Schemas.assessment.validate(assessment).isEmpty)
        // Each schema refuses the other's documents.
        #expect(Schemas.assessment.validate(checklist).containsErrors)
        #expect(Schemas.checklist.validate(assessment).containsErrors)
    }
}
