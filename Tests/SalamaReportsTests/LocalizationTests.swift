import Foundation
import SalamaReports
import SalamaTestSupport
import Testing
import SalamaXML

/// The report catalogues: every label and every sentence in the three languages, no key the
/// code does not know, and the binary carrying the catalogues as translators wrote them.
@Suite struct LocalizationTests {
    static func entries(_ language: Language) throws -> [String: MessageCatalogue.Entry] {
        let file = Fixtures.repositoryPath("Translations/\(language.rawValue).json")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        return try #require(MessageCatalogue.entries(parsing: text), "\(file) is an object of texts and plural objects")
    }

    /// One of each sentence, with values: a case missing here is a catalogue key the test
    /// below reports as unknown.
    static let sentences: [Sentence] = [
        .percent(number: "92,5"), .lead(label: "Date"), .listSeparator, .seriesSeparator,
        .criticalGaps(count: 2), .majorGaps(count: 1), .minorGaps(count: 11), .days(count: 365), .unanswered(count: 3),
        .headlineState(level: "Autorisation sanitaire", state: "incomplet"), .readyFor(level: "Autorisation sanitaire"),
        .readyForAboveRequired(level: "Export UE", required: "Autorisation sanitaire", state: "prêt"),
        .stepCloseCriticals(count: 2, ids: "IMP-03, LOC-04"), .stepCloseEveryMajor(count: 3, ids: "FON-03", gaps: .majorGaps(count: 3)),
        .stepCloseMajorsBeyondLimit(count: 7, excess: 2, limit: 5, gaps: .majorGaps(count: 7)), .stepSetDeadline(ids: "FON-03"),
        .stepRaiseScore(score: "57,1 %", minimum: "70 %"), .stepAnswer(count: 12, unanswered: .unanswered(count: 12)),
        .reasonDeclaredNotApplicable, .reasonMeasureOutOfRange(measure: "Chlore libre", measured: "1,4 mg/L", range: "au plus 1 mg/L"),
        .reasonMeasureMissing(measure: "Chlore libre"), .reasonEvidenceMissing(document: "Bulletin d'analyse"),
        .reasonEvidenceExpired(count: 365, document: "Bulletin d'analyse", date: "2024-01-02"),
        .reasonEvidenceFutureDated(document: "Bulletin d'analyse", date: "2027-01-02"),
        .rangeBetween(min: "0,1", maxWithUnit: "1 mg/L"), .rangeAtLeast(minWithUnit: "0,2 mg/L"), .rangeAtMost(maxWithUnit: "20 %"),
        .declaredOpen(status: "oui"), .foundOpen(status: "non"), .citationAt(source: "Décret n° 2-10-473", at: "art. 32"),
        .until(date: "2027-11-28"), .noOpenGap,
        .actionsToTake(count: 5), .actionsFree(count: 1), .actionsLowCost(count: 2), .actionsInvestment(count: 2),
        .documentsCount(count: 4), .documentsPresent(count: 1), .documentsMissing(count: 2), .documentsExpired(count: 1),
        .documentsFutureDated(count: 1), .moreInPlan(count: 4), .scoreAgainst(score: "57,1 %", minimum: "70 %"),
        .assessmentsCount(count: 9), .cooperativesCount(count: 8), .supersededByLater(count: 1), .invalidFilesSkipped(count: 2),
        .blocksRequired(count: 3), .readyOfTotal(count: 4, total: 8, requiredOf: 6), .topOf(shown: 10, total: 42),
        .side(kind: "inspection", date: "2026-12-15"), .disagreementsCount(count: 3), .overstatedCount(count: 2), .understatedCount(count: 1),
        .applicableRequirements(count: 137), .validFor(count: 365),
        .workbookIntroduction(title: "Hygiène", checklist: "onssa-hygiene", version: "2026.2", requirements: .applicableRequirements(count: 8),
                              statuses: "yes | partial | no | na"),
        .warningUnknownRequirementMeant(ref: "IMP-2", suggestion: "IMP-02"), .warningUnknownRequirement(ref: "XYZ-9"),
        .warningNotApplicableAnswer(ref: "DAI-01"), .warningUnknownEvidence(ref: "GEN-01", evidence: "photo"),
        .warningUnknownMeasure(ref: "GEN-01", measure: "ph"), .warningVersionMismatch(assessment: "2026.1", checklist: "2026.2"),
    ]

    @Test("each catalogue has every label and sentence, and only those", arguments: Language.allCases)
    func everyCatalogueHasExactlyTheKeys(_ language: Language) throws {
        let entries = try Self.entries(language)
        let labels = Set(Label.allCases.map(\.rawValue))
        let sentences = Set(Self.sentences.map(\.message.key))
        #expect(sentences.count == Self.sentences.count, "one example of each sentence")
        let source = try String(contentsOfFile: Fixtures.repositoryPath("Sources/SalamaReports/Sentences.swift"), encoding: .utf8)
        let declared = source.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("case ") || $0.contains("indirect case ") }
        #expect(declared.count == Self.sentences.count, "every case of Sentence has its example here")
        #expect(labels.isDisjoint(with: sentences))
        #expect(labels.union(sentences).subtracting(entries.keys).sorted() == [], "keys missing from \(language.rawValue).json")
        #expect(Set(entries.keys).subtracting(labels.union(sentences)).sorted() == [], "keys of \(language.rawValue).json the code does not know")
        for (key, entry) in entries {
            #expect(entry.texts.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty }, "\(key) in \(language.rawValue).json")
            if labels.contains(key), case .counted = entry { Issue.record("the label \(key) is one text, not plural forms") }
        }
        #expect(labels.subtracting(TranslationCatalogue.texts(language).keys).sorted() == [], "the embedded catalogue reads whole")
        let embedded = TranslationCatalogue.entries(language)
        #expect(Set(embedded.keys).symmetricDifference(entries.keys).union(entries.keys.filter { embedded[$0] != entries[$0] }).sorted() == [],
                "the binary reads what the file says: run scripts/embed-translations.sh")
    }

    @Test("each sentence quotes only its values, and each of them somewhere", arguments: sentences)
    func sentencesQuoteTheirValues(_ sentence: Sentence) throws {
        let message = sentence.message
        let names = Set(message.arguments.keys)
        var quoted: Set<String> = []
        var counted = false
        for language in Language.allCases {
            let entry = try #require(try Self.entries(language)[message.key], "\(message.key) in \(language.rawValue).json")
            for text in entry.texts {
                let placeholders = Set(Message.placeholders(in: text))
                #expect(placeholders.isSubset(of: names), "\(message.key) in \(language.rawValue): \(placeholders.subtracting(names)) is no value of it")
                quoted.formUnion(placeholders)
            }
            // A counted text has the forms of its language, chosen by an integer count.
            if case .counted(let forms) = entry {
                counted = true
                #expect(message.arguments["count"].map { if case .integer = $0 { true } else { false } } == true, "\(message.key) is counted: it needs `count: Int`")
                let needed: Set<PluralCategory> = language == .ar ? Set(PluralCategory.allCases) : [.one, .other]
                #expect(Set(forms.keys) == needed, "\(message.key) in \(language.rawValue)")
            }
            let written = Localizer(language)(sentence)
            #expect(!written.isEmpty && !written.contains("{") && !written.contains("["), "\(message.key) in \(language.rawValue): \(written)")
        }
        // A language may leave a value out (Arabic counts "the major gaps" where French lists their
        // ids), not every language; a count may only choose the form ("fermer l'écart critique").
        #expect(names.subtracting(quoted).subtracting(counted ? ["count"] : []).sorted() == [], "\(message.key): no text quotes these values")
    }

    @Test func aSentenceIsWrittenWithItsValuesAndItsPluralForm() {
        #expect(Localizer(.fr)(.stepCloseCriticals(count: 1, ids: "IMP-03")) == "fermer l'écart critique IMP-03")
        #expect(Localizer(.fr)(.stepCloseCriticals(count: 2, ids: "IMP-03, LOC-04")) == "fermer les écarts critiques IMP-03, LOC-04")
        #expect(Localizer(.ar)(.stepCloseCriticals(count: 2, ids: "IMP-03")) == "تصحيح النقصين الحرجين IMP-03")
        #expect(Localizer(.ar)(.stepAnswer(count: 11, unanswered: .unanswered(count: 11))) == "الإجابة عن 11 سؤالًا بلا جواب")
        #expect(Localizer(.en)(.readyOfTotal(count: 1, total: 8, requiredOf: 6)) == "1 ready of 8, required of 6")
        // After a preposition or a verbal noun, the Arabic dual is "ين", not "ان".
        #expect(Localizer(.ar)(.stepAnswer(count: 2, unanswered: .unanswered(count: 2))) == "الإجابة عن سؤالين بلا جواب")
        #expect(Localizer(.ar)(.validFor(count: 2)) == "صالحة لمدة يومين")
        #expect(Localizer(.ar)(.stepCloseMajorsBeyondLimit(count: 2, excess: 1, limit: 1, gaps: .majorGaps(count: 2)))
                == "تصحيح 1 على الأقل من أصل نقصين رئيسيين (يُسمح بـ1 على الأكثر مع أجل للتصحيح)")
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
