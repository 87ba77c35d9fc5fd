import Foundation
import SalamaTestSupport
import Testing

/// `salama validate`, run as a user runs it: the built binary, from the repository folder,
/// with paths relative to it.
@Suite("salama validate")
struct ValidateCommandTests {
    static let miniChecklist = "Tests/Fixtures/checklists/valid/mini.xml"
    static let miniSelf = "Tests/Fixtures/assessments/valid/mini-self.xml"
    static let secret = "SALAMA-SECRET-5f2d9c41-never-print-me"

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// `FILE:LINE:COLUMN: SEVERITY: MESSAGE`, split; nil for any other shape.
    static func located(_ line: String) -> (file: String, line: Int, column: Int, severity: String, message: String)? {
        let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, let number = Int(parts[1]), let column = Int(parts[2]), number > 0, column > 0,
              parts[3].hasPrefix(" "), parts[4].hasPrefix(" ") else { return nil }
        return (parts[0], number, column, String(parts[3].dropFirst()), String(parts[4].dropFirst()))
    }

    /// The markers of a fixture (relative to the repository) and of its fixture modules.
    static func markers(_ relative: String) -> [ExpectedDiagnostic] {
        let folder = (relative as NSString).deletingLastPathComponent
        var result = ExpectedDiagnostic.markers(in: Fixtures.repositoryPath(relative))
        let modules = Fixtures.repositoryPath(folder + "/modules")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: modules)) ?? [] {
            let text = (try? String(contentsOfFile: Fixtures.repositoryPath(relative), encoding: .utf8)) ?? ""
            if text.contains("href=\"modules/\(name)\"") {
                result += ExpectedDiagnostic.markers(in: modules + "/" + name)
            }
        }
        // Report them with repository-relative paths, as the command names the files.
        return result.map { marker in
            var marker = marker
            marker.file = String(marker.file.dropFirst(Fixtures.repository.path.count + 1))
            return marker
        }
    }

    @Test func aValidChecklistPrintsItsSummary() throws {
        let result = try SalamaBinary.run(["validate", Self.miniChecklist])
        #expect(result.status == 0)
        #expect(result.standardOutput == "\(Self.miniChecklist): checklist salama-mini 2026.1-test: 2 sections, 4 requirements, 3 targets\n")
        #expect(result.standardError == "")
    }

    @Test func aValidAssessmentPrintsItsSummary() throws {
        let result = try SalamaBinary.run(["validate", "--lang", "en", "--checklist", Self.miniChecklist, Self.miniSelf])
        #expect(result.status == 0)
        #expect(result.standardOutput == "\(Self.miniSelf): assessment of COOP-ERR-0042 (Coopérative Nakhil Erfoud), self of 2026-11-20, 3 of 3 applicable requirements answered\n")
        // PRE_02 needs cheese: answering it for a dates and honey cooperative is worth a word.
        #expect(result.standardError == "\(Self.miniSelf):23:3: warning: requirement 'PRE_02' does not apply to this cooperative's products and activities, yet it is answered: is a product or an activity missing from <cooperative>?\n")
    }

    @Test func checklistsAndAssessmentsTogetherOneLineEach() throws {
        let workbook = "Tests/Fixtures/assessments/valid/inspection-blank-workbook.xml"
        let result = try SalamaBinary.run(["validate", "--lang", "en", "--checklists", "Tests/Fixtures/checklists/valid", Self.miniChecklist, workbook, Self.miniSelf])
        #expect(result.status == 0)
        #expect(Self.lines(result.standardOutput) == [
            "\(Self.miniChecklist): checklist salama-mini 2026.1-test: 2 sections, 4 requirements, 3 targets",
            "\(workbook): assessment of COOP-ZAG-7 (Taounza), inspection of 2024-02-29, 0 of 2 applicable requirements answered",
            "\(Self.miniSelf): assessment of COOP-ERR-0042 (Coopérative Nakhil Erfoud), self of 2026-11-20, 3 of 3 applicable requirements answered",
        ])
        #expect(result.standardError == "\(Self.miniSelf):23:3: warning: requirement 'PRE_02' does not apply to this cooperative's products and activities, yet it is answered: is a product or an activity missing from <cooperative>?\n")
    }

    @Test func theChecklistFolderMayComeFromTheEnvironment() throws {
        let result = try SalamaBinary.run(["validate", Self.miniSelf], environment: ["SALAMA_CHECKLISTS": "Tests/Fixtures/checklists/valid"])
        #expect(result.status == 0)
        #expect(!result.standardError.contains("not found"), "the checklist was found")
        #expect(result.standardOutput.hasSuffix("3 of 3 applicable requirements answered\n"))
    }

    @Test("An invalid file exits 1 with one FILE:LINE:COLUMN: error: line per marked problem",
          arguments: Fixtures.files(in: "checklists/invalid")
            + Fixtures.files(in: "assessments/invalid").filter { !$0.hasSuffix("/wrong-namespace.xml") })
    func invalidFile(path: String) throws {
        let relative = String(path.dropFirst(Fixtures.repository.path.count + 1))
        let expected = Self.markers(relative)
        try #require(!expected.isEmpty)
        let result = try SalamaBinary.run(["validate", "--lang", "en", "--checklist", Self.miniChecklist, relative])
        #expect(result.status == 1)
        #expect(result.standardOutput == "")
        let reported = Self.lines(result.standardError)
        for line in reported {
            let parsed = try #require(Self.located(line), "not FILE:LINE:COLUMN: error: MESSAGE: \(line)")
            #expect(parsed.severity == "error")
            #expect(expected.contains { $0.file == parsed.file && $0.line == parsed.line && parsed.message.contains($0.text) },
                    "unexpected: \(line)")
        }
        for marker in expected {
            #expect(reported.contains { line in
                guard let parsed = Self.located(line) else { return false }
                return parsed.file == marker.file && parsed.line == marker.line && parsed.message.contains(marker.text)
            }, "missing \(marker) in:\n\(result.standardError)")
        }
    }

    @Test func errorsInAModuleNameTheModuleFile() throws {
        let result = try SalamaBinary.run(["validate", "--lang", "en", "Tests/Fixtures/checklists/invalid/duplicate-id-across-module.xml"])
        #expect(result.status == 1)
        #expect(Self.lines(result.standardError) == [
            "Tests/Fixtures/checklists/invalid/modules/duplicate-module.xml:4:3: error: duplicate section or requirement id 'WAT-01' (first at Tests/Fixtures/checklists/invalid/duplicate-id-across-module.xml:11:5)",
            "Tests/Fixtures/checklists/invalid/modules/duplicate-module.xml:7:3: error: duplicate section or requirement id 'water' (first at Tests/Fixtures/checklists/invalid/duplicate-id-across-module.xml:9:3)",
        ])
    }

    @Test func aRootInAnotherNamespaceIsNeitherKind() throws {
        // The command tells the kinds apart by namespace, so it cannot say "not an assessment".
        let path = "Tests/Fixtures/assessments/invalid/wrong-namespace.xml"
        let result = try SalamaBinary.run(["validate", path])
        #expect(result.status == 1)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "\(path):3:1: error: neither a checklist (urn:salama:checklist:1) nor an assessment (urn:salama:assessment:1)\n")
    }

    @Test func modulePathsKeepTheFormTheUserGave() throws {
        // A relative path with a space, an apostrophe and accents: the module's errors name it
        // relative to the same folder, exactly as the user would type it.
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("Grilles d'été/modules/eau potable.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <section xmlns="urn:salama:checklist:1" id="eau">
              <title>Eau</title>
              <requirement id="EAU-01" severity="major" target="autorisation" weight="0">
                <title>Eau potable</title>
              </requirement>
            </section>
            """)
        folder.write("Grilles d'été/grille.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <checklist xmlns="urn:salama:checklist:1" xmlns:xi="http://www.w3.org/2001/XInclude" id="g" version="1" xml:lang="fr">
              <title>Grille</title>
              <target id="autorisation" level="1" min-score="70">
                <title>Autorisation</title>
              </target>
              <xi:include href="modules/eau%20potable.xml"/>
            </checklist>
            """)
        let result = try SalamaBinary.run(["validate", "--lang", "en", "Grilles d'été/grille.xml"], in: folder.path)
        #expect(result.status == 1)
        #expect(Self.lines(result.standardError) == [
            "Grilles d'été/modules/eau potable.xml:4:3: error: the file does not follow the format of checklists; the validator says: Element 'requirement', attribute 'weight': [facet 'minExclusive'] The value '0' must be greater than '0'.",
        ])
    }

    @Test func aMissingFileExits1NamingIt() throws {
        let result = try SalamaBinary.run(["validate", "Tests/Fixtures/no-such-file.xml"])
        #expect(result.status == 1)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "Tests/Fixtures/no-such-file.xml: error: cannot read file: no such file\n")
    }

    @Test func theOtherFilesAreStillValidated() throws {
        let result = try SalamaBinary.run(["validate", "Tests/Fixtures/no-such-file.xml", Self.miniChecklist,
                                           "Tests/Fixtures/checklists/invalid/bad-weight.xml"])
        #expect(result.status == 1)
        #expect(Self.lines(result.standardOutput) == ["\(Self.miniChecklist): checklist salama-mini 2026.1-test: 2 sections, 4 requirements, 3 targets"])
        let errors = Self.lines(result.standardError)
        #expect(errors.count == 3)
        #expect(errors.first == "Tests/Fixtures/no-such-file.xml: error: cannot read file: no such file")
        #expect(errors.dropFirst().allSatisfy { $0.hasPrefix("Tests/Fixtures/checklists/invalid/bad-weight.xml:") })
    }

    @Test("Usage errors exit 64", arguments: [
        ["validate"],
        ["validate", "--frobnicate", "Tests/Fixtures/checklists/valid/mini.xml"],
        ["validate", "--checklist"],
        ["validate", "--checklist", "Tests/Fixtures/checklists/valid/mini.xml", "--checklists", "Tests/Fixtures/checklists/valid",
         "Tests/Fixtures/assessments/valid/mini-self.xml"],
        ["frobnicate"],
    ])
    func usageErrors(arguments: [String]) throws {
        let result = try SalamaBinary.run(arguments)
        #expect(result.status == 64)
        #expect(result.standardOutput == "")
        #expect(!result.standardError.isEmpty)
    }

    @Test func anAssessmentWhoseChecklistIsNotFoundIsValidWithAWarning() throws {
        let path = "Tests/Fixtures/assessments/valid/unknown-checklist.xml"
        let result = try SalamaBinary.run(["validate", "--checklists", "Tests/Fixtures/checklists/valid", path])
        #expect(result.status == 0)
        #expect(result.standardOutput == "\(path): assessment of COOP-ARG-3 (Tifawin), self of 2026-06-01, 1 answers given (schema checked only: without the checklist, products and coverage are not checked)\n")
        let warnings = Self.lines(result.standardError)
        #expect(warnings.count == 1)
        #expect(warnings.first == "\(path):3:1: warning: checklist 'argan-oil-2030' not found in 'Tests/Fixtures/checklists/valid', so answers were not checked against it")
    }

    @Test func withoutAChecklistFolderTheAssessmentIsStillValid() throws {
        // Run where ./Checklists does not exist and nothing names another folder.
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let result = try SalamaBinary.run(["validate", Fixtures.repositoryPath(Self.miniSelf)], in: folder.path)
        #expect(result.status == 0)
        #expect(result.standardOutput.hasSuffix("assessment of COOP-ERR-0042 (Coopérative Nakhil Erfoud), self of 2026-11-20, 4 answers given (schema checked only: without the checklist, products and coverage are not checked)\n"))
        #expect(result.standardError.contains(": warning: checklist 'salama-mini' not found (the checklist folder 'Checklists' does not exist), so answers were not checked against it"))
    }

    @Test func anInvalidChecklistGivenExplicitlyMakesTheAssessmentInvalid() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let broken = folder.write("broken.xml", "<checklist xmlns=\"urn:salama:checklist:1\" id=\"x\">")
        let result = try SalamaBinary.run(["validate", "--checklist", broken, Self.miniSelf])
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(broken):1:"))
        #expect(result.standardError.contains(": error: "))
    }

    @Test func answersTheChecklistDoesNotKnowAreWarnings() throws {
        let path = "Tests/Fixtures/assessments/valid/unknown-references.xml"
        let result = try SalamaBinary.run(["validate", "--lang", "en", "--checklist", Self.miniChecklist, path])
        #expect(result.status == 0)
        #expect(result.standardOutput == "\(path): assessment of COOP-1 (Tafilalet Miel), self of 2026-11-20, 1 of 3 applicable requirements answered\n")
        #expect(Self.lines(result.standardError) == [
            "\(path):4:1: warning: the assessment was made for checklist version '2025.9'; evaluating with version '2026.1-test'",
            "\(path):11:3: warning: answer to unknown requirement 'XYZ-9': the checklist has no such requirement",
            "\(path):14:5: warning: evidence 'invoice' is not an evidence item of requirement 'WAT-01'",
            "\(path):16:5: warning: measurement 'nitrates' is not a measure of requirement 'WAT-01'",
        ])
    }

    @Test func anAssessmentWithTooManyElementsIsOneLocatedErrorAndTheOthersAreStillRead() throws {
        // 60,000 answers: each would be a warning (unknown requirement); the file is refused
        // before any is read, at the line of the element over the limit.
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let source = try String(contentsOfFile: Fixtures.repositoryPath(Self.miniSelf), encoding: .utf8)
        let answers = (0..<60_000).map { "<answer ref=\"R-\($0)\" status=\"yes\"/>" }.joined(separator: "\n")
        let path = folder.write("many.xml", source.replacingOccurrences(of: "</assessment>", with: answers + "\n</assessment>"))
        let lineOfFirstAnswer = source.prefix(upTo: source.range(of: "</assessment>")!.lowerBound).count { $0 == "\n" } + 1
        let elementsBefore = source.matches(of: try Regex("<[A-Za-z]")).count
        let result = try SalamaBinary.run(["check", "--lang", "en", "--checklist", Self.miniChecklist, "--format", "json", path, Self.miniSelf])
        #expect(result.status == 1)
        #expect(Self.lines(result.standardError).filter { $0.hasPrefix(path) } == [
            "\(path):\(lineOfFirstAnswer + 50_000 - elementsBefore):1: error: more than 50000 elements: a checklist needs a few thousand, an assessment a few hundred",
        ])
        #expect(result.standardOutput.contains("COOP-ERR-0042"), "the valid file is still evaluated")
    }

    @Test func anAssessmentOfAnotherChecklistIsInvalid() throws {
        let other = "Tests/Fixtures/checklists/valid/minimal.xml"
        let result = try SalamaBinary.run(["validate", "--checklist", other, Self.miniSelf])
        #expect(result.status == 1)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "\(Self.miniSelf):3:1: error: the assessment is for checklist 'salama-mini', not 'salama-minimal' (\(other))\n")
    }

    @Test func aFileOfAnotherKindIsInvalid() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.write("other.xml", "<?xml version=\"1.0\"?>\n<report xmlns=\"urn:other\"/>\n")
        let result = try SalamaBinary.run(["validate", path])
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("\(path):2:1: error: neither a checklist (urn:salama:checklist:1) nor an assessment (urn:salama:assessment:1)"))
    }

    @Test func hostileFilesNeverCrashNorLeakALocalFile() throws {
        let hostile = Fixtures.files(in: "hostile").map { String($0.dropFirst(Fixtures.repository.path.count + 1)) }
        try #require(hostile.count >= 15)
        let result = try SalamaBinary.run(["validate"] + hostile + ["Tests/Fixtures/hostile", "Tests/Fixtures/hostile/no-such-file.xml"])
        #expect(result.status == 1, "invalid inputs, and no crash")
        let everything = result.standardOutput + result.standardError
        #expect(!everything.contains(Self.secret))
        #expect(!everything.contains("root:x:0:0"))
        #expect(!everything.contains("hahahaha"))
        // Only the two harmless files are valid: the byte-order mark and the Latin-1 one.
        #expect(Self.lines(result.standardOutput) == [
            "Tests/Fixtures/hostile/bom.xml: checklist bom 1: 0 sections, 0 requirements, 1 targets",
            "Tests/Fixtures/hostile/latin1.xml: checklist latin1 1: 0 sections, 0 requirements, 1 targets",
        ])
        // Every other file is named by an error (the two whose refused include stands in a
        // module, by an error in that module).
        let errors = Self.lines(result.standardError)
        let heldBy = [
            "Tests/Fixtures/hostile/include-nested-escape.xml": "Tests/Fixtures/hostile/modules/escape.xml",
            "Tests/Fixtures/hostile/include-cycle.xml": "Tests/Fixtures/hostile/modules/cycle-b.xml",
        ]
        for file in hostile + ["Tests/Fixtures/hostile", "Tests/Fixtures/hostile/no-such-file.xml"]
        where !file.hasSuffix("/bom.xml") && !file.hasSuffix("/latin1.xml") {
            let named = heldBy[file] ?? file
            #expect(errors.contains { $0.hasPrefix(named + ":") && $0.contains(": error: ") }, "\(file)")
        }
        for line in errors {
            #expect(line.contains(": error: ") || line.contains(": warning: "), "\(line)")
        }
    }
}
