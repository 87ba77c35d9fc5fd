import Foundation
@testable import SalamaModel
import SalamaTestSupport
import SalamaXML
import Testing

/// The diagnostics of a checklist that must not load.
func checklistErrors(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
    do {
        _ = try ChecklistLoader.load(path: path)
        Issue.record("\(path) loaded, but errors were expected", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.diagnostics
    }
}

@Suite("Checklist loading: every rule of the contract's section 1")
struct ChecklistLoaderTests {
    static let mini = Fixtures.path("checklists/valid/mini.xml")
    static let water = Fixtures.path("checklists/valid/modules/water.xml")
    static let wells = Fixtures.path("checklists/valid/modules/sub/wells.xml")

    @Test("Each invalid checklist reports exactly its marked errors, at their lines",
          arguments: Fixtures.files(in: "checklists/invalid"))
    func invalidChecklist(path: String) throws {
        let markers = Markers.all(in: path)
        try #require(markers.contains { $0.severity == "error" }, "the fixture marks its expected errors")
        let diagnostics = checklistErrors(path)
        #expect(diagnostics.containsErrors)
        Markers.expect(diagnostics, match: markers)
    }

    @Test func everyRuleHasItsInvalidFixture() {
        let names = Set(Fixtures.files(in: "checklists/invalid").map { ($0 as NSString).lastPathComponent })
        for name in [
            "bad-id.xml", "duplicate-section-id.xml", "duplicate-requirement-id.xml", "duplicate-id-across-module.xml",
            "duplicate-evidence-id.xml", "duplicate-measure-id.xml", "unknown-requirement-target.xml", "unknown-cite-source.xml",
            "includes-unknown-target.xml", "includes-loop.xml", "duplicate-target-level.xml", "min-score-out-of-range.xml",
            "negative-max-major.xml", "bad-severity.xml", "bad-weight.xml", "bad-products-token.xml", "applies-when-empty.xml",
            "measure-bounds.xml", "second-title-same-language.xml", "missing-checklist-language.xml",
            "action-cost-mismatch.xml", "several-problems.xml",
            "undeclared-vocabulary.xml", "duplicate-product.xml", "cite-locator-twice.xml",
        ] {
            #expect(names.contains(name), "missing fixture \(name)")
        }
    }

    @Test func aFileWithManyProblemsReportsThemAll() throws {
        let path = Fixtures.path("checklists/invalid/several-problems.xml")
        let errors = checklistErrors(path).filter(\.isError)
        let module = Fixtures.path("checklists/invalid/modules/several-problems-module.xml")
        #expect(errors.count == 13, "\(errors.map(\.description).joined(separator: "\n"))")
        #expect(errors.filter { Markers.standardized($0.location.file) == module }.count == 3)
        // In file order: the top file first, then the module, each by line.
        #expect(errors.map(\.location) == errors.map(\.location).sorted())
    }

    @Test("Each valid checklist loads without errors or warnings", arguments: Fixtures.files(in: "checklists/valid"))
    func validChecklist(path: String) throws {
        let loaded = try ChecklistLoader.load(path: path)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(loaded.value.path == path)
        #expect(!loaded.value.targets.isEmpty)
    }

    @Test func theHeaderOfTheChecklist() throws {
        let checklist = try ChecklistLoader.load(path: Self.mini).value
        #expect(checklist.id == "salama-mini")
        #expect(checklist.version == "2026.1-test")
        #expect(checklist.language == "fr")
        #expect(checklist.title.languages == ["fr", "ar", "en"], "a title without xml:lang is in the checklist's language")
        #expect(checklist.text(checklist.title, in: "en") == "Mini hygiene checklist")
        #expect(checklist.text(checklist.title, in: "ar") == "شبكة النظافة المصغرة")
        #expect(checklist.text(checklist.title, in: "de") == "Mini-grille d'hygiène")
        #expect(checklist.description.exactly("fr") == "Grille de test des chargeurs.")
        #expect(checklist.partialCredit == 0.4)
        #expect(checklist.sources.map(\.id) == ["loi-28-07", "codex"])
        #expect(checklist.source("loi-28-07")?.title.exactly("en") == "Law 28-07 on the safety of food products")
        #expect(checklist.source("loi-28-07")?.title.exactly("fr") == "Loi n° 28-07 relative à la sécurité sanitaire des produits alimentaires")
        #expect(checklist.source("nope") == nil)
    }

    @Test func theSHA256IsThatOfTheTopFileAsRead() throws {
        let checklist = try ChecklistLoader.load(path: Self.mini).value
        let bytes = try #require(FileManager.default.contents(atPath: Self.mini))
        #expect(checklist.sha256 == SHA256.hex(of: Array(bytes)))
        #expect(checklist.sha256.count == 64)
        #expect(checklist.sha256.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }

    @Test func targetsAreInLevelOrderWithTheirLimits() throws {
        let checklist = try ChecklistLoader.load(path: Self.mini).value
        #expect(checklist.targets.map(\.id) == ["autorisation", "agrement", "export-eu"], "declared out of order, sorted by level")
        #expect(checklist.targets.map(\.level) == [1, 2, 3])
        #expect(checklist.targets.map(\.minScore) == [70, 85.5, 90])
        #expect(checklist.targets.map(\.maxMajor) == [5, nil, 0], "absent max-major means no limit")
        #expect(checklist.targets.map(\.includes) == [nil, "autorisation", "agrement"])
        let agrement = try #require(checklist.target("agrement"))
        #expect(agrement.requiredFor?.products == ["cheese", "milk"])
        #expect(agrement.requiredFor?.activities == nil)
        #expect(agrement.description.exactly("fr") == "Pour les produits laitiers.")
        #expect(agrement.title.exactly("fr") == "Agrément sanitaire")
        #expect(agrement.location == Location(file: Self.mini, line: 28, column: 3))
        #expect(checklist.target("export-eu")?.requiredFor == nil)
        #expect(checklist.target("nope") == nil)
    }

    @Test func sectionsNestAndModulesTakeTheirPlace() throws {
        let checklist = try ChecklistLoader.load(path: Self.mini).value
        #expect(checklist.sections.map(\.id) == ["premises", "water"])
        let premises = checklist.sections[0]
        #expect(premises.subsections.map(\.id) == ["premises.cold"])
        #expect(premises.appliesWhen == nil)
        let cold = premises.subsections[0]
        #expect(cold.appliesWhen?.products == ["cheese", "goat-cheese"])
        #expect(cold.appliesWhen?.activities == ["ripening"])
        let water = checklist.sections[1]
        #expect(water.subsections.map(\.id) == ["wells"])
        #expect(Markers.standardized(water.location.file) == Self.water)
        #expect(water.location.line == 2)
        #expect(checklist.requirements.map(\.id) == ["PRE-01", "PRE_02", "WAT-01", "WEL-01"])
        #expect(premises.allRequirements.map(\.id) == ["PRE-01", "PRE_02"])
        #expect(water.allRequirements.map(\.id) == ["WAT-01", "WEL-01"])
    }

    @Test func requirementsWithTheirDefaults() throws {
        let checklist = try ChecklistLoader.load(path: Self.mini).value
        let byID = Dictionary(uniqueKeysWithValues: checklist.requirements.map { ($0.id, $0) })

        let pre01 = try #require(byID["PRE-01"])
        #expect(pre01.severity == .major)
        #expect(pre01.weight == 1, "weight defaults to 1")
        #expect(pre01.target == "autorisation")
        #expect(pre01.action?.cost == .low, "cost defaults to low")
        #expect(pre01.action?.text.exactly("fr") == "Nettoyer les locaux chaque jour")
        #expect(pre01.cites.isEmpty && pre01.evidence.isEmpty && pre01.measures.isEmpty && pre01.appliesWhen == nil)
        #expect(pre01.location == Location(file: Self.mini, line: 35, column: 5))

        let pre02 = try #require(byID["PRE_02"])
        #expect(pre02.severity == .critical)
        #expect(pre02.weight == 2.5)
        #expect(pre02.target == "agrement")
        #expect(pre02.title.languages == ["fr", "en"])
        #expect(pre02.action == nil)
        #expect(pre02.measures.map(\.id) == ["cold-room"])
        #expect(pre02.measures.first?.unit == "°C")
        #expect(pre02.measures.first?.min == nil)
        #expect(pre02.measures.first?.max == 4)
    }

    @Test func aRequirementOfAModule() throws {
        let checklist = try ChecklistLoader.load(path: Self.mini).value
        let requirement = try #require(checklist.requirements.first { $0.id == "WAT-01" })
        #expect(requirement.severity == .critical)
        #expect(requirement.weight == 2)
        #expect(requirement.guidance.exactly("fr") == "Analyse annuelle par un laboratoire agréé.")
        #expect(requirement.cites.map(\.source) == ["loi-28-07"])
        #expect(requirement.cites.first?.at == LocalizedText("art. 3", language: "fr"))
        #expect(requirement.appliesWhen?.products == ["honey", "dairy"])
        #expect(requirement.appliesWhen?.activities == nil)
        #expect(requirement.evidence.map(\.id) == ["water-analysis"])
        #expect(requirement.evidence.first?.maxAgeDays == 365)
        #expect(requirement.evidence.first?.title.exactly("fr") == "Bulletin d'analyse de potabilité")
        #expect(requirement.measures.map(\.id) == ["free-chlorine", "ph"])
        #expect(requirement.measures[0].unit == "mg/L")
        #expect(requirement.measures[0].min == 0.1 && requirement.measures[0].max == 1.0)
        #expect(requirement.measures[1].min == 6.5 && requirement.measures[1].max == nil)
        #expect(requirement.action?.cost == .investment)
        #expect(requirement.action?.text.languages == ["fr", "en"])
        #expect(requirement.action?.text.exactly("en") == "Have the water analysed by an approved laboratory")
        // Located in the module that holds it, not in the checklist.
        #expect(Markers.standardized(requirement.location.file) == Self.water)
        #expect(requirement.location.line == 4)
        #expect(requirement.location.column == 3)
        #expect(Markers.standardized(requirement.measures[0].location.file) == Self.water)
        #expect(requirement.measures[0].location.line == 12)

        let nested = try #require(checklist.requirements.first { $0.id == "WEL-01" })
        #expect(nested.severity == .minor)
        #expect(nested.weight == 0.5)
        #expect(nested.target == "export-eu")
        #expect(nested.cites.map(\.source) == ["codex"])
        #expect(Markers.standardized(nested.location.file) == Self.wells)
        #expect(nested.location.line == 4)
    }

    @Test func measuresAcceptTheirClosedRange() throws {
        let checklist = try ChecklistLoader.load(path: Self.mini).value
        let measures = try #require(checklist.requirements.first { $0.id == "WAT-01" }?.measures)
        #expect(measures[0].accepts(0.1) && measures[0].accepts(1.0) && measures[0].accepts(0.4))
        #expect(!measures[0].accepts(0.09) && !measures[0].accepts(1.01))
        #expect(measures[1].accepts(6.5) && measures[1].accepts(1000))
        #expect(!measures[1].accepts(6.49))
    }

    @Test func conditionsNeedATokenOfEachAttributeGiven() throws {
        let checklist = try ChecklistLoader.load(path: Self.mini).value
        let cold = try #require(checklist.sections[0].subsections[0].appliesWhen)
        #expect(cold.matches(products: ["dates", "goat-cheese"], activities: ["ripening"]))
        #expect(!cold.matches(products: ["goat-cheese"], activities: []))
        #expect(!cold.matches(products: ["dates"], activities: ["ripening"]))
        let required = try #require(checklist.target("agrement")?.requiredFor)
        #expect(required.matches(products: ["milk"], activities: []))
        #expect(!required.matches(products: ["honey"], activities: ["packaging"]))
    }

    @Test func theLeastChecklistTakesEveryDefault() throws {
        let checklist = try ChecklistLoader.load(path: Fixtures.path("checklists/valid/minimal.xml")).value
        #expect(checklist.language == "en")
        #expect(checklist.partialCredit == 0.5, "the contract's default partial credit")
        #expect(checklist.sections.isEmpty && checklist.requirements.isEmpty && checklist.sources.isEmpty)
        #expect(checklist.description.isEmpty)
        let target = try #require(checklist.targets.first)
        #expect(target.minScore == 0 && target.maxMajor == nil && target.includes == nil && target.requiredFor == nil)
    }

    @Test func severitiesAndCostsAreOrdered() {
        #expect(Severity.allCases.sorted() == [.critical, .major, .minor])
        #expect(Severity.critical < .minor)
        #expect(Cost.allCases.sorted() == [.free, .low, .investment])
    }

    @Test("Refused includes stop the loading, located at the xi:include",
          arguments: Fixtures.files(in: "hostile").filter { ($0 as NSString).lastPathComponent.hasPrefix("include-") })
    func refusedIncludes(path: String) throws {
        let markers = Markers.all(in: path)
        try #require(!markers.isEmpty)
        let diagnostics = checklistErrors(path)
        Markers.expect(diagnostics, match: markers)
        #expect(!diagnostics.description.contains(HostileLoadingTests.secret))
    }

    @Test func anAssessmentIsNotAChecklist() throws {
        let path = Fixtures.path("assessments/valid/mini-self.xml")
        #expect(checklistErrors(path).map(\.description) == [
            "\(path):3:1: error: not a checklist: the root element must be <checklist xmlns=\"urn:salama:checklist:1\">"])
    }

    @Test func aModuleOnItsOwnIsNotAChecklist() throws {
        let diagnostics = checklistErrors(Self.water)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix("not a checklist") == true)
        #expect(diagnostics.first?.location.line == 2)
    }
}

@Suite("Loading hostile and oddly encoded checklists")
struct HostileLoadingTests {
    static let secret = "SALAMA-SECRET-5f2d9c41-never-print-me"

    @Test func aLatin1ChecklistLoadsWithItsAccents() throws {
        let checklist = try ChecklistLoader.load(path: Fixtures.path("hostile/latin1.xml")).value
        #expect(checklist.text(checklist.title, in: "fr") == "Hygiène des établissements")
        #expect(checklist.targets.first.map { checklist.text($0.title, in: "fr") } == "Agrément à 100 %")
    }

    @Test func aChecklistWithAByteOrderMarkLoads() throws {
        let checklist = try ChecklistLoader.load(path: Fixtures.path("hostile/bom.xml")).value
        #expect(checklist.id == "bom")
        #expect(checklist.text(checklist.title, in: nil) == "Hygiène avec BOM")
    }

    @Test("Broken or hostile files give errors, never the content of a local file", arguments: [
        "external-entity.xml", "entity-bomb.xml", "external-dtd.xml", "malformed.xml", "empty.xml",
        "unsupported-encoding.xml", "invalid-utf8.xml", "no-such-file.xml",
    ])
    func hostileFilesAreRefused(name: String) throws {
        let path = Fixtures.path("hostile/" + name)
        let diagnostics = checklistErrors(path)
        #expect(diagnostics.containsErrors)
        #expect(diagnostics.allSatisfy { $0.location.file == path }, "\(diagnostics)")
        #expect(!diagnostics.description.contains(Self.secret))
    }

    @Test func aDirectoryIsNotAChecklist() {
        let path = Fixtures.path("checklists/valid")
        #expect(checklistErrors(path) == [.error(at: .file(path), XMLMessage.pathIsFolder)])
    }
}

typealias Location = SalamaXML.SourceLocation
