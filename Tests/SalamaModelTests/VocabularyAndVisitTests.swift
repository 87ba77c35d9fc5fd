import Foundation
@testable import SalamaModel
import SalamaTestSupport
import SalamaXML
import Testing

/// Contract 1.1 in the model: the declared vocabulary, what people type resolved to its ids,
/// per-language cite locators, `allow-na`, and the assessors and visit of an assessment.
@Suite struct VocabularyTests {
    static let mini = Fixtures.path("checklists/valid/mini.xml")

    /// A checklist in `language` with one requirement per `allow-na` spelling (nil: absent)
    /// and three cites: by attribute, per language, and without locator.
    static func checklist(language: String, allowNA: [String?]) -> String {
        let requirements = allowNA.enumerated().map { index, value in
            "<requirement id=\"R\(index)\" severity=\"minor\" target=\"t\"\(value.map { " allow-na=\"\($0)\"" } ?? "")><title>R\(index)</title></requirement>"
        }.joined(separator: "\n    ")
        // An <at> without xml:lang is in the checklist's language: unlabelled only where that is neither fr nor ar.
        let unlabelled = language == "en" ? "<at>sec. 4(2)</at>" : "<at xml:lang=\"en\">sec. 4(2)</at>"
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <checklist xmlns="urn:salama:checklist:1" id="cites" version="1" xml:lang="\(language)">
          <title>Cites</title>
          <source id="law">Law</source>
          <target id="t" level="1" min-score="70"><title>T</title></target>
          <section id="s">
            <title>S</title>
            <requirement id="CIT-01" severity="major" target="t">
              <title>Cited</title>
              <cite source="law" at="  art.   3 "/>
              <cite source="law"><at xml:lang="fr">art. 4, al. 2</at><at xml:lang="ar">المادة 4، الفقرة 2</at>\(unlabelled)</cite>
              <cite source="law"/>
            </requirement>
            \(requirements)
          </section>
        </checklist>
        """
    }

    static func load(_ text: String) throws -> Checklist {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        return try ChecklistLoader.load(path: folder.write("c.xml", text)).value
    }

    @Test func theVocabularyIsReadInDocumentOrder() throws {
        let checklist = try ChecklistLoader.load(path: Self.mini).value
        #expect(checklist.products.map(\.id) == ["cheese", "dairy", "goat-cheese", "honey", "milk", "dates"])
        #expect(checklist.activities.map(\.id) == ["ripening", "packaging"])
        let dates = try #require(checklist.term("dates", kind: .product))
        #expect(dates.title.languages == ["fr", "ar", "en"], "a title without xml:lang is in the checklist's language")
        #expect(dates.aliases == ["datte"])
        #expect(dates.location == Location(file: Self.mini, line: 18, column: 3))
        #expect(checklist.term("dates", kind: .activity) == nil, "products and activities are apart")
        #expect(checklist.title(ofTerm: "dates", kind: .product, in: "ar") == "التمور")
        #expect(checklist.title(ofTerm: "honey", kind: .product, in: "en") == "Miel", "no English title: the checklist's language")
        #expect(checklist.title(ofTerm: "argan-oil", kind: .product, in: "fr") == "argan-oil", "undeclared: the id itself")
    }

    @Test("an id, a title in any language or an alias resolves, ignoring case, accents and surrounding spaces", arguments: [
        "dates", "  DATES ", "Dattes", "DATTES", "dattés", "  Dattés\t", "Dates", "التمور", "datte", "Datté", " DATTE ",
    ])
    func typedNamesResolve(typed: String) throws {
        let checklist = try ChecklistLoader.load(path: Self.mini).value
        #expect(try checklist.resolve(typed, kind: .product) == "dates")
    }

    @Test func activitiesResolveAmongActivitiesOnly() throws {
        let checklist = try ChecklistLoader.load(path: Self.mini).value
        #expect(try checklist.resolve("conditionnement", kind: .activity) == "packaging")
        #expect(try checklist.resolve("AFFINAGE ", kind: .activity) == "ripening")
        #expect(try checklist.resolve("fromage de chevre", kind: .product) == "goat-cheese", "the accent of chèvre is ignored")
        #expect(throws: UnknownTermError.self) { try checklist.resolve("packaging", kind: .product) }
        #expect(throws: UnknownTermError.self) { try checklist.resolve("dates", kind: .activity) }
    }

    @Test func anUnknownNameNamesTheClosestIdAndTheValidOnes() throws {
        let checklist = try ChecklistLoader.load(path: Self.mini).value
        let products = ["cheese", "dairy", "goat-cheese", "honey", "milk", "dates"]
        func failure(_ typed: String, _ kind: VocabularyKind) -> UnknownTermError? {
            do {
                _ = try checklist.resolve(typed, kind: kind)
                return nil
            } catch {
                return error
            }
        }
        // "dattier" is two insertions away from the alias "datte" (datt-e → datt-i-e-r), within
        // the slip limit max(2, 7 / 3) = 2.
        let dattier = try #require(failure("dattier", .product))
        #expect((dattier.closest, dattier.closestIsLikely, dattier.valid) == ("dates", true, products))
        #expect(dattier.description == "unknown product 'dattier': did you mean 'dates'? (declared products: cheese, dairy, goat-cheese, honey, milk, dates)")
        // "argan" is far from every name: the least far id is still named, as no guess.
        let argan = try #require(failure("argan", .product))
        let closest = try #require(argan.closest)
        #expect(products.contains(closest))
        #expect(!argan.closestIsLikely)
        #expect(argan.description == "unknown product 'argan': the closest declared id is '\(closest)' (declared products: cheese, dairy, goat-cheese, honey, milk, dates)")
        let packing = try #require(failure("packing", .activity))
        #expect((packing.closest, packing.closestIsLikely, packing.valid) == ("packaging", true, ["ripening", "packaging"]))
        // A checklist without vocabulary says so.
        let minimal = try ChecklistLoader.load(path: Fixtures.path("checklists/valid/minimal.xml")).value
        do {
            _ = try minimal.resolve("dates", kind: .product)
            Issue.record("resolved a product the checklist does not declare")
        } catch {
            #expect(error.description == "unknown product 'dates' (the checklist declares no products)")
        }
    }

    @Test func aCiteLocatorIsReadPerLanguage() throws {
        // The checklist is in English: the at attribute and an <at> without xml:lang are English.
        let checklist = try Self.load(Self.checklist(language: "en", allowNA: []))
        let cites = try #require(checklist.requirements.first { $0.id == "CIT-01" }?.cites)
        #expect(cites.count == 3)
        #expect(cites[0].at == LocalizedText("art. 3", language: "en"), "white space collapsed, in the checklist's language")
        #expect(cites[1].at.languages == ["fr", "ar", "en"])
        #expect(cites[1].at.exactly("fr") == "art. 4, al. 2")
        #expect(cites[1].at.exactly("ar") == "المادة 4، الفقرة 2")
        #expect(cites[1].at.exactly("en") == "sec. 4(2)")
        #expect(checklist.text(cites[1].at, in: "ar") == "المادة 4، الفقرة 2")
        #expect(checklist.text(cites[1].at, in: "de") == "sec. 4(2)", "another language: the checklist's")
        #expect(cites[2].at.isEmpty, "a cite may name no locator")
        // In an Arabic checklist the same attribute is Arabic.
        let arabic = try Self.load(Self.checklist(language: "ar", allowNA: []))
        let arabicCites = try #require(arabic.requirements.first?.cites)
        #expect(arabicCites.first?.at == LocalizedText("art. 3", language: "ar"))
        #expect(arabicCites[1].at.languages == ["fr", "ar", "en"])
    }

    @Test func allowNAIsTrueOnlyForTrueOrOne() throws {
        let spellings: [String?] = ["true", "1", nil, "false", "0", " true "]
        let checklist = try Self.load(Self.checklist(language: "fr", allowNA: spellings))
        let byID = Dictionary(uniqueKeysWithValues: checklist.requirements.map { ($0.id, $0.allowsNotApplicable) })
        // R0…R5 in the order of `spellings`; xs:boolean collapses the spaces around " true ".
        #expect((0..<spellings.count).map { byID["R\($0)"] } == [true, true, false, false, false, true])
        #expect(byID["CIT-01"] == false, "absent means false")
    }

    @Test func aBadAllowNAValueIsASchemaError() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.write("c.xml", Self.checklist(language: "fr", allowNA: ["yes"]))
        let errors = checklistErrors(path).filter(\.isError)
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("attribute 'allow-na'") == true, "\(errors)")
        #expect(errors.first?.location.line == 14, "the line of the requirement R0")
    }
}

@Suite struct AssessmentVocabularyAndVisitTests {
    static let mini = Fixtures.path("checklists/valid/mini.xml")
    static let withVisit = Fixtures.path("assessments/valid/inspection-with-visit.xml")
    static let twoAssessors = Fixtures.path("assessments/valid/two-assessors.xml")
    static let undeclared = Fixtures.path("assessments/invalid/undeclared-product.xml")

    @Test func anUndeclaredProductIsALocatedError() throws {
        let checklist = try ChecklistLoader.load(path: Self.mini).value
        let assessment = try AssessmentLoader.load(path: Self.undeclared).value
        let errors = AssessmentCheck.errors(assessment, checklist)
        // <product>dattes</product> is on line 11 and <activity>drying</activity> on line 13,
        // both indented by four spaces: column 5.
        #expect(errors.map(\.location) == [Location(file: Self.undeclared, line: 11, column: 5),
                                           Location(file: Self.undeclared, line: 13, column: 5)])
        #expect(errors.filter(\.isError).count == 2)
        #expect(errors.first?.message.hasPrefix(
            "unknown product 'dattes': did you mean 'dates'? (declared products: cheese, dairy, goat-cheese, honey, milk, dates)") == true)
        #expect(errors.last?.message.hasPrefix("unknown activity 'drying': the closest declared id is 'ripening' (declared activities: ripening, packaging)") == true)
    }

    @Test func anAssessmentForAnotherChecklistIsOnlyThatError() throws {
        let minimal = try ChecklistLoader.load(path: Fixtures.path("checklists/valid/minimal.xml")).value
        let assessment = try AssessmentLoader.load(path: Self.undeclared).value
        let errors = AssessmentCheck.errors(assessment, minimal)
        #expect(errors.count == 1)
        #expect(errors.first?.message.hasPrefix("the assessment is for checklist 'salama-mini', not 'salama-minimal'") == true)
    }

    @Test func severalAssessorsAndEveryPartOfTheVisitAreRead() throws {
        let bytes = try #require(FileManager.default.contents(atPath: Self.withVisit))
        let assessment = try AssessmentLoader.loadCarefully(bytes: Array(bytes), path: Self.withVisit).value
        #expect(assessment.kind == .inspection)
        #expect(assessment.assessors == [Assessor(name: "Dr Youssef El Idrissi", role: .inspector),
                                         Assessor(name: "Karim Bennani", role: .inspector),
                                         Assessor(name: "Aicha Ouhammou", role: .trainer)], "in file order")
        #expect(assessment.visit == Visit(
            number: "ONSSA-ERR/2026/118", purpose: .followUp, start: "09:30", end: "12:15", place: "Douar Tazzarine, Erfoud",
            service: "Service vétérinaire provincial d'Errachidia",  // inner white space collapsed
            met: [PersonMet(name: "Fatima Zahra Ouali", function: "présidente"), PersonMet(name: "Hassan Amrani", function: nil)],
            samples: [VisitSample(id: "E1", product: "dates", analysis: "aflatoxines B1", laboratory: "LOARC"), VisitSample(id: "E2")]))
        #expect(assessment.answers.map(\.ref) == ["PRE-01"])
    }

    @Test func aVisitGoesTheCarefulWay() throws {
        let bytes = Array(try #require(FileManager.default.contents(atPath: Self.withVisit)))
        #expect(AssessmentStreamReader.read(bytes: bytes, path: Self.withVisit) == nil, "the streaming reader does not read visits")
        let loaded = try AssessmentLoader.load(path: Self.withVisit).value
        #expect(loaded == (try AssessmentLoader.loadCarefully(bytes: bytes, path: Self.withVisit).value))
        #expect(loaded.visit?.number == "ONSSA-ERR/2026/118")
        #expect(loaded.assessors.count == 3)
    }

    @Test func twoAssessorsWithoutVisitReadTheSameOnBothPaths() throws {
        let bytes = Array(try #require(FileManager.default.contents(atPath: Self.twoAssessors)))
        let fast = try #require(AssessmentStreamReader.read(bytes: bytes, path: Self.twoAssessors), "the common file takes the fast path")
        let careful = try AssessmentLoader.loadCarefully(bytes: bytes, path: Self.twoAssessors).value
        #expect(fast == careful)
        #expect(fast.assessors == [Assessor(name: "Fatima Zahra", role: .member), Assessor(name: "Brahim Oufkir", role: .trainer)])
        #expect(fast.visit == nil)
    }

    @Test func visitTimesCompareOnlyWhenTheyAreTimes() {
        #expect(Lexical.isTime("00:00") && Lexical.isTime("09:30") && Lexical.isTime("23:59"))
        for bad in ["24:00", "25:00", "12:60", "9:30", "09.30", "09:30 ", "", "ab:cd", "١٢:٣٠"] {
            #expect(!Lexical.isTime(bad), "\(bad)")
        }
    }
}
