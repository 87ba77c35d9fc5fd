import Foundation
@testable import SalamaModel
import SalamaTestSupport
import SalamaXML
import Testing

/// The diagnostics of an assessment that must not load.
func assessmentErrors(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
    do {
        _ = try AssessmentLoader.load(path: path)
        Issue.record("\(path) loaded, but errors were expected", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.diagnostics
    }
}

@Suite("Assessment loading: the rules of the contract's section 2")
struct AssessmentLoaderTests {
    static let miniChecklist = Fixtures.path("checklists/valid/mini.xml")
    static let miniSelf = Fixtures.path("assessments/valid/mini-self.xml")
    static let workbook = Fixtures.path("assessments/valid/inspection-blank-workbook.xml")

    @Test("Each invalid assessment reports exactly its marked errors, at their lines",
          arguments: Fixtures.files(in: "assessments/invalid"))
    func invalidAssessment(path: String) throws {
        let markers = Markers.all(in: path)
        try #require(markers.contains { $0.severity == "error" }, "the fixture marks its expected errors")
        let diagnostics = Self.errors(path)
        #expect(diagnostics.containsErrors)
        Markers.expect(diagnostics, match: markers)
    }

    /// The errors of an assessment file: those of loading it or, when it loads, those of
    /// checking it against the valid fixture checklist it names (1.1: its vocabulary).
    static func errors(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
        do {
            let assessment = try AssessmentLoader.load(path: path).value
            let catalog = ChecklistCatalog(.directory(Fixtures.path("checklists/valid")))
            let checklist = try #require(try? catalog.checklist(for: assessment.checklistID).value,
                                         "\(path) loads and names no valid fixture checklist", sourceLocation: sourceLocation)
            return AssessmentCheck.errors(assessment, checklist)
        } catch {
            return (error as? InvalidInputError)?.diagnostics ?? []
        }
    }

    @Test func everyRuleHasItsInvalidFixture() {
        let names = Set(Fixtures.files(in: "assessments/invalid").map { ($0 as NSString).lastPathComponent })
        for name in [
            "impossible-date.xml", "impossible-deadline-and-evidence-date.xml", "malformed-date.xml", "duplicate-answer.xml",
            "bad-status.xml", "bad-kind.xml", "bad-role.xml", "missing-product.xml", "non-decimal-measurement.xml",
            "wrong-root-element.xml", "wrong-namespace.xml", "several-problems.xml",
            "undeclared-product.xml", "no-assessor.xml", "visit-ends-before-start.xml", "bad-visit-purpose-and-time.xml",
        ] {
            #expect(names.contains(name), "missing fixture \(name)")
        }
    }

    @Test func aFileWithManyProblemsReportsThemAll() {
        let errors = assessmentErrors(Fixtures.path("assessments/invalid/several-problems.xml")).filter(\.isError)
        #expect(errors.count == 10, "\(errors.map(\.description).joined(separator: "\n"))")
        #expect(errors.map(\.location) == errors.map(\.location).sorted())
    }

    /// Loads `path` and checks it against the checklist it names among the valid fixture
    /// checklists, if one has its id: every warning must be marked, every marker reported.
    @Test("Each valid assessment loads; its warnings are exactly the marked ones",
          arguments: Fixtures.files(in: "assessments/valid"))
    func validAssessment(path: String) throws {
        let loaded = try AssessmentLoader.load(path: path)
        var diagnostics = loaded.warnings
        let catalog = ChecklistCatalog(.directory(Fixtures.path("checklists/valid")))
        if let checklist = try? catalog.checklist(for: loaded.value.checklistID).value {
            #expect(AssessmentCheck.errors(loaded.value, checklist).isEmpty)
            diagnostics += Self.warnings(loaded.value, checklist).map(\.diagnostic)
        }
        #expect(!diagnostics.containsErrors)
        Markers.expect(diagnostics, match: Markers.all(in: path))
    }

    @Test func aCompleteSelfAssessment() throws {
        let loaded = try AssessmentLoader.load(path: Self.miniSelf)
        #expect(loaded.warnings.isEmpty)
        let assessment = loaded.value
        #expect(assessment.path == Self.miniSelf)
        #expect(assessment.checklistID == "salama-mini")
        #expect(assessment.checklistVersion == "2026.1-test")
        #expect(assessment.date == Day(year: 2026, month: 11, day: 20))
        #expect(assessment.kind == .selfAssessment)
        #expect(assessment.location == Location(file: Self.miniSelf, line: 3, column: 1))
        #expect(assessment.cooperative == Cooperative(
            id: "COOP-ERR-0042", name: "Coopérative Nakhil Erfoud", region: "Drâa-Tafilalet", province: "Errachidia",
            commune: "Erfoud", members: 23, products: ["dates", "honey"], activities: ["packaging"]))
        #expect(assessment.assessors == [Assessor(name: "Fatima Zahra", role: .member)])
        #expect(assessment.visit == nil)
        #expect(assessment.answers.map(\.ref) == ["PRE-01", "WAT-01", "WEL-01", "PRE_02"])
        #expect(assessment.answers.map(\.status) == [.yes, .partial, .na, .no])
        #expect(assessment.answers.map(\.deadline) == [nil, Day(iso: "2027-01-31"), nil, nil])

        let water = assessment.answers[1]
        #expect(water.location == Location(file: Self.miniSelf, line: 15, column: 3))
        #expect(water.evidence == [EvidenceRecord(ref: "water-analysis", date: Day(iso: "2026-03-02"), document: "analyse-eau-2026.pdf",
                                                  location: Location(file: Self.miniSelf, line: 16, column: 5))])
        #expect(water.measurements.map(\.ref) == ["free-chlorine", "ph"])
        #expect(water.measurements.map(\.value) == [0.4, -7.25])
        #expect(water.measurements.map(\.location.line) == [17, 18])
        #expect(water.notes == ["Analyse faite au laboratoire de Rissani.", "Chlore mesuré le jour de la visite."])
    }

    @Test func aBlankInspectionWorkbook() throws {
        let assessment = try AssessmentLoader.load(path: Self.workbook).value
        #expect(assessment.kind == .inspection)
        #expect(assessment.date == Day(iso: "2024-02-29"), "a real leap day")
        #expect(assessment.checklistVersion == nil)
        #expect(assessment.assessors.map(\.role) == [.inspector])
        #expect(assessment.cooperative.commune == nil)
        #expect(assessment.cooperative.members == nil)
        #expect(assessment.cooperative.products == ["goat-cheese"])
        #expect(assessment.cooperative.activities.isEmpty)
        #expect(assessment.answers.map(\.status) == [nil, nil], "an answer without status counts as no answer")
        #expect(assessment.answers[1].evidence.map(\.date) == [nil])
        #expect(assessment.answers[1].evidence.map(\.document) == [""])
        #expect(assessment.answers[1].measurements.map(\.value) == [nil])
    }

    @Test func warningsOfAnAssessmentAgainstItsChecklist() throws {
        let checklist = try ChecklistLoader.load(path: Self.miniChecklist).value
        let path = Fixtures.path("assessments/valid/unknown-references.xml")
        let assessment = try AssessmentLoader.load(path: path).value
        let warnings = Self.warnings(assessment, checklist)
        #expect(warnings.map(\.code) == ["checklist-version-mismatch", "unknown-requirement", "unknown-evidence", "unknown-measure"])
        #expect(warnings.map(\.diagnostic.severity).allSatisfy { $0 == .warning })
        #expect(warnings[1] == .unknownRequirement(ref: "XYZ-9", suggestion: nil, location: Location(file: path, line: 11, column: 3)))
        // The complete assessment is clean.
        #expect(Self.warnings(try AssessmentLoader.load(path: Self.miniSelf).value, checklist).isEmpty)
    }

    /// The warnings of an assessment whose every answered requirement applies (applicability
    /// is the evaluation's, tested there).
    static func warnings(_ assessment: Assessment, _ checklist: Checklist) -> [AssessmentWarning] {
        let requirements = Dictionary(checklist.requirements.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let suggester = RequirementSuggester(requirementIDs: checklist.requirements.map(\.id))
        return AssessmentCheck.warnings(assessment, checklist, partsOfAnswer: { position in
            requirements[assessment.answers[position].ref].map { AssessmentCheck.Parts($0, applies: true) }
        }, suggestion: suggester.suggestion(for:))
    }

    @Test func anAssessmentForAnotherChecklistIsAnError() throws {
        let other = try ChecklistLoader.load(path: Fixtures.path("checklists/valid/minimal.xml")).value
        let assessment = try AssessmentLoader.load(path: Self.miniSelf).value
        let mismatch = try #require(AssessmentCheck.mismatch(assessment, other))
        #expect(mismatch.isError)
        #expect(mismatch.location == assessment.location)
        #expect(mismatch.message.hasPrefix("the assessment is for checklist 'salama-mini', not 'salama-minimal'"))
    }

    @Test func aChecklistIsNotAnAssessment() {
        #expect(assessmentErrors(Self.miniChecklist).map(\.description) == [
            "\(Self.miniChecklist):4:1: error: not an assessment: the root element must be <assessment xmlns=\"urn:salama:assessment:1\">"])
    }

    @Test func aMissingAssessmentFileIsAnError() {
        let path = Fixtures.path("assessments/valid/no-such-assessment.xml")
        #expect(assessmentErrors(path) == [.error(at: .file(path), XMLMessage.cannotReadFile(reason: .reasonNoSuchFile))])
    }
}

@Suite("Finding checklists")
struct ChecklistCatalogTests {
    @Test func aFolderIsSearchedByChecklistID() throws {
        let catalog = ChecklistCatalog(.directory(Fixtures.path("checklists/valid")))
        #expect(try catalog.checklist(for: "salama-mini").value.path == Fixtures.path("checklists/valid/mini.xml"))
        #expect(try catalog.checklist(for: "salama-minimal").value.path == Fixtures.path("checklists/valid/minimal.xml"))
        do {
            _ = try catalog.checklist(for: "argan-oil-2030")
            Issue.record("found a checklist that does not exist")
        } catch {
            #expect(error.diagnostics == [.error(at: .file(Fixtures.path("checklists/valid")), ModelMessage.noChecklistWithID(id: "argan-oil-2030"))])
            #expect(error.diagnostics.first?.message == "no checklist with id 'argan-oil-2030' in this folder")
        }
    }

    @Test func aMissingFolderIsAnError() {
        let folder = Fixtures.path("checklists/no-such-folder")
        do {
            _ = try ChecklistCatalog(.directory(folder)).checklist(for: "salama-mini")
            Issue.record("found a checklist in a missing folder")
        } catch {
            #expect(error.diagnostics == [.error(at: .file(folder), ModelMessage.checklistFolderNotFound)])
            #expect(error.diagnostics.first?.description == "\(folder): error: checklist folder not found")
        }
    }

    @Test func oneFileServesEveryID() throws {
        let path = Fixtures.path("checklists/valid/minimal.xml")
        let catalog = ChecklistCatalog(.file(path))
        #expect(try catalog.checklist(for: "anything").value.id == "salama-minimal")
    }

    @Test func anInvalidChecklistStaysInvalid() throws {
        let path = Fixtures.path("checklists/invalid/bad-weight.xml")
        let catalog = ChecklistCatalog(.file(path))
        for _ in 0..<2 {
            do {
                _ = try catalog.checklist(for: "broken")
                Issue.record("an invalid checklist loaded")
            } catch {
                #expect(error.errors.count == 2)
            }
        }
    }
}
