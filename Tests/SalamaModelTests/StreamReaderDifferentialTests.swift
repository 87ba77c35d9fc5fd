import Foundation
import Testing
@testable import SalamaModel
import SalamaXML
import SalamaTestSupport

/// The streaming reader may give up on a valid file, but it must never accept a file the
/// careful path (tree, XSD, every rule) refuses, and what it accepts must be the same model.
@Suite struct StreamReaderDifferentialTests {
    static let base = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!-- a comment -->
    <assessment xmlns="urn:salama:assessment:1" checklist="onssa-hygiene" checklist-version="2026.1"
                date="2026-11-20" kind="self" xml:lang="fr">
      <cooperative id="COOP-ERR-0042" name="Coopérative Nakhil  Erfoud &amp; fils">
        <region>Drâa-Tafilalet</region>
        <province> Errachidia </province>
        <commune>Erfoud</commune>
        <members>23</members>
        <product>dates</product>
        <product>honey</product>
        <activity>packaging</activity>
      </cooperative>
      <assessor name="Fatima" role="member"/>
      <answer ref="WAT-01" status="yes" deadline="2027-01-31">
        <evidence ref="water-analysis" date="2026-03-02">analyse-eau-2026.pdf</evidence>
        <evidence ref="slot"/>
        <measurement ref="free-chlorine" value="0.4"/>
        <measurement ref="empty"/>
        <note>Citerne   nettoyée <![CDATA[<le 3 mars>]]></note>
      </answer>
      <answer ref="WAT-02" status="na"/>
      <answer ref="WAT-03"></answer>
      <answer ref="WAT-04" status="partial"><note xml:lang="ar">ملاحظة</note></answer>
    </assessment>
    """

    /// Each mutation replaces the first occurrence of a text of the base file.
    static let mutations: [(String, String)] = [
        ("checklist=\"onssa-hygiene\"", ""),
        ("checklist=\"onssa-hygiene\"", "checklist=\"onssa hygiene\""),
        ("date=\"2026-11-20\"", "date=\"2026-02-30\""),
        ("date=\"2026-11-20\"", "date=\"2026-11-20Z\""),
        ("date=\"2026-11-20\"", ""),
        ("kind=\"self\"", "kind=\"audit\""),
        ("kind=\"self\"", ""),
        ("xml:lang=\"fr\"", "lang=\"fr\""),
        ("urn:salama:assessment:1", "urn:salama:assessment:2"),
        ("<region>Drâa-Tafilalet</region>", ""),
        ("<province> Errachidia </province>", ""),
        ("<commune>Erfoud</commune>", ""),
        ("<members>23</members>", "<members>+23</members>"),
        ("<members>23</members>", "<members>-1</members>"),
        ("<members>23</members>", "<members>vingt</members>"),
        ("<members>23</members>", "<members> 23 </members>"),
        ("<product>dates</product>", "<product>Dates</product>"),
        ("<product>dates</product>", "<product>dates honey</product>"),
        ("<product>dates</product>\n    <product>honey</product>", ""),
        ("<activity>packaging</activity>", "<activity>packaging</activity><product>argan-oil</product>"),
        ("<commune>Erfoud</commune>", "<members>4</members><commune>Erfoud</commune>"),
        ("<assessor name=\"Fatima\" role=\"member\"/>", ""),
        ("<assessor name=\"Fatima\" role=\"member\"/>", "<assessor name=\"Fatima\" role=\"chief\"/>"),
        ("<assessor name=\"Fatima\" role=\"member\"/>", "<assessor name=\"Fatima\" role=\"member\"> </assessor>"),
        ("<assessor name=\"Fatima\" role=\"member\"/>", "<assessor role=\"member\"/>"),
        ("<assessor name=\"Fatima\" role=\"member\"/>", "<answer ref=\"X-0\"/><assessor name=\"Fatima\" role=\"member\"/>"),
        ("<assessor name=\"Fatima\" role=\"member\"/>", "<assessor name=\"Fatima\" role=\"member\"/><assessor name=\"Karim\" role=\"inspector\"/>"),
        ("<assessor name=\"Fatima\" role=\"member\"/>", "<assessor name=\"Fatima\" role=\"member\"/><visit number=\"N-1\" start=\"09:30\"/>"),
        ("<assessor name=\"Fatima\" role=\"member\"/>", "<assessor name=\"Fatima\" role=\"member\"/><visit/><visit/>"),
        ("<assessor name=\"Fatima\" role=\"member\"/>", "<assessor name=\"Fatima\" role=\"member\"/><visit start=\"12:00\" end=\"11:00\"/>"),
        ("<answer ref=\"WAT-02\" status=\"na\"/>", "<answer ref=\"WAT-02\" status=\"na\"/><visit/>"),
        ("<answer ref=\"WAT-02\" status=\"na\"/>", "<answer ref=\"WAT-02\" status=\"na\"/><assessor name=\"Karim\" role=\"inspector\"/>"),
        ("status=\"yes\" deadline", "status=\"oui\" deadline"),
        ("deadline=\"2027-01-31\"", "deadline=\"2027-02-29\""),
        ("deadline=\"2027-01-31\"", "deadline=\"31/01/2027\""),
        ("<answer ref=\"WAT-02\" status=\"na\"/>", "<answer ref=\"WAT-01\" status=\"na\"/>"),
        ("<answer ref=\"WAT-02\" status=\"na\"/>", "<answer status=\"na\"/>"),
        ("<answer ref=\"WAT-02\" status=\"na\"/>", "<answer ref=\"WAT-02\" status=\"na\" extra=\"1\"/>"),
        ("<answer ref=\"WAT-02\" status=\"na\"/>", "<answer ref=\"WAT-02\" status=\"na\">texte</answer>"),
        ("<answer ref=\"WAT-02\" status=\"na\"/>", "<answer ref=\"WAT-02\" status=\"na\"><unknown/></answer>"),
        ("<evidence ref=\"slot\"/>", "<evidence ref=\"water-analysis\"/>"),
        ("<evidence ref=\"slot\"/>", "<evidence ref=\"slot\" date=\"2026-13-01\"/>"),
        ("<evidence ref=\"slot\"/>", "<evidence ref=\"slot\"><b>x</b></evidence>"),
        ("<measurement ref=\"empty\"/>", "<measurement ref=\"free-chlorine\"/>"),
        ("<measurement ref=\"empty\"/>", "<measurement ref=\"empty\" value=\"1e3\"/>"),
        ("<measurement ref=\"empty\"/>", "<measurement ref=\"empty\" value=\" 0.4 \"/>"),
        ("<measurement ref=\"empty\"/>", "<measurement ref=\"empty\" value=\".5\"/>"),
        ("<measurement ref=\"empty\"/>", "<measurement ref=\"empty\" value=\"0.4.1\"/>"),
        ("<measurement ref=\"empty\"/>", "<measurement ref=\"empty\" value=\"-0\"/>"),
        ("<measurement ref=\"empty\"/>", "<measurement ref=\"empty\">0.4</measurement>"),
        ("<measurement ref=\"free-chlorine\" value=\"0.4\"/>", "<note>avant</note><measurement ref=\"free-chlorine\" value=\"0.4\"/>"),
        ("<evidence ref=\"water-analysis\"", "<measurement ref=\"m0\"/><evidence ref=\"water-analysis\""),
        ("<note>Citerne", "<note unit=\"x\">Citerne"),
        ("</assessment>", "<answer ref=\"Z-1\"/></assessment><!-- trailing -->"),
        ("</assessment>", ""),
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE assessment>"),
        ("<cooperative id=\"COOP-ERR-0042\"", "<cooperative id=\"-COOP\""),
        ("<cooperative id=\"COOP-ERR-0042\"", "<cooperative xml:base=\"x\" id=\"COOP-ERR-0042\""),
        ("Coopérative Nakhil", "Coopérative\u{00A0}Nakhil"),
    ] + numberMutations

    /// Numbers around every length limit: the streaming reader's own (18 digits), libxml2's
    /// schema validator's (24), Int64's (19 digits), and well beyond.
    static let numberMutations: [(String, String)] = {
        var all: [(String, String)] = []
        for digits in [17, 18, 19, 20, 24, 25, 26, 30, 31, 40] {
            let number = "1" + String(repeating: "0", count: digits - 1)
            let fraction = "0." + String(repeating: "0", count: digits - 2) + "7"
            for value in [number, "-" + number, fraction, "000" + number, number + ".000"] {
                all.append(("value=\"0.4\"", "value=\"\(value)\""))
            }
            all.append(("<members>23</members>", "<members>\(String(repeating: "9", count: digits))</members>"))
        }
        return all
    }()

    static func cases() -> [(name: String, text: String)] {
        var all = [("base", base)]
        for (index, (old, new)) in mutations.enumerated() {
            guard let range = base.range(of: old) else { continue }
            all.append(("mutation \(index): \(old) → \(new)", base.replacingCharacters(in: range, with: new)))
        }
        return all
    }

    @Test func everyMutationIsFound() {
        for (old, _) in Self.mutations {
            #expect(Self.base.contains(old), "mutation target missing from the base: \(old)")
        }
    }

    @Test(arguments: cases().map(\.name))
    func streamingAgreesWithTheCarefulPath(name: String) throws {
        let text = try #require(Self.cases().first { $0.name == name }?.text)
        let bytes = Array(text.utf8)
        let careful = try? AssessmentLoader.loadCarefully(bytes: bytes, path: "a.xml").value
        let fast = AssessmentStreamReader.read(bytes: bytes, path: "a.xml")
        if let fast {
            let expected = try #require(careful, "the streaming reader accepted a file the careful path refuses")
            #expect(fast == expected)
        }
    }

    @Test func aSecondAssessorStaysOnTheFastPathAndAVisitLeavesIt() throws {
        let assessor = "<assessor name=\"Fatima\" role=\"member\"/>"
        let two = Self.base.replacingOccurrences(of: assessor, with: assessor + "<assessor name=\"Karim\" role=\"inspector\"/>")
        let fast = try #require(AssessmentStreamReader.read(bytes: Array(two.utf8), path: "a.xml"))
        #expect(fast.assessors == [Assessor(name: "Fatima", role: .member), Assessor(name: "Karim", role: .inspector)])
        let visited = Self.base.replacingOccurrences(of: assessor, with: assessor + "<visit number=\"N-1\"/>")
        #expect(AssessmentStreamReader.read(bytes: Array(visited.utf8), path: "a.xml") == nil)
        #expect(try AssessmentLoader.loadCarefully(bytes: Array(visited.utf8), path: "a.xml").value.visit == Visit(number: "N-1"))
    }

    @Test("Long numbers: one rule on both paths, refusals that say why", arguments: [24, 25, 31])
    func longDecimals(digits: Int) throws {
        let value = "1" + String(repeating: "0", count: digits - 1)
        let bytes = Array(Self.base.replacingOccurrences(of: "value=\"0.4\"", with: "value=\"\(value)\"").utf8)
        let fast = AssessmentStreamReader.read(bytes: bytes, path: "a.xml")
        switch Result(catching: { () throws(InvalidInputError) in try AssessmentLoader.loadCarefully(bytes: bytes, path: "a.xml") }) {
        case .success(let careful):
            #expect(digits <= 24)
            #expect(careful.value.answers[0].measurements[0].value == Double(value))
            #expect(fast == nil || fast == careful.value)
        case .failure(let error):
            #expect(digits > 24)
            #expect(fast == nil, "the streaming reader accepted what the careful path refuses")
            #expect(error.description.contains("'\(value)' has \(digits) digits: Salama reads numbers (xs:decimal) of at most 24 digits"))
        }
    }

    @Test func integersBeyondInt64AreLocatedErrors() throws {
        let members = Array(Self.base.replacingOccurrences(of: "<members>23</members>", with: "<members>99999999999999999999</members>").utf8)
        #expect(AssessmentStreamReader.read(bytes: members, path: "a.xml") == nil)
        let error = #expect(throws: InvalidInputError.self) { try AssessmentLoader.loadCarefully(bytes: members, path: "a.xml") }
        #expect(error?.diagnostics.first?.location.line == 9)
        #expect(error?.diagnostics.first?.message == "<members> is 99999999999999999999: too large a number (at most 9223372036854775807)")
    }

    @Test func aLevelBeyondInt64IsALocatedError() throws {
        let text = try String(contentsOfFile: Fixtures.path("checklists/valid/minimal.xml"), encoding: .utf8)
            .replacingOccurrences(of: "level=\"1\"", with: "level=\"99999999999999999999\"")
        let document = try XMLParser.parse(bytes: Array(text.utf8), path: "big.xml")
        let error = #expect(throws: InvalidInputError.self) { try ChecklistLoader.load(document: document) }
        #expect(error?.diagnostics.contains { $0.location.line == 5 && $0.message == "attribute 'level' is 99999999999999999999: too large a number (at most 9223372036854775807)" } == true, "\(String(describing: error))")
    }

    @Test func theStreamingReaderReadsTheBaseFile() throws {
        let fast = try #require(AssessmentStreamReader.read(bytes: Array(Self.base.utf8), path: "a.xml"))
        #expect(fast.cooperative.name == "Coopérative Nakhil  Erfoud & fils", "attribute values keep their spaces on both paths")
        #expect(fast.cooperative.province == "Errachidia")
        #expect(fast.answers.count == 4)
        #expect(fast.answers[0].notes == ["Citerne nettoyée <le 3 mars>"])
        #expect(fast.answers[0].location.line == 15)
        #expect(fast.answers[0].location.column == 3)
        #expect(fast.answers[0].evidence[0].location == SourceLocation(file: "a.xml", line: 16, column: 5))
    }

    @Test func everyAssessmentFileOfTheRepositoryAgrees() throws {
        let folders = ["Samples", "Tests/Fixtures"]
        var checked = 0
        for folder in folders {
            let root = Fixtures.repositoryPath(folder)
            guard let enumerator = FileManager.default.enumerator(atPath: root) else { continue }
            while let relative = enumerator.nextObject() as? String {
                guard relative.hasSuffix(".xml") else { continue }
                let path = (root as NSString).appendingPathComponent(relative)
                guard let bytes = try? FileReader.read(path, limit: XMLParser.maximumFileSize),
                      String(decoding: bytes, as: UTF8.self).contains("urn:salama:assessment:1") else { continue }
                checked += 1
                let careful = try? AssessmentLoader.loadCarefully(bytes: bytes, path: path).value
                if let fast = AssessmentStreamReader.read(bytes: bytes, path: path) {
                    #expect(careful != nil, "\(path): accepted by the streaming reader only")
                    #expect(fast == careful, "\(path): the two readers build different models")
                }
            }
        }
        #expect(checked > 0)
    }
}
