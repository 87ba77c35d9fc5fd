import Foundation
import SalamaTestSupport
import Testing

/// The language of errors and warnings: `--lang`, else the checklist's, else the locale's; the
/// `FILE:LINE:COLUMN: error:` prefix never translated.
@Suite("Messages in French, Arabic and English")
struct MessageLanguageTests {
    static let targetLevel = "Tests/Fixtures/checklists/invalid/duplicate-target-level.xml"
    static let malformed = "Tests/Fixtures/hostile/malformed.xml"
    static let checklist = "Checklists/onssa-hygiene.xml"
    /// No locale that names a language.
    static let plain = ["LANG": "C", "LC_ALL": "", "LC_MESSAGES": ""]

    static func hasArabicLetter(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }
    }

    @Test("--lang ar writes the message in Arabic after the untranslated FILE:LINE:COLUMN: error: prefix, its values isolated")
    func arabicKeepsThePrefix() throws {
        let result = try SalamaBinary.run(["validate", "--lang", "ar", Self.targetLevel], environment: Self.plain)
        #expect(result.status == 1)
        let line = try #require(result.standardError.split(separator: "\n").first { $0.hasPrefix(Self.targetLevel + ":12:") }.map(String.init))
        let message = try #require(line.firstRange(of: ": error: ").map { line[$0.upperBound...] }, "\(line)")
        #expect(message == "المستوى «\u{2068}export\u{2069}» رتبته \u{2068}1\u{2069}، وهي رتبة المستوى «\u{2068}autorisation\u{2069}» أيضًا: لكل مستوى رتبة خاصة به")
    }

    @Test("--lang fr and --lang en name the language whatever the locale")
    func langOverridesTheLocale() throws {
        let french = try SalamaBinary.run(["validate", "--lang", "fr", Self.targetLevel], environment: ["LANG": "ar_MA.UTF-8"])
        #expect(french.standardError.contains("\(Self.targetLevel):12:3: error: le niveau « export » a le rang 1, qui est déjà celui du niveau « autorisation » : chaque rang est unique"),
                "\(french.standardError)")
        let english = try SalamaBinary.run(["validate", "--lang", "en", Self.targetLevel], environment: ["LANG": "fr_FR.UTF-8"])
        #expect(english.standardError.contains("\(Self.targetLevel):12:3: error: target 'export' has level 1, already the level of target 'autorisation': levels are unique"))
    }

    @Test("Without --lang, the bundled French checklist gives French warnings, whatever the locale")
    func theChecklistsLanguageByDefault() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let sample = try String(contentsOfFile: Fixtures.repositoryPath("Samples/ghris-goulmima-self.xml"), encoding: .utf8)
        let input = folder.write("w.xml", sample.replacingOccurrences(of: "<answer ref=\"IMP-01\"", with: "<answer ref=\"NOPE-99\" status=\"yes\"/><answer ref=\"IMP-01\""))
        let result = try SalamaBinary.run(["check", "--checklist", Self.checklist, input, "--output", folder.path + "/r.txt"], environment: Self.plain)
        #expect(result.status == 0)
        let warning = try #require(result.standardError.split(separator: "\n").first { $0.contains("NOPE-99") }.map(String.init))
        #expect(warning.hasPrefix(input + ":"))
        #expect(warning.contains(": warning: réponse à une exigence inconnue « NOPE-99 » : le référentiel n'a pas cette exigence"), "\(warning)")
    }

    @Test("Before any checklist is read, the locale decides: LANG=C gives English, ar_MA Arabic, fr_FR French; LC_ALL first")
    func theLocaleWithoutChecklist() throws {
        let english = try SalamaBinary.run(["validate", "no-such-file.xml"], environment: Self.plain)
        #expect(english.status == 1)
        #expect(english.standardError == "no-such-file.xml: error: cannot read file: no such file\n")
        let unset = try SalamaBinary.run(["validate", "no-such-file.xml"], environment: ["LANG": "", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(unset.standardError == "no-such-file.xml: error: cannot read file: no such file\n")
        let arabic = try SalamaBinary.run(["validate", "no-such-file.xml"], environment: ["LANG": "ar_MA.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(arabic.standardError == "no-such-file.xml: error: تعذّرت قراءة الملف: هذا الملف غير موجود\n")
        let french = try SalamaBinary.run(["validate", "no-such-file.xml"], environment: ["LANG": "C", "LC_ALL": "fr_FR.UTF-8", "LC_MESSAGES": "ar_MA"])
        #expect(french.standardError == "no-such-file.xml: error: impossible de lire le fichier : ce fichier n'existe pas\n")
    }

    @Test("libxml2's own message stays in English after the translated sentence that introduces it", arguments: [
        ("fr", "error: le fichier n'est pas un XML bien formé ; le lecteur XML dit : Opening and ending tag mismatch: title line 3 and checklist"),
        ("ar", "error: الملف ليس XML سليم البنية؛ يقول قارئ XML: \u{2068}Opening and ending tag mismatch: title line 3 and checklist\u{2069}"),
        ("en", "error: the file is not well-formed XML; the XML reader says: Opening and ending tag mismatch: title line 3 and checklist"),
    ])
    func libxml2MessagesKeepTheirEnglish(language: String, expected: String) throws {
        let result = try SalamaBinary.run(["validate", "--lang", language, Self.malformed], environment: Self.plain)
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(Self.malformed):7:13: \(expected)"), "\(result.standardError)")
    }

    @Test("The schema validator's message is introduced as not following the format of checklists")
    func schemaMessagesAreIntroduced() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.write("c.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <checklist xmlns="urn:salama:checklist:1" id="c" version="1" xml:lang="fr" colour="red">
              <title>C</title>
            </checklist>
            """)
        let result = try SalamaBinary.run(["validate", path], environment: Self.plain)
        #expect(result.status == 1)
        #expect(result.standardError.contains(": error: le fichier ne suit pas le format des référentiels ; le validateur dit : Element 'checklist', attribute 'colour'"),
                "\(result.standardError)")
    }

    @Test("A file name from the command line is escaped inside an Arabic message, and the isolates around it stay")
    func arabicMessagesEscapeTheirValues() throws {
        let result = try SalamaBinary.run(["check", "--lang", "ar", "--checklist", Self.checklist, "missing\u{1B}]0;x\u{7}\u{2067}.xml", "--output", "-"],
                                          environment: Self.plain)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("missing<U+001B>]0;x<U+0007><U+2067>.xml: error: تعذّرت قراءة الملف: هذا الملف غير موجود"), "\(result.standardError)")
        #expect(!result.standardError.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x2067 })
    }

    @Test("Usage errors found before any checklist is read follow --lang, else the locale")
    func usageErrorsBeforeTheChecklist() throws {
        let arabic = try SalamaBinary.run(["summary", "--lang", "ar", "--top", "0", "Samples"], environment: Self.plain)
        #expect(arabic.status == 64)
        #expect(arabic.standardError.hasPrefix("Error: --top يحتاج إلى عدد موجب\n"), "\(arabic.standardError)")
        let french = try SalamaBinary.run(["check", "--checklist", Self.checklist, "--checklists", "Checklists", "Samples/nakhil-erfoud-self.xml"],
                                          environment: ["LANG": "fr_FR.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(french.status == 64)
        #expect(french.standardError.hasPrefix("Error: donnez --checklist ou --checklists, pas les deux\n"), "\(french.standardError)")
    }

    @Test("Usage errors of the command follow --lang too; the word error: stays")
    func usageErrorsAreTranslated() throws {
        let result = try SalamaBinary.run(["template", "--lang", "fr", "--checklist", "Tests/Fixtures/workbook/checklist.xml", "--products", "Hooney"],
                                          environment: Self.plain)
        #expect(result.status == 64)
        #expect(result.standardError == "error: --products : produit inconnu « Hooney » : vouliez-vous dire « honey » ? (produits déclarés : goat-cheese, honey, milk, dates)\n")
    }
}
