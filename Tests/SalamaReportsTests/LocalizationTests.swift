import Foundation
import SalamaReports
import SalamaTestSupport
import Testing
import SalamaXML

/// The catalogues of labels: every label in the three languages, no key the code does not know,
/// and the binary carrying the catalogues as translators wrote them.
@Suite struct LocalizationTests {
    @Test("each catalogue has every key and only those", arguments: Language.allCases)
    func everyCatalogueHasExactlyTheKeys(_ language: Language) throws {
        let file = Fixtures.repositoryPath("Translations/\(language.rawValue).json")
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(file) is not a JSON object")
        let keys = Set(Label.allCases.map(\.rawValue))
        #expect(keys.subtracting(object.keys).sorted() == [], "keys missing from \(file)")
        #expect(Set(object.keys).subtracting(keys).sorted() == [], "keys of \(file) the code does not know")
        for (key, value) in object {
            #expect((value as? String).map { !$0.trimmingCharacters(in: .whitespaces).isEmpty } == true, "\(key) in \(file)")
        }
        #expect(TranslationCatalogue.labels(language).count == keys.count, "the embedded catalogue reads whole")
    }

    @Test("the binary embeds the catalogues as written (scripts/embed-translations.sh)", arguments: Language.allCases)
    func theEmbeddedCataloguesAreTheFiles(_ language: Language) throws {
        let file = try String(contentsOfFile: Fixtures.repositoryPath("Translations/\(language.rawValue).json"), encoding: .utf8)
        #expect(TranslationCatalogue.source(language) + "\n" == file, "run scripts/embed-translations.sh")
    }

    @Test("every label has a French, an Arabic and an English text", arguments: Label.allCases)
    func everyLabelIsTranslated(_ label: Label) {
        for language in Language.allCases {
            #expect(!label.text(language).trimmingCharacters(in: .whitespaces).isEmpty, "\(label) in \(language)")
        }
        #expect(label.text(.ar).unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }, "\(label) has no Arabic letter")
    }

    @Test func labelsDifferBetweenLanguages() {
        let untranslated = Label.allCases.filter { Set(Language.allCases.map($0.text)).count < 2 }
        #expect(untranslated.isEmpty, "\(untranslated)")
    }
}

/// Counted words take the plural form CLDR gives their number, in every language.
@Suite struct PluralTests {
    /// Arabic by the last two digits: 0 zero, 1 one, 2 two, 3–10 few, 11–99 many, 100–102 other.
    @Test func arabicCategoriesFrom0To111() {
        for n in 0...111 {
            let expected: PluralCategory = switch n {
            case 0: .zero
            case 1: .one
            case 2: .two
            case 3...10, 103...110: .few
            case 11...99, 111: .many
            default: .other
            }
            #expect(PluralCategory(n, in: .ar) == expected, "\(n)")
        }
        #expect(PluralCategory(1011, in: .ar) == .many)
        #expect(PluralCategory(1000, in: .ar) == .other)
    }

    @Test func frenchAndEnglishCategories() {
        #expect((0...3).map { PluralCategory($0, in: .fr) } == [.one, .one, .other, .other])
        #expect((0...3).map { PluralCategory($0, in: .en) } == [.other, .one, .other, .other])
    }

    @Test func arabicCountedWords() {
        let say = Localizer(.ar)
        let actions = [1, 2, 3, 11, 100].map { say.planSummary(total: $0, byCost: [:]) }
        #expect(actions == ["إجراء واحد للقيام به", "إجراءان للقيام بهما", "3 إجراءات للقيام بها", "11 إجراءً للقيام به", "100 إجراء للقيام به"])
        #expect([1, 2, 7, 15, 100, 365].map(say.days) == ["يوم واحد", "يومان", "7 أيام", "15 يومًا", "100 يوم", "365 يومًا"])
        #expect([1, 2, 10, 15, 102].map { say.gaps($0, .major) } == ["نقص رئيسي واحد", "نقصان رئيسيان", "10 نواقص رئيسية", "15 نقصًا رئيسيًا", "102 نقص رئيسي"])
        // Never a plural after 11 or more, never a singular accusative after 3 to 10.
        for n in 0...111 {
            let text = say.gaps(n, .critical)
            #expect(!(n % 100 >= 11 && text.contains("نواقص")), "\(text)")
            #expect(!((3...10).contains(n % 100) && text.contains("نقصًا")), "\(text)")
        }
    }

    @Test func frenchAndEnglishCountedWords() {
        #expect([0, 1, 2].map { Localizer(.fr).gaps($0, .critical) } == ["0 écart critique", "1 écart critique", "2 écarts critiques"])
        #expect([0, 1, 2].map { Localizer(.en).gaps($0, .minor) } == ["0 minor gaps", "1 minor gap", "2 minor gaps"])
        #expect(Localizer(.fr).days(1) == "1 jour")
        #expect(Localizer(.en).days(30) == "30 days")
    }
}
