import Foundation
import HummingbirdTesting
import Logging
import SalamaModel
@testable import SalamaServer
import SalamaTestSupport
import SalamaWorkbook
import Testing

@Suite("Workshop storage")
struct StorageTests {
    let logger = Logger(label: "salama.test") { _ in SwiftLogNoOpLogHandler() }
    static let today: @Sendable () -> Day = { Day(iso: "2026-11-20")! }

    func workshop(_ folder: String, historyLimit: Int = 50) throws -> Workshop {
        try Workshop(folder: DataFolder(folder), checklists: Fixtures.repositoryPath("Checklists"), historyLimit: historyLimit,
                     today: Self.today, logger: logger)
    }

    func change(_ ref: String, _ status: AnswerStatus, seen: Int) -> AnswerChange {
        AnswerChange(ref: ref, seenRevision: seen, fields: AnswerContent(status: status))
    }

    @Test("A record older than its XML (a crash between the two writes) moves every answer to a new revision: stale pages conflict")
    func crashBetweenWrites() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let first = try workshop(folder.path)
        let cell = try first.addCooperative(Cooperative(id: "", name: "Nakhil", region: "", province: "", products: ["dates"]))
        let saved = try await cell.save([change("IMP-01", .yes, seen: 0)], requirements: first.requirements, today: Self.today())
        #expect(saved.saved == ["IMP-01": 1])
        // The XML of a later save reached the disk, its record did not.
        let record = try Data(contentsOf: URL(fileURLWithPath: first.folder.record(cell.key)))
        _ = try await cell.save([change("IMP-02", .no, seen: 0)], requirements: first.requirements, today: Self.today())
        try record.write(to: URL(fileURLWithPath: first.folder.record(cell.key)))

        let reopened = try workshop(folder.path)
        let again = try #require(reopened.cell(key: cell.key))
        let state = await again.state()
        #expect(state.assessment.answers.first { $0.ref == "IMP-02" }?.status == .no)
        #expect(state.revision == 2)
        #expect(state.answerRevisions["IMP-02"] == 2)
        // A page opened before the crash saw IMP-03 at revision 0: refused, not overwritten.
        let stale = try await again.save([change("IMP-03", .no, seen: 0)], requirements: reopened.requirements, today: Self.today())
        #expect(stale.saved.isEmpty)
        #expect(stale.conflicts["IMP-03"]?.revision == 2)
        let fresh = try await again.save([change("IMP-03", .no, seen: 2)], requirements: reopened.requirements, today: Self.today())
        #expect(fresh.saved == ["IMP-03": 3])
    }

    @Test("The history keeps the previous versions, up to its limit; state files are private")
    func history() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let workshop = try workshop(folder.path, historyLimit: 3)
        let cell = try workshop.addCooperative(Cooperative(id: "COOP-ERR-0042", name: "Nakhil", region: "", province: "", products: ["dates"]))
        #expect(cell.key == "COOP-ERR-0042-self")
        var seen = 0
        for status in [AnswerStatus.yes, .no, .partial, .yes, .no] {
            let outcome = try await cell.save([change("IMP-01", status, seen: seen)], requirements: workshop.requirements, today: Self.today())
            seen = try #require(outcome.saved["IMP-01"])
        }
        let kept = try FileManager.default.contentsOfDirectory(atPath: workshop.folder.history(cell.key)).sorted()
        #expect(kept == ["r2.xml", "r3.xml", "r4.xml"])
        // Revision 4 held the fourth answer ("yes"); the file holds the fifth.
        let fourth = try AssessmentLoader.load(path: workshop.folder.history(cell.key, revision: 4)).value
        #expect(fourth.answers.first { $0.ref == "IMP-01" }?.status == .yes)
        #expect(try AssessmentLoader.load(path: workshop.folder.assessment(cell.key)).value.answers.first?.status == .no)
        let mode = try FileManager.default.attributesOfItem(atPath: workshop.folder.record(cell.key))[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("A cooperative with an unknown product, a bad id or a duplicate id is refused with the reasons")
    func refusals() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let workshop = try workshop(folder.path)
        #expect(throws: WorkshopProblem.self) {
            try workshop.addCooperative(Cooperative(id: "", name: "X", region: "", province: "", products: ["caviar"]))
        }
        #expect(throws: WorkshopProblem.self) {
            try workshop.addCooperative(Cooperative(id: "../etc", name: "X", region: "", province: "", products: ["dates"]))
        }
        _ = try workshop.addCooperative(Cooperative(id: "COOP-1", name: "X", region: "", province: "", products: ["dates"]))
        #expect(throws: WorkshopProblem.self) {
            try workshop.addCooperative(Cooperative(id: "COOP-1", name: "Y", region: "", province: "", products: ["dates"]))
        }
        #expect(!DataFolder.isKey("../x") && !DataFolder.isKey(".hidden") && !DataFolder.isKey("a/b") && DataFolder.isKey("COOP-1-self"))
    }

    @Test("Numbers as typed on a phone, and numbers written back as xs:decimal")
    func numbers() {
        #expect(NumberText.decimal("0,4") == 0.4)
        #expect(NumberText.decimal("٠٫٤") == 0.4)
        #expect(NumberText.decimal("۱۲") == 12)
        #expect(NumberText.decimal("-3") == -3)
        #expect(NumberText.decimal("1e3") == nil)
        #expect(NumberText.decimal("1.2.3") == nil)
        #expect(NumberText.decimal("") == nil)
        #expect(AssessmentXML.decimal(0.00001) == "0.00001")
        #expect(AssessmentXML.decimal(1e21) == "1000000000000000000000")
        #expect(AssessmentXML.decimal(-2.5) == "-2.5")
        #expect(AssessmentXML.decimal(40) == "40")
        #expect(Secrets.constantTimeEquals("abc", "abc") && !Secrets.constantTimeEquals("abc", "abd") && !Secrets.constantTimeEquals("abc", "ab"))
        #expect(Secrets.token().count == 32)
    }
}

@Suite("Workshop pages")
struct PageTests {
    static let templates = Views.bundledDirectory

    @Test("Templates never print unescaped (no triple mustache, no {{&}}), and every word exists in the three languages")
    func templates() async throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.templates).filter { $0.hasSuffix(".mustache") }
        #expect(names.count == Views.templates.count)
        for name in names {
            let text = try String(contentsOfFile: Self.templates + "/" + name, encoding: .utf8)
            #expect(!text.contains("{{{") && !text.contains("{{&"), "\(name)")
            #expect(!text.contains("<script>") && !text.contains("style="), "\(name): inline script or style")
        }
        // Loading checks every template and that the word lists match.
        let views = try await Views(directory: Self.templates)
        #expect(views.strings[.ar]?["yes"] == "نعم")
    }

    @Test("Every rubric page, with its style sheet and script, weighs at most 60 KB (a cooperative with every product)")
    func pageWeight() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let resources = Views.bundledDirectory + "/../Public"
        let assets = try Data(contentsOf: URL(fileURLWithPath: resources + "/app.css")).count + Data(contentsOf: URL(fileURLWithPath: resources + "/app.js")).count
        let checklist = try ChecklistLoader.load(path: Fixtures.repositoryPath("Checklists/onssa-hygiene.xml")).value
        let products = checklist.products.map(\.id)
        let activities = checklist.activities.map(\.id)
        let heaviest = try await harness.run { client in
            let trainer = try await client.login()
            let (_, link) = try await client.addCooperative(trainer, name: "Toutes filières", products: products, activities: activities)
            var heaviest = 0
            for language in ["ar", "fr", "en"] {
                var number = 1
                while true {
                    let size = try await client.execute(uri: "\(link)/\(language)/r/\(number)", method: .get) {
                        $0.status == .ok ? $0.body.readableBytes : nil
                    }
                    guard let size else { break }
                    heaviest = max(heaviest, size)
                    number += 1
                }
                #expect(number > 5)
            }
            return heaviest
        }
        #expect(heaviest + assets <= 60 * 1024, "heaviest page \(heaviest) B + assets \(assets) B")
    }
}

@Suite("Assessment XML written back")
struct AssessmentWritingTests {
    @Test("Every sample reads back the same after AssessmentXML.write: cooperative, assessors, visit, answers")
    func roundTrip() throws {
        let folder = Fixtures.repositoryPath("Samples")
        let samples = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }.sorted().map { folder + "/" + $0 }
        #expect(samples.count >= 10)
        for file in samples {
            let original = try AssessmentLoader.load(path: file).value
            let written = AssessmentXML.write(original)
            let again = try AssessmentLoader.loadCarefully(bytes: Array(written.utf8), path: file).value
            #expect(again.cooperative == original.cooperative, "\(file)")
            #expect(again.assessors == original.assessors, "\(file)")
            #expect(again.visit == original.visit, "\(file)")
            #expect(again.date == original.date && again.kind == original.kind && again.checklistVersion == original.checklistVersion, "\(file)")
            #expect(again.answers.map(AnswerContent.init) == original.answers.map(AnswerContent.init), "\(file)")
            #expect(again.answers.map { $0.evidence.map(\.document) } == original.answers.map { $0.evidence.map(\.document) }, "\(file)")
        }
    }
}
