import Foundation
import SalamaTestSupport
import Testing

/// Control characters and bidirectional overrides from inputs never reach a terminal or a
/// Markdown file raw (issue 15, item 14).
@Suite("Terminal safety of text and Markdown outputs")
struct TerminalSafetyTests {
    static let checklist = "Checklists/onssa-hygiene.xml"
    static let hostile = "X\u{9B}2J\u{202E}evil\u{2066}Y\u{85}"

    /// Scalars that must never be written raw: C0 (but tab and line feed), DEL, C1, bidi
    /// embeddings, overrides and isolates other than the reports' own closed first-strong isolates.
    static func rawControls(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var depth = 0
        var found: [String] = []
        for scalar in scalars {
            switch scalar.value {
            case 0x09, 0x0A: continue
            case 0x2068: depth += 1
            case 0x2069: if depth == 0 { found.append("U+2069") } else { depth -= 1 }
            case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066, 0x2067, 0x2028, 0x2029:
                found.append(String(format: "U+%04X", scalar.value))
            default: continue
            }
        }
        return found
    }

    /// A copy of a sample in `folder` with one text replaced.
    static func changedSample(in folder: TemporaryFolder, replacing old: String, with new: String) throws -> String {
        let sample = try String(contentsOfFile: Fixtures.repository.path + "/Samples/ghris-goulmima-self.xml", encoding: .utf8)
        return folder.write("changed.xml", sample.replacingOccurrences(of: old, with: new))
    }

    @Test func reportsAndSummariesShowHostileTextEscaped() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let sample = try String(contentsOfFile: Fixtures.repository.path + "/Samples/nakhil-erfoud-self.xml", encoding: .utf8)
        let inspection = try String(contentsOfFile: Fixtures.repository.path + "/Samples/nakhil-erfoud-inspection.xml", encoding: .utf8)
        func poison(_ xml: String) -> String {
            xml.replacingOccurrences(of: "<province>Errachidia</province>", with: "<province>Err\(Self.hostile)</province>")
                .replacingOccurrences(of: "name=\"Coopérative", with: "name=\"\(Self.hostile)Coopérative")
                .replacingOccurrences(of: "</note>", with: " \(Self.hostile)</note>")
        }
        let old = folder.write("self.xml", poison(sample))
        let new = folder.write("inspection.xml", poison(inspection))
        var runs: [[String]] = []
        for format in ["text", "markdown"] {
            for lang in ["fr", "ar", "en"] {
                runs.append(["check", "--checklist", Self.checklist, "--format", format, "--lang", lang, old, new])
                runs.append(["check", "--checklist", Self.checklist, "--format", format, "--lang", lang, "--audit", new])
                runs.append(["summary", "--checklist", Self.checklist, "--format", format, "--lang", lang, "--by", "province", old, new])
                runs.append(["compare", "--checklist", Self.checklist, "--format", format, "--lang", lang, old, new])
            }
        }
        for arguments in runs {
            let result = try SalamaBinary.run(arguments)
            #expect(result.status == 0, "\(arguments)")
            #expect(result.standardOutput.contains("U+202E"), "\(arguments)")
            #expect(Self.rawControls(result.standardOutput).isEmpty, "\(arguments)")
            #expect(Self.rawControls(result.standardError).isEmpty, "\(arguments)")
        }
        // Colour on: the report's own styling stays, the input's controls do not.
        let coloured = try SalamaBinary.runShell("script -qec 'env -u NO_COLOR TERM=xterm \"$SALAMA\" check --checklist \(Self.checklist) \(old)' /dev/null")
        #expect(coloured.status == 0, "script(1), from util-linux, gives the run a terminal")
        #expect(coloured.standardOutput.contains("\u{1B}[1m"))
        #expect(coloured.standardOutput.contains("<U+009B>2J<U+202E>"))
    }

    @Test func validateAndTheVocabularyListShowHostileTextEscaped() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let input = try Self.changedSample(in: folder, replacing: "name=\"Coopérative", with: "name=\"\(Self.hostile)Coopérative")
        let validated = try SalamaBinary.run(["validate", input])
        #expect(validated.status == 0)
        #expect(validated.standardOutput.contains("X<U+009B>2J<U+202E>evil<U+2066>Y"))
        #expect(Self.rawControls(validated.standardOutput).isEmpty)

        let checklist = try String(contentsOfFile: Fixtures.repository.path + "/Tests/Fixtures/workbook/checklist.xml", encoding: .utf8)
        let hostileList = folder.write("list.xml", checklist.replacingOccurrences(of: "<title>", with: "<title>\u{202E}\u{9B}", options: [], range: nil))
        let listed = try SalamaBinary.run(["template", "--checklist", hostileList, "--list"])
        #expect(listed.status == 0, "\(listed.standardError)")
        #expect(listed.standardOutput.contains("<U+202E><U+009B>"))
        #expect(Self.rawControls(listed.standardOutput).isEmpty)
    }

    @Test func anInvisibleCharacterInAnIdIsShown() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let input = try Self.changedSample(in: folder, replacing: "ref=\"IMP-01\"", with: "ref=\"IMP\u{200D}-01\"")
        let result = try SalamaBinary.run(["validate", input])
        #expect(result.status == 1)
        #expect(result.standardError.contains("The value 'IMP<U+200D>-01' is not accepted"))
    }

    @Test func fileNamesInDiagnosticsAreEscaped() throws {
        let result = try SalamaBinary.run(["check", "--lang", "en", "--checklist", Self.checklist, "missing\u{1B}]0;title\u{7}\u{202E}.xml"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("missing<U+001B>]0;title<U+0007><U+202E>.xml: error: cannot read file: no such file"))
        #expect(Self.rawControls(result.standardError).isEmpty)
    }
}
