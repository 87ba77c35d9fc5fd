import Foundation
import SalamaTestSupport
import Testing

/// `salama template` and `salama import`, run as a user runs them: the built binary, from the
/// repository folder.
@Suite("salama template and salama import")
struct WorkbookCommandTests {
    static let checklist = "Tests/Fixtures/workbook/checklist.xml"
    static let profile = ["--products", "honey,dates", "--activities", "packaging", "--cooperative", "Coopérative Nahla",
                          "--cooperative-id", "COOP-ERR-0042", "--region", "Drâa-Tafilalet", "--province", "Errachidia",
                          "--date", "2026-11-20"]

    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func xmlTemplatePassesValidateAndCheck() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let output = folder.path + "/blank.xml"
        let written = try SalamaBinary.run(["template", "--checklist", Self.checklist] + Self.profile + ["--output", output])
        #expect(written.status == 0)
        #expect(written.standardOutput == "")
        #expect(written.standardError == "")
        let xml = try Self.read(output)
        #expect(xml.components(separatedBy: "<answer ref=").count - 1 == 6)

        let validated = try SalamaBinary.run(["validate", "--checklist", Self.checklist, output])
        #expect(validated.status == 0)
        #expect(validated.standardOutput == "\(output): assessment of COOP-ERR-0042 (Coopérative Nahla), self of 2026-11-20, 0 of 6 applicable requirements answered\n")
        #expect(validated.standardError == "")

        // A blank workbook is not assessed yet: no gap, every level incomplete.
        let checked = try SalamaBinary.run(["check", "--checklist", Self.checklist, "--format", "json", output])
        #expect(checked.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(checked.standardOutput.utf8)) as? [String: Any])
        #expect(try #require(json["findings"] as? [[String: Any]]).isEmpty)
        #expect(Set(try #require(json["unassessed"] as? [String])) == ["GEN-01", "GEN-02", "GEN-03", "HON-01", "HON-02", "STO-01"])
        let targets = try #require(json["targets"] as? [[String: Any]])
        #expect(targets.allSatisfy { $0["verdict"] as? String == "incomplete" && $0["score"] is NSNull })

        // Standard output by default, the same text.
        let printed = try SalamaBinary.run(["template", "--checklist", Self.checklist] + Self.profile)
        #expect(printed.status == 0)
        #expect(printed.standardOutput == xml)
    }

    @Test func checklistFoundByIdInAFolderAndCommentsInArabic() throws {
        let result = try SalamaBinary.run(["template", "--checklist-id", "workbook-test", "--checklists", "Tests/Fixtures/workbook",
                                           "--products", "goat-cheese", "--activities", "cheese-making", "--lang", "ar",
                                           "--kind", "inspection", "--date", "2026-01-05"])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(result.standardOutput.contains("<!-- GEN-01: الماء المستعمل صالح للشرب -->"))
        #expect(result.standardOutput.contains("date=\"2026-01-05\" kind=\"inspection\""))
        #expect(result.standardOutput.contains("<cooperative id=\"COOP-0000\" name=\"\">"), "the placeholder id, to be replaced")
        let refs = result.standardOutput.components(separatedBy: "<answer ref=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(refs == ["GEN-01", "GEN-02", "GEN-03", "DAI-01", "DAI-02"])
    }

    @Test func csvTemplateFilledAndImportedIsChecked() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let csvPath = folder.path + "/classeur.csv"
        let template = try SalamaBinary.run(["template", "--checklist", Self.checklist] + Self.profile + ["--format", "csv", "--lang", "fr", "--output", csvPath])
        #expect(template.status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: csvPath))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        var csv = try Self.read(csvPath)
        #expect(csv.contains("\r\n\r\nréférence,rubrique,exigence,niveau,gravité,réponse (oui / partiel / non / sans objet),"))

        // Fill two rows as a cooperative would, between the columns to read and the guidance.
        let gen01 = ",Autorisation sanitaire,critique,,,water-analysis:,free-chlorine:,,\"Eau du réseau public, ou analysée chaque année si elle vient d'un puits\"\r\n"
        #expect(csv.contains(gen01))
        csv = csv.replacingOccurrences(of: gen01, with: ",Autorisation sanitaire,critique,oui,,water-analysis: 2026-03-02 analyse.pdf,\"free-chlorine: 0,4\","
                                       + "\"Labo de Rissani, \"\"agréé\"\" — مختبر\",\"Eau du réseau public, ou analysée chaque année si elle vient d'un puits\"\r\n")
        let sto01 = "\r\nSTO-01,Stockage,Les produits finis sont stockés à l'abri de la lumière,Autorisation sanitaire,mineur,,"
        #expect(csv.contains(sto01))
        csv = csv.replacingOccurrences(of: sto01, with: "\r\nSTO-01,Stockage,Les produits finis sont stockés à l'abri de la lumière,Autorisation sanitaire,mineur,non,2027-06-30")
        try Data(csv.utf8).write(to: URL(fileURLWithPath: csvPath))

        let xmlPath = folder.path + "/evaluation.xml"
        let imported = try SalamaBinary.run(["import", csvPath, "--checklist", Self.checklist, "--output", xmlPath])
        #expect(imported.status == 0)
        #expect(imported.standardOutput == "")
        #expect(imported.standardError == "")
        let xml = try Self.read(xmlPath)
        #expect(xml.contains("<answer ref=\"GEN-01\" status=\"yes\">\n    <evidence ref=\"water-analysis\" date=\"2026-03-02\">analyse.pdf</evidence>\n    <measurement ref=\"free-chlorine\" value=\"0.4\"/>\n    <note>Labo de Rissani, &quot;agréé&quot; — مختبر</note>\n  </answer>"))
        #expect(xml.contains("<answer ref=\"STO-01\" status=\"no\" deadline=\"2027-06-30\"/>"))

        let validated = try SalamaBinary.run(["validate", "--checklist", Self.checklist, xmlPath])
        #expect(validated.status == 0)
        #expect(validated.standardOutput.hasSuffix("2 of 6 applicable requirements answered\n"))

        let checked = try SalamaBinary.run(["check", "--checklist", Self.checklist, "--format", "json", xmlPath])
        #expect(checked.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(checked.standardOutput.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(!findings.contains { $0["requirement"] as? String == "GEN-01" }, "GEN-01 is answered yes with everything in order")
        #expect(findings.contains { $0["requirement"] as? String == "STO-01" && $0["status"] as? String == "no" })

        // Without --output, the XML goes to standard output.
        let printed = try SalamaBinary.run(["import", csvPath, "--checklist", Self.checklist])
        #expect(printed.status == 0)
        #expect(printed.standardOutput == xml)
    }

    @Test func productsAndActivitiesMayBeTypedAsTitlesOrAliases() throws {
        let byID = try SalamaBinary.run(["template", "--checklist", Self.checklist] + Self.profile)
        // Case, accents, spaces, Arabic titles and aliases all resolve to the same ids.
        let typed = Self.profile.map { $0 == "honey,dates" ? " MIEL , datte,التمور" : $0 == "packaging" ? "conditionnement" : $0 }
        let byName = try SalamaBinary.run(["template", "--checklist", Self.checklist] + typed)
        #expect(byName.status == 0, "\(byName.standardError)")
        #expect(byName.standardOutput == byID.standardOutput)
        #expect(byName.standardOutput.contains("<product>honey</product>\n    <product>dates</product>"))
    }

    @Test func aTitleHoldingACommaIsOneName() throws {
        let byID = try SalamaBinary.run(["template", "--checklist", Self.checklist, "--products", "honey", "--activities", "storage,packaging"])
        let byTitle = try SalamaBinary.run(["template", "--checklist", Self.checklist, "--products", "honey", "--activities", "Stockage (au sec, à l'abri), conditionnement"])
        #expect(byTitle.status == 0, "\(byTitle.standardError)")
        #expect(byTitle.standardOutput == byID.standardOutput)
        #expect(byTitle.standardOutput.contains("<activity>storage</activity>\n    <activity>packaging</activity>"))
    }

    @Test func theVocabularyIsListed() throws {
        let result = try SalamaBinary.run(["template", "--checklist", Self.checklist, "--list"])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(result.standardOutput.contains("Produits :\n"))
        #expect(result.standardOutput.contains("  dates        Dattes, التمور, Dates, datte\n"))
        #expect(result.standardOutput.contains("Activités :\n"))
        #expect(result.standardOutput.contains("  packaging      Conditionnement, التلفيف\n"))
    }

    @Test func aWorkbookMayNameProductsByTheirTitles() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let csvPath = folder.path + "/classeur.csv"
        _ = try SalamaBinary.run(["template", "--lang", "en", "--checklist", Self.checklist] + Self.profile + ["--format", "csv", "--lang", "fr", "--output", csvPath])
        let csv = try Self.read(csvPath)
        // The workbook names products and activities by their titles in its language.
        #expect(csv.contains("\r\nproduits,\"Miel, Dattes\"\r\nactivités,Conditionnement\r\n"))
        let imported = try SalamaBinary.run(["import", "--lang", "en", csvPath, "--checklist", Self.checklist])
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput.contains("<product>honey</product>\n    <product>dates</product>\n    <activity>packaging</activity>"))

        try Data(csv.replacingOccurrences(of: "\"Miel, Dattes\"", with: "\"Miel, Dates\"").utf8).write(to: URL(fileURLWithPath: csvPath))
        let checked = try SalamaBinary.run(["check", "--lang", "en", "--checklist", Self.checklist, csvPath])
        #expect(checked.status == 0, "the English title resolves too: \(checked.standardError)")
        try Data(csv.replacingOccurrences(of: "\"Miel, Dattes\"", with: "\"Miel, Dattess, figues\"").utf8).write(to: URL(fileURLWithPath: csvPath))
        let refused = try SalamaBinary.run(["import", "--lang", "en", csvPath, "--checklist", Self.checklist])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains(": error: unknown product 'Dattess': did you mean 'dates'?"), "\(refused.standardError)")
        #expect(refused.standardError.contains(": error: unknown product 'figues': the closest declared id is 'honey' (declared products: goat-cheese, honey, milk, dates)"),
                "far from every name, the least far id is still named")
    }

    @Test func importWarnsOfUnknownRequirementsWithTheIDMeant() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let csvPath = folder.path + "/classeur.csv"
        _ = try SalamaBinary.run(["template", "--lang", "en", "--checklist", Self.checklist] + Self.profile + ["--format", "csv", "--lang", "fr", "--output", csvPath])
        let csv = try Self.read(csvPath).replacingOccurrences(of: "\r\nGEN-02,", with: "\r\nGEN-2,")
        try Data(csv.utf8).write(to: URL(fileURLWithPath: csvPath))
        let imported = try SalamaBinary.run(["import", "--lang", "en", csvPath, "--checklist", Self.checklist])
        #expect(imported.status == 0)
        #expect(imported.standardError.contains(": warning: answer to unknown requirement 'GEN-2': did you mean 'GEN-02'? ('GEN-02' stays unanswered)"),
                "\(imported.standardError)")
    }

    @Test func importReportsEveryBadCellWithExitCode1() throws {
        let path = "Tests/Fixtures/workbook/bad-cells.csv"
        let result = try SalamaBinary.run(["import", path])
        #expect(result.status == 1)
        #expect(result.standardOutput == "")
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.count == 14, "the evidence dated 03/02/2026 (French order) is read")
        #expect(lines.allSatisfy { $0.hasPrefix(path + ":") && $0.contains(": error: ") })
        #expect(lines.map { $0.split(separator: ":").prefix(3).joined(separator: ":") } == [
            "\(path):2:2", "\(path):3:2", "\(path):4:2", "\(path):5:2", "\(path):6:1", "\(path):7:2",
            "\(path):10:2", "\(path):10:3", "\(path):10:4", "\(path):10:5",
            "\(path):11:5", "\(path):12:1", "\(path):13:1", "\(path):14:7",
        ])
        #expect(lines[6] == "\(path):10:2: error: unknown status 'peut-être': write yes, partial, no or na (or oui, partiel, non, sans objet; نعم, جزئي, لا, غير معني)")
    }

    @Test func importOfTheHandFilledFixtureMatchesTheHandWrittenXML() throws {
        let imported = try SalamaBinary.run(["import", "Tests/Fixtures/workbook/filled-fr.csv"])
        #expect(imported.status == 0)
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let xmlPath = folder.write("filled.xml", imported.standardOutput)
        let fromCSV = try SalamaBinary.run(["check", "--checklist", Self.checklist, "--format", "json", xmlPath])
        let fromXML = try SalamaBinary.run(["check", "--checklist", Self.checklist, "--format", "json", "Tests/Fixtures/workbook/filled.xml"])
        #expect(fromCSV.status == 0)
        #expect(fromXML.status == 0)
        // The same report but for the file's name.
        #expect(fromCSV.standardOutput.replacingOccurrences(of: xmlPath, with: "F") == fromXML.standardOutput.replacingOccurrences(of: "Tests/Fixtures/workbook/filled.xml", with: "F"))
        #expect(fromCSV.standardOutput.contains("\"score\": 42.9") || fromCSV.standardOutput.contains("\"score\":42.9"))
    }

    @Test func unreadableInputsExitWith1() throws {
        let missing = try SalamaBinary.run(["import", "Tests/Fixtures/workbook/no-such.csv"])
        #expect(missing.status == 1)
        #expect(missing.standardError == "Tests/Fixtures/workbook/no-such.csv: error: cannot read file: no such file\n")

        let invalidChecklist = try SalamaBinary.run(["template", "--checklist", "Tests/Fixtures/checklists/invalid/bad-id.xml", "--products", "honey"])
        #expect(invalidChecklist.status == 1)
        #expect(invalidChecklist.standardOutput == "")
        #expect(invalidChecklist.standardError.hasPrefix("Tests/Fixtures/checklists/invalid/bad-id.xml:"))

        let unknownID = try SalamaBinary.run(["template", "--checklist-id", "nope", "--checklists", "Tests/Fixtures/workbook", "--products", "honey"])
        #expect(unknownID.status == 1)
        #expect(unknownID.standardError == "Tests/Fixtures/workbook: error: no checklist with id 'nope' in this folder\n")

        let unwritable = try SalamaBinary.run(["template", "--checklist", Self.checklist, "--products", "honey", "--output", "/nonexistent/dir/x.xml"])
        #expect(unwritable.status == 1)
    }

    @Test(arguments: [
        (["template", "--checklist", checklist], "--products"),
        (["template", "--products", "honey"], "give --checklist FILE or --checklist-id ID"),
        (["template", "--checklist", checklist, "--checklist-id", "workbook-test", "--products", "honey"], "not both"),
        (["template", "--checklist", checklist, "--checklists", "Tests/Fixtures/workbook", "--products", "honey"], "not both"),
        (["template", "--lang", "en", "--checklist", checklist, "--products", "Hooney"],
         "error: --products: unknown product 'Hooney': did you mean 'honey'? (declared products: goat-cheese, honey, milk, dates)"),
        (["template", "--lang", "en", "--checklist", checklist, "--products", "honey", "--activities", "pack aging"],
         "error: --activities: unknown activity 'pack aging': did you mean 'packaging'? (declared activities: cheese-making, packaging, storage)"),
        (["template", "--lang", "en", "--checklist", checklist, "--products", "honey, camel milk"], "unknown product 'camel milk': the closest declared id is 'milk' (declared products: goat-cheese, honey, milk, dates)"),
        (["template", "--checklist", checklist, "--products", " , "], "--products"),
        (["template", "--checklist", checklist, "--products", "honey", "--cooperative-id", "COOP 1"], "cooperative id 'COOP 1' is not an id"),
        (["template", "--checklist", checklist, "--products", "honey", "--date", "2026-02-30"], "--date takes a real day written YYYY-MM-DD"),
        (["template", "--checklist", checklist, "--products", "honey", "--format", "pdf"], "--format"),
        (["template", "--checklist", checklist, "--products", "honey", "--kind", "visit"], "--kind"),
        (["template", "--checklist", checklist, "--products", "honey", "--lang", "es"], "--lang"),
        (["import"], "file.csv"),
    ])
    func usageErrorsExitWith64(arguments: [String], message: String) throws {
        let result = try SalamaBinary.run(arguments)
        #expect(result.status == 64)
        #expect(result.standardOutput == "")
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }
}
