import SalamaReports
import Testing

/// The one localization table: every label in the three languages.
@Suite struct LocalizationTests {
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
